"""The read-only group role `loader_analyst`: SELECT on every table and view, now and later.

Adds access control for analysts: `loader db grant-analyst NAME` makes login roles that are
members of this group, so BI tools and DBeaver connect without write rights. Roles are
cluster-wide (several loader databases may share one server and one role), so creating
tolerates an existing role, and dropping gives up quietly while another database still
grants it something. A user without CREATEROLE gets the schema without the role.

Revision ID: 0003
Revises: 0002
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0003"
down_revision: Union[str, Sequence[str], None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

UPGRADE = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'loader_analyst')
       AND (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        BEGIN
            CREATE ROLE loader_analyst NOLOGIN;
        EXCEPTION WHEN duplicate_object THEN NULL;  -- created meanwhile by a migration of another database
        END;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'loader_analyst') THEN
        COMMENT ON ROLE loader_analyst IS 'Read-only analysts of the loader database: SELECT on tables and views';
        GRANT USAGE ON SCHEMA public TO loader_analyst;
        GRANT SELECT ON ALL TABLES IN SCHEMA public TO loader_analyst;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO loader_analyst;
    ELSE
        RAISE NOTICE 'role loader_analyst not created: % lacks CREATEROLE', current_user;
    END IF;
END
$$
"""

DOWNGRADE = """
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'loader_analyst') THEN
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM loader_analyst;
        REVOKE SELECT ON ALL TABLES IN SCHEMA public FROM loader_analyst;
        REVOKE USAGE ON SCHEMA public FROM loader_analyst;
        BEGIN
            DROP ROLE loader_analyst;
        EXCEPTION WHEN dependent_objects_still_exist OR insufficient_privilege THEN
            RAISE NOTICE 'role loader_analyst kept: another database still grants it privileges';
        END;
    END IF;
END
$$
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
