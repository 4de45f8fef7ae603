--
-- catstats: enrolments (연인원) and distinct people (실인원) per category,
-- rolled up the taxonomy.
--

-- the SQLSTATE and message of a statement, or 'ok'
CREATE FUNCTION pg_temp.try(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- A small example: five enrolments of three people.
CREATE TABLE cs_small (person bigint, category jobcat);
INSERT INTO cs_small VALUES (1, '21'), (1, '22'), (2, '21'), (2, '21'), (3, '60');
SELECT catstats(person, category) FROM cs_small;
SELECT * FROM unnest((SELECT catstats(person, category) FROM cs_small));
SELECT people(c), enrolments(c), peopleset(c)
FROM (SELECT catstats(person, category) AS c FROM cs_small) AS s;
SELECT jsonb_pretty(to_jsonb(catstats(person, category))) FROM cs_small;

-- Text form: per category in taxonomy order, code:enrolments:{people}.
WITH v(c) AS (VALUES ('{}'::catstats), ('{60:1:{7}}'), ('{21:3:{1,2},22:1:{1},60:1:{3}}'),
                     ('{ 11 : 4 : { 1 .. 3 } , 811:2:{-9007199254740991,9007199254740991} }'))
SELECT c, c::text::catstats::text = c::text AS text_round_trip,
       catstats(catstats_send(c))::text = c::text AS binary_round_trip
FROM v;

-- Bad text input is rejected with 22P02, whatever is wrong.
SELECT q, pg_temp.try(q) FROM (VALUES
	($$SELECT '{60:1:{7}'::catstats$$),
	($$SELECT '{60:1}'::catstats$$),
	($$SELECT '{99:1:{7}}'::catstats$$),
	($$SELECT '{60:1:{7},21:1:{7}}'::catstats$$),
	($$SELECT '{60:1:{7},60:1:{8}}'::catstats$$),
	($$SELECT '{60:1:{7,8}}'::catstats$$),
	($$SELECT '{60:0:{}}'::catstats$$),
	($$SELECT '{60:2:{}}'::catstats$$),
	($$SELECT '{60:2:{8,7}}'::catstats$$),
	($$SELECT '{60:1:{9007199254740992}}'::catstats$$),
	($$SELECT '{60:1:{7}} x'::catstats$$),
	($$SELECT '{-60:1:{7}}'::catstats$$)) AS t(q);

-- Binary form; bad binary input is rejected with 22P03.
SELECT catstats_send('{21:3:{1,2},60:1:{3}}');
SELECT q, pg_temp.try(q) FROM (VALUES
	($$SELECT catstats('\x020000'::bytea)$$),
	($$SELECT catstats('\x01ffff'::bytea)$$),
	($$SELECT catstats('\x010001003c'::bytea)$$),
	($$SELECT catstats('\x010001003c000000000000000100000001'::bytea)$$),
	($$SELECT catstats('\x010001003c00000000000000010000000100000000000000070000'::bytea)$$),
	($$SELECT catstats('\x01000100630000000000000001000000010000000000000007'::bytea)$$),
	($$SELECT catstats('\x010001003c0000000000000001000000020000000000000008'
	                   '0000000000000007'::bytea)$$),
	($$SELECT catstats('\x010001003c00000000000000010000000200000000000000070000000000000008'::bytea)$$),
	($$SELECT catstats('\x010001003c000000000000000000000000'::bytea)$$),
	($$SELECT catstats('\x010002003c0000000000000001000000010000000000000007'
	                   '00150000000000000001000000010000000000000007'::bytea)$$),
	($$SELECT catstats('\x010001003c000000000000000100000001'
	                   '0020000000000000'::bytea)$$)) AS t(q);

-- Random damage to valid binary and text values: every result is either a
-- clean 22P03 / 22P02 error or a valid value that round-trips.
CREATE FUNCTION pg_temp.outcome(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	v text;
BEGIN
	EXECUTE q INTO v;
	RETURN CASE WHEN v::catstats::text = v THEN 'valid, round-trips' ELSE 'valid, DOES NOT ROUND-TRIP' END;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;
SELECT setseed(0.5);
WITH v AS (SELECT catstats_send('{11:4:{1..3},21:3:{1,2},22:1:{1},60:1:{3},811:2:{-9007199254740991,9007199254740991}}') AS b),
m AS (SELECT set_byte(b, (random() * (length(b) - 1))::int, (random() * 255)::int) AS flipped,
             substr(b, 1, (random() * (length(b) - 1))::int) AS truncated
      FROM v, generate_series(1, 2000) AS i)
SELECT 'byte changed' AS damage, pg_temp.outcome(format('SELECT catstats(%L::bytea)::text', flipped)) AS outcome, count(*)
FROM m GROUP BY 1, 2
UNION ALL
SELECT 'truncated', pg_temp.outcome(format('SELECT catstats(%L::bytea)::text', truncated)), count(*)
FROM m GROUP BY 1, 2
ORDER BY 1, 2;
SELECT setseed(0.7);
SELECT pg_temp.outcome(format('SELECT %L::catstats::text', t)) AS outcome, count(*)
FROM (SELECT overlay('{11:4:{1..3},21:3:{1,2},60:1:{3}}' PLACING chr(32 + (random() * 94)::int)
                     FROM 1 + (random() * 30)::int FOR 1) AS t
      FROM generate_series(1, 2000)) AS m
GROUP BY 1 ORDER BY 1;

-- Person numbers beyond +-(2^53 - 1) are a limit of catstats (54000).
SELECT pg_temp.try($$SELECT catstats(9007199254740992, '60') $$);
SELECT people(catstats(p, '60')) FROM (VALUES (9007199254740991), (-9007199254740991)) AS t(p);

-- NULL handling: a row with a NULL person or category is skipped; no rows
-- (or only skipped rows) give the empty value, whose counts are 0.
SELECT catstats(p, c), people(catstats(p, c)), enrolments(catstats(p, c))
FROM (VALUES (1::bigint, NULL::jobcat), (NULL, '60'), (NULL, NULL)) AS t(p, c);
SELECT catstats(p, c), people(catstats(p, c)), enrolments(catstats(p, c))
FROM (SELECT 1::bigint AS p, '60'::jobcat AS c WHERE false) AS t;
SELECT count(*) FROM unnest('{}'::catstats);
SELECT catstats_merge(c) FROM (VALUES (NULL::catstats), ('{60:1:{7}}'), (NULL)) AS t(c);

-- Random enrolments: 300,000 rows, about 40,000 people, every category.
SELECT setseed(0.25);
CREATE TABLE cs_e AS
SELECT i AS id,
       i % 3 AS part,
       (random() * 40000)::bigint AS person,
       t.code AS category
FROM generate_series(1, 300000) AS i
JOIN (SELECT row_number() OVER () - 1 AS k, code FROM jobcat_taxonomy()) AS t
  ON t.k = (i::bigint * 7919 + i / 13) % 31;
ANALYZE cs_e;

-- The plain-SQL answer: GROUP BY ROLLUP over the three taxonomy levels,
-- keeping from each grouping set the rows that name a category.
CREATE TABLE cs_expected AS
SELECT CASE WHEN GROUPING(l2) = 1 THEN l1
            WHEN GROUPING(l3) = 1 THEN l2
            ELSE l3 END AS category,
       count(*) AS enrolments, count(DISTINCT person) AS people
FROM (SELECT person,
             jobcat_top(category) AS l1,
             CASE jobcat_level(category) WHEN 1 THEN NULL
                  WHEN 2 THEN category ELSE jobcat_parent(category) END AS l2,
             CASE WHEN jobcat_level(category) = 3 THEN category END AS l3
      FROM cs_e) AS s
GROUP BY ROLLUP (l1, l2, l3)
HAVING GROUPING(l1) = 0
   AND (GROUPING(l2) = 1 OR l2 IS NOT NULL)
   AND (GROUPING(l3) = 1 OR l3 IS NOT NULL);

-- catstats gives exactly the same rows, in taxonomy order.
CREATE TABLE cs_result AS SELECT catstats(person, category) AS c FROM cs_e;
SELECT count(*) AS categories,
       count(*) FILTER (WHERE u.enrolments = x.enrolments AND u.people = x.people) AS same
FROM unnest((SELECT c FROM cs_result)) AS u
FULL JOIN cs_expected AS x USING (category);
SELECT people(c) = (SELECT count(DISTINCT person) FROM cs_e) AS people_ok,
       enrolments(c) = (SELECT count(*) FROM cs_e) AS enrolments_ok,
       people(c)
FROM cs_result;
SELECT array_agg(category ORDER BY category) = array_agg(category ORDER BY ord) AS taxonomy_order
FROM unnest((SELECT c FROM cs_result)) WITH ORDINALITY AS u(category, label, enrolments, people, ord);
SELECT (SELECT c FROM cs_result)::text::catstats::text = (SELECT c FROM cs_result)::text AS text_round_trip,
       catstats(catstats_send((SELECT c FROM cs_result)))::text = (SELECT c FROM cs_result)::text AS binary_round_trip;

-- Stored partial values merge to the same value (by day, then for the year).
CREATE TABLE cs_partial AS
SELECT id % 20 AS part, catstats(person, category) AS c FROM cs_e GROUP BY 1;
SELECT catstats_merge(c)::text = (SELECT c FROM cs_result)::text AS merge_ok FROM cs_partial;

CREATE TABLE cs_partial3 AS
SELECT part, catstats(person, category) AS c FROM cs_e GROUP BY part;

-- Input order does not matter.
SELECT catstats(person, category ORDER BY person DESC, id)::text = (SELECT c FROM cs_result)::text AS order_ok
FROM cs_e;

-- Dense people are kept as one mask per person while the aggregate runs,
-- people far outside their range as keys: in any input order the value is
-- the same, and counts each person once.
CREATE TABLE cs_o AS
SELECT person, category FROM cs_e
UNION ALL SELECT p, '60' FROM (VALUES (9007199254740991), (-9007199254740991), (123456789012)) AS v(p);
SELECT (SELECT catstats(person, category ORDER BY person)::text FROM cs_o) =
       (SELECT catstats(person, category ORDER BY person DESC)::text FROM cs_o) AND
       (SELECT catstats(person, category ORDER BY person DESC)::text FROM cs_o) =
       (SELECT catstats(person, category)::text FROM cs_o) AS same_value,
       (SELECT people(catstats(person, category)) - count(DISTINCT person) FROM cs_o) AS people_diff;

-- A state that holds masks is stored (and handed from a parallel worker to
-- the leader) as version 2, the masks themselves; so does an aggregate
-- without a final function.  It reads as the same value
-- everywhere, and merges with others in any order.
CREATE AGGREGATE pg_temp.raw_catstats(bigint, jobcat) (SFUNC = catstats_add, STYPE = catstats);
CREATE FUNCTION pg_temp.stored(catstats, bytea) RETURNS bytea
	LANGUAGE internal IMMUTABLE STRICT AS 'byteacat';
CREATE TABLE cs_v2 AS SELECT pg_temp.raw_catstats(person, category) AS c FROM cs_o;
SELECT get_byte(pg_temp.stored(c, ''), 0) AS version,
       c = (SELECT catstats(person, category) FROM cs_o) AS eq,
       c::text = (SELECT catstats(person, category) FROM cs_o)::text AS text_eq,
       catstats_hash(c) = (SELECT catstats_hash(catstats(person, category)) FROM cs_o) AS hash_eq,
       catstats_send(c) = (SELECT catstats_send(catstats(person, category)) FROM cs_o) AS send_eq,
       people(c) - (SELECT count(DISTINCT person) FROM cs_o) AS people_diff
FROM cs_v2;
SELECT catstats_merge(c ORDER BY o)::text = catstats_merge(c ORDER BY o DESC)::text AS any_order,
       people(catstats_merge(c ORDER BY o)) - (SELECT count(DISTINCT person) + 1 FROM cs_o) AS people_diff
FROM (SELECT 1 AS o, c FROM cs_v2 UNION ALL SELECT 2, '{60:1:{-123}}'
      UNION ALL SELECT 3, c FROM cs_v2) AS m;

-- As a window function (a moving frame restarts the value; a running frame
-- grows it): person 1 in 20, person 2 in 21, person 1 in 60.
SELECT id, people(catstats(p, c) OVER w2) AS people_2, enrolments(catstats(p, c) OVER w2) AS enrolments_2,
       people(catstats(p, c) OVER (ORDER BY id)) AS people_so_far,
       enrolments(catstats(p, c) OVER (ORDER BY id)) AS enrolments_so_far
FROM (VALUES (1, 1::bigint, '20'::jobcat), (2, 2, '21'), (3, 1, '60')) AS v(id, p, c)
WINDOW w2 AS (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
ORDER BY id;

-- The aggregate's own result is version 2 as well when its masks are the
-- smaller (a mask a person instead of a key a person and category): 1 byte
-- in the masks' place per person here, against 8 per key.  Its roll-up reads
-- the masks as they are and equals that of the version 1 form (the text
-- form read back), and of plain SQL (cs_expected above, on cs_result).
SELECT get_byte(pg_temp.stored(c, ''), 0) AS version,
       get_byte(pg_temp.stored(c::text::catstats, ''), 0) AS text_version,
       pg_column_size(c) < pg_column_size(c::text::catstats) / 4 AS smaller,
       (SELECT array_agg(u ORDER BY u.category) FROM unnest(c) AS u) =
       (SELECT array_agg(u ORDER BY u.category) FROM unnest(c::text::catstats) AS u) AS unnest_eq,
       to_jsonb(c) = to_jsonb(c::text::catstats) AS jsonb_eq,
       people(c) - (SELECT count(DISTINCT person) FROM cs_o) AS people_diff,
       enrolments(c) - (SELECT count(*) FROM cs_o) AS enrolments_diff
FROM (SELECT catstats(person, category) AS c FROM cs_o) AS s;
SELECT get_byte(pg_temp.stored(c, ''), 0) AS cs_result_version FROM cs_result;

-- Parallel query: Partial and Finalize Aggregate, the same value.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
-- force_parallel_mode was renamed debug_parallel_query in PostgreSQL 16
SELECT CASE WHEN current_setting('server_version_num')::int >= 160000
	THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END AS parallel_guc \gset
SET :parallel_guc = on;
EXPLAIN (COSTS OFF) SELECT catstats(person, category) FROM cs_e;
SELECT catstats(person, category)::text = (SELECT c FROM cs_result)::text AS parallel_same FROM cs_e;
EXPLAIN (COSTS OFF) SELECT catstats_merge(c) FROM cs_partial;
SELECT catstats_merge(c)::text = (SELECT c FROM cs_result)::text AS parallel_merge_same FROM cs_partial;
EXPLAIN (COSTS OFF)
SELECT part, catstats(person, category) FROM cs_e GROUP BY part;
SELECT g.part, g.c::text = s.c::text AS same
FROM (SELECT part, catstats(person, category) AS c FROM cs_e GROUP BY part) AS g
JOIN cs_partial3 AS s USING (part)
ORDER BY 1;
-- EXPLAIN VERBOSE names the split: workers compute PARTIAL catstats(...),
-- the leader combines the partial values and applies the final function.
EXPLAIN (VERBOSE, COSTS OFF)
SELECT people(catstats(person, category)) FROM cs_small;
RESET :parallel_guc;
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;

-- A table hash-partitioned by category (the jobcat hash operator class, as
-- Citus uses to distribute by category): each partition is aggregated on
-- its own and the partial values combined, as on a cluster's shards.
CREATE TABLE cs_by_cat (person bigint, category jobcat) PARTITION BY HASH (category);
CREATE TABLE cs_by_cat_0 PARTITION OF cs_by_cat FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE cs_by_cat_1 PARTITION OF cs_by_cat FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO cs_by_cat SELECT person, category FROM cs_e;
SELECT tableoid::regclass AS partition, count(DISTINCT category) AS categories, count(*)
FROM cs_by_cat GROUP BY 1 ORDER BY 1;
SET enable_partitionwise_aggregate = on;
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT catstats(person, category) FROM cs_by_cat;
SELECT catstats(person, category)::text = (SELECT c FROM cs_result)::text AS partitionwise_same
FROM cs_by_cat;
RESET max_parallel_workers_per_gather;
RESET enable_partitionwise_aggregate;

-- The aggregates are parallel safe, with real state types (not internal).
SELECT aggfnoid::regprocedure AS aggregate, aggtranstype::regtype AS state,
       aggcombinefn AS combine, p.proparallel AS parallel
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
WHERE aggfnoid::regprocedure::text IN ('catstats(bigint,jobcat)', 'catstats_merge(catstats)')
ORDER BY aggfnoid::regprocedure::text COLLATE "C";

DROP TABLE cs_small, cs_e, cs_expected, cs_result, cs_partial, cs_partial3, cs_by_cat;

--
-- The Gunsan 2020 sample: the article's table with these aggregates.
--
\set ECHO none
\set QUIET on
SET client_min_messages = warning;
\i test/data/gunsan2020.sql
RESET client_min_messages;
\set QUIET off
\set ECHO all

-- Per local group: enrolments (연인원) and distinct people (실인원); the
-- total's people come from merging the groups' sets, so a person enrolled in
-- two groups counts once.
WITH g AS (
    SELECT p.local_group, min(p.programme_id) AS first_programme,
           count(*) AS enrolments, peopleset_agg(e.person_id) AS people
    FROM gunsan.enrolment e JOIN gunsan.programme p USING (programme_id)
    WHERE e.start_date BETWEEN '2020-01-01' AND '2020-12-31'
    GROUP BY p.local_group
)
SELECT local_group, enrolments, people(people) AS people
FROM (SELECT local_group, enrolments, people, first_programme FROM g
      UNION ALL
      SELECT 'total', sum(enrolments), people_merge(people), 1000 FROM g) AS t
ORDER BY first_programme;

-- The same figures the plain-SQL way.
SELECT coalesce(p.local_group, 'total') AS local_group, count(*) AS enrolments,
       count(DISTINCT e.person_id) AS people
FROM gunsan.enrolment e JOIN gunsan.programme p USING (programme_id)
WHERE e.start_date BETWEEN '2020-01-01' AND '2020-12-31'
GROUP BY ROLLUP (p.local_group)
ORDER BY GROUPING(p.local_group), min(p.programme_id);

-- Per category, rolled up the taxonomy, and the totals.
SELECT u.*
FROM (SELECT catstats(e.person_id, p.category) AS stats
      FROM gunsan.enrolment e JOIN gunsan.programme p USING (programme_id)
      WHERE e.start_date BETWEEN '2020-01-01' AND '2020-12-31') AS c,
     unnest(c.stats) AS u;
SELECT enrolments(stats), people(stats)
FROM (SELECT catstats(e.person_id, p.category) AS stats
      FROM gunsan.enrolment e JOIN gunsan.programme p USING (programme_id)
      WHERE e.start_date BETWEEN '2020-01-01' AND '2020-12-31') AS c;

-- The same per category the plain-SQL way: every ancestor of each enrolment.
SELECT count(*) AS categories,
       count(*) FILTER (WHERE u.enrolments = x.enrolments AND u.people = x.people) AS same
FROM unnest((SELECT catstats(e.person_id, p.category)
             FROM gunsan.enrolment e JOIN gunsan.programme p USING (programme_id)
             WHERE e.start_date BETWEEN '2020-01-01' AND '2020-12-31')) AS u
FULL JOIN (SELECT a.code AS category, count(*) AS enrolments, count(DISTINCT e.person_id) AS people
           FROM gunsan.enrolment e JOIN gunsan.programme p USING (programme_id)
           JOIN jobcat_taxonomy() AS a ON a.code @> p.category
           WHERE e.start_date BETWEEN '2020-01-01' AND '2020-12-31'
           GROUP BY a.code) AS x USING (category);

SET client_min_messages = warning;
DROP SCHEMA gunsan CASCADE;
RESET client_min_messages;
