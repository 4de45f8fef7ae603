--
-- Equality, order and hashing of the aggregate states peopleset, catstats
-- and topk_state: =, <>, <, <=, >, >=, the btree and hash operator classes.
-- Equal values built different ways (text in any order, binary, aggregates
-- in any row order, combine, a dense bitmap state) are =, hash alike and
-- land together in GROUP BY, DISTINCT, UNION, joins, indexes and hash
-- partitions.  Every answer below is worked out by hand from the values.
--

-- The examples of doc/aggregates.md and doc/matching.md: equal values built
-- different ways form one group, with one hash; groups come in the
-- documented order.
SELECT s, count(*) AS times, min(peopleset_hash(s)) = max(peopleset_hash(s)) AS one_hash
FROM (SELECT peopleset_agg(x) FROM unnest(ARRAY[3, 1, 2, 2]) AS x
      UNION ALL SELECT '{1..3}' UNION ALL SELECT '{2,3}' UNION ALL SELECT '{9}'
      UNION ALL SELECT '{}' UNION ALL SELECT '{1,3}') AS t(s)
GROUP BY s ORDER BY s;
SELECT c, enrolments(c), count(*) AS times, min(catstats_hash(c)) = max(catstats_hash(c)) AS one_hash
FROM (SELECT catstats(person, category)
      FROM (VALUES (1, '21'::jobcat), (2, '21'), (1, '21'), (3, '60')) AS e(person, category)
      UNION ALL SELECT '{21:3:{1,2},60:1:{3}}' UNION ALL SELECT '{60:4:{3}}'
      UNION ALL SELECT '{21:2:{1,2},60:2:{3}}') AS t(c)
GROUP BY c ORDER BY c;
SELECT s, count(*) AS times, min(topk_state_hash(s)) = max(topk_state_hash(s)) AS one_hash
FROM (VALUES ('k=3 {(1,0.5),(2,0.75)}'::topk_state), ('k=3 {(2,0.75),(1,0.5)}'),
             (topk_combine('k=3 {(1,0.5)}', 'k=3 {(2,0.75)}')),
             ('k=3 {(7,0.9)}'), ('k=2 {(1,0.5),(2,0.75)}'), ('k=3 {(7,0)}')) AS t(s)
GROUP BY s ORDER BY s;

-- Each case: an id, how the value was built, and the value.
-- peopleset.  A peopleset_agg state moves to a bitmap once it holds 4096
-- sorted numbers that fill at least 1/16 of their range (people.c), so the
-- aggregate over 1..10000 goes through the dense form, the text input never.
CREATE TABLE ps (id int, built text, v peopleset);
INSERT INTO ps VALUES
	(1, 'text', '{1,2,3}'),
	(2, 'aggregate', (SELECT peopleset_agg(x) FROM unnest(ARRAY[3, 1, 2, 2]) AS x)),
	(3, 'text, range', '{1..3}'),
	(4, 'text', '{}'),
	(5, 'aggregate of no rows', (SELECT peopleset_agg(x) FROM unnest('{}'::bigint[]) AS x)),
	(6, 'text', '{2,3}'),
	(7, 'text', '{1,3}'),
	(8, 'text', '{9}'),
	(9, 'aggregate, dense', (SELECT peopleset_agg(x) FROM generate_series(1, 10000) AS x)),
	(10, 'text, range', '{1..10000}'),
	(11, 'people_merge', (SELECT people_merge(s) FROM (VALUES ('{5001..10000}'::peopleset),
		((SELECT peopleset_agg(x) FROM generate_series(5000, 1, -1) AS x))) AS t(s))),
	(12, 'text', '{1..9999}'),
	(13, 'binary', peopleset(peopleset_send('{1,2,3}'))),
	(14, 'aggregate, dense and far', (SELECT peopleset_agg(x) FROM (SELECT generate_series(1, 10000)
		UNION ALL SELECT 1000000000000 UNION ALL SELECT -7) AS t(x))),
	(15, 'text', '{-7,1..10000,1000000000000}');

