--
-- settings: the jobs_ext.* settings reach parallel workers, survive being
-- SET before the library is loaded, and are refused, never silently
-- replaced, in a Citus worker's part of a distributed query (simulated here
-- by Citus's application_name; test/citus/sql/citus.sql does it on a real
-- cluster).
--

-- SET before anything has loaded the library of jobs_ext in this session:
-- the value is kept and used once the library loads (reserving the prefix
-- used to drop it, with a warning).
SET jobs_ext.match_weights = 'occupation=1, wage=3';
-- occupation 7430 against 8731 shares no digit (0), the wage is met (1):
-- (1 * 0 + 3 * 1) / (1 + 3) = 0.75
SELECT match_score('occupation=7430 wage=2000000', 'occupation=8731 wage=2000000');
SHOW jobs_ext.match_weights;
RESET jobs_ext.match_weights;
-- the built-in weights: 0.15 / (0.2 + 0.15) = 3 / 7
SELECT match_score('occupation=7430 wage=2000000', 'occupation=8731 wage=2000000');

CREATE TABLE st_pairs (id int, seeker jobprofile, posting jobprofile, a text, b text, c jobcat);
INSERT INTO st_pairs
SELECT i, 'occupation=7430 wage=2000000', 'occupation=8731 wage=2000000',
       CASE WHEN i % 4 = 0 THEN '용접기능사' ELSE '지게차운전' END, '용접기능사', '60'
FROM generate_series(1, 1000) i;
ANALYZE st_pairs;

-- Parallel workers get the leader's settings: the same answers with workers
-- forced as without.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
-- only the workers scan, so every row is scored with what they were given
SET parallel_leader_participation = off;
-- force_parallel_mode was renamed debug_parallel_query in PostgreSQL 16
SELECT CASE WHEN current_setting('server_version_num')::int >= 160000
	THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END AS parallel_guc \gset
SET :parallel_guc = on;
SET jobs_ext.match_weights = 'occupation=1, wage=3';
-- 1000 pairs scoring 0.75 each
EXPLAIN (COSTS OFF) SELECT sum(match_score(seeker, posting)) FROM st_pairs;
SELECT sum(match_score(seeker, posting)) FROM st_pairs;
-- a threshold of 1 takes only the 250 identical texts, 0 takes all 1000
SET jobs_ext.hangul_similarity_threshold = 1;
SELECT count(*) FROM st_pairs WHERE a %% b;
SET jobs_ext.hangul_similarity_threshold = 0;
SELECT count(*) FROM st_pairs WHERE a %% b;
SET jobs_ext.hangul_word_similarity_threshold = 1;
SELECT count(*) FROM st_pairs WHERE b <%% a;
-- a jobcat cast to text in a worker prints as the leader's setting says
SET jobs_ext.jobcat_output = 'en';
SELECT DISTINCT c::text FROM st_pairs;
RESET jobs_ext.jobcat_output;
RESET jobs_ext.hangul_word_similarity_threshold;
RESET jobs_ext.hangul_similarity_threshold;

-- In a backend that Citus opened on a worker (its application_name starts
-- "citus_internal gpid="), a setting that was not SET in the session is
-- refused (0A000), in the backend and in its parallel workers; a setting
-- that was SET (as Citus does with SET LOCAL when it propagates it), or a
-- query that carries its weights and thresholds, is answered.
CREATE FUNCTION pg_temp.try(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
RESET jobs_ext.match_weights;
SET application_name = 'citus_internal gpid=10000000001';
SELECT q, pg_temp.try(q) FROM (VALUES
	('SELECT sum(match_score(seeker, posting)) FROM st_pairs'),
	('SELECT sum(match_score(seeker, posting, ''{"wage": 1}'')) FROM st_pairs'),
	('SELECT count(match_explain(seeker, posting)) FROM st_pairs'),
	('SELECT count(*) FROM match_batch(''st_pairs'', ''st_pairs'', 1, id_column => ''id'', profile_column => ''seeker'')'),
	('SELECT count(*) FROM st_pairs WHERE a %% b'),
	('SELECT count(*) FROM st_pairs WHERE b <%% a'),
	('SELECT count(*) FROM st_pairs WHERE a %%> b'),
	('SELECT max(c::text) FROM st_pairs'),
	-- carried in the query: no setting read
	('SELECT sum(match_score(seeker, posting, ''{"occupation": 1, "skills": 1, "region": 1, "wage": 3, "hours": 1, "shifts": 1, "education": 1, "experience": 1}'')) FROM st_pairs'),
	('SELECT count(*) FROM st_pairs WHERE hangul_similarity(a, b) >= 1'),
	('SELECT max(jobcat_label(c, ''en'')) FROM st_pairs'),
	-- a value of type jobcat sent back to the coordinator (no cast in the query)
	('SELECT max(c) FROM st_pairs')
) AS t(q);
SELECT sum(match_score(seeker, posting, '{"occupation": 1, "skills": 1, "region": 1, "wage": 3, "hours": 1, "shifts": 1, "education": 1, "experience": 1}'))
FROM st_pairs;
SELECT count(*) FROM st_pairs WHERE hangul_similarity(a, b) >= 1;
-- SET in the session (how Citus's SET LOCAL arrives): used
BEGIN;
SET LOCAL jobs_ext.match_weights = 'occupation=1, wage=3';
SET LOCAL jobs_ext.hangul_similarity_threshold = 1;
SELECT sum(match_score(seeker, posting)) FROM st_pairs;
SELECT count(*) FROM st_pairs WHERE a %% b;
COMMIT;
-- and refused again once the transaction has undone it
SELECT pg_temp.try('SELECT count(*) FROM st_pairs WHERE a %% b');
RESET application_name;
SELECT count(*) FROM st_pairs WHERE a %% b;

RESET :parallel_guc;
RESET parallel_leader_participation;
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;
DROP TABLE st_pairs;
