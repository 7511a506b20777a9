"""Resolution across documents: one event per attack, one actor per group, one place per location,
every source's figure kept — checked through the store, the facts export and the referee.

The reports (tests/_reports.py) tell the same attacks differently: other tolls, al-Shabab and
al-Shabaab, Baluchistan and Balochistan, Daesh, ISIS and a province, a month where another gives
the day.
"""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import time
from datetime import date, timedelta

import pytest
from _reports import write_reports
from conftest import CORPUS, GOLD

from sourcebook.core import Sourcebook
from sourcebook.model import Actor, Claim, Quantity, Span
from sourcebook.resolve.actors import merge_actors
from sourcebook.resolve.events import merge_events
from sourcebook.store import repository as repo


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    """The reports built into one knowledge base: its events, actors and facts export."""
    tmp = tmp_path_factory.mktemp("cross")
    with Sourcebook(tmp / "kb.sqlite") as book:
        book.build([write_reports(tmp / "reports")])
        with book.Session() as session:
            names = repo.document_names(session)
            claims = {r.id: (names[r.document_id], repo.to_claim(r)) for r in repo.current_claims(session, "event")}
            events = {e.id: e for e in repo.events(session)}
            actors = [repo.actor_of_row(a) for a in repo.actors(session)]
        buf = io.StringIO()
        book.export("facts", buf)
    facts = [json.loads(line) for line in buf.getvalue().splitlines()]
    return {"claims": claims, "events": events, "actors": actors, "facts": facts}


def _events_at(kb, place: str, month: str):
    return [e for e in kb["events"].values()
            if (e.place is not None and e.place.name == place) and (e.date or "").startswith(month)]


def _sources(kb, event_id: int) -> dict[str, object]:
    """Document -> the killed figure it states, for every claim of one event."""
    return {doc: claim.get("killed").low for doc, claim in kb["claims"].values() if claim.event_id == event_id}


@pytest.mark.parametrize("place,month,date,killed,documents", [
    pytest.param("Mogadishu", "2023-03-09", "2023-03-09", {"best": 20, "low": 18, "high": 23},
                 {"a_wire_mogadishu.txt": 18, "b_release_mogadishu.txt": 23, "c_encyclopedia_shabaab.md": 20},
                 id="wire-release-encyclopedia"),
    pytest.param("Baghdad", "2016-07", "2016-07-03", {"best": 316, "low": 292, "high": 340},
                 {"g_wire_baghdad.txt": 292, "h_encyclopedia_iraq.md": 340}, id="month-then-day"),
    pytest.param("Quetta", "2016-08", "2016-08-08", {"best": 72, "low": 70, "high": 74},
                 {"e_wire_quetta.txt": 70, "f_release_quetta.txt": 74}, id="baluchistan-balochistan"),
    pytest.param("Maiduguri", "2021-01", "2021-01-16", {"best": 16, "low": 14, "high": 19},
                 {"l_wire_maiduguri.txt": 14, "m_brief_maiduguri.txt": 19}, id="iswap-spelled-out"),
    pytest.param("Jalalabad", "2022-06", "2022-06-12", {"best": 10, "low": 9, "high": 11},
                 {"j_wire_jalalabad.txt": 9, "k_report_jalalabad.txt": 11}, id="province-and-parent"),
])
def test_cross_document_one_event_per_attack(kb, place, month, date, killed, documents):
    (event,) = _events_at(kb, place, month)
    assert event.date == date and event.date_precision == "day"
    assert event.values["killed"] == killed
    assert event.killed == killed["best"]
    assert documents == _sources(kb, event.id)


def test_cross_document_same_city_other_days_stay_apart(kb):
    march = _events_at(kb, "Mogadishu", "2023-03")
    assert sorted(e.date for e in march) == ["2023-03-09", "2023-03-21"]
    assert {e.attack_type for e in march} == {"Bombing/Explosion", "Armed Assault"}
    assert [e.date for e in _events_at(kb, "Baghdad", "2016-11")] == ["2016-11-10"]


