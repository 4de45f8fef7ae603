--
-- eligwin conditions (jobs_ext 1.1): region {…} and groups {…} after the
-- age band, and eligibility per person with a jobprofile.  Every expected
-- value is worked out by hand from the rules of the supports (see the
-- comments), not copied from what the code printed.
--
SET DateStyle = 'ISO, YMD';
CREATE SCHEMA eligwin_cond;
SET search_path = eligwin_cond, public;
CREATE FUNCTION try(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	r text;
	detail text;
	hint text;
BEGIN
	EXECUTE q INTO r;
	RETURN 'ok: ' || r;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' (' || nullif(detail, '') || ')', '')
		|| coalesce(' [hint: ' || nullif(hint, '') || ']', '');
END
$$;

--
-- Text form: canonical output
--
SELECT w AS typed, w::eligwin AS canonical FROM (VALUES
	-- as the article's emergency employment stability grant reads
	('{[2020-06-01,2020-07-20]} age 15..34 region {52130} groups {unpaid_leave,freelancer}'),
	-- groups in jobprofile's order, each once
	('{[2020-06-01,2020-07-20]} groups {freelancer, unpaid_leave, freelancer}'),
	-- Korean names of the groups
	('{[2020-06-01,2020-07-20]} groups {프리랜서,무급휴직자,청년}'),
	-- the old Jeonbuk code 45 is written 52, Gangwon's 42 is written 51
	('{[2020-06-01,2020-07-20]} region {45130}'),
	('{[2020-06-01,2020-07-20]} region {4213010100,51}'),
	-- sorted; a prefix under another one (5213010100 under 52130) dropped
	('{[2020-06-01,2020-07-20]} region {5213010100,52130,11}'),
	-- zero levels are not given: 5213000000 is the sigungu 52130
	('{[2020-06-01,2020-07-20]} region {5213000000}'),
	('{[2020-06-01,2020-07-20]} region { 52130101 , 5213025021 }'),
	-- conditions in any order on input; an empty or unbounded window keeps them
	('{} groups {youth} region {11}'),
	('{(,)} GROUPS {older}'),
	-- a window without conditions reads as before
	('{[2020-06-01,2020-07-20]} age 15..34')
) AS v(w);

--
-- Stored and binary forms
--
CREATE FUNCTION stored(eligwin, bytea) RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'byteacat';
-- Without conditions: version 1, byte for byte as 1.0 stores and sends it
-- (2020-01-01 is day 7305 = 0x1c89, 2020-01-31 day 7335 = 0x1ca7).
SELECT encode(stored('{[2020-01-01,2020-01-31]} age 15..34', ''), 'hex') AS stored_v1,
	encode(eligwin_send('{[2020-01-01,2020-01-31]} age 15..34'), 'hex') AS send_v1;
-- With conditions: version 2, flags 6 (region 2 + groups 4), no band,
-- condition block of 12 bytes, 1 interval [7457, 7506] (2020-06-01 and
-- 2020-07-20), then the block at the end: groups 0x0030 (unpaid_leave is
-- bit 4, freelancer bit 5), 1 region: sido 52 = 0x34, 2 levels, sigungu 130
-- = 0x82, emd 0, ri 0, padding.
SELECT encode(stored('{[2020-06-01,2020-07-20]} region {52130} groups {unpaid_leave,freelancer}', ''), 'hex') AS stored_v2;
-- Sent: version 2, flags 6, count 1, the interval, groups 0x0030, 1 region
-- as the 10-digit code 5213000000 = 0x0000000136b81140 (big-endian).
SELECT encode(eligwin_send('{[2020-06-01,2020-07-20]} region {52130} groups {unpaid_leave,freelancer}'), 'hex') AS send_v2;

-- Round trip of every form through COPY (FORMAT binary) and through text
CREATE TABLE forms (id int, w eligwin);
INSERT INTO forms VALUES
	(1, '{[2020-06-01,2020-07-20]} age 15..34 region {52130} groups {unpaid_leave,freelancer}'),
	(2, '{[2020-06-01,2020-07-20]} region {11,52130101,5213025021}'),
	(3, '{(,2019-12-31],[2020-03-01,)} groups {youth,immigrant}'),
	(4, '{} age 65.. region {51}'),
	(5, '{[2020-01-01,2020-01-31]} age 15..34'),
	(6, '{}');