-- catstats.  Categories 21 and 60 (21 comes first in the taxonomy).
CREATE TABLE cs_rows (ord int, person bigint, category jobcat);
INSERT INTO cs_rows VALUES (1, 1, '21'), (2, 2, '21'), (3, 1, '21'), (4, 3, '60');
CREATE TABLE cs (id int, built text, v catstats);
INSERT INTO cs VALUES
	(1, 'text', '{21:3:{1,2},60:1:{3}}'),
	(2, 'aggregate', (SELECT catstats(person, category ORDER BY ord) FROM cs_rows)),
	(3, 'aggregate, reversed', (SELECT catstats(person, category ORDER BY ord DESC) FROM cs_rows)),
	(4, 'catstats_merge', (SELECT catstats_merge(c) FROM (VALUES ('{21:1:{1},60:1:{3}}'::catstats),
		('{21:2:{1,2}}')) AS t(c))),
	(5, 'binary', catstats(catstats_send('{21:3:{1,2},60:1:{3}}'))),
	(6, 'text', '{}'),
	(7, 'aggregate of no rows', (SELECT catstats(person, category) FROM cs_rows WHERE false)),
	(8, 'text', '{21:3:{1,2,3}}'),
	(9, 'text', '{21:2:{1,2},60:2:{3}}'),
	(10, 'text', '{60:4:{3}}'),
	(11, 'text', '{21:3:{1,3},60:1:{3}}'),
	(12, 'text', '{21:3:{1,2,3},60:1:{3}}');

-- topk_state.  Text input builds a heap in the order the pairs come, with
-- room for min(k, 8) pairs; binary input makes room for just its pairs.
CREATE TABLE tk (id int, built text, v topk_state);
INSERT INTO tk VALUES
	(1, 'text', 'k=5 {(1,0.5),(2,0.75),(3,0.25)}'),
	(2, 'text, other order', 'k=5 {(3,0.25),(1,0.5),(2,0.75)}'),
	(3, 'text, other order', 'k=5 {(2,0.75),(3,0.25),(1,0.5)}'),
	(4, 'binary', topk_state_from_binary(topk_state_send('k=5 {(1,0.5),(2,0.75),(3,0.25)}'))),
	(5, 'topk_combine', topk_combine('k=5 {(3,0.25)}', 'k=5 {(2,0.75),(1,0.5)}')),
	(6, 'text', 'k=4 {(1,0.5),(2,0.75),(3,0.25)}'),
	(7, 'text', 'k=5 {}'),
	(8, 'text', 'k=5 {(1,0.5),(2,0.75)}'),
	(9, 'text', 'k=5 {(4,0)}'),
	(10, 'text, minus zero', 'k=5 {(4,-0)}'),
	(11, 'text', 'k=5 {(4,NaN)}'),
	(12, 'text', 'k=5 {(1,0.5)}'),
	(13, 'text, a pair twice', 'k=5 {(1,0.5),(1,0.5)}');

-- The stored bytes of equal topk_state values differ (heap order,
-- capacity); PostgreSQL's byteacat, declared with our type, shows them.
CREATE FUNCTION pg_temp.stored(topk_state, bytea) RETURNS bytea
	LANGUAGE internal IMMUTABLE STRICT AS 'byteacat';
SELECT a.id, b.id, a.v = b.v AS equal,
	pg_temp.stored(a.v, '') = pg_temp.stored(b.v, '') AS same_bytes,
	length(pg_temp.stored(a.v, '')) AS bytes_a, length(pg_temp.stored(b.v, '')) AS bytes_b
FROM tk a, tk b WHERE a.id = 1 AND b.id IN (2, 3, 4, 5) ORDER BY b.id;

-- Equal values hash alike, with the 32-bit hash, the 64-bit one with seed 0
-- (whose low 32 bits are the 32-bit hash) and with another seed; the
-- classes of equal values, by the first id of each:
SELECT 'peopleset' AS type, min(id) AS first, array_agg(id ORDER BY id) AS equal_ids,
	count(DISTINCT peopleset_hash(v)) AS hashes, count(DISTINCT peopleset_hash_extended(v, 0)) AS hashes0,
	count(DISTINCT peopleset_hash_extended(v, 42)) AS hashes42,
	bool_and(peopleset_hash(v)::bigint & 4294967295 = peopleset_hash_extended(v, 0) & 4294967295) AS low_bits,
	bool_and(peopleset_hash_extended(v, 0) <> peopleset_hash_extended(v, 42)) AS seeded
FROM ps GROUP BY v
UNION ALL
SELECT 'catstats', min(id), array_agg(id ORDER BY id),
	count(DISTINCT catstats_hash(v)), count(DISTINCT catstats_hash_extended(v, 0)),
	count(DISTINCT catstats_hash_extended(v, 42)),
	bool_and(catstats_hash(v)::bigint & 4294967295 = catstats_hash_extended(v, 0) & 4294967295),
	bool_and(catstats_hash_extended(v, 0) <> catstats_hash_extended(v, 42))
