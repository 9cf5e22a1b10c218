"""Fusion's lookups bounded by index: the rank order of a block's happenings, and the few wide tellings.

Adds two indexes so that an article's fusion reads only what it needs however many happenings a block
holds. `ix_canonical_events_block_rank` gains the last key of the rank (`fusion_key` in the "C"
collation), so the best-ranked happenings of a block are the first entries of an index scan, not a
sort of all of them. `ix_events_fusion_wide` holds the tellings whose match range is longer than
`loaders.fuse_read.WIDE` days (a span of years, say): every other telling that overlaps a range starts at
most that many days before it, so the overlap lookup scans a bounded stretch of the block and asks this
small index for the rest.

Revision ID: 0009
Revises: 0008
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: Union[str, Sequence[str], None] = "0008"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

RANK = ["fusion_block", sa.text("dated_articles DESC"), sa.text("last_reported DESC NULLS LAST")]


def upgrade() -> None:
    op.drop_index("ix_canonical_events_block_rank", table_name="canonical_events")
    op.create_index("ix_canonical_events_block_rank", "canonical_events", RANK + [sa.text('fusion_key COLLATE "C"')])
    op.create_index("ix_events_fusion_wide", "events", ["fusion_block", "match_lo", "match_hi"],
                    postgresql_where=sa.text("match_hi - match_lo > 400"))


def downgrade() -> None:
    op.drop_index("ix_events_fusion_wide", table_name="events")
    op.drop_index("ix_canonical_events_block_rank", table_name="canonical_events")
    op.create_index("ix_canonical_events_block_rank", "canonical_events", RANK)
