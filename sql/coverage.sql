--
-- coverage: how many windows are open on each day; eligwin_union
--

-- pg_regress runs with DateStyle 'Postgres, MDY'; eligwin reads and writes
-- ISO dates whatever the setting, and plain dates here print as ISO too
SET DateStyle = 'ISO, YMD';
-- this suite's objects live in their own schema, dropped at the end
CREATE SCHEMA coverage_test;
SET search_path = coverage_test, public;

CREATE FUNCTION sqlstate_of(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	detail text;
BEGIN
	EXECUTE query;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' (' || nullif(detail, '') || ')', '');
END;
$$;

-- three windows by hand: 1..10 January, 5..20 January, from 1 March on
CREATE TABLE small (w eligwin);
INSERT INTO small VALUES ('{[2020-01-01,2020-01-10]}'), ('{[2020-01-05,2020-01-20]}'), ('{[2020-03-01,)}'), (NULL);
SELECT coverage(w) FROM small;
-- headcount 1 on 1..4 Jan, 2 on 5..10, 1 on 11..20, 0 from 21 Jan to 29 Feb, 1 from 1 March
SELECT * FROM unnest((SELECT coverage(w) FROM small));
SELECT d, coverage_at(c, d)
FROM (SELECT coverage(w) AS c FROM small) s,
     unnest(ARRAY['2019-12-31', '2020-01-01', '2020-01-04', '2020-01-05', '2020-01-10', '2020-01-11',
                  '2020-01-20', '2020-01-21', '2020-02-29', '2020-03-01', '9999-12-31']::date[]) d;
SELECT eligwin_union(w) FROM small;

-- no rows: the zero function and NULL; a window with unbounded start and
-- several intervals; an empty window adds nothing
SELECT coverage(w), eligwin_union(w) FROM small WHERE false;
SELECT coverage(w) FROM (VALUES ('{(,2020-01-31],[2020-03-01,2020-03-31]}'::eligwin), ('{}'), ('{(,2019-12-31]}')) v(w);
SELECT * FROM unnest('{-infinity:2,2020-01-01:1,2020-02-01:0,2020-03-01:1,2020-04-01:0}'::coverage);

-- Events on days close together are summed per day in an array, events
-- far apart sorted first: the steps are the same either way.  Jan 1-10,
-- Jan 11-20 and Jan 5: 1 from Jan 1, 2 on Jan 5, 1 from Jan 6 (the -1 and
-- +1 of Jan 11 cancel out), 0 from Jan 21; then 1 during 2090.
SELECT coverage(w) FROM (VALUES ('{[2020-01-01,2020-01-10]}'::eligwin), ('{[2020-01-11,2020-01-20]}'), ('{[2020-01-05,2020-01-05]}')) v(w);
SELECT coverage(w) FROM (VALUES ('{[2020-01-01,2020-01-10]}'::eligwin), ('{[2020-01-11,2020-01-20]}'), ('{[2020-01-05,2020-01-05]}'), ('{[2090-01-01,2090-12-31]}')) v(w);

-- text form round-trips; bad text
SELECT c::text, c::text::coverage = c AS same
FROM (VALUES ('{}'::coverage), ('{2020-01-01:3,2020-02-01:5,2020-03-01:0}'), ('{-infinity:1, 2020-01-01 : 0}')) v(c);
SELECT sqlstate_of($$SELECT '{2020-02-01:3,2020-01-01:1}'::coverage$$) AS unsorted;
SELECT sqlstate_of($$SELECT '{2020-01-01:3,2020-02-01:3}'::coverage$$) AS no_change;
SELECT sqlstate_of($$SELECT '{2020-01-01:0}'::coverage$$) AS starts_at_zero;
SELECT sqlstate_of($$SELECT '{2020-01-01:-1}'::coverage$$) AS negative;
SELECT sqlstate_of($$SELECT '{2020-01-01:1,infinity:0}'::coverage$$) AS infinity_step;
SELECT sqlstate_of($$SELECT '{2020-01-01:99999999999}'::coverage$$) AS too_big;
SELECT sqlstate_of($$SELECT '{2020-01-01}'::coverage$$) AS no_count;
SELECT sqlstate_of($$SELECT 'nonsense'::coverage$$) AS garbage;

