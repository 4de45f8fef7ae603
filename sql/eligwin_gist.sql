--
-- GiST operator class for eligwin: the same answers as a sequential scan
--

-- pg_regress runs with DateStyle 'Postgres, MDY'; eligwin reads and writes
-- ISO dates whatever the setting, and plain dates here print as ISO too
SET DateStyle = 'ISO, YMD';
-- this suite's objects live in their own schema, dropped at the end
CREATE SCHEMA eligwin_gist_test;
SET search_path = eligwin_gist_test, public;

-- 100,000 windows: mostly one interval, some with several (lossy keys),
-- some unbounded, some empty
CREATE TABLE gw (id int PRIMARY KEY, w eligwin);
INSERT INTO gw
SELECT i,
       CASE
           WHEN i % 97 = 0 THEN '{}'::eligwin
           WHEN i % 89 = 0 THEN eligwin(NULL, d + len)
           WHEN i % 83 = 0 THEN eligwin(d, NULL)
           WHEN i % 7 = 0 THEN eligwin(d, d + len) + eligwin(d + len + 30, d + 2 * len + 30)
           ELSE eligwin(d, d + len, CASE WHEN i % 5 = 0 THEN 15 END, CASE WHEN i % 5 = 0 THEN 34 END)
       END
FROM generate_series(1, 100000) i,
     LATERAL (SELECT date '2015-01-01' + (i * 7919) % 3650 AS d, (i * 31) % 120 AS len) x;
CREATE INDEX gw_w ON gw USING gist (w);
ANALYZE gw;

CREATE TABLE probes (k int, d date, q eligwin);
INSERT INTO probes VALUES
	(1, '2015-01-01', '{[2018-04-05,2018-04-05]}'),
	(2, '2018-04-05', '{[2018-04-05,2018-06-30]}'),
	(3, '2020-02-29', '{[2020-01-01,2020-01-10],[2021-01-01,2021-01-10]}'),
	(4, '2024-12-31', '{}'),
	(5, '1999-01-01', '{(,2015-01-05]}'),
	(6, '2030-01-01', '{[2024-12-01,)}');

-- the plans use the index
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM gw WHERE w @> date '2018-04-05';
EXPLAIN (COSTS OFF) SELECT id FROM gw WHERE w @> '{[2018-04-05,2018-06-30]}'::eligwin;
EXPLAIN (COSTS OFF) SELECT id FROM gw WHERE w && '{[2018-04-05,2018-06-30]}'::eligwin;

CREATE TABLE by_index AS
SELECT p.k, 'contains_date' AS op, g.id FROM probes p, LATERAL (SELECT id FROM gw WHERE w @> p.d) g
UNION ALL
SELECT p.k, 'contains', g.id FROM probes p, LATERAL (SELECT id FROM gw WHERE w @> p.q) g
UNION ALL
SELECT p.k, 'overlaps', g.id FROM probes p, LATERAL (SELECT id FROM gw WHERE w && p.q) g;
RESET enable_seqscan;
-- the join plan uses the index too, by itself: nothing in the plan is
-- disabled (PostgreSQL 18 would mark a disabled scan of probes so)
ANALYZE probes;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT p.k, g.id FROM probes p, LATERAL (SELECT id FROM gw WHERE w @> p.d) g;
RESET enable_bitmapscan;

SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TABLE by_seqscan AS
SELECT p.k, 'contains_date' AS op, g.id FROM probes p, LATERAL (SELECT id FROM gw WHERE w @> p.d) g
UNION ALL
SELECT p.k, 'contains', g.id FROM probes p, LATERAL (SELECT id FROM gw WHERE w @> p.q) g
UNION ALL
SELECT p.k, 'overlaps', g.id FROM probes p, LATERAL (SELECT id FROM gw WHERE w && p.q) g;
RESET enable_indexscan;
RESET enable_bitmapscan;

SELECT k, op, count(*) AS matches FROM by_seqscan GROUP BY k, op ORDER BY op, k;
SELECT (SELECT count(*) FROM (TABLE by_index EXCEPT ALL TABLE by_seqscan) x) AS only_by_index,
       (SELECT count(*) FROM (TABLE by_seqscan EXCEPT ALL TABLE by_index) x) AS only_by_seqscan;

-- a few counts worked out from the data: on 2015-01-01 the windows open are
-- the unbounded-start ones reaching it and those starting that day
SELECT count(*) FILTER (WHERE w @> date '2015-01-01') AS open_2015_01_01,
       count(*) FILTER (WHERE i % 97 <> 0 AND i % 89 = 0) +
       count(*) FILTER (WHERE i % 97 <> 0 AND i % 89 <> 0 AND (i * 7919) % 3650 = 0) AS expected
FROM gw, LATERAL (SELECT id AS i) x;
-- every window contains the empty window
SELECT count(*) AS contain_empty FROM gw WHERE w @> '{}'::eligwin;

-- the index stays right through updates and deletes
DELETE FROM gw WHERE id % 10 = 1;
UPDATE gw SET w = w + '{[2030-01-01,2030-01-31]}' WHERE id % 10 = 2 AND id % 5 <> 0;
SET enable_seqscan = off;
SELECT count(*) FROM gw WHERE w @> date '2030-01-15';
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT count(*) FROM gw WHERE w @> date '2030-01-15';
RESET enable_indexscan;
RESET enable_bitmapscan;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA eligwin_gist_test CASCADE;
RESET client_min_messages;
