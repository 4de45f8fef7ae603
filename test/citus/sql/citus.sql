--
-- Citus: every aggregate of jobs_ext split across the workers, distribution
-- and joins by every type with a hash operator class, settings that would not
-- reach the workers, and matching with the scoring on the workers.
--
-- Run by `make test-citus` (test/citus.sh) on a coordinator and two workers,
-- with citus and jobs_ext created on all of them; not part of `make test`.
-- Every distributed answer is compared with the same query on a local
-- (not distributed) copy of the table on the coordinator.
--
-- (error: creating the helpers in pg_temp warns that Citus keeps them local)
SET client_min_messages = error;
SET citus.shard_count = 4;
SELECT extversion AS citus_version FROM pg_extension WHERE extname = 'citus';
SELECT count(*) AS workers FROM citus_get_active_worker_nodes();

-- A plan, with what changes from run to run (ports, shard ids, OIDs) masked
CREATE FUNCTION pg_temp.plan(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || q LOOP
		line := regexp_replace(line, 'port=[0-9]+', 'port=N', 'g');
		line := regexp_replace(line, '_[0-9]{6,}\M', '_N', 'g');
		line := regexp_replace(line, '''[0-9]+''::oid', '''OID''::oid', 'g');
		RETURN NEXT line;
	END LOOP;
END $$;

-- The plan without its details: the nodes on the coordinator and those of
-- one task on a worker
CREATE FUNCTION pg_temp.shape(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		line := regexp_replace(line, 'port=[0-9]+', 'port=N', 'g');
		line := regexp_replace(line, '_[0-9]{6,}\M', '_N', 'g');
		line := regexp_replace(line, 'Subplan [0-9]+_', 'Subplan N_', 'g');
		RETURN NEXT line;
	END LOOP;
END $$;
-- Does the query each task runs compute match_score?
CREATE FUNCTION pg_temp.scores_on_workers(q text) RETURNS boolean LANGUAGE sql AS $$
	SELECT bool_or(l ~ 'Query: .*match_score\(') FROM pg_temp.plan(q) AS l
$$;

-- How Citus runs a query: the number of tasks (one per shard), whether each
-- task computes a partial aggregate (worker_partial_agg) that the coordinator
-- combines (coord_combine_agg), and whether the coordinator instead gets the
-- rows; min and max, which Citus knows, are split the same way.
CREATE FUNCTION pg_temp.split(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	p text;
BEGIN
	SELECT string_agg(l, E'\n') INTO p FROM pg_temp.plan(q) AS l;
	RETURN format('%s tasks, %s on the workers, %s on the coordinator',
		substring(p FROM 'Task Count: ([0-9]+)'),
		CASE WHEN p ~ 'Query: SELECT .*worker_partial_agg\(' THEN 'partial aggregates'
		     WHEN p ~ 'Query: SELECT .*\m(min|max)\(' THEN 'partial min/max'
		     ELSE 'rows only' END,
		CASE WHEN p ~ '(Output|Aggregate).*coord_combine_agg\(' THEN 'combined'
		     WHEN p ~ 'Output: (min|max)\(remote_scan' THEN 'combined'
		     ELSE 'aggregated from rows' END);
END $$;

-- one table of enrolment-like rows, distributed by id, and its local copy
CREATE TABLE ev (id bigint, person bigint, category jobcat, score real, w eligwin,
                 ps peopleset, cs catstats);
CREATE TABLE ev_local (LIKE ev);
INSERT INTO ev_local
SELECT i, i % 37 + (i % 3) * 1000000007,
       (ARRAY['21', '22', '60', '811', '90', '11'])[1 + i % 6]::jobcat,
       (i * 7 % 13)::real / 13,
       eligwin(daterange(date '2020-01-01' + i % 50, date '2020-02-01' + i % 70 + 50)),
       format('{%s,%s}', i % 11, i % 5 + 100)::peopleset,
       NULL
FROM generate_series(1, 600) i;
UPDATE ev_local SET cs = format('{%s:2:{%s,%s}}', jobcat_code(category), person, person + 1)::catstats;
INSERT INTO ev SELECT * FROM ev_local;
SELECT create_distributed_table('ev', 'id');
SELECT count(*) AS rows, count(DISTINCT get_shard_id_for_distribution_column('ev', id)) AS shards FROM ev;

-- Every aggregate of the extension, and the call this suite makes of it: the
-- first query lists any aggregate the extension has and the suite does not
-- call (it must return no rows).
CREATE TEMP TABLE agg_call (agg text, call text);
INSERT INTO agg_call VALUES
	('catstats(bigint,jobcat)', 'catstats(person, category)'),
	('catstats_merge(catstats)', 'catstats_merge(cs)'),
	('coverage(eligwin)', 'coverage(w)'),
	('eligwin_union(eligwin)', 'eligwin_union(w)'),
	('max(jobcat)', 'max(category)'),
	('min(jobcat)', 'min(category)'),
	('people(bigint)', 'people(person)'),
	('people_merge(peopleset)', 'people_merge(ps)'),
	('peopleset_agg(bigint)', 'peopleset_agg(person)'),
	('topk(bigint,real,integer)', 'topk(id, score, 5)');
SELECT p.oid::regprocedure AS aggregate_not_tested
FROM pg_aggregate a
JOIN pg_proc p ON p.oid = a.aggfnoid
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'jobs_ext'
WHERE p.oid::regprocedure::text NOT IN (SELECT agg FROM agg_call);

-- each one: split across the four shards, the same answer as on one node
CREATE FUNCTION pg_temp.same(q text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
	dist text;
	loc text;
BEGIN
	EXECUTE format('SELECT string_agg(r::text, %L ORDER BY r::text) FROM (%s) r', ';', q) INTO dist;
	EXECUTE format('SELECT string_agg(r::text, %L ORDER BY r::text) FROM (%s) r', ';',
		replace(q, 'FROM ev', 'FROM ev_local')) INTO loc;
	RETURN dist IS NOT DISTINCT FROM loc AND dist IS NOT NULL;
END $$;
SELECT agg,
       pg_temp.split(format('SELECT %s FROM ev', call)) AS plan,
       pg_temp.same(format('SELECT %s FROM ev', call)) AS same_as_local,
       pg_temp.same(format('SELECT category, %s FROM ev GROUP BY category', call)) AS grouped_same
FROM agg_call ORDER BY agg;

-- what one of those plans looks like: the workers return partial states, the
-- coordinator combines them
SELECT * FROM pg_temp.plan('SELECT topk(id, score, 5) FROM ev');
SELECT topk(id, score, 5) FROM ev;
SELECT people(person), enrolments(catstats(person, category)) FROM ev;

-- Distribution by each type with a hash operator class: equal values (here
-- written in two text forms that read as the same value) land on the same
-- shard, so co-located tables join on the column, and GROUP BY and DISTINCT
-- on it run on the workers.
SELECT opc.opcintype::regtype AS type_with_hash_ops
FROM pg_opclass opc
JOIN pg_am am ON am.oid = opc.opcmethod AND am.amname = 'hash'
JOIN pg_depend d ON d.classid = 'pg_opclass'::regclass AND d.objid = opc.oid
                AND d.refclassid = 'pg_extension'::regclass
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'jobs_ext'
ORDER BY 1::text;
CREATE TEMP TABLE key_values (typ text, a text, b text);
INSERT INTO key_values VALUES
	('jobcat', '60', '직접일자리'), ('jobcat', '811', '8.1.1'), ('jobcat', '21', '21'),
	('eligwin', '{[2020-01-01,2020-01-31],[2020-02-01,2020-02-10]}', '{[2020-01-01,2020-02-10]}'),
	('eligwin', '{[2021-01-01,)} age 15..34', '{[2021-01-01,)} age 15..34'),
	('coverage', '{2020-01-01:1,2020-02-01:0}', '{ 2020-01-01 : 1 , 2020-02-01 : 0 }'),
	('coverage', '{}', '{}'),
	('jobprofile', 'occupation=7430 skills={용접,도장}', 'skills={도장,용접} occupation=7430'),
	('jobprofile', 'region=4513010100 wage=2500000', 'wage=2500000 region=4513010100'),
	('topk_state', 'k=3 {(2,0.5),(1,0.5),(9,0.75)}', 'k=3 {(9,0.75),(1,0.5),(2,0.5)}'),
	('topk_state', 'k=2 {}', 'k=2 {}'),
	('peopleset', '{1,2,3,5}', '{1..3,5}'), ('peopleset', '{}', '{}'),
	('peopleset', '{-7,9223372036854775807}', '{ -7 , 9223372036854775807 }'),
	('catstats', '{21:3:{1,2},60:1:{3}}', '{21:3:{1..2},60:1:{3}}'),
	('catstats', '{}', '{}');
CREATE FUNCTION pg_temp.by_type(typ text) RETURNS TABLE (
	type text, distributed boolean, same_shard boolean, join_rows bigint,
	local_join_rows bigint, join_plan text, groups bigint) LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('CREATE TABLE k_a (k %s, n int)', typ);
	EXECUTE format('CREATE TABLE k_b (k %s, n int)', typ);
	EXECUTE format('INSERT INTO k_a SELECT a::%s, row_number() OVER () FROM key_values WHERE typ = %L', typ, typ);
	EXECUTE format('INSERT INTO k_b SELECT b::%s, row_number() OVER () FROM key_values WHERE typ = %L', typ, typ);
	EXECUTE 'SELECT count(*) FROM k_a JOIN k_b USING (k)' INTO local_join_rows;
	PERFORM create_distributed_table('k_a', 'k');
	PERFORM create_distributed_table('k_b', 'k', colocate_with => 'k_a');
	type := typ;
	distributed := (SELECT count(*) = 2 FROM pg_dist_partition
	                WHERE logicalrelid IN ('k_a'::regclass, 'k_b'::regclass) AND partmethod = 'h');
	EXECUTE format('SELECT bool_and(get_shard_id_for_distribution_column(''k_a'', a::%1$s)
	                              = get_shard_id_for_distribution_column(''k_a'', b::%1$s))
	                FROM key_values WHERE typ = %2$L', typ, typ) INTO same_shard;
	EXECUTE 'SELECT count(*) FROM k_a JOIN k_b USING (k)' INTO join_rows;
	SELECT format('%s tasks, %s', substring(string_agg(l, ' ') FROM 'Task Count: ([0-9]+)'),
	              CASE WHEN bool_or(l ~ 'Query: .* JOIN .*k_b') THEN 'the join in each task' ELSE 'not pushed down' END)
	INTO join_plan FROM pg_temp.plan('SELECT count(*) FROM k_a JOIN k_b USING (k)') AS l;
	EXECUTE 'SELECT count(*) FROM (SELECT k FROM k_a GROUP BY k) g' INTO groups;
	DROP TABLE k_a, k_b;
	RETURN NEXT;
END $$;
SELECT t.* FROM (SELECT DISTINCT typ FROM key_values) v, pg_temp.by_type(v.typ) t ORDER BY 1;

-- A join of two distributed tables on a peopleset column they are not
-- distributed by: Citus repartitions the rows by the column's hash function
SET citus.enable_repartition_joins = on;
SELECT count(*) AS repartition_join_rows FROM ev a JOIN ev b ON a.ps = b.ps;
SELECT count(*) AS local_rows FROM ev_local a JOIN ev_local b ON a.ps = b.ps;
SELECT count(*) AS repartition_join_rows FROM ev a JOIN ev b ON a.cs = b.cs;
SELECT count(*) AS local_rows FROM ev_local a JOIN ev_local b ON a.cs = b.cs;
RESET citus.enable_repartition_joins;

-- Settings on a cluster (doc/scaling.md, "Settings on a cluster"): a value
-- SET on the coordinator does not reach the workers' part of a query, so a
-- function that would read it there is refused rather than silently using
-- the worker's own value.
CREATE TABLE seekers (id bigint, profile jobprofile, name text);
CREATE TABLE postings (id bigint, profile jobprofile, title text);
INSERT INTO seekers
SELECT i, jobprofile(
	occupation => (ARRAY['7430', '74', '8731', '9220', '4211', '1530'])[1 + (i * 7) % 6],
	skills => (SELECT array_agg((ARRAY['용접', '특수용접', '지게차', '도장', '배관', '전기', 'cad', '요양보호', '운전', '태양광'])[1 + (i * j * 13 + j) % 10]) FROM generate_series(1, 1 + i % 4) j),
	region => (ARRAY['4513010100', '5213025021', '52140', '4511110100', '1111010100'])[1 + (i * 3) % 5],
	wage => 1800000 + (i * 37 % 10) * 100000,
	hours => CASE WHEN i % 5 = 0 THEN NULL ELSE 35 + i % 15 END,
	shifts => CASE WHEN i % 3 = 0 THEN ARRAY['day'] WHEN i % 3 = 1 THEN ARRAY['day', 'night'] END,
	education => (ARRAY['high', 'college', 'bachelor', NULL])[1 + i % 4],
	experience => i % 12,
	target_groups => CASE WHEN i % 4 = 0 THEN ARRAY['youth'] WHEN i % 7 = 0 THEN ARRAY['older'] END),
	(ARRAY['용접공', '특수용접 기능사', '지게차 운전원', '도장공', '배관공', '전기공'])[1 + i % 6]
FROM generate_series(1, 120) i;
INSERT INTO postings
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
	target_groups => CASE WHEN i % 9 = 0 THEN ARRAY['youth'] END),
	(ARRAY['용접 기능공 모집', '지게차 운전기사', '도장 작업자', '배관 기술자', '전기 기술자'])[1 + i % 5]
FROM generate_series(1, 300) i;
-- local copies, then seekers distributed by id and postings a reference table
CREATE TABLE seekers_local AS SELECT * FROM seekers;
CREATE TABLE postings_local AS SELECT * FROM postings;
SELECT create_distributed_table('seekers', 'id');
SELECT create_reference_table('postings');
-- (statistics now, so the plans below do not change when an index comes)
ANALYZE seekers;
ANALYZE postings;

SET jobs_ext.match_weights = 'skills=1, region=0.5';
SET jobs_ext.hangul_similarity_threshold = 0.5;
SET jobs_ext.hangul_word_similarity_threshold = 0.8;
SET jobs_ext.jobcat_output = 'ko';
-- (the SQLSTATE and message of a statement, or 'ok')
CREATE FUNCTION pg_temp.try(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
SELECT q, pg_temp.try(q) FROM (VALUES
	('SELECT sum(match_score(s.profile, p.profile)) FROM seekers s, postings p'),
	('SELECT sum(match_score(s.profile, p.profile, ''{"skills": 1}'')) FROM seekers s, postings p'),
	('SELECT max(match_explain(s.profile, p.profile)::text) FROM seekers s, postings p'),
	('SELECT count(*) FROM seekers WHERE name %% ''용접 기능사'''),
	('SELECT count(*) FROM seekers WHERE ''용접'' <%% name'),
	('SELECT count(*) FROM seekers WHERE name %%> ''용접'''),
	('SELECT max(category::text) FROM ev')
) AS t(q);
-- on the coordinator, a query on local tables reads the settings as always
SELECT count(*) FROM seekers_local WHERE name %% '용접 기능사';
SELECT max(category::text) FROM ev_local;
-- a value of type jobcat that a worker sends back is printed by the
-- coordinator's setting
SELECT DISTINCT category FROM ev ORDER BY 1 LIMIT 2;
RESET jobs_ext.jobcat_output;

-- What works on a cluster: the weights and thresholds written in the query
-- (every factor given), the same answers as the settings give on one node
\set weights '{"occupation": 0.2, "skills": 1, "region": 0.5, "wage": 0.15, "hours": 0.05, "shifts": 0.05, "education": 0.05, "experience": 0.05}'
SELECT (SELECT sum(match_score(s.profile, p.profile, :'weights')::numeric) FROM seekers s, postings p) AS distributed,
       (SELECT sum(match_score(s.profile, p.profile)::numeric) FROM seekers_local s, postings_local p) AS local_with_setting,
       (SELECT sum(match_score(s.profile, p.profile, '{"occupation": 0.2, "skills": 0.3, "region": 0.15, "wage": 0.15, "hours": 0.05, "shifts": 0.05, "education": 0.05, "experience": 0.05}')::numeric)
        FROM seekers_local s, postings_local p) AS local_builtin_weights;
SELECT (SELECT count(*) FROM seekers WHERE hangul_similarity(name, '용접 기능사') >= 0.5) AS distributed,
       (SELECT count(*) FROM seekers_local WHERE name %% '용접 기능사') AS local_with_setting,
       (SELECT count(*) FROM seekers WHERE hangul_word_similarity('용접', name) >= 0.8) AS word_distributed,
       (SELECT count(*) FROM seekers_local WHERE '용접' <%% name) AS word_local;
-- or SET LOCAL, which Citus sends to the workers in a transaction block
BEGIN;
SET LOCAL citus.propagate_set_commands = 'local';
SET LOCAL jobs_ext.match_weights = 'skills=1, region=0.5';
SET LOCAL jobs_ext.hangul_similarity_threshold = 0.5;
SELECT (SELECT sum(match_score(s.profile, p.profile)::numeric) FROM seekers s, postings p) AS distributed_set_local,
       (SELECT count(*) FROM seekers WHERE name %% '용접 기능사') AS similar_set_local;
COMMIT;
-- with a gin_hangul_ops index on the shards, %% still uses it there
CREATE INDEX seekers_name ON seekers USING gin (name gin_hangul_ops);
BEGIN;
SET LOCAL citus.propagate_set_commands = 'local';
SET LOCAL enable_seqscan = off;
SET LOCAL jobs_ext.hangul_similarity_threshold = 0.5;
SELECT pg_temp.shape($$SELECT count(*) FROM seekers WHERE name %% '용접 기능사'$$);
SELECT count(*) AS similar_by_index FROM seekers WHERE name %% '용접 기능사';
COMMIT;
-- the thresholds written in the query (hangul_query, the three-argument
-- functions) need no setting and use the index on the shards
BEGIN;
SET LOCAL citus.propagate_set_commands = 'local';
SET LOCAL enable_seqscan = off;
SELECT pg_temp.shape($$SELECT count(*) FROM seekers WHERE hangul_similar(name, '용접 기능사', 0.5)$$);
SELECT pg_temp.shape($$SELECT count(*) FROM seekers WHERE name %%> ('용접', 0.8)::hangul_query$$);
COMMIT;
SELECT (SELECT count(*) FROM seekers WHERE hangul_similar(name, '용접 기능사', 0.5)) AS fn_distributed,
       (SELECT count(*) FROM seekers WHERE name %% ('용접 기능사', 0.5)::hangul_query) AS op_distributed,
       (SELECT count(*) FROM seekers_local WHERE name %% '용접 기능사') AS local_with_setting,
       (SELECT count(*) FROM seekers WHERE hangul_word_similar('용접', name, 0.8)) AS word_fn_distributed,
       (SELECT count(*) FROM seekers WHERE name %%> ('용접', 0.8)::hangul_query) AS word_op_distributed,
       (SELECT count(*) FROM seekers_local WHERE '용접' <%% name) AS word_local;
-- after the transaction the workers have their own values again: refused
SELECT pg_temp.try('SELECT sum(match_score(s.profile, p.profile)) FROM seekers s, postings p');

-- Matching on the workers: each seeker's 5 best postings by the weights
-- given, as a plain join with the topk aggregate; seekers distributed by id,
-- postings a reference table.  GROUP BY the distribution column: each worker
-- scores its seekers against every posting and returns their top 5.
SELECT pg_temp.shape($$
SELECT s.id, topk(p.id, match_score(s.profile, p.profile, '{"occupation": 0.2, "skills": 1, "region": 0.5, "wage": 0.15, "hours": 0.05, "shifts": 0.05, "education": 0.05, "experience": 0.05}'), 5)
FROM seekers s CROSS JOIN postings p GROUP BY s.id$$);
SELECT pg_temp.scores_on_workers($$
SELECT s.id, topk(p.id, match_score(s.profile, p.profile, '{"occupation": 0.2, "skills": 1, "region": 0.5, "wage": 0.15, "hours": 0.05, "shifts": 0.05, "education": 0.05, "experience": 0.05}'), 5)
FROM seekers s CROSS JOIN postings p GROUP BY s.id$$);
CREATE TEMP TABLE one_node AS
SELECT seeker_id, posting_id, rank, score
FROM match_batch('seekers_local', 'postings_local', 5, :'weights');
SELECT count(*) AS rows, count(DISTINCT seeker_id) AS seekers FROM one_node;
CREATE TEMP TABLE on_workers AS
SELECT s.id AS seeker_id, t.id AS posting_id, t.rank::int AS rank, t.score
FROM (SELECT s.id, topk(p.id, match_score(s.profile, p.profile, :'weights'), 5) AS best
      FROM seekers s CROSS JOIN postings p GROUP BY s.id) s,
     unnest(s.best) WITH ORDINALITY AS t(id, score, rank);
SELECT (SELECT count(*) FROM (SELECT * FROM on_workers EXCEPT SELECT * FROM one_node) d) AS only_on_workers,
       (SELECT count(*) FROM (SELECT * FROM one_node EXCEPT SELECT * FROM on_workers) d) AS only_one_node;
-- the LATERAL form, ORDER BY match_score ... LIMIT per seeker, also runs on
-- the workers and gives the same rows
SELECT pg_temp.shape($$
SELECT s.id, x.id FROM seekers s CROSS JOIN LATERAL (
	SELECT p.id, match_score(s.profile, p.profile, '{"occupation": 0.2, "skills": 1, "region": 0.5, "wage": 0.15, "hours": 0.05, "shifts": 0.05, "education": 0.05, "experience": 0.05}') AS score
	FROM postings p ORDER BY score DESC, p.id LIMIT 5) x$$);
SELECT pg_temp.scores_on_workers($$
SELECT s.id, x.id FROM seekers s CROSS JOIN LATERAL (
	SELECT p.id, match_score(s.profile, p.profile, '{"occupation": 0.2, "skills": 1, "region": 0.5, "wage": 0.15, "hours": 0.05, "shifts": 0.05, "education": 0.05, "experience": 0.05}') AS score
	FROM postings p ORDER BY score DESC, p.id LIMIT 5) x$$);
SELECT count(*) AS differences FROM (
	(SELECT s.id, x.id, x.rank::int, x.score FROM seekers s CROSS JOIN LATERAL (
		SELECT p.id, match_score(s.profile, p.profile, :'weights') AS score,
		       row_number() OVER (ORDER BY match_score(s.profile, p.profile, :'weights') DESC, p.id) AS rank
		FROM postings p ORDER BY score DESC, p.id LIMIT 5) x
	 EXCEPT SELECT * FROM one_node)
	UNION ALL
	(SELECT * FROM one_node EXCEPT
	 SELECT s.id, x.id, x.rank::int, x.score FROM seekers s CROSS JOIN LATERAL (
		SELECT p.id, match_score(s.profile, p.profile, :'weights') AS score,
		       row_number() OVER (ORDER BY match_score(s.profile, p.profile, :'weights') DESC, p.id) AS rank
		FROM postings p ORDER BY score DESC, p.id LIMIT 5) x)) d;
-- match_batch itself reads both tables on the coordinator (exact, but no work
-- on the workers): the same rows
SELECT count(*) AS differences FROM (
	(SELECT * FROM match_batch('seekers', 'postings', 5, :'weights') EXCEPT SELECT * FROM one_node)
	UNION ALL
	(SELECT * FROM one_node EXCEPT SELECT * FROM match_batch('seekers', 'postings', 5, :'weights'))) d;

-- Both distributed (postings by id too): the seekers go to every worker as
-- an intermediate result (the MATERIALIZED CTE), each worker scores them
-- against its shards of postings and returns partial topk states per seeker,
-- and the coordinator combines them.
CREATE TABLE postings_d AS SELECT * FROM postings_local;
SELECT create_distributed_table('postings_d', 'id');
SELECT pg_temp.shape($$
WITH s AS MATERIALIZED (SELECT id, profile FROM seekers)
SELECT s.id, topk(p.id, match_score(s.profile, p.profile, '{"occupation": 0.2, "skills": 1, "region": 0.5, "wage": 0.15, "hours": 0.05, "shifts": 0.05, "education": 0.05, "experience": 0.05}'), 5)
FROM s CROSS JOIN postings_d p GROUP BY s.id$$);
SELECT pg_temp.split($$
WITH s AS MATERIALIZED (SELECT id, profile FROM seekers)
SELECT s.id, topk(p.id, match_score(s.profile, p.profile, '{"occupation": 0.2, "skills": 1, "region": 0.5, "wage": 0.15, "hours": 0.05, "shifts": 0.05, "education": 0.05, "experience": 0.05}'), 5)
FROM s CROSS JOIN postings_d p GROUP BY s.id$$) AS both_distributed_plan,
       pg_temp.scores_on_workers($$
WITH s AS MATERIALIZED (SELECT id, profile FROM seekers)
SELECT s.id, topk(p.id, match_score(s.profile, p.profile, '{"occupation": 0.2, "skills": 1, "region": 0.5, "wage": 0.15, "hours": 0.05, "shifts": 0.05, "education": 0.05, "experience": 0.05}'), 5)
FROM s CROSS JOIN postings_d p GROUP BY s.id$$);
CREATE TEMP TABLE both_distributed AS
WITH s AS MATERIALIZED (SELECT id, profile FROM seekers)
SELECT b.id AS seeker_id, t.id AS posting_id, t.rank::int AS rank, t.score
FROM (SELECT s.id, topk(p.id, match_score(s.profile, p.profile, :'weights'), 5) AS best
      FROM s CROSS JOIN postings_d p GROUP BY s.id) b,
     unnest(b.best) WITH ORDINALITY AS t(id, score, rank);
SELECT (SELECT count(*) FROM (SELECT * FROM both_distributed EXCEPT SELECT * FROM one_node) d) AS only_distributed,
       (SELECT count(*) FROM (SELECT * FROM one_node EXCEPT SELECT * FROM both_distributed) d) AS only_one_node;
-- each posting's 3 best seekers the same way (by_posting)
SELECT count(*) AS differences FROM (
	(SELECT t.id, b.pid, t.rank::int, t.score
	 FROM (SELECT p.id AS pid, topk(s.id, match_score(s.profile, p.profile, :'weights'), 3) AS best
	       FROM seekers s CROSS JOIN postings p GROUP BY p.id) b,
	      unnest(b.best) WITH ORDINALITY AS t(id, score, rank)
	 EXCEPT SELECT * FROM match_batch('seekers_local', 'postings_local', 3, :'weights', by_posting => true))
	UNION ALL
	(SELECT * FROM match_batch('seekers_local', 'postings_local', 3, :'weights', by_posting => true)
	 EXCEPT
	 SELECT t.id, b.pid, t.rank::int, t.score
	 FROM (SELECT p.id AS pid, topk(s.id, match_score(s.profile, p.profile, :'weights'), 3) AS best
	       FROM seekers s CROSS JOIN postings p GROUP BY p.id) b,
	      unnest(b.best) WITH ORDINALITY AS t(id, score, rank))) d;

RESET jobs_ext.match_weights;
RESET jobs_ext.hangul_similarity_threshold;
RESET jobs_ext.hangul_word_similarity_threshold;
DROP TABLE ev, ev_local, seekers, postings, seekers_local, postings_local, postings_d;
