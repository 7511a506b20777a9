"""The actors resolver: names in claims -> canonical actors, persons joined, actors merged."""
from __future__ import annotations

import pytest

from sourcebook.extract.mentions import make_mentions
from sourcebook.model import Actor, Claim
from sourcebook.resolve.actors import make_actors, merge_actors, resolve_name


@pytest.fixture(scope="module")
def resolve_doc(codebook):
    mentions, actors = make_mentions(codebook), make_actors(codebook)

    def run(make_doc, text, **values):
        doc = mentions(make_doc(text))
        doc.claims.append(Claim("event", dict(values), evidence=doc.span(0, len(doc.text))))
        return actors(doc)

    return run


@pytest.mark.parametrize("name,expected", [
    pytest.param("Tehreek-e-Taliban", "Tehrik-e-Taliban Pakistan", id="tehreek"),
    pytest.param("Tehrik-i Taliban Pakistan", "Tehrik-e-Taliban Pakistan", id="tehrik-i"),
    pytest.param("ISIL-K", "Islamic State Khorasan Province", id="isil-k"),
    pytest.param("Islamic State's Khorasan Province", "Islamic State Khorasan Province", id="possessive"),
    pytest.param("Da'esh", "Islamic State", id="daesh"),
    pytest.param("ISIS", "Islamic State", id="isis"),
    pytest.param("al-Qa'ida", "Al-Qaida", id="qaida"),
    pytest.param("Department of State", "United States", id="state-department"),
    pytest.param("ISIL (Da'esh) and Al-Qaida Sanctions Committee", "UN Security Council 1267 Sanctions Committee",
                 id="1267-committee"),
])
def test_actors_resolve_name_variants(codebook, name, expected):
    entry = resolve_name(name, codebook)
    assert entry is not None and entry.name == expected


@pytest.mark.parametrize("name", [
    pytest.param("Jundallah", id="ambiguous"),
    pytest.param("Northern Highlands Brigade", id="unknown"),
    pytest.param("is", id="lowercase-word"),
])
def test_actors_resolve_name_none(codebook, name):
    assert resolve_name(name, codebook) is None


def test_actors_daesh_never_khorasan(resolve_doc, make_doc):
    doc = resolve_doc(make_doc, "Islamic State-Khorasan (IS-K) (Daesh) grew.", perpetrator="Daesh", actor="IS-K")
    assert doc.claims[0].values == {"perpetrator": "Islamic State", "actor": "Islamic State Khorasan Province"}
    isk = next(a for a in doc.meta["actors"] if a.name == "Islamic State Khorasan Province")
    assert "Daesh" not in isk.aliases and isk.parent == "Islamic State"


def test_actors_learned_acronym(resolve_doc, make_doc):
    doc = resolve_doc(make_doc, "The Eastern Liberation Front (ELF) ambushed a convoy; ELF denied it.",
                      perpetrator="ELF")
    assert doc.claims[0].values["perpetrator"] == "Eastern Liberation Front"
    elf = next(a for a in doc.meta["actors"] if a.name == "Eastern Liberation Front")
    assert elf.actor_type == "organization" and "ELF" in elf.aliases


def test_actors_unknown_group_becomes_actor(resolve_doc, make_doc):
    doc = resolve_doc(make_doc, "Katibat Imam Bukhari attacked a post.", perpetrator="Katibat Imam Bukhari")
    assert doc.claims[0].values["perpetrator"] == "Katibat Imam Bukhari"
    assert any(a.name == "Katibat Imam Bukhari" and a.actor_type == "organization" for a in doc.meta["actors"])


@pytest.mark.parametrize("text,written", [
    pytest.param("Abu Omar-al-Shishani rose fast. Abu Omar al Shishani was killed in 2016.",
                 "Abu Omar al Shishani", id="article-spacing"),
    pytest.param("Abu Omar-al-Shishani rose fast. Abu Umar Al-Shishani was killed in 2016.",
                 "Abu Umar Al-Shishani", id="near-spelling"),
    pytest.param("Abu Omar-al-Shishani rose fast. Shishani was killed in 2016.", "Shishani", id="surname"),
])
def test_actors_person_variants_joined(resolve_doc, make_doc, text, written):
    doc = resolve_doc(make_doc, text, person=written)
    assert doc.claims[0].values["person"] == "Abu Omar al-Shishani"
    people = [a for a in doc.meta["actors"] if a.actor_type == "person"]
    assert len(people) == 1


def test_actors_shared_surname_left_alone(resolve_doc, make_doc):
    text = "Commander Tariq Hassan said so. President Omar Hassan agreed. Hassan left."
    doc = resolve_doc(make_doc, text, person="Hassan")
    assert doc.claims[0].values["person"] == "Hassan"


