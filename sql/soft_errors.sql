--
-- Soft input errors: on PostgreSQL 16 and later the text input of every
-- type reports bad text through the soft-error context, so
-- pg_input_is_valid() says false, pg_input_error_info() gives the message,
-- detail, hint and SQLSTATE of the error a cast raises, and (17 and later)
-- COPY ... WITH (ON_ERROR ignore) skips the row.  Binary input stays a hard
-- error, as for the built-in types.
--
SELECT current_setting('server_version_num')::int >= 160000 AS has_soft_errors,
	current_setting('server_version_num')::int >= 170000 AS has_copy_on_error \gset
\if :has_soft_errors
\else
\echo 'skipped: pg_input_is_valid() and pg_input_error_info() exist from PostgreSQL 16 on'
\quit
\endif

-- The error a cast raises, caught: what pg_input_error_info() must repeat
CREATE FUNCTION hard_error(val text, typ text,
	OUT message text, OUT detail text, OUT hint text, OUT sql_error_code text)
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('SELECT %L::%s', val, typ);
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS message = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL,
		hint = PG_EXCEPTION_HINT, sql_error_code = RETURNED_SQLSTATE;
	detail := nullif(detail, '');
	hint := nullif(hint, '');
END
$$;

-- Bad text for every type, each kind of problem its input reports; long
-- values are shown by name only
CREATE TEMP TABLE bad (n serial, typ text, shown text, val text);
INSERT INTO bad (typ, val) VALUES
	('jobcat', 'nosuch'),
	('jobcat', ' · '),
	('eligwin', '[2020-01-01,2020-12-31]'),
	('eligwin', '{[2020-13-01,2020-12-31]}'),
	('eligwin', '{[2021-01-01,2020-01-01]}'),
	('eligwin', '{[2020-01-01,)} age 20..10'),
	('eligwin', '{(,)} age'),
	('coverage', '2020-01-01:1'),
	('coverage', '{2020-01-01 1}'),
	('coverage', '{2020-01-01:2147483648}'),
	('coverage', '{2020-02-01:1,2020-01-01:2}'),
	('coverage', '{2020-01-01:0}'),
	('jobprofile', 'occupation=12345'),
	('jobprofile', 'salary=1'),
	('jobprofile', 'skills={"welding}'),
	('jobprofile', 'skills={welding:0}'),
	('jobprofile', 'shifts={dawn}'),
	('jobprofile', 'target_groups={students}'),
	('jobprofile', 'education=kindergarten'),
	('jobprofile', 'region=99'),
	('jobprofile', 'latitude=91 longitude=0'),
	('jobprofile', 'latitude=35'),
	('jobprofile', 'hours=169'),
	('topk_state', '{(1,0.5)}'),
	('topk_state', 'k=0 {}'),
	('topk_state', 'k=1 {(1,0.5),(2,0.4)}'),
	('topk_state', 'k=2 {(1,high)}'),
	('peopleset', '1,2'),
	('peopleset', '{3,2}'),
	('peopleset', '{1..2} x'),
	('peopleset', '{1..200000000}'),
	('catstats', '21:1:{1}'),
	('catstats', '{999:1:{1}}'),
	('catstats', '{21:1:{1,2}}'),
	('catstats', '{21:1:{9007199254740992}}'),
	('catstats', '{21:1:{1..200000000}}'),
	('catstats', '{21:1:{1}} x');
-- too long, too many (SQLSTATE 54000 where it is a limit)
INSERT INTO bad (typ, shown, val) VALUES
	('jobcat', '201 times x', repeat('x', 201)),
	('eligwin', '10001 disjoint intervals',
	 (SELECT '{' || string_agg(format('[%1$s,%1$s]', to_char(d, 'YYYY-MM-DD')), ',' ORDER BY d) || '}'
	  FROM generate_series(0, 20000, 2) AS i, LATERAL (SELECT date '2000-01-01' + i) AS t (d))),
	('eligwin', '65537 intervals before merging',
	 '{' || repeat('[2020-01-01,2020-01-01],', 65536) || '[2020-01-01,2020-01-01]}'),
	('jobprofile', '257 skills',
	 (SELECT 'skills={' || string_agg('s' || i, ',') || '}' FROM generate_series(1, 257) AS i)),
	('jobprofile', 'a skill of 201 bytes',
	 'skills={' || repeat('가', 67) || '}');

