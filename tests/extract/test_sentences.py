"""Tests of the `sentences` component: splitting, headings, sections, furniture, datelines."""
from __future__ import annotations

import pytest

from sourcebook.extract.sentences import (dateline_date, in_boilerplate, make_sentences, paragraph_at,
                                          section_at, sentence_at)


@pytest.fixture(scope="module")
def split(codebook):
    return make_sentences(codebook)


def texts(doc):
    return [doc.text[s:e] for s, e in doc.sentences]


@pytest.mark.parametrize("text,expected", [
    pytest.param("Gunmen attacked a checkpoint in Gao. Four soldiers died.",
                 ["Gunmen attacked a checkpoint in Gao.", "Four soldiers died."], id="two-plain"),
    pytest.param("Lt Gen. Aziz Rahman said the raid worked. He left at noon.",
                 ["Lt Gen. Aziz Rahman said the raid worked.", "He left at noon."], id="title-abbrev"),
    pytest.param("Forces of the U.S. struck a camp near Gedo on Oct. 3, 2019. Three died.",
                 ["Forces of the U.S. struck a camp near Gedo on Oct. 3, 2019.", "Three died."], id="us-and-month"),
    pytest.param("Shops closed, e.g. in Mopti. Markets reopened later.",
                 ["Shops closed, e.g. in Mopti.", "Markets reopened later."], id="eg"),
    pytest.param("Police in No. 4 district arrested Abdul M. Karim. He denied it.",
                 ["Police in No. 4 district arrested Abdul M. Karim.", "He denied it."], id="no-and-initial"),
    pytest.param('The governor said: "We will rebuild." The market reopened.',
                 ['The governor said: "We will rebuild."', "The market reopened."], id="quote-closing"),
    pytest.param('"Nobody is safe," he said. The curfew stayed.',
                 ['"Nobody is safe," he said.', "The curfew stayed."], id="quote-inside"),
    pytest.param("Was it planned? Officials think so!", ["Was it planned?", "Officials think so!"], id="question"),
    pytest.param("- Raid on Gao (3 May 2019). Two died.\n- Ambush near Kidal.",
                 ["Raid on Gao (3 May 2019).", "Two died.", "Ambush near Kidal."], id="bullets"),
    pytest.param("**Gao market (3 May 2019).** A car bomb exploded. Nine died.",
                 ["**Gao market (3 May 2019).** A car bomb exploded.", "Nine died."], id="bold-lead-in"),
    pytest.param("2.1 Kidal. On 4 June 2019 gunmen struck a convoy.",
                 ["Kidal. On 4 June 2019 gunmen struck a convoy."], id="numbered-lead-in"),
    pytest.param("## Attacks in Mali\nA mine hit a bus.", ["Attacks in Mali", "A mine hit a bus."], id="md-heading"),
    pytest.param("Recent attacks\nA mine hit a bus near Douentza.",
                 ["Recent attacks", "A mine hit a bus near Douentza."], id="heading-no-period"),
    pytest.param("| 3 May 2019 | Gao | 9 |\n|---|---|---|", ["| 3 May 2019 | Gao | 9 |"], id="table-row"),
])
def test_sentences_split(split, make_doc, text, expected):
    assert texts(split(make_doc(text))) == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("The convoy left Gao at dawn and was struck by a mine near\nthe town of Ansongo, "
                 "killing four soldiers.", 1, id="lowercase-continuation"),
    pytest.param("One line ends here.\nAnother begins here.", 2, id="two-lines"),
])
def test_sentences_wrapped_lines(split, make_doc, text, expected):
    assert len(split(make_doc(text)).sentences) == expected


@pytest.mark.parametrize("text,heading", [
    pytest.param("# Overview\nText here.", "Overview", id="hash"),
    pytest.param("3. MAJOR ATTACKS\nText here.", "MAJOR ATTACKS", id="numbered-caps"),
    pytest.param("PRESS RELEASE\nText here.", "PRESS RELEASE", id="all-caps"),
    pytest.param("Number of Fighters\nText here.", "Number of Fighters", id="title-line"),
])
def test_sentences_headings_and_sections(split, make_doc, text, heading):
    doc = split(make_doc(text))
    assert [h for _, _, h in doc.meta["sections"]] == [heading]
    assert section_at(doc, doc.text.index("Text"))[2] == heading


@pytest.mark.parametrize("text", [
    pytest.param("The group was formed in 2009 and grew quickly.", id="sentence"),
    pytest.param("- Raid on a market in Gao, killing nine people", id="bullet-no-period"),
    pytest.param("He said the attack was planned; officials agreed", id="long-no-period-lower"),
])
def test_sentences_no_heading(split, make_doc, text):
    assert split(make_doc(text)).meta["headings"] == []


