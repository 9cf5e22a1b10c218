-- title: Articles mentioning an actor
-- description: The articles that name an actor, published between two dates (undated articles
--   are always listed), with how often the actor is named in the article proper and in related blocks.
-- params: actor (default 'Vladimir Putin'), from (default '1900-01-01'), to (default '2100-12-31')
\if :{?actor}
\else
  \set actor 'Vladimir Putin'
\endif
\if :{?from}
\else
  \set from '1900-01-01'
\endif
\if :{?to}
\else
  \set to '2100-12-31'
\endif
SELECT article_id, published_on, file_name, article_title, outlet,
       count(*) FILTER (WHERE section = 'main') AS main_mentions,
       count(*) FILTER (WHERE section = 'related') AS related_mentions
FROM v_entity_mentions
WHERE entity = :'actor'
  AND (published_on IS NULL OR published_on BETWEEN :'from'::date AND :'to'::date)
GROUP BY article_id, published_on, file_name, article_title, outlet
ORDER BY published_on NULLS LAST, article_id;
