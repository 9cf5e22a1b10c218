-- title: Actor timeline
-- description: Everything an actor did or had done to them, in date order: each real happening once
--   (fused across articles, with how many articles tell it and how its date was chosen), its type,
--   the other parties, the date at its precision, whether it happened, was denied or planned, and
--   the sentence of its most precise telling. With tellings 'yes', every extracted event instead
--   (one row per sentence and article, with its file). Undated ones come last.
-- params: actor (default 'Vladimir Putin'), tellings (default 'no')
\if :{?actor}
\else
  \set actor 'Vladimir Putin'
\endif
\if :{?tellings}
\else
  \set tellings 'no'
\endif
SELECT date, type, role, other_participants, modality, articles, date_origin, evidence, file_name, published_on
FROM (
    SELECT date_label AS date, type, role, other_participants, modality, articles, date_origin, evidence,
           NULL AS file_name, first_reported AS published_on, sort_date, canonical_id AS id
    FROM v_canonical_timeline
    WHERE participant = :'actor' AND :'tellings' <> 'yes'
    UNION ALL
    SELECT date_label, type, role, other_participants, modality, 1, CASE WHEN date_start IS NOT NULL THEN 'text' END,
           evidence, file_name, published_on, sort_date, event_id
    FROM v_timeline
    WHERE participant = :'actor' AND :'tellings' = 'yes'
) t
ORDER BY sort_date NULLS LAST, id;
