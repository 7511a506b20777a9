"""The mentions component: registry names, names the text teaches, unknown groups and persons."""
from __future__ import annotations

import pytest

from sourcebook.extract.mentions import actor_key, make_mentions


@pytest.fixture(scope="module")
def find(codebook):
    proc = make_mentions(codebook)

    def run(text, make_doc):
        return proc(make_doc(text)).mentions

    return run


def actors(mentions):
    return [(m.text, m.value) for m in mentions if m.label == "actor"]


def persons(mentions):
    return [(m.text, m.value) for m in mentions if m.label == "person"]


@pytest.mark.parametrize("text,expected", [
    pytest.param("Tehreek-i-Taliban Pakistan fighters crossed the border.",
                 [("Tehreek-i-Taliban Pakistan", "Tehrik-e-Taliban Pakistan")], id="tehreek-i"),
    pytest.param("A statement by Tahrik-e Taliban Pakistan followed.",
                 [("Tahrik-e Taliban Pakistan", "Tehrik-e-Taliban Pakistan")], id="tahrik-space"),
    pytest.param("The Islamic State Khurasan Province grew in Kunar.",
                 [("Islamic State Khurasan Province", "Islamic State Khorasan Province")], id="khurasan"),
    pytest.param("Cells loyal to al Qaeda and to Al-Qa'ida in the Islamic Maghreb met.",
                 [("al Qaeda", "Al-Qaida"), ("Al-Qa'ida in the Islamic Maghreb", "Al-Qaida in the Islamic Maghreb")],
                 id="qaeda-longest"),
    pytest.param("ISWAP's fighters raided the base.", [("ISWAP", "Islamic State West Africa Province")],
                 id="possessive"),
    pytest.param("Wilayat-e-Khorasan claimed it.", [("Wilayat-e-Khorasan", "Islamic State Khorasan Province")],
                 id="wilayat"),
])
def test_mentions_spelling_variants(find, make_doc, text, expected):
    assert actors(find(text, make_doc)) == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("Islamic State-Khorasan (IS-K) (Daesh) spread to Kunduz.",
                 [("Islamic State-Khorasan", "Islamic State Khorasan Province"),
                  ("IS-K", "Islamic State Khorasan Province"), ("Daesh", "Islamic State")], id="daesh-gloss"),
    pytest.param("ISIS accepted the pledge of ISIS-K in 2015.",
                 [("ISIS", "Islamic State"), ("ISIS-K", "Islamic State Khorasan Province")], id="isis-vs-isis-k"),
    pytest.param("IS-linked cells and IS fighters fled.", [("IS", "Islamic State"), ("IS", "Islamic State")],
                 id="is-prefix"),
])
def test_mentions_daesh_is_not_khorasan(find, make_doc, text, expected):
    assert actors(find(text, make_doc)) == expected


@pytest.mark.parametrize("text,alias,value,known", [
    pytest.param("The Eastern Liberation Front (ELF) ambushed a convoy. Two ELF fighters died.",
                 "ELF", "Eastern Liberation Front", False, id="unknown-with-acronym"),
    pytest.param("Harakat al-Shabaab al-Mujahideen (HASM) lost ground. HASM retreated to Jilib.",
                 "HASM", "al-Shabaab", True, id="registry-with-new-acronym"),
    pytest.param("HARAKAT AL-SHABAAB AL-MUJAHIDEEN\n\naka Young Mujahideen Movement; HSM\n\nThe Young Mujahideen Movement grew.",
                 "Young Mujahideen Movement", "al-Shabaab", True, id="aka-list"),
    pytest.param("The Kurdistan Workers' Party, known as the KWP, fought on.",
                 "KWP", "Kurdistan Workers' Party", True, id="known-as"),
])
def test_mentions_learns_aliases(find, make_doc, text, alias, value, known):
    found = [m for m in find(text, make_doc) if m.label == "actor" and m.text == alias]
    assert found and all(m.value == value and m.data["known"] is known for m in found)


@pytest.mark.parametrize("text,name", [
    pytest.param("Fighters of Katibat Imam Bukhari attacked a checkpoint.", "Katibat Imam Bukhari", id="katibat"),
    pytest.param("Gunmen from the Mangal Bagh faction stormed the post.", "Mangal Bagh faction", id="faction"),
    pytest.param("The Northern Highlands Brigade claimed the raid.", "Northern Highlands Brigade", id="brigade"),
])
def test_mentions_unknown_group_becomes_actor(find, make_doc, text, name):
    found = [m for m in find(text, make_doc) if m.label == "actor" and m.value == name]
    assert found and found[0].data["known"] is False


