"""A person's merge decisions, which resolution obeys: two claims kept apart stay apart.

Resolution merges what the evidence supports; a person who sees two attacks where it saw one
splits the event (`Sourcebook.split`). The decision is written down as pairs of claims — by the
ids of their first versions, so that a review, which writes a new version, does not undo it —
and every later resolution reads it back, mapped onto the current versions.
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from sourcebook.store.tables import ClaimRow, KeepApartRow


def first_version(session: Session, claim_id: int) -> int:
    """The id of the first version of a claim (itself when never reviewed)."""
    row = session.get(ClaimRow, claim_id)
    while row is not None and row.supersedes_id is not None:
        row = session.get(ClaimRow, row.supersedes_id)
    return row.id if row is not None else claim_id


def keep_apart(session: Session, claim_id: int, others: list[int], user: str, note: str | None = None) -> int:
    """Record that `claim_id` reports another event than each claim of `others`.

    Returns:
        how many new pairs were recorded (a pair already recorded is not written twice).
    """
    a = first_version(session, claim_id)
    existing = {(r.claim_id, r.other_id) for r in session.scalars(
        select(KeepApartRow).where((KeepApartRow.claim_id == a) | (KeepApartRow.other_id == a)))}
    n = 0
    for other in others:
        b = first_version(session, other)
        if a == b or (a, b) in existing or (b, a) in existing:
            continue
        session.add(KeepApartRow(claim_id=a, other_id=b, created_by=user, note=note))
        existing.add((a, b))
        n += 1
    return n


def kept_apart(session: Session) -> dict[int, set[int]]:
    """Current claim id -> current ids of the claims it must not share an event with."""
    pairs = session.execute(select(KeepApartRow.claim_id, KeepApartRow.other_id)).all()
    if not pairs:
        return {}
    current = _current_versions(session)
    out: dict[int, set[int]] = defaultdict(set)
    for a, b in pairs:
        for x in current.get(a, [a]):
            for y in current.get(b, [b]):
                out[x].add(y)
                out[y].add(x)
    return dict(out)


def decisions(session: Session) -> list[dict]:
    """Every recorded decision, oldest first: who kept which claims apart, when and why."""
    rows = session.scalars(select(KeepApartRow).order_by(KeepApartRow.id))
    return [{"claim_id": r.claim_id, "other_id": r.other_id, "created_by": r.created_by,
             "created_at": r.created_at.isoformat(), "note": r.note} for r in rows]


def _current_versions(session: Session) -> dict[int, list[int]]:
    """First-version id -> every later version's id (the chain of reviews), itself included."""
    parent = dict(session.execute(select(ClaimRow.id, ClaimRow.supersedes_id)
                                  .where(ClaimRow.supersedes_id.is_not(None))).all())
    out: dict[int, list[int]] = defaultdict(list)
    for claim_id in parent:
        root = claim_id
        while root in parent:
            root = parent[root]
        out[root].append(claim_id)
    for root in list(out):
        out[root].append(root)
    return out
