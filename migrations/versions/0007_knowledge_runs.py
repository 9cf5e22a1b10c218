"""Analyst knowledge edits and interrupted runs.

Adds `knowledge_changes`: every alias an analyst added, retired, merged or promoted with
`loader entities`, until `loader load --reextract-affected` has re-extracted the articles
whose text contains it (found through the full-text index on `articles.tsv`). A partial
index keeps the pending ones at hand.

`load_runs` gains the status `interrupted` (a run whose process died: the next run finds its
advisory lock free) and the pid and host of the process, so an analyst can tell which
machine a run was on.

Revision ID: 0007
Revises: 0006
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: Union[str, Sequence[str], None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

OLD_STATUS = "status IN ('running', 'succeeded', 'failed', 'partial')"
NEW_STATUS = "status IN ('running', 'succeeded', 'failed', 'partial', 'interrupted')"


def upgrade() -> None:
    op.drop_constraint(op.f("ck_load_runs_status"), "load_runs", type_="check")
    op.create_check_constraint(op.f("ck_load_runs_status"), "load_runs", NEW_STATUS)
    op.add_column("load_runs", sa.Column("pid", sa.Integer(), nullable=True,
                                         comment="Process id of the loader that ran it"))
    op.add_column("load_runs", sa.Column("host", sa.Text(), nullable=True,
                                         comment="Host name of the machine the loader ran on"))
    op.execute("COMMENT ON COLUMN load_runs.status IS 'running, succeeded, failed, partial, or interrupted "
               "(its process died; marked by the next run)'")
    op.create_table(
        "knowledge_changes",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False, comment="The alias as written"),
        sa.Column("normalised", sa.Text(), nullable=False, comment="The alias folded as the matcher folds it"),
        sa.Column("language", sa.Text(), nullable=False, comment="ar or en"),
        sa.Column("entity", sa.Text(), nullable=True, comment="Canonical name of the entity it names (or named)"),
        sa.Column("change", sa.Text(), nullable=False, comment="added, retired, merged or promoted"),
        sa.Column("made_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False,
                  comment="When the change was made"),
        sa.Column("reextracted_run_id", sa.BigInteger(), nullable=True,
                  comment="The load run that re-extracted the affected articles; null while pending"),
        sa.CheckConstraint("change IN ('added', 'retired', 'merged', 'promoted')", name=op.f("ck_knowledge_changes_change")),
        sa.CheckConstraint("language IN ('ar', 'en')", name=op.f("ck_knowledge_changes_language")),
        sa.ForeignKeyConstraint(["reextracted_run_id"], ["load_runs.id"],
                                name=op.f("fk_knowledge_changes_reextracted_run_id_load_runs"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_changes")),
        comment="Aliases changed by `loader entities`, pending until `loader load --reextract-affected` re-extracts.",
    )
    op.create_index("ix_knowledge_changes_pending", "knowledge_changes", ["made_at"],
                    postgresql_where=sa.text("reextracted_run_id IS NULL"))


def downgrade() -> None:
    op.drop_index("ix_knowledge_changes_pending", table_name="knowledge_changes",
                  postgresql_where=sa.text("reextracted_run_id IS NULL"))
    op.drop_table("knowledge_changes")
    op.execute("UPDATE load_runs SET status = 'failed' WHERE status = 'interrupted'")
    op.execute("COMMENT ON COLUMN load_runs.status IS NULL")
    op.drop_column("load_runs", "host")
    op.drop_column("load_runs", "pid")
    op.drop_constraint(op.f("ck_load_runs_status"), "load_runs", type_="check")
    op.create_check_constraint(op.f("ck_load_runs_status"), "load_runs", OLD_STATUS)