CREATE TABLE bin (w eligwin);
SELECT f AS binfile, format('rm -f ''%s''', f) AS rm_binfile
FROM (SELECT current_setting('data_directory') || '/jobs_ext_eligwin_cond.bin') AS t(f) \gset
COPY (SELECT w FROM forms ORDER BY id) TO :'binfile' (FORMAT binary);
COPY bin FROM :'binfile' (FORMAT binary);
SELECT count(*) AS copied, count(*) FILTER (WHERE w IN (SELECT w FROM forms)) AS identical FROM bin;
SELECT id, w::text::eligwin = w AS text_round_trip,
	get_byte(eligwin_send(w), 0) AS binary_version FROM forms ORDER BY id;

-- Binary input checks everything text input checks (22P03)
CREATE FUNCTION recv_of(bytes bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	detail text;
	binfile text := current_setting('data_directory') || '/jobs_ext_eligwin_cond.bin';
BEGIN
	EXECUTE format($q$COPY (SELECT %L::bytea) TO %L (FORMAT binary)$q$, bytes, binfile);
	TRUNCATE bin;
	EXECUTE format($q$COPY bin FROM %L (FORMAT binary)$q$, binfile);
	RETURN (SELECT w::text FROM bin);
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' (' || nullif(detail, '') || ')', '');
END;
$$;
SELECT label, recv_of(decode(hex, 'hex')) FROM (VALUES
	('valid', '02060000000100001d2100001d52' || '0030' || '0001' || '0000000136b81140'),
	('groups only', '02040000000100001d2100001d52' || '0001'),
	('region only, 45130 is not canonical', '02020000000100001d2100001d52' || '0001' || '000000010cfeea40'),
	('no group bit', '02040000000100001d2100001d52' || '0000'),
	('unknown group bit', '02040000000100001d2100001d52' || '0800'),
	('no region', '02020000000100001d2100001d52' || '0000'),
	('unsorted regions', '02020000000100001d2100001d52' || '0002' || '0000000136b81140' || '000000004190ab00'),
	('a region under another', '02020000000100001d2100001d52' || '0002' || '0000000135f1b400' || '0000000136b81140'),
	('3 levels below an empty one', '02020000000100001d2100001d52' || '0001' || '0000000135f1e40c'),
	('not a sido', '02020000000100001d2100001d52' || '0001' || '000000024e160300'),
	('more than 10 digits', '02020000000100001d2100001d52' || '0001' || '00000002540be400'),
	('count and bytes differ', '02020000000100001d2100001d52' || '0002' || '0000000136b81140'),
	('truncated', '02060000000100001d2100001d52' || '00'),
	('trailing bytes', '02040000000100001d2100001d52' || '0001' || '00'),
	('conditions flagged in version 1', '01040000000100001d2100001d52' || '0001'),
	('version 2 without conditions', '02000000000100001d2100001d52')
) AS v(label, hex);

--
-- Per person: 긴급고용안정지원금 (emergency employment stability grant),
-- for unpaid-leave workers and freelancers, 2020-06-01 to 2020-07-20
--
CREATE TABLE person (id int, birth date, profile jobprofile, note text);
INSERT INTO person VALUES
	(1, '1980-05-05', 'region=5213010100 target_groups={unpaid_leave}', 'unpaid leave, Gunsan'),
	(2, '1990-06-10', 'region=5213010100 target_groups={youth}', 'young jobless, Gunsan'),
	(3, '1985-07-01', 'target_groups={프리랜서}', 'freelancer, no region'),
	(4, '2005-06-20', 'region=4513025000 target_groups={freelancer,youth}', 'freelancer, old Jeonbuk code of Gunsan'),
	(5, '1970-01-01', 'region=5211010100 target_groups={unpaid_leave}', 'unpaid leave, Jeonju'),
	(6, '1960-03-03', 'occupation=7430', 'no region, no groups'),
	(7, '1995-02-02', 'region=52130 target_groups={older}', 'Gunsan at sigungu level, older worker'),
	(8, '1975-09-09', 'region=52 target_groups={unpaid_leave}', 'Jeonbuk at sido level');
CREATE TABLE support (name text, w eligwin);
INSERT INTO support VALUES
	('grant', '{[2020-06-01,2020-07-20]} groups {unpaid_leave,freelancer}'),
	('crisis_region', '{[2018-04-05,2022-12-31]} region {52130}'),
	('youth_gunsan', '{[2020-01-01,2020-12-31]} age 15..34 region {52130} groups {youth}');
