"""Tests of the `quantities` component: figures, ranges, qualifiers, nouns, and non-figures."""
from __future__ import annotations

import pytest

from sourcebook.extract.dates import make_dates
from sourcebook.extract.quantities import make_quantities
from sourcebook.extract.sentences import make_sentences


@pytest.fixture(scope="module")
def find(codebook):
    steps = [make_sentences(codebook), make_dates(codebook), make_quantities(codebook)]

    def run(make_doc, text):
        doc = make_doc(text)
        for step in steps:
            doc = step(doc)
        return doc.mentions_of("quantity")

    return run


def one(found):
    assert len(found) == 1, [m.text for m in found]
    m = found[0]
    return m.text, m.value.low, m.value.high, m.value.qualifier, m.data["noun"]


@pytest.mark.parametrize("text,expected", [
    pytest.param("A car bomb killed 37 people in Gao.", ("37", 37, 37, None, "people"), id="digits"),
    pytest.param("Gunmen killed up to 170 villagers.", ("up to 170", 170, 170, "up to", "villagers"), id="up-to"),
    pytest.param("The blast killed at least 12 police recruits.", ("at least 12", 12, 12, "at least", "police recruits"),
                 id="at-least"),
    pytest.param("More than 1,200 families fled.", ("More than 1,200", 1200, 1200, "more than", "families"),
                 id="more-than-cap"),
    pytest.param("The raid killed over 40 insurgents.", ("over 40", 40, 40, "more than", "insurgents"), id="over"),
    pytest.param("Nearly 300 prisoners escaped.", ("Nearly 300", 300, 300, "nearly", "prisoners"), id="nearly"),
    pytest.param("It has about 900 members.", ("about 900", 900, 900, "about", "members"), id="about"),
    pytest.param("It has approximately 2,000 fighters.", ("approximately 2,000", 2000, 2000, "approximately", "fighters"),
                 id="approximately"),
    pytest.param("It fields an estimated 4,500 fighters.", ("an estimated 4,500", 4500, 4500, "estimated", "fighters"),
                 id="estimated"),
    pytest.param("Its strength is circa 800.", ("circa 800", 800, 800, "circa", None), id="circa"),
    pytest.param("Some 60 kilometres away.", ("Some 60", 60, 60, "about", "kilometres"), id="some"),
    pytest.param("As many as 5,000 civilians were displaced.",
                 ("As many as 5,000", 5000, 5000, "as many as", "civilians"), id="as-many-as"),
    pytest.param("Fewer than 30 soldiers survived.", ("Fewer than 30", 30, 30, "fewer than", "soldiers"), id="fewer"),
    pytest.param("It had 50 or more commanders.", ("50 or more", 50, 50, "at least", "commanders"), id="or-more"),
    pytest.param("| 2 Jun 2019 | Gao | 64+ |", ("64+", 64, 64, "at least", None), id="plus-cell"),
    pytest.param("It has 400-600 fighters.", ("400-600", 400, 600, None, "fighters"), id="hyphen-range"),
    pytest.param("It has 2,500–3,000 fighters.", ("2,500–3,000", 2500, 3000, None, "fighters"), id="dash-range"),
    pytest.param("It has 1,200 to 1,800 members.", ("1,200 to 1,800", 1200, 1800, None, "members"), id="to-range"),
    pytest.param("It has between 3,000 and 4,000 Somali and Kenyan fighters.",
                 ("between 3,000 and 4,000", 3000, 4000, None, "Somali and Kenyan fighters"), id="between"),
    pytest.param("It has around 1,000 to 1,500 fighters.",
                 ("around 1,000 to 1,500", 1000, 1500, "around", "fighters"), id="qualified-range"),
    pytest.param("Troops killed seven militants.", ("seven", 7, 7, None, "militants"), id="word"),
    pytest.param("Twenty-three pilgrims died.", ("Twenty-three", 23, 23, None, "pilgrims"), id="hyphen-word"),
    pytest.param("The war displaced three million people.", ("three million", 3000000, 3000000, None, "people"),
                 id="word-million"),
    pytest.param("The war displaced 1.5 million people.", ("1.5 million", 1500000, 1500000, None, "people"),
                 id="decimal-million"),
    pytest.param("It displaced 1.5 to 2 million people.", ("1.5 to 2 million", 1500000, 2000000, None, "people"),
                 id="range-shared-scale"),
    pytest.param("Between 300 and 2 million people.", ("Between 300 and 2 million", 300, 2000000, None, "people"),
                 id="range-no-shared-scale"),
    pytest.param("Police arrested a dozen suspects.", ("a dozen", 12, 12, None, "suspects"), id="dozen"),
    pytest.param("The plan lasted six to 18 months.", ("six to 18", 6, 18, None, "months"), id="word-digit-range"),
    pytest.param("The bomb killed 19 Ugandan peacekeepers and wounded others.",
                 ("19", 19, 19, None, "Ugandan peacekeepers"), id="noun-stops-at-and-verb"),
    pytest.param("It killed 31 U.N. staff members.", ("31", 31, 31, None, "U.N. staff members"), id="dotted-noun"),
])
def test_quantities_figures(find, make_doc, text, expected):
    assert one(find(make_doc, text)) == expected