-- binary round trip through COPY (FORMAT binary), and bad bytes
CREATE TABLE cbin (c coverage);
-- server-side COPY files go into the cluster's data directory; the end of
-- the suite removes this one (psql goes on after errors, so it always does)
SELECT f AS binfile, format('rm -f ''%s''', f) AS rm_binfile
FROM (SELECT current_setting('data_directory') || '/jobs_ext_coverage.bin') AS t(f) \gset
COPY (SELECT coverage(w) FROM small) TO :'binfile' (FORMAT binary);
COPY cbin FROM :'binfile' (FORMAT binary);
SELECT c, c = (SELECT coverage(w) FROM small) AS same FROM cbin;
CREATE FUNCTION recv_of(bytes bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	detail text;
	binfile text := current_setting('data_directory') || '/jobs_ext_coverage.bin';
BEGIN
	EXECUTE format($q$COPY (SELECT %L::bytea) TO %L (FORMAT binary)$q$, bytes, binfile);
	TRUNCATE cbin;
	EXECUTE format($q$COPY cbin FROM %L (FORMAT binary)$q$, binfile);
	RETURN (SELECT c::text FROM cbin);
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' (' || nullif(detail, '') || ')', '');
END;
$$;
SELECT coverage_send('{2020-01-01:3,2020-02-01:0}') AS send;
SELECT recv_of('\x010000000200001c890000000300001ca800000000') AS valid;
SELECT recv_of('\x010000000200001c890000000300001ca8') AS truncated;
SELECT recv_of('\x0100') AS too_short;
SELECT recv_of('\x020000000200001c890000000300001ca800000000') AS bad_version;
SELECT recv_of('\x010000000200001ca80000000300001c8900000000') AS unsorted;
SELECT recv_of('\x010000000100001c8900000000') AS zero_first;
SELECT recv_of('\x010000000100001c89ffffffff') AS negative;

--
-- coverage against a generate_series count on random windows
--
SELECT setseed(0.7);
CREATE TABLE people_w AS
SELECT i AS id,
       ('{' || string_agg(format('[%s,%s]', lo, lo + len), ',') || '}')::eligwin AS w,
       range_agg(daterange(lo, lo + len, '[]')) AS m
FROM generate_series(1, 3000) i, generate_series(1, 1 + i % 3) k,
     LATERAL (SELECT date '2020-01-01' + (random() * 365)::int + 0 * k AS lo, (random() * 90)::int AS len) x
GROUP BY i;
SELECT count(*) AS days_checked,
       count(*) FILTER (WHERE coverage_at(c, d) <> n) AS wrong,
       max(n) AS peak
FROM (SELECT coverage(w) AS c FROM people_w) s,
     (SELECT g::date AS d, count(p.id) AS n
      FROM generate_series(date '2019-12-30', date '2021-04-05', '1 day') g
      LEFT JOIN people_w p ON p.m @> g::date
      GROUP BY g) counts;
-- the steps tile the time line and their head-days add up to the windows' days
SELECT count(*) AS steps,
       bool_and(valid_from <= valid_to) AS ordered,
       sum(headcount::bigint * (valid_to - valid_from + 1)) AS person_days,
       (SELECT sum(days(w)) FROM people_w) AS expected_person_days
FROM unnest((SELECT coverage(w) FROM people_w));
SELECT count(*) FILTER (WHERE next_from <> valid_to + 1) AS gaps
FROM (SELECT valid_from, valid_to, lead(valid_from) OVER (ORDER BY valid_from) AS next_from
      FROM unnest((SELECT coverage(w) FROM people_w))) s;
-- single-interval windows stored inline (the rows the aggregate reads
-- without copying), open at either end, past the state's first capacity:
-- 100 of each kind; days by hand: 100 open before, +100 open after from
-- 01-01, +100 on 01-03; on 01-06 the 40 of i = 2 (mod 3) with i % 5 >= 3
CREATE TABLE open_w AS
SELECT i, CASE i % 3 WHEN 0 THEN '{[2020-01-01,)}'::eligwin
                     WHEN 1 THEN '{(,2020-01-05]}'::eligwin
                     ELSE eligwin(date '2020-01-03', date '2020-01-03' + i % 5) END AS w
FROM generate_series(1, 300) i;
SELECT d, coverage_at(c, d)
FROM (SELECT coverage(w) AS c FROM open_w) s,
     unnest('{2019-12-31,2020-01-01,2020-01-03,2020-01-06,2020-01-08,2030-01-01}'::date[]) d;
-- eligwin_union against range_agg
SELECT eligwin_union(w)::datemultirange = range_agg(r) AS union_matches,
       days(eligwin_union(w))
FROM people_w, unnest(m) r;

-- many disjoint intervals: the union state grows past its first capacity
SELECT days(eligwin_union(w)) AS days, eligwin_union(w)::datemultirange = range_agg(w::datemultirange) AS matches,
       (SELECT count(*) FROM unnest(eligwin_union(w)::datemultirange)) AS intervals
