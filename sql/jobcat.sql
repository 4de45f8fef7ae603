--
-- jobcat: the OECD/Eurostat LMP programme taxonomy
--
\pset null '(null)'

-- ICU's ko-KR collation, which the suites name where they sort Korean text,
-- so that they give the same order whatever the database's own collation
-- (ICU ko-KR as the harness creates it, libc C.UTF-8 on a stock cluster).
SELECT collname, collprovider FROM pg_collation WHERE collname = 'ko-KR-x-icu';

-- The whole taxonomy, in pre-order, from the LMP methodology.
SELECT * FROM jobcat_taxonomy();

-- Every node round-trips in code, Korean and English form.
SELECT count(*) AS nodes,
       bool_and(code::text = jobcat_code(code)::text) AS code_output,
       bool_and(code::text::jobcat = code) AS code_roundtrip,
       bool_and(label_ko::jobcat = code) AS ko_input,
       bool_and(label_en::jobcat = code) AS en_input
FROM jobcat_taxonomy();
SET jobs_ext.jobcat_output = 'ko';
SELECT bool_and(code::text = label_ko) AS ko_output,
       bool_and(code::text::jobcat = code) AS ko_roundtrip
FROM jobcat_taxonomy();
SELECT '60'::jobcat, '8.1.1'::jobcat, 'Training'::jobcat;
SET jobs_ext.jobcat_output = 'en';
SELECT bool_and(code::text = label_en) AS en_output,
       bool_and(code::text::jobcat = code) AS en_roundtrip
FROM jobcat_taxonomy();
SELECT '60'::jobcat, '8.1.1'::jobcat, '직업훈련'::jobcat;
RESET jobs_ext.jobcat_output;
SET jobs_ext.jobcat_output = 'klingon';
SHOW jobs_ext.jobcat_output;

-- OECD codes, Eurostat dotted codes (n is OECD n0, n.m.k is nmk; Eurostat
-- category 3, job rotation and job sharing, is OECD 43).
SELECT input, input::jobcat AS parsed, input::jobcat = expected::jobcat AS ok
FROM (VALUES ('10', 10), ('1', 10), ('1.1', 11), ('1.3', 13),
             ('2', 20), ('2.1', 21), ('2.4', 24),
             ('3', 43), ('3.1', 43), ('3.2', 43), ('4.3', 43),
             ('4', 40), ('4.1', 41), ('4.1.1', 411), ('4.1.2', 412), ('4.2', 42),
             ('5', 50), ('5.1', 51), ('5.2', 52), ('6', 60), ('7', 70),
             ('8', 80), ('8.1', 81), ('8.1.1', 811), ('8.1.2', 812), ('8.5', 85),
             ('9', 90), ('9.1', 91), ('9.2', 92)) AS t(input, expected);

-- ICU folding: NFD Hangul (as macOS writes it), full-width forms, spacing,
-- the middle dot written as U+00B7, U+318D, U+30FB, a full stop or nothing,
-- and Latin case all parse to the same category.
SELECT length(normalize('직접일자리', NFD)) AS nfd_length,
       normalize('직접일자리', NFD)::jobcat AS nfd,
       normalize('실업소득 유지·지원', NFD)::jobcat AS nfd_with_dot;
SELECT input, input::jobcat AS parsed
FROM (VALUES ('실업소득 유지·지원'), ('실업소득 유지ㆍ지원'), ('실업소득 유지・지원'),
             ('실업소득 유지.지원'), ('실업소득유지지원'), ('  실업소득  유지 · 지원  '),
             ('６０'), ('８．１．１'), ('８.１.２'), ('직 접 일 자 리'),
             ('DIRECT JOB CREATION'), ('direct-job creation'), ('Start-up Incentives'),
             (E' 60\t')) AS t(input);

-- Every documented alias (doc/jobcat.md).
SELECT alias, alias::jobcat AS parsed, alias::jobcat = expected::jobcat AS ok
FROM (VALUES ('공공고용서비스', 10), ('취업알선', 11), ('직업능력개발', 20),
             ('직업능력개발훈련', 20), ('내일배움카드', 21), ('일학습병행', 23),
             ('도제훈련', 24), ('채용지원금', 41), ('고용유지지원금', 42),
             ('고용유지지원', 42), ('일자리 나누기', 43), ('장애인 지원고용', 51),
             ('공공일자리', 60), ('공공근로', 60), ('공공근로사업', 60),
             ('희망일자리', 60), ('직접일자리사업', 60), ('창업', 70),
             ('실업급여', 811), ('구직급여', 811), ('고용보험 실업급여', 811),
             ('국민취업지원제도', 812), ('구직촉진수당', 812), ('체당금', 85),
             ('대지급금', 85), ('PES', 10), ('Public employment services', 10),
             ('Labour market services', 10), ('Placement', 11),
             ('Integrated training', 23), ('Apprenticeship', 24),
             ('Job rotation', 43), ('Job sharing', 43),
             ('Sheltered and supported employment and rehabilitation', 50),
             ('Public works', 60), ('Start-up', 70), ('Unemployment benefits', 80),
             ('Out-of-work income maintenance', 80)) AS t(alias, expected);