-- the conditions of an eligwin (1.1)
INSERT INTO bad (typ, val) VALUES
	('eligwin', '{[2020-06-01,2020-07-20]} groups {students}'),
	('eligwin', '{[2020-06-01,2020-07-20]} region {521}'),
	('eligwin', '{[2020-06-01,2020-07-20]} region {99}'),
	('eligwin', '{[2020-06-01,2020-07-20]} region {52} region {11}'),
	('eligwin', '{[2020-06-01,2020-07-20]} groups {}'),
	('eligwin', '{[2020-06-01,2020-07-20]} region {52} age 15..34'),
	('eligwin', '{[2020-06-01,2020-07-20]} groups {youth');

-- every one is invalid, and the soft error is the hard one
SELECT n, typ, coalesce(shown, val) AS input, pg_input_is_valid(val, typ) AS valid,
	pg_input_error_info(val, typ) IS NOT DISTINCT FROM hard_error(val, typ) AS same_as_cast
FROM bad ORDER BY n;
\x on
SELECT n, typ, coalesce(shown, val) AS input, e.*
FROM bad, pg_input_error_info(val, typ) AS e ORDER BY n;
\x off

-- good text of every type is valid and has no error
SELECT typ, val, pg_input_is_valid(val, typ) AS valid,
	pg_input_error_info(val, typ) IS NULL AS no_error
FROM (VALUES ('jobcat', '직접일자리'), ('eligwin', '{[2020-01-01,2020-12-31]} age 15..34'),
	('eligwin', '{[2020-06-01,2020-07-20]} age 15..34 region {52130,4513010100} groups {무급휴직자,freelancer}'),
	('coverage', '{2020-01-01:1,2020-02-01:0}'),
	('jobprofile', 'occupation=7430 skills={용접,tig용접:2} shifts={day}'),
	('topk_state', 'k=2 {(1,0.5)}'), ('peopleset', '{1,2,5..9}'),
	('catstats', '{21:5:{1,2},60:2:{3,4}}')) AS good (typ, val);

-- Every sample value of test/types.tsv (and a window with conditions) with
-- one character deleted or replaced by "}": no error escapes
-- pg_input_is_valid(), which agrees with pg_input_error_info(), and both
-- agree with the cast
CREATE TEMP TABLE sample_lines (line text);
\copy sample_lines FROM 'test/types.tsv' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
CREATE TEMP TABLE mutants AS
SELECT DISTINCT typ, overlay(val PLACING c FROM i FOR 1) AS val
FROM (SELECT split_part(line, E'\t', 1), substr(line, strpos(line, E'\t') + 1)
	  FROM sample_lines WHERE line !~ '^#' AND line <> ''
	  -- eligwin with conditions (1.1; not in types.tsv, which 1.0 must read)
	  UNION ALL VALUES ('eligwin', '{[2020-06-01,2020-07-20]} age 15..34 region {52130,11} groups {unpaid_leave,프리랜서}')
	 ) AS s (typ, val),
	generate_series(1, length(val)) AS i, unnest(ARRAY['', '}']) AS c;
SELECT count(*) > 1000 AS many,
	count(*) FILTER (WHERE pg_input_is_valid(val, typ) =
		((pg_input_error_info(val, typ)).sql_error_code IS NOT NULL)) AS is_valid_disagrees,
	count(*) FILTER (WHERE pg_input_error_info(val, typ) IS DISTINCT FROM
		hard_error(val, typ)) AS differs_from_cast
FROM mutants;

-- over a domain: the type's error first, then the domain's check
CREATE DOMAIN some_window AS eligwin CHECK (VALUE <> '{}');
SELECT pg_input_is_valid('{[2020-01-01,2020-01-31]}', 'some_window') AS good,
	(pg_input_error_info('{}', 'some_window')).sql_error_code AS empty,
	(pg_input_error_info('{[2020-01-01,', 'some_window')).sql_error_code AS bad_text;

