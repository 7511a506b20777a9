"""Designations: who lists which group or person, under which instrument, and when."""
import pytest


def designations(doc):
    return [c for c in doc.claims if c.kind == "designation"]


@pytest.mark.parametrize("text, expected", [
    pytest.param("On October 8, 1997, the Department of State designated Hamas as a Foreign Terrorist Organization.",
                 [("United States", "hamas", "1997-10-08")], id="department-acts-for-state"),
    pytest.param("The United States designated al-Shabaab and AQAP as Specially Designated Global Terrorists on 20 January 2010.",
                 [("United States", "shabaab", "2010-01-20"), ("United States", "arabian", "2010-01-20")], id="two-designated"),
    pytest.param("Designated a Foreign Terrorist Organization on October 8, 1997, the Kurdistan Workers' Party (PKK) "
                 "fights the Turkish state.", [("United States", "kurdistan", "1997-10-08")], id="fronted-participle"),
    pytest.param("Hezbollah is a Lebanese armed group. Canada, Australia and the United Kingdom have also proscribed the group.",
                 [("Canada", "hezbollah", None), ("Australia", "hezbollah", None), ("United Kingdom", "hezbollah", None)],
                 id="list-of-states"),
    pytest.param("The UN Security Council's ISIL (Da'esh) and Al-Qaida Sanctions Committee added ISWAP to its sanctions list "
                 "on 23 February 2020.", [("UN Security Council 1267 Sanctions Committee", "west africa", "2020-02-23")],
                 id="un-committee"),
])
def test_designations_reads_designation(run, text, expected):
    found = designations(run(text))
    got = sorted((c.values["designated_by"], c.values["organization"].lower(), c.values.get("date")) for c in found)
    assert len(got) == len(expected), got
    for party, org_word, date in expected:
        assert any(p == party and org_word in o and d == date for p, o, d in got), (party, org_word, got)


def test_designations_two_instruments_two_dates(run):
    doc = run("In May 2004, the United States designated Ansar al-Islam under Executive Order 13224, "
              "and in March 2004 a Foreign Terrorist Organization under Section 219 of the Immigration and Nationality Act.")
    got = sorted((c.values["instrument"], c.values.get("date")) for c in designations(doc))
    assert len(got) == 2 and {d for _, d in got} == {"2004-05", "2004-03"}


def test_designations_listed_persons(run):
    doc = run("On 10 June 2022, the Department of State designated two AQAP leaders as SDGTs under E.O. 13224:\n\n"
              "- Khalid Batarfi, the group's emir.\n- Saad al-Atwi, a senior commander.\n")
    names = sorted(c.values["organization"] for c in designations(doc))
    assert names == ["Khalid Batarfi", "Saad al-Atwi"]


@pytest.mark.parametrize("text", [
    pytest.param("When the group was listed in 2011, analysts expected little change.", id="passive-no-designator"),
    pytest.param("A designated driver took the wounded to hospital.", id="adjective"),
    pytest.param("Hamas officials met Egyptian mediators in Cairo on Monday.", id="no-designation"),
])
def test_designations_ignores_non_designations(run, text):
    assert designations(run(text)) == []


def test_designations_passive_in_a_states_own_list(run):
    doc = run("Proscribed terrorist groups or organisations\n\nUnder the Terrorism Act 2000, the Home Secretary may "
              "proscribe an organisation.\n\nJaish e Mohammed (JeM)\n\nJeM was proscribed in March 2001.\n")
    found = [c for c in doc.claims if c.kind == "designation"]
    assert found and found[0].values["designated_by"] == "United Kingdom" and found[0].values["date"] == "2001-03"


def test_designations_passive_elsewhere_names_nobody(run):
    doc = run("Jaish e Mohammed is a Kashmiri militant group. JeM was proscribed in March 2001.")
    assert [c for c in doc.claims if c.kind == "designation"] == []


@pytest.mark.parametrize("text, party, org_word, date", [
    pytest.param("Ansar al-Sharia is a jihadist group in Libya. The group, founded in 2012 by veterans of the "
                 "war in Libya, was designated a Foreign Terrorist Organization by the United States on "
                 "January 13, 2014.", "United States", "ansar", "2014-01-13", id="passive-aside-instrument-by"),
    pytest.param("The Haqqani Network is an armed group. Badruddin Haqqani had been listed by the UN Security "
                 "Council 1988 Sanctions Committee in 2011.", "UN Security Council 1988 Sanctions Committee",
                 "badruddin", "2011", id="1988-committee"),
])
def test_designations_passive_with_its_designator(run, text, party, org_word, date):
    found = [c.values for c in designations(run(text)) if org_word in c.values["organization"].lower()]
    assert [(v["designated_by"], v.get("date")) for v in found] == [(party, date)], designations(run(text))


def test_designations_passive_instrument_without_designator_names_nobody(run):
    doc = run("Ansar al-Sharia is a jihadist group. The group, founded in 2012 by veterans, was designated a "
              "terrorist organisation in 2014.")
    assert designations(doc) == []


def test_designations_declared_a_terrorist_organisation(run):
    doc = run("Hamas is a Palestinian group. The Arab League declared the group a terrorist organisation in May 2017.")
    assert [(c.values["designated_by"], c.values["organization"], c.values.get("date")) for c in designations(doc)] == \
        [("Arab League", "Hamas", "2017-05")]


def test_designations_declared_without_terrorist_label_is_nothing(run):
    assert designations(run("Hamas is a Palestinian group. The Arab League declared a ceasefire in May 2017.")) == []
