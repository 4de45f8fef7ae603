-- Skill search on jobprofile: ?, ?|, ?& and has_skill, has_any_skill,
-- has_all_skills, and the GIN operator class jobprofile_gin_ops
-- (doc/matching.md, "Finding profiles by skill"); the examples of that
-- section come first, their outputs are those of the document.
SET client_min_messages = warning;

-- Example: postings that ask for 지게차운전 or 굴착기
CREATE TABLE doc_postings (id bigint PRIMARY KEY, profile jobprofile);
INSERT INTO doc_postings VALUES
	(1, 'occupation=8731 skills={지게차운전,"위험물 운송"} region=4513010100'),
	(2, 'occupation=8722 skills={굴착기,지게차운전} region=4513025000'),
	(3, 'occupation=7430 skills={"CO2 용접",취부} region=4513013900'),
	(4, 'occupation=8722 skills={굴삭기,크레인} region=5213010100'),
	(5, 'region=4513010100');
CREATE INDEX doc_postings_skills ON doc_postings USING gin (profile);
SELECT id, jobprofile_skills(profile) AS skills
FROM doc_postings
WHERE profile ?| ARRAY['지게차 운전', '굴착기']
ORDER BY id;
SELECT id FROM doc_postings WHERE profile ?& ARRAY['굴착기', '지게차·운전'];
SELECT id, has_skill(profile, 'co2용접') AS co2, has_any_skill(profile, ARRAY['크레인', '취부']) AS crane_or_fitting
FROM doc_postings ORDER BY id;

-- Hand-worked cases on one profile holding 지게차운전, 굴착기 and co2용접
CREATE TEMP TABLE one AS
SELECT jobprofile(skills => ARRAY['지게차운전', '굴착기', 'CO2 용접']) AS p;
SELECT p FROM one;
-- folding: spacing, middle dots, case, NFD, full-width forms; no substrings
SELECT p ? '굴착기' AS plain,
       p ? '굴 착 기' AS spaced,
       p ? E'\u1100\u116e\u11af\u110e\u1161\u11a8\u1100\u1175' AS nfd,
       p ? '지게차·운전' AS middle_dot,
       p ? 'Co2 용접' AS mixed_case,
       p ? 'ＣＯ２ 용접' AS full_width,
       p ? '용접' AS substring,
       p ? '굴삭기' AS other_word
FROM one;
-- text that folds to nothing is a skill no profile holds
SELECT p ? '' AS empty, p ? ' · ' AS separators_only FROM one;
-- arrays: any / all, repeated skills, NULL elements ignored, two dimensions
SELECT p ?| ARRAY['용접', '굴착기'] AS any_one,
       p ?| ARRAY['용접', '굴삭기'] AS any_none,
       p ?& ARRAY['굴착기', 'co2용접'] AS all_two,
       p ?& ARRAY['굴착기', '용접'] AS all_missing_one,
       p ?& ARRAY['굴착기', '굴 착 기', E'\u1100\u116e\u11af\u110e\u1161\u11a8\u1100\u1175'] AS all_same_thrice,
       p ?& ARRAY[['굴착기', '지게차운전'], ['CO2용접', 'co2 용접']] AS all_2d
FROM one;
-- empty arrays as jsonb has them: ?| of nothing is false, ?& of nothing true;
-- NULL elements are ignored, so an array of NULLs is an empty one
SELECT p ?| '{}'::text[] AS any_empty,
       p ?& '{}'::text[] AS all_empty,
       p ?| ARRAY[NULL]::text[] AS any_null,
       p ?& ARRAY[NULL]::text[] AS all_null,
       p ?| ARRAY[NULL, '굴착기'] AS any_null_and_one,
       p ?& ARRAY[NULL, '굴착기'] AS all_null_and_one,
       p ?& ARRAY[NULL, '용접'] AS all_null_and_missing
FROM one;
-- a profile without skills has none of them, and all of none
SELECT ''::jobprofile ? '용접' AS has, ''::jobprofile ?| ARRAY['용접'] AS has_any,
       ''::jobprofile ?& ARRAY['용접'] AS has_all, ''::jobprofile ?& '{}'::text[] AS has_all_of_none;
-- NULL operands: the operators are strict
SELECT p ? NULL AS null_skill, p ?| NULL AS null_array, NULL::jobprofile ?& '{}'::text[] AS null_profile
FROM one;
-- the function forms are the operators
SELECT has_skill(p, '굴 착 기') AS has_skill, has_any_skill(p, ARRAY['x', 'CO2용접']) AS has_any_skill,
       has_all_skills(p, ARRAY['x', 'CO2용접']) AS has_all_skills
FROM one;
SELECT o.oprname, o.oprcode, o.oprrest, o.oprjoin
FROM pg_operator o
WHERE o.oprleft = 'jobprofile'::regtype AND o.oprname IN ('?', '?|', '?&')
ORDER BY 1;

-- The index: every query shape through the index gives the rows a
-- sequential scan gives, here counted by hand on six rows (one NULL, one
-- without skills)
CREATE TEMP TABLE t_small (id int, profile jobprofile);
INSERT INTO t_small VALUES
	(1, 'skills={용접,도장}'), (2, 'skills={"CO2 용접",도장,지게차}'), (3, 'skills={지게차}'),
	(4, ''), (5, NULL), (6, 'skills={용접,지게차}');
