"""SQLite and PostgreSQL give the same knowledge base: the same build, review, split and export."""
import io
import json

from sourcebook.core import Sourcebook

from _reports import write_reports


def _facts(book) -> list[dict]:
    buf = io.StringIO()
    book.export("facts", buf)
    ids = ("claim_id", "event_id")
    return sorted((json.dumps({k: v for k, v in json.loads(line).items() if k not in ids}, sort_keys=True)
                   for line in buf.getvalue().splitlines()))


def test_backends_build_review_and_export(db_url, tmp_path):
    folder = write_reports(tmp_path / "reports")
    with Sourcebook(db_url) as book:
        report = book.build([folder])
        assert report.errors == [] and report.counts["events"] > 0
        facts = _facts(book)
        with Sourcebook(tmp_path / "reference.sqlite") as reference:
            reference.build([folder])
            assert facts == _facts(reference)
        # a correction is a new version, and the export carries the reviewed value
        first = next(c for c in book.conflicts() if c["slot"] == "killed")
        claim_id = first["claims"][0]["claim_id"]
        new_id = book.review(claim_id, "correct", {"killed": 99}, user="tester", note="checked")
        history = book.history(new_id)
        assert [h["version"] for h in history] == [1, 2] and history[-1]["created_by"] == "tester"
        assert any('"killed": 99' in line for line in _facts(book))


def test_backends_build_twice_stores_once(db_url, tmp_path):
    folder = write_reports(tmp_path / "reports")
    with Sourcebook(db_url) as book:
        book.build([folder])
        counts = book.counts()
        again = book.build([folder])
        assert again.added == [] and book.counts() == counts
