"""Analyst views: events, timelines, dyads, mentions, co-occurrence and unresolved names, all commented.

Adds the layer analysts query (psql, DBeaver, Metabase, `loader query`): one flat row per
thing they ask about, with names instead of ids and the evidence sentence at hand. Every
view and every column carries a comment so a database browser explains itself; the
upgrade fails when a column has none. Events come from the article proper only: segments
of kind related/boilerplate ("read also" blocks, page furniture) are filtered out, and the
mention views keep a `section` column (main/related) instead.

Revision ID: 0002
Revises: 0001
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: Union[str, Sequence[str], None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

SECTION = "CASE WHEN s.kind IN ('related', 'boilerplate') THEN 'related' ELSE 'main' END"
DATE_LABEL = ("CASE e.date_precision WHEN 'year' THEN to_char(e.date_start, 'YYYY') "
              "WHEN 'month' THEN to_char(e.date_start, 'YYYY-MM') ELSE to_char(e.date_start, 'YYYY-MM-DD') END")

V_EVENTS = f"""
SELECT e.id AS event_id, e.type, t.label AS type_label, t.cameo, t.plover,
       e.date_start, e.date_end, e.date_precision, {DATE_LABEL} AS date_label, e.date_text,
       e.modality, e.negated, e.confidence,
       p.source_names, p.target_names, p.participant_names,
       a.id AS article_id, a.title AS article_title, a.file_name, a.outlet, a.url, a.published_on,
       e.evidence, e.trigger, e.method
FROM events e
JOIN event_types t ON t.code = e.type
JOIN segments s ON s.id = e.segment_id
JOIN articles a ON a.id = e.article_id
LEFT JOIN LATERAL (
    SELECT string_agg(n.name, '; ' ORDER BY n.name) FILTER (WHERE ep.role = 'source') AS source_names,
           string_agg(n.name, '; ' ORDER BY n.name) FILTER (WHERE ep.role = 'target') AS target_names,
           string_agg(n.name, '; ' ORDER BY n.name) AS participant_names
    FROM event_participants ep JOIN entities n ON n.id = ep.entity_id
    WHERE ep.event_id = e.id
) p ON true
WHERE s.kind NOT IN ('related', 'boilerplate')
"""

V_TIMELINE = f"""
SELECT e.id AS event_id, n.id AS entity_id, n.name AS participant, n.kind AS participant_kind,
       c.name AS participant_country, ep.role,
       (SELECT string_agg(o.name, '; ' ORDER BY o.name)
          FROM event_participants op JOIN entities o ON o.id = op.entity_id
         WHERE op.event_id = e.id AND op.entity_id <> ep.entity_id) AS other_participants,
       e.type, t.label AS type_label, e.date_start, e.date_end, e.date_precision, {DATE_LABEL} AS date_label,
       e.date_text, coalesce(e.date_start, a.published_on) AS sort_date, e.modality, e.negated, e.evidence,
       a.id AS article_id, a.title AS article_title, a.file_name, a.outlet, a.published_on
FROM event_participants ep
JOIN events e ON e.id = ep.event_id
JOIN entities n ON n.id = ep.entity_id
LEFT JOIN entities c ON c.id = n.country_id
JOIN event_types t ON t.code = e.type
JOIN segments s ON s.id = e.segment_id
JOIN articles a ON a.id = e.article_id
WHERE s.kind NOT IN ('related', 'boilerplate')
"""

V_DYADS = f"""
SELECT e.id AS event_id, na.name AS actor_a, nb.name AS actor_b, na.kind AS kind_a, nb.kind AS kind_b,
       pa.role AS role_a, pb.role AS role_b,
       e.type, t.label AS type_label, e.date_start, e.date_end, e.date_precision, {DATE_LABEL} AS date_label,
       coalesce(e.date_start, a.published_on) AS sort_date, e.modality, e.negated, e.evidence,
       a.id AS article_id, a.title AS article_title, a.file_name, a.outlet, a.published_on
FROM events e
JOIN event_participants pa ON pa.event_id = e.id
JOIN event_participants pb ON pb.event_id = e.id AND pb.entity_id <> pa.entity_id
JOIN entities na ON na.id = pa.entity_id
JOIN entities nb ON nb.id = pb.entity_id
JOIN event_types t ON t.code = e.type
JOIN segments s ON s.id = e.segment_id
JOIN articles a ON a.id = e.article_id
WHERE s.kind NOT IN ('related', 'boilerplate')
"""

V_ENTITY_MENTIONS = f"""
SELECT m.id AS mention_id, n.id AS entity_id, n.name AS entity, n.kind AS entity_kind,
       m.surface, m.alias_kind, m.method, m.confidence, s.kind AS segment_kind, {SECTION} AS section,
       s.text AS context, a.id AS article_id, a.title AS article_title, a.file_name, a.published_on, a.outlet
