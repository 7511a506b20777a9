"""`sourcebook evaluate` scores as the referee does: the same numbers on the same records."""
import json
import random
import subprocess
import sys

import pytest

from sourcebook.evaluate import norm, score

from conftest import CORPUS, GOLD, SHARED

pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason="the reference gold is not beside this checkout")


def _as_system_records(seed: int) -> list[dict]:
    """Gold facts turned into system records with real spans, then damaged at random: some
    dropped, some dates and figures changed, some duplicated, so that every rule is exercised."""
    rng = random.Random(seed)
    texts = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.iterdir()}
    out = []
    for path in sorted(GOLD.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            g = json.loads(line)
            if g["kind"] == "aliases":
                out.append({"kind": "actor", "name": g["actor"], "aliases": g["names"]})
                continue
            if g["kind"] == "document" or rng.random() < 0.15:
                continue
            text = texts[g["doc"]]
            start = text.find(g["evidence"])
            rec = {k: v for k, v in g.items() if k not in ("doc", "evidence", "note")}
            rec["sources"] = [{"document": g["doc"], "start": start, "end": start + len(g["evidence"]),
                               "quote": g["evidence"] if start >= 0 else "not in the document"}]
            if rec.get("date") and rng.random() < 0.2:
                rec["date"] = rec["date"][:4]
            if isinstance(rec.get("killed"), int) and rng.random() < 0.2:
                rec["killed"] = {"best": rec["killed"] + 1, "low": rec["killed"], "high": rec["killed"] + 5}
            out.append(rec)
            if rng.random() < 0.05:
                out.append(dict(rec))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_evaluate_agrees_with_the_referee(tmp_path, seed):
    records = _as_system_records(seed)
    facts = tmp_path / "facts.jsonl"
    facts.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    referee = json.loads(subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(GOLD), "--system", str(facts),
         "--corpus", str(CORPUS), "--json"], capture_output=True, text=True, check=True).stdout)
    ours = score(GOLD, records, corpus=CORPUS)
    assert ours["kinds"] == referee["kinds"]
    assert ours["overall"] == referee["overall"]
    assert ours["slots"] == referee["slots"]
    assert ours["ungrounded"] == referee["ungrounded"]


@pytest.mark.parametrize("a,b", [
    pytest.param("Tehrik-e-Taliban Pakistan (TTP)", "tehrik e taliban pakistan", id="acronym-dropped"),
    pytest.param("al-Shabaab", "Shabaab", id="al-dropped"),
    pytest.param("Ahmad Umar Abu Ubaidah", "ahmad umar abu ubaidah", id="case"),
])
def test_evaluate_norm_folds_names(a, b):
    assert norm(a) == norm(b)