FROM cs GROUP BY v
UNION ALL
SELECT 'topk_state', min(id), array_agg(id ORDER BY id),
	count(DISTINCT topk_state_hash(v)), count(DISTINCT topk_state_hash_extended(v, 0)),
	count(DISTINCT topk_state_hash_extended(v, 42)),
	bool_and(topk_state_hash(v)::bigint & 4294967295 = topk_state_hash_extended(v, 0) & 4294967295),
	bool_and(topk_state_hash_extended(v, 0) <> topk_state_hash_extended(v, 42))
FROM tk GROUP BY v
ORDER BY 1, 2;
-- Different values hash differently (here, not in general):
SELECT count(DISTINCT peopleset_hash(v)) AS peopleset, count(DISTINCT v) AS classes FROM ps;
SELECT count(DISTINCT catstats_hash(v)) AS catstats, count(DISTINCT v) AS classes FROM cs;
SELECT count(DISTINCT topk_state_hash(v)) AS topk_state, count(DISTINCT v) AS classes FROM tk;

-- Every operator agrees with the comparison function, on every pair, and
-- the comparison is antisymmetric.
SELECT 'peopleset' AS type, count(*) AS pairs,
	count(*) FILTER (WHERE (a.v = b.v) <> (c = 0) OR (a.v <> b.v) <> (c <> 0)
		OR (a.v < b.v) <> (c < 0) OR (a.v <= b.v) <> (c <= 0)
		OR (a.v > b.v) <> (c > 0) OR (a.v >= b.v) <> (c >= 0)
		OR peopleset_cmp(b.v, a.v) <> -c) AS disagreeing
FROM ps a, ps b, LATERAL (SELECT peopleset_cmp(a.v, b.v)) AS x(c)
UNION ALL
SELECT 'catstats', count(*),
	count(*) FILTER (WHERE (a.v = b.v) <> (c = 0) OR (a.v <> b.v) <> (c <> 0)
		OR (a.v < b.v) <> (c < 0) OR (a.v <= b.v) <> (c <= 0)
		OR (a.v > b.v) <> (c > 0) OR (a.v >= b.v) <> (c >= 0)
		OR catstats_cmp(b.v, a.v) <> -c)
FROM cs a, cs b, LATERAL (SELECT catstats_cmp(a.v, b.v)) AS x(c)
UNION ALL
SELECT 'topk_state', count(*),
	count(*) FILTER (WHERE (a.v = b.v) <> (c = 0) OR (a.v <> b.v) <> (c <> 0)
		OR (a.v < b.v) <> (c < 0) OR (a.v <= b.v) <> (c <= 0)
		OR (a.v > b.v) <> (c > 0) OR (a.v >= b.v) <> (c >= 0)
		OR topk_state_cmp(b.v, a.v) <> -c)
FROM tk a, tk b, LATERAL (SELECT topk_state_cmp(a.v, b.v)) AS x(c)
ORDER BY 1;

-- Sort order.  peopleset: the smaller set first, then the first number
-- where two sets of one size differ.
SELECT v, array_agg(id ORDER BY id) AS ids FROM ps GROUP BY v ORDER BY v;
-- The same as ordering by the number of people, then by the numbers as an
-- array:
SELECT array_agg(id ORDER BY v, id) = array_agg(id ORDER BY people(v), ARRAY(SELECT unnest(v)), id)
	AS as_documented FROM ps;
