-- title: Actor timeline
-- description: Everything an actor did or had done to them, in date order: each event with its
--   type, the other parties, the date at its precision, whether it happened, was denied or
--   planned, the sentence it was read from and the article. Undated events come last.
-- params: actor (default 'Vladimir Putin')
\if :{?actor}
\else
  \set actor 'Vladimir Putin'
\endif
SELECT date_label AS date, type, role, other_participants, modality, evidence, file_name, published_on
FROM v_timeline
WHERE participant = :'actor'
ORDER BY sort_date NULLS LAST, event_id;
