-- match_score, match_explain, topk and match_batch
SET client_min_messages = warning;
-- (a temporary schema's number depends on the server's process slots)
CREATE FUNCTION pg_temp.sqlstate_of(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || regexp_replace(SQLERRM, 'pg_temp_[0-9]+', 'pg_temp', 'g');
END $$;

-- Hand-computed scores, from the formula of doc/matching.md with the default
-- weights occupation .2, skills .3, region .15, wage .15, hours .05,
-- shifts .05, education .05, experience .05; the expected value is written
-- here as the arithmetic of the formula, over the factors both profiles give.
CREATE TEMP TABLE pairs (n int, why text, seeker jobprofile, posting jobprofile, expected float8);
INSERT INTO pairs VALUES
(1, 'everything met',
 'occupation=7430 skills={용접,지게차} region=5213010100 wage=2500000 hours=40',
 'occupation=7430 skills={용접} region=4513010100 wage=2600000 hours=40',
 (0.2 * 1 + 0.3 * 1 + 0.15 * 1 + 0.15 * 1 + 0.05 * 1) / 0.85),
(2, 'weighted skills, same sigungu, wage 8% short, 5 hours off',
 'occupation=7430 skills={용접,지게차} region=5213010100 wage=2500000 hours=40',
 'occupation=74 skills={용접:2,특수용접,안전관리} region=4513025021 wage=2300000 hours=45',
 (0.2 * (2.0 / 2) + 0.3 * (2.0 / 4) + 0.15 * 0.7 + 0.15 * (1 - 200000 / (0.3 * 2500000)) + 0.05 * (1 - 5 / 20.0)) / 0.85),
(3, 'occupation 3 of 4 digits shared',
 'occupation=7430', 'occupation=7431', 0.2 * (3.0 / 4) / 0.2),
(4, 'broad seeker code against a 4-digit posting',
 'occupation=74', 'occupation=7430', 0.2 * (2.0 / 4) / 0.2),
(5, 'skill weights: posting importance times seeker proficiency',
 'skills={용접:0.5,지게차}', 'skills={용접:3,지게차,도장}', 0.3 * ((3 * 0.5 + 1 * 1) / 5.0) / 0.3),
(6, 'different sido',
 'occupation=7430 region=1111010100', 'occupation=7430 region=5213010100',
 (0.2 * 1 + 0.15 * 0) / 0.35),
(7, 'same sido only; wage 15% short',
 'region=52140 wage=2000000', 'region=5213010100 wage=1700000',
 (0.15 * 0.3 + 0.15 * (1 - 300000 / (0.3 * 2000000))) / 0.3),
(8, 'region containment (any dong of Gunsan); 30 hours off',
 'region=52130 hours=40', 'region=4513011000 hours=70',
 (0.15 * 1 + 0.05 * 0) / 0.2),
(9, 'coordinates 0.1 degree of latitude apart; one of two shifts',
 'latitude=35.9676 longitude=126.7366 shifts={day,rotating}',
 'latitude=36.0676 longitude=126.7366 shifts={day,night}',
 (0.15 * ((50 - 6371.0088 * radians(0.1)) / 45) + 0.05 * (1.0 / 2)) / 0.2),
(10, 'education two levels short, experience 2 of 5 years',
 'education=high experience=2', 'education=bachelor experience=5',
 (0.05 * 0 + 0.05 * (2.0 / 5)) / 0.1),
(11, 'youth-only posting, older seeker: hard filter',
 'occupation=7430 target_groups={older}', 'occupation=7430 target_groups={youth}', 0),
(12, 'youth or disabled posting, youth seeker',
 'occupation=7430 education=college target_groups={youth,unpaid_leave}',
 'occupation=7430 education=bachelor target_groups={youth,disabled}',
 (0.2 * 1 + 0.05 * 0.5) / 0.25),
(13, 'nothing to compare',
 'occupation=7430', 'wage=2000000', 0),
(14, 'wage over 30% short; hours met',
 'wage=3000000 hours=40', 'wage=2000000 hours=40', (0.15 * 0 + 0.05 * 1) / 0.2),
(15, 'Gangwon 42 = 51, same dong',
 'region=4213010100', 'region=5113010100', 1),
(16, 'Jeonbuk 45 against Jeonnam 46',
 'region=4513010100', 'region=4613010100', 0),
(17, 'NFD skills of macOS against NFC',
 jobprofile(skills => ARRAY[normalize('용접', NFD), normalize('지게차운전기능사', NFD)]),
 'skills={용접,지게차운전기능사,도장}', 0.3 * (2.0 / 3) / 0.3);

SELECT n, why, round(expected::numeric, 6) AS expected,
       abs(match_score(seeker, posting) - expected) < 1e-6 AS score_ok,
       abs((SELECT sum((value->>'contribution')::float8) FROM jsonb_each(match_explain(seeker, posting))
            WHERE key <> 'score') - match_score(seeker, posting)) < 1e-6 AS explain_sums_to_score,
       (match_explain(seeker, posting)->>'score')::real = match_score(seeker, posting) AS explain_score
FROM pairs ORDER BY n;

SHOW jobs_ext.match_weights;
SELECT jsonb_pretty(match_explain(seeker, posting)) FROM pairs WHERE n = 2;
SELECT match_explain(seeker, posting)->'target_groups' AS filter, match_explain(seeker, posting)->>'score' AS score
FROM pairs WHERE n = 11;
SELECT match_explain(seeker, posting)->'region' FROM pairs WHERE n = 9;

-- weights change the ranking: a welder, a far posting with all his skills,
-- a near one with none
CREATE TEMP TABLE rank_postings (id bigint, profile jobprofile);
INSERT INTO rank_postings VALUES
	(1, 'skills={용접,특수용접} region=1111010100'),
	(2, 'skills={조립} region=5213010100');
SELECT 'default' AS weights, array_agg(id ORDER BY match_score('skills={용접,특수용접} region=5213010100', profile) DESC, id) FROM rank_postings
UNION ALL
SELECT 'region first', array_agg(id ORDER BY match_score('skills={용접,특수용접} region=5213010100', profile, '{"region": 1, "skills": 0.05}') DESC, id) FROM rank_postings;
SET jobs_ext.match_weights = 'region=1, skills=0.05';
SELECT 'GUC region first' AS weights, array_agg(id ORDER BY match_score('skills={용접,특수용접} region=5213010100', profile) DESC, id) FROM rank_postings;
RESET jobs_ext.match_weights;
-- a weight of 0 drops a factor; weights not given keep the GUC's
SELECT match_score('occupation=7430 wage=1000000', 'occupation=7431 wage=900000', '{"wage": 0}') AS occupation_only,
       match_score('occupation=7430 wage=1000000', 'occupation=7431 wage=900000', '{"occupation": 0}') AS wage_only;
-- the jsonb weights vary per row: parsed again whenever they change
SELECT w, match_score('occupation=7430 wage=1000000', 'occupation=7431 wage=900000', w::jsonb)
FROM (VALUES ('{"wage": 0}'), ('{"wage": 0}'), ('{"occupation": 0}'), ('{}')) v(w);

-- bad weights and parameters
SELECT q, pg_temp.sqlstate_of(q) FROM (VALUES
	($$SELECT match_score('', '', '{"colour": 1}')$$),
	($$SELECT match_score('', '', '{"skills": -1}')$$),
	($$SELECT match_score('', '', '{"skills": "a lot"}')$$),
	($$SELECT match_score('', '', '[1]')$$),
	($$SET jobs_ext.match_weights = 'colour=1'$$),
	($$SELECT * FROM match_batch('pg_class', 'pg_class', 0)$$),
	($$SELECT * FROM match_batch('rank_postings', 'rank_postings', 3, id_column => 'oops')$$),
	($$SELECT * FROM match_batch('rank_postings', 'rank_postings', 3, profile_column => 'id')$$)
) AS t(q);

-- topk: against ORDER BY ... LIMIT, ties by smaller id
-- a plain table: parallel workers cannot read temporary ones
CREATE TABLE topk_scores AS
	SELECT i::bigint AS id, (((i * 7919) % 101) / 100.0)::real AS score, i % 3 AS grp
	FROM generate_series(1, 5000) i;
SELECT topk(id, score, 5) FROM topk_scores;
SELECT (SELECT array_agg(u.id) FROM unnest((SELECT topk(id, score, 7) FROM topk_scores)) u) =
       (SELECT array_agg(id) FROM (SELECT id FROM topk_scores ORDER BY score DESC, id LIMIT 7) s) AS same_as_order_by;
SELECT grp, topk(id, score, 3) FROM topk_scores GROUP BY grp ORDER BY grp;
SELECT * FROM unnest((SELECT topk(id, score, 3) FROM topk_scores WHERE id < 20));
SELECT topk(id, score, 3) FROM topk_scores WHERE false;
SELECT topk(id, score, 10) FROM (VALUES (1, 0.5::real), (2, NULL), (NULL, 0.9)) v(id, score);
-- topk in parallel: Partial and Finalize Aggregate, same result
ANALYZE topk_scores;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT topk(id, score, 5) FROM topk_scores;
SELECT topk(id, score, 5) FROM topk_scores;
SELECT grp, topk(id, score, 3) FROM topk_scores GROUP BY grp ORDER BY grp;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
SELECT (SELECT topk(id, score, 5) FROM topk_scores)::text = (SELECT topk(id, score, 5) FROM (SELECT * FROM topk_scores ORDER BY random()) s)::text AS order_does_not_matter;
-- the state: text and binary round trips, combine, bad input
SELECT 'k=3 {(2,0.5),(1,0.5),(9,0.75)}'::topk_state AS sorted_on_output,
       'k=3 {(2,0.5),(1,0.5),(9,0.75)}'::topk_state::text::topk_state::text AS text_round_trip,
       topk_state_from_binary(topk_state_send('k=3 {(2,0.5),(1,0.5),(9,0.75)}'))::text AS binary_round_trip,
       'k=2 {}'::topk_state AS empty,
       'k=1 {(1,NaN)}'::topk_state AS nan;
SELECT topk_combine('k=2 {(1,0.9)}', 'k=2 {(2,0.95),(3,0.1)}') AS combined,
       topk_final(topk_combine('k=2 {(1,0.9)}', NULL)) AS final;
SELECT q, pg_temp.sqlstate_of(q) FROM (VALUES
	($$SELECT 'k=0 {}'::topk_state$$),
	($$SELECT 'k=1 {(1,0.5),(2,0.5)}'::topk_state$$),
	($$SELECT 'k=2 {(1,x)}'::topk_state$$),
	($$SELECT 'k=2 {(1,0.5)'::topk_state$$),
	($$SELECT topk_state_from_binary(substring(topk_state_send('k=2 {(1,0.5)}') from 1 for 15))$$),
	($$SELECT topk_state_from_binary('\x01000000020000000300'::bytea)$$),
	($$SELECT topk_state_from_binary('\x020000000200000000'::bytea)$$),
	($$SELECT topk(id, score, 0) FROM topk_scores$$),
	($$SELECT topk(id, score, (id % 2)::int + 1) FROM topk_scores$$),
	($$SELECT topk_combine('k=2 {}', 'k=3 {}')$$)
) AS t(q);

-- match_batch equals the brute force: LATERAL ... ORDER BY match_score DESC, id LIMIT k
-- deterministic pseudo-random profiles with many ties
CREATE TEMP TABLE b_seekers (id bigint, profile jobprofile);
CREATE TEMP TABLE b_postings (id bigint, profile jobprofile);
INSERT INTO b_seekers
SELECT i, jobprofile(
	occupation => (ARRAY['7430', '74', '8731', '9220', '4211', '1530'])[1 + (i * 7) % 6],
	skills => (SELECT array_agg((ARRAY['용접', '특수용접', '지게차', '도장', '배관', '전기', 'cad', '요양보호', '운전', '태양광'])[1 + (i * j * 13 + j) % 10]) FROM generate_series(1, 1 + i % 4) j),
	region => (ARRAY['4513010100', '5213025021', '52140', '4511110100', '1111010100'])[1 + (i * 3) % 5],
	wage => 1800000 + (i * 37 % 10) * 100000,
	hours => CASE WHEN i % 5 = 0 THEN NULL ELSE 35 + i % 15 END,
	shifts => CASE WHEN i % 3 = 0 THEN ARRAY['day'] WHEN i % 3 = 1 THEN ARRAY['day', 'night'] END,
	education => (ARRAY['high', 'college', 'bachelor', NULL])[1 + i % 4],
	experience => i % 12,
	target_groups => CASE WHEN i % 4 = 0 THEN ARRAY['youth'] WHEN i % 7 = 0 THEN ARRAY['older'] END)
FROM generate_series(1, 150) i;
INSERT INTO b_postings
SELECT i, jobprofile(
	occupation => (ARRAY['7430', '7431', '8731', '92', '4211', '15'])[1 + (i * 5) % 6],
	skills => (SELECT array_agg((ARRAY['용접', '특수용접', '지게차', '도장', '배관', '전기', 'cad', '요양보호', '운전', '태양광'])[1 + (i * j * 11 + 2 * j) % 10]) FROM generate_series(1, 1 + i % 3) j),
	skill_weights => CASE WHEN i % 2 = 0 THEN (SELECT array_agg(1 + j % 2)::real[] FROM generate_series(1, 1 + i % 3) j) END,
	region => (ARRAY['5213010100', '4513025021', '5214010100', '52', '4613010100'])[1 + (i * 2) % 5],
	latitude => CASE WHEN i % 6 = 0 THEN 35.9 + (i % 10) / 50.0 END,
	longitude => CASE WHEN i % 6 = 0 THEN 126.7 END,
	wage => 1700000 + (i * 53 % 12) * 100000,
	hours => 40 + i % 9,
	shifts => CASE WHEN i % 2 = 0 THEN ARRAY['day'] ELSE ARRAY['night', 'rotating'] END,
	education => (ARRAY['high', 'college', 'bachelor', NULL, 'none'])[1 + i % 5],
	experience => i % 6,
	target_groups => CASE WHEN i % 9 = 0 THEN ARRAY['youth'] END)
FROM generate_series(1, 400) i;
UPDATE b_seekers SET profile = jobprofile(latitude => 35.95, longitude => 126.7, wage => 2000000) WHERE id % 10 = 3;
-- seekers with proficiency weights (used up to 1)
UPDATE b_seekers SET profile = jobprofile(occupation => '7430', skills => ARRAY['용접', '도장', 'cad', '지게차'],
	skill_weights => ARRAY[0.5, 1, 2, 0.25]::real[], region => '5213010100', wage => 2000000, hours => 40 + (id % 3)::int)
WHERE id % 10 = 7;

CREATE TEMP VIEW brute AS
	SELECT s.id AS seeker_id, x.id AS posting_id, x.rank, x.score
	FROM b_seekers s, LATERAL (
		SELECT p.id, match_score(s.profile, p.profile) AS score,
		       row_number() OVER (ORDER BY match_score(s.profile, p.profile) DESC, p.id)::int AS rank
		FROM b_postings p ORDER BY score DESC, p.id LIMIT 5) x;
SELECT (SELECT count(*) FROM match_batch('b_seekers', 'b_postings', 5)) AS batch_rows,
       (SELECT count(*) FROM brute) AS brute_rows,
       (SELECT count(*) FROM (SELECT * FROM match_batch('b_seekers', 'b_postings', 5)
                              EXCEPT SELECT * FROM brute) d) AS only_batch,
       (SELECT count(*) FROM (SELECT * FROM brute
                              EXCEPT SELECT * FROM match_batch('b_seekers', 'b_postings', 5)) d) AS only_brute;
-- the reverse direction, other weights, k above the row count
SELECT count(*) AS differences FROM (
	(SELECT * FROM match_batch('b_seekers', 'b_postings', 3, '{"skills": 1, "region": 0.5}', by_posting => true)
	 EXCEPT
	 SELECT x.id, p.id, x.rank, x.score FROM b_postings p, LATERAL (
		SELECT s.id, match_score(s.profile, p.profile, '{"skills": 1, "region": 0.5}') AS score,
		       row_number() OVER (ORDER BY match_score(s.profile, p.profile, '{"skills": 1, "region": 0.5}') DESC, s.id)::int AS rank
		FROM b_seekers s ORDER BY score DESC, s.id LIMIT 3) x)
	UNION ALL
	(SELECT x.id, p.id, x.rank, x.score FROM b_postings p, LATERAL (
		SELECT s.id, match_score(s.profile, p.profile, '{"skills": 1, "region": 0.5}') AS score,
		       row_number() OVER (ORDER BY match_score(s.profile, p.profile, '{"skills": 1, "region": 0.5}') DESC, s.id)::int AS rank
		FROM b_seekers s ORDER BY score DESC, s.id LIMIT 3) x
	 EXCEPT
	 SELECT * FROM match_batch('b_seekers', 'b_postings', 3, '{"skills": 1, "region": 0.5}', by_posting => true))) d;
SELECT count(*) AS rows, count(DISTINCT seeker_id) AS seekers FROM match_batch('b_seekers', 'rank_postings', 10);
-- topk over match_score gives the same as the batch matcher
SELECT count(*) AS differences FROM (
	SELECT s.id, (SELECT topk(p.id, match_score(s.profile, p.profile), 5) FROM b_postings p) AS t FROM b_seekers s) a
	JOIN (SELECT seeker_id, array_agg(ROW(posting_id, score)::topk_item ORDER BY rank) AS t
	      FROM match_batch('b_seekers', 'b_postings', 5) GROUP BY seeker_id) b ON a.id = b.seeker_id
	WHERE a.t::text <> b.t::text;

DROP TABLE topk_scores;
-- match_batch reads views, and quotes names that need it
CREATE TEMP VIEW b_postings_few AS SELECT id, profile FROM b_postings WHERE id <= 40;
CREATE TEMP TABLE "Odd ""seekers"" 표" ("ID" int, "Profile" jobprofile);
INSERT INTO "Odd ""seekers"" 표" SELECT id, profile FROM b_seekers WHERE id <= 20;
CREATE TEMP VIEW b_postings_odd AS SELECT id AS "ID", profile AS "Profile" FROM b_postings_few;
SELECT count(*) AS differences FROM (
	(SELECT * FROM match_batch('"Odd ""seekers"" 표"', 'b_postings_odd', 2, id_column => 'ID', profile_column => 'Profile')
	 EXCEPT SELECT * FROM match_batch('b_seekers', 'b_postings_few', 2) WHERE seeker_id <= 20)
	UNION ALL
	(SELECT * FROM match_batch('b_seekers', 'b_postings_few', 2) WHERE seeker_id <= 20
	 EXCEPT SELECT * FROM match_batch('"Odd ""seekers"" 표"', 'b_postings_odd', 2, id_column => 'ID', profile_column => 'Profile'))) d;

-- match_batch against the brute force on random profiles with many exact
-- ties: small vocabularies, every profile also stored a second time under
-- another id, coordinates on a third of them, some NULL profiles; k = 1, 4
-- and 9, both directions, default and other weights.  The brute force is
-- the LATERAL query; the two must give the same rows (EXCEPT both ways).
SELECT setseed(0.1414);
CREATE TEMP TABLE r_seekers (id bigint, profile jobprofile);
CREATE TEMP TABLE r_postings (id bigint, profile jobprofile);
INSERT INTO r_seekers
SELECT i, CASE WHEN i % 40 = 7 THEN NULL ELSE jobprofile(
	occupation => CASE WHEN random() < 0.9 THEN (ARRAY['7430', '74', '7431', '8731', '92'])[1 + floor(random() * 5)::int] END,
	skills => sk,
	skill_weights => CASE WHEN i % 5 = 0 THEN (SELECT array_agg((ARRAY[0.5, 1, 2])[1 + floor(random() * 3)::int])::real[] FROM unnest(sk)) END,
	region => CASE WHEN random() < 0.9 THEN (ARRAY['5213010100', '4513025021', '52140', '52'])[1 + floor(random() * 4)::int] END,
	latitude => CASE WHEN i % 3 = 0 THEN 35.9 + floor(random() * 4) / 20 END,
	longitude => CASE WHEN i % 3 = 0 THEN 126.7::float8 END,
	wage => CASE WHEN random() < 0.8 THEN 2000000 + floor(random() * 4)::int * 200000 END,
	hours => CASE WHEN random() < 0.7 THEN 38 + floor(random() * 3)::int * 2 END,
	shifts => CASE WHEN random() < 0.6 THEN string_to_array((ARRAY['day', 'day,night', 'rotating'])[1 + floor(random() * 3)::int], ',') END,
	education => CASE WHEN random() < 0.6 THEN (ARRAY['high', 'college', 'bachelor'])[1 + floor(random() * 3)::int] END,
	experience => CASE WHEN random() < 0.6 THEN floor(random() * 4)::int END,
	target_groups => CASE WHEN random() < 0.3 THEN string_to_array((ARRAY['youth', 'older', 'youth,disabled'])[1 + floor(random() * 3)::int], ',') END)
	END
FROM generate_series(1, 120) i, LATERAL (SELECT CASE WHEN random() < 0.85 THEN
	(SELECT array_agg((ARRAY['용접', '취부', '도장', '지게차', '배관', '전기'])[1 + floor(random() * 6)::int]) FROM generate_series(1, 1 + (i % 3))) END AS sk) x;
INSERT INTO r_postings
SELECT i, jobprofile(
	occupation => CASE WHEN random() < 0.9 THEN (ARRAY['7430', '74', '7431', '8731', '9220'])[1 + floor(random() * 5)::int] END,
	skills => sk,
	skill_weights => CASE WHEN i % 4 = 0 THEN (SELECT array_agg((ARRAY[1, 2, 3])[1 + floor(random() * 3)::int])::real[] FROM unnest(sk)) END,
	region => CASE WHEN random() < 0.9 THEN (ARRAY['5213010100', '4513025021', '5214010100', '4613010100'])[1 + floor(random() * 4)::int] END,
	latitude => CASE WHEN i % 3 = 1 THEN 35.9 + floor(random() * 4) / 20 END,
	longitude => CASE WHEN i % 3 = 1 THEN 126.7::float8 END,
	wage => CASE WHEN random() < 0.8 THEN 1900000 + floor(random() * 4)::int * 200000 END,
	hours => CASE WHEN random() < 0.7 THEN 38 + floor(random() * 3)::int * 2 END,
	shifts => CASE WHEN random() < 0.6 THEN string_to_array((ARRAY['day', 'night', 'day,rotating'])[1 + floor(random() * 3)::int], ',') END,
	education => CASE WHEN random() < 0.6 THEN (ARRAY['high', 'college', 'bachelor'])[1 + floor(random() * 3)::int] END,
	experience => CASE WHEN random() < 0.6 THEN floor(random() * 4)::int END,
	target_groups => CASE WHEN random() < 0.2 THEN ARRAY[(ARRAY['youth', 'older'])[1 + floor(random() * 2)::int]] END)
FROM generate_series(1, 250) i, LATERAL (SELECT CASE WHEN random() < 0.85 THEN
	(SELECT array_agg((ARRAY['용접', '취부', '도장', '지게차', '배관', '전기'])[1 + floor(random() * 6)::int]) FROM generate_series(1, 1 + (i % 4))) END AS sk) x;
-- the same profiles again under other ids: exact ties everywhere
INSERT INTO r_seekers SELECT id + 1000, profile FROM r_seekers;
INSERT INTO r_postings SELECT id + 1000, profile FROM r_postings;
SELECT count(*) AS seekers, count(profile) AS with_profile,
       (SELECT count(*) FROM r_postings) AS postings FROM r_seekers;
CREATE FUNCTION pg_temp.brute(k int, weights jsonb, by_posting boolean)
RETURNS TABLE (seeker_id bigint, posting_id bigint, rank int, score real) LANGUAGE sql AS $$
	SELECT s.id, x.id, x.rank, x.score
	FROM r_seekers s, LATERAL (
		SELECT p.id, match_score(s.profile, p.profile, coalesce(weights, '{}')) AS score,
		       row_number() OVER (ORDER BY match_score(s.profile, p.profile, coalesce(weights, '{}')) DESC, p.id)::int AS rank
		FROM r_postings p WHERE p.profile IS NOT NULL
		ORDER BY score DESC, p.id LIMIT k) x
	WHERE NOT by_posting AND s.profile IS NOT NULL
	UNION ALL
	SELECT x.id, p.id, x.rank, x.score
	FROM r_postings p, LATERAL (
		SELECT s.id, match_score(s.profile, p.profile, coalesce(weights, '{}')) AS score,
		       row_number() OVER (ORDER BY match_score(s.profile, p.profile, coalesce(weights, '{}')) DESC, s.id)::int AS rank
		FROM r_seekers s WHERE s.profile IS NOT NULL
		ORDER BY score DESC, s.id LIMIT k) x
	WHERE by_posting AND p.profile IS NOT NULL
$$;
SELECT k, weights, by_posting,
       (SELECT count(*) FROM match_batch('r_seekers', 'r_postings', k, weights::jsonb, by_posting)) AS batch_rows,
       (SELECT count(*) FROM (SELECT * FROM match_batch('r_seekers', 'r_postings', k, weights::jsonb, by_posting)
                              EXCEPT ALL SELECT * FROM pg_temp.brute(k, weights::jsonb, by_posting)) d) AS only_batch,
       (SELECT count(*) FROM (SELECT * FROM pg_temp.brute(k, weights::jsonb, by_posting)
                              EXCEPT ALL SELECT * FROM match_batch('r_seekers', 'r_postings', k, weights::jsonb, by_posting)) d) AS only_brute
FROM (VALUES (1, NULL, false), (4, NULL, false), (9, NULL, false),
             (1, NULL, true), (4, NULL, true), (9, NULL, true),
             (4, '{"skills": 1, "region": 0}', false), (4, '{"skills": 1, "region": 0}', true),
             (3, '{"occupation": 0, "skills": 0, "region": 0, "wage": 0}', false),
             (3, '{"wage": 1e-300, "hours": 0}', true)) AS t(k, weights, by_posting)
ORDER BY by_posting, k, weights;
-- the scores tie often here, at the cut too (ranks 4 and 5 of 240 seekers)
SELECT count(*) > 50 AS many_ties_at_the_cut
FROM match_batch('r_seekers', 'r_postings', 5) a JOIN match_batch('r_seekers', 'r_postings', 5) b
	ON a.seeker_id = b.seeker_id AND a.rank = 4 AND b.rank = 5 AND a.score = b.score;

-- match_batch_explain: the rows of match_batch, each with match_explain
SELECT count(*) AS rows,
       count(*) FILTER (WHERE (e.seeker_id, e.posting_id, e.rank, e.score) IS DISTINCT FROM (b.seeker_id, b.posting_id, b.rank, b.score)) AS other_rows,
       count(*) FILTER (WHERE e.explanation <> match_explain(s.profile, p.profile, '{"skills": 1}')) AS other_explanations
FROM match_batch_explain('r_seekers', 'r_postings', 3, '{"skills": 1}') e
FULL JOIN match_batch('r_seekers', 'r_postings', 3, '{"skills": 1}') b USING (seeker_id, rank)
LEFT JOIN r_seekers s ON s.id = e.seeker_id LEFT JOIN r_postings p ON p.id = e.posting_id;
SELECT count(*) AS rows,
       count(*) FILTER (WHERE e.explanation <> match_explain(s.profile, p.profile)) AS other_explanations,
       count(*) FILTER (WHERE (e.explanation->>'score')::real <> e.score) AS other_scores
FROM match_batch_explain('r_seekers', 'r_postings', 2, by_posting => true) e
JOIN r_seekers s ON s.id = e.seeker_id JOIN r_postings p ON p.id = e.posting_id;

-- Which factor decided a top-1, worked by hand.  Default weights; every
-- profile gives occupation (.2), skills (.3) and region (.15): total .65.
CREATE TEMP TABLE h_seekers (id bigint, profile jobprofile);
CREATE TEMP TABLE h_postings (id bigint, profile jobprofile);
INSERT INTO h_seekers VALUES
	(1, 'occupation=7430 skills={용접,취부} region=5213010100 target_groups={older}'),
	(2, 'occupation=7430 skills={용접,도장} region=5213010100 target_groups={older}'),
	(3, 'occupation=7430 skills={용접,취부} region=5213010100 target_groups={youth}'),
	(4, 'occupation=7430 skills={용접,취부} region=5214010100');
INSERT INTO h_postings VALUES
	(10, 'occupation=7430 skills={용접,취부} region=5213010100'),
	(11, 'occupation=7431 skills={용접,취부} region=5213010100'),
	(12, 'occupation=7430 skills={용접,도장} region=5213010100'),
	(13, 'occupation=7430 skills={용접,취부} region=5213010100 target_groups={youth}'),
	(14, 'occupation=7430 skills={용접,취부} region=5214010100');
-- Scores: seeker 1: 10 -> 1, 11 -> (.2 * 3/4 + .3 + .15) / .65, 12 -> (.2 + .3 / 2 + .15) / .65,
-- 13 -> 0 (youth only), 14 -> (.2 + .3 + .15 * .3) / .65 (same sido only).
-- Top-1 against top-2, by hand:
--   seeker 1: 10 (1) over 11: occupation gains .2 * (1 - 3/4) / .65
--   seeker 2: 12 (1) over 10: skills gain .3 * (1 - 1/2) / .65
--   seeker 3: 10 and 13 both 1: a tie (10 first by id)
--   seeker 4: 14 (1) over 10: region gains .15 * (1 - .3) / .65
CREATE TEMP TABLE h_expected (outer_id bigint, best bigint, second bigint, margin float8, decided text);
INSERT INTO h_expected VALUES
	(1, 10, 11, .2 * (1 - 3 / 4.0) / .65, 'occupation'),
	(2, 12, 10, .3 * (1 - 1 / 2.0) / .65, 'skills'),
	(3, 10, 13, 0, 'tie'),
	(4, 14, 10, .15 * (1 - .3) / .65, 'region');
SELECT x.outer_id, x.best, x.second, x.decided, round(x.margin::numeric, 6) AS margin,
       (a.posting_id, b.posting_id) = (x.best, x.second) AS same_top_two,
       abs((a.score - b.score) - x.margin) < 1e-6 AS margin_ok,
       match_deciding_factor(a.explanation, b.explanation) = x.decided AS decided_ok,
       match_deciding_factor(b.explanation, a.explanation) = x.decided AS either_order
FROM h_expected x
JOIN match_batch_explain('h_seekers', 'h_postings', 2) a ON a.seeker_id = x.outer_id AND a.rank = 1
JOIN match_batch_explain('h_seekers', 'h_postings', 2) b ON b.seeker_id = x.outer_id AND b.rank = 2
ORDER BY x.outer_id;
-- the summary: each decided once of four; the mean differences are the
-- gains above over 4, and they sum to the mean margin
SELECT factor, decided, share, round(mean_difference::numeric, 6) AS mean_difference,
       abs(mean_difference - CASE factor WHEN 'occupation' THEN .2 * (1 - 3 / 4.0) / .65 / 4
                                         WHEN 'skills' THEN .3 * (1 - 1 / 2.0) / .65 / 4
                                         WHEN 'region' THEN .15 * (1 - .3) / .65 / 4 ELSE 0 END) < 1e-9 AS ok
FROM match_factor_summary('h_seekers', 'h_postings');
-- by posting: 10 and 11 have seekers 1 and 3 tied; 12: seeker 2 over 1 by
-- skills; 13: seeker 3 over seeker 1, whom the youth-only posting filters
-- out (so every factor of seeker 3 counts: .2/.65, .3/.65, .15/.65);
-- 14: seeker 4 over seeker 1 by region
SELECT factor, decided, share, round(mean_difference::numeric, 6) AS mean_difference,
       abs(mean_difference - CASE factor WHEN 'occupation' THEN (.2 / .65) / 5
                                         WHEN 'skills' THEN (.3 * (1 - 1 / 2.0) / .65 + .3 / .65) / 5
                                         WHEN 'region' THEN (.15 * (1 - .3) / .65 + .15 / .65) / 5 ELSE 0 END) < 1e-9 AS ok
FROM match_factor_summary('h_seekers', 'h_postings', by_posting => true);
-- the same summary in SQL: match_deciding_factor over ranks 1 and 2
SELECT count(*) AS differences FROM (
	(SELECT factor, decided FROM match_factor_summary('r_seekers', 'r_postings', '{"region": 0.5}', true) WHERE decided > 0
	 EXCEPT
	 SELECT match_deciding_factor(a.explanation, b.explanation), count(*)
	 FROM match_batch_explain('r_seekers', 'r_postings', 2, '{"region": 0.5}', true) a
	 JOIN match_batch_explain('r_seekers', 'r_postings', 2, '{"region": 0.5}', true) b
	   ON a.posting_id = b.posting_id AND a.rank = 1 AND b.rank = 2
	 GROUP BY 1)
	UNION ALL
	(SELECT match_deciding_factor(a.explanation, b.explanation), count(*)
	 FROM match_batch_explain('r_seekers', 'r_postings', 2, '{"region": 0.5}', true) a
	 JOIN match_batch_explain('r_seekers', 'r_postings', 2, '{"region": 0.5}', true) b
	   ON a.posting_id = b.posting_id AND a.rank = 1 AND b.rank = 2
	 GROUP BY 1
	 EXCEPT
	 SELECT factor, decided FROM match_factor_summary('r_seekers', 'r_postings', '{"region": 0.5}', true) WHERE decided > 0)) d;
-- the eight mean differences sum to the mean margin; the shares to 1
SELECT abs(sum(mean_difference) - (SELECT avg(a.score::float8 - b.score::float8)
                                   FROM match_batch('r_seekers', 'r_postings', 2) a
                                   JOIN match_batch('r_seekers', 'r_postings', 2) b
                                     ON a.seeker_id = b.seeker_id AND a.rank = 1 AND b.rank = 2)) < 1e-6 AS sums_to_margin,
       round(sum(share)::numeric, 12) AS shares, sum(decided) = (SELECT count(*) FROM r_seekers WHERE profile IS NOT NULL) AS every_seeker
FROM match_factor_summary('r_seekers', 'r_postings');
-- a filtered runner-up, a tie, and bad explanations
SELECT match_deciding_factor(match_explain('target_groups={youth} wage=2000000', 'wage=2000000 target_groups={youth}'),
                             match_explain('target_groups={older} wage=2000000', 'wage=2000000 target_groups={youth}')) AS filtered,
       match_deciding_factor(match_explain('wage=2000000', 'wage=2000000'), match_explain('hours=40', 'hours=40')) AS tie,
       match_deciding_factor(match_explain('wage=2000000 hours=40', 'wage=1900000 hours=40'),
                             match_explain('wage=2000000 hours=40', 'wage=2000000 hours=44')) AS wage_over_hours;
SELECT q, pg_temp.sqlstate_of(q) FROM (VALUES
	($$SELECT match_deciding_factor('{}', match_explain('', ''))$$),
	($$SELECT match_deciding_factor('[1]', match_explain('', ''))$$),
	($$SELECT match_deciding_factor(match_explain('', '') - 'score', match_explain('', ''))$$),
	($$SELECT match_deciding_factor(jsonb_set(match_explain('', ''), '{skills,contribution}', '"x"'), match_explain('', ''))$$),
	($$SELECT * FROM match_factor_summary(NULL, 'h_postings')$$),
	($$SELECT * FROM match_batch_explain('h_seekers', 'h_postings', 0)$$),
	($$SELECT * FROM match_batch_explain('h_seekers', 'h_postings', 2, id_column => 'nope')$$)
) AS t(q);
