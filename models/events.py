"""Event types with CAMEO and PLOVER codes, events, their participants and evidence."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger, Boolean, CheckConstraint, Date, Float, ForeignKey, Index, Integer, SmallInteger, Text,
    UniqueConstraint, text,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class EventType(Base):
    __tablename__ = "event_types"
    __table_args__ = ({"comment": "Our event types and the CAMEO and PLOVER codes they map to."},)
    code: Mapped[str] = mapped_column(Text, primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    cameo: Mapped[str] = mapped_column(Text)
    plover: Mapped[str | None] = mapped_column(Text, comment="PLOVER event type; null where PLOVER has none")


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint("date_precision IN ('year', 'month', 'day')", name="date_precision"),
        CheckConstraint("(date_start IS NULL) = (date_precision IS NULL)", name="date_has_precision"),
        CheckConstraint("date_end IS NULL OR date_end >= date_start", name="date_order"),
        CheckConstraint("modality IN ('asserted', 'negated', 'planned')", name="modality"),
        CheckConstraint("negated = (modality = 'negated')", name="negated_modality"),
        CheckConstraint("method IN ('rules', 'stanza', 'both')", name="method"),
        CheckConstraint("confidence BETWEEN 0 AND 1", name="confidence"),
        Index("ix_events_type_date", "type", "date_start"),
        Index("ix_events_date_start", "date_start"),
        Index("ix_events_fusion_match", "fusion_block", "match_lo", "match_hi"),
        Index("ix_events_fusion_wide", "fusion_block", "match_lo", "match_hi", postgresql_where=text("match_hi - match_lo > 400")),
        {"comment": "Something that happened (or was denied or planned) between actors, with the sentence it came from."},
    )
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(ForeignKey("event_types.code"))
    date_start: Mapped[dt.date | None] = mapped_column(Date)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(Text)
    date_text: Mapped[str | None] = mapped_column(Text)
    dated_by_article: Mapped[bool] = mapped_column(
        Boolean, server_default="false",
        comment="No date of its own, told as done in the headline or lead: the news of the day, dated by the "
                "article's publication in the export")
    modality: Mapped[str] = mapped_column(Text, server_default="asserted")
    negated: Mapped[bool] = mapped_column(Boolean, server_default="false")
    trigger: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    evidence: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(Text, server_default="rules")
    extractor_version: Mapped[str] = mapped_column(Text)
    canonical_id: Mapped[int | None] = mapped_column(
        ForeignKey("canonical_events.id", ondelete="SET NULL"), index=True,
        comment="The canonical event (real happening) this telling is fused into")
    fusion_block: Mapped[str | None] = mapped_column(
        Text, comment="type|modality|states of the participants: the tellings it may fuse with")
    match_lo: Mapped[dt.date | None] = mapped_column(
        Date, comment="First day it may be on: its date, else a window before publication")
    match_hi: Mapped[dt.date | None] = mapped_column(Date, comment="Last day it may be on")
    date_weekday: Mapped[int | None] = mapped_column(
        SmallInteger, comment="Weekday (0 = Monday) its sentence names when no date could be read")
    place_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True,
        comment="Where the event happened (an entity of kind place, or a state)")


class EventParticipant(Base):
    __tablename__ = "event_participants"
    __table_args__ = (
        UniqueConstraint("event_id", "entity_id"),
        CheckConstraint("role IN ('source', 'target', 'other')", name="role"),
        Index("ix_event_participants_entity", "entity_id", "event_id"),
        Index("ix_event_participants_entity_date", "entity_id", text("date_start DESC"), text("event_id DESC")),
        {"comment": "Who took part in an event, and as source, target or other."},
    )
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="RESTRICT"))
    role: Mapped[str] = mapped_column(Text)
    mention_id: Mapped[int | None] = mapped_column(ForeignKey("mentions.id", ondelete="SET NULL"))
    date_start: Mapped[dt.date | None] = mapped_column(
        Date, comment="The event's date_start, copied here so that an actor's timeline is one index scan")


class EventDyad(Base):
    __tablename__ = "event_dyads"
    __table_args__ = (
        CheckConstraint("entity_a <> entity_b", name="distinct"),
        Index("ix_event_dyads_pair_date", "entity_a", "entity_b", text("date_start DESC"), text("event_id DESC")),
        {"comment": "Every ordered pair of an event's participants (both orders), for A-and-B timelines."},
    )
    entity_a: Mapped[int] = mapped_column(ForeignKey("entities.id"), primary_key=True, comment="One participant")
    entity_b: Mapped[int] = mapped_column(ForeignKey("entities.id"), primary_key=True,
                                          comment="Another participant of the same event")
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True, index=True)
    date_start: Mapped[dt.date | None] = mapped_column(Date, comment="The event's date_start")


class EventEvidence(Base):
    __tablename__ = "event_evidence"
    __table_args__ = (
        CheckConstraint("end_char > start_char", name="offsets"),
        {"comment": "Every sentence that reports an event (one happening told twice is one event, two evidence rows)."},
    )
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
