-- title: Visits to a country
-- description: Who visited a country (or a place in it) between two dates, by the event date or,
--   for undated visits, the article's publication date; denied and planned visits are listed too.
-- params: country (default 'Russia'), from (default '1900-01-01'), to (default '2100-12-31')
\if :{?country}
\else
  \set country 'Russia'
\endif
\if :{?from}
\else
  \set from '1900-01-01'
\endif
\if :{?to}
\else
  \set to '2100-12-31'
\endif
SELECT date_label AS date, sort_date, other_participants AS visitors, participant AS destination,
       modality, evidence, file_name
FROM v_timeline
WHERE type = 'visit' AND role <> 'source'
  AND (participant = :'country' OR participant_country = :'country')
  AND sort_date BETWEEN :'from'::date AND :'to'::date
ORDER BY sort_date, event_id, destination;