-- catstats: by enrolments, then category by category in taxonomy order (code,
-- then its enrolments), then the one with fewer (person, category) pairs,
-- then the first pair that differs (person, then code).
SELECT v, enrolments(v), array_agg(id ORDER BY id) AS ids FROM cs GROUP BY v ORDER BY v;
-- topk_state: by k, then as the arrays topk_final gives compare (pair by
-- pair best first, by id and then score; a prefix first).
-- (ids 9 and 10 print differently, 0 and -0: the first id's text is shown)
SELECT (array_agg(v ORDER BY id))[1] AS v, array_agg(id ORDER BY id) AS ids FROM tk GROUP BY v ORDER BY v;
SELECT array_agg(id ORDER BY v, id) = array_agg(id ORDER BY substring(v::text FROM '^k=(\d+)')::int,
		topk_final(v), id) AS as_documented FROM tk;
-- and backwards
SELECT array_agg(id ORDER BY v DESC, id) AS peopleset_desc FROM ps;

-- GROUP BY, DISTINCT and UNION, hashed and sorted.
SET enable_hashagg = on;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT v, count(*) FROM cs GROUP BY v;
SELECT 'hashed' AS how,
	(SELECT array_agg(n ORDER BY n) FROM (SELECT count(*) FROM ps GROUP BY v) AS g(n)) AS ps_groups,
	(SELECT array_agg(n ORDER BY n) FROM (SELECT count(*) FROM cs GROUP BY v) AS g(n)) AS cs_groups,
	(SELECT array_agg(n ORDER BY n) FROM (SELECT count(*) FROM tk GROUP BY v) AS g(n)) AS tk_groups,
	(SELECT count(*) FROM (SELECT DISTINCT v FROM ps) AS d) AS ps_distinct,
	(SELECT count(*) FROM (SELECT v FROM cs WHERE id <= 6 UNION SELECT v FROM cs WHERE id > 6) AS u) AS cs_union,
	(SELECT count(*) FROM (SELECT v FROM tk WHERE id <= 6 UNION SELECT v FROM tk WHERE id > 6) AS u) AS tk_union;
RESET enable_sort;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT v, count(*) FROM cs GROUP BY v;
SELECT 'sorted' AS how,
	(SELECT array_agg(n ORDER BY n) FROM (SELECT count(*) FROM ps GROUP BY v) AS g(n)) AS ps_groups,
	(SELECT array_agg(n ORDER BY n) FROM (SELECT count(*) FROM cs GROUP BY v) AS g(n)) AS cs_groups,
	(SELECT array_agg(n ORDER BY n) FROM (SELECT count(*) FROM tk GROUP BY v) AS g(n)) AS tk_groups,
	(SELECT count(*) FROM (SELECT DISTINCT v FROM ps) AS d) AS ps_distinct,
	(SELECT count(*) FROM (SELECT v FROM cs WHERE id <= 6 UNION SELECT v FROM cs WHERE id > 6) AS u) AS cs_union,
	(SELECT count(*) FROM (SELECT v FROM tk WHERE id <= 6 UNION SELECT v FROM tk WHERE id > 6) AS u) AS tk_union;
RESET enable_hashagg;

-- Joins on equality: the pairs of different ids with equal values.
CREATE FUNCTION pg_temp.join_pairs(tab text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	r text;
BEGIN
	EXECUTE format('SELECT string_agg(a.id || ''='' || b.id, '' '' ORDER BY a.id, b.id)
		FROM %I a JOIN %I b ON a.v = b.v WHERE a.id < b.id', tab, tab) INTO r;
	RETURN r;
END $$;
SET enable_nestloop = off;
SET enable_mergejoin = off;
EXPLAIN (COSTS OFF) SELECT a.id, b.id FROM tk a JOIN tk b ON a.v = b.v;
SELECT 'hash join' AS how, pg_temp.join_pairs('ps') AS ps, pg_temp.join_pairs('cs') AS cs,
	pg_temp.join_pairs('tk') AS tk;
SET enable_mergejoin = on;
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT a.id, b.id FROM tk a JOIN tk b ON a.v = b.v;
SELECT 'merge join' AS how, pg_temp.join_pairs('ps') AS ps, pg_temp.join_pairs('cs') AS cs,
	pg_temp.join_pairs('tk') AS tk;
RESET enable_nestloop;
RESET enable_mergejoin;
RESET enable_hashjoin;

-- Indexes answer as a sequential scan: btree for =, <, >=, hash for =.
CREATE FUNCTION pg_temp.ids(q text) RETURNS int[] LANGUAGE plpgsql AS $$
DECLARE
	r int[];
BEGIN
	EXECUTE format('SELECT array_agg(id ORDER BY id) FROM (%s) AS q', q) INTO r;
	RETURN r;
END $$;
-- A btree index entry holds at most about 2.7 kB (after compression), as
-- for text: the large sets go to a hash index only, which stores hashes.
CREATE TABLE ps_small AS SELECT * FROM ps WHERE people(v) < 100;
CREATE TABLE index_queries (tab text, q text);
INSERT INTO index_queries VALUES
	('ps', 'SELECT id FROM ps WHERE v = ''{1,2,3}'''),
	('ps', 'SELECT id FROM ps WHERE v = ''{1..10000}'''),
	('ps_small', 'SELECT id FROM ps_small WHERE v = ''{1,2,3}'''),
	('ps_small', 'SELECT id FROM ps_small WHERE v < ''{1,2,3}'''),
	('ps_small', 'SELECT id FROM ps_small WHERE v >= ''{1,3}'''),
	('cs', 'SELECT id FROM cs WHERE v = ''{21:3:{1,2},60:1:{3}}'''),
	('cs', 'SELECT id FROM cs WHERE v < ''{21:3:{1,2},60:1:{3}}'''),
	('cs', 'SELECT id FROM cs WHERE v >= ''{21:3:{1,3},60:1:{3}}'''),
	('tk', 'SELECT id FROM tk WHERE v = ''k=5 {(2,0.75),(1,0.5),(3,0.25)}'''),
	('tk', 'SELECT id FROM tk WHERE v < ''k=5 {(1,0.5),(2,0.75)}'''),
	('tk', 'SELECT id FROM tk WHERE v >= ''k=5 {(4,-0)}''');
CREATE TEMP TABLE seq_answers AS SELECT tab, q, pg_temp.ids(q) AS ids FROM index_queries;
SELECT q, ids FROM seq_answers ORDER BY tab, q;
CREATE INDEX ps_btree ON ps_small (v);
CREATE INDEX cs_btree ON cs (v);
CREATE INDEX tk_btree ON tk (v);
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM cs WHERE v < '{21:3:{1,2},60:1:{3}}';
SELECT s.q, pg_temp.ids(s.q) = s.ids AS btree_as_seqscan FROM seq_answers s
WHERE s.tab <> 'ps' ORDER BY s.tab, s.q;
-- an ordered index scan gives the documented order
EXPLAIN (COSTS OFF) SELECT id FROM tk ORDER BY v;
SELECT array_agg(id) AS btree_order FROM (SELECT id FROM tk ORDER BY v) AS o;
DROP INDEX ps_btree, cs_btree, tk_btree;
CREATE INDEX ps_hash ON ps USING hash (v);
CREATE INDEX cs_hash ON cs USING hash (v);
CREATE INDEX tk_hash ON tk USING hash (v);
EXPLAIN (COSTS OFF) SELECT id FROM ps WHERE v = '{1..3}';
SELECT s.q, pg_temp.ids(s.q) = s.ids AS hash_as_seqscan FROM seq_answers s
WHERE s.q LIKE '% = %' AND s.tab <> 'ps_small' ORDER BY s.tab, s.q;
RESET enable_seqscan;
RESET enable_bitmapscan;

-- Hash partitioning (the seeded 64-bit hash): equal values land in one
-- partition.
CREATE TABLE ps_parts (id int, v peopleset) PARTITION BY HASH (v);
CREATE TABLE ps_parts_0 PARTITION OF ps_parts FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE ps_parts_1 PARTITION OF ps_parts FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE ps_parts_2 PARTITION OF ps_parts FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO ps_parts SELECT id, v FROM ps;
CREATE TABLE tk_parts (id int, v topk_state) PARTITION BY HASH (v);
CREATE TABLE tk_parts_0 PARTITION OF tk_parts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE tk_parts_1 PARTITION OF tk_parts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO tk_parts SELECT id, v FROM tk;
CREATE TABLE cs_parts (id int, v catstats) PARTITION BY HASH (v);
CREATE TABLE cs_parts_0 PARTITION OF cs_parts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE cs_parts_1 PARTITION OF cs_parts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO cs_parts SELECT id, v FROM cs;
SELECT 'peopleset' AS type, count(*) AS classes, max(n) AS most_partitions
FROM (SELECT count(DISTINCT tableoid) FROM ps_parts GROUP BY v) AS g(n)
UNION ALL
SELECT 'catstats', count(*), max(n) FROM (SELECT count(DISTINCT tableoid) FROM cs_parts GROUP BY v) AS g(n)
UNION ALL
SELECT 'topk_state', count(*), max(n) FROM (SELECT count(DISTINCT tableoid) FROM tk_parts GROUP BY v) AS g(n)
ORDER BY 1;
-- partition pruning finds each value's partition by its hash
SELECT count(*) AS found_by_pruning FROM ps, LATERAL (SELECT 1 FROM ps_parts p WHERE p.v = ps.v AND p.id = ps.id) AS x;

-- A large set TOASTed out of line compares and hashes as its inline twin.
CREATE TABLE ps_big (id int, v peopleset);
ALTER TABLE ps_big ALTER COLUMN v SET STORAGE external;
INSERT INTO ps_big SELECT 1, peopleset_agg(x * 3) FROM generate_series(1, 100000) AS x;
INSERT INTO ps_big VALUES (2, (SELECT peopleset_agg(x * 3) FROM generate_series(100000, 1, -1) AS x)),
	(3, (SELECT peopleset_agg(x * 3) FROM generate_series(1, 99999) AS x));
SELECT a.id, b.id, a.v = b.v AS equal, peopleset_cmp(a.v, b.v) AS cmp,
	peopleset_hash(a.v) = peopleset_hash(b.v) AS same_hash
FROM ps_big a, ps_big b WHERE a.id < b.id ORDER BY 1, 2;
SELECT a.id, a.v = p.v AS equals_inline, peopleset_hash(a.v) = peopleset_hash(p.v) AS same_hash
FROM ps_big a, (SELECT v FROM ps_big WHERE id = 1 OFFSET 0) AS p WHERE a.id = 2;

-- Many states, made by formula with ties in ids and scores (0 and -0 among
-- them), each also with its pairs in reverse order: = is "same k and same
-- topk_final", the order is that of (k, topk_final) as a row, and equal
-- states hash alike.
CREATE TABLE tk_many AS
SELECT i, rev, (format('k=%s {', 3 + i % 2)
	|| coalesce(string_agg(format('(%s,%s)', (i * j * 31) % 5,
			CASE WHEN (i + j) % 7 = 0 THEN '-0' ELSE (((i + j) * 17 % 4) / 2.0)::text END),
		',' ORDER BY CASE WHEN rev THEN -j ELSE j END) FILTER (WHERE j IS NOT NULL), '') || '}')::topk_state AS v
FROM generate_series(1, 60) AS i CROSS JOIN (VALUES (false), (true)) AS r(rev)
	LEFT JOIN generate_series(1, 3) AS j ON j <= i % 4
GROUP BY i, rev;
SELECT count(*) AS pairs,
	bool_or(a.v = b.v AND a.i <> b.i) AS some_equal_across_i,
	bool_or(a.v = b.v AND a.v::text <> b.v::text) AS some_equal_printed_differently,
	count(*) FILTER (WHERE (a.v = b.v) <> (ka = kb AND fa = fb)) AS eq_wrong,
	count(*) FILTER (WHERE sign(topk_state_cmp(a.v, b.v)) <>
		CASE WHEN (ka, fa) < (kb, fb) THEN -1 WHEN (ka, fa) > (kb, fb) THEN 1 ELSE 0 END) AS order_wrong,
	count(*) FILTER (WHERE a.v = b.v AND topk_state_hash_extended(a.v, 3) <> topk_state_hash_extended(b.v, 3)) AS hash_wrong
FROM (SELECT i, v, substring(v::text FROM '^k=(\d+)')::int AS ka, topk_final(v) AS fa FROM tk_many) AS a,
	LATERAL (SELECT i, v, substring(v::text FROM '^k=(\d+)')::int AS kb, topk_final(v) AS fb FROM tk_many) AS b;
-- each state equals its reversed twin
SELECT count(*) AS twins_equal FROM tk_many a JOIN tk_many b ON a.i = b.i AND NOT a.rev AND b.rev
WHERE a.v = b.v;

-- The same for sets: = is "same numbers", the order that of (people,
-- numbers as an array), equal sets hash alike.
CREATE TABLE ps_many AS
SELECT i, coalesce(peopleset_agg((i * j * 7) % 11 - 3), '{}') AS v
FROM generate_series(1, 80) AS i LEFT JOIN generate_series(1, 4) AS j ON j <= i % 5
GROUP BY i;
SELECT count(*) AS pairs,
	bool_or(a.v = b.v AND a.i <> b.i) AS some_equal_across_i,
	count(*) FILTER (WHERE (a.v = b.v) <> (a.v::text = b.v::text)) AS eq_wrong,
	count(*) FILTER (WHERE sign(peopleset_cmp(a.v, b.v)) <>
		CASE WHEN (na, ka) < (nb, kb) THEN -1 WHEN (na, ka) > (nb, kb) THEN 1 ELSE 0 END) AS order_wrong,
	count(*) FILTER (WHERE a.v = b.v AND peopleset_hash(a.v) <> peopleset_hash(b.v)) AS hash_wrong
FROM (SELECT i, v, people(v) AS na, ARRAY(SELECT unnest(v)) AS ka FROM ps_many) AS a,
	LATERAL (SELECT i, v, people(v) AS nb, ARRAY(SELECT unnest(v)) AS kb FROM ps_many) AS b;
