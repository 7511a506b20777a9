"""The `places` component: place mentions found in text and resolved with the gazetteer."""
from __future__ import annotations

import pytest

from sourcebook.model import Mention
from sourcebook.pipeline.registry import get_component


@pytest.fixture(scope="module")
def places(codebook):
    return get_component("places").factory(codebook)


def found(places, doc):
    return [(m.text, m.value.name, m.value.admin1, m.value.country, m.value.precision)
            for m in places(doc).mentions_of("place")]


@pytest.mark.parametrize("text, expected", [
    pytest.param("A car bomb exploded in Mosul, killing nine people.",
                 [("Mosul", "Mosul", "Nineveh", "IQ", "place")], id="iraq-town"),
    pytest.param("Gunmen stormed a checkpoint near Maiduguri in Borno State.",
                 [("Maiduguri", "Maiduguri", "Borno", "NG", "place"),
                  ("Borno State", "Borno", "Borno", "NG", "province")], id="nigeria-state-suffix"),
    pytest.param("Militants attacked a base near Gao in northern Mali.",
                 [("Gao", "Gao", "Gao", "ML", "place"), ("Mali", "Mali", None, "ML", "country")], id="mali"),
    pytest.param("Fighting continued in Idlib province on Tuesday.",
                 [("Idlib", "Idlib", "Idlib", "SY", "province")], id="province-cue"),
    pytest.param("Troops cleared villages in the Lower Shabelle region of Somalia.",
                 [("Lower Shabelle", "Lower Shabelle", "Lower Shabelle", "SO", "province"),
                  ("Somalia", "Somalia", None, "SO", "country")], id="somalia-region"),
    pytest.param("Drone strikes hit North Waziristan Agency twice in May.",
                 [("North Waziristan Agency", "North Waziristan", "Khyber Pakhtunkhwa", "PK", "district")],
                 id="former-agency"),
    pytest.param("Police said the blast in Baluchistan killed four.",
                 [("Baluchistan", "Balochistan", "Balochistan", "PK", "province")], id="variant-spelling"),
    pytest.param("The militants fled to the Sambisa Forest after the raid.",
                 [("Sambisa Forest", "Sambisa Forest", "Borno", "NG", "district")], id="supplement-forest"),
])
def test_places_finds_and_resolves(places, make_doc, text, expected):
    assert found(places, make_doc(text)) == expected


@pytest.mark.parametrize("text, country", [
    pytest.param("Afghanistan saw more violence. A bomb hit a market in Jalalabad.", "AF", id="afghan-context"),
    pytest.param("Protests spread across India. A curfew was imposed in Jalalabad, Punjab, India.", "IN",
                 id="comma-country"),
])
def test_places_ambiguous_name_follows_document_context(places, make_doc, text, country):
    jalalabad = [m for m in places(make_doc(text)).mentions_of("place") if m.text == "Jalalabad"]
    assert jalalabad and jalalabad[0].value.country == country
    assert jalalabad[0].data["candidates"] >= 1


def test_places_comma_country_narrows(places, make_doc):
    doc = places(make_doc("Two soldiers died in an ambush in Kunar, Afghanistan, on Sunday."))
    kunar = doc.mentions_of("place")[0]
    assert (kunar.text, kunar.value.country, kunar.value.precision) == ("Kunar", "AF", "province")
    assert kunar.value.latitude is not None


@pytest.mark.parametrize("text", [
    pytest.param("Police said many people were hurt. Most of them were women.", id="common-words"),
    pytest.param("Many witnesses said the Mosque was full on Friday.", id="sentence-openers"),
    pytest.param("Khan told reporters that the Islamic movement would respond.", id="person-and-adjective"),
    pytest.param("Afghan and Pakistani officials met to discuss border security.", id="demonyms"),
    pytest.param("The statement was signed by Hamid and Omar.", id="person-names"),
    pytest.param("the bomb went off in mosul late at night.", id="no-capital-letter"),
])
def test_places_yields_nothing(places, make_doc, text):
    assert found(places, make_doc(text)) == []


def test_places_skips_spans_inside_actor_mentions(places, make_doc):
    text = "Islamic State Khorasan Province claimed the attack in Kabul."
    doc = make_doc(text)
    actor = "Islamic State Khorasan Province"
    doc.mentions.append(Mention("actor", doc.span(0, len(actor)), actor))
    assert [m.text for m in places(doc).mentions_of("place")] == ["Kabul"]


