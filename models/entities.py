"""Canonical entities, their aliases (names, roles in time, metonyms) and mentions in articles."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger, CheckConstraint, Date, DateTime, Float, ForeignKey, Index, Integer, Text, UniqueConstraint, func, text,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class Entity(Base):
    __tablename__ = "entities"
    __table_args__ = (
        UniqueConstraint("name"),
        CheckConstraint("kind IN ('person', 'state', 'organisation', 'place')", name="kind"),
        CheckConstraint("geo_level IN ('venue', 'city', 'region', 'country')", name="geo_level"),
        CheckConstraint("(latitude IS NULL) = (longitude IS NULL) AND latitude BETWEEN -90 AND 90 "
                        "AND longitude BETWEEN -180 AND 180", name="coordinates"),
        Index("ix_entities_geonames_id", "geonames_id", unique=True, postgresql_where=text("geonames_id IS NOT NULL")),
        {"comment": "A person, state, organisation or place, named by its English Wikipedia title."},
    )
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    name: Mapped[str] = mapped_column(Text, comment="Canonical English name")
    name_ar: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    country_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    wikidata_qid: Mapped[str | None] = mapped_column(Text)
    geonames_id: Mapped[int | None] = mapped_column(Integer, comment="GeoNames id of a city or state")
    latitude: Mapped[float | None] = mapped_column(
        Float, comment="Latitude of a place (WGS84 degrees); a state's capital for a state")
    longitude: Mapped[float | None] = mapped_column(Float, comment="Longitude of a place (WGS84 degrees)")
    geo_level: Mapped[str | None] = mapped_column(Text, comment="What the point stands for: venue, city, region or country")


class RegistrySync(Base):
    __tablename__ = "registry_syncs"
    __table_args__ = ({"comment": "Which version of the knowledge files' registry has been written to entities and aliases."},)
    fingerprint: Mapped[str] = mapped_column(Text, primary_key=True, comment="SHA-256 of the registry's entities and aliases")
    entities: Mapped[int] = mapped_column(Integer)
    aliases: Mapped[int] = mapped_column(Integer)
    synced_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class EntityAlias(Base):
    __tablename__ = "entity_aliases"
    __table_args__ = (
        CheckConstraint("kind IN ('name', 'short', 'role', 'metonym', 'body', 'adj')", name="kind"),
        CheckConstraint("valid_to IS NULL OR valid_from IS NULL OR valid_from < valid_to", name="validity"),
        UniqueConstraint("entity_id", "normalised", "language", "kind", "valid_from"),
        Index("ix_entity_aliases_normalised", "normalised"),
        {"comment": "A way an entity is named: a name, a surname back-reference, a role held in a period, a metonym."},
    )
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(Text)
    normalised: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)


class Mention(Base):
    __tablename__ = "mentions"
    __table_args__ = (
        CheckConstraint("start_char >= 0 AND end_char > start_char", name="offsets"),
        CheckConstraint("method IN ('rules', 'stanza', 'both')", name="method"),
        CheckConstraint("confidence BETWEEN 0 AND 1", name="confidence"),
        Index("ix_mentions_entity_article", "entity_id", "article_id"),
        {"comment": "A stretch of an article's text that names an entity (or a person not yet in the registry)."},
    )
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    surface: Mapped[str] = mapped_column(Text)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(Text, comment="Entity kind, or person for an unlinked person")
    alias_kind: Mapped[str] = mapped_column(Text, comment="name, short, role, metonym, cue or ner")
    method: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
