--
-- peopleset and people(bigint): exact distinct counts.
--

-- the SQLSTATE and message of a statement, or 'ok'
CREATE FUNCTION pg_temp.try(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- Text form: ascending numbers, runs of three or more as ranges.
SELECT '{}'::peopleset AS empty,
       '{3}'::peopleset AS one,
       '{1,2,3,5,7,8,10..20}'::peopleset AS runs,
       '{ -5 .. -3 , 0 , 1 }'::peopleset AS spaces;
SELECT '{-9223372036854775808,-9223372036854775807,9223372036854775806,9223372036854775807}'::peopleset AS extremes;

-- Text round trip: out(in(out(x))) = out(x), and the same through binary.
WITH v(s) AS (VALUES ('{}'::peopleset), ('{1,2}'), ('{1..3}'), ('{-7,-2..0,5,9..12,100}'),
                     ('{-9223372036854775808..-9223372036854775806,9223372036854775807}'))
SELECT s, s::text::peopleset::text = s::text AS text_round_trip,
       peopleset(peopleset_send(s)) = s AS binary_round_trip,
       people(s)
FROM v;

-- Bad text input is rejected with 22P02 (54000 for sets past the size limit).
SELECT q, pg_temp.try(q) FROM (VALUES
	($$SELECT '{2,1}'::peopleset$$),
	($$SELECT '{1,1}'::peopleset$$),
	($$SELECT '{1..3,3}'::peopleset$$),
	($$SELECT '{5..5}'::peopleset$$),
	($$SELECT '{5..1}'::peopleset$$),
	($$SELECT '{1,}'::peopleset$$),
	($$SELECT '{1 2}'::peopleset$$),
	($$SELECT '1,2'::peopleset$$),
	($$SELECT '{1} x'::peopleset$$),
	($$SELECT '{9223372036854775808}'::peopleset$$),
	($$SELECT '{a}'::peopleset$$),
	($$SELECT '{0..9223372036854775807}'::peopleset$$)) AS t(q);

-- Binary form: version byte 1, int4 count, ascending int8.
SELECT peopleset_send('{1,2,258}');
SELECT peopleset('\x010000000200000000000000017ffffffffffffffe'::bytea) AS from_binary;
-- Bad binary input is rejected with 22P03: version, count, order, length.
SELECT q, pg_temp.try(q) FROM (VALUES
	($$SELECT peopleset('\x02000000010000000000000001'::bytea)$$),
	($$SELECT peopleset('\x01000000020000000000000001'::bytea)$$),
	($$SELECT peopleset('\x01ffffffff'::bytea)$$),
	($$SELECT peopleset('\x01000000020000000000000002'
	                    '0000000000000001'::bytea)$$),
	($$SELECT peopleset('\x01000000020000000000000001'
	                    '0000000000000001'::bytea)$$),
	($$SELECT peopleset('\x0100000001000000000000000100'::bytea)$$),
	($$SELECT peopleset('\x0100'::bytea)$$),
	($$SELECT peopleset(''::bytea)$$)) AS t(q);

-- Random damage to a valid binary value: a clean 22P03, or a valid set.
CREATE FUNCTION pg_temp.outcome(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	v text;
BEGIN
	EXECUTE q INTO v;
	RETURN CASE WHEN v::peopleset::text = v THEN 'valid, round-trips' ELSE 'valid, DOES NOT ROUND-TRIP' END;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;
SELECT setseed(0.5);
SELECT pg_temp.outcome(format('SELECT peopleset(%L::bytea)::text',
                              set_byte(b, (random() * (length(b) - 1))::int, (random() * 255)::int))) AS outcome,
       count(*)
FROM (SELECT peopleset_send('{-5..-3,0,7,100..103}') AS b) AS v, generate_series(1, 2000)
GROUP BY 1 ORDER BY 1;

-- Deterministic random enrolments: 200,000 rows of about 60,000 people in 50
-- groups, some person numbers NULL, some negative.
SELECT setseed(0.6);
CREATE TABLE people_e AS
SELECT i AS id,
       (i % 50) AS grp,
       CASE WHEN i % 997 = 0 THEN NULL
            ELSE (random() * 60000)::bigint - 1000 END AS person
FROM generate_series(1, 200000) AS i;
ANALYZE people_e;

-- people() equals count(DISTINCT) overall and per group; NULLs are ignored.
SELECT people(person) = count(DISTINCT person) AS same, people(person), count(*) FROM people_e;
SELECT count(*) AS groups, count(*) FILTER (WHERE p = d) AS same
FROM (SELECT grp, people(person) AS p, count(DISTINCT person) AS d
      FROM people_e GROUP BY grp) AS g;

-- Input order does not matter: ascending, descending, random.
SELECT (SELECT people(i) FROM generate_series(1, 100000) AS i) AS ascending,
       (SELECT people(i) FROM generate_series(100000, 1, -1) AS i) AS descending,
       (SELECT people(i % 30011) FROM generate_series(1, 100000) AS i) AS repeating,
       (SELECT people(person) FROM (SELECT person FROM people_e ORDER BY id DESC) s) AS random;

-- Dense numbers go to a bitmap, the rest to the sorted array; every mix
-- reads back exactly: dense ranges anywhere (also at both ends of bigint),
-- with a few scattered outliers, and one sparse set.
SELECT setseed(0.3);
CREATE TABLE people_d AS
SELECT g, CASE WHEN random() < 0.001 THEN (random() * 1e15)::bigint - 500000000000000
               ELSE base + (random() * span)::bigint END AS p
FROM (VALUES (1, 0::bigint, 20000), (2, -50000, 30000), (3, 9223372036854700000, 70000),
             (4, -9223372036854775808, 60000), (5, 1000000, 3000000), (6, 0, 100000000)) AS v(g, base, span),
     generate_series(1, 50000);
SELECT g, people(p) = count(DISTINCT p) AS count_same,
       peopleset_agg(p)::text = (SELECT '{' || string_agg(x::text, ',' ORDER BY x) || '}'
                                 FROM (SELECT DISTINCT p AS x FROM people_d d2 WHERE d2.g = d.g) AS s)::peopleset::text AS set_same,
       people(p)
FROM people_d AS d GROUP BY g ORDER BY g;
SELECT people_merge(s)::text = (SELECT peopleset_agg(p)::text FROM people_d) AS merge_same
FROM (SELECT g % 2, peopleset_agg(p) AS s FROM people_d GROUP BY 1) AS x;

-- Many scattered numbers go to a hash table, and are sorted once when the
-- set is read.  j * 46116860184273 (j < 200,000) are 200,000 distinct
-- numbers spread over all of bigint, each three times in a scrambled order,
-- plus the smallest bigint (the table's mark for a free slot): 200,001.
CREATE TABLE people_h AS
SELECT ((i::bigint * 7919) % 200000) * 46116860184273 AS p FROM generate_series(1, 600000) AS i
UNION ALL SELECT -9223372036854775808;
SELECT people(p), count(DISTINCT p) FROM people_h;
SELECT peopleset_agg(p) = (SELECT ('{-9223372036854775808,' || string_agg((j::bigint * 46116860184273)::text, ',' ORDER BY j) || '}')::peopleset
                           FROM generate_series(0, 199999) AS j) AS set_same,
       peopleset_hash(peopleset_agg(p)) = peopleset_hash((SELECT peopleset_agg(p ORDER BY p) FROM people_h)) AS hash_same
FROM people_h;
-- Keys that differ only in their low bits (300,000 multiples of 37 above
-- 2^40, and below -2^40): the sort's first pass spreads them by the top bits
-- in which they differ, not by the top bits of a bigint.
SELECT peopleset_agg(k) = (SELECT ('{' || string_agg((j::bigint * 37 + 1099511627776)::text, ',' ORDER BY j) || '}')::peopleset
                           FROM generate_series(0, 299999) AS j) AS above_same,
       peopleset_agg(-k) = (SELECT ('{' || string_agg((-(j::bigint * 37 + 1099511627776))::text, ',' ORDER BY j DESC) || '}')::peopleset
                            FROM generate_series(0, 299999) AS j) AS below_same
FROM (SELECT ((i::bigint * 7919) % 300000) * 37 + 1099511627776 AS k FROM generate_series(1, 300000) AS i) AS s;
-- Numbers that look scattered at first and fill their range later move from
-- the table to a bitmap: i * 611953 mod 2000003 for i < 2000003 are distinct.
SELECT people(k), count(DISTINCT k), peopleset_agg(k) = peopleset_agg(k ORDER BY k) AS set_same
FROM (SELECT (i::bigint * 611953) % 2000003 AS k FROM generate_series(1, 400000) AS i) AS s;

-- A bitmap bigger than the cache (here 8 million numbers) takes numbers
-- through the buffer and sets them a buffer at a time: the same set in any
-- order (600,000 distinct multiples of 4 below 8,000,012).
SELECT people(k), count(DISTINCT k), peopleset_agg(k) = peopleset_agg(k ORDER BY k) AS asc_same,
       peopleset_agg(k) = peopleset_agg(k ORDER BY k DESC) AS desc_same
FROM (SELECT (i::bigint * 611953) % 2000003 * 4 AS k FROM generate_series(1, 600000) AS i) AS s;

-- A state that holds a bitmap is stored (and handed from a parallel worker
-- to the leader) as version 2: the bitmap's words and the numbers outside
-- it.  An aggregate without a final function stores its state so: 1..10000
-- and two outliers, 10,002 people.  It reads as the same set everywhere.
CREATE AGGREGATE pg_temp.raw_set(bigint) (SFUNC = peopleset_add, STYPE = peopleset);
CREATE FUNCTION pg_temp.stored(peopleset, bytea) RETURNS bytea
	LANGUAGE internal IMMUTABLE STRICT AS 'byteacat';
CREATE TABLE people_v2 AS
SELECT pg_temp.raw_set(i) AS s
FROM (SELECT (i::bigint * 7919) % 10000 + 1 AS i FROM generate_series(1, 10000) AS i
      UNION ALL VALUES (-5), (1000000000000000)) AS x;
SELECT get_byte(pg_temp.stored(s, ''), 0) AS version, length(pg_temp.stored(s, '')) < 2000 AS small,
       s::text, people(s), s @> 5000 AS has_5000, s @> 10001 AS has_10001
FROM people_v2;
SELECT s = '{-5,1..10000,1000000000000000}' AS eq,
       peopleset_hash(s) = peopleset_hash('{-5,1..10000,1000000000000000}') AS hash_eq,
       peopleset_send(s) = peopleset_send('{-5,1..10000,1000000000000000}') AS send_eq,
       s::text::peopleset = s AS text_round_trip,
       peopleset(peopleset_send(s)) = s AS binary_round_trip
FROM people_v2;
-- merged with other sets in any order, and with each other
SELECT people_merge(x ORDER BY o)::text AS forward, people_merge(x ORDER BY o DESC)::text AS backward
FROM (SELECT 1 AS o, s AS x FROM people_v2 UNION ALL SELECT 2, '{0,10001..10003}'
      UNION ALL SELECT 3, s FROM people_v2 UNION ALL SELECT 4, '{-7}') AS m;

-- No rows: 0 people and the empty set; only NULLs: the same.
SELECT people(x), peopleset_agg(x), people_merge(NULL::peopleset)
FROM (SELECT NULL::bigint AS x WHERE false) AS s;
SELECT people(x), peopleset_agg(x) FROM (VALUES (NULL::bigint), (NULL)) AS s(x);

-- Stored partial sets merge to the same answer (like hll_union_agg).
CREATE TABLE people_daily AS
SELECT grp, peopleset_agg(person) AS ps, count(*) AS enrolments FROM people_e GROUP BY grp;
SELECT people(people_merge(ps)) AS merged, (SELECT count(DISTINCT person) FROM people_e) AS expected
FROM people_daily;
SELECT people(a.ps + b.ps) = (SELECT count(DISTINCT person) FROM people_e WHERE grp IN (1, 2)) AS union_ok
FROM people_daily a, people_daily b WHERE a.grp = 1 AND b.grp = 2;
-- Stored values round-trip through text and binary.
SELECT bool_and(ps::text::peopleset = ps) AS text_ok,
       bool_and(peopleset(peopleset_send(ps)) = ps) AS binary_ok,
       bool_and(people(ps) = (SELECT count(*) FROM unnest(ps))) AS unnest_ok
FROM people_daily;
SELECT '{1,5..9}'::peopleset @> 7 AS has_7, '{1,5..9}'::peopleset @> 4 AS has_4;
SELECT unnest('{-2,5..7}'::peopleset);

-- The state is shared by people() and peopleset_agg() in one query.
SELECT people(person) = people(peopleset_agg(person)) AS same FROM people_e;

-- As a window aggregate: distinct people so far.
SELECT id, person, people(person) OVER (ORDER BY id) AS so_far
FROM (VALUES (1, 10), (2, 20), (3, 10), (4, NULL), (5, 30), (6, 20)) AS t(id, person)
ORDER BY id;

-- A sliding frame restarts the aggregate for every row.
SELECT id, person,
       people(person) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS last_3,
       peopleset_agg(person) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS last_2
FROM (VALUES (1, 10), (2, 20), (3, 10), (4, NULL), (5, 30), (6, 20)) AS t(id, person)
ORDER BY id;

-- Grouping sets: one state per set.
SELECT g, people(x), count(DISTINCT x), peopleset_agg(x)
FROM (SELECT i % 3 AS g, (i * i) % 11 AS x FROM generate_series(1, 100) AS i) AS s
GROUP BY ROLLUP (g) ORDER BY g;

-- Many groups: the states share one memory context per aggregate context
-- (one context per group would make hash aggregation quadratic).
SET work_mem = '256MB';
EXPLAIN (COSTS OFF)
SELECT i % 100000 AS g, people(i::bigint), catstats(i::bigint, '60')
FROM generate_series(1, 200000) AS i GROUP BY 1;
SELECT count(*) AS groups, sum(p) AS people, sum(e) AS enrolments
FROM (SELECT i % 100000 AS g, people(i::bigint) AS p, enrolments(catstats(i::bigint, '60')) AS e
      FROM generate_series(1, 200000) AS i GROUP BY 1) AS s;
RESET work_mem;

-- Hash aggregation that spills to disk gives the same answer.
SET work_mem = '64kB';
SELECT count(*) AS groups, count(*) FILTER (WHERE p = d) AS same
FROM (SELECT id % 5000 AS g, people(person) AS p, count(DISTINCT person) AS d
      FROM people_e GROUP BY 1) AS g;
RESET work_mem;

-- Parallel query: Partial and Finalize Aggregate, results unchanged.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
-- force_parallel_mode was renamed debug_parallel_query in PostgreSQL 16
SELECT CASE WHEN current_setting('server_version_num')::int >= 160000
	THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END AS parallel_guc \gset
SET :parallel_guc = on;
EXPLAIN (COSTS OFF) SELECT people(person) FROM people_e;
SELECT people(person) FROM people_e;
EXPLAIN (COSTS OFF) SELECT people(people_merge(ps)) FROM people_daily;
SELECT people(people_merge(ps)) FROM people_daily;
EXPLAIN (COSTS OFF) SELECT grp, people(person) FROM people_e GROUP BY grp;
SELECT count(*) AS groups, sum(p) AS total
FROM (SELECT grp, people(person) AS p FROM people_e GROUP BY grp) AS g;
-- the partial states of scattered numbers, read from hash tables
SELECT people(p), peopleset_agg(p) = (SELECT ('{-9223372036854775808,' || string_agg((j::bigint * 46116860184273)::text, ',' ORDER BY j) || '}')::peopleset
                                      FROM generate_series(0, 199999) AS j) AS set_same
FROM people_h;
RESET :parallel_guc;
RESET max_parallel_workers_per_gather;
RESET min_parallel_table_scan_size;
RESET parallel_tuple_cost;
RESET parallel_setup_cost;

-- The aggregates are parallel safe, with real state types (not internal).
SELECT aggfnoid::regprocedure AS aggregate, aggtranstype::regtype AS state,
       aggcombinefn AS combine, p.proparallel AS parallel
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
WHERE aggfnoid::regprocedure::text IN ('people(bigint)', 'peopleset_agg(bigint)', 'people_merge(peopleset)')
ORDER BY aggfnoid::regprocedure::text COLLATE "C";

DROP TABLE people_daily, people_e, people_d;
