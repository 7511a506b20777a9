"""SQLAlchemy tables. No business logic here: store/repository.py holds the queries.

Documents, mentions and claims (each with the spans of its values, in `data`) are what extraction wrote and what people reviewed: they
are never overwritten (a correction is a new claim version). Actors, places and events are
derived from them by resolution and rebuilt whenever resolution runs.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class RunRow(Base):
    """One build: its pipeline config (TOML) is kept so the run can be reproduced."""

    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16), default="running")
    config: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[str] = mapped_column(String(32), default="")
    summary: Mapped[dict] = mapped_column(JSON, default=dict)


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)   # content hash of the normalised text
    name: Mapped[str] = mapped_column(String(512))
    path: Mapped[str | None] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(32))
    origin: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict] = mapped_column(JSON, default=dict)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    claims: Mapped[list["ClaimRow"]] = relationship(back_populates="document", cascade="all, delete-orphan")
    mentions: Mapped[list["MentionRow"]] = relationship(back_populates="document", cascade="all, delete-orphan")


class MentionRow(Base):
    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    value: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict] = mapped_column(JSON, default=dict)

    document: Mapped[DocumentRow] = relationship(back_populates="mentions")


class ClaimRow(Base):
    """One document's statement of one fact. A review that changes it writes a new version
    (`supersedes_id` points at the one it replaces, `current` marks the newest)."""

    __tablename__ = "claims"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    data: Mapped[dict] = mapped_column(JSON)          # serialize.claim_to_dict
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id"))
    current: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    created_by: Mapped[str] = mapped_column(String(128), default="sourcebook")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), index=True)

    document: Mapped[DocumentRow] = relationship(back_populates="claims")


class ActorRow(Base):
    __tablename__ = "actors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(512), unique=True)
    actor_type: Mapped[str] = mapped_column(String(32), default="organization")
    parent: Mapped[str | None] = mapped_column(String(512))

    aliases: Mapped[list["AliasRow"]] = relationship(back_populates="actor", cascade="all, delete-orphan")


class AliasRow(Base):
    __tablename__ = "actor_aliases"
    __table_args__ = (UniqueConstraint("actor_id", "alias"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(512))

    actor: Mapped[ActorRow] = relationship(back_populates="aliases")


class PlaceRow(Base):
    __tablename__ = "places"
    __table_args__ = (UniqueConstraint("name", "admin1", "country"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(256))
    admin1: Mapped[str | None] = mapped_column(String(256))
    admin2: Mapped[str | None] = mapped_column(String(256))
    country: Mapped[str | None] = mapped_column(String(2))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    precision: Mapped[str] = mapped_column(String(16), default="place")


class EventRow(Base):
    """A resolved event: what its claims add up to. `values` holds the merged slots, figures as
    best/low/high; `merge_note` says why claims were merged, `flagged` when the merge rests only
    on weak evidence and a person should look."""

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_type_date", "event_type", "date"),
        # the workbench's filters, sorts and aggregations (store/queries.py)
        # (filter, date, killed): a filter with a date range and a toll is counted from the index alone
        Index("ix_events_country_date", "country", "date", "killed"),
        Index("ix_events_admin1_date", "admin1", "date", "killed"),
        Index("ix_events_attack_type_date", "attack_type", "date", "killed"),
        Index("ix_events_perpetrator_date", "perpetrator", "date", "killed"),
        Index("ix_events_killed", "killed"),
        Index("ix_events_place_type", "place_id", "event_type", "killed"),
        # covering (month, group) indexes: the timeline groups 200,000 events without a sort
        Index("ix_events_month_perpetrator", text("substr(date, 1, 7)"), "perpetrator", "killed", "date"),
        Index("ix_events_month_type", text("substr(date, 1, 7)"), "event_type", "killed", "date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    event_type: Mapped[str] = mapped_column(String(32))
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    admin1: Mapped[str | None] = mapped_column(String(256))
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"))
    perpetrator: Mapped[str | None] = mapped_column(String(512), index=True)
    attack_type: Mapped[str | None] = mapped_column(String(64))
    killed: Mapped[int | None] = mapped_column(Integer)
    values: Mapped[dict] = mapped_column(JSON, default=dict)
    merge_note: Mapped[str | None] = mapped_column(Text)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)

    place: Mapped[PlaceRow | None] = relationship()


class KeepApartRow(Base):
    """A person's decision that two claims report different events: resolution never merges
    them again. Claim ids are those of the claims' first versions, so a later review keeps it."""

    __tablename__ = "keep_apart"
    __table_args__ = (UniqueConstraint("claim_id", "other_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    created_by: Mapped[str] = mapped_column(String(128), default="analyst")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)