@pytest.mark.parametrize("text,expected", [
    pytest.param("The group's emir, Abu Omar-al-Shishani, was killed near Raqqa.",
                 [("Abu Omar-al-Shishani", "Abu Omar al-Shishani")], id="hyphen-al"),
    pytest.param("Hamid-Ullah-Mehsud, a former commander, said the talks failed.",
                 [("Hamid-Ullah-Mehsud", "Hamidullah Mehsud")], id="ullah"),
    pytest.param("President Ellen Marsh condemned the attack.", [("Ellen Marsh", "Ellen Marsh")], id="title"),
    pytest.param("Dawit Haile, the spokesman of the movement, denied it. Later Haile resigned.",
                 [("Dawit Haile", "Dawit Haile"), ("Haile", "Haile")], id="surname-after-full"),
    pytest.param("Bilal Kareem (alias Abu Talha) was detained.",
                 [("Bilal Kareem", "Bilal Kareem"), ("Abu Talha", "Abu Talha")], id="alias"),
])
def test_mentions_persons(find, make_doc, text, expected):
    assert persons(find(text, make_doc)) == expected


def test_mentions_ambiguous_name_has_no_value(find, make_doc):
    found = [m for m in find("Jundallah said it carried out the bombing.", make_doc) if m.label == "actor"]
    assert len(found) == 1 and found[0].value is None and len(found[0].data["candidates"]) == 2


@pytest.mark.parametrize("text", [
    pytest.param("The weather in the valley was cold and dry this week.", id="weather"),
    pytest.param("Prices of wheat rose by three percent in March.", id="prices"),
    pytest.param("THIS IS A HEADLINE ABOUT RAIN AND FLOODS", id="caps-headline"),
    pytest.param("Floods hit villages in Pakistan and across Nigeria.", id="countries-as-places"),
    pytest.param("Kocha Risaldar is a warren of narrow lanes.", id="place-not-person"),
])
def test_mentions_nothing_found(find, make_doc, text):
    assert find(text, make_doc) == []


def test_mentions_state_acting_is_an_actor(find, make_doc):
    assert actors(find("Australia listed the group in 2009.", make_doc)) == [("Australia", "Australia")]


@pytest.mark.parametrize("a,b", [
    pytest.param("Tehreek-e-Taliban", "Tehrik-i Taliban", id="tehrik"),
    pytest.param("al-Qa'ida", "Al Qaida", id="qaida"),
])
def test_mentions_actor_key_folds_spellings(codebook, a, b):
    assert actor_key(a, codebook) == actor_key(b, codebook)


@pytest.mark.parametrize("text,expected", [
    pytest.param("Officials identified Abu Salim al-Libi as Khalifa Omran Gharbi, a Libyan engineer.",
                 [("Khalifa Omran Gharbi", "Abu Salim al-Libi")], id="identified-as"),
    pytest.param("Yusuf Kamara Bangura, better known by his nom de guerre Abu Talha, led the cell.",
                 [("Abu Talha", "Yusuf Kamara Bangura")], id="nom-de-guerre"),
    pytest.param("Mahmud Ali Jabr, alias Abu Hafs, was arrested in Gao.", [("Abu Hafs", "Mahmud Ali Jabr")],
                 id="comma-alias"),
    pytest.param("Police identified the car as a Toyota Hilux.", [], id="identified-a-thing"),
    pytest.param("Analysts identified Boko Haram as the culprit.", [], id="identified-a-group"),
])
def test_mentions_person_aliases(find, make_doc, text, expected):
    links = [(m.text, m.data["alias_of"]) for m in find(text, make_doc)
             if m.label == "person" and "alias_of" in m.data]
    assert links == expected


@pytest.mark.parametrize("text", [
    pytest.param("He met the Corps Commanders of Punjab and Sindh in Lahore.", id="corps-commanders"),
    pytest.param("The Inspectors General of Police of Kano and Borno met.", id="inspectors-general"),
])
def test_mentions_unit_in_a_title_is_no_person(find, make_doc, text):
    assert persons(find(text, make_doc)) == []


