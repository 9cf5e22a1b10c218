-- title: Who met whom
-- description: An edge list for a network graph: each pair of actors that met or visited one
--   another (events that happened, not denied or planned ones), how often, first and last date.
-- params: from (default '1900-01-01'), to (default '2100-12-31')
\if :{?from}
\else
  \set from '1900-01-01'
\endif
\if :{?to}
\else
  \set to '2100-12-31'
\endif
SELECT actor_a AS source, actor_b AS target, kind_a AS source_kind, kind_b AS target_kind,
       count(*) AS events,
       count(*) FILTER (WHERE type = 'meeting') AS meetings,
       count(*) FILTER (WHERE type = 'visit') AS visits,
       min(date_label) AS first_date, max(date_label) AS last_date
FROM v_dyads
WHERE type IN ('meeting', 'visit') AND modality = 'asserted' AND actor_a < actor_b
  AND sort_date BETWEEN :'from'::date AND :'to'::date
GROUP BY 1, 2, 3, 4
ORDER BY events DESC, source, target;
