-- title: Dyad timeline
-- description: What passed between two actors, in date order: every event with both of them,
--   with the roles each played (source, target, other), its date, modality and evidence.
-- params: actor (default 'Vladimir Putin'), other (default 'Kim Jong Un')
\if :{?actor}
\else
  \set actor 'Vladimir Putin'
\endif
\if :{?other}
\else
  \set other 'Kim Jong Un'
\endif
SELECT date_label AS date, type, role_a AS actor_role, role_b AS other_role, modality, evidence, file_name
FROM v_dyads
WHERE actor_a = :'actor' AND actor_b = :'other'
ORDER BY sort_date NULLS LAST, event_id;
