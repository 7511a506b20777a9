"""Extraction on the development corpus: reports written for this project about other conflicts
(tests/devcorpus), annotated before the system ran on them. The e* documents are annotated for
events only, the c* documents for leadership, estimates, designations and relations only, so
each half is scored on its own kinds. Their scores are a truer guide to unseen reports than the
reference documents' and, like those, may only rise (accepted_dev.json)."""
import json
import shutil
from pathlib import Path

import pytest

from sourcebook.core import Sourcebook

DEV = Path(__file__).resolve().parent.parent / "devcorpus"
ACCEPTED = Path(__file__).with_name("accepted_dev.json")
HALVES = {"e": ("event",), "c": ("leadership", "estimate", "designation", "relation")}


@pytest.fixture(scope="module", params=sorted(HALVES))
def half(request, tmp_path_factory):
    prefix = request.param
    root = tmp_path_factory.mktemp(f"dev-{prefix}")
    docs, gold = root / "corpus", root / "gold"
    docs.mkdir()
    gold.mkdir()
    for path in sorted((DEV / "docs").glob(f"{prefix}*")):
        shutil.copy(path, docs)
    for path in sorted((DEV / "gold").glob(f"{prefix}*.jsonl")):
        shutil.copy(path, gold)
    with Sourcebook(root / "kb.sqlite") as book:
        report = book.build([docs])
        scores = book.evaluate(gold, docs)
    return prefix, report, scores


def test_devcorpus_builds_and_grounds_everything(half):
    _, report, scores = half
    assert report.errors == []
    assert scores["ungrounded"] == 0


def test_devcorpus_scores_do_not_drop(half):
    prefix, _, scores = half
    accepted = json.loads(ACCEPTED.read_text())[prefix]
    for kind in HALVES[prefix]:
        assert scores["kinds"][kind]["f1"] >= accepted[kind], (kind, scores["kinds"][kind])
