"""The `events` component on sentences written for these tests (other groups, places, figures)."""
from __future__ import annotations

import pytest

from sourcebook.pipeline import Pipeline

UPSTREAM = ("sentences", "dates", "quantities", "mentions", "places", "events")


@pytest.fixture(scope="module")
def extract(codebook):
    pipeline = Pipeline(codebook)
    for name in UPSTREAM:
        pipeline.add_pipe(name)

    from sourcebook.ingest.normalize import make_document

    def run(text: str, **meta):
        doc = pipeline(make_document(text, "test.txt", **meta))
        return [c for c in doc.claims if c.kind == "event"]

    return run


def figure(value):
    return None if value is None else (value.low, value.high, value.qualifier)


@pytest.mark.parametrize("text,killed,injured", [
    pytest.param("On 3 March 2019, a car bomb exploded at a market in Mosul, killing 14 people and wounding 30.",
                 (14, 14, None), (30, 30, None), id="killing-wounding"),
    pytest.param("In June 2016 a suicide attack on a checkpoint near Mogadishu left 22 people dead and 41 injured.",
                 (22, 22, None), (41, 41, None), id="left-dead-injured"),
    pytest.param("On 9 May 2018, gunmen stormed a village in Borno State; at least 31 people were killed.",
                 (31, 31, "at least"), None, id="were-killed-after-semicolon"),
    pytest.param("A roadside bomb in Aden on 2 February 2020 killed 9 and 12 injured.",
                 (9, 9, None), (12, 12, None), id="killed-n-and-m-injured"),
    pytest.param("On 5 April 2017, an attack on a police station in Gao resulted in 11 dead and 8 injured.",
                 (11, 11, None), (8, 8, None), id="resulted-in"),
    pytest.param("On 7 July 2015, a blast at a mosque in Sanaa killed up to 60 worshippers, including 9 children.",
                 (60, 60, "up to"), None, id="subset-not-taken"),
    pytest.param("On 1 October 2019, a bomb was found outside a church in Mosul; no one was hurt.",
                 None, None, id="no-trigger-no-event"),
])
def test_events_casualty_figures(extract, text, killed, injured):
    events = extract(text)
    if killed is None and injured is None and "no one" in text:
        assert all(figure(e.get("killed")) in (None, (0, 0, None)) for e in events)
        return
    assert len(events) == 1
    assert figure(events[0].get("killed")) == killed
    assert figure(events[0].get("injured")) == injured
    for slot in ("killed", "injured"):
        if events[0].get(slot) is not None:
            assert slot in events[0].spans


@pytest.mark.parametrize("text,attack_type,suicide,target_type", [
    pytest.param("On 12 August 2017, a suicide bomber blew himself up at a mosque in Mosul, killing 20 people.",
                 "Bombing/Explosion", True, "Religious Figures/Institutions", id="suicide-bomber-mosque"),
    pytest.param("On 4 November 2016, gunmen stormed a hotel in Mogadishu and killed 15 guests.",
                 "Armed Assault", None, "Business", id="gunmen-stormed-hotel"),
    pytest.param("On 19 February 2018, fighters abducted 110 schoolgirls from a school in Yobe State.",
                 "Hostage Taking (Kidnapping)", None, "Educational Institution", id="abducted-schoolgirls"),
    pytest.param("On 2 May 2014, a suicide attack on a police academy in Baghdad killed 27 cadets.",
                 "Bombing/Explosion", True, "Police", id="suicide-attack-no-weapon"),
])
def test_events_attack_and_target_types(extract, text, attack_type, suicide, target_type):
    events = extract(text)
    assert len(events) == 1
    e = events[0]
    assert e.get("event_type") == "attack"
    assert e.get("attack_type") == attack_type
    assert e.get("suicide") is suicide
    assert e.get("target_type") == target_type


