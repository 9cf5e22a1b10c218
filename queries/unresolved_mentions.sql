-- title: Unresolved mentions
-- description: Names the extractor found but could not link to an entity (mostly people not in
--   the registry), most frequent first, with an example sentence: what to add to the registry next.
-- params: min_mentions (default '1')
\if :{?min_mentions}
\else
  \set min_mentions '1'
\endif
SELECT surface, mention_kind, count(*) AS mentions, count(DISTINCT article_id) AS articles,
       min(context) AS example_context, min(file_name) AS example_file
FROM v_unresolved_mentions
GROUP BY surface, mention_kind
HAVING count(*) >= :'min_mentions'::int
ORDER BY mentions DESC, surface;
