"""Analyst edits of the knowledge that wait for `loader load --reextract-affected`."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, CheckConstraint, DateTime, ForeignKey, Index, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class KnowledgeChange(Base):
    __tablename__ = "knowledge_changes"
    __table_args__ = (
        CheckConstraint("change IN ('added', 'retired', 'merged', 'promoted')", name="change"),
        CheckConstraint("language IN ('ar', 'en')", name="language"),
        Index("ix_knowledge_changes_pending", "made_at", postgresql_where=text("reextracted_run_id IS NULL")),
        {"comment": "Aliases changed by `loader entities`, pending until `loader load --reextract-affected` re-extracts."},
    )
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    alias: Mapped[str] = mapped_column(Text, comment="The alias as written")
    normalised: Mapped[str] = mapped_column(Text, comment="The alias folded as the matcher folds it")
    language: Mapped[str] = mapped_column(Text, comment="ar or en")
    entity: Mapped[str | None] = mapped_column(Text, comment="Canonical name of the entity it names (or named)")
    change: Mapped[str] = mapped_column(Text, comment="added, retired, merged or promoted")
    made_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(),
                                                 comment="When the change was made")
    reextracted_run_id: Mapped[int | None] = mapped_column(
        ForeignKey("load_runs.id", ondelete="SET NULL"),
        comment="The load run that re-extracted the affected articles; null while pending")
