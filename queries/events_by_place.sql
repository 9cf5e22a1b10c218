-- title: Events by place
-- description: What happened at a place (a venue, city or region, or anywhere in a state), in date
--   order: each event with its type, participants, where exactly at its precision (venue, city,
--   region, country) with coordinates, whether it happened, was denied or planned, and the sentence
--   it was read from. A state's name as place lists every event in that state; events whose
--   text does not say where they happened are not listed.
-- params: place (default 'Vladivostok'), from (default '1900-01-01'), to (default '2100-12-31')
\if :{?place}
\else
  \set place 'Vladivostok'
\endif
\if :{?from}
\else
  \set from '1900-01-01'
\endif
\if :{?to}
\else
  \set to '2100-12-31'
\endif
SELECT date_label AS date, type, participant_names AS participants, place_name AS place, place_precision,
       place_country, place_latitude, place_longitude, modality, evidence, file_name
FROM v_events
WHERE (place_name = :'place' OR place_country = :'place')
  AND coalesce(date_start, published_on) BETWEEN :'from'::date AND :'to'::date
ORDER BY coalesce(date_start, published_on) NULLS LAST, event_id;
