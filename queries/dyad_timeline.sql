-- title: Dyad timeline
-- description: What passed between two actors, in date order: each real happening with both of them
--   once (fused across articles, with how many articles tell it), the roles each played (source,
--   target, other), its date, modality and evidence. With tellings 'yes', every extracted event
--   with both of them instead (one row per sentence and article, with its file).
-- params: actor (default 'Vladimir Putin'), other (default 'Kim Jong Un'), tellings (default 'no')
\if :{?actor}
\else
  \set actor 'Vladimir Putin'
\endif
\if :{?other}
\else
  \set other 'Kim Jong Un'
\endif
\if :{?tellings}
\else
  \set tellings 'no'
\endif
SELECT date, type, actor_role, other_role, modality, articles, evidence, file_name
FROM (
    SELECT c.date_label AS date, c.type, c.role AS actor_role, o.role AS other_role, c.modality, c.articles,
           c.evidence, NULL AS file_name, c.sort_date, c.canonical_id AS id
    FROM v_canonical_timeline c
    JOIN v_canonical_timeline o ON o.canonical_id = c.canonical_id AND o.participant = :'other'
    WHERE c.participant = :'actor' AND :'tellings' <> 'yes'
    UNION ALL
    SELECT date_label, type, role_a, role_b, modality, 1, evidence, file_name, sort_date, event_id
    FROM v_dyads
    WHERE actor_a = :'actor' AND actor_b = :'other' AND :'tellings' = 'yes'
) t
ORDER BY sort_date NULLS LAST, id;
