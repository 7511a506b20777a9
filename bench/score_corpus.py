"""Run the default pipeline over a corpus in memory, write facts JSONL and run the referee.

    .venv/bin/python bench/score_corpus.py [--corpus ../shared/corpus] [--verbose] [--out /tmp/facts.jsonl]

A developer's loop for extraction work: no database, seconds per run.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from sourcebook.pipeline import load_pipeline
from sourcebook.serialize import records_of_documents

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def read_corpus(corpus: Path):
    try:
        from sourcebook.ingest import ingest_many
    except ImportError:          # before the readers exist: plain text only
        from sourcebook.ingest.normalize import make_document
        return [make_document(p.read_text(encoding="utf-8"), p.name) for p in sorted(corpus.iterdir())
                if p.suffix in (".txt", ".md")]
    return [d for d in ingest_many([corpus]) if not isinstance(d, Exception)]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--gold", type=Path, default=SHARED / "eval" / "gold")
    ap.add_argument("--out", type=Path, default=Path("/tmp/sourcebook_facts.jsonl"))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--by-doc", action="store_true")
    a = ap.parse_args(argv)
    pipeline = load_pipeline()
    docs = [pipeline(d) for d in read_corpus(a.corpus)]
    with a.out.open("w", encoding="utf-8") as fh:
        for rec in records_of_documents(docs):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(a.gold), "--system", str(a.out),
           "--corpus", str(a.corpus)]
    cmd += ["--verbose"] * a.verbose + ["--by-doc"] * a.by_doc
    subprocess.run(cmd, check=False)


if __name__ == "__main__":
    main()
