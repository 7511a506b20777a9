"""Tests of the `dates` component and of `parse_date`."""
from __future__ import annotations

import pytest

from sourcebook.extract.dates import make_dates, parse_date
from sourcebook.extract.sentences import make_sentences


@pytest.fixture(scope="module")
def find(codebook):
    sentences, dates = make_sentences(codebook), make_dates(codebook)

    def run(make_doc, text, **meta):
        doc = dates(sentences(make_doc(text, **meta)))
        return [(m.text, m.value.iso(), m.data["how"]) for m in doc.mentions_of("date")]

    return run


@pytest.mark.parametrize("text,iso", [
    pytest.param("3 May 2019", "2019-05-03", id="dmy"),
    pytest.param("May 3, 2019", "2019-05-03", id="mdy"),
    pytest.param("the 9th of April 2018", "2018-04-09", id="ordinal-of"),
    pytest.param("Sept. 14, 2012", "2012-09-14", id="abbrev-dot"),
    pytest.param("14 Feb 2013", "2013-02-14", id="abbrev"),
    pytest.param("2011-04-30", "2011-04-30", id="iso"),
    pytest.param("2011-04-30T10:00:00Z", "2011-04-30", id="iso-time"),
    pytest.param("30/04/2011", "2011-04-30", id="slash-day-first"),
    pytest.param("04/30/2011", "2011-04-30", id="slash-month-first"),
    pytest.param("in June 2015", "2015-06", id="month-year"),
    pytest.param("December of 2009", "2009-12", id="month-of-year"),
    pytest.param("early March 2012", "2012-03", id="early-month"),
    pytest.param("the first week of July 2016", "2016-07", id="week-of-month"),
    pytest.param("mid-2019", "2019", id="mid-year"),
    pytest.param("since 2011", "2011", id="year"),
])
def test_dates_parse_date(text, iso):
    assert parse_date(text).iso() == iso