@pytest.mark.parametrize("place,month,flagged,reason", [
    pytest.param("Quetta", "2016-08", False, "same type, day and place", id="same-day-and-place"),
    pytest.param("Baghdad", "2016-07", True, "a near date", id="month-only"),
    pytest.param("Jalalabad", "2022-06", True, "branch of the other", id="parent-perpetrator"),
])
def test_cross_document_merge_is_noted_and_flagged(kb, place, month, flagged, reason):
    (event,) = _events_at(kb, place, month)
    assert event.flagged is flagged
    assert reason in event.merge_note and "2 claims from 2 documents" in event.merge_note


def test_cross_document_places_resolve_across_spellings(kb):
    quetta = [claim for doc, claim in kb["claims"].values() if claim.get("place") == "Quetta"]
    assert len(quetta) == 2
    assert {(c.get("admin1"), c.get("country")) for c in quetta} == {("Balochistan", "PK")}
    assert all(c.get("latitude") and c.get("longitude") for c in quetta)


def _actor(kb, name: str) -> Actor:
    (actor,) = [a for a in kb["actors"] if a.name == name]
    return actor


@pytest.mark.parametrize("name,aliases", [
    pytest.param("al-Shabaab", {"al-Shabab", "Al-Shabab", "Harakat al-Shabaab al-Mujahideen"}, id="shabab"),
    pytest.param("Jamaat-ul-Ahrar", {"Jamaat ul Ahrar"}, id="jamaat-ul-ahrar"),
    pytest.param("Islamic State", {"Daesh", "ISIS"}, id="daesh-isis"),
])
def test_cross_document_one_actor_per_group(kb, name, aliases):
    actor = _actor(kb, name)
    assert aliases <= set(actor.aliases)
    holders = [a.name for a in kb["actors"] for n in aliases if n in (a.name, *a.aliases)]
    assert set(holders) == {name}


def test_cross_document_daesh_is_not_a_province(kb):
    for province in ("Islamic State Khorasan Province", "Islamic State West Africa Province"):
        actor = _actor(kb, province)
        assert not {"Daesh", "ISIS", "Islamic State"} & set(actor.aliases)
        assert actor.parent == "Islamic State"
    assert "ISKP" in _actor(kb, "Islamic State Khorasan Province").aliases


def test_cross_document_unknown_group_becomes_an_actor(kb):
    assert _actor(kb, "Mahdi Justice Brigade").actor_type == "organization"
    (event,) = _events_at(kb, "Baghdad", "2016-11")
    assert event.perpetrator == "Mahdi Justice Brigade"


def test_cross_document_facts_export_keeps_every_claim(kb):
    events = [f for f in kb["facts"] if f["kind"] == "event"]
    assert len(events) == len(kb["claims"])
    by_event: dict[int, set] = {}
    for f in events:
        by_event.setdefault(f["event_id"], set()).add((f["sources"][0]["document"], f.get("killed")))
    mogadishu = next(v for v in by_event.values() if ("a_wire_mogadishu.txt", 18) in v)
    assert mogadishu == {("a_wire_mogadishu.txt", 18), ("b_release_mogadishu.txt", 23),
                         ("c_encyclopedia_shabaab.md", 20)}
    assert len(by_event) == len(kb["events"])


# -- merge_events on claims written by hand --------------------------------------------------

def _claim(doc, date, place="Kirkuk", killed=5, claim_id=None, **values):
    precision = {10: "day", 7: "month", 4: "year"}[len(date)]
    values = {"event_type": "attack", "date": date, "date_precision": precision, "place": place,
              "admin1": "Kirkuk", "country": "IQ", "killed": Quantity(killed, killed), **values}
    return Claim("event", values, evidence=Span(doc, 0, 5, "words"), id=claim_id)


def test_cross_document_month_between_two_days_is_not_guessed():
    events = merge_events([_claim("a", "2018-05-03"), _claim("b", "2018-05-20"), _claim("c", "2018-05")])
    assert len(events) == 3
    (alone,) = [e for e in events if e.date == "2018-05"]
    assert alone.values["flagged"] is True and "kept apart" in alone.values["merge_note"]


def test_cross_document_month_joins_the_day_it_fits():
    events = merge_events([_claim("a", "2018-05-03", attack_type="Armed Assault"),
                           _claim("b", "2018-05-20", attack_type="Bombing/Explosion"),
                           _claim("c", "2018-05", attack_type="Bombing/Explosion")])
    (joined,) = [e for e in events if len(e.claims) == 2]
    assert joined.date == "2018-05-20"