@pytest.mark.parametrize("text,target_type", [
    pytest.param("In May 2012, the group attacked the U.S. Embassy in Sanaa.", "Government (Diplomatic)",
                 id="abbreviation-inside-target"),
    pytest.param("On 9 March 2018, gunmen stormed Mogadishu University, killing 6 people.", "Educational Institution",
                 id="place-names-the-facility"),
    pytest.param("In June 2016, an attack by the Islamic State at Baghdad airport killed 12 people.",
                 "Airports & Aircraft", id="agent-before-target"),
    pytest.param("Boko Haram claimed the attack of 4 March 2015 on the Sufi shrine in Kano, which killed 9 people.",
                 "Religious Figures/Institutions", id="date-between-trigger-and-target"),
    pytest.param("In May 2017 fighters overran Dikwa, a market town near the border, shooting residents.",
                 "Private Citizens & Property", id="apposition-names-the-type"),
    pytest.param("On 4 May 2015, a suicide bomber targeted Yazidi farmers near Sinjar.", "Private Citizens & Property",
                 id="targeted-without-determiner"),
    pytest.param("On 8 July 2019, gunmen entered the campus of a college in Mosul and killed 4 people.",
                 "Educational Institution", id="object-of-agent-verb"),
    pytest.param("On 8 July 2019, gunmen opened fire in Mosul, killing 4 people.", None, id="no-target-named"),
    pytest.param("On 6 June 2020 a car bomb exploded at a checkpoint in Kirkuk.", "Police", id="checkpoint"),
    pytest.param("On 6 June 2020 insurgents overran an army camp at Diffa.", "Military", id="army-camp"),
    pytest.param("On 6 June 2020 gunmen attacked an outpost of the Kurdish forces near Hasakah.", "Military",
                 id="outpost-of-forces"),
    pytest.param("On 6 June 2020 militants attacked a passenger boat on the lake near Kidal.", "Maritime",
                 id="passenger-boat"),
    pytest.param("On 6 June 2020 gunmen raided a cathedral in Kaduna.", "Religious Figures/Institutions",
                 id="cathedral"),
    pytest.param("On 6 June 2020 a bomb hit a vehicle carrying troops near Marib.", "Military", id="vehicle-of-troops"),
    pytest.param("On 6 June 2020 gunmen stormed a bar in Kisumu, killing 8 people.", "Business", id="bar"),
    pytest.param("On 6 June 2020 a bomb hit the convoy of a provincial governor in Kandahar.", "Government (General)",
                 id="convoy-of-an-official"),
])
def test_events_target_phrase_types(extract, text, target_type):
    events = extract(text)
    assert len(events) == 1
    assert events[0].get("target_type") == target_type
    if target_type:
        span = events[0].spans["target_type"]
        assert text[span.start:span.end] == span.quote


@pytest.mark.parametrize("text,place,admin1,country", [
    pytest.param("Mosul is a city of a million people. On 9 June 2017, gunmen stormed a school in the city, killing 5.",
                 "Mosul", "Nineveh", "IQ", id="in-the-city"),
    pytest.param("Karachi has suffered before. On 3 May 2019 a bomb exploded at a seminary in the city's "
                 "Zelmabad Colony neighbourhood, killing 4.", "Zelmabad Colony", "Sindh", "PK",
                 id="named-neighbourhood-of-the-city"),
    pytest.param("On 6 March 2016, fighters overran a base at Buurqaaxo, in Somalia's Bakool region, killing 12 soldiers.",
                 "Buurqaaxo", "Bakool", "SO", id="unknown-town-in-a-known-region"),
    pytest.param("A commander was killed in a drone strike in Kot, Afghanistan, on 2 May 2018.",
                 "Kot", "Nangarhar", "AF", id="district-without-own-coordinates"),
    pytest.param("On 4 April 2016, a bomb exploded at a market in Pakistan, killing 6 people.",
                 None, None, "PK", id="country-only"),
])
def test_events_place_slots(extract, text, place, admin1, country):
    events = extract(text)
    assert len(events) == 1
    e = events[0]
    assert (e.get("place"), e.get("admin1"), e.get("country")) == (place, admin1, country)


@pytest.mark.parametrize("text,count", [
    pytest.param("On 4 May 2016, two blasts minutes apart hit crowds at a market in Basra.", 1, id="two-blasts-one-event"),
    pytest.param("Twin bombings killed 30 people in Baghdad on 2 June 2016.", 1, id="twin-bombings"),
    pytest.param("Two attacks abroad, in Iran and Russia, were claimed by the group in 2024.", 0, id="two-events-counted"),
    pytest.param("The group carried out bombings in Baghdad throughout 2016.", 0, id="plural-series"),
])
def test_events_parts_of_one_event(extract, text, count):
    assert len(extract(text)) == count


def test_events_date_counted_from_a_named_event_is_not_taken(extract):
    text = ("On 2 March 2019 the army entered Hajin. On 9 April 2019 a bomb exploded in Mosul.\n\n"
            "A week after Hajin, a suicide bomber struck a mosque in Kirkuk.")
    kirkuk = [e for e in extract(text) if e.get("place") == "Kirkuk"]
    assert len(kirkuk) == 1
    assert kirkuk[0].get("date") is None