@pytest.mark.parametrize("text", [
    pytest.param("05/06/2011", id="ambiguous-slash"),
    pytest.param("the late 1990s", id="decade"),
    pytest.param("31 February 2011", id="no-such-day"),
    pytest.param("Resolution 2253", id="not-a-year"),
    pytest.param("no date here", id="nothing"),
])
def test_dates_parse_date_none(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("text,expected", [
    pytest.param("Gunmen attacked Gao on 3 May 2019.", [("3 May 2019", "2019-05-03", "absolute")], id="day"),
    pytest.param("The group was founded in 2002 in Maiduguri.", [("2002", "2002", "absolute")], id="year"),
    pytest.param("Leader (2009–2016) of the group.", [("2009", "2009", "absolute"), ("2016", "2016", "absolute")],
                 id="year-range"),
    pytest.param("He was killed in mid-2018.", [("mid-2018", "2018", "absolute")], id="mid-year"),
    pytest.param("In the last week of March 2011, troops moved.",
                 [("the last week of March 2011", "2011-03", "absolute")], id="last-week"),
    pytest.param("Estimates (2020 est.) vary.", [("2020", "2020", "absolute")], id="est"),
])
def test_dates_absolute(find, make_doc, text, expected):
    assert find(make_doc, text) == expected


@pytest.mark.parametrize("text,relative,iso", [
    pytest.param("A bomb hit Gao on 3 May 2019. In June of the same year, a mine hit a bus.",
                 "June of the same year", "2019-06", id="month-same-year"),
    pytest.param("A bomb hit Gao on 3 May 2019. A month later, a mine hit a bus.", "A month later", "2019-06",
                 id="month-later"),
    pytest.param("A bomb hit Gao on 3 May 2019. Eighteen months earlier, a mine hit a bus.",
                 "Eighteen months earlier", "2017-11", id="months-earlier"),
    pytest.param("A bomb hit Gao in March 2014. Three and a half years later, it was rebuilt.",
                 "Three and a half years later", "2017", id="fraction-years"),
    pytest.param("A bomb hit Gao on 3 May 2019. The following year, a mine hit a bus.",
                 "The following year", "2020", id="following-year"),
    pytest.param("A bomb hit Gao on 3 May 2019. Two days after the blast, police made arrests.",
                 "Two days after", "2019-05-05", id="days-after"),
    pytest.param("A bomb hit Gao on 3 May 2019. The same day, a mine hit a bus.", "The same day", "2019-05-03",
                 id="same-day"),
    pytest.param("A bomb hit Gao on 30 May 2019. The next day, a mine hit a bus.", "The next day", "2019-05-31",
                 id="next-day"),
    pytest.param("A bomb hit Gao in May 2019. Later that month, a mine hit a bus.", "Later that month", "2019-05",
                 id="later-that-month"),
    pytest.param("A bomb hit Gao on 27 May 2019. A week later, a mine hit a bus.", None, None,
                 id="week-across-months"),
    pytest.param("A bomb hit Gao on 10 May 2019. A week later, a mine hit a bus.", "A week later", "2019-05",
                 id="week-in-month"),
    pytest.param("A bomb hit Gao in May 2019. Three days later, a mine hit a bus.", None, None,
                 id="days-after-month-only"),
    pytest.param("Troops left on 9 November 2017; they had arrived that March.", "that March", "2017-03",
                 id="that-month"),
    pytest.param("A bomb hit Gao on 3 May 2019. On 6 May the group claimed it.", "6 May", "2019-05-06",
                 id="day-month-no-year"),
    pytest.param("A raid on 30 December 2015 was followed by another on 2 January.", "2 January", "2016-01-02",
                 id="day-month-next-year"),
])
def test_dates_relative(find, make_doc, text, relative, iso):
    found = [(t, v) for t, v, how in find(make_doc, text) if how == "relative"]
    assert found == ([(relative, iso)] if relative else [])


@pytest.mark.parametrize("text,relative,iso", [
    pytest.param("A bomb hit Gao on 3 May 2019. Two days later, on 5 May, police made arrests.", "5 May",
                 "2019-05-05", id="appositive-keeps-explicit"),
])
def test_dates_appositive(find, make_doc, text, relative, iso):
    found = find(make_doc, text)
    assert (relative, iso, "relative") in found
    assert not any(t.startswith("Two days") for t, _, _ in found)


@pytest.mark.parametrize("text,published,expected", [
    pytest.param("GAO, Mali, June 12, 2019 — Gunmen struck on Monday.", None, ("on Monday", "2019-06-10", "weekday"),
                 id="weekday-dateline"),
    pytest.param("GAO — Gunmen struck on Wednesday afternoon.", "2019-06-12", ("on Wednesday afternoon", "2019-06-12", "weekday"),
                 id="weekday-same-day"),
    pytest.param("Traders closed their shops on Tuesday.", "2019-06-12", ("on Tuesday", "2019-06-11", "weekday"),
                 id="weekday-before"),
    pytest.param("The army said today that it had won.", "2019-06-12", ("today", "2019-06-12", "document"), id="today"),
    pytest.param("The army said yesterday that it had won.", "2019-06-12", ("yesterday", "2019-06-11", "document"),
                 id="yesterday"),
    pytest.param("The group seized the town last September.", "2019-06-12", ("last September", "2018-09", "document"),
                 id="last-month-name"),
    pytest.param("The group seized the town last April.", "2019-06-12", ("last April", "2019-04", "document"),
                 id="last-month-this-year"),
    pytest.param("Attacks rose sharply last year.", "2019-06-12", ("last year", "2018", "document"), id="last-year"),
    pytest.param("The town fell in March last year.", "2019-06-12", ("March last year", "2018-03", "document"),
                 id="month-last-year"),
])
def test_dates_document_anchored(find, make_doc, text, published, expected):
    assert expected in find(make_doc, text, published=published)


@pytest.mark.parametrize("text,published", [
    pytest.param("Friday prayers were cancelled and Sunday services moved indoors.", "2019-06-12", id="weekday-noun"),
    pytest.param("Within a week the council chose a new emir.", "2019-06-12", id="within-a-week"),
    pytest.param("The group grew in the early 2000s.", None, id="decade"),
    pytest.param("Gunmen struck on Monday.", None, id="weekday-no-doc-date"),
    pytest.param("Fighters may regroup in five years.", "2019-06-12", id="modal-may-duration"),
    pytest.param("Under Resolution 2253 and Executive Order 13224 it was listed.", None, id="names"),
    pytest.param("He said 2000 fighters had joined.", None, id="count-not-year"),
    pytest.param("The convoy left at 10:50 with 12 trucks.", None, id="time"),
])
def test_dates_nothing(find, make_doc, text, published):
    assert find(make_doc, text, published=published) == []


def test_dates_today_per_release(find, make_doc):
    text = ("PRESS RELEASE\nBamako – March 9, 2020\n\n1. The army today began a sweep.\n\n----------\n\n"
            "PRESS RELEASE\nBamako – July 1, 2021\n\n1. The army today ended it.\n")
    todays = [v for t, v, how in find(make_doc, text) if t == "today"]
    assert todays == ["2020-03-09", "2021-07-01"]


def test_dates_skip_boilerplate(find, make_doc):
    text = "Gunmen struck Gao on 3 May 2019.\n\n*This page was last edited on 2 May 2022, at 10:00.*\n"
    assert [t for t, _, _ in find(make_doc, text)] == ["3 May 2019"]


def test_dates_anchor_recorded(codebook, make_doc):
    doc = make_dates(codebook)(make_sentences(codebook)(make_doc("A bomb hit Gao on 3 May 2019. A month later, "
                                                                  "a mine hit a bus.")))
    rel = [m for m in doc.mentions_of("date") if m.data["how"] == "relative"][0]
    assert rel.data["anchor"] == "2019-05-03"
    assert rel.value.precision == "month"
    assert doc.text[rel.start:rel.end] == rel.text


@pytest.mark.parametrize("text,relative,iso", [
    pytest.param("Gunmen raided Mopti on 2 March 2016. A mine hit a bus in Segou on 20 March 2016. "
                 "A week after the Mopti raid, the army arrived.", "A week after", "2016-03", id="after-named-event"),
    pytest.param("Gunmen raided Mopti on 2 March 2016. A mine hit a bus in Segou on 20 March 2016. "
                 "Two days after the Mopti raid, the army arrived.", "Two days after", "2016-03-04",
                 id="days-after-named-event"),
    pytest.param("Gunmen raided Mopti on 2 March 2016. A mine hit a bus in Segou on 20 March 2016. "
                 "The day after the Segou blast, roads closed.", "The day after", "2016-03-21", id="day-after-named"),
    pytest.param("A mine hit a bus in Segou on 20 March 2016. A week after the Kayes massacre, the army arrived.",
                 None, None, id="named-event-never-dated"),
    pytest.param("A mine hit a bus in Segou on 20 March 2016. Two days after the blast, police made arrests.",
                 "Two days after", "2016-03-22", id="unnamed-event-last-date"),
    pytest.param("A truck bomb hit Hodan on 11 June 2017. Earlier in the day, a mortar hit the port.",
                 "Earlier in the day", "2017-06-11", id="earlier-in-the-day"),
    pytest.param("A truck bomb hit Hodan on 4 June 2017. The following week, talks resumed.",
                 "The following week", "2017-06", id="following-week"),
    pytest.param("A truck bomb hit Hodan on 28 June 2017. The following week, talks resumed.",
                 "The following week", "2017-07", id="following-week-next-month"),
    pytest.param("A truck bomb hit Hodan on 24 June 2017. The following week, talks resumed.", None, None,
                 id="following-week-across-months"),
])
def test_dates_relative_anchor(find, make_doc, text, relative, iso):
    found = [(t, v) for t, v, how in find(make_doc, text) if how == "relative"]
    assert found == ([(relative, iso)] if relative else [])


@pytest.mark.parametrize("text,expected", [
    pytest.param("Timeline:\n\n- 3 April 2015: Gunmen stormed a campus in Garissa.\n"
                 "- 9 June 2015: A mine hit a convoy near Lamu.\n\nThe next day, the group claimed the attack.\n",
                 [], id="note-after-list"),
    pytest.param("| Date | Event |\n|---|---|\n| 3 April 2015 | Campus stormed in Garissa |\n"
                 "| 9 June 2015 | Mine near Lamu |\n\nA month later, schools closed.\n", [], id="note-after-table"),
    pytest.param("| Date | Place |\n|---|---|\n| 3 April 2015 | Garissa campus |\n| 9 June 2015 | Lamu road |\n\n"
                 "**Garissa.** Gunmen held students for hours. Police arrested five men the next day.\n",
                 [("the next day", "2015-04-04")], id="note-about-a-row"),
    pytest.param("| Date | Place |\n|---|---|\n| 3 April 2015 | Garissa campus |\n| 9 June 2015 | Garissa road |\n\n"
                 "**Garissa.** Police arrested five men the next day.\n", [], id="note-about-two-rows"),
    pytest.param("- 3 April 2015: Gunmen stormed a campus in Garissa. The next day, the group claimed it.\n",
                 [("The next day", "2015-04-04")], id="inside-row"),
    pytest.param("Gunmen stormed a campus in Garissa on 3 April 2015.\n\nThe next day, the group claimed it.\n",
                 [("The next day", "2015-04-04")], id="prose-paragraphs"),
])
def test_dates_rows_anchor_their_row(find, make_doc, text, expected):
    found = [(t, v) for t, v, how in find(make_doc, text) if how == "relative"]
    assert found == expected


@pytest.mark.parametrize("text,expected", [
    pytest.param("Today the movement controls most of the countryside.", [], id="today-nowadays"),
    pytest.param("Today, the insurgents are weaker than a decade ago.", [], id="today-comma-nowadays"),
    pytest.param("The governor said today that the road had reopened.", [("today", "2019-06-12")],
                 id="today-said"),
    pytest.param("Militants today overran a checkpoint near the border.", [("today", "2019-06-12")],
                 id="today-overran"),
    pytest.param("Police questioned witnesses of today's blast.", [("today", "2019-06-12")], id="today-possessive"),
    pytest.param("Raids on the group's camps increased last week.", [("last week", "2019-06")], id="last-week"),
    pytest.param("Raids on the group's camps increased last week.", [], id="last-week-across-months"),
])
def test_dates_today_and_weeks(find, make_doc, text, expected, request):
    published = "2019-06-05" if "across-months" in request.node.callspec.id else "2019-06-12"
    found = [(t, v) for t, v, how in find(make_doc, text, published=published) if how == "document"]
    assert found == expected


@pytest.mark.parametrize("text,relative,iso", [
    pytest.param("KANO, Nigeria, April 2, 2021 (Wire) - The town fell in 2019.\n\n"
                 "Officials said 30 people had been detained since January.\n", "January", "2021-01",
                 id="since-month-counts-to-the-dateline"),
    pytest.param("KANO, Nigeria, April 2, 2021 - Raids began in 2019.\n\nSince October, raids doubled.\n",
                 "October", "2020-10", id="since-later-month-is-last-year"),
    pytest.param("KANO, Nigeria, April 2, 2021 - The town fell in June 2015. It had been shelled since January.\n",
                 "January", "2015-01", id="since-month-in-the-narrative-paragraph"),
])
def test_dates_since_month(find, make_doc, text, relative, iso):
    assert (relative, iso) in [(t, v) for t, v, _ in find(make_doc, text)]


@pytest.mark.parametrize("text,iso", [
    pytest.param("GAO, Mali, Oct. 3, 2023 (Wire) - Gunmen attacked a convoy on Monday.\n", "2023-10-02",
                 id="credit-between-date-and-dash"),
    pytest.param("MOSUL, Iraq, 5 May 2017 (Agency Staff) — A bomb exploded on Friday.\n", "2017-05-05",
                 id="credit-em-dash"),
])
def test_dates_dateline_with_wire_credit(find, make_doc, text, iso):
    assert [v for _, v, how in find(make_doc, text) if how == "weekday"] == [iso]