def test_cross_document_one_document_is_never_merged_with_itself():
    assert len(merge_events([_claim("a", "2018-05-03"), _claim("a", "2018-05-03")])) == 2


def test_cross_document_perpetrators_through_actors():
    claims = [_claim("a", "2018-05-03", perpetrator="Rafidain Brigades"),
              _claim("b", "2018-05-03", perpetrator="Rafidayn Brigades")]
    assert len(merge_events(claims)) == 2
    actors = [Actor("Rafidain Brigades", aliases=["Rafidayn Brigades"])]
    assert len(merge_events(claims, actors)) == 1


def test_cross_document_keep_apart_is_obeyed():
    claims = [_claim("a", "2018-05-03", claim_id=1), _claim("b", "2018-05-03", claim_id=2)]
    assert len(merge_events(claims)) == 1
    assert len(merge_events(claims, keep_apart={1: {2}, 2: {1}})) == 2


def test_cross_document_merge_is_not_quadratic():
    places = ["Kirkuk", "Mosul", "Basra", "Najaf", "Erbil"]
    first = date(1990, 1, 1)
    claims = [_claim(f"d{i}", (first + timedelta(days=i // 5)).isoformat(), places[i % 5]) for i in range(40_000)]
    claims += [_claim(f"w{i}", (first + timedelta(days=i // 5)).isoformat(), places[i % 5]) for i in range(0, 40_000, 4)]
    started = time.perf_counter()
    events = merge_events(claims)
    # blocked by day, by month and place: a few seconds; every claim against every event: hours
    assert time.perf_counter() - started < 20
    assert len(events) == 40_000
    assert sum(len(e.claims) == 2 for e in events) == 10_000


# -- the reference documents -----------------------------------------------------------------

def test_cross_document_reference_documents_keep_isk_names_together(tmp_path):
    folder = tmp_path / "reference"
    folder.mkdir()
    gold = tmp_path / "gold"
    gold.mkdir()
    for stem in ("000_", "004_"):
        (src,) = CORPUS.glob(f"{stem}*")
        (folder / src.name).write_bytes(src.read_bytes())
        (g,) = GOLD.glob(f"{stem}*")
        (gold / g.name).write_bytes(g.read_bytes())
    facts = tmp_path / "facts.jsonl"
    with Sourcebook(tmp_path / "kb.sqlite") as book:
        book.build([folder])
        with facts.open("w", encoding="utf-8") as fh:
            book.export("facts", fh)
    out = subprocess.run([sys.executable, str(GOLD.parent / "score.py"), "--gold", str(gold), "--system", str(facts),
                          "--corpus", str(folder)], capture_output=True, text=True, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("aliases kept together"))
    kept = re.findall(r"IS-K \((\S+)\) (\d+)/(\d+)", line)
    assert {doc[:4] for doc, _, _ in kept} == {"000_", "004_"}
    assert all(found == total for _, found, total in kept)
    isk = [json.loads(x) for x in facts.read_text().splitlines() if '"Islamic State Khorasan Province"' in x]
    assert len([r for r in isk if r["kind"] == "actor"]) == 1


@pytest.mark.parametrize("names,joined", [
    pytest.param(["Abu Bakr al-Baghdadi", "Abu Bakar Al-Baghdadi"], True, id="bakr-bakar"),
    pytest.param(["Mufti Noor Wali Mehsud", "Noor Wali Mehsud"], True, id="honorific"),
    pytest.param(["Mohammed Yusuf Abdullahi", "Muhammed Yusuf Abdullahi"], True, id="mohammed-muhammed"),
    pytest.param(["Ahmed Khan", "Ahmad Khan"], False, id="short-common-name"),
    pytest.param(["Hafiz Gul Bahadur", "Hafiz Saeed Khan"], False, id="other-person"),
])
def test_cross_document_person_spellings_join(codebook, names, joined):
    merged = merge_actors([[Actor(n, "person")] for n in names], codebook)
    assert (len(merged) == 1) is joined
