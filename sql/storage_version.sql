--
-- The version byte of stored values.  The stored form of every varlena type
-- of jobs_ext begins with a version byte (1 in every release so far): a
-- later release reads each version it ever wrote, and a value whose version
-- this build does not know (written by a later release, or damaged) is
-- refused with a clear error wherever it is read, never read as garbage.
-- test/checks/upgrade.sh stores values with the 1.0 library and reads them
-- with this build; the version byte of the binary (send/recv) form is tested
-- in each type's suite.
--
-- Stored bytes are reached through PostgreSQL's own byteacat, declared here
-- LANGUAGE internal with our types: it returns the bytes of a varlena as
-- they are, so a value can be read out, changed and put back.
--
CREATE FUNCTION pg_temp.try(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	r text;
BEGIN
	EXECUTE q INTO r;
	RETURN 'ok: ' || r;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['eligwin', 'coverage', 'jobprofile', 'topk_state', 'peopleset', 'catstats'] LOOP
		EXECUTE format('CREATE FUNCTION pg_temp.stored(%s, bytea) RETURNS bytea
			LANGUAGE internal IMMUTABLE STRICT AS %L', t, 'byteacat');
		EXECUTE format('CREATE FUNCTION pg_temp.%s_of(bytea, bytea) RETURNS %s
			LANGUAGE internal IMMUTABLE STRICT AS %L', t, t, 'byteacat');
	END LOOP;
END
$$;

-- Version 1, byte for byte (little-endian, as on every platform we build
-- on; days count from 2000-01-01: 2020-01-01 is day 7305 = 0x1c89).
-- eligwin: version, flags (1: has an age band), age 15..34, reserved,
-- 1 interval, [7305, 7335].
SELECT encode(pg_temp.stored('{[2020-01-01,2020-01-31]} age 15..34'::eligwin, ''), 'hex') AS eligwin_v1;
-- coverage: version, flags, reserved, 2 steps, (7305, 3), (7336, 0).
SELECT encode(pg_temp.stored('{2020-01-01:3,2020-02-01:0}'::coverage, ''), 'hex') AS coverage_v1;
-- peopleset: version, padding, the int8 numbers ascending.
SELECT encode(pg_temp.stored('{3,5}'::peopleset, ''), 'hex') AS peopleset_v1;
-- topk_state: version, padding, k = 2, n = 1, (id 1, score 0.5 = 0x3f000000,
-- padding), and room for the second of k pairs, zeroed.
SELECT encode(pg_temp.stored('k=2 {(1,0.5)}'::topk_state, ''), 'hex') AS topk_state_v1;
-- catstats and jobprofile: the first byte is the version.
SELECT get_byte(pg_temp.stored('{60:1:{7}}'::catstats, ''), 0) AS catstats_version,
	get_byte(pg_temp.stored('occupation=7430 skills={용접}'::jobprofile, ''), 0) AS jobprofile_version;

-- The bytes put back unchanged are the same value, read by every path.
CREATE TABLE stored (t text, v1 bytea, v2 bytea);
INSERT INTO stored
-- (eligwin has a version 2 since 1.1, for windows with conditions, and
-- peopleset and catstats one for aggregate states held as a bitmap or as
-- masks (people.sql, catstats.sql): their unknown version is 3)
SELECT t, b, set_byte(b, 0, CASE WHEN t IN ('eligwin', 'peopleset', 'catstats') THEN 3 ELSE 2 END) FROM (VALUES
	('eligwin', pg_temp.stored('{[2020-01-01,2020-01-31],[2020-03-01,2020-03-31]} age 15..34'::eligwin, '')),
	('coverage', pg_temp.stored('{2020-01-01:3,2020-02-01:0}'::coverage, '')),
	('jobprofile', pg_temp.stored('occupation=7430 skills={용접:2,지게차} region=4513010100 wage=2500000'::jobprofile, '')),
	('topk_state', pg_temp.stored('k=2 {(1,0.5),(2,0.75)}'::topk_state, '')),
	('peopleset', pg_temp.stored('{3,5..9}'::peopleset, '')),
	('catstats', pg_temp.stored('{21:3:{1,2},60:1:{3}}'::catstats, ''))
) AS v(t, b);
SELECT t, pg_temp.try(format('SELECT pg_temp.%s_of(%L, %L)::text', t, v1, '')) AS version_1
FROM stored ORDER BY t;

-- Version 2 (3 for eligwin, peopleset and catstats), which no release has
-- written: every reader refuses it.
-- Text and binary output:
SELECT t, pg_temp.try(format('SELECT pg_temp.%s_of(%L, %L)::text', t, v2, '')) AS text_out,
	pg_temp.try(format('SELECT %s_send(pg_temp.%s_of(%L, %L))', t, t, v2, '')) AS send
FROM stored ORDER BY t;
-- Operators and functions, each type's own:
SELECT q, pg_temp.try(q) FROM (VALUES
	($q$SELECT pg_temp.eligwin_of((SELECT v2 FROM stored WHERE t = 'eligwin'), '') @> date '2020-01-05'$q$),
	($q$SELECT pg_temp.eligwin_of((SELECT v2 FROM stored WHERE t = 'eligwin'), '') = '{}'$q$),
	($q$SELECT eligwin_union(w) FROM (VALUES (pg_temp.eligwin_of((SELECT v2 FROM stored WHERE t = 'eligwin'), ''))) AS x(w)$q$),
	($q$SELECT coverage_at(pg_temp.coverage_of((SELECT v2 FROM stored WHERE t = 'coverage'), ''), '2020-01-05')$q$),
	($q$SELECT pg_temp.coverage_of((SELECT v2 FROM stored WHERE t = 'coverage'), '') < '{}'$q$),
	($q$SELECT match_score(pg_temp.jobprofile_of((SELECT v2 FROM stored WHERE t = 'jobprofile'), ''), 'occupation=7430')$q$),
	($q$SELECT to_jsonb(pg_temp.jobprofile_of((SELECT v2 FROM stored WHERE t = 'jobprofile'), ''))$q$),
	($q$SELECT topk_combine(pg_temp.topk_state_of((SELECT v2 FROM stored WHERE t = 'topk_state'), ''), 'k=2 {}')$q$),
	($q$SELECT people(pg_temp.peopleset_of((SELECT v2 FROM stored WHERE t = 'peopleset'), ''))$q$),
	($q$SELECT people_merge(s) FROM (VALUES (pg_temp.peopleset_of((SELECT v2 FROM stored WHERE t = 'peopleset'), ''))) AS x(s)$q$),
	($q$SELECT catstats_merge(s) FROM (VALUES (pg_temp.catstats_of((SELECT v2 FROM stored WHERE t = 'catstats'), ''))) AS x(s)$q$),
	($q$SELECT enrolments(pg_temp.catstats_of((SELECT v2 FROM stored WHERE t = 'catstats'), ''))$q$),
	($q$SELECT pg_temp.topk_state_of((SELECT v2 FROM stored WHERE t = 'topk_state'), '') = 'k=2 {}'$q$),
	($q$SELECT topk_state_hash(pg_temp.topk_state_of((SELECT v2 FROM stored WHERE t = 'topk_state'), ''))$q$),
	($q$SELECT pg_temp.peopleset_of((SELECT v2 FROM stored WHERE t = 'peopleset'), '') < '{}'$q$),
	($q$SELECT peopleset_hash_extended(pg_temp.peopleset_of((SELECT v2 FROM stored WHERE t = 'peopleset'), ''), 0)$q$),
	($q$SELECT pg_temp.catstats_of((SELECT v2 FROM stored WHERE t = 'catstats'), '') = '{}'$q$),
	($q$SELECT catstats_hash(pg_temp.catstats_of((SELECT v2 FROM stored WHERE t = 'catstats'), ''))$q$)
) AS v(q);

-- The same value stored in a table, as a later library might have left
-- it: a scan refuses it, and no index can be built over it or take it in.
CREATE TABLE windows (id int, w eligwin);
INSERT INTO windows
SELECT i, pg_temp.eligwin_of(CASE WHEN i = 2 THEN v2 ELSE v1 END, '')
FROM stored, generate_series(1, 3) AS i WHERE t = 'eligwin';
SELECT pg_temp.try($q$SELECT string_agg(w::text, ';' ORDER BY id) FROM windows$q$) AS scan,
	pg_temp.try($q$SELECT count(*) FROM windows WHERE w @> date '2020-01-05'$q$) AS scan_filter,
	pg_temp.try($q$SELECT count(DISTINCT w) FROM windows$q$) AS sort;
SELECT pg_temp.try('CREATE INDEX ON windows USING gist (w)') AS gist_build,
	pg_temp.try('CREATE INDEX ON windows (w)') AS btree_build,
	pg_temp.try('CREATE INDEX ON windows USING hash (w)') AS hash_build;
DELETE FROM windows WHERE id = 2;
CREATE INDEX windows_w ON windows USING gist (w);
SELECT pg_temp.try($q$INSERT INTO windows SELECT 2, pg_temp.eligwin_of(v2, '') FROM stored WHERE t = 'eligwin'$q$) AS gist_insert;
SET enable_seqscan = off;
SELECT count(*) AS index_scan FROM windows WHERE w @> date '2020-01-05';
RESET enable_seqscan;

-- A size that does not hold the header is refused the same way.
SELECT t, pg_temp.try(format('SELECT pg_temp.%s_of(%L, %L)::text', t, substring(v1 from 1 for 6), '')) AS truncated
FROM stored ORDER BY t;

-- What the error says in full.
\set VERBOSITY default
SELECT pg_temp.eligwin_of(v2, '') FROM stored WHERE t = 'eligwin';
