-- title: Events by type per month
-- description: How many events of each type happened each month (by event date; events dated
--   only to a year, and undated ones, are left out), and how many of them were denied or planned.
-- params: from (default '1900-01-01'), to (default '2100-12-31')
\if :{?from}
\else
  \set from '1900-01-01'
\endif
\if :{?to}
\else
  \set to '2100-12-31'
\endif
SELECT to_char(date_start, 'YYYY-MM') AS month, type, count(*) AS events,
       count(*) FILTER (WHERE modality = 'negated') AS negated,
       count(*) FILTER (WHERE modality = 'planned') AS planned
FROM v_events
WHERE date_precision IN ('day', 'month')
  AND date_start BETWEEN :'from'::date AND :'to'::date
GROUP BY 1, 2
ORDER BY 1, 2;
