"""STIX 2.1 export: the knowledge base as one bundle, built and checked with the `stix2` library.

- actors: organizations as `intrusion-set` (with their aliases), people and states as `identity`
  (mappings.yaml `stix.actor_objects`);
- places of events as `location`, events as `incident` with their slots in `x_sourcebook_*`
  properties, tied to their perpetrator or operator (`attributed-to`) and place (`located-at`);
- relation, leadership and designation claims as `relationship`s: a STIX relationship type
  where one fits, else `related-to` with `x_sourcebook_predicate` naming ours;
- strength estimates as `note`s on their subject;
- each document as a `report` whose `object_refs` hold what it supports, with an external
  reference back to the document (its name, id and origin).

Ids are uuid5 of our own keys (an actor's name, a claim's words), and `created`/`modified` the
time of the last build, so that the same knowledge base gives the same bundle. Custom properties
follow the `x_` convention: parse the bundle with `stix2.parse(text, allow_custom=True)`.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

import stix2
from sqlalchemy import func, select

from sourcebook.export import Exporter
from sourcebook.export._rows import NAMESPACE, EventRecord, event_records
from sourcebook.serialize import record_values
from sourcebook.store import repository as repo
from sourcebook.store.tables import RunRow

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
NAME_SLOTS = ("perpetrator", "actor", "subject", "object", "organization", "person", "designated_by")


def stix_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


def _stamp(session) -> datetime:
    last = session.scalar(select(func.max(RunRow.finished_at)))
    if last is None:
        return EPOCH
    return last if last.tzinfo else last.replace(tzinfo=timezone.utc)


def _published(text: str | None, default: datetime) -> datetime:
    try:
        parts = [int(p) for p in (text or "").split("-")[:3]]
        return datetime(parts[0], *(parts[1:] + [1, 1])[:2], tzinfo=timezone.utc)
    except (ValueError, IndexError, TypeError):
        return default


class _Bundle:
    """Objects by id, built once each, in the order they were first needed."""

    def __init__(self, codebook, stamp: datetime, actor_types: dict[str, str], aliases: dict[str, list[str]]):
        self.mapping = codebook.mappings["stix"]
        self.stamp = stamp
        self.actor_types = actor_types
        self.aliases = aliases
        self.objects: dict[str, object] = {}

    def _add(self, cls, kind: str, key: str, **props) -> str:
        oid = stix_id(kind, key)
        if oid not in self.objects:
            self.objects[oid] = cls(id=oid, created=self.stamp, modified=self.stamp, allow_custom=True,
                                    **{k: v for k, v in props.items() if v not in (None, [], {})})
        return oid

    def actor(self, name: str, hint: str = "organization") -> str:
        actor_type = self.actor_types.get(name, hint)
        spec = self.mapping["actor_objects"].get(actor_type) or self.mapping["actor_objects"]["organization"]
        if spec["type"] == "intrusion-set":
            return self._add(stix2.IntrusionSet, "intrusion-set", name, name=name, aliases=self.aliases.get(name))
        if spec["type"] == "threat-actor":
            return self._add(stix2.ThreatActor, "threat-actor", name, name=name, aliases=self.aliases.get(name))
        return self._add(stix2.Identity, "identity", name, name=name, identity_class=spec.get("identity_class"),
                         x_sourcebook_actor_type=actor_type)

    def location(self, event: EventRecord) -> str | None:
        located = event.latitude is not None and event.longitude is not None
        if not (located or event.country):
            return None
        key = f"{event.place}|{event.admin1}|{event.country}|{event.latitude}|{event.longitude}"
        return self._add(stix2.Location, "location", key, name=event.place or event.admin1 or event.country,
                         country=event.country, administrative_area=event.admin1,
                         latitude=event.latitude if located else None, longitude=event.longitude if located else None,
                         x_sourcebook_geo_precision=event.geo_precision)

    def relationship(self, source: str, target: str, predicate: str, claim_key: str, **props) -> str:
        rtype = self.mapping["relationship_types"].get(predicate, self.mapping["default_relationship"])
        extra = {} if predicate in self.mapping["relationship_types"] else {"x_sourcebook_predicate": predicate}
        return self._add(stix2.Relationship, "relationship", f"{source}|{predicate}|{target}|{claim_key}",
                         source_ref=source, target_ref=target, relationship_type=rtype, **extra, **props)

    def incident(self, event: EventRecord) -> tuple[str, list[str]]:
        """The incident of an event and the objects it draws in (its actors, place, relationships)."""
        figures = {slot: {"best": f.best, "low": f.low, "high": f.high}
                   for slot, f in (("killed", event.killed), ("injured", event.injured)) if f}
        name = " ".join(str(x) for x in (event.attack_type or event.event_type, event.date, event.place) if x)
        oid = self._add(stix2.Incident, "incident", event.key, name=name, description=event.summary,
                        x_sourcebook_event_type=event.event_type, x_sourcebook_date=event.date,
                        x_sourcebook_date_precision=event.date_precision, x_sourcebook_attack_type=event.attack_type,
                        x_sourcebook_target=event.target, x_sourcebook_target_type=event.target_type,
                        x_sourcebook_suicide=event.suicide, x_sourcebook_claimed=event.claimed,
                        **{f"x_sourcebook_{k}": v for k, v in figures.items()})
        refs = [oid]
        for role, name in (("perpetrator", event.perpetrator), ("operator", event.actor)):
            if name:
                actor = self.actor(name)
                refs += [actor, self.relationship(oid, actor, role, event.key)]
        place = self.location(event)
        if place:
            refs += [place, self.relationship(oid, place, "place", event.key)]
        return oid, refs


def _claim_key(claim) -> str:
    return f"{claim.evidence.doc_id}:{claim.evidence.start}:{claim.evidence.end}"


def _claim_objects(bundle: _Bundle, claim) -> list[str]:
    """The objects a relation, leadership, designation or estimate claim adds to the bundle."""
    v = record_values(claim.values)
    key = _claim_key(claim)
    if claim.kind == "relation" and v.get("subject") and v.get("object") and v.get("predicate"):
        a, b = bundle.actor(v["subject"]), bundle.actor(v["object"])
        return [a, b, bundle.relationship(a, b, v["predicate"], key, x_sourcebook_date=v.get("date"))]
    if claim.kind == "leadership" and v.get("person") and v.get("organization"):
        a, b = bundle.actor(v["person"], "person"), bundle.actor(v["organization"])
        return [a, b, bundle.relationship(a, b, "leader_of", key, x_sourcebook_role=v.get("role"),
                                          x_sourcebook_start=v.get("start"), x_sourcebook_end=v.get("end"),
                                          x_sourcebook_end_reason=v.get("end_reason"))]
    if claim.kind == "designation" and v.get("organization") and v.get("designated_by"):
        a, b = bundle.actor(v["designated_by"], "state"), bundle.actor(v["organization"])
        return [a, b, bundle.relationship(a, b, "designation", key, x_sourcebook_instrument=v.get("instrument"),
                                          x_sourcebook_date=v.get("date"))]
    if claim.kind == "estimate" and v.get("subject") and v.get("low") is not None:
        a = bundle.actor(v["subject"])
        figure = f"{v['low']}" if v.get("high") in (None, v["low"]) else f"{v['low']}-{v['high']}"
        words = [v.get("qualifier"), figure, v.get("quantity")]
        content = " ".join(str(w) for w in words if w) + (f" (as of {v['as_of']})" if v.get("as_of") else "") + (
            f", according to {v['source']}" if v.get("source") else "")
        note = bundle._add(stix2.Note, "note", key, content=content, abstract=f"Strength estimate: {v['subject']}",
                           object_refs=[a], x_sourcebook_estimate=v)
        return [a, note]
    return []


def build_bundle(session, codebook) -> stix2.Bundle:
    """The knowledge base as a STIX 2.1 bundle."""
    stamp = _stamp(session)
    actors = repo.actors(session)
    types = {a.name: a.actor_type for a in actors}
    aliases = {a.name: sorted(x.alias for x in a.aliases) for a in actors}
    bundle = _Bundle(codebook, stamp, types, aliases)
    for a in actors:
        bundle.actor(a.name)
    supports: dict[str, list[str]] = {}
    for event in event_records(session):
        oid, refs = bundle.incident(event)
        for claim in event.claims:
            supports.setdefault(claim.evidence.doc_id, []).extend(refs)
    for row, _name in repo.iter_claim_rows(session):
        if row.kind != "event":
            supports.setdefault(row.document_id, []).extend(_claim_objects(bundle, repo.to_claim(row)))
    for doc in repo.documents(session):
        refs = list(dict.fromkeys(supports.get(doc.id, [])))
        if not refs:    # a report must refer to something; a document that supports nothing has no report
            continue
        reference = {"source_name": "sourcebook", "external_id": doc.id, "description": doc.name}
        if doc.origin and doc.origin.startswith(("http://", "https://")):
            reference["url"] = doc.origin
        bundle._add(stix2.Report, "report", doc.id, name=doc.title or doc.name, published=_published(doc.published, stamp),
                    report_types=["threat-report"], object_refs=refs, external_references=[reference],
                    x_sourcebook_author=doc.author)
    objects = list(bundle.objects.values())
    bundle_id = f"bundle--{uuid.uuid5(NAMESPACE, '|'.join(o.id for o in objects))}"
    return stix2.Bundle(objects=objects, id=bundle_id, allow_custom=True)


def write_stix(session, codebook, fh) -> int:
    bundle = build_bundle(session, codebook)
    fh.write(bundle.serialize(pretty=True))
    fh.write("\n")
    return len(bundle.objects)


EXPORTER = Exporter("stix", ".json", "application/stix+json;version=2.1", write_stix,
                    "STIX 2.1 bundle: groups, people, places, incidents, relationships and a report per document.")
