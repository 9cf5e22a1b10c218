"""Indexes for loading and for timelines.

A stored article is looked up by its source path when a changed file replaces it. Timelines
stay fast at a million events with the event date beside each participant, and a table of
participant pairs, each with an index that serves "one actor (or one pair), by date".

The date lives on `events` and the actors on `event_participants`; no index spans two tables,
so an actor's page or month count had to join before it could filter. Copying the date next to
the participant (it never changes: re-extraction replaces rows) and keeping one row per ordered
pair of participants make both questions a single index range scan.

Revision ID: 0004
Revises: 0003
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: Union[str, Sequence[str], None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index("ix_articles_source_path", "articles", ["source_path"])
    op.add_column("event_participants", sa.Column(
        "date_start", sa.Date(), nullable=True,
        comment="The event's date_start, copied here so that an actor's timeline is one index scan"))
    op.execute("UPDATE event_participants p SET date_start = e.date_start FROM events e WHERE e.id = p.event_id")
    op.create_index("ix_event_participants_entity_date", "event_participants",
                    ["entity_id", sa.text("date_start DESC"), sa.text("event_id DESC")])
    op.create_table(
        "event_dyads",
        sa.Column("entity_a", sa.BigInteger(), nullable=False, comment="One participant"),
        sa.Column("entity_b", sa.BigInteger(), nullable=False, comment="Another participant of the same event"),
        sa.Column("event_id", sa.BigInteger(), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True, comment="The event's date_start"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_event_dyads_event_id_events"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["entity_a"], ["entities.id"], name=op.f("fk_event_dyads_entity_a_entities")),
        sa.ForeignKeyConstraint(["entity_b"], ["entities.id"], name=op.f("fk_event_dyads_entity_b_entities")),
        sa.PrimaryKeyConstraint("entity_a", "entity_b", "event_id", name=op.f("pk_event_dyads")),
        sa.CheckConstraint("entity_a <> entity_b", name=op.f("ck_event_dyads_distinct")),
        comment="Every ordered pair of an event's participants (both orders), for A-and-B timelines.",
    )
    op.create_index("ix_event_dyads_pair_date", "event_dyads",
                    ["entity_a", "entity_b", sa.text("date_start DESC"), sa.text("event_id DESC")])
    op.create_index("ix_event_dyads_event_id", "event_dyads", ["event_id"])
    op.execute("""
        INSERT INTO event_dyads (entity_a, entity_b, event_id, date_start)
        SELECT DISTINCT a.entity_id, b.entity_id, a.event_id, a.date_start
        FROM event_participants a JOIN event_participants b
          ON b.event_id = a.event_id AND b.entity_id <> a.entity_id""")


def downgrade() -> None:
    op.drop_index("ix_articles_source_path", table_name="articles")
    op.drop_table("event_dyads")
    op.drop_index("ix_event_participants_entity_date", table_name="event_participants")
    op.drop_column("event_participants", "date_start")