def test_quantities_two_figures(find, make_doc):
    found = find(make_doc, "The attack killed 14 and injured 60 others.")
    assert [(m.text, m.data["noun"]) for m in found] == [("14", None), ("60", "others")]


@pytest.mark.parametrize("text,data", [
    pytest.param("Nearly 40% of its commanders were killed.", {"noun": "%", "percent": True}, id="percent"),
    pytest.param("Nine of the dead were police.", {"noun": "dead", "partitive": True}, id="partitive"),
    pytest.param("He wrote a 40-page letter.", {"noun": "page", "attributive": True}, id="attributive"),
    pytest.param("A reward of $5 million was offered.", {"noun": None, "currency": "$"}, id="currency"),
])
def test_quantities_data(find, make_doc, text, data):
    assert find(make_doc, text)[0].data == data


@pytest.mark.parametrize("text", [
    pytest.param("The group was founded in 2009.", id="year"),
    pytest.param("On 14 March 2016 the group struck.", id="date-parts"),
    pytest.param("Police arrived on March 14.", id="month-day"),
    pytest.param("The blast came at 10:45 and at 4 p.m.", id="times"),
    pytest.param("It was the 24th such attack and the first in Gao.", id="ordinals"),
    pytest.param("It was listed under Executive Order 13224 and Resolution 2253.", id="order-resolution"),
    pytest.param("Section 219 of the act and Division 102 of the code apply.", id="section-division"),
    pytest.param("The Committee 1267 list named him.", id="committee"),
    pytest.param("Dozens were killed and hundreds wounded; thousands fled.", id="vague-plurals"),
    pytest.param("No one was hurt.", id="no-one"),
    pytest.param("61. Member States reported a rise.", id="paragraph-number"),
    pytest.param("2.1 The group split.", id="section-number"),
    pytest.param("Fighters fought for years (2008–2014).", id="year-range"),
    pytest.param("Troops retook it in mid-2020.", id="mid-year"),
    pytest.param("Gunmen struck Gao.\n\n14/23\n\n22-01196\n", id="page-furniture"),
    pytest.param("The COVID-19 curfew held.", id="in-name"),
])
def test_quantities_nothing(find, make_doc, text):
    assert [m.text for m in find(make_doc, text)] == []


def test_quantities_span_is_text(find, make_doc):
    doc_text = "Officials said at least 56 people died."
    m = find(make_doc, doc_text)[0]
    assert doc_text[m.start:m.end] == m.text == "at least 56"


def test_quantities_alone_skips_dates(codebook, make_doc):
    doc = make_quantities(codebook)(make_sentences(codebook)(make_doc("On 3 May 2019 gunmen killed 12 people.")))
    assert [m.text for m in doc.mentions_of("quantity")] == ["12"]
