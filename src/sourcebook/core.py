"""`Sourcebook`: every operation behind the command line, the Python API and the HTTP API.

    with Sourcebook("kb.sqlite") as book:
        report = book.build(["reports/"])
        book.export("facts", open("facts.jsonl", "w"))

Long operations take a `progress(stage, done, total)` callback; the CLI draws the bar.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Callable, Iterable

from sqlalchemy import select

from sourcebook.codebook import Codebook, load_codebook
from sourcebook.errors import IngestError, SourcebookError
from sourcebook.model import Actor, Document
from sourcebook.pipeline import Pipeline, load_pipeline
from sourcebook.pipeline.config import to_toml
from sourcebook.store import repository as repo
from sourcebook.store.session import open_engine, session_factory
from sourcebook.store.tables import DocumentRow, RunRow

Progress = Callable[[str, int, int | None], None]


def _version() -> str:
    try:
        return version("sourcebook")
    except PackageNotFoundError:
        return "0"


@dataclass
class BuildReport:
    """What a build did. `errors` holds one line per file that could not be read or processed."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


class Sourcebook:
    """A knowledge base in a database (a SQLite file path or a SQLAlchemy URL).

    Attributes:
        codebook: the vocabularies.
        pipeline: the extraction pipeline (built on first use from `config`).
    """

    def __init__(self, db: str | Path, codebook: Codebook | None = None, config: str | Path | None = None):
        self.db = str(db)
        self.engine = open_engine(db)
        self.Session = session_factory(self.engine)
        self.codebook = codebook or load_codebook()
        self._config = config
        self._pipeline: Pipeline | None = None

    def __enter__(self) -> "Sourcebook":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = load_pipeline(self.codebook, self._config)
        return self._pipeline

    # -- building --------------------------------------------------------------------------

    def ingest(self, paths: Iterable[str | Path], progress: Progress | None = None,
               report: BuildReport | None = None) -> BuildReport:
        """Read files into the store without extracting (a later `build` extracts them).
        A document already stored (same normalised text) is left as it is."""
        from sourcebook.ingest import ingest_many

        report = report or BuildReport()
        items = list(ingest_many([Path(p) for p in paths]))
        for i, item in enumerate(items, 1):
            if isinstance(item, IngestError):
                report.errors.append(str(item))
            else:
                with self.Session.begin() as session:
                    if repo.has_document(session, item.id):
                        report.unchanged.append(item.name)
                    else:
                        repo.save_document(session, item)
                        report.added.append(item.name)
            if progress:
                progress("ingest", i, len(items))
        return report

    def build(self, paths: Iterable[str | Path] = (), progress: Progress | None = None) -> BuildReport:
        """Ingest, extract and resolve. Each document is written in its own transaction, so a
        build stopped half-way leaves whole documents; the next build finishes the rest."""
        from sourcebook.ingest import ingest_many

        started = datetime.now(timezone.utc)
        report = BuildReport()
        with self.Session.begin() as session:
            run_id = repo.start_run(session, to_toml(self.pipeline.config), _version()).id
        docs: list[Document] = []
        for item in ingest_many([Path(p) for p in paths]):
            if isinstance(item, IngestError):
                report.errors.append(str(item))
                continue
            if any(d.id == item.id for d in docs):      # a copy of a file already in this batch
                report.unchanged.append(item.name)
                continue
            with self.Session() as session:
                row = session.get(DocumentRow, item.id)
                if row is not None and row.run_id is not None:
                    report.unchanged.append(item.name)
                    continue
            docs.append(item)
        with self.Session() as session:   # documents ingested earlier but never extracted
            pending = session.scalars(select(DocumentRow).where(DocumentRow.run_id.is_(None))).all()
            queued = {d.id for d in docs}
            docs += [repo.load_document(r) for r in pending if r.id not in queued]
        total = len(docs)
        if progress:
            progress("extract", 0, total)
        for i, doc in enumerate(docs, 1):
            try:
                doc = self.pipeline(doc)
            except Exception as e:  # noqa: BLE001 - one bad document must not stop the batch
                report.errors.append(f"{doc.path or doc.name}: extraction failed: {type(e).__name__}: {e}")
                continue
            with self.Session.begin() as session:
                old = session.get(DocumentRow, doc.id)
                if old is not None:
                    session.delete(old)
                    session.flush()
                repo.save_document(session, doc, run_id)
            report.added.append(doc.name)
            if progress:
                progress("extract", i, total)
        if progress:
            progress("resolve", 0, 1)
        self.resolve()
        if progress:
            progress("resolve", 1, 1)
        report.counts = self.counts()
        report.seconds = (datetime.now(timezone.utc) - started).total_seconds()
        with self.Session.begin() as session:
            run = session.get(RunRow, run_id)
            run.finished_at, run.status = datetime.now(timezone.utc), "done"
            run.summary = {"added": len(report.added), "unchanged": len(report.unchanged),
                           "errors": report.errors, "counts": report.counts}
        return report

    def resolve(self) -> None:
        """Rebuild actors and events from every current claim, in one transaction."""
        from sourcebook.resolve.actors import merge_actors
        from sourcebook.resolve.events import merge_events

        from sourcebook.store.decisions import kept_apart

        with self.Session.begin() as session:
            # the documents' actors only: their texts are not needed here
            metas = session.scalars(select(DocumentRow.meta).order_by(DocumentRow.name))
            per_doc = [[Actor(**a) for a in (meta or {}).get("actors", [])] for meta in metas]
            actors = merge_actors(per_doc, self.codebook)
            repo.replace_actors(session, actors)
            claims = [repo.to_claim(r) for r in repo.current_claims(session, "event")]
            repo.replace_events(session, merge_events(claims, actors, kept_apart(session)))

    def split(self, event_id: int, claim_id: int, user: str = "analyst", note: str | None = None) -> int | None:
        """Undo a merge: take a claim out of its event. The decision is recorded (who, when, why)
        and every later resolution keeps that claim apart from the event's other claims.

        Returns:
            the id of the event the claim now supports.
        """
        from sourcebook.store.decisions import keep_apart
        from sourcebook.store.tables import ClaimRow

        with self.Session.begin() as session:
            row = session.get(ClaimRow, claim_id)
            if row is None or row.event_id != event_id:
                raise SourcebookError(f"claim {claim_id} does not support event {event_id}")
            others = [c.id for c in repo.current_claims(session, "event") if c.event_id == event_id and c.id != claim_id]
            if not others:
                raise SourcebookError(f"event {event_id} has no other claim to keep claim {claim_id} apart from")
            keep_apart(session, claim_id, others, user, note)
        self.resolve()
        with self.Session() as session:
            return session.get(ClaimRow, claim_id).event_id

    def import_dataset(self, fmt: str, path: str | Path, progress: Progress | None = None, resolve: bool = True):
        """Load a dataset export (`gtd`, `acled`) as claims whose source is the dataset, each row a
        document of its own; then re-resolve events, unless `resolve` is False. Returns the
        `sourcebook.importers.ImportReport` (malformed rows with their line numbers)."""
        import time

        from sourcebook.importers import import_file

        report = import_file(self.Session, self.codebook, fmt, path, progress)
        if resolve and report.added:
            started = time.perf_counter()
            self.resolve()
            report.resolve_seconds = time.perf_counter() - started
        return report

    # -- review ----------------------------------------------------------------------------

    def review(self, claim_id: int, action: str, values: dict | None = None, user: str = "analyst",
               note: str | None = None) -> int:
        """Accept, correct or reject a claim. Nothing is overwritten: the review writes a new
        version of the claim (who, when, what) and the old one stays in its history. A
        correction re-resolves events so that views and exports use the reviewed values.

        Returns:
            the id of the new version.
        """
        from sourcebook.model import Status
        from sourcebook.serialize import value_from_json
        from sourcebook.store.tables import ClaimRow

        status = {"accept": Status.ACCEPTED, "correct": Status.CORRECTED, "reject": Status.REJECTED}.get(action)
        if status is None:
            raise SourcebookError(f"unknown review action {action!r}: accept, correct or reject")
        if action == "correct" and not values:
            raise SourcebookError("a correction needs the values it changes")
        with self.Session.begin() as session:
            old = session.get(ClaimRow, claim_id)
            if old is None:
                raise SourcebookError(f"no claim {claim_id}")
            if not old.current:
                raise SourcebookError(f"claim {claim_id} has a newer version; review that one")
            claim = repo.to_claim(old)
            for key, value in (values or {}).items():
                if value in (None, ""):
                    claim.values.pop(key, None)
                else:
                    claim.values[key] = value_from_json(value)
            claim.status = status
            old.current = False
            new = repo.claim_row(claim, document_id=old.document_id, version=old.version + 1,
                                 supersedes_id=old.id, created_by=user, note=note, event_id=old.event_id)
            session.add(new)
            session.flush()
            new_id = new.id
        if claim.kind == "event":
            self.resolve()
        return new_id

    def history(self, claim_id: int) -> list[dict]:
        """Every version of a claim, oldest first, with who made it and when."""
        with self.Session() as session:
            return [{"id": r.id, "version": r.version, "status": r.status, "created_by": r.created_by,
                     "created_at": r.created_at.isoformat(), "note": r.note, "values": r.data["values"],
                     "current": r.current} for r in repo.claim_history(session, claim_id)]

    # -- reading ---------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        with self.Session() as session:
            return repo.counts(session)

    def conflicts(self) -> list[dict]:
        """Every fact on which sources disagree, with each source's value and words."""
        from sourcebook.store.conflicts import conflicts

        with self.Session() as session:
            return conflicts(session)

    def export(self, fmt: str, fh: IO[str] | IO[bytes]) -> int:
        """Write the knowledge base in a format of `sourcebook.export.EXPORTERS`; returns rows written."""
        from sourcebook.export import get_exporter

        with self.Session() as session:
            return get_exporter(fmt).write(session, self.codebook, fh)

    def evaluate(self, gold: str | Path, corpus: str | Path | None = None) -> dict:
        """Score this knowledge base against gold facts (see sourcebook.evaluate)."""
        from sourcebook.evaluate import score
        from sourcebook.export.facts_jsonl import facts_records

        with self.Session() as session:
            records = list(facts_records(session))
            texts = {row.name: row.text for row in repo.documents(session)}
        return score(Path(gold), records, corpus=Path(corpus) if corpus else None, texts=texts)


__all__ = ["Sourcebook", "BuildReport", "SourcebookError"]