def test_places_unknown_district_keeps_name_without_coordinates(places, make_doc):
    doc = places(make_doc("Clashes were reported in Zqorbani district overnight."))
    mention = doc.mentions_of("place")[0]
    assert mention.text == "Zqorbani"
    assert (mention.value.name, mention.value.latitude, mention.value.country) == ("Zqorbani", None, None)
    assert mention.data["candidates"] == 0


def test_places_skips_boilerplate(places, make_doc):
    text = "More news from Baghdad. A blast hit Mosul."
    doc = make_doc(text)
    doc.meta["boilerplate"] = [(0, 23)]
    assert [m.text for m in places(doc).mentions_of("place")] == ["Mosul"]


@pytest.mark.parametrize("text, name", [
    pytest.param("Fighters overran Qorwazi, a fishing village on the river, at dawn.", "Qorwazi",
                 id="apposition-village"),
    pytest.param("A bomb went off in the town's Zelmabad Colony neighbourhood on Monday.", "Zelmabad Colony",
                 id="neighbourhood-cue"),
    pytest.param("Militants attacked a base at Buurqaaxo, in Somalia's Bakool region.", "Buurqaaxo",
                 id="name-then-known-place"),
])
def test_places_unknown_name_marked_by_text(places, make_doc, text, name):
    unknown = [m for m in places(make_doc(text)).mentions_of("place") if m.value.country is None]
    assert [(m.text, m.value.name) for m in unknown] == [(name, name)]


@pytest.mark.parametrize("text", [
    pytest.param("The bomber struck a Hazara neighbourhood of the capital.", id="indefinite-description"),
    pytest.param("The statement came from Qorwazi Holdings, a trading company.", id="apposition-not-a-place"),
    pytest.param("Talks with Zarmina Qaderi, in Kabul, went on for hours.", id="no-preposition-before"),
])
def test_places_unknown_name_needs_a_marker(places, make_doc, text):
    unknown = [m for m in places(make_doc(text)).mentions_of("place") if m.value.country is None]
    assert unknown == []


@pytest.mark.parametrize("text, expected", [
    pytest.param("Troops entered Lower Dir District (LDD) in May. Curfews in LDD were lifted in June.",
                 [("Lower Dir District", "Lower Dir"), ("LDD", "Lower Dir")], id="defined-district"),
    pytest.param("Aid reached Khyber Pakhtunkhwa (KP) late. Schools in KP reopened.",
                 [("Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa"), ("KP", "Khyber Pakhtunkhwa")], id="defined-province"),
    pytest.param("Fighters of Islamic State (IS) lost ground. IS fled Mosul.", [("Mosul", "Mosul")],
                 id="group-acronym-is-no-place"),
    pytest.param("The LDD report came out. Later, Lower Dir District was calm.", [("Lower Dir District", "Lower Dir")],
                 id="undefined-acronym"),
])
def test_places_defined_short_forms(pipeline, make_doc, text, expected):
    doc = pipeline(make_doc(text))
    assert [(m.text, m.value.name) for m in doc.mentions_of("place")] == expected


@pytest.mark.parametrize("text, name, country", [
    pytest.param("In Somalia, militants shelled Baydhaba and Mogadisho overnight.", "Mogadishu", "SO",
                 id="loose-spelling-in-context"),
    pytest.param("Diplomats in Washington condemned the blast.", "Washington", "US", id="washington-capital"),
])
def test_places_loose_spellings(places, make_doc, text, name, country):
    got = [(n, c) for _, n, _, c, _ in found(places, make_doc(text))]
    assert (name, country) in got


@pytest.mark.parametrize("text, expected", [
    pytest.param("Fighters camped near Nuevo del Cairo in Colombia.",
                 [("Colombia", "Colombia", None, "CO", "country")], id="tail-after-del-is-not-cairo"),
    pytest.param("Raids went on in the North East of Kenya near Garissa.",
                 [("Kenya", "Kenya", None, "KE", "country"), ("Garissa", "Garissa", "Garissa", "KE", "place")],
                 id="compass-region-not-foreign"),
    pytest.param("Bandits spread across Nigeria's North West before the rains.",
                 [("Nigeria", "Nigeria", None, "NG", "country"), ("North West", "North West", None, "NG", "province")],
                 id="compass-region-in-country"),
    pytest.param("Troops cleared two villages in Maguindanao del Norte, Philippines.",
                 [("Maguindanao del Norte", "Maguindanao del Norte", "Autonomous Region in Muslim Mindanao", "PH",
                   "district"), ("Philippines", "Philippines", None, "PH", "country")], id="name-with-del"),
])
def test_places_tail_and_compass_need_document_country(places, make_doc, text, expected):
    assert found(places, make_doc(text)) == expected