@pytest.mark.parametrize("text,expected", [
    pytest.param("Yahya Ibrahim al-Houthi addressed the crowd.", [("person", "Yahya Ibrahim al-Houthi")],
                 id="two-given-names"),
    pytest.param("Rescuers said Mahmoud al-Shabaab was the grocer.", [("person", "Mahmoud al-Shabaab")],
                 id="one-given-name-mid-sentence"),
    pytest.param("Fighters of al-Shabaab crossed into Gedo.", [("actor", "al-Shabaab")], id="group-after-of"),
    pytest.param("When al-Shabaab withdrew, the town emptied.", [("actor", "al-Shabaab")],
                 id="group-after-opener"),
    pytest.param("Somalia's al-Shabaab lost ground.", [("actor", "Somalia"), ("actor", "al-Shabaab")],
                 id="group-after-possessive"),
])
def test_mentions_family_name_particle_stays_in_person(find, make_doc, text, expected):
    found = [(m.label, m.value) for m in find(text, make_doc) if m.label in ("actor", "person")]
    assert found == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("The Chadian army shelled the island.", [("Chadian army", "Chadian army", "TD")], id="army"),
    pytest.param("Ugandan troops and the Congolese air force moved north.",
                 [("Ugandan troops", "Ugandan troops", "UG"), ("Congolese air force", "Congolese air force", "CD")],
                 id="troops-air-force"),
    pytest.param("Senegalese police arrested two men.", [("Senegalese police", "Senegalese police", "SN")],
                 id="police"),
    pytest.param("Ugandan traders reopened the market.", [], id="no-force-word"),
    pytest.param("The army of the north regrouped.", [], id="no-nationality"),
])
def test_mentions_nationality_and_force_word_is_a_state(find, make_doc, text, expected):
    found = [(m.text, m.value, m.data.get("country")) for m in find(text, make_doc)
             if m.label == "actor" and m.data.get("actor_type") == "state" and not m.data.get("known")]
    assert found == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("Gunmen stormed the Sahafi Hotel in Mogadishu.", [], id="hotel"),
    pytest.param("A bomb hit the Ansar Mosque near the square.", [], id="mosque-after-group-head"),
    pytest.param("Shelling closed the Jabhat Market of Idlib.", [], id="market"),
    pytest.param("The Tanzim Hurras Brigade fought on.", [("Tanzim Hurras Brigade", "Tanzim Hurras Brigade")],
                 id="group-still-found"),
])
def test_mentions_venue_is_not_an_organization(find, make_doc, text, expected):
    assert [(t, v) for t, v in actors(find(text, make_doc))] == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("The Movement for Unity and Jihad in West Africa seized Gao.",
                 [("Movement for Unity and Jihad in West Africa", "Movement for Oneness and Jihad in West Africa")],
                 id="mujao-long"),
    pytest.param("A Support Group of Islam and Muslims cell retreated.",
                 [("Support Group of Islam and Muslims", "Jama'at Nusrat al-Islam wal-Muslimin")], id="jnim-english"),
    pytest.param("Harakat ul-Mujahideen cadres trained there.",
                 [("Harakat ul-Mujahideen", "Harkat-ul-Mujahideen")], id="hum"),
    pytest.param("Both the ADF and ISCAP claimed it.",
                 [("ADF", "Allied Democratic Forces"), ("ISCAP", "Islamic State Central Africa Province")],
                 id="adf-apart-from-iscap"),
    pytest.param("IS-Mozambique fighters took Mocimboa.",
                 [("IS-Mozambique", "Ahlu Sunnah Wal Jamaa")], id="mozambique-apart-from-iscap"),
    pytest.param("VDP auxiliaries and the Counter-Terrorism Service deployed.",
                 [("VDP", "Volunteers for the Defence of the Homeland"), ("Counter-Terrorism Service", "Counter Terrorism Service")],
                 id="vdp-cts"),
])
def test_mentions_registry_groups_with_inner_and_of(find, make_doc, text, expected):
    assert actors(find(text, make_doc)) == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("The UN Security Council's Somalia sanctions committee listed the Hawiye Brigade in 2012. "
                 "In 2014 the UN sanctions committee added its leader.\n",
                 "UN Security Council 751 Sanctions Committee", id="one-committee-named-before"),
])
def test_mentions_committee_description_refers_to_the_named_committee(run, text, expected):
    doc = run(text)
    ref = [m for m in doc.mentions if m.label == "actor" and m.text == "UN sanctions committee"]
    assert ref and ref[0].value == expected


def test_mentions_committee_description_alone_is_not_guessed(run):
    doc = run("In 2014 the UN sanctions committee added two financiers to its list.\n")
    assert not any(m.label == "actor" and m.value and "Sanctions Committee" in m.value for m in doc.mentions)
