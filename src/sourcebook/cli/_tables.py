"""Rich tables of what a knowledge base holds, and of evaluation scores."""
from __future__ import annotations

from rich.table import Table

from sourcebook.cli._common import console
from sourcebook.store import views


def _figure(v) -> str:
    if isinstance(v, dict):
        return f"{v.get('low')}–{v.get('high')}" if v.get("low") != v.get("high") else str(v.get("best"))
    return "" if v is None else str(v)


def _table(title: str, columns: list[str], rows: list[list], total: int) -> None:
    table = Table(title=f"{title} ({total})", title_justify="left", show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        # document text is untrusted: markup=False keeps "[...]" in a name from styling the table
        table.add_row(*[("" if x is None else str(x)) for x in r])
    console.print(table, markup=False)


def documents_table(book, limit: int) -> None:
    with book.Session() as s:
        rows = views.document_rows(s)
    _table("Documents", ["name", "title", "published", "claims"],
           [[r["name"], (r["title"] or "")[:60], r["published"], r["claims"]] for r in rows[:limit]], len(rows))


def actors_table(book, limit: int) -> None:
    with book.Session() as s:
        rows = views.actor_rows(s)
    _table("Actors", ["name", "type", "aliases"],
           [[r["name"], r["actor_type"], ", ".join(r["aliases"])[:80]] for r in rows[:limit]], len(rows))


def events_table(book, limit: int) -> None:
    with book.Session() as s:
        rows = views.event_rows(s)
    _table("Events", ["date", "type", "place", "country", "by", "killed", "injured"],
           [[r["date"], r["event_type"], r["place"] or r["admin1"], r["country"], r["perpetrator"] or r["actor"],
             _figure(r["killed"]), _figure(r["injured"])] for r in rows[:limit]], len(rows))


def leaders_table(book, limit: int) -> None:
    with book.Session() as s:
        rows = views.claim_rows(s, "leadership")
    _table("Leaders", ["organization", "role", "person", "start", "end", "end reason", "document"],
           [[r.get("organization"), r.get("role"), r.get("person"), r.get("start"), r.get("end"),
             r.get("end_reason"), r["document"]] for r in rows[:limit]], len(rows))


def estimates_table(book, limit: int) -> None:
    with book.Session() as s:
        rows = views.claim_rows(s, "estimate")
    _table("Estimates", ["subject", "figure", "of", "as of", "source", "document"],
           [[r.get("subject"), _figure({"low": r.get("low"), "high": r.get("high"), "best": r.get("low")}),
             r.get("quantity"), r.get("as_of"), r.get("source"), r["document"]] for r in rows[:limit]], len(rows))


def designations_table(book, limit: int) -> None:
    with book.Session() as s:
        rows = views.claim_rows(s, "designation")
    _table("Designations", ["organization", "by", "instrument", "date", "document"],
           [[r.get("organization"), r.get("designated_by"), r.get("instrument"), r.get("date"), r["document"]]
            for r in rows[:limit]], len(rows))


def relations_table(book, limit: int) -> None:
    with book.Session() as s:
        rows = views.claim_rows(s, "relation")
    _table("Relations", ["subject", "predicate", "object", "date", "document"],
           [[r.get("subject"), r.get("predicate"), r.get("object"), r.get("date"), r["document"]]
            for r in rows[:limit]], len(rows))


TABLES = {"documents": documents_table, "actors": actors_table, "events": events_table,
          "leaders": leaders_table, "estimates": estimates_table, "designations": designations_table,
          "relations": relations_table}


def print_summary(book, limit: int = 25) -> None:
    """The tables a build prints: documents, actors, events, leaders, estimates."""
    for name in ("documents", "actors", "events", "leaders", "estimates"):
        TABLES[name](book, limit)


def print_scores(report: dict) -> None:
    table = Table(title="Scores", title_justify="left")
    for c in ("kind", "gold", "system", "matched", "P", "R", "F1", "strict F1"):
        table.add_column(c, justify="right" if c != "kind" else "left")
    for kind, v in report["kinds"].items():
        table.add_row(kind, str(v["gold"]), str(v["system"]), str(v["matched"]), f"{v['precision']:.3f}",
                      f"{v['recall']:.3f}", f"{v['f1']:.3f}", f"{v['strict_f1']:.3f}")
    o = report["overall"]
    table.add_row("overall", "", "", "", f"{o['precision']:.3f}", f"{o['recall']:.3f}", f"{o['f1']:.3f}",
                  f"{o['strict_f1']:.3f}")
    console.print(table)
    if report.get("slots"):
        console.print("event slot accuracy: " + ", ".join(
            f"{k} {v['correct']}/{v['of']}" for k, v in report["slots"].items()), markup=False)
    if report.get("ungrounded"):
        console.print(f"ungrounded records: {report['ungrounded']}", markup=False)
    console.print(f"overall F1 = {o['f1']:.3f}", markup=False)