@pytest.mark.parametrize("text,claimed", [
    pytest.param("On 6 June 2021, a bomb exploded at a bus station in Mogadishu, killing 8 people. "
                 "Al-Shabaab claimed responsibility for the attack.", True, id="claimed-next-sentence"),
    pytest.param("On 6 June 2021, a bomb exploded at a bus station in Mogadishu, killing 8 people. "
                 "No group claimed the bombing.", False, id="no-group-claimed"),
    pytest.param("On 6 June 2021, a bomb exploded at a bus station in Mogadishu, killing 8 people.", None,
                 id="nothing-said"),
])
def test_events_claims(extract, text, claimed):
    events = extract(text)
    assert len(events) == 1
    assert events[0].get("claimed") is claimed
    if claimed is False:
        assert events[0].get("perpetrator") is None


def test_events_claimant_is_perpetrator(extract):
    events = extract("In March 2016, an attack claimed by Boko Haram on a market in Maiduguri killed 19 people.")
    assert len(events) == 1
    assert events[0].get("claimed") is True
    assert "Boko Haram" in events[0].get("perpetrator")
    assert events[0].spans["perpetrator"].quote == "Boko Haram"


def test_events_several_in_one_sentence(extract):
    text = ("The group carried out a series of attacks, including the bombing of a market in Mosul, "
            "14 March 2015, which killed 17 people; the assault on a prison in Baghdad, 2 June 2016, "
            "which resulted in 12 dead; and a shooting attack on a wedding in Kirkuk in May 2017 "
            "which left 9 people dead.")
    events = extract(text)
    assert [e.get("date") for e in events] == ["2015-03-14", "2016-06-02", "2017-05"]
    assert [figure(e.get("killed"))[0] for e in events] == [17, 12, 9]


@pytest.mark.parametrize("text,perpetrator", [
    pytest.param("On 3 June 2018, a suicide bomber hit a rally of the Awami National Party (ANP) in Quetta, killing 9. "
                 "Lashkar-e-Jhangvi claimed responsibility.", "Lashkar-e-Jhangvi", id="victim-party-and-its-acronym"),
    pytest.param("On 3 June 2018, a suicide bomber hit the car of a senior ANP leader in Quetta, killing 9.",
                 None, id="group-names-the-victim"),
    pytest.param("On 3 June 2018, Lashkar-e-Jhangvi gunmen stormed a hotel in Quetta, killing 9.",
                 "Lashkar-e-Jhangvi", id="group-as-attacker"),
])
def test_events_victim_group_is_not_perpetrator(extract, text, perpetrator):
    events = extract(text)
    assert len(events) == 1
    assert events[0].get("perpetrator") == perpetrator


@pytest.mark.parametrize("text,operation_type", [
    pytest.param("A senior commander of the group was killed in a US drone strike in Yemen on 14 May 2019.",
                 "drone strike", id="drone-strike"),
    pytest.param("In January 2020, Iraqi security forces arrested the group's financier in Mosul.",
                 "arrest", id="arrest"),
    pytest.param("The army launched Operation Desert Shield in Borno State in March 2017.",
                 "military operation (Desert Shield)", id="named-operation"),
])
def test_events_counter_operations(extract, text, operation_type):
    events = extract(text)
    assert len(events) == 1
    assert events[0].get("event_type") == "counter_operation"
    assert events[0].get("operation_type") == operation_type
    assert events[0].get("date")


@pytest.mark.parametrize("text,country", [
    pytest.param("In Nigeria, the war goes on. Nigeria's army has launched two operations against the group, "
                 "Operation Lafiya in June 2015 and Operation Hadin Kai in April 2021.", "NG",
                 id="actor-opens-the-sentence"),
    pytest.param("In March 2012 Ethiopia sent troops into western Somalia to fight the group.", "SO",
                 id="country-named-in-clause"),
    pytest.param("Somalia, Mogadishu and Kismayo were hit hard. Kenya mourned. "
                 "On 4 May 2014 a US airstrike hit a house near the coast.", "SO", id="document-main-country"),
])
def test_events_counter_operation_country(extract, text, country):
    events = [e for e in extract(text) if e.get("event_type") == "counter_operation"]
    assert events and all(e.get("country") == country for e in events)
    if "Nigeria's army" in text:
        assert [e.get("actor") for e in events] == ["Nigeria", "Nigeria"]