-- Bad input: SQLSTATE 22P02 with a hint naming the closest category.
SELECT ''::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT '   '::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT '직접일자라'::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT '직업 훈녈'::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT 'Trainign'::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT '8.1.3'::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT '100'::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT '60x'::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT 'Training; DROP TABLE x'::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT repeat('가', 67)::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT jobcat(99);
\echo :LAST_ERROR_SQLSTATE
SELECT jobcat(-1);
\echo :LAST_ERROR_SQLSTATE

-- Casts with integer and text.
SELECT jobcat(811), 811::jobcat, '811'::jobcat::integer, jobcat_code('8.1.2'),
       '60'::text::jobcat, ('60'::jobcat)::text;

-- Order is the taxonomy's pre-order: a parent sorts before its children.
SELECT '10'::jobcat < '11' AS a, '13'::jobcat < '20' AS b, '41'::jobcat < '411' AS c,
       '412'::jobcat < '42' AS d, '43'::jobcat < '50' AS e, '812'::jobcat < '82' AS f,
       '92'::jobcat > '90' AS g, '60'::jobcat = '직접일자리' AS h, '60'::jobcat <> '70' AS i,
       jobcat_cmp('80', '811') AS j, jobcat_cmp('811', '80') AS k, jobcat_cmp('60', '60') AS l;
SELECT array_agg(c ORDER BY c) AS sorted
FROM (VALUES ('811'::jobcat), ('90'), ('11'), ('411'), ('80'), ('10'), ('43'), ('42'),
             ('812'), ('81'), ('41')) AS t(c);
SELECT min(code), max(code) FROM jobcat_taxonomy();

-- Ancestor-or-self.
SELECT '80'::jobcat @> '811' AS a, '81'::jobcat @> '811' AS b, '811'::jobcat @> '811' AS c,
       '811'::jobcat @> '81' AS d, '80'::jobcat @> '11' AS e, '811'::jobcat <@ '80' AS f,
       '80'::jobcat <@ '811' AS g;
SELECT array_agg(code) AS under_80 FROM jobcat_taxonomy() WHERE code <@ '80';
SELECT array_agg(code) AS above_412 FROM jobcat_taxonomy() WHERE code @> '412';

-- Navigation.
SELECT c, jobcat_parent(c), jobcat_level(c), jobcat_top(c),
       jobcat_label(c), jobcat_label(c, 'en'), jobcat_label(c, 'EN')
FROM (VALUES ('60'::jobcat), ('81'), ('812'), ('23')) AS t(c);
SELECT jobcat_label('60', 'fr');
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) AS top_level FROM jobcat_taxonomy() WHERE parent IS NULL;
SELECT bool_and(jobcat_parent(code) IS NOT DISTINCT FROM parent) AS parent_ok,
       bool_and(jobcat_level(code) = level) AS level_ok,
       bool_and(jobcat_top(code) @> code AND jobcat_level(jobcat_top(code)) = 1) AS top_ok
FROM jobcat_taxonomy();

-- Korean labels sort in Korean alphabetical order under the ko-KR collation.
SELECT string_agg(label_ko, ' < ' ORDER BY label_ko COLLATE "ko-KR-x-icu") FROM jobcat_taxonomy() WHERE level = 1;

