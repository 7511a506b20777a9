"""Event coreference in one document (`coref`) and across documents (`merge_events`)."""
from __future__ import annotations

import pytest

from sourcebook.model import Claim, Quantity, Span
from sourcebook.pipeline import Pipeline
from sourcebook.resolve.events import merge_events

UPSTREAM = ("sentences", "dates", "quantities", "mentions", "places", "events", "coref")


@pytest.fixture(scope="module")
def extract(codebook):
    pipeline = Pipeline(codebook)
    for name in UPSTREAM:
        pipeline.add_pipe(name)

    from sourcebook.ingest.normalize import make_document

    def run(text: str):
        doc = pipeline(make_document(text, "test.txt"))
        return [c for c in doc.claims if c.kind == "event"]

    return run


def test_coref_back_reference_adds_day_and_claim(extract):
    text = ("The bombing at a market in Mosul in March 2019 killed 31 people.\n\n"
            "In response to the Mosul market bombing on the 14th of March 2019, which was claimed by the "
            "Islamic State, the government closed the city's markets.")
    (event,) = extract(text)
    assert event.get("date") == "2019-03-14"
    assert event.get("claimed") is True
    assert event.get("killed") == Quantity(31, 31)
    assert event.evidence.quote.startswith("The bombing at a market")
    assert "also" in event.spans


def test_coref_mentioned_twice_is_one_event(extract):
    text = ("On 2 June 2016, gunmen stormed a hotel in Mogadishu, killing 15 people.\n\n"
            "The hotel attack in Mogadishu on 2 June 2016 was the deadliest of the year.")
    assert len(extract(text)) == 1


@pytest.mark.parametrize("text,n", [
    pytest.param("On 4 May 2020, a bomb exploded at a market in Mosul, killing 5 people. The same day, a "
                 "suicide bomber struck a funeral in Kirkuk, killing 11 people.", 2, id="same-day-other-place"),
    pytest.param("In April 2017, a car bomb in Baghdad killed 12 people. In April 2018, a car bomb in Baghdad "
                 "killed 9 people.", 2, id="same-place-other-year"),
])
def test_coref_keeps_distinct_events_apart(extract, text, n):
    assert len(extract(text)) == n


def _claim(doc_id, date, killed, place="Mosul", perpetrator=None):
    values = {"event_type": "attack", "date": date, "date_precision": "day" if len(date) == 10 else "month",
              "place": place, "admin1": "Nineveh", "country": "IQ", "killed": Quantity(killed, killed)}
    if perpetrator:
        values["perpetrator"] = perpetrator
    return Claim("event", values, evidence=Span(doc_id, 0, 10, "0123456789"))


def test_merge_events_keeps_every_source_figure():
    events = merge_events([_claim("a", "2019-03-14", 31), _claim("b", "2019-03-14", 40),
                           _claim("c", "2019-03", 35)])
    assert len(events) == 1
    assert events[0].values["killed"] == {"best": 35, "low": 31, "high": 40}
    assert events[0].date == "2019-03-14"
    assert len(events[0].claims) == 3


@pytest.mark.parametrize("claims,n", [
    pytest.param([_claim("a", "2019-03-14", 31), _claim("b", "2019-03-15", 31)], 2, id="other-day"),
    pytest.param([_claim("a", "2019-03-14", 31), _claim("b", "2019-03-14", 31, place="Basra")], 2,
                 id="other-place"),
    pytest.param([_claim("a", "2019-03-14", 31, perpetrator="Islamic State"),
                  _claim("b", "2019-03-14", 31, perpetrator="Ansar al-Sunna")], 2, id="other-perpetrator"),
    pytest.param([_claim("a", "2019-03-14", 31), _claim("b", "2019-03-14", 31)], 1, id="same"),
])
def test_merge_events_groups_only_compatible_claims(claims, n):
    assert len(merge_events(claims)) == n
