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