@pytest.mark.parametrize("text,kinds", [
    pytest.param("Operation Iron Fist began in Anbar on 3 May 2015. As announced in June 2016, nearly 2,100 "
                 "militants had been killed.", ["counter_operation"], id="operation-toll-of-militants"),
    pytest.param("On 3 May 2015, a bomb killed 12 militants and 3 civilians in Anbar.", ["attack"],
                 id="militants-killed-by-a-bomb"),
    pytest.param("On 3 May 2015, 12 civilians were killed in Anbar.", ["attack"], id="civilian-toll"),
])
def test_events_militant_toll_is_no_attack(extract, text, kinds):
    assert [e.get("event_type") for e in extract(text)] == kinds


def test_events_headline_only_adds_to_the_story(extract):
    text = ("Bomb kills 12 at market in Mosul\n\n"
            "MOSUL, Iraq, May 4, 2019 - A bomb exploded at a crowded market in Mosul on Friday, killing 12 people.")
    events = extract(text)
    assert len(events) == 1
    assert events[0].evidence.quote.startswith("MOSUL") or events[0].evidence.quote.startswith("A bomb")


@pytest.mark.parametrize("text", [
    pytest.param("The group has attacked civilians, soldiers and aid workers across the Sahel.", id="general"),
    pytest.param("The militants continued to target police stations throughout 2019.", id="continued-to"),
    pytest.param("Officials warned that the group could strike Baghdad again before the elections.",
                 id="hypothetical"),
    pytest.param("Al-Shabaab has claimed dozens of bombings in Mogadishu since 2010.", id="plural"),
    pytest.param("The report describes how such attacks are planned and financed.", id="report-itself"),
    pytest.param("A strategy built on reaction is a strategy that waits for the next bombing.", id="no-anchor"),
])
def test_events_not_events(extract, text):
    assert extract(text) == []


@pytest.mark.parametrize("text", [
    pytest.param("The conflict has killed more than 30,000 people in Darfur, according to monitors.",
                 id="conflict-toll"),
    pytest.param("The civil war killed more than 300,000 people and displaced millions in Tigray.", id="war-toll"),
    pytest.param("Attacks by the group killed 1,400 civilians in Borno last year.", id="last-year"),
    pytest.param("Since 2015 the insurgency has killed over 6,000 people in Cabo Delgado.", id="since-year"),
    pytest.param("In 2021 alone, militant attacks killed 900 people in Tillaberi.", id="year-alone"),
    pytest.param("So far this year, bombings have killed 200 people in Kabul.", id="so-far"),
    pytest.param("Between 2016 and 2019 the group carried out an estimated 300 raids in Diffa.", id="multi-year-span"),
])
def test_events_running_totals_are_not_events(extract, text):
    assert extract(text) == []


@pytest.mark.parametrize("text", [
    pytest.param("On 3 May 2019 a bomb killed 40 people at a market in Kirkuk, the deadliest attack since 2015.",
                 id="deadliest-since"),
    pytest.param("In March 2018 a bombing at a bus station in Kano killed 17 people, the third this year.",
                 id="month-dated-with-this-year"),
])
def test_events_single_incident_beside_a_total_stays(extract, text):
    assert len(extract(text)) == 1



def test_events_chronology_table(extract):
    text = ("| Date | Location | Target | Killed | Wounded | Claim |\n"
            "|---|---|---|---|---|---|\n"
            "| 4 Jun 2019 | Mosul, Iraq | Police checkpoint | 12+ | 30 | Islamic State |\n"
            "| 9 Sep 2020 | Baghdad, Iraq | Crowded market | 20–35 | 61 | none |\n")
    events = extract(text)
    assert [e.get("date") for e in events] == ["2019-06-04", "2020-09-09"]
    assert figure(events[0].get("killed")) == (12, 12, "at least")
    assert events[0].get("target_type") == "Police"
    assert events[0].get("claimed") is True
    assert figure(events[1].get("killed")) == (20, 35, None)
    assert events[1].get("claimed") is False


def test_events_every_value_grounded(extract):
    text = ("On 21 April 2019, a suicide bomber struck a church in Mosul, killing at least 40 people "
            "and wounding 70. The Islamic State claimed responsibility.")
    (event,) = extract(text)
    for slot, value in event.values.items():
        if slot in ("event_type", "latitude", "longitude", "date_precision"):
            continue
        span = event.spans[slot]
        assert text[span.start:span.end] == span.quote


