"""Fuzz the readers: any bytes under any supported suffix give a Document or an IngestError.

    .venv/bin/pip install atheris
    .venv/bin/python bench/fuzz_ingest.py -atheris_runs=200000 [CORPUS_DIR]

The first byte of each input picks the suffix, the rest is the file. Any exception other than
IngestError is a bug and stops the run with the input that caused it. Not run by the tests
(the hypothesis property in tests/ingest/test_ingest.py covers `.txt` there).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from sourcebook.errors import IngestError
    from sourcebook.ingest import READERS, ingest

SUFFIXES = sorted(READERS)
FOLDER = Path(tempfile.mkdtemp(prefix="fuzz_ingest_"))


def test_one_input(data: bytes) -> None:
    if not data:
        return
    path = FOLDER / f"input{SUFFIXES[data[0] % len(SUFFIXES)]}"
    path.write_bytes(data[1:])
    try:
        doc = ingest(path)
    except IngestError as exc:
        if "\n" in str(exc):
            raise AssertionError(f"error on more than one line: {exc!r}") from None
        return
    if not doc.text.strip() or not doc.text.endswith("\n"):
        raise AssertionError(f"document text not normalised: {doc.text[:80]!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