@pytest.mark.parametrize("line", [
    pytest.param("MALI-ATTACK/GAO (UPDATE 1)", id="wire-slug"),
    pytest.param("(Reporting by Bamako bureau; Editing by Jane Roe)", id="editing"),
    pytest.param("Lost your password?", id="login"),
    pytest.param("To download the full study, click here.", id="click-here"),
    pytest.param("Share this article", id="share"),
    pytest.param("Return to top | Annual report home", id="return-top"),
    pytest.param("NEWS | AFRICA", id="kicker"),
    pytest.param("© 2021 Sahel Monitor. All rights reserved.", id="copyright"),
    pytest.param("www.example.org", id="address"),
    pytest.param("7/31", id="page-of"),
    pytest.param("Tags: Mali | Sahel | Security", id="tags"),
    pytest.param("*This page was last edited on 2 May 2022, at 10:00.*", id="last-edited"),
])
def test_sentences_boilerplate_lines(split, make_doc, line):
    doc = split(make_doc(f"Gunmen killed nine people in Gao.\n\n{line}\n\nThe army responded."))
    start = doc.text.index(line)
    assert in_boilerplate(doc, start, start + len(line))
    assert not in_boilerplate(doc, 0, 10)
    assert not in_boilerplate(doc, doc.text.index("The army"), len(doc.text))


@pytest.mark.parametrize("line", [
    pytest.param("Person | Group | Period", id="table-header"),
    pytest.param("Officials said nine people were killed and the army was not a member of the talks.", id="prose"),
    pytest.param("| 3 May 2019 | Gao | 9 |", id="md-row"),
])
def test_sentences_not_boilerplate(split, make_doc, line):
    doc = split(make_doc(line))
    assert not in_boilerplate(doc, 0, len(line))


def test_sentences_furniture_section(split, make_doc):
    doc = split(make_doc("## History\nFounded in 2009.\n\n## See also\n\n- Boko Haram\n- Ansaru\n"))
    assert not in_boilerplate(doc, 0, 20)
    assert in_boilerplate(doc, doc.text.index("Ansaru"), doc.text.index("Ansaru") + 6)


@pytest.mark.parametrize("text,published,doc_date,datelines", [
    pytest.param("MOGADISHU, Somalia, May 3, 2019 — A bomb exploded.", None, "2019-05-03", 1, id="wire-caps"),
    pytest.param("Headline\n\nNAIROBI, 12 June 2018 - Police said.", None, "2018-06-12", 1, id="dmy-hyphen"),
    pytest.param("PRESS RELEASE\nBamako – March 9, 2020\n\nThe army today began.", None, "2020-03-09", 1, id="release"),
    pytest.param("FACT SHEET\nApril 2, 2021\n\nThe department acted.", None, "2021-04-02", 1, id="date-line"),
    pytest.param("Desk | Profiles | Updated 4 May 2020\n\nText.", None, "2020-05-04", 1, id="updated-cell"),
    pytest.param("GAO — Gunmen struck on Monday.", "2019-06-10T08:00:00+00:00", "2019-06-10", 0, id="published"),
    pytest.param("The group was formed in 2009.\n\nIt grew.", None, None, 0, id="none"),
    pytest.param("Annual Report 2019\n\nThe group grew.", None, None, 0, id="year-title-not-date"),
])
def test_sentences_doc_date(split, make_doc, text, published, doc_date, datelines):
    doc = split(make_doc(text, published=published))
    assert doc.meta["doc_date"] == doc_date
    assert len(doc.meta["datelines"]) == datelines


def test_sentences_two_releases(split, make_doc):
    text = ("PRESS RELEASE\nBamako – March 9, 2020\n\n1. The army today began a sweep.\n\n"
            "----------\n\nPRESS RELEASE\nBamako – July 1, 2021\n\n1. The army today ended it.\n")
    doc = split(make_doc(text))
    assert doc.meta["doc_date"] is None
    assert [iso for _, iso in doc.meta["datelines"]] == ["2020-03-09", "2021-07-01"]
    assert dateline_date(doc, doc.text.index("began")) == "2020-03-09"
    assert dateline_date(doc, doc.text.index("ended")) == "2021-07-01"


def test_sentences_helpers(split, make_doc):
    doc = split(make_doc("First one here. Second one.\n\nNew paragraph."))
    assert doc.text[slice(*sentence_at(doc, doc.text.index("Second")))] == "Second one."
    assert doc.text[slice(*paragraph_at(doc, 3))] == "First one here. Second one."
    assert section_at(doc, 3) is None
