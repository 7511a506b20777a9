"""Disagreements side by side (`book.conflicts()`, `sourcebook conflicts`) and merges a person
undoes (`book.split`, `sourcebook split`), over reports written for the tests (tests/_reports.py)."""
from __future__ import annotations

import json

import pytest
from _reports import write_reports
from typer.testing import CliRunner

from sourcebook.cli import app
from sourcebook.core import Sourcebook
from sourcebook.errors import SourcebookError
from sourcebook.store import repository as repo
from sourcebook.store.decisions import decisions

runner = CliRunner()


@pytest.fixture
def built(tmp_path):
    """The reports built into a knowledge base; yields (book, db path, reports folder)."""
    folder = write_reports(tmp_path / "reports")
    db = tmp_path / "kb.sqlite"
    with Sourcebook(db) as book:
        book.build([folder])
        yield book, db, folder


def _find(found, slot, document):
    return [c for c in found if c["slot"] == slot and any(s["document"] == document for s in c["claims"])]


@pytest.mark.parametrize("slot,values", [
    pytest.param("killed", {"a_wire_mogadishu.txt": 18, "b_release_mogadishu.txt": 23,
                            "c_encyclopedia_shabaab.md": 20}, id="toll-three-sources"),
    pytest.param("killed", {"e_wire_quetta.txt": 70, "f_release_quetta.txt": 74}, id="toll-two-sources"),
    pytest.param("perpetrator", {"j_wire_jalalabad.txt": "Islamic State",
                                 "k_report_jalalabad.txt": "Islamic State Khorasan Province"}, id="perpetrator"),
    pytest.param("start", {"a_wire_mogadishu.txt": "2014-09", "c_encyclopedia_shabaab.md": "2014-12"},
                 id="leader-start-date"),
])
def test_conflicts_lists_each_source_side_by_side(built, slot, values):
    book, _, _ = built
    (item,) = _find(book.conflicts(), slot, next(iter(values)))
    assert {s["document"]: s["value"] for s in item["claims"]} == values
    for side in item["claims"]:
        assert side["quote"] and side["evidence"] and side["end"] - side["start"] == len(side["quote"])


def test_conflicts_toll_carries_best_low_high(built):
    book, _, _ = built
    (item,) = _find(book.conflicts(), "killed", "e_wire_quetta.txt")
    assert item["merged"] == {"best": 72, "low": 70, "high": 74}
    assert item["subject"].startswith("attack 2016-08-08 Quetta")


@pytest.mark.parametrize("document", [
    pytest.param("g_wire_baghdad.txt", id="month-and-day-agree"),
    pytest.param("l_wire_maiduguri.txt", id="month-and-day-agree-nigeria"),
])
def test_conflicts_month_and_day_are_no_disagreement(built, document):
    book, _, _ = built
    assert _find(book.conflicts(), "date", document) == []


def test_conflicts_none_for_a_single_source(built):
    book, _, _ = built
    assert _find(book.conflicts(), "killed", "i_wire_yemen.txt") == []


def test_conflicts_cli_table_and_json(built):
    _, db, _ = built
    result = runner.invoke(app, ["conflicts", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert {c["slot"] for c in found} == {"killed", "perpetrator", "start"}
    result = runner.invoke(app, ["conflicts", "--db", str(db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "e_wire_quetta.txt" in result.output and "low 70, high 74" in result.output


def _event_of(book, document, month=""):
    with book.Session() as session:
        names = repo.document_names(session)
        (row,) = [r for r in repo.current_claims(session, "event") if names[r.document_id] == document
                  and str(r.data["values"].get("date", "")).startswith(month)]
        return row.event_id, row.id


def test_conflicts_split_keeps_a_claim_apart_for_good(built, tmp_path):
    book, _, _ = built
    event_id, claim_id = _event_of(book, "h_encyclopedia_iraq.md", "2016-07")
    assert _event_of(book, "g_wire_baghdad.txt")[0] == event_id
    new_event = book.split(event_id, claim_id, user="reviewer", note="another bombing that month")
    assert new_event != _event_of(book, "g_wire_baghdad.txt")[0]
    assert _find(book.conflicts(), "killed", "g_wire_baghdad.txt") == []
    (decision,) = decisions(book.Session())
    assert decision["created_by"] == "reviewer" and decision["note"] == "another bombing that month"
    # a later build with another report resolves everything again, and still keeps them apart
    extra = tmp_path / "later"
    extra.mkdir()
    (extra / "n_wire_baghdad.txt").write_text(
        "BAGHDAD, Iraq, July 4, 2016 (Wire) — Mourners gathered in Baghdad a day after the bombing.\n",
        encoding="utf-8")
    book.build([extra])
    assert _event_of(book, "h_encyclopedia_iraq.md", "2016-07")[0] != _event_of(book, "g_wire_baghdad.txt")[0]


def test_conflicts_split_survives_a_review(built):
    book, _, _ = built
    event_id, claim_id = _event_of(book, "m_brief_maiduguri.txt")
    book.split(event_id, claim_id)
    new_id = book.review(claim_id, "correct", {"killed": 20}, user="reviewer")
    assert new_id != claim_id
    assert _event_of(book, "m_brief_maiduguri.txt")[0] != _event_of(book, "l_wire_maiduguri.txt")[0]


@pytest.mark.parametrize("pick", [
    pytest.param(lambda e, c: (e + 1000, c), id="claim-not-in-event"),
    pytest.param(lambda e, c: (e, c + 1000), id="no-such-claim"),
])
def test_conflicts_split_refuses_what_does_not_hold(built, pick):
    book, _, _ = built
    event_id, claim_id = pick(*_event_of(book, "e_wire_quetta.txt"))
    with pytest.raises(SourcebookError):
        book.split(event_id, claim_id)


def test_conflicts_split_refuses_an_event_of_one_claim(built):
    book, _, _ = built
    with pytest.raises(SourcebookError):
        book.split(*_event_of(book, "i_wire_yemen.txt"))


def test_conflicts_split_cli(built):
    book, db, _ = built
    event_id, claim_id = _event_of(book, "f_release_quetta.txt")
    result = runner.invoke(app, ["split", str(event_id), str(claim_id), "--db", str(db), "--user", "ana"])
    assert result.exit_code == 0, result.output
    assert f"claim {claim_id} now supports event" in result.output
    assert _event_of(book, "f_release_quetta.txt")[0] != _event_of(book, "e_wire_quetta.txt")[0]
    result = runner.invoke(app, ["split", str(event_id + 1000), str(claim_id), "--db", str(db)])
    assert result.exit_code == 1
