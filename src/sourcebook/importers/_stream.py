"""Reading a dataset file as a stream of documents: the CSV is read here, in chunks of rows, and
the rows are turned into documents either inline or by worker processes while this process writes
the previous chunks to the store. At most a few chunks are in flight, so memory stays bounded
whatever the size of the file."""
from __future__ import annotations

import csv
import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterator

from sourcebook.errors import SourcebookError
from sourcebook.importers._rowdoc import Problem, RowError, clean

CHUNK_ROWS = 1000
PARALLEL_BYTES = 8 << 20       # below this a file is read inline: starting workers costs more
IN_FLIGHT = 3                  # chunks queued per worker

# what a worker needs, set before the workers are forked (a codebook does not need pickling)
_CONTEXT: dict = {}


def _parse_chunk(chunk: list[tuple[int, dict]], prepared: bool = False) -> tuple[list, list, dict]:
    """Documents of a chunk of rows (as the rows they add, when `prepared`), the rows left out
    with their lines, and the skipped counts."""
    from sourcebook.importers import Skip
    from sourcebook.importers._bulk import prepare

    importer, codebook, origin = _CONTEXT["importer"], _CONTEXT["codebook"], _CONTEXT["origin"]
    docs, problems, skipped = [], [], {}
    for line, raw in chunk:
        try:
            doc = importer.read_row({k: clean(v) for k, v in raw.items()}, codebook, f"{origin}:{line}")
            docs.append(prepare(doc) if prepared else doc)
        except RowError as e:
            problems.append(Problem(line, str(e)))
        except Skip as e:
            skipped[str(e)] = skipped.get(str(e), 0) + 1
    return docs, problems, skipped


def _chunks(path: Path, encoding: str, importer, report, progress) -> Iterator[list[tuple[int, dict]]]:
    """The file's rows with their first line, the importer's columns only, in chunks; rows of the
    wrong width go to `report.problems` here."""
    read = 0

    def lines(fh):
        nonlocal read
        for text in fh:
            read += len(text)
            yield text

    with path.open(encoding=encoding, newline="") as fh:
        reader = csv.reader(lines(fh))
        header = next(reader, None)
        if header is None:
            raise SourcebookError(f"{path}: empty file")
        header = [h.strip() for h in header]
        missing = [c for c in importer.required if c not in header]
        if missing:
            raise SourcebookError(f"{path}: not a {importer.name} file: no column {', '.join(missing)}")
        width = len(header)
        # only the columns the importer reads travel on: a GTD row has 135
        wanted = [(h, i) for i, h in enumerate(header) if h in importer.columns]
        chunk: list[tuple[int, dict]] = []
        line = reader.line_num
        for cells in reader:
            start, line = line + 1, reader.line_num
            report.rows += 1
            if len(cells) != width:
                report.problems.append(Problem(start, f"{len(cells)} cells where the header has {width}"))
                continue
            chunk.append((start, {h: cells[i] for h, i in wanted}))
            if len(chunk) >= CHUNK_ROWS:
                yield chunk
                chunk = []
                if progress:
                    progress(read)
        if chunk:
            yield chunk
    if progress:
        progress(read)


def stream_documents(path: Path, encoding: str, importer, codebook, report,
                     progress: Callable[[int], None] | None = None, workers: int | None = None) -> Iterator:
    """The documents of a file's rows in file order; malformed rows go to `report.problems`.
    With workers, the documents come as `_bulk.Prepared` rows, made in the workers, so that this
    process is left only the writing.

    Args:
        workers: worker processes; None picks one per core (at most 4) for files over 8 MB, 0
            reads inline. This process mostly waits on the database meanwhile.
    """
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if path.stat().st_size >= PARALLEL_BYTES else 0
    _CONTEXT.update(importer=importer, codebook=codebook, origin=str(path))
    chunks = _chunks(path, encoding, importer, report, progress)

    def merge(result) -> list:
        docs, problems, skipped = result
        report.problems.extend(problems)
        for reason, n in skipped.items():
            report.skipped[reason] = report.skipped.get(reason, 0) + n
        return docs

    if workers <= 0 or "fork" not in multiprocessing.get_all_start_methods():
        for chunk in chunks:
            yield from merge(_parse_chunk(chunk))
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.submit(_parse_chunk, chunk, True))
            if len(pending) >= workers * IN_FLIGHT:
                yield from merge(pending.popleft().result())
        while pending:
            yield from merge(pending.popleft().result())
    report.problems.sort(key=lambda p: p.line)
