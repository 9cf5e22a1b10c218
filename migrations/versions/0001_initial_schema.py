"""Initial schema: runs, articles, segments, entities, aliases, mentions, events, and the event types.

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 16:49:23.538860

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


EVENT_TYPES = [
    ("visit", "Visit", "042", "CONSULT"),
    ("meeting", "Meeting or talks", "040", "CONSULT"),
    ("agreement", "Agreement signed or reached", "057", "AGREE"),
    ("cooperation", "Cooperation", "050", "COOPERATE"),
    ("invitation", "Invitation", "036", "REQUEST"),
    ("accusation", "Accusation or criticism", "112", "ACCUSE"),
    ("statement", "Public statement", "010", None),
]


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('entities',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False, comment='Canonical English name'),
    sa.Column('name_ar', sa.Text(), nullable=True),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('country_id', sa.BigInteger(), nullable=True),
    sa.Column('wikidata_qid', sa.Text(), nullable=True),
    sa.CheckConstraint("kind IN ('person', 'state', 'organisation', 'place')", name=op.f('ck_entities_kind')),
    sa.ForeignKeyConstraint(['country_id'], ['entities.id'], name=op.f('fk_entities_country_id_entities'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entities')),
    sa.UniqueConstraint('name', name=op.f('uq_entities_name')),
    comment='A person, state, organisation or place, named by its English Wikipedia title.'
    )
    op.create_table('registry_syncs',
    sa.Column('fingerprint', sa.Text(), nullable=False, comment="SHA-256 of the registry's entities and aliases"),
    sa.Column('entities', sa.Integer(), nullable=False),
    sa.Column('aliases', sa.Integer(), nullable=False),
    sa.Column('synced_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('fingerprint', name=op.f('pk_registry_syncs')),
    comment="Which version of the knowledge files' registry has been written to entities and aliases."
    )
    op.create_table('event_types',
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('cameo', sa.Text(), nullable=False),
    sa.Column('plover', sa.Text(), nullable=True, comment='PLOVER event type; null where PLOVER has none'),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_event_types')),
    comment='Our event types and the CAMEO and PLOVER codes they map to.'
    )
    op.create_table('load_runs',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.Text(), server_default='running', nullable=False),
    sa.Column('backend', sa.Text(), server_default='rules', nullable=False),
    sa.Column('extractor_version', sa.Text(), nullable=False),
    sa.Column('paths', postgresql.JSONB(astext_type=sa.Text()), server_default='[]', nullable=False),
    sa.Column('counts', postgresql.JSONB(astext_type=sa.Text()), server_default='{}', nullable=False),
    sa.CheckConstraint("status IN ('running', 'succeeded', 'failed', 'partial')", name=op.f('ck_load_runs_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_load_runs')),
    comment='One invocation of `loader load`: what it was asked, which backend ran, how it ended.'
    )
    op.create_table('articles',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('source_path', sa.Text(), nullable=False, comment='Path the file was loaded from'),
    sa.Column('file_name', sa.Text(), nullable=False),
    sa.Column('content_sha256', sa.Text(), nullable=False, comment="SHA-256 of the file's bytes; identifies the article"),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False, comment='Decoded full text; all offsets point into it'),
    sa.Column('language', sa.Text(), server_default='ar', nullable=False),
    sa.Column('encoding', sa.Text(), server_default='utf-8', nullable=False),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('published_precision', sa.Text(), nullable=True),
    sa.Column('published_origin', sa.Text(), server_default='unknown', nullable=False),
    sa.Column('published_text', sa.Text(), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('extractor_version', sa.Text(), nullable=False),
    sa.Column('load_run_id', sa.BigInteger(), nullable=True),
    sa.Column('loaded_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('tsv', postgresql.TSVECTOR(), sa.Computed("to_tsvector('arabic'::regconfig, coalesce(title, '') || ' ' || text)", persisted=True), nullable=False, comment="Full-text search vector (PostgreSQL's arabic configuration)"),
    sa.CheckConstraint("published_origin IN ('text', 'manifest', 'unknown')", name=op.f('ck_articles_published_origin')),
    sa.CheckConstraint("published_precision IN ('year', 'month', 'day')", name=op.f('ck_articles_published_precision')),
    sa.CheckConstraint('length(content_sha256) = 64', name=op.f('ck_articles_sha256_length')),
    sa.ForeignKeyConstraint(['load_run_id'], ['load_runs.id'], name=op.f('fk_articles_load_run_id_load_runs'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_articles')),
    sa.UniqueConstraint('content_sha256', name=op.f('uq_articles_content_sha256')),
    comment='One news article as loaded: its text, where it came from and when it was published.'
    )
    op.create_index(op.f('ix_articles_file_name'), 'articles', ['file_name'], unique=False)
    op.create_index(op.f('ix_articles_load_run_id'), 'articles', ['load_run_id'], unique=False)
    op.create_index(op.f('ix_articles_published_on'), 'articles', ['published_on'], unique=False)
    op.create_index('ix_articles_tsv', 'articles', ['tsv'], unique=False, postgresql_using='gin')
    op.create_table('entity_aliases',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('entity_id', sa.BigInteger(), nullable=False),
    sa.Column('alias', sa.Text(), nullable=False),
    sa.Column('normalised', sa.Text(), nullable=False),
    sa.Column('language', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.CheckConstraint("kind IN ('name', 'short', 'role', 'metonym', 'body', 'adj')", name=op.f('ck_entity_aliases_kind')),
    sa.CheckConstraint('valid_to IS NULL OR valid_from IS NULL OR valid_from < valid_to', name=op.f('ck_entity_aliases_validity')),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], name=op.f('fk_entity_aliases_entity_id_entities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entity_aliases')),
    sa.UniqueConstraint('entity_id', 'normalised', 'language', 'kind', 'valid_from', name=op.f('uq_entity_aliases_entity_id_normalised_language_kind_valid_from')),
    comment='A way an entity is named: a name, a surname back-reference, a role held in a period, a metonym.'
    )
    op.create_index(op.f('ix_entity_aliases_entity_id'), 'entity_aliases', ['entity_id'], unique=False)
    op.create_index('ix_entity_aliases_normalised', 'entity_aliases', ['normalised'], unique=False)
    op.create_table('load_errors',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('run_id', sa.BigInteger(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['load_runs.id'], name=op.f('fk_load_errors_run_id_load_runs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_load_errors')),
    comment='A file that could not be loaded: which, why, in which run.'
    )
    op.create_index(op.f('ix_load_errors_run_id'), 'load_errors', ['run_id'], unique=False)
    op.create_table('segments',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('article_id', sa.BigInteger(), nullable=False),
    sa.Column('ord', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('language', sa.Text(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.CheckConstraint("kind IN ('title', 'dateline', 'body', 'quote', 'related', 'boilerplate')", name=op.f('ck_segments_kind')),
    sa.CheckConstraint('start_char >= 0 AND end_char >= start_char', name=op.f('ck_segments_offsets')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_segments_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_segments')),
    sa.UniqueConstraint('article_id', 'ord', name=op.f('uq_segments_article_id_ord')),
    comment='A contiguous piece of an article: title, dateline, body sentence, quote, related block.'
    )
    op.create_table('events',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('article_id', sa.BigInteger(), nullable=False),
    sa.Column('segment_id', sa.BigInteger(), nullable=False),
    sa.Column('type', sa.Text(), nullable=False),
    sa.Column('date_start', sa.Date(), nullable=True),
    sa.Column('date_end', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.Text(), nullable=True),
    sa.Column('date_text', sa.Text(), nullable=True),
    sa.Column('modality', sa.Text(), server_default='asserted', nullable=False),
    sa.Column('negated', sa.Boolean(), server_default='false', nullable=False),
    sa.Column('trigger', sa.Text(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('evidence_start', sa.Integer(), nullable=False),
    sa.Column('evidence_end', sa.Integer(), nullable=False),
    sa.Column('method', sa.Text(), server_default='rules', nullable=False),
    sa.Column('extractor_version', sa.Text(), nullable=False),
    sa.CheckConstraint("date_precision IN ('year', 'month', 'day')", name=op.f('ck_events_date_precision')),
    sa.CheckConstraint("method IN ('rules', 'stanza', 'both')", name=op.f('ck_events_method')),
    sa.CheckConstraint("modality IN ('asserted', 'negated', 'planned')", name=op.f('ck_events_modality')),
    sa.CheckConstraint("negated = (modality = 'negated')", name=op.f('ck_events_negated_modality')),
    sa.CheckConstraint('(date_start IS NULL) = (date_precision IS NULL)', name=op.f('ck_events_date_has_precision')),
    sa.CheckConstraint('confidence BETWEEN 0 AND 1', name=op.f('ck_events_confidence')),
    sa.CheckConstraint('date_end IS NULL OR date_end >= date_start', name=op.f('ck_events_date_order')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_events_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['segment_id'], ['segments.id'], name=op.f('fk_events_segment_id_segments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['type'], ['event_types.code'], name=op.f('fk_events_type_event_types')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    comment='Something that happened (or was denied or planned) between actors, with the sentence it came from.'
    )
    op.create_index(op.f('ix_events_article_id'), 'events', ['article_id'], unique=False)
    op.create_index('ix_events_date_start', 'events', ['date_start'], unique=False)
    op.create_index('ix_events_type_date', 'events', ['type', 'date_start'], unique=False)
    op.create_table('mentions',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('article_id', sa.BigInteger(), nullable=False),
    sa.Column('segment_id', sa.BigInteger(), nullable=False),
    sa.Column('entity_id', sa.BigInteger(), nullable=True),
    sa.Column('surface', sa.Text(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False, comment='Entity kind, or person for an unlinked person'),
    sa.Column('alias_kind', sa.Text(), nullable=False, comment='name, short, role, metonym, cue or ner'),
    sa.Column('method', sa.Text(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.CheckConstraint("method IN ('rules', 'stanza', 'both')", name=op.f('ck_mentions_method')),
    sa.CheckConstraint('confidence BETWEEN 0 AND 1', name=op.f('ck_mentions_confidence')),
    sa.CheckConstraint('start_char >= 0 AND end_char > start_char', name=op.f('ck_mentions_offsets')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_mentions_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], name=op.f('fk_mentions_entity_id_entities'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['segment_id'], ['segments.id'], name=op.f('fk_mentions_segment_id_segments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentions')),
    comment="A stretch of an article's text that names an entity (or a person not yet in the registry)."
    )
    op.create_index(op.f('ix_mentions_article_id'), 'mentions', ['article_id'], unique=False)
    op.create_index('ix_mentions_entity_article', 'mentions', ['entity_id', 'article_id'], unique=False)
    op.create_index(op.f('ix_mentions_segment_id'), 'mentions', ['segment_id'], unique=False)
    op.create_table('event_evidence',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('event_id', sa.BigInteger(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.CheckConstraint('end_char > start_char', name=op.f('ck_event_evidence_offsets')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_evidence_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_evidence')),
    comment='Every sentence that reports an event (one happening told twice is one event, two evidence rows).'
    )
    op.create_index(op.f('ix_event_evidence_event_id'), 'event_evidence', ['event_id'], unique=False)
    op.create_table('event_participants',
    sa.Column('id', sa.BigInteger(), nullable=False),
    sa.Column('event_id', sa.BigInteger(), nullable=False),
    sa.Column('entity_id', sa.BigInteger(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('mention_id', sa.BigInteger(), nullable=True),
    sa.CheckConstraint("role IN ('source', 'target', 'other')", name=op.f('ck_event_participants_role')),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], name=op.f('fk_event_participants_entity_id_entities'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_participants_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mention_id'], ['mentions.id'], name=op.f('fk_event_participants_mention_id_mentions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_participants')),
    sa.UniqueConstraint('event_id', 'entity_id', name=op.f('uq_event_participants_event_id_entity_id')),
    comment='Who took part in an event, and as source, target or other.'
    )
    op.create_index('ix_event_participants_entity', 'event_participants', ['entity_id', 'event_id'], unique=False)


    op.bulk_insert(
        sa.table("event_types", sa.column("code"), sa.column("label"), sa.column("cameo"), sa.column("plover")),
        [{"code": c, "label": l, "cameo": cameo, "plover": plover} for c, l, cameo, plover in EVENT_TYPES],
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_event_participants_entity', table_name='event_participants')
    op.drop_table('event_participants')
    op.drop_index(op.f('ix_event_evidence_event_id'), table_name='event_evidence')
    op.drop_table('event_evidence')
    op.drop_index(op.f('ix_mentions_segment_id'), table_name='mentions')
    op.drop_index('ix_mentions_entity_article', table_name='mentions')
    op.drop_index(op.f('ix_mentions_article_id'), table_name='mentions')
    op.drop_table('mentions')
    op.drop_index('ix_events_type_date', table_name='events')
    op.drop_index('ix_events_date_start', table_name='events')
    op.drop_index(op.f('ix_events_article_id'), table_name='events')
    op.drop_table('events')
    op.drop_table('segments')
    op.drop_index(op.f('ix_load_errors_run_id'), table_name='load_errors')
    op.drop_table('load_errors')
    op.drop_index('ix_entity_aliases_normalised', table_name='entity_aliases')
    op.drop_index(op.f('ix_entity_aliases_entity_id'), table_name='entity_aliases')
    op.drop_table('entity_aliases')
    op.drop_index('ix_articles_tsv', table_name='articles', postgresql_using='gin')
    op.drop_index(op.f('ix_articles_published_on'), table_name='articles')
    op.drop_index(op.f('ix_articles_load_run_id'), table_name='articles')
    op.drop_index(op.f('ix_articles_file_name'), table_name='articles')
    op.drop_table('articles')
    op.drop_table('load_runs')
    op.drop_table('event_types')
    op.drop_table('entities')
    op.drop_table('registry_syncs')