-- grant, on 2020-06-15: the groups decide (1 unpaid leave, 3 and 4
-- freelancers, 5 and 8 unpaid leave; 2, 6 and 7 in none of the groups);
-- on 2020-07-21 the window is closed for all.
-- crisis_region, on 2020-06-15: 1, 2 (5213010100 under 52130), 4
-- (4513025000: 45 = 52) and 7 (52130 itself); not 3 and 6 (no region), 5
-- (Jeonju 52110) nor 8 (only the sido is known).
-- youth_gunsan, on 2020-06-15: 2 (age 30, youth, Gunsan) and 4 (age 14 on
-- that day: too young, though youth in Gunsan); on 2020-06-20 person 4 turns
-- 15.
SELECT s.name, p.id, p.note,
	eligible(s.w, '2020-06-15', p.birth, p.profile) AS on_06_15,
	eligible(s.w, '2020-06-20', p.birth, p.profile) AS on_06_20,
	eligible(s.w, '2020-07-21', p.birth, p.profile) AS on_07_21
FROM support s, person p ORDER BY s.name, p.id;

-- the three-argument forms stay as they were: dates and age band only
SELECT s.name, count(*) FILTER (WHERE eligible(s.w, '2020-06-15', p.birth)) AS eligible_3,
	count(*) FILTER (WHERE eligible(s.w, '2020-06-15', p.birth, p.profile)) AS eligible_4
FROM support s, person p GROUP BY s.name ORDER BY s.name;

-- eligible_dates per person: a plain window (version 1), empty when a
-- condition does not hold.  youth_gunsan: person 2, born 1990-06-10, is 34
-- until 2025-06-09, so all of 2020; person 4, born 2005-06-20, is 15 from
-- 2020-06-20.
SELECT s.name, p.id, eligible_dates(s.w, p.birth, p.profile) AS dates,
	get_byte(eligwin_send(eligible_dates(s.w, p.birth, p.profile)), 0) AS version
FROM support s, person p WHERE s.name <> 'crisis_region' OR p.id IN (4, 8) ORDER BY s.name, p.id;
-- the three-argument eligible_dates applies the band and keeps the conditions
SELECT eligible_dates('{[2020-01-01,2020-12-31]} age 15..34 region {52130} groups {youth}', '1985-06-10') AS dates;

-- Region prefixes at each depth, 45 = 52 and 42 = 51
SELECT prefix, code, eligible(('{[2020-01-01,2020-12-31]} region {' || prefix || '}')::eligwin,
	'2020-06-15', '1980-01-01', ('region=' || code)::jobprofile) AS under
FROM (VALUES
	('52', '5213010100'), ('45', '5213010100'), ('52', '4513010100'), ('11', '5213010100'),
	('52130', '5213025021'), ('45130', '5213025021'), ('52130', '5214010100'), ('52130', '52'),
	('52130250', '5213025021'), ('52130250', '5213025121'), ('52130250', '52130'),
	('5213025021', '5213025021'), ('5213025021', '5213025022'), ('5213025021', '52130250'),
	('42', '5111010100'), ('51110', '4211010100'), ('42110', '5211010100')
) AS v(prefix, code);

--
-- Set operators: dates as before; each condition is equal on both sides or
-- absent on one (the union: equal on both sides, as for age bands)
--
SELECT q, try(q) FROM (VALUES
	($$SELECT '{[2020-06-01,2020-06-30]} region {52130}'::eligwin + '{[2020-07-01,2020-07-20]} region {45130}'$$),
	($$SELECT '{[2020-06-01,2020-06-30]} region {52130}'::eligwin + '{}'$$),
	($$SELECT '{[2020-06-01,2020-06-30]} region {52130}'::eligwin + '{[2020-07-01,2020-07-20]} region {52}'$$),
	($$SELECT '{[2020-06-01,2020-06-30]} region {52130}'::eligwin + '{[2020-07-01,2020-07-20]}'$$),
	($$SELECT '{[2020-06-01,2020-07-20]} groups {unpaid_leave}'::eligwin * '{[2020-07-01,2020-12-31]} age 15..34 region {52130}'$$),
	($$SELECT '{[2020-06-01,2020-07-20]} groups {youth} region {11}'::eligwin * '{[2020-07-01,2020-12-31]} region {11}'$$),
	($$SELECT '{[2020-06-01,2020-07-20]} groups {youth}'::eligwin * '{[2020-07-01,2020-12-31]} groups {older}'$$),
	($$SELECT '{[2020-06-01,2020-07-20]} region {11}'::eligwin * '{[2020-07-01,2020-12-31]} region {11,52}'$$),
	($$SELECT '{[2020-06-01,2020-07-20]} region {52130}'::eligwin - '{[2020-07-01,2020-12-31]} groups {youth}'$$),
	($$SELECT '{[2020-06-01,2020-07-20]} region {45130}'::eligwin = '{[2020-06-01,2020-07-20]} region {52130}'$$),
	($$SELECT '{[2020-06-01,2020-07-20]} region {52130}'::eligwin = '{[2020-06-01,2020-07-20]}'$$),
	($$SELECT '{[2020-06-01,2020-07-20]} groups {youth}'::eligwin = '{[2020-06-01,2020-07-20]} groups {older}'$$),
	($$SELECT '{[2020-06-01,2020-07-20]}'::eligwin < '{[2020-06-01,2020-07-20]} region {11}'$$),
	($$SELECT eligwin_hash('{[2020-06-01,2020-07-20]} region {45130}') = eligwin_hash('{[2020-06-01,2020-07-20]} region {52130}')$$),
	($$SELECT eligwin_hash('{[2020-06-01,2020-07-20]} region {52130}') = eligwin_hash('{[2020-06-01,2020-07-20]}')$$),
	($$SELECT '{[2020-06-01,2020-07-20]} region {52130}'::eligwin @> date '2020-06-15'$$),
	($$SELECT '{[2020-06-01,2020-07-20]} region {52130}'::eligwin && '{[2020-07-20,2020-08-01]} groups {youth}'$$),
	($$SELECT extend('{[2020-06-01,2020-07-20]} region {52130} groups {youth}', '2020-12-31')$$),
	($$SELECT '{[2020-06-01,2020-07-20]} region {52130}'::eligwin::datemultirange$$)
) AS v(q);

