"""SQLAlchemy 2.0 typed models of the event-and-entity database.

Import from here: the table groups live in their own modules (runs and articles,
entities and mentions, events), all on one `Base` whose metadata Alembic compares against.
"""
from .base import Base
from .articles import Article, LoadError, LoadRun, Segment
from .entities import Entity, EntityAlias, Mention, RegistrySync
from .events import Event, EventDyad, EventEvidence, EventParticipant, EventType
from .fusion import CanonicalEvent, CanonicalEventParticipant
from .knowledge import KnowledgeChange

__all__ = [
    "Base", "Article", "LoadError", "LoadRun", "Segment", "Entity", "EntityAlias", "Mention", "RegistrySync",
    "Event", "EventDyad", "EventEvidence", "EventParticipant", "EventType", "CanonicalEvent", "CanonicalEventParticipant", "KnowledgeChange",
]
