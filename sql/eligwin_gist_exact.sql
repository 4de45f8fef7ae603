--
-- eligwin_exact_ops: the GiST operator class whose leaf keys are whole
-- windows.  Index scans, index-only scans and bitmap scans give the rows a
-- sequential scan gives, and an index-only scan returns the stored windows.
--

SET DateStyle = 'ISO, YMD';
CREATE SCHEMA eligwin_gist_exact_test;
SET search_path = eligwin_gist_exact_test, public;
-- the tables are temporary: VACUUM then marks every page all-visible
-- whatever other sessions do, and no plan is parallel

-- ------------------------------------------------------------------
-- 1. Thirteen windows worked through by hand, 300 copies of each
-- ------------------------------------------------------------------
CREATE TEMP TABLE hand_windows (n int, w eligwin);
INSERT INTO hand_windows VALUES
	(1, '{[2020-01-01,2020-01-31]}'),
	(2, '{[2020-01-01,2020-01-31],[2020-03-01,2020-03-31]}'),
	(3, '{[2020-02-01,2020-02-29]} age 15..34'),
	(4, '{[2020-01-15,2020-06-30]} region {52130}'),
	(5, '{[2020-06-01,2020-07-20]} age 15..64 region {52130} groups {unpaid_leave,freelancer}'),
	(6, '{}'),
	(7, NULL),
	(8, '{(,2019-12-31]}'),
	(9, '{[2020-12-01,)}'),
	(10, '{(,)}'),
	(11, '{[2020-02-29,2020-02-29]} age 0..0'),
	(12, '{[2019-01-01,2019-01-31],[2020-02-10,2020-02-20],[2021-01-01,)} groups {youth}');
-- 13: every other day from 2010-01-01 to 2010-07-18, 100 intervals of one
-- day (816 bytes: compressed inside the index tuple)
INSERT INTO hand_windows
SELECT 13, eligwin_union(eligwin(d::date, d::date))
FROM generate_series(date '2010-01-01', date '2010-07-18', '2 days') d;
SELECT n, days(w), lower(w), upper(w), pg_column_size(w) AS bytes
FROM hand_windows WHERE n = 13;

CREATE TEMP TABLE hand (id int, n int, w eligwin);
INSERT INTO hand SELECT (c - 1) * 13 + h.n, h.n, h.w
FROM hand_windows h, generate_series(1, 300) c;
CREATE INDEX hand_w ON hand USING gist (w eligwin_exact_ops);
VACUUM ANALYZE hand;

-- the probes and the windows that match them (numbers as above), counted
-- by hand: a date, a window for @>, a window for &&
CREATE TEMP TABLE hand_probes (op text, arg text, expected int);
INSERT INTO hand_probes VALUES
	('@> date', '2020-01-15', 4),		-- 1 2 4 10
	('@> date', '2020-02-15', 4),		-- 3 4 10 12
	('@> date', '2020-02-29', 4),		-- 3 4 10 11
	('@> date', '2020-03-01', 3),		-- 2 4 10
	('@> date', '2020-06-15', 3),		-- 4 5 10
	('@> date', '2019-12-31', 2),		-- 8 10
	('@> date', '2021-06-01', 3),		-- 9 10 12
	('@> date', 'infinity', 3),			-- 9 10 12
	('@> date', '-infinity', 2),		-- 8 10
	('@> date', '2010-01-03', 3),		-- 8 10 13
	('@> date', '2010-01-02', 2),		-- 8 10
	('@> eligwin', '{[2020-01-10,2020-01-20]}', 3),	-- 1 2 10
	('@> eligwin', '{[2020-01-20,2020-01-25],[2020-03-05,2020-03-06]}', 3),	-- 2 4 10
	('@> eligwin', '{}', 12),			-- every window but the NULL
	('@> eligwin', '{[2020-02-01,2020-02-29]}', 3),	-- 3 4 10 (not 2: February is its gap)
	('@> eligwin', '{[2021-01-01,)}', 3),	-- 9 10 12
	('@> eligwin', '{(,)}', 1),			-- 10
	('@> eligwin', '{[2010-01-01,2010-01-01],[2010-01-05,2010-01-05]}', 3),	-- 8 10 13
	('@> eligwin', '{[2010-01-01,2010-01-02]}', 2),	-- 8 10 (2010-01-02 is a gap of 13)
	('&&', '{[2020-02-01,2020-02-05]}', 3),	-- 3 4 10
	('&&', '{[2020-02-21,2020-02-28]}', 3),	-- 3 4 10 (12 ends on the 20th, 11 is the 29th)
	('&&', '{}', 0),
	('&&', '{(,2019-01-01]}', 4),		-- 8 10 12 13
	('&&', '{[2020-07-01,2020-11-30]}', 2),	-- 5 10
	('&&', '{[2010-01-02,2010-01-02],[2010-07-19,2010-12-31]}', 2);	-- 8 10 (only gaps of 13)