-- btree and hash indexes, hash aggregation and hash partitioning.
CREATE TABLE jobcat_t (id int, c jobcat);
INSERT INTO jobcat_t SELECT i, t.code
FROM generate_series(1, 3100) AS i
JOIN (SELECT row_number() OVER () - 1 AS k, code FROM jobcat_taxonomy()) AS t ON t.k = i % 31;
CREATE INDEX jobcat_t_btree ON jobcat_t (c);
CREATE INDEX jobcat_t_hash ON jobcat_t USING hash (c);
ANALYZE jobcat_t;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM jobcat_t WHERE c = '811';
SELECT count(*) FROM jobcat_t WHERE c = '811';
SELECT count(*) FROM jobcat_t WHERE c >= '80' AND c < '90';
SET enable_bitmapscan = on;
DROP INDEX jobcat_t_btree;
EXPLAIN (COSTS OFF) SELECT count(*) FROM jobcat_t WHERE c = '811';
SELECT count(*) FROM jobcat_t WHERE c = '811';
RESET enable_seqscan;
RESET enable_bitmapscan;
SET enable_sort = off;
SELECT count(*) AS groups, min(n), max(n) FROM (SELECT c, count(*) AS n FROM jobcat_t GROUP BY c) AS g;
RESET enable_sort;
CREATE TABLE jobcat_part (c jobcat) PARTITION BY HASH (c);
CREATE TABLE jobcat_part_0 PARTITION OF jobcat_part FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE jobcat_part_1 PARTITION OF jobcat_part FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO jobcat_part SELECT c FROM jobcat_t;
SELECT (SELECT count(*) FROM jobcat_part_0) + (SELECT count(*) FROM jobcat_part_1) AS total,
       (SELECT count(*) FROM jobcat_part WHERE c = '60') AS sixty;

-- Binary round trip through COPY (FORMAT binary), and a bad binary value.
\copy (SELECT code FROM jobcat_taxonomy()) TO 'results/jobcat.bin' WITH (FORMAT binary)
CREATE TABLE jobcat_copy (c jobcat);
\copy jobcat_copy FROM 'results/jobcat.bin' WITH (FORMAT binary)
SELECT count(*) AS copied, (SELECT array_agg(c) FROM jobcat_copy) = (SELECT array_agg(code) FROM jobcat_taxonomy()) AS same
FROM jobcat_copy;
-- (server-side files, so that psql reports the SQLSTATE)
-- server-side COPY files go into the cluster's data directory; the end of
-- the suite removes this one (psql goes on after errors, so it always does)
SELECT f AS binfile, format('rm -f ''%s''', f) AS rm_binfile
FROM (SELECT current_setting('data_directory') || '/jobs_ext_jobcat_bad.bin') AS t(f) \gset
COPY (SELECT 99::int2) TO :'binfile' WITH (FORMAT binary);
COPY jobcat_copy FROM :'binfile' WITH (FORMAT binary);
\echo :LAST_ERROR_SQLSTATE
COPY (SELECT 60::int4) TO :'binfile' WITH (FORMAT binary);
COPY jobcat_copy FROM :'binfile' WITH (FORMAT binary);
\echo :LAST_ERROR_SQLSTATE
COPY (SELECT 60::int2) TO :'binfile' WITH (FORMAT binary);
COPY jobcat_copy FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS copied_twice FROM jobcat_copy WHERE c = '60';
-- Text COPY round trip with Korean output.
SET jobs_ext.jobcat_output = 'ko';
\copy jobcat_copy TO 'results/jobcat.txt'
RESET jobs_ext.jobcat_output;
TRUNCATE jobcat_copy;
\copy jobcat_copy FROM 'results/jobcat.txt'
SELECT (SELECT array_agg(c) FROM jobcat_copy) = (SELECT array_agg(code) FROM jobcat_taxonomy()) AS same;

-- Examples from doc/jobcat.md (the doc check compares them with this output).
SELECT '희망일자리'::jobcat AS category, jobcat_label('희망일자리') AS label;
SELECT '8.1.1'::jobcat AS eurostat, '６０'::jobcat AS full_width,
       'direct job creation'::jobcat AS english, normalize('직업훈련', NFD)::jobcat AS nfd;
SET jobs_ext.jobcat_output = 'ko';
SELECT '811'::jobcat AS ko;
SET jobs_ext.jobcat_output = 'en';
SELECT '811'::jobcat AS en;
RESET jobs_ext.jobcat_output;
SELECT jobcat_parent('811'), jobcat_level('811'), jobcat_top('811'), jobcat_label('811', 'en');
SELECT '80'::jobcat @> '811' AS contains, '811'::jobcat <@ '40' AS within;
SELECT code, parent, level, label_ko, label_en FROM jobcat_taxonomy() WHERE code <@ '40';
SELECT jobcat_code('812'), 812::jobcat AS from_integer, min(c), max(c)
FROM (VALUES ('60'::jobcat), ('811'), ('20')) AS t(c);

DROP TABLE jobcat_t, jobcat_part, jobcat_copy;
COPY (SELECT WHERE false) TO PROGRAM :'rm_binfile';