CREATE INDEX t_small_skills ON t_small USING gin (profile);
CREATE FUNCTION pg_temp.ids_by(plan text, cond text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	q text := 'SELECT id FROM t_small WHERE ' || cond;
	line text;
	used boolean := false;
	ids text;
	node text := 'Seq Scan on t_small';
BEGIN
	IF plan = 'index' THEN
		node := 'Bitmap Index Scan on t_small_skills';
		SET LOCAL enable_seqscan = off;
		SET LOCAL enable_bitmapscan = on;
	ELSE
		SET LOCAL enable_seqscan = on;
		SET LOCAL enable_bitmapscan = off;
		SET LOCAL enable_indexscan = off;
	END IF;
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		IF strpos(line, node) > 0 THEN
			used := true;
		END IF;
	END LOOP;
	EXECUTE 'SELECT coalesce(string_agg(id::text, '','' ORDER BY id), ''-'') FROM (' || q || ') s' INTO ids;
	RETURN CASE WHEN used THEN ids ELSE 'not by ' || plan END;
END $$;
SELECT cond, pg_temp.ids_by('index', cond) AS by_index, pg_temp.ids_by('seqscan', cond) AS by_seqscan
FROM (VALUES ('profile ? ''용접'''), ('profile ? ''co2용접'''), ('profile ? ''없는기술'''),
             ('profile ?| ''{용접,지게차}'''), ('profile ?| ''{NULL,도장}'''), ('profile ?| ''{}'''),
             ('profile ?& ''{지게차,용접}'''), ('profile ?& ''{도장,NULL}'''), ('profile ?& ''{}'''),
             ('profile ?& ''{NULL}'''),
             -- skills no profile can hold: empty or too long after folding
             ('profile ? '''''), ('profile ?| ''{"",용접}'''), ('profile ?& ''{" · ",용접}'''),
             ('profile ? repeat(''가'', 100)'), ('profile ?| ARRAY[repeat(''가'', 100), ''도장'']'),
             ('profile ?& ARRAY[repeat(''가'', 100)]'),
             -- the function forms use the index too
             ('has_skill(profile, ''용 접'')'), ('has_any_skill(profile, ''{용접,지게차}'')'),
             ('has_all_skills(profile, ''{도장,NULL}'')'), ('has_all_skills(profile, ''{}'')')) v(cond);

-- Random profiles: the index (with some rows still in its pending list), a
-- sequential scan, the function forms and plain array operators on
-- jobprofile_skills() must give the same (query, row) pairs
CREATE TEMP TABLE vocab (n int, s text);
INSERT INTO vocab VALUES
	(0, '용접'), (1, 'CO2 용접'), (2, 'tig용접'), (3, '지게차운전'), (4, '굴착기'), (5, '굴삭기'),
	(6, '크레인'), (7, '도장'), (8, '배관'), (9, '전기기능사'), (10, 'CNC'), (11, 'CAD'),
	(12, '요양보호'), (13, '조리'), (14, '엑셀'), (15, '물류'), (16, '사상'), (17, '취부'),
	(18, E'\u1100\u116e\u11af\u110e\u1161\u11a8\u1100\u1175'), (19, '지게차·운전'), (20, 'Ｃ Ａ Ｄ'),
	(21, '위험물 운송'), (22, '비계'), (23, '품질검사');
CREATE TEMP TABLE t_rand (id int PRIMARY KEY, profile jobprofile);
CREATE FUNCTION pg_temp.rand_profile(i int) RETURNS jobprofile LANGUAGE sql AS $$
	SELECT CASE WHEN i % 101 = 0 THEN NULL
		ELSE jobprofile(skills => ARRAY(
			SELECT s FROM vocab
			WHERE n IN (SELECT abs(hashint4(i * 16 + j)) % 24
			            FROM generate_series(1, abs(hashint4(i)) % 6) j)))
	END
$$;
INSERT INTO t_rand SELECT i, pg_temp.rand_profile(i) FROM generate_series(1, 2000) i;
CREATE INDEX t_rand_skills ON t_rand USING gin (profile);
INSERT INTO t_rand SELECT i, pg_temp.rand_profile(i) FROM generate_series(2001, 3000) i;
ANALYZE t_rand;
-- queries: every word and some spellings of it alone, and 150 random arrays
-- of 0 to 4 words (some with a NULL) for each of ?| and ?&
CREATE TEMP TABLE queries (qid serial, op text, skill text, skills text[]);
INSERT INTO queries (op, skill)
SELECT '?', s FROM vocab
UNION ALL SELECT '?', v FROM unnest(ARRAY['굴 착 기', 'cnc', 'Co2용접', '지게차 운전', '없는기술']) v;
INSERT INTO queries (op, skills)
SELECT op, ARRAY(SELECT CASE WHEN abs(hashint4(k * 5 + j)) % 9 = 0 THEN NULL ELSE
                          (SELECT s FROM vocab WHERE n = abs(hashint4(k * 7 + j)) % 24) END
                 FROM generate_series(1, abs(hashint4(k)) % 5) j)
FROM generate_series(1, 150) k, unnest(ARRAY['?|', '?&']) op;
-- the rows each way
CREATE TEMP TABLE by_arrays AS
SELECT qid, id FROM queries q JOIN t_rand t ON t.profile IS NOT NULL AND CASE q.op
	WHEN '?' THEN coalesce(jobprofile_skills(t.profile), '{}') @> jobprofile_skills(jobprofile(skills => ARRAY[q.skill]))
	WHEN '?|' THEN coalesce(jobprofile_skills(t.profile), '{}') && coalesce(jobprofile_skills(jobprofile(skills => array_remove(q.skills, NULL))), '{}')
	ELSE coalesce(jobprofile_skills(t.profile), '{}') @> coalesce(jobprofile_skills(jobprofile(skills => array_remove(q.skills, NULL))), '{}') END;
CREATE TEMP TABLE by_functions AS
SELECT qid, id FROM queries q JOIN t_rand t ON CASE q.op
	WHEN '?' THEN has_skill(t.profile, q.skill)
	WHEN '?|' THEN has_any_skill(t.profile, q.skills)
	ELSE has_all_skills(t.profile, q.skills) END;
CREATE FUNCTION pg_temp.pairs(plan text) RETURNS TABLE (qid int, id int) LANGUAGE plpgsql AS $$
DECLARE
	q text := $q$
		SELECT q.qid, t.id FROM queries q JOIN t_rand t ON q.op = '?' AND t.profile ? q.skill
		UNION ALL
		SELECT q.qid, t.id FROM queries q JOIN t_rand t ON q.op = '?|' AND t.profile ?| q.skills
		UNION ALL
		SELECT q.qid, t.id FROM queries q JOIN t_rand t ON q.op = '?&' AND t.profile ?& q.skills$q$;
	line text;
	index_scans int := 0;
	seq_scans int := 0;
BEGIN
	IF plan = 'index' THEN
		SET LOCAL enable_seqscan = off;
		SET LOCAL enable_hashjoin = off;
		SET LOCAL enable_mergejoin = off;
	ELSE
		SET LOCAL enable_indexscan = off;
		SET LOCAL enable_bitmapscan = off;
	END IF;
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		IF line ~ 'Bitmap Index Scan on t_rand_skills' THEN
			index_scans := index_scans + 1;
		ELSIF line ~ 'Seq Scan on t_rand' THEN
			seq_scans := seq_scans + 1;
		END IF;
	END LOOP;
	IF (plan = 'index' AND (index_scans <> 3 OR seq_scans <> 0))
		OR (plan <> 'index' AND (index_scans <> 0 OR seq_scans <> 3)) THEN
		RAISE EXCEPTION 'plan % not used: % index scans, % sequential scans', plan, index_scans, seq_scans;
	END IF;
	RETURN QUERY EXECUTE q;
END $$;
CREATE TEMP TABLE by_index AS SELECT * FROM pg_temp.pairs('index');
CREATE TEMP TABLE by_seqscan AS SELECT * FROM pg_temp.pairs('seqscan');
-- no pair differs; every operator finds rows, and some queries none
SELECT (SELECT count(*) FROM ((TABLE by_arrays EXCEPT ALL TABLE by_index) UNION ALL (TABLE by_index EXCEPT ALL TABLE by_arrays)) d) AS index_vs_arrays,
       (SELECT count(*) FROM ((TABLE by_arrays EXCEPT ALL TABLE by_seqscan) UNION ALL (TABLE by_seqscan EXCEPT ALL TABLE by_arrays)) d) AS seqscan_vs_arrays,
       (SELECT count(*) FROM ((TABLE by_arrays EXCEPT ALL TABLE by_functions) UNION ALL (TABLE by_functions EXCEPT ALL TABLE by_arrays)) d) AS functions_vs_arrays;
SELECT op, count(*) AS queries,
       count(*) FILTER (WHERE EXISTS (SELECT FROM by_index b WHERE b.qid = q.qid)) > count(*) / 2 AS most_find_rows,
       count(*) FILTER (WHERE NOT EXISTS (SELECT FROM by_index b WHERE b.qid = q.qid)) > 0 AS some_find_none
FROM queries q GROUP BY op ORDER BY op;

-- the index answers after rows change, and stays valid
DELETE FROM t_rand WHERE id % 3 = 0;
UPDATE t_rand SET profile = jobprofile(skills => ARRAY['굴착기']) WHERE id % 3 = 1 AND id <= 30;
VACUUM t_rand;
SET enable_seqscan = off;
SELECT count(*) AS with_index FROM t_rand WHERE profile ? '굴착기' \gset
RESET enable_seqscan;
SET enable_bitmapscan = off;
SELECT count(*) AS by_seqscan FROM t_rand WHERE profile ? '굴착기' \gset
RESET enable_bitmapscan;
SELECT :with_index = :by_seqscan AS same_count, :with_index >= 10 AS updated_rows_found;

DROP TABLE doc_postings;