FROM (SELECT eligwin(d, d) AS w FROM generate_series(0, 9999, 2) i, LATERAL (SELECT date '2000-01-01' + i AS d) x
      ORDER BY (i * 7919) % 10000) s;
-- one state per group (hash aggregation), each checked against its own scan
SELECT count(*) AS groups,
       count(*) FILTER (WHERE c <> (SELECT coverage(w) FROM people_w p WHERE p.id % 100 = s.g)) AS coverage_wrong,
       count(*) FILTER (WHERE u <> (SELECT eligwin_union(w) FROM people_w p WHERE p.id % 100 = s.g)) AS union_wrong
FROM (SELECT id % 100 AS g, coverage(w) AS c, eligwin_union(w) AS u FROM people_w GROUP BY id % 100) s;

--
-- Partial states moved as text, as Citus does: aggregate per group without
-- the final function, print, read back and merge
--
CREATE AGGREGATE coverage_partial(eligwin) (SFUNC = coverage_trans, STYPE = coverage);
CREATE AGGREGATE coverage_merge(coverage) (SFUNC = coverage_combine, STYPE = coverage, FINALFUNC = coverage_final);
CREATE AGGREGATE eligwin_union_partial(eligwin) (SFUNC = eligwin_union_trans, STYPE = eligwin);
CREATE AGGREGATE eligwin_union_merge(eligwin) (SFUNC = eligwin_union_combine, STYPE = eligwin, FINALFUNC = eligwin_union_final);
CREATE TABLE partials AS
SELECT id % 7 AS node, coverage_partial(w)::text AS c_text, eligwin_union_partial(w)::text AS u_text
FROM people_w GROUP BY id % 7;
SELECT (SELECT coverage_merge(c_text::coverage) FROM partials) = (SELECT coverage(w) FROM people_w) AS coverage_merged,
       (SELECT eligwin_union_merge(u_text::eligwin) FROM partials) = (SELECT eligwin_union(w) FROM people_w) AS union_merged;
-- the same through binary: send and receive of a partial state
COPY (SELECT coverage_partial(w) FROM people_w GROUP BY id % 5) TO :'binfile' (FORMAT binary);
TRUNCATE cbin;
COPY cbin FROM :'binfile' (FORMAT binary);
SELECT coverage_merge(c) = (SELECT coverage(w) FROM people_w) AS binary_merged FROM cbin;
-- a window function with a moving frame sees each frame's own result
SELECT id, coverage(w) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
FROM (VALUES (1, '{[2020-01-01,2020-01-10]}'::eligwin), (2, '{[2020-01-05,2020-01-20]}'), (3, '{[2020-03-01,2020-03-02]}')) v(id, w);
SELECT sqlstate_of($$SELECT eligwin_union(w) FROM (VALUES ('{[2020-01-01,2020-01-10]} age 15..29'::eligwin), ('{[2020-02-01,2020-02-10]} age 15..34')) v(w)$$) AS bands_differ;

--
-- Parallel aggregation: Partial and Finalize Aggregate give the same answer
--
CREATE TABLE big_w AS
SELECT i AS id, eligwin(date '2020-01-01' + (i * 37) % 366, date '2020-01-01' + (i * 37) % 366 + i % 45) AS w
FROM generate_series(1, 60000) i;
-- the planner must know that id % 3 makes 3 groups, or it may not aggregate
-- in the workers (PostgreSQL 18 guesses one group per row without this)
CREATE STATISTICS big_w_groups ON (id % 3) FROM big_w;
ANALYZE big_w;
CREATE TABLE serial_result AS SELECT coverage(w) AS c, eligwin_union(w) AS u FROM big_w;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT coverage(w), eligwin_union(w) FROM big_w;
SELECT coverage(w) = (SELECT c FROM serial_result) AS coverage_same,
       eligwin_union(w) = (SELECT u FROM serial_result) AS union_same
FROM big_w;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT id % 3, coverage(w) FROM big_w GROUP BY id % 3;
SELECT g, coverage_at(c, '2020-06-30') AS on_june_30,
       (SELECT count(*) FROM big_w WHERE id % 3 = g AND w @> date '2020-06-30') AS counted
FROM (SELECT id % 3 AS g, coverage(w) AS c FROM big_w GROUP BY id % 3) s ORDER BY g;
RESET enable_sort;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA coverage_test CASCADE;
RESET client_min_messages;
COPY (SELECT WHERE false) TO PROGRAM :'rm_binfile';