@pytest.mark.parametrize("text,operation_type", [
    pytest.param("On 4 May 2021, troops killed 9 insurgents near Diffa.",
                 "military operation", id="troops-killed"),
    pytest.param("On 2 June 2019, the Nigerien air force struck a militant camp near Diffa, killing 14 fighters.",
                 "airstrike", id="air-force-struck"),
    pytest.param("On 7 July 2020, soldiers rescued 12 hostages from a forest camp near Diffa.",
                 "rescue operation", id="rescued"),
    pytest.param("On 3 March 2022, three militants were killed in an encounter with security forces in Baramulla.",
                 "military operation", id="encounter-with-security-forces"),
    pytest.param("On 9 April 2018, police launched a search operation in the hills above Kasese.",
                 "search operation", id="search-operation"),
])
def test_events_state_forces_act(extract, text, operation_type):
    events = extract(text)
    assert [e.get("event_type") for e in events] == ["counter_operation"]
    assert events[0].get("operation_type") == operation_type


@pytest.mark.parametrize("text", [
    pytest.param("On 4 May 2021, gunmen attacked a checkpoint near Diffa; two soldiers were killed.",
                 id="soldiers-passive-victims"),
    pytest.param("On 5 June 2020, militants ambushed an army patrol near Diffa, killing six soldiers.",
                 id="soldiers-object"),
])
def test_events_soldiers_as_victims_stay_attacks(extract, text):
    assert [e.get("event_type") for e in extract(text)] == ["attack"]


@pytest.mark.parametrize("text,killed", [
    pytest.param("On 2 May 2022, gunmen attacked the market in Dori, killing 8 traders. "
                 "A later count raised the toll to 13.", (13, 13, None), id="raised-toll-to"),
    pytest.param("On 2 May 2022, a bomb hit the market in Dori, killing 8; the death toll was later revised "
                 "to 13.", (13, 13, None), id="revised-to"),
    pytest.param("On 9 May 2022, the army said it had neutralised 17 terrorists near Dori in an operation.",
                 (17, 17, None), id="neutralised"),
])
def test_events_revised_and_neutralised_tolls(extract, text, killed):
    events = extract(text)
    assert len(events) == 1
    assert figure(events[0].get("killed")) == killed


def test_events_claim_with_its_own_date_adds_to_the_event(extract):
    text = ("On 3 August 2021, gunmen attacked a police post in Kidal, killing four officers. "
            "The group claimed the attack two days later.")
    events = extract(text)
    assert len(events) == 1
    assert events[0].get("date") == "2021-08-03" and events[0].get("claimed") is True


@pytest.mark.parametrize("text,perpetrator", [
    pytest.param("On 1 June 2020, a bomb hit a vehicle carrying STC troops in Zinjibar, killing 3.", None,
                 id="group-of-the-victims-troops"),
    pytest.param("On 4 June 2020, gunmen attacked a post near Tuz, killing one PMF fighter.", None,
                 id="group-of-the-dead"),
])
def test_events_victim_side_group_not_perpetrator(extract, text, perpetrator):
    events = extract(text)
    assert len(events) == 1 and events[0].get("perpetrator") == perpetrator


@pytest.mark.parametrize("text", [
    pytest.param("In March 2020 the group threatened more bombings in Aden; no attack followed.", id="no-attack-followed"),
    pytest.param("Troops of Operation Safe Corridor have continued to record successes in the north.",
                 id="continued-to"),
])
def test_events_negated_or_ongoing_not_events(extract, text):
    assert extract(text) == []


def test_events_target_skips_at_least(extract):
    events = extract("On 8 May 2021, insurgents abducted at least 15 women and girls in Mocimboa.")
    assert len(events) == 1 and events[0].get("target") == "15 women and girls"


@pytest.mark.parametrize("text,kind,perpetrator", [
    pytest.param("On 4 June 2021, Civilian Joint Task Force members killed five civilians in Maiduguri.",
                 "attack", "Civilian Joint Task Force", id="militia-members-kill-civilians"),
    pytest.param("On 4 June 2021, soldiers of the Nigerian Army killed seven villagers near Maiduguri.",
                 "attack", "Nigerian Army", id="state-force-kills-villagers"),
    pytest.param("On 4 June 2021, the Nigerian Army arrested 14 men during a raid near Maiduguri.",
                 "counter_operation", None, id="arrest-stays-operation"),
    pytest.param("On 4 June 2021, the Nigerian Army killed 12 insurgents near Maiduguri.",
                 "counter_operation", None, id="militants-killed-stays-operation"),
])
def test_events_state_force_harming_civilians_is_perpetrator(extract, text, kind, perpetrator):
    events = extract(text)
    assert len(events) == 1
    assert events[0].get("event_type") == kind
    assert events[0].get("perpetrator") == perpetrator
