"""The whole flow over the reference documents: build, export, ground every quote, score."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sourcebook.core import Sourcebook
from sourcebook.store.tables import ClaimRow, DocumentRow

from conftest import CORPUS, GOLD, SHARED

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the reference corpus is not beside this checkout")
ACCEPTED = Path(__file__).with_name("accepted.json")   # the last accepted scores: they may only rise


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    db = folder / "kb.sqlite"
    with Sourcebook(db) as book:
        report = book.build([CORPUS])
        facts = folder / "facts.jsonl"
        with facts.open("w", encoding="utf-8") as fh:
            book.export("facts", fh)
        with book.Session() as session:
            texts = {row.name: row.text for row in session.scalars(select(DocumentRow))}
    return {"db": db, "facts": facts, "report": report, "texts": texts,
            "records": [json.loads(line) for line in facts.read_text(encoding="utf-8").splitlines()]}


def test_corpus_builds_every_document(corpus_build):
    assert corpus_build["report"].errors == []
    assert len(corpus_build["texts"]) == len([p for p in CORPUS.iterdir() if p.is_file()])


def test_corpus_every_quote_is_the_documents_words(corpus_build):
    texts = corpus_build["texts"]
    checked = 0
    for record in corpus_build["records"]:
        if record["kind"] == "actor":
            continue
        assert record["sources"], record
        for source in record["sources"]:
            assert texts[source["document"]][source["start"]:source["end"]] == source["quote"]
            checked += 1
    assert checked > 50


def _referee(facts: Path) -> dict:
    proc = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(GOLD), "--system",
                           str(facts), "--corpus", str(CORPUS), "--json"], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def test_corpus_evaluate_agrees_with_referee(corpus_build):
    with Sourcebook(corpus_build["db"]) as book:
        ours = book.evaluate(GOLD, CORPUS)
    referee = _referee(corpus_build["facts"])
    assert ours["kinds"] == referee["kinds"] and ours["overall"] == referee["overall"]


def test_corpus_scores_do_not_drop(corpus_build):
    referee = _referee(corpus_build["facts"])
    accepted = json.loads(ACCEPTED.read_text())
    assert referee["ungrounded"] == 0
    assert referee["overall"]["f1"] >= accepted["overall_f1"]
    for kind, f1 in accepted["f1"].items():
        assert referee["kinds"][kind]["f1"] >= f1, kind


def test_corpus_build_is_deterministic(corpus_build, tmp_path):
    with Sourcebook(tmp_path / "again.sqlite") as book:
        book.build([CORPUS])
        again = tmp_path / "facts.jsonl"
        with again.open("w", encoding="utf-8") as fh:
            book.export("facts", fh)
    strip = lambda text: [{k: v for k, v in json.loads(l).items() if k not in ("claim_id", "event_id")}  # noqa: E731
                          for l in text.splitlines()]
    assert strip(again.read_text(encoding="utf-8")) == strip(corpus_build["facts"].read_text(encoding="utf-8"))


def test_corpus_killed_build_leaves_whole_documents(corpus_build, tmp_path):
    """Kill a build at several moments: every document stored has all of its claims."""
    expected = {}
    with Sourcebook(corpus_build["db"]) as book, book.Session() as session:
        for name, n in session.execute(select(DocumentRow.name, func.count(ClaimRow.id))
                                       .outerjoin(ClaimRow, ClaimRow.document_id == DocumentRow.id)
                                       .group_by(DocumentRow.name)):
            expected[name] = n
    for delay in (1.5, 2.5, 3.5):
        db = tmp_path / f"killed-{delay}.sqlite"
        proc = subprocess.Popen([sys.executable, "-m", "sourcebook", "build", str(CORPUS), "--db", str(db), "-q"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if not db.exists():
            continue
        with Sourcebook(db) as book:
            with book.Session() as session:
                stored = dict(session.execute(select(DocumentRow.name, func.count(ClaimRow.id))
                                              .outerjoin(ClaimRow, ClaimRow.document_id == DocumentRow.id)
                                              .group_by(DocumentRow.name)).all())
            for name, n in stored.items():
                assert n == expected[name], (delay, name)
            book.build([CORPUS])      # the next build finishes the rest
            with book.Session() as session:   # a new snapshot: the one above predates the build
                assert len(session.scalars(select(DocumentRow.id)).all()) == len(expected)