@pytest.mark.parametrize("text,expected", [
    pytest.param("Jundallah claimed the bombing.", "Jundallah", id="left-as-written"),
    pytest.param("Jundallah claimed the bombing. Pakistan condemned it.", "Jundallah (Pakistan)", id="settled-by-country"),
])
def test_actors_ambiguous_name(resolve_doc, make_doc, text, expected):
    doc = resolve_doc(make_doc, text, perpetrator="Jundallah")
    assert doc.claims[0].values["perpetrator"] == expected


def test_actors_joined_list(resolve_doc, make_doc):
    doc = resolve_doc(make_doc, "US and Afghan forces raided a compound.", actor="US; Afghan forces")
    assert doc.claims[0].values["actor"] == "United States; Afghan Security Forces"


def test_actors_nothing_to_resolve(resolve_doc, make_doc):
    doc = resolve_doc(make_doc, "The weather was cold and dry.")
    assert doc.claims[0].values == {} and doc.meta["actors"] == []


def test_actors_merge_across_documents(codebook):
    first = [Actor("Tehrik-e-Taliban Pakistan", "organization", ["Pakistani Taliban", "TTP"]),
             Actor("Islamic State", "organization", ["ISIS"])]
    second = [Actor("Pakistani Taliban", "organization", ["Tehreek-e-Taliban"]),
              Actor("Islamic State Khorasan Province", "organization", ["ISIS-K", "ISIS"]),
              Actor("Abu Omar al-Shishani", "person", ["Abu Omar al Shishani"])]
    merged = {a.name: a for a in merge_actors([first, second], codebook)}
    assert set(merged) == {"Tehrik-e-Taliban Pakistan", "Islamic State", "Islamic State Khorasan Province",
                           "Abu Omar al-Shishani"}
    assert {"Pakistani Taliban", "TTP", "Tehreek-e-Taliban"} <= set(merged["Tehrik-e-Taliban Pakistan"].aliases)


@pytest.mark.parametrize("text,person,alias", [
    pytest.param("The council chose Sheikh Omar Dahir as leader in 2019. Dahir was captured two years later.\n",
                 "Sheikh Omar Dahir", "Dahir", id="surname-after-full-name"),
])
def test_actors_surname_alone_joins_the_full_name(run, text, person, alias):
    doc = run(text)
    actor = next(a for a in doc.meta["actors"] if a.name == person)
    assert alias in actor.aliases


def test_actors_surname_shared_by_two_people_joins_neither(run):
    doc = run("Ali Hassan and Yusuf Hassan led the raid. Hassan was later arrested.\n")
    assert not any("Hassan" in a.aliases for a in doc.meta["actors"])


@pytest.mark.parametrize("text,short", [
    pytest.param("In 2016 the UN Security Council's Somalia sanctions committee listed two more financiers.\n",
                 "Somalia sanctions committee", id="after-possessor"),
])
def test_actors_long_body_name_keeps_its_short_form(run, text, short):
    doc = run(text)
    assert any(short in a.aliases for a in doc.meta["actors"])


@pytest.mark.parametrize("text,expected", [
    pytest.param("ASWJ raided Macomia.", "ASWJ", id="left-as-written"),
    pytest.param("ASWJ raided Macomia before Mozambican troops returned.", "Ahlu Sunnah Wal Jamaa",
                 id="settled-by-nationality-forces"),
    pytest.param("ASWJ rallied in Karachi; Pakistani police watched.", "Sipah-e-Sahaba Pakistan",
                 id="settled-the-other-way"),
])
def test_actors_ambiguous_acronym_settled_by_forces(resolve_doc, make_doc, text, expected):
    doc = resolve_doc(make_doc, text, perpetrator="ASWJ")
    assert doc.claims[0].values["perpetrator"] == expected


@pytest.mark.parametrize("first,second", [
    pytest.param(("Allied Democratic Forces", ["ADF"]), ("Islamic State Central Africa Province", ["ISCAP"]),
                 id="adf-iscap"),
    pytest.param(("Ahlu Sunnah Wal Jamaa", ["ISIS-Mozambique", "Ansar al-Sunna"]),
                 ("Islamic State Central Africa Province", ["Central Africa Province"]), id="mozambique-iscap"),
    pytest.param(("Allied Democratic Forces", ["ADF"]), ("Ahlu Sunnah Wal Jamaa", ["Mozambique Province"]),
                 id="adf-mozambique"),
])
def test_actors_merge_keeps_groups_of_one_parent_apart(codebook, first, second):
    docs = [[Actor(first[0], "organization", first[1])], [Actor(second[0], "organization", second[1])]]
    assert {a.name for a in merge_actors(docs, codebook)} == {first[0], second[0]}
