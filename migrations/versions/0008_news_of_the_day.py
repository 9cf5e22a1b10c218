"""Tellings dated by their article: the news its headline or lead tells.

Adds `events.dated_by_article`: an event with no date of its own that the headline or the lead
sentence tells as done ("Riyadh, 11 March 2023: Iran and Saudi Arabia agreed to …") is the news
of the day, so the export dates it by the article's publication. Its date columns stay empty
(the text gives none), so fusion still matches it through the window before publication and
`v_events` shows it with `date_origin` `article` (or `fused`).

Revision ID: 0008
Revises: 0007
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: Union[str, Sequence[str], None] = "0007"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("events", sa.Column(
        "dated_by_article", sa.Boolean(), server_default=sa.false(), nullable=False,
        comment="No date of its own, told as done in the headline or lead: the news of the day, dated by the "
                "article's publication in the export"))


def downgrade() -> None:
    op.drop_column("events", "dated_by_article")