-- eligwin_union: the same conditions on every window with dates
SELECT eligwin_union(w) FROM (VALUES ('{}'::eligwin), ('{[2020-01-01,2020-01-31]} region {52130}'),
	('{[2020-02-01,2020-02-29]} region {45130}'), (NULL)) AS v(w);
SELECT try($$SELECT eligwin_union(w) FROM (VALUES ('{[2020-01-01,2020-01-31]} region {52130}'::eligwin),
	('{[2020-03-01,2020-03-31]} region {11}')) AS v(w)$$);
-- many windows: the state grows and keeps the conditions at its end
-- (46 single days, every other day of 2020-01-01 .. 2020-03-31, in
-- descending order so that the state is sorted at the end)
SELECT days(w) AS days, lower(w), upper(w), w::text LIKE '%} groups {youth}' AS keeps_groups
FROM (SELECT eligwin_union(('{[' || d || ',' || d || ']} groups {youth}')::eligwin ORDER BY d DESC) AS w
	FROM generate_series(date '2020-01-01', '2020-03-31', '2 days') AS g(t), LATERAL (SELECT t::date) AS x(d)) AS u;

-- A GiST index over windows with conditions answers as a scan does
CREATE TABLE windows AS SELECT i, CASE i % 3
	WHEN 0 THEN eligwin(date '2020-01-01' + i, date '2020-01-01' + 2 * i)
	WHEN 1 THEN (eligwin(date '2020-01-01' + i, date '2020-01-01' + 2 * i)::text || ' region {52130}')::eligwin
	ELSE (eligwin(date '2020-01-01' + i, date '2020-01-01' + 2 * i)::text || ' age 15..34 groups {youth}')::eligwin END AS w
FROM generate_series(1, 300) AS i;
SELECT count(*) AS seq FROM windows WHERE w @> date '2020-06-01';
CREATE INDEX ON windows USING gist (w);
SET enable_seqscan = off;
SELECT count(*) AS indexed FROM windows WHERE w @> date '2020-06-01';
RESET enable_seqscan;

--
-- coverage under all conditions: how many people may claim the grant on
-- each day, with an age band 15..34.  Person 1 (born 1980) is too old; 3
-- (born 1985-07-01) is 34 until 2020-06-30; 4 (born 2005-06-20) is 15 from
-- 2020-06-20; 2, 6 and 7 are in none of the groups; 5 (born 1970) and 8
-- (born 1975) are too old.  So 1 from 06-01, 2 from 06-20, 1 from 07-01.
--
SELECT (unnest(coverage(eligible_dates('{[2020-06-01,2020-07-20]} age 15..34 groups {unpaid_leave,freelancer}',
	birth, profile)))).* FROM person;
-- the same, counted per day in plain SQL: no day differs
SELECT count(*) AS days, count(*) FILTER (WHERE coverage_at(c, d) <> n) AS differing
FROM (SELECT coverage(eligible_dates('{[2020-06-01,2020-07-20]} age 15..34 groups {unpaid_leave,freelancer}',
	birth, profile)) AS c FROM person) AS cov,
	LATERAL (SELECT d::date, (SELECT count(*) FROM person
		WHERE eligible('{[2020-06-01,2020-07-20]} age 15..34 groups {unpaid_leave,freelancer}', d::date, birth, profile)) AS n
		FROM generate_series(date '2020-05-01', '2020-08-31', '1 day') AS d) AS per_day;

