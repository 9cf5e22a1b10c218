-- title: First and last mention of an entity
-- description: When an entity was first and last named, in the article proper and in related
--   blocks: publication dates, the articles, and how many mentions and articles in between.
-- params: entity (default 'Kim Jong Un')
\if :{?entity}
\else
  \set entity 'Kim Jong Un'
\endif
SELECT section, min(published_on) AS first_published, max(published_on) AS last_published,
       (array_agg(file_name ORDER BY published_on NULLS LAST, article_id))[1] AS first_article,
       (array_agg(file_name ORDER BY published_on DESC NULLS LAST, article_id DESC))[1] AS last_article,
       count(*) AS mentions, count(DISTINCT article_id) AS articles
FROM v_entity_mentions
WHERE entity = :'entity'
GROUP BY section
ORDER BY section;
