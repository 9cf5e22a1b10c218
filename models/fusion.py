"""Canonical events: one row per real happening, fused from the events (tellings) that report it."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger, Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, Text, text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class CanonicalEvent(Base):
    __tablename__ = "canonical_events"
    __table_args__ = (
        CheckConstraint("date_precision IN ('year', 'month', 'day')", name="date_precision"),
        CheckConstraint("date_origin IN ('text', 'fused', 'article')", name="date_origin"),
        CheckConstraint("modality IN ('asserted', 'negated', 'planned')", name="modality"),
        CheckConstraint("(date_start IS NULL) = (date_precision IS NULL)", name="date_has_precision"),
        Index("ix_canonical_events_block_date", "fusion_block", "date_start"),
        Index("ix_canonical_events_type_date", "type", "date_start"),
        # the rank of `loaders.fuse_read._BEST`; its last key is fusion_key COLLATE "C" (migration 0009),
        # a collation that reflection does not show, so it is not written here
        Index("ix_canonical_events_block_rank", "fusion_block", text("dated_articles DESC"),
              text("last_reported DESC NULLS LAST"), "fusion_key"),
        {"comment": "One real happening told by one or more extracted events (tellings), fused across articles."},
    )
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    type: Mapped[str] = mapped_column(ForeignKey("event_types.code"))
    modality: Mapped[str] = mapped_column(Text)
    fusion_block: Mapped[str] = mapped_column(
        Text, comment="type|modality|states of the participants (source>target for visits): what may fuse")
    date_start: Mapped[dt.date | None] = mapped_column(Date)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    date_last: Mapped[dt.date | None] = mapped_column(
        Date, comment="Last day the happening may have been on (date_end, or the end of the month or year)")
    date_precision: Mapped[str | None] = mapped_column(Text)
    date_origin: Mapped[str | None] = mapped_column(Text, comment="text, fused or article: how the date was chosen")
    date_conflict: Mapped[bool] = mapped_column(Boolean, server_default="false",
                                                comment="Tellings give dates that cannot all be right")
    dates_reported: Mapped[list] = mapped_column(JSONB, server_default="[]",
                                                 comment="Every date the tellings give, with tellings and articles per date")
    tellings: Mapped[int] = mapped_column(Integer)
    articles: Mapped[int] = mapped_column(Integer)
    outlets: Mapped[int] = mapped_column(Integer)
    dated_articles: Mapped[int] = mapped_column(
        Integer, comment="Articles whose tellings constrain the date (an undated telling joins the best-reported)")
    first_reported: Mapped[dt.date | None] = mapped_column(Date)
    last_reported: Mapped[dt.date | None] = mapped_column(Date)
    fusion_key: Mapped[str] = mapped_column(
        Text,
        comment="Smallest content key (sha256:offset) of its dated tellings (else of all): a load-order-free identity")
    evidence: Mapped[str] = mapped_column(Text)


class CanonicalEventParticipant(Base):
    __tablename__ = "canonical_event_participants"
    __table_args__ = (
        CheckConstraint("role IN ('source', 'target', 'other')", name="role"),
        Index("ix_canonical_event_participants_entity_date", "entity_id", text("date_start DESC"),
              text("canonical_id DESC")),
        {"comment": "Who took part in a canonical event: the union of its tellings' participants."},
    )
    canonical_id: Mapped[int] = mapped_column(ForeignKey("canonical_events.id", ondelete="CASCADE"), primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    role: Mapped[str] = mapped_column(Text, comment="The role its tellings give it most often")
    tellings: Mapped[int] = mapped_column(Integer, comment="Tellings naming this participant")
    dated_tellings: Mapped[int] = mapped_column(
        Integer, comment="Dated tellings naming it (what an undated telling is matched against)")
    date_start: Mapped[dt.date | None] = mapped_column(Date, comment="The canonical event's date_start")