\if :has_copy_on_error
-- COPY skips the rows with a bad value of any type and loads the rest
CREATE TEMP TABLE loaded (id int, cat jobcat, win eligwin, cov coverage,
	prof jobprofile, top topk_state, ppl peopleset, stats catstats);
COPY loaded FROM STDIN WITH (ON_ERROR ignore, LOG_VERBOSITY verbose);
1	60	{[2020-01-01,2020-12-31]}	{2020-01-01:1}	occupation=7430	k=1 {(1,0.5)}	{1,2}	{21:1:{1}}
2	nosuch	{[2020-01-01,2020-12-31]}	{2020-01-01:1}	occupation=7430	k=1 {(1,0.5)}	{1,2}	{21:1:{1}}
3	60	{[2020-13-01,2020-12-31]}	{2020-01-01:1}	occupation=7430	k=1 {(1,0.5)}	{1,2}	{21:1:{1}}
4	60	{[2020-01-01,2020-12-31]}	{2020-01-01:0}	occupation=7430	k=1 {(1,0.5)}	{1,2}	{21:1:{1}}
5	60	{[2020-01-01,2020-12-31]}	{2020-01-01:1}	occupation=12345	k=1 {(1,0.5)}	{1,2}	{21:1:{1}}
6	60	{[2020-01-01,2020-12-31]}	{2020-01-01:1}	occupation=7430	k=1 {(1,0.5),(2,0.4)}	{1,2}	{21:1:{1}}
7	60	{[2020-01-01,2020-12-31]}	{2020-01-01:1}	occupation=7430	k=1 {(1,0.5)}	{2,1}	{21:1:{1}}
8	60	{[2020-01-01,2020-12-31]}	{2020-01-01:1}	occupation=7430	k=1 {(1,0.5)}	{1,2}	{21:1:{1,2}}
9	직접일자리	{}	{}	\N	k=5 {}	{}	{}
10	60	{} age 20..10	{}	\N	k=5 {}	{}	{}
11	60	{}	{}	shifts={dawn}	k=5 {}	{}	{}
12	60	{}	{}	\N	k=100001 {}	{}	{}
13	60	{}	{}	\N	k=5 {}	{1..200000000}	{}
14	60	{}	{}	\N	k=5 {}	{}	{999:1:{1}}
\.
SELECT id, cat, win, cov, prof, top, ppl, stats FROM loaded ORDER BY id;
\endif

-- Bytes that are not UTF-8 are bad input too, where the database encoding
-- lets them in (SQL_ASCII)
SELECT current_database() AS regress_db \gset
SET client_min_messages = warning;
DROP DATABASE IF EXISTS regress_jobs_ext_sql_ascii;
RESET client_min_messages;
CREATE DATABASE regress_jobs_ext_sql_ascii TEMPLATE template0 ENCODING 'SQL_ASCII'
	LOCALE_PROVIDER libc LOCALE 'C';
\c regress_jobs_ext_sql_ascii
SET client_min_messages = warning;
CREATE EXTENSION jobs_ext;
RESET client_min_messages;
SELECT typ, raw, pg_input_is_valid(val, typ) AS valid, e.*
FROM (VALUES ('jobcat', '\xff'::bytea), ('jobcat', '\xeab8'::bytea),
	('jobprofile', 'skills={'::bytea || '\xeab8b0' || '}'),
	('jobprofile', 'shifts={'::bytea || '\xc0' || '}')) AS t (typ, raw),
	convert_from(raw, 'SQL_ASCII') AS val, pg_input_error_info(val, typ) AS e;
-- the casts, and the server's own words for the same bytes
SELECT convert_from('\xeab8', 'SQL_ASCII')::jobcat;
SELECT convert_from('shifts={'::bytea || '\xc0' || '}', 'SQL_ASCII')::jobprofile;
SELECT convert_from('\xeab8', 'UTF8');
\c :regress_db
DROP DATABASE regress_jobs_ext_sql_ascii;
DROP DOMAIN some_window;
DROP FUNCTION hard_error(text, text);
