-- test/demo_matching.sql: the job-matching part of the showcase (issue 5).
-- Needs test/data/gunsan2020.sql and test/data/gunsan2020_matching.sql.
\pset footer off

\echo
\echo '== Job matching: the three best postings for four seekers, each explained (match_batch_explain)'
WITH picked AS (
	SELECT DISTINCT ON (background) id, background
	FROM gunsan.match_seeker
	WHERE background IN ('조선소 협력사 실직 용접공', '전문대·대학 졸업 청년',
	                     '요양보호사 자격 경력단절 여성', '신재생에너지 전기 기술자')
	ORDER BY background, id
)
SELECT s.id AS seeker, pe.name, s.background, b.rank, round(b.score::numeric, 3) AS score,
       p.employer || ' — ' || p.title AS posting,
       (SELECT string_agg(key || ' ' || round((value->>'similarity')::numeric, 2), ', '
                          ORDER BY (value->>'contribution')::float8 DESC, key)
        FROM jsonb_each(b.explanation)
        WHERE key NOT IN ('score', 'target_groups') AND value->>'similarity' IS NOT NULL) AS why
FROM match_batch_explain('gunsan.match_seeker', 'gunsan.match_posting', 3) b
JOIN picked s ON s.id = b.seeker_id
JOIN gunsan.person pe ON pe.person_id = s.id
JOIN gunsan.match_posting p ON p.id = b.posting_id
ORDER BY s.background, b.rank;

\echo
\echo '== One match explained factor by factor (match_explain)'
SELECT key AS factor, value->>'similarity' AS similarity,
       round((value->>'weight')::numeric, 3) AS weight,
       round((value->>'contribution')::numeric, 3) AS contribution,
       coalesce(value->>'matched', round((value->>'distance_km')::numeric, 1) || ' km', '') AS detail
FROM (SELECT match_explain(s.profile, p.profile) AS e
      FROM gunsan.match_seeker s, gunsan.match_posting p
      WHERE s.id = (SELECT min(id) FROM gunsan.match_seeker WHERE background = '조선소 협력사 실직 용접공')
        AND p.id = 3) x, jsonb_each(x.e)
WHERE key <> 'score'
ORDER BY (value->>'contribution')::float8 DESC, key;

\echo
\echo '== For each Saemangeum renewable-energy posting, the three best seekers (by_posting)'
SELECT p.title, b.rank, b.seeker_id, s.background, round(b.score::numeric, 3) AS score
FROM match_batch('gunsan.match_seeker', 'gunsan.match_posting', 3, by_posting => true) b
JOIN gunsan.match_posting p ON p.id = b.posting_id
JOIN gunsan.match_seeker s ON s.id = b.seeker_id
WHERE p.id IN (13, 15)
ORDER BY p.id, b.rank;

\echo
\echo '== How many seekers of each background have a posting scoring 0.8 or more (topk)'
SELECT s.background, count(*) AS seekers,
       count(*) FILTER (WHERE (t[1]).score >= 0.8) AS with_a_good_match,
       round(avg((t[1]).score)::numeric, 3) AS avg_best_score
FROM gunsan.match_seeker s,
     LATERAL (SELECT topk(p.id, match_score(s.profile, p.profile), 1) AS t FROM gunsan.match_posting p) x
GROUP BY s.background
ORDER BY with_a_good_match DESC, s.background;

\echo
\echo '== What decides a seeker''s best posting: each factor''s share of the top-1 decisions (match_factor_summary)'
SELECT factor, decided, round(share::numeric, 3) AS share,
       round(mean_difference::numeric, 4) AS mean_difference
FROM match_factor_summary('gunsan.match_seeker', 'gunsan.match_posting')
WHERE decided > 0 OR mean_difference <> 0
ORDER BY decided DESC, factor;

\echo
\echo '== ... by background: what decided each seeker''s top-1 against the runner-up (match_deciding_factor)'
WITH e AS (SELECT * FROM match_batch_explain('gunsan.match_seeker', 'gunsan.match_posting', 2))
SELECT s.background, count(*) AS seekers,
       string_agg(DISTINCT d.decided_by, ', ') AS factors,
       mode() WITHIN GROUP (ORDER BY d.decided_by) AS most_often,
       round(avg(d.margin)::numeric, 3) AS mean_margin
FROM (SELECT a.seeker_id, match_deciding_factor(a.explanation, b.explanation) AS decided_by,
             a.score - b.score AS margin
      FROM e a JOIN e b ON b.seeker_id = a.seeker_id AND b.rank = 2
      WHERE a.rank = 1) d
JOIN gunsan.match_seeker s ON s.id = d.seeker_id
GROUP BY s.background
ORDER BY seekers DESC, s.background;
