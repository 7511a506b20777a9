"""Strength estimates: figures of fighters or members with who made them; casualty figures and
projections are not estimates."""
import pytest


def estimates(doc):
    return [c for c in doc.claims if c.kind == "estimate"]


@pytest.mark.parametrize("text, expected", [
    pytest.param("According to the International Crisis Group, al-Shabaab has between 5,000 and 7,000 fighters.",
                 {"low": 5000, "high": 7000, "subject_word": "shabaab", "source_word": "crisis"}, id="according-to"),
    pytest.param("The US State Department estimated in 2020 that AQAP had around 6,000 to 7,000 members.",
                 {"low": 6000, "high": 7000, "as_of": "2020", "subject_word": "arabian"}, id="source-estimated"),
    pytest.param("A report by the UN Monitoring Team released in 2023 put the number of ISWAP fighters in Nigeria at 4,000 to 7,000.",
                 {"low": 4000, "high": 7000, "as_of": "2023", "subject_word": "west africa"}, id="put-the-number-at"),
    pytest.param("Hezbollah is a Lebanese armed group. Israeli officials assessed its strength at 40,000 fighters in 2021.",
                 {"low": 40000, "high": 40000, "as_of": "2021", "subject_word": "hezbollah"}, id="its-strength"),
])
def test_estimates_reads_figure(run, text, expected):
    found = estimates(run(text))
    assert len(found) == 1, found
    values = found[0].values
    assert (values["low"], values["high"]) == (expected["low"], expected["high"])
    assert expected["subject_word"] in values["subject"].lower()
    if "as_of" in expected:
        assert values["as_of"] == expected["as_of"]
    if "source_word" in expected:
        assert expected["source_word"] in values["source"].lower()
    assert set(values) <= set(found[0].spans)


def test_estimates_second_figure_by_another_source(run):
    doc = run("According to the International Crisis Group, there are between 2,000 and 3,000 PKK fighters in Iraq, "
              "while the Turkish defence ministry estimated in 2019 that there are around 5,000.")
    figures = sorted((c.values["low"], c.values["high"]) for c in estimates(doc))
    assert figures == [(2000, 3000), (5000, 5000)]


def test_estimates_infobox_line(run):
    doc = run("# Islamic State West Africa Province\n\nISWAP is an armed group in the Lake Chad basin.\n\n"
              "- **Strength:** 3,000–5,000 (2019 est.)\n")
    found = estimates(doc)
    assert [(c.values["low"], c.values["high"], c.values.get("as_of")) for c in found] == [(3000, 5000, "2019")]


@pytest.mark.parametrize("text", [
    pytest.param("The air strike killed 25 al-Shabaab fighters and wounded 40 others.", id="casualties"),
    pytest.param("Hamas said 1,200 people were displaced by the fighting.", id="displaced-people"),
    pytest.param("Analysts warned the Houthis could grow to as many as 200,000 fighters within a decade.", id="projection"),
    pytest.param("Several hundred PKK members gathered for the funeral.", id="vague-crowd"),
])
def test_estimates_ignores_other_figures(run, text):
    assert estimates(run(text)) == []


@pytest.mark.parametrize("text, expected", [
    pytest.param("Several Member States assessed that Boko Haram has about 1,800 fighters.",
                 {"low": 1800, "source": "member states"}, id="member-states-source"),
    pytest.param("Nigerian intelligence officials said in 2020 that ISWAP had as many as 5,000 fighters.",
                 {"low": 5000, "source": "nigerian intelligence officials", "as_of": "2020"}, id="officials-source"),
    pytest.param("Hamas is thought to have 20,000 to 25,000 fighters in Gaza, according to the Israeli General Staff.",
                 {"low": 20000, "source": "general staff"}, id="according-to-after-figure"),
    pytest.param("According to a 2022 UN Panel of Experts report, the Houthis field about 150,000 fighters.",
                 {"low": 150000, "source": "panel of experts", "as_of": "2022"}, id="dated-report-by-panel"),
    pytest.param("Member States estimate the strength of al-Shabaab at 9,000 fighters, a rise since 2019.",
                 {"low": 9000, "source": "member states", "as_of": None}, id="since-is-no-as-of"),
])
def test_estimates_source_and_as_of(run, text, expected):
    found = [c for c in estimates(run(text)) if c.values["low"] == expected["low"]]
    assert len(found) == 1, estimates(run(text))
    values = found[0].values
    assert expected["source"] in values.get("source", "").lower()
    if "as_of" in expected:
        assert values.get("as_of") == expected["as_of"]


def test_estimates_later_figure_keeps_its_own_date(run):
    doc = run("According to the International Crisis Group, ISWAP had between 4,000 and 5,000 fighters in 2021, "
              "up from 3,000 in 2016.")
    dates = sorted((c.values["low"], c.values.get("as_of")) for c in estimates(doc))
    assert dates == [(3000, "2016"), (4000, "2021")]


def test_estimates_second_place_figure(run):
    doc = run("The ADF is thought to have 1,200 fighters in North Kivu and roughly 300 inside Uganda.")
    assert sorted(c.values["low"] for c in estimates(doc)) == [300, 1200]


def test_estimates_fewer_remained(run):
    doc = run("Abu Sayyaf is an armed group in the southern Philippines. By 2022, the army said fewer than 50 "
              "members remained.")
    found = estimates(doc)
    assert [(c.values["high"], c.values["qualifier"]) for c in found] == [(50, "fewer than")]


def test_estimates_table_size_row(run):
    doc = run("# Ansar Allah\n\n| Ansar Allah | |\n|---|---|\n| Size | 100,000–200,000 (2020) |\n")
    assert [(c.values["low"], c.values["high"], c.values.get("as_of")) for c in estimates(doc)] == \
        [(100000, 200000, "2020")]


@pytest.mark.parametrize("text", [
    pytest.param("The speaker said that 190 members of parliament had approved the budget of al-Shabaab's foes.",
                 id="members-of-parliament"),
])
def test_estimates_ignores_members_of_a_body(run, text):
    assert estimates(run(text)) == []


@pytest.mark.parametrize("text, low, quantity", [
    pytest.param("A report by the International Crisis Group in 2022 put the number of ADF fighters in North Kivu "
                 "at 1,500 to 2,000.", 1500, "ADF fighters in North Kivu", id="number-of-noun-phrase"),
    pytest.param("Boko Haram is an armed group in Nigeria. The US State Department put its membership at between "
                 "3,000 and 4,000 in 2018.", 3000,
                 "membership", id="membership-word"),
])
def test_estimates_quantity_is_what_is_counted(run, text, low, quantity):
    found = [c for c in estimates(run(text)) if c.values["low"] == low]
    assert [c.values["quantity"] for c in found] == [quantity]


def test_estimates_clause_opening_on_its_verb_keeps_report_and_date(run):
    doc = run("A UN Panel of Experts assessment issued in late 2021 cited Member States' estimates of 2,000 "
              "fighters for al-Shabaab, and put the Islamic State in Somalia at 150 to 300.")
    found = [c for c in estimates(doc) if c.values["low"] == 150]
    assert len(found) == 1, estimates(doc)
    assert found[0].values.get("as_of") == "2021"
    assert "assessment" in found[0].values.get("source", "").lower()
