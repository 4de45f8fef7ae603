-- jobprofile: construction, text/binary/jsonb forms, accessors, equality, errors
SET client_min_messages = warning;
CREATE FUNCTION pg_temp.sqlstate_of(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- the constructor: named arguments, every part optional; skills are folded
SELECT jobprofile(occupation => '7430', skills => ARRAY['TIG 용접', '지게차', 'CO2 용접'],
                  region => '4513010100', wage => 2500000, hours => 40);
SELECT jobprofile(occupation => '7430', skills => ARRAY['용접', '도장'], skill_weights => ARRAY[2, 0.5]::real[],
                  region => '52130', latitude => 35.9676, longitude => 126.7366, wage => 2300000,
                  hours => 45, shifts => ARRAY['day', '야간'], education => '고졸', experience => 3,
                  target_groups => ARRAY['청년', 'unpaid_leave']);
SELECT ''::jobprofile AS empty, jobprofile() AS also_empty, jobprofile() = ''::jobprofile AS same;

-- text form: parts in any order, output in a fixed order, round trip exact
CREATE TEMP TABLE t_text (s text);
INSERT INTO t_text VALUES
	('occupation=7430 skills={용접:2,"a,b","q\"uote"} region=52130 latitude=35.97 longitude=126.71 wage=2300000 hours=45 shifts={day,night} education=high experience=5 target_groups={youth,unpaid_leave}'),
	('target_groups={crisis_jobless} wage=0 occupation=024001'),
	('skills={ 지게차 , "CO2 용접" : 1.5 }   region=5213025021'),
	('latitude=-0 longitude=0 hours=0 experience=0 education=none shifts={weekend,rotating}'),
	(''),
	('skills={}');
SELECT s::jobprofile AS value,
       s::jobprofile::text::jobprofile = s::jobprofile AS text_round_trip,
       jobprofile_from_binary(jobprofile_send(s::jobprofile)) = s::jobprofile AS binary_round_trip,
       jobprofile(to_jsonb(s::jobprofile)) = s::jobprofile AS jsonb_round_trip
FROM t_text;

-- jsonb form: the constructor's names as keys; skills as an array or an object
SELECT to_jsonb('occupation=7430 skills={용접:2,지게차} region=52130 latitude=35.97 longitude=126.71 wage=2300000 shifts={night} education=high experience=5 target_groups={youth}'::jobprofile);
SELECT jobprofile('{"occupation": "7430", "skills": {"용접": 2, "지게차": 1}, "region": 4513010100, "wage": 2000000, "hours": null}'::jsonb);
SELECT jobprofile('{"skills": ["용접", "도장"], "skill_weights": [1, 3], "latitude": 35.9, "longitude": 126.7}'::jsonb);
SELECT '{"occupation": 74}'::jsonb::jobprofile, ('occupation=74'::jobprofile)::jsonb;

-- accessors
SELECT jobprofile_occupation(p), jobprofile_skills(p), jobprofile_skill_weights(p),
       jobprofile_region(p), jobprofile_latitude(p), jobprofile_longitude(p),
       jobprofile_wage(p), jobprofile_hours(p), jobprofile_shifts(p),
       jobprofile_education(p), jobprofile_experience(p), jobprofile_target_groups(p)
FROM (SELECT 'occupation=7430 skills={용접:2,지게차} region=4513010100 latitude=35.97 longitude=126.71 wage=2300000 hours=40 shifts={night,day} education=bachelor experience=5 target_groups={youth,older}'::jobprofile AS p) s;
SELECT jobprofile_occupation(p) IS NULL AS no_occ, jobprofile_skills(p) IS NULL AS no_skills,
       jobprofile_region(p) IS NULL AS no_region, jobprofile_wage(p) IS NULL AS no_wage
FROM (SELECT ''::jobprofile AS p) s;

-- skills: NFD (macOS) equals NFC, case, spacing, full width and middle dots fold;
-- duplicates merge keeping the larger weight
SELECT jobprofile(skills => ARRAY[normalize('용접기능사', NFD)]) = jobprofile(skills => ARRAY['용접기능사']) AS nfd_is_nfc,
       jobprofile(skills => ARRAY['ＴＩＧ 용접']) = jobprofile(skills => ARRAY['tig용접']) AS width_case_space,
       jobprofile(skills => ARRAY['전기·전자']) = jobprofile(skills => ARRAY['전기전자']) AS middle_dot,
       jobprofile(skills => ARRAY['용접', '용 접', 'x']) = jobprofile(skills => ARRAY['x', '용접']) AS dedup;
SELECT jobprofile(skills => ARRAY['용접', '용 접'], skill_weights => ARRAY[1, 3]::real[]);

-- equality, hashing, and a hash join on profiles
SELECT 'occupation=74 wage=1'::jobprofile = 'wage=1 occupation=74'::jobprofile AS eq,
       'occupation=74'::jobprofile <> 'occupation=741'::jobprofile AS ne,
       jobprofile_hash('skills={a,b}') = jobprofile_hash('skills={b,a}') AS hash_eq;
SELECT count(*) FROM (VALUES ('skills={a,b}'::jobprofile), ('wage=1')) a(p)
	JOIN (VALUES ('skills={b,a}'::jobprofile), ('wage=2')) b(p) USING (p);

-- a total order by stored bytes: sorting, DISTINCT, unique indexes, merge joins
SELECT count(DISTINCT p) AS distinct_profiles, count(*) AS profiles
FROM (SELECT s::jobprofile AS p FROM t_text UNION ALL SELECT s::jobprofile FROM t_text) x;
CREATE TEMP TABLE t_unique (p jobprofile PRIMARY KEY);
INSERT INTO t_unique SELECT DISTINCT s::jobprofile FROM t_text;
SELECT pg_temp.sqlstate_of($$INSERT INTO t_unique VALUES ('occupation=024001 wage=0 target_groups={crisis_jobless}')$$) AS duplicate;
SELECT jobprofile_cmp('occupation=1', 'occupation=1') AS same, jobprofile_cmp('occupation=1', 'occupation=2') AS less,
       'occupation=1'::jobprofile < 'occupation=2' AS lt;

-- binary COPY round trip
CREATE TEMP TABLE t_bin (id int, p jobprofile);
INSERT INTO t_bin SELECT row_number() OVER (), s::jobprofile FROM t_text;
-- server-side COPY files go into the cluster's data directory; the end of
-- the suite removes this one (psql goes on after errors, so it always does)
SELECT f AS binfile, format('rm -f ''%s''', f) AS rm_binfile
FROM (SELECT current_setting('data_directory') || '/jobs_ext_jobprofile.bin') AS t(f) \gset
COPY t_bin TO :'binfile' (FORMAT binary);
CREATE TEMP TABLE t_bin2 (LIKE t_bin);
COPY t_bin2 FROM :'binfile' (FORMAT binary);
SELECT count(*) AS rows, bool_and(a.p = b.p) AS all_equal FROM t_bin a JOIN t_bin2 b USING (id);

-- size: a seeker with 4 skills and the usual scalar parts
SELECT jobprofile_size('occupation=7430 skills={용접,지게차,tig용접,co2용접} region=5213010100 wage=2500000 hours=40'::jobprofile) AS bytes,
       jobprofile_size(''::jobprofile) AS empty_bytes;

-- bad input: 22P02 in text, 22023 in the constructor and jsonb, 54000 too many, 22P03 binary
SELECT q, pg_temp.sqlstate_of(q) FROM (VALUES
	($$SELECT 'colour=red'::jobprofile$$),
	($$SELECT 'occupation=74 occupation=75'::jobprofile$$),
	($$SELECT 'occupation=12345'::jobprofile$$),
	($$SELECT 'occupation=74a'::jobprofile$$),
	($$SELECT 'region=99130'::jobprofile$$),
	($$SELECT 'region=521'::jobprofile$$),
	($$SELECT 'region=5200010100'::jobprofile$$),
	($$SELECT 'wage=-1'::jobprofile$$),
	($$SELECT 'hours=169'::jobprofile$$),
	($$SELECT 'latitude=35'::jobprofile$$),
	($$SELECT 'skills={a:0}'::jobprofile$$),
	($$SELECT 'skills={a'::jobprofile$$),
	($$SELECT 'skills={" "}'::jobprofile$$),
	($$SELECT 'shifts={dawn}'::jobprofile$$),
	($$SELECT 'education=kindergarten'::jobprofile$$),
	($$SELECT 'target_groups={aliens}'::jobprofile$$),
	($$SELECT jobprofile(wage => -1)$$),
	($$SELECT jobprofile(region => '4513')$$),
	($$SELECT jobprofile(occupation => 'x')$$),
	($$SELECT jobprofile(latitude => 35)$$),
	($$SELECT jobprofile(latitude => 91, longitude => 0)$$),
	($$SELECT jobprofile(skills => ARRAY['a', 'b'], skill_weights => ARRAY[1]::real[])$$),
	($$SELECT jobprofile(skills => ARRAY['a', NULL])$$),
	($$SELECT jobprofile('{"colour": "red"}'::jsonb)$$),
	($$SELECT jobprofile('{"wage": -5}'::jsonb)$$),
	($$SELECT jobprofile('{"wage": 1.5}'::jsonb)$$),
	($$SELECT jobprofile('{"region": "00000"}'::jsonb)$$),
	($$SELECT jobprofile('[1]'::jsonb)$$),
	($$SELECT jobprofile(skills => (SELECT array_agg('s' || i) FROM generate_series(1, 257) i))$$),
	($$SELECT ('skills={' || (SELECT string_agg('s' || i, ',') FROM generate_series(1, 257) i) || '}')::jobprofile$$),
	($$SELECT jobprofile(skills => ARRAY[repeat('가', 100)])$$),
	($$SELECT jobprofile_from_binary(substring(jobprofile_send('occupation=74 skills={용접}') from 1 for 20))$$),
	($$SELECT jobprofile_from_binary(jobprofile_send('occupation=74') || '\x00'::bytea)$$),
	($$SELECT jobprofile_from_binary('\x02'::bytea || substring(jobprofile_send('occupation=74') from 2))$$),
	($$SELECT jobprofile_from_binary(overlay(jobprofile_send('region=5213010100') placing '\x00000000ffffffff'::bytea from 6))$$),
	($$SELECT jobprofile_from_binary(''::bytea)$$)
) AS t(q);

-- every single-byte mutation of a binary value is decoded or rejected cleanly
CREATE FUNCTION pg_temp.mutations(b bytea) RETURNS TABLE (outcome text, n bigint) LANGUAGE plpgsql AS $$
DECLARE
	i int;
	v int;
	res text;
	counts jsonb := '{}';
BEGIN
	FOR i IN 0 .. length(b) - 1 LOOP
		FOREACH v IN ARRAY ARRAY[0, 1, 127, 255] LOOP
			BEGIN
				PERFORM jobprofile_from_binary(set_byte(b, i, v))::text;
				res := 'ok';
			EXCEPTION WHEN OTHERS THEN
				res := SQLSTATE;
			END;
			counts := jsonb_set(counts, ARRAY[res], to_jsonb(coalesce((counts->>res)::int, 0) + 1));
		END LOOP;
	END LOOP;
	RETURN QUERY SELECT key, value::bigint FROM jsonb_each_text(counts) ORDER BY key;
END $$;
SELECT * FROM pg_temp.mutations(jobprofile_send('occupation=7430 skills={용접:2,지게차} region=4513010100 latitude=35.97 longitude=126.71 wage=2300000 hours=40 shifts={day} education=high experience=5 target_groups={youth}'));
COPY (SELECT WHERE false) TO PROGRAM :'rm_binfile';
