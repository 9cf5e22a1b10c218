"""Load runs, their errors, articles and the segments an article was cut into."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger, CheckConstraint, Computed, Date, DateTime, ForeignKey, Index, Integer, Text,
    UniqueConstraint, func,
)
from sqlalchemy.dialects.postgresql import JSONB, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class LoadRun(Base):
    __tablename__ = "load_runs"
    __table_args__ = (
        CheckConstraint("status IN ('running', 'succeeded', 'failed', 'partial', 'interrupted')", name="status"),
        {"comment": "One invocation of `loader load`: what it was asked, which backend ran, how it ended."},
    )
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(Text, server_default="running", comment=(
        "running, succeeded, failed, partial, or interrupted (its process died; marked by the next run)"))
    backend: Mapped[str] = mapped_column(Text, server_default="rules")
    extractor_version: Mapped[str] = mapped_column(Text)
    paths: Mapped[list] = mapped_column(JSONB, server_default="[]")
    counts: Mapped[dict] = mapped_column(JSONB, server_default="{}")
    pid: Mapped[int | None] = mapped_column(Integer, comment="Process id of the loader that ran it")
    host: Mapped[str | None] = mapped_column(Text, comment="Host name of the machine the loader ran on")


class LoadError(Base):
    __tablename__ = "load_errors"
    __table_args__ = ({"comment": "A file that could not be loaded: which, why, in which run."},)
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("load_runs.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("content_sha256"),
        CheckConstraint("published_precision IN ('year', 'month', 'day')", name="published_precision"),
        CheckConstraint("published_origin IN ('text', 'manifest', 'unknown')", name="published_origin"),
        CheckConstraint("length(content_sha256) = 64", name="sha256_length"),
        Index("ix_articles_tsv", "tsv", postgresql_using="gin"),
        {"comment": "One news article as loaded: its text, where it came from and when it was published."},
    )
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    source_path: Mapped[str] = mapped_column(Text, index=True, comment="Path the file was loaded from")
    file_name: Mapped[str] = mapped_column(Text, index=True)
    content_sha256: Mapped[str] = mapped_column(Text, comment="SHA-256 of the file's bytes; identifies the article")
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, comment="Decoded full text; all offsets point into it")
    language: Mapped[str] = mapped_column(Text, server_default="ar")
    encoding: Mapped[str] = mapped_column(Text, server_default="utf-8")
    published_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    published_precision: Mapped[str | None] = mapped_column(Text)
    published_origin: Mapped[str] = mapped_column(Text, server_default="unknown")
    published_text: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(Text)
    load_run_id: Mapped[int | None] = mapped_column(ForeignKey("load_runs.id", ondelete="SET NULL"), index=True)
    loaded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    tsv: Mapped[str] = mapped_column(
        TSVECTOR,
        Computed("to_tsvector('arabic'::regconfig, coalesce(title, '') || ' ' || text)", persisted=True),
        comment="Full-text search vector (PostgreSQL's arabic configuration)",
    )


class Segment(Base):
    __tablename__ = "segments"
    __table_args__ = (
        UniqueConstraint("article_id", "ord"),
        CheckConstraint("kind IN ('title', 'dateline', 'body', 'quote', 'related', 'boilerplate')", name="kind"),
        CheckConstraint("start_char >= 0 AND end_char >= start_char", name="offsets"),
        {"comment": "A contiguous piece of an article: title, dateline, body sentence, quote, related block."},
    )
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    ord: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(Text)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