-- one query per probe, counted by a sequential scan, an index-only scan
-- (count(*) needs no column), an index scan and a bitmap scan
CREATE FUNCTION hand_count(op text, arg text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	result bigint;
BEGIN
	EXECUTE format('SELECT count(*) FROM hand WHERE w %s %L::%s', split_part(op, ' ', 1), arg,
				   CASE WHEN op = '@> date' THEN 'date' ELSE 'eligwin' END) INTO result;
	RETURN result;
END
$$;
CREATE FUNCTION hand_count_ids(op text, arg text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	result bigint;
BEGIN
	EXECUTE format('SELECT count(id) FROM hand WHERE w %s %L::%s', split_part(op, ' ', 1), arg,
				   CASE WHEN op = '@> date' THEN 'date' ELSE 'eligwin' END) INTO result;
	RETURN result;
END
$$;

SET enable_indexscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM hand WHERE w @> date '2020-02-29';
CREATE TEMP TABLE hand_seq AS SELECT op, arg, hand_count(op, arg) AS matches FROM hand_probes;
RESET enable_indexscan;
RESET enable_bitmapscan;

SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM hand WHERE w @> date '2020-02-29';
CREATE TEMP TABLE hand_ios AS SELECT op, arg, hand_count(op, arg) AS matches FROM hand_probes;
SET enable_indexonlyscan = off;
EXPLAIN (COSTS OFF) SELECT count(id) FROM hand WHERE w @> date '2020-02-29';
CREATE TEMP TABLE hand_idx AS SELECT op, arg, hand_count_ids(op, arg) AS matches FROM hand_probes;
RESET enable_indexonlyscan;
RESET enable_bitmapscan;

SET enable_indexscan = off;
EXPLAIN (COSTS OFF) SELECT count(id) FROM hand WHERE w @> date '2020-02-29';
CREATE TEMP TABLE hand_bitmap AS SELECT op, arg, hand_count_ids(op, arg) AS matches FROM hand_probes;
RESET enable_indexscan;
RESET enable_seqscan;

-- every way gives 300 times the hand count
SELECT p.op, p.arg, p.expected * 300 AS expected,
       s.matches AS seqscan, o.matches AS index_only, i.matches AS index, b.matches AS bitmap
FROM hand_probes p
JOIN hand_seq s USING (op, arg) JOIN hand_ios o USING (op, arg)
JOIN hand_idx i USING (op, arg) JOIN hand_bitmap b USING (op, arg)
WHERE s.matches <> p.expected * 300 OR o.matches <> p.expected * 300
   OR i.matches <> p.expected * 300 OR b.matches <> p.expected * 300;
SELECT count(*) AS probes_checked FROM hand_probes;

-- a NULL probe matches nothing (the operators are strict)
SET enable_seqscan = off;
SELECT count(*) AS null_probe FROM hand WHERE w @> NULL::date;

-- the index-only scan hands back each stored window: its text form, equal
-- (=) to what the table holds, 300 of each, the NULL left out
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT w FROM hand WHERE w @> '{}'::eligwin;
CREATE TEMP TABLE hand_fetched AS SELECT w FROM hand WHERE w @> '{}'::eligwin;
RESET enable_bitmapscan;
RESET enable_seqscan;
SELECT w::text AS fetched, count(*) AS copies
FROM hand_fetched WHERE days(w) IS DISTINCT FROM 100 GROUP BY 1 ORDER BY 1;
SELECT count(*) AS copies, days(w), lower(w), upper(w)
FROM hand_fetched WHERE days(w) = 100 GROUP BY 2, 3, 4;
SELECT (SELECT count(*) FROM (SELECT w FROM hand_fetched EXCEPT ALL SELECT w FROM hand WHERE w IS NOT NULL) x) AS only_fetched,
       (SELECT count(*) FROM (SELECT w FROM hand WHERE w IS NOT NULL EXCEPT ALL SELECT w FROM hand_fetched) x) AS only_stored,
       (SELECT count(*) FROM (SELECT w::text FROM hand_fetched EXCEPT ALL SELECT w::text FROM hand WHERE w IS NOT NULL) x) AS text_differs;

-- with default settings, after VACUUM, the planner picks the index-only
-- scan by itself for a count and for the windows themselves
EXPLAIN (COSTS OFF) SELECT count(*) FROM hand WHERE w @> date '2020-06-15';
EXPLAIN (COSTS OFF) SELECT w FROM hand WHERE w && '{[2020-07-01,2020-11-30]}';
SELECT w, count(*) FROM hand WHERE w && '{[2020-07-01,2020-11-30]}' GROUP BY w ORDER BY w;

-- ------------------------------------------------------------------
-- 2. 20,000 generated windows (and 5,000 more inserted into the built
--    index): one and several intervals, age bands, conditions, empty,
--    NULL, unbounded ends
-- ------------------------------------------------------------------
CREATE FUNCTION gen_window(i int) RETURNS eligwin LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
           WHEN i % 101 = 0 THEN NULL
           WHEN i % 97 = 0 THEN '{}'::eligwin
           WHEN i % 89 = 0 THEN eligwin(NULL, d + len)
           WHEN i % 83 = 0 THEN eligwin(d, NULL)
           WHEN i % 997 = 0 THEN '{(,)}'::eligwin
           WHEN i % 7 = 0 THEN eligwin(d, d + len) + eligwin(d + len + 30, d + 2 * len + 30)
           WHEN i % 11 = 0 THEN eligwin(d, d + len) + eligwin(d + len + 2, d + len + 9)
                                + eligwin(d + 2 * len + 60, d + 3 * len + 60)
           WHEN i % 13 = 0 THEN ((eligwin(d, d + len) + eligwin(d + len + 10, d + len + 20))::text ||
                                 (ARRAY[' age 15..34 region {52130}', ' groups {youth}',
                                        ' region {52130,11110} groups {unpaid_leave,freelancer}'])[1 + i % 3])::eligwin
           ELSE eligwin(d, d + len, CASE WHEN i % 5 = 0 THEN 15 END, CASE WHEN i % 5 = 0 THEN 34 END)
       END
FROM (SELECT date '2015-01-01' + (i * 7919) % 3650 AS d, (i * 31) % 120 AS len) x
$$;
CREATE TEMP TABLE gx (id int PRIMARY KEY, w eligwin);
INSERT INTO gx SELECT i, gen_window(i) FROM generate_series(1, 20000) i;
CREATE INDEX gx_w ON gx USING gist (w eligwin_exact_ops);
VACUUM ANALYZE gx;

-- counts worked out from the generator: '{(,)}' is i = 997k (k = 1..20,
-- none a multiple of 101, 97, 89 or 83); -infinity is in the 224 windows
-- i = 89k less the four multiples of 101 or 97 (k = 97, 101, 194, 202),
-- and in those 20; infinity in the 240 windows i = 83k less k = 89, 97,
-- 101, 178, 194, 202, and in those 20
SET enable_seqscan = off;
SET enable_bitmapscan = off;
SELECT (SELECT count(*) FROM gx WHERE w @> '{(,)}'::eligwin) AS all_days,
       (SELECT count(*) FROM gx WHERE w @> date '-infinity') AS open_at_minus_infinity,
       (SELECT count(*) FROM gx WHERE w @> date 'infinity') AS open_at_infinity,
       (SELECT count(*) FROM gx WHERE w @> '{}'::eligwin) AS not_null;
RESET enable_seqscan;
RESET enable_bitmapscan;
SELECT 20000 - 20000 / 101 AS not_null_by_hand;

-- 5,000 more through the built index (inserts choose subtrees by penalty
-- and split pages), then a few deleted and updated
INSERT INTO gx SELECT i, gen_window(i) FROM generate_series(20001, 25000) i;
DELETE FROM gx WHERE id % 10 = 1;
UPDATE gx SET w = w + '{[2030-01-01,2030-01-31]}' WHERE id % 10 = 2 AND id % 13 <> 0 AND id % 5 <> 0 AND w IS NOT NULL;
VACUUM ANALYZE gx;

-- the probes: (k, date, window)
CREATE TEMP TABLE gprobes (k int, d date, q eligwin);
INSERT INTO gprobes VALUES
	(1, '2015-01-01', '{[2018-04-05,2018-04-05]}'),
	(2, '2018-04-05', '{[2018-04-05,2018-06-30]}'),
	(3, '2020-02-29', '{[2020-01-01,2020-01-10],[2021-01-01,2021-01-10]}'),
	(4, '2024-12-31', '{}'),
	(5, '1999-01-01', '{(,2015-01-05]}'),
	(6, '2030-01-15', '{[2024-12-01,)}'),
	(7, 'infinity', '{(,)}'),
	(8, '-infinity', '{[2018-04-05,2018-04-06]} age 15..34 region {52130}'),
	(9, '2019-07-01', '{[2019-06-01,2019-06-03],[2019-06-20,2019-06-21],[2019-07-30,2019-07-30]}');

-- the same query in each of the four ways: the probes as a VALUES list, so
-- that only the scan of gx is steered by the settings
CREATE FUNCTION gx_matches(with_id boolean) RETURNS TABLE (k int, op text, id int, w text) LANGUAGE plpgsql AS $$
DECLARE
	probes text := (SELECT 'VALUES ' || string_agg(format('(%s, %L::date, %L::eligwin)', gp.k, gp.d, gp.q), ', ')
					FROM gprobes gp);
BEGIN
	RETURN QUERY EXECUTE format(
		'SELECT p.k, ''@> date'', %1$s, g.w::text FROM (%2$s) p(k, d, q), LATERAL (SELECT id, w FROM gx WHERE w @> p.d) g
		 UNION ALL
		 SELECT p.k, ''@> eligwin'', %1$s, g.w::text FROM (%2$s) p(k, d, q), LATERAL (SELECT id, w FROM gx WHERE w @> p.q) g
		 UNION ALL
		 SELECT p.k, ''&&'', %1$s, g.w::text FROM (%2$s) p(k, d, q), LATERAL (SELECT id, w FROM gx WHERE w && p.q) g',
		CASE WHEN with_id THEN 'g.id' ELSE 'NULL::int' END, probes);
END
$$;

SET enable_indexscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM gx WHERE w && '{[2018-04-05,2018-06-30]}'::eligwin;
CREATE TEMP TABLE by_seqscan AS SELECT * FROM gx_matches(true);
RESET enable_indexscan;
RESET enable_bitmapscan;

SET enable_seqscan = off;
SET enable_bitmapscan = off;
-- only the window is asked for: an index-only scan, inside the join too
EXPLAIN (COSTS OFF) SELECT w FROM gx WHERE w && '{[2018-04-05,2018-06-30]}'::eligwin;
EXPLAIN (COSTS OFF) SELECT p.k, g.w FROM (VALUES (1, '2020-02-29'::date), (2, '2018-04-05')) p(k, d), LATERAL (SELECT w FROM gx WHERE w @> p.d) g;
CREATE TEMP TABLE by_index_only AS SELECT * FROM gx_matches(false);
EXPLAIN (COSTS OFF) SELECT id FROM gx WHERE w && '{[2018-04-05,2018-06-30]}'::eligwin;
CREATE TEMP TABLE by_index AS SELECT * FROM gx_matches(true);
RESET enable_bitmapscan;

SET enable_indexscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM gx WHERE w && '{[2018-04-05,2018-06-30]}'::eligwin;
CREATE TEMP TABLE by_bitmap AS SELECT * FROM gx_matches(true);
RESET enable_indexscan;
RESET enable_seqscan;

-- no row found one way and not another (ids, and the windows' text for the
-- index-only scan, which returns no id)
SELECT (SELECT count(*) FROM (TABLE by_index EXCEPT ALL TABLE by_seqscan) x) +
       (SELECT count(*) FROM (TABLE by_seqscan EXCEPT ALL TABLE by_index) x) AS index_vs_seqscan,
       (SELECT count(*) FROM (TABLE by_bitmap EXCEPT ALL TABLE by_seqscan) x) +
       (SELECT count(*) FROM (TABLE by_seqscan EXCEPT ALL TABLE by_bitmap) x) AS bitmap_vs_seqscan,
       (SELECT count(*) FROM (SELECT k, op, w FROM by_index_only EXCEPT ALL SELECT k, op, w FROM by_seqscan) x) +
       (SELECT count(*) FROM (SELECT k, op, w FROM by_seqscan EXCEPT ALL SELECT k, op, w FROM by_index_only) x) AS index_only_vs_seqscan;
-- and the comparison is not empty: each probe matches at least 100 rows
-- but two, @> '{(,)}' (only the two dozen windows of every day) and
-- && '{}' (nothing)
SELECT op, count(*) AS probes, count(*) FILTER (WHERE n >= 100) AS probes_with_100_rows_or_more
FROM (SELECT p.k, o.op, (SELECT count(*) FROM by_seqscan s WHERE s.k = p.k AND s.op = o.op) AS n
      FROM gprobes p, (VALUES ('@> date'), ('@> eligwin'), ('&&')) o(op)) x
GROUP BY op ORDER BY op;

-- ------------------------------------------------------------------
-- 3. The largest key: 1,000 intervals (8,016 bytes) go in, 1,001 do not
-- ------------------------------------------------------------------
INSERT INTO gx SELECT 100000, eligwin_union(eligwin(d::date, d::date))
FROM generate_series(date '2000-01-01', date '2000-01-01' + 1998, '2 days') d;
INSERT INTO gx SELECT 100001, eligwin_union(eligwin(d::date, d::date))
FROM generate_series(date '2000-01-01', date '2000-01-01' + 2000, '2 days') d;
SELECT id, days(w), lower(w), upper(w) FROM gx WHERE id >= 100000;
-- the default operator class takes it
CREATE INDEX gx_w_default ON gx USING gist (w);

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA eligwin_gist_exact_test CASCADE;
RESET client_min_messages;
