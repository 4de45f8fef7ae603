-- test/upgrade/stored_values.sql: what test/checks/upgrade.sh stores with a
-- released library before updating it.  The tables v_<type> already hold
-- the values of test/types.tsv (ids 1..) and a NULL; this adds values large
-- enough to be compressed or moved out of line (ids from 1000 on), a text
-- table for the hangul GIN index, and every index the types have.  Written
-- for the SQL of 1.0: only what 1.0 has may be used here.
SET search_path = public;

-- 2 to 40 kB each: compressed in line, or TOASTed out of line
INSERT INTO v_eligwin (id, v)
SELECT 1000 + n, ('{' || string_agg(format('[%s,%s]', d, d + (i % 3)), ',' ORDER BY i) || '} age 15..64')::eligwin
FROM (VALUES (400), (5000)) AS s(n),
	LATERAL (SELECT i, date '1990-01-01' + 5 * i AS d FROM generate_series(1, n) AS i) AS g
GROUP BY n;
INSERT INTO v_coverage (id, v)
SELECT 1000 + n, ('{' || string_agg(format('%s:%s', date '1990-01-01' + 3 * i, 1 + i % 4), ',' ORDER BY i)
	|| format(',%s:0}', date '1990-01-01' + 3 * (n + 1)))::coverage
FROM (VALUES (300), (6000)) AS s(n), generate_series(1, n) AS i
GROUP BY n;
INSERT INTO v_jobprofile (id, v)
SELECT 1000 + n, ('occupation=7430 region=4513010100 wage=2500000 skills={'
	|| string_agg(format('"%s%s %s"', '용접기능사', i, repeat('특수용접 자격 ', 8)), ',' ORDER BY i) || '}')::jobprofile
FROM (VALUES (40), (250)) AS s(n), generate_series(1, n) AS i
GROUP BY n;
INSERT INTO v_topk_state (id, v)
SELECT 1000 + n, (format('k=%s {', n) || string_agg(format('(%s,%s)', i * 7919, (i % 1000) / 8.0), ',' ORDER BY i) || '}')::topk_state
FROM (VALUES (300), (5000)) AS s(n), generate_series(1, n) AS i
GROUP BY n;
INSERT INTO v_peopleset (id, v)
SELECT 1000 + n, ('{' || string_agg((i * 1009)::text, ',' ORDER BY i) || '}')::peopleset
FROM (VALUES (500), (60000)) AS s(n), generate_series(1, n) AS i
GROUP BY n;
INSERT INTO v_peopleset (id, v) VALUES (1002, '{1..100000}');
INSERT INTO v_catstats (id, v)
SELECT 1000 + n, ('{11:' || n || ':{' || string_agg((i * 37)::text, ',' ORDER BY i) || '},60:3:{1..3},811:2:{-5,5}}')::catstats
FROM (VALUES (400), (20000)) AS s(n), generate_series(1, n) AS i
GROUP BY n;

-- text for the hangul GIN index (gin_hangul_ops, %% and ^%)
CREATE TABLE v_hangul (id int, t text) WITH (autovacuum_enabled = off);
INSERT INTO v_hangul (id, t) VALUES
	(1, '용접공'), (2, '용접 기능사'), (3, '특수용접'), (4, '지게차 운전기능사'), (5, '지게차'),
	(6, '군산시 소룡동'), (7, '군산 조선소 용접'), (8, '도장공'), (9, '도장 및 용접'), (10, '요양보호사'),
	(11, 'ㅇㅈ'), (12, 'welding 용접'), (13, 'Welder'), (14, ''), (15, NULL),
	(16, '한글'), (17, '가나다라마바사'), (18, '자동차 정비'), (19, '자동차정비기능사'), (20, '전기기능사');
INSERT INTO v_hangul (id, t)
SELECT 1000 + i, repeat('군산 용접 조선 자동차 부품 ', 200 * i) FROM generate_series(1, 2) AS i;

-- every index the types have (test/upgrade/indexes.sql)
\ir indexes.sql
CREATE INDEX v_hangul_gin ON v_hangul USING gin (t gin_hangul_ops);