FROM mentions m
JOIN entities n ON n.id = m.entity_id
JOIN segments s ON s.id = m.segment_id
JOIN articles a ON a.id = m.article_id
"""

V_MENTIONS_DAILY = """
SELECT entity_id, entity, entity_kind, published_on AS day, date_trunc('month', published_on)::date AS month,
       outlet, section, count(*) AS mention_count, count(DISTINCT article_id) AS article_count
FROM v_entity_mentions
GROUP BY entity_id, entity, entity_kind, published_on, outlet, section
"""

V_COOCCURRENCE = f"""
WITH m AS (
    SELECT DISTINCT mn.entity_id, mn.article_id, mn.segment_id, {SECTION} AS section
    FROM mentions mn JOIN segments s ON s.id = mn.segment_id
    WHERE mn.entity_id IS NOT NULL
), per_article AS (
    SELECT DISTINCT entity_id, article_id, section FROM m
), articles_together AS (
    SELECT x.entity_id AS a_id, y.entity_id AS b_id, x.section, count(*) AS article_count,
           min(ar.published_on) AS first_published, max(ar.published_on) AS last_published
    FROM per_article x
    JOIN per_article y ON y.article_id = x.article_id AND y.section = x.section AND y.entity_id <> x.entity_id
    JOIN articles ar ON ar.id = x.article_id
    GROUP BY x.entity_id, y.entity_id, x.section
), sentences_together AS (
    SELECT x.entity_id AS a_id, y.entity_id AS b_id, x.section, count(*) AS sentence_count
    FROM m x JOIN m y ON y.segment_id = x.segment_id AND y.entity_id <> x.entity_id
    GROUP BY x.entity_id, y.entity_id, x.section
)
SELECT ea.id AS entity_a_id, ea.name AS entity_a, ea.kind AS kind_a,
       eb.id AS entity_b_id, eb.name AS entity_b, eb.kind AS kind_b, t.section,
       coalesce(st.sentence_count, 0) AS sentence_count, t.article_count, t.first_published, t.last_published
FROM articles_together t
JOIN entities ea ON ea.id = t.a_id
JOIN entities eb ON eb.id = t.b_id
LEFT JOIN sentences_together st ON st.a_id = t.a_id AND st.b_id = t.b_id AND st.section = t.section
WHERE ea.name < eb.name
"""

V_UNRESOLVED_MENTIONS = f"""
SELECT m.id AS mention_id, m.surface, m.kind AS mention_kind, m.alias_kind, m.method, m.confidence,
       s.text AS context, {SECTION} AS section,
       a.id AS article_id, a.title AS article_title, a.file_name, a.published_on, a.outlet