--
-- eligibility_explain: each condition, whether it holds; the failing ones
--
SELECT p.id, jsonb_pretty(eligibility_explain(
	'{[2020-06-01,2020-07-20],[2020-09-01,2020-09-30]} age 15..34 region {52130} groups {unpaid_leave,freelancer}',
	'2020-08-10', p.birth, p.profile)) AS explain
FROM person p WHERE p.id IN (2, 4, 6) ORDER BY p.id;
-- eligible, and not yet born; a window without conditions
SELECT eligibility_explain('{[2020-06-01,2020-07-20]} groups {unpaid_leave}', '2020-06-15', '1980-05-05',
		'region=5213010100 target_groups={unpaid_leave}') AS eligible,
	eligibility_explain('{[2020-06-01,2020-07-20]}', '2020-06-15', '2021-01-01', 'occupation=7430') AS unborn,
	eligibility_explain('{}', '2020-06-15', '1980-01-01', 'occupation=7430') AS empty;

--
-- Bad input: 22P02 with a hint, for every new parse error
--
\set VERBOSITY default
SELECT v, try(format('SELECT %L::eligwin', v)) FROM (VALUES
	('{[2020-06-01,2020-07-20]} groups {students}'),
	('{[2020-06-01,2020-07-20]} region {521}'),
	('{[2020-06-01,2020-07-20]} region {52130} region {11}'),
	('{[2020-06-01,2020-07-20]} groups {youth} groups {older}'),
	('{[2020-06-01,2020-07-20]} region {}'),
	('{[2020-06-01,2020-07-20]} groups {}'),
	('{[2020-06-01,2020-07-20]} region {52,,11}'),
	('{[2020-06-01,2020-07-20]} region {99}'),
	('{[2020-06-01,2020-07-20]} region {52000123}'),
	('{[2020-06-01,2020-07-20]} region {52130'),
	('{[2020-06-01,2020-07-20]} region 52130'),
	('{[2020-06-01,2020-07-20]} region {52130} age 15..34'),
	('{[2020-06-01,2020-07-20]} region {52130} x'),
	('{[2020-06-01,2020-07-20]} age 15..34 groups'),
	('{[2020-06-01,2020-07-20]} regions {52130}')
) AS t(v);
SELECT '{[2020-06-01,2020-07-20]} region {521}'::eligwin;
-- at most 1000 prefixes after removing those covered by others: 1000
-- eupmyeondong prefixes (8 digits, 500 under each of 2 sigungu) are
-- accepted, 1001 are not
SELECT 1000 + length(extra) / 9 AS prefixes, regexp_replace(try(format('SELECT length(%L::eligwin::text)',
	'{} region {' || string_agg('52' || s || lpad(e::text, 3, '0'), ',') || extra || '}')),
	'"\{\} region \{[^"]*"', '"…"') AS result
FROM (VALUES (''), (',52110001')) AS v(extra), generate_series(1, 500) AS e, (VALUES ('130'), ('140')) AS t(s)
GROUP BY extra ORDER BY extra;
-- infinite birth dates, as for the three-argument forms
SELECT try($$SELECT eligible('{}', '2020-01-01', 'infinity', 'occupation=7430')$$) AS eligible,
	try($$SELECT eligible_dates('{}', 'infinity', 'occupation=7430')$$) AS eligible_dates,
	try($$SELECT eligibility_explain('{}', '2020-01-01', '-infinity', 'occupation=7430')$$) AS explain;

--
-- Parallel aggregation over windows with conditions: the partial states
-- carry them through the combine function.  Single days of 2020 (every day
-- once at least: 37 is prime to 366), all with the same region condition,
-- and some windows without days, which add nothing: the union is the year.
--
CREATE TABLE par_w AS
SELECT i AS id, CASE WHEN i % 10 = 0 THEN '{}'::eligwin
	ELSE (eligwin(date '2020-01-01' + (i * 37) % 366, date '2020-01-01' + (i * 37) % 366)::text
		  || ' region {52130}')::eligwin END AS w
FROM generate_series(1, 40000) AS i;
ANALYZE par_w;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT eligwin_union(w) FROM par_w;
SELECT eligwin_union(w) FROM par_w;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

COPY (SELECT WHERE false) TO PROGRAM :'rm_binfile';
RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA eligwin_cond CASCADE;
RESET client_min_messages;
