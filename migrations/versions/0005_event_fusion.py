"""Cross-article event fusion: one canonical event per real happening, linked from every telling.

Adds `canonical_events` (type, modality, the date its tellings agree on with how it was
chosen and a conflict flag, counts of tellings, articles and outlets, first and last report)
and `canonical_event_participants` (the union of participants, each with the role given most
often). Each extracted event (a telling) gains `canonical_id` and the keys fusion matches on:
its block (type, modality and the states of its participants, directed for visits), the date
range it may lie in (`match_lo`/`match_hi`: its own date, else a window before its article's
publication) and a weekday its sentence names when no calendar date could be read. Indexes on
block and range make joining an article a few index lookups, never a scan of all canonical
events.

Views: `v_canonical_events` (one row per happening, with the denial that contests it and the
happening a plan led to), `v_canonical_timeline` (one row per happening and participant), and
`v_events` gains the canonical event and the date shown for each telling with its origin
(text, fused or article). The v_events body is 0002's, with the new columns appended.

Revision ID: 0005
Revises: 0004
"""
import importlib.util
from pathlib import Path
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: Union[str, Sequence[str], None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _views_0002():
    spec = importlib.util.spec_from_file_location("views_0002", Path(__file__).with_name("0002_analyst_views.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


V2 = _views_0002()
DATE_LABEL = V2.DATE_LABEL


def _label(alias: str, start: str = "date_start", precision: str = "date_precision") -> str:
    return DATE_LABEL.replace("e.date_start", f"{alias}.{start}").replace("e.date_precision", f"{alias}.{precision}")


# v_events as in 0002, plus the canonical event and the date shown for every telling.
V_EVENTS = V2.V_EVENTS.replace(
    "e.evidence, e.trigger, e.method\n",
    "e.evidence, e.trigger, e.method,\n"
    f"       e.canonical_id, c.date_start AS canonical_date_start, c.date_end AS canonical_date_end,\n"
    f"       c.date_precision AS canonical_date_precision, {_label('c')} AS canonical_date_label,\n"
    "       CASE WHEN e.date_start IS NOT NULL THEN 'text' WHEN c.date_start IS NOT NULL AND c.date_origin <> 'article'\n"
    "            THEN 'fused' WHEN a.published_on IS NOT NULL THEN 'article' END AS date_origin,\n"
    "       CASE WHEN e.date_start IS NOT NULL THEN " + DATE_LABEL + "\n"
    "            WHEN c.date_start IS NOT NULL AND c.date_origin <> 'article' THEN " + _label("c") + "\n"
    "            ELSE " + _label("a", "published_on", "published_precision") + " END AS shown_date_label\n",
).replace("JOIN articles a ON a.id = e.article_id\n",
          "JOIN articles a ON a.id = e.article_id\nLEFT JOIN canonical_events c ON c.id = e.canonical_id\n", 1)
assert "canonical_events c" in V_EVENTS and "shown_date_label" in V_EVENTS

PARTICIPANTS = """LEFT JOIN LATERAL (
    SELECT string_agg(n.name, '; ' ORDER BY n.name) FILTER (WHERE cp.role = 'source') AS source_names,
           string_agg(n.name, '; ' ORDER BY n.name) FILTER (WHERE cp.role = 'target') AS target_names,
           string_agg(n.name, '; ' ORDER BY n.name) AS participant_names
    FROM canonical_event_participants cp JOIN entities n ON n.id = cp.entity_id
    WHERE cp.canonical_id = c.id
) p ON true"""

# A denial contests, and a plan leads to, the asserted happening of the same type between the
# same states whose dates fit (the best-reported one first); both are found through the block index.
LINKS = """LEFT JOIN LATERAL (
    SELECT h.id FROM canonical_events h
    WHERE c.modality = 'negated' AND h.fusion_block = replace(c.fusion_block, '|negated|', '|asserted|')
      AND (c.date_start IS NULL OR h.date_start IS NULL OR c.date_origin = 'article' OR h.date_origin = 'article'
           OR (h.date_start <= coalesce(c.date_last, c.date_start) AND coalesce(h.date_last, h.date_start) >= c.date_start))
    ORDER BY h.articles DESC, h.date_start DESC NULLS LAST, h.id LIMIT 1
) dn ON true
LEFT JOIN LATERAL (
    SELECT h.id FROM canonical_events h
    WHERE c.modality = 'planned' AND h.fusion_block = replace(c.fusion_block, '|planned|', '|asserted|')
      AND h.date_start IS NOT NULL AND h.date_origin <> 'article'
      AND coalesce(h.date_last, h.date_start) >= coalesce(c.first_reported, h.date_start)
      AND (c.date_start IS NULL OR c.date_origin = 'article'
           OR (h.date_start <= coalesce(c.date_last, c.date_start) AND coalesce(h.date_last, h.date_start) >= c.date_start))
    ORDER BY h.date_start, h.id LIMIT 1
) fl ON true"""

V_CANONICAL_EVENTS = f"""
SELECT c.id AS canonical_id, c.type, t.label AS type_label, t.cameo, t.plover, c.modality,
       c.date_start, c.date_end, c.date_precision, {_label('c')} AS date_label, c.date_origin, c.date_conflict,
       c.dates_reported, c.tellings, c.articles, c.outlets, c.first_reported, c.last_reported,
       p.source_names, p.target_names, p.participant_names,
       dn.id AS denies_id,
       (SELECT count(*) FROM canonical_events d
         WHERE c.modality = 'asserted' AND d.fusion_block = replace(c.fusion_block, '|asserted|', '|negated|')
           AND (d.date_start IS NULL OR c.date_start IS NULL OR d.date_origin = 'article' OR c.date_origin = 'article'
                OR (d.date_start <= coalesce(c.date_last, c.date_start)
                    AND coalesce(d.date_last, d.date_start) >= c.date_start))) AS denials,
       fl.id AS happened_id,
       c.evidence
FROM canonical_events c
JOIN event_types t ON t.code = c.type
{PARTICIPANTS}
{LINKS}
"""

V_CANONICAL_TIMELINE = f"""
SELECT c.id AS canonical_id, n.id AS entity_id, n.name AS participant, n.kind AS participant_kind,
       cn.name AS participant_country, cp.role,
       (SELECT string_agg(o.name, '; ' ORDER BY o.name)
          FROM canonical_event_participants op JOIN entities o ON o.id = op.entity_id
         WHERE op.canonical_id = c.id AND op.entity_id <> cp.entity_id) AS other_participants,
       c.type, t.label AS type_label, c.modality, c.date_start, c.date_end, c.date_precision,
       {_label('c')} AS date_label, c.date_origin, c.date_conflict,
       coalesce(c.date_start, c.first_reported) AS sort_date,
       c.tellings, c.articles, c.outlets, c.first_reported, c.last_reported, c.evidence
FROM canonical_event_participants cp
JOIN canonical_events c ON c.id = cp.canonical_id
JOIN entities n ON n.id = cp.entity_id
LEFT JOIN entities cn ON cn.id = n.country_id
JOIN event_types t ON t.code = c.type
"""

COMMON = dict(V2.COMMON)
COMMON.update({
    "canonical_id": "Canonical event id (canonical_events.id): the same for every telling of one happening",
    "date_start": "First day the happening may have been on, as its tellings agree; null when none gives a date",
    "date_end": "Last day of a stated range; null for a single day, a month or a year",
    "date_origin": "How the date was chosen: text (one telling's own date), fused (several tellings' dates "
                   "combined, narrower than any one), article (no telling dates it: the earliest publication)",
    "date_conflict": "True when tellings give dates that cannot all be right (kept in dates_reported, not resolved)",
    "dates_reported": "Every date its tellings give, with how many tellings and articles give it",
    "tellings": "Number of extracted events (tellings) linked to this happening",
    "articles": "Number of distinct articles that tell it",
    "outlets": "Number of distinct outlets (of the articles with a known outlet) that tell it",
    "first_reported": "Earliest publication date of the articles telling it; null when none is dated",
    "last_reported": "Latest publication date of the articles telling it",
    "modality": "asserted (it happened), negated (a denial: linked, never made true) or planned (announced)",
    "evidence": "The sentence of its most precisely dated telling",
    "sort_date": "Date to order by: the happening's date, else its first report",
})

VIEWS = [
    ("v_canonical_events", V_CANONICAL_EVENTS,
     "One row per real happening, fused across articles: its type, modality, the date its tellings agree on "
     "(with origin and conflict flag), counts of tellings, articles and outlets, participants by their most "
     "frequent role, and links from a denial or a plan to the happening it concerns.",
     {"source_names": "Participants most often given as source, '; '-separated",
      "target_names": "Participants most often given as target, '; '-separated",
      "participant_names": "All participants of all tellings, '; '-separated",
      "denies_id": "For a denial: the asserted happening it contests (which stays asserted); else null",
      "denials": "For an asserted happening: how many denials of this type between these states fit its date",
      "happened_id": "For a plan: the asserted happening it led to, when one took place later; else null"}),
    ("v_canonical_timeline", V_CANONICAL_TIMELINE,
     "One row per happening and participant: an actor's history with each happening once, however many "
     "articles tell it. Order by sort_date; articles says how widely it was reported.",
     {"entity_id": "Entity id of this participant",
      "participant": "Canonical name of this participant",
      "participant_kind": "Kind of this participant: person, state, organisation or place",
      "participant_country": "Country this participant belongs to (for persons and places), when known",
      "role": "This participant's most frequent role in the tellings: source, target or other",
      "other_participants": "The happening's other participants, '; '-separated; null when there are none"}),
]

EVENTS_OWN = {
    "canonical_id": "The canonical event (real happening) this telling was fused into; null for related blocks",
    "canonical_date_start": "The canonical event's date_start",
    "canonical_date_end": "The canonical event's date_end",
    "canonical_date_precision": "The canonical event's date precision",
    "canonical_date_label": "The canonical event's date cut to its precision",
    "date_origin": "Origin of shown_date_label: text (the telling's own date), fused (the date its canonical "
                   "event's tellings agree on), article (the article's publication date); null when none",
    "shown_date_label": "The telling's own date, else its canonical event's, else its article's publication date",
    "source_names": "Participants acting as source, '; '-separated",
    "target_names": "Participants acted upon (target), '; '-separated",
    "participant_names": "All participants (source, target and other), '; '-separated",
}


def _comment_views(views) -> None:
    bind = op.get_bind()
    literal = sa.String().literal_processor(bind.dialect)
    quote = bind.dialect.identifier_preparer.quote
    columns = sa.text("SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(:view) "
                      "AND attnum > 0 AND NOT attisdropped ORDER BY attnum")
    for name, body, comment, own, common in views:
        op.execute(f"CREATE VIEW {name} AS {body}")
        op.execute(f"COMMENT ON VIEW {name} IS {literal(comment)}")
        for (column,) in bind.execute(columns, {"view": name}):
            text = own.get(column) or common.get(column)
            if not text:
                raise RuntimeError(f"view {name}: column {column} has no comment in this migration")
            op.execute(f"COMMENT ON COLUMN {name}.{quote(column)} IS {literal(text)}")


def _v_events_0002():
    name, body, comment, own = next(v for v in V2.VIEWS if v[0] == "v_events")
    return name, body, comment, own, V2.COMMON


def upgrade() -> None:
    op.create_table(
        "canonical_events",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("modality", sa.Text(), nullable=False),
        sa.Column("fusion_block", sa.Text(), nullable=False,
                  comment="type|modality|states of the participants (source>target for visits): what may fuse"),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("date_last", sa.Date(), nullable=True,
                  comment="Last day the happening may have been on (date_end, or the end of the month or year)"),
        sa.Column("date_precision", sa.Text(), nullable=True),
        sa.Column("date_origin", sa.Text(), nullable=True, comment="text, fused or article: how the date was chosen"),
        sa.Column("date_conflict", sa.Boolean(), server_default="false", nullable=False,
                  comment="Tellings give dates that cannot all be right"),
        sa.Column("dates_reported", postgresql.JSONB(astext_type=sa.Text()), server_default="[]", nullable=False,
                  comment="Every date the tellings give, with tellings and articles per date"),
        sa.Column("tellings", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("outlets", sa.Integer(), nullable=False),
        sa.Column("dated_articles", sa.Integer(), nullable=False,
                  comment="Articles whose tellings constrain the date (an undated telling joins the best-reported)"),
        sa.Column("first_reported", sa.Date(), nullable=True),
        sa.Column("last_reported", sa.Date(), nullable=True),
        sa.Column("fusion_key", sa.Text(), nullable=False,
                  comment="Smallest content key (sha256:offset) of its dated tellings (else of all): a load-order-free identity"),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.CheckConstraint("date_precision IN ('year', 'month', 'day')", name=op.f("ck_canonical_events_date_precision")),
        sa.CheckConstraint("date_origin IN ('text', 'fused', 'article')", name=op.f("ck_canonical_events_date_origin")),
        sa.CheckConstraint("modality IN ('asserted', 'negated', 'planned')", name=op.f("ck_canonical_events_modality")),
        sa.CheckConstraint("(date_start IS NULL) = (date_precision IS NULL)",
                           name=op.f("ck_canonical_events_date_has_precision")),
        sa.ForeignKeyConstraint(["type"], ["event_types.code"], name=op.f("fk_canonical_events_type_event_types")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_canonical_events")),
        comment="One real happening told by one or more extracted events (tellings), fused across articles.",
    )
    op.create_index("ix_canonical_events_block_date", "canonical_events", ["fusion_block", "date_start"])
    op.create_index("ix_canonical_events_type_date", "canonical_events", ["type", "date_start"])
    op.create_index("ix_canonical_events_block_rank", "canonical_events",
                    ["fusion_block", sa.text("dated_articles DESC"), sa.text("last_reported DESC NULLS LAST")])
    op.create_table(
        "canonical_event_participants",
        sa.Column("canonical_id", sa.BigInteger(), nullable=False),
        sa.Column("entity_id", sa.BigInteger(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False, comment="The role its tellings give it most often"),
        sa.Column("tellings", sa.Integer(), nullable=False, comment="Tellings naming this participant"),
        sa.Column("dated_tellings", sa.Integer(), nullable=False,
                  comment="Dated tellings naming it (what an undated telling is matched against)"),
        sa.Column("date_start", sa.Date(), nullable=True, comment="The canonical event's date_start"),
        sa.CheckConstraint("role IN ('source', 'target', 'other')", name=op.f("ck_canonical_event_participants_role")),
        sa.ForeignKeyConstraint(["canonical_id"], ["canonical_events.id"], ondelete="CASCADE",
                                name=op.f("fk_canonical_event_participants_canonical_id_canonical_events")),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"],
                                name=op.f("fk_canonical_event_participants_entity_id_entities")),
        sa.PrimaryKeyConstraint("canonical_id", "entity_id", name=op.f("pk_canonical_event_participants")),
        comment="Who took part in a canonical event: the union of its tellings' participants.",
    )
    op.create_index("ix_canonical_event_participants_entity_date", "canonical_event_participants",
                    ["entity_id", sa.text("date_start DESC"), sa.text("canonical_id DESC")])
    op.add_column("events", sa.Column("canonical_id", sa.BigInteger(), nullable=True,
                                      comment="The canonical event (real happening) this telling is fused into"))
    op.add_column("events", sa.Column("fusion_block", sa.Text(), nullable=True,
                                      comment="type|modality|states of the participants: the tellings it may fuse with"))
    op.add_column("events", sa.Column("match_lo", sa.Date(), nullable=True,
                                      comment="First day it may be on: its date, else a window before publication"))
    op.add_column("events", sa.Column("match_hi", sa.Date(), nullable=True, comment="Last day it may be on"))
    op.add_column("events", sa.Column("date_weekday", sa.SmallInteger(), nullable=True,
                                      comment="Weekday (0 = Monday) its sentence names when no date could be read"))
    op.create_foreign_key(op.f("fk_events_canonical_id_canonical_events"), "events", "canonical_events",
                          ["canonical_id"], ["id"], ondelete="SET NULL")
    op.create_index("ix_events_canonical_id", "events", ["canonical_id"])
    op.create_index("ix_events_fusion_match", "events", ["fusion_block", "match_lo", "match_hi"])
    views = [(n, b, c, o, COMMON) for n, b, c, o in VIEWS]
    _comment_views(views)
    op.execute("DROP VIEW v_events")
    name, _, comment, own, _ = _v_events_0002()
    _comment_views([(name, V_EVENTS, comment, {**own, **EVENTS_OWN}, V2.COMMON)])


def downgrade() -> None:
    for name, *_ in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {name}")
    op.execute("DROP VIEW v_events")
    _comment_views([_v_events_0002()])
    op.drop_index("ix_events_fusion_match", table_name="events")
    op.drop_index("ix_events_canonical_id", table_name="events")
    op.drop_constraint(op.f("fk_events_canonical_id_canonical_events"), "events", type_="foreignkey")
    for column in ("date_weekday", "match_hi", "match_lo", "fusion_block", "canonical_id"):
        op.drop_column("events", column)
    op.drop_table("canonical_event_participants")
    op.drop_table("canonical_events")