FROM mentions m
JOIN segments s ON s.id = m.segment_id
JOIN articles a ON a.id = m.article_id
WHERE m.entity_id IS NULL
"""

# Column comments shared by every view that has the column; a view's own entries override them.
COMMON = {
    "event_id": "Event id (events.id)",
    "type": "Event type code: visit, meeting, agreement, cooperation, invitation, accusation, statement",
    "type_label": "Event type in words",
    "cameo": "CAMEO code of the event type",
    "plover": "PLOVER event type; null where PLOVER has none",
    "date_start": "First day the event may have happened; null when the text gives no date",
    "date_end": "Last day the event may have happened (end of the month or year for coarse dates)",
    "date_precision": "How precise the date is: day, month or year; null when undated",
    "date_label": "The date cut to its precision: 2023, 2023-09 or 2023-09-13",
    "date_text": "The words in the article the date was read from",
    "sort_date": "Date to order by: the event date, else the article's publication date",
    "modality": "asserted (it happened), negated (denied) or planned (announced for the future)",
    "negated": "True when the article says the event did not happen",
    "confidence": "Extractor confidence between 0 and 1",
    "evidence": "The sentence the event was read from",
    "trigger": "The word or phrase that signalled the event",
    "method": "Which extractor found it: rules, stanza or both",
    "article_id": "Article id (articles.id)",
    "article_title": "Title of the article",
    "file_name": "File name the article was loaded from",
    "outlet": "News outlet that published the article, when known",
    "url": "Address of the article, when known",
    "published_on": "Publication date of the article, when known",
    "entity_id": "Entity id (entities.id)",
    "entity": "Canonical English name of the entity",
    "entity_kind": "Entity kind: person, state, organisation or place",
    "mention_id": "Mention id (mentions.id)",
    "surface": "The words as written in the article",
    "alias_kind": "How the words name the entity: name, short, role, metonym, cue or ner",
    "section": "main (the article proper) or related (read-also blocks and page furniture)",
    "context": "The sentence (segment) the mention is in",
}

VIEWS: list[tuple[str, str, str, dict[str, str]]] = [
    ("v_events", V_EVENTS,
     "One row per event from the article proper, with its type codes, date, participants by role, "
     "evidence and article.",
     {"source_names": "Participants acting as source, '; '-separated",
      "target_names": "Participants acted upon (target), '; '-separated",
      "participant_names": "All participants (source, target and other), '; '-separated"}),
    ("v_timeline", V_TIMELINE,
     "One row per event and participant: an actor's history. Order by sort_date.",
     {"entity_id": "Entity id of this participant",
      "participant": "Canonical name of this participant",
      "participant_kind": "Kind of this participant: person, state, organisation or place",
      "participant_country": "Country this participant belongs to (for persons and places), when known",
      "role": "This participant's role in the event: source, target or other",
      "other_participants": "The event's other participants, '; '-separated; null when there are none"}),
    ("v_dyads", V_DYADS,
     "One row per event and ordered pair of distinct participants (both directions): who did what with whom.",
     {"actor_a": "First participant of the pair", "actor_b": "Second participant of the pair",
      "kind_a": "Kind of actor_a", "kind_b": "Kind of actor_b",
      "role_a": "Role of actor_a in the event: source, target or other",
      "role_b": "Role of actor_b in the event: source, target or other"}),
    ("v_entity_mentions", V_ENTITY_MENTIONS,
     "One row per mention of a known entity, with its sentence, section and article.",
     {"method": "Which extractor found the mention: rules, stanza or both",
      "confidence": "Extractor confidence of the mention between 0 and 1",
      "segment_kind": "Kind of the segment: title, dateline, body, quote, related or boilerplate"}),
    ("v_mentions_daily", V_MENTIONS_DAILY,
     "Mentions of each entity per publication day, outlet and section: the series for trend charts.",
     {"day": "Publication day of the articles; null for undated articles",
      "month": "First day of the publication month",
      "mention_count": "Number of mentions of the entity that day",
      "article_count": "Number of articles mentioning the entity that day"}),
    ("v_cooccurrence", V_COOCCURRENCE,
     "Pairs of entities (entity_a < entity_b by name) named in the same article section, "
     "with how many sentences and articles name both.",
     {"entity_a_id": "Entity id of entity_a", "entity_a": "Name of the first entity (alphabetically)",
      "kind_a": "Kind of entity_a", "entity_b_id": "Entity id of entity_b",
      "entity_b": "Name of the second entity (alphabetically)", "kind_b": "Kind of entity_b",
      "section": "Section both were named in: main or related",
      "sentence_count": "Number of sentences (segments) naming both",
      "article_count": "Number of articles naming both in this section",
      "first_published": "Earliest publication date of those articles",
      "last_published": "Latest publication date of those articles"}),
    ("v_unresolved_mentions", V_UNRESOLVED_MENTIONS,
     "Mentions not linked to any entity (mostly people not in the registry): candidates to add to it.",
     {"mention_kind": "Kind the extractor guessed (person for an unlinked person)",
      "method": "Which extractor found the mention: rules, stanza or both",
      "confidence": "Extractor confidence of the mention between 0 and 1"}),
]


def upgrade() -> None:
    bind = op.get_bind()
    literal = sa.String().literal_processor(bind.dialect)
    quote = bind.dialect.identifier_preparer.quote
    columns = sa.text("SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(:view) "
                      "AND attnum > 0 AND NOT attisdropped ORDER BY attnum")
    for name, body, comment, own in VIEWS:
        op.execute(f"CREATE VIEW {name} AS {body}")
        op.execute(f"COMMENT ON VIEW {name} IS {literal(comment)}")
        for (column,) in bind.execute(columns, {"view": name}):
            text = own.get(column) or COMMON.get(column)
            if not text:
                raise RuntimeError(f"view {name}: column {column} has no comment in this migration")
            op.execute(f"COMMENT ON COLUMN {name}.{quote(column)} IS {literal(text)}")


def downgrade() -> None:
    for name, *_ in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {name}")
