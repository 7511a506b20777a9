"""Facts export, version 1: the JSON Lines format of the referee (shared/eval/README.md).

One record per current, not rejected claim — every source's statement of a fact stays its own
record, with `event_id` naming the resolved event it supports — then one `actor` record per
actor with every alias seen.
"""
from __future__ import annotations

import json

from sourcebook.export import Exporter
from sourcebook.serialize import actor_to_record, claim_to_record
from sourcebook.store import repository as repo


def facts_records(session):
    """Every facts record of the knowledge base: the claims, then the actors."""
    for row, document in repo.iter_claim_rows(session):
        record = claim_to_record(repo.to_claim(row), document)
        record["claim_id"] = row.id
        if row.event_id is not None:
            record["event_id"] = row.event_id
        yield record
    for actor in repo.actors(session):
        yield actor_to_record(repo.actor_of_row(actor))


def write_facts(session, codebook, fh) -> int:
    n = 0
    for record in facts_records(session):
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


EXPORTER = Exporter("facts", ".jsonl", "application/jsonl", write_facts,
                    "Facts JSON Lines v1: every claim with its sources, and every actor with its aliases.")
