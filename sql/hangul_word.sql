--
-- Word similarity: hangul_word_similarity, <%% and %%>, their threshold
-- jobs_ext.hangul_word_similarity_threshold, and %%> in gin_hangul_ops
-- (doc/hangul.md, "Word similarity").  Expected scores are worked out by
-- hand from the definition: the query's set Q of letter trigrams (no
-- padding) against the trigram sets E of the text's contiguous extents,
-- best |Q ∩ E| / |Q ∪ E|.
--

-- the issue's example (doc/hangul.md): 요양보호사 is ㅇㅛㅇㅑㅇㅂㅗㅎㅗㅅㅏ,
-- 9 trigrams, all in the text in a row: 9 / 9.  hangul_similarity counts the
-- padded trigrams of both whole texts: 9 shared of 12 + 28 - 9 = 31.
SELECT hangul_similarity('요양보호사', '방문 요양보호사 (단시간)') AS similarity,
       hangul_word_similarity('요양보호사', '방문 요양보호사 (단시간)') AS word_similarity,
       '요양보호사' <%% '방문 요양보호사 (단시간)' AS word_similar;

-- the index example of doc/hangul.md: '요양보호사' <%% title is commuted to
-- title %%> '요양보호사', which gin_hangul_ops serves
CREATE TABLE word_postings (id integer PRIMARY KEY, title text);
INSERT INTO word_postings VALUES (1, '방문 요양보호사 (단시간)'), (2, '군산 요양보호사'),
    (3, '요양 보호사 모집'), (4, '군산 요양보오사'), (5, '간호조무사'), (6, '요양원 조리원');
CREATE INDEX word_postings_title ON word_postings USING gin (title gin_hangul_ops);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT title FROM word_postings WHERE '요양보호사' <%% title;
SELECT title, hangul_word_similarity('요양보호사', title) AS word,
       hangul_similarity('요양보호사', title) AS sim
FROM word_postings WHERE '요양보호사' <%% title
ORDER BY word DESC, sim DESC;
RESET enable_seqscan;
DROP TABLE word_postings;

-- a word found letter for letter scores 1 wherever it stands, in any
-- normalisation form and spacing
SELECT t, hangul_word_similarity('요양보호사', t) AS score
FROM unnest(ARRAY['요양보호사', '방문 요양보호사 (단시간)', '요양보호사 모집',
				  '군산 방문요양보호사', normalize('방문 요양보호사', NFD),
				  '요양 보호사 (주간)', 'ㅇㅛㅇㅑㅇㅂㅗㅎㅗㅅㅏ']) AS t;
SELECT hangul_word_similarity(normalize('요양보호사', NFD), '방문 요양보호사') AS nfd_query,
	hangul_word_similarity('요양 보호 사', '방문요양보호사') AS spaced_query,
	hangul_word_similarity('JAVA', '웹 java 개발자') AS latin_case;

-- one wrong jamo: 요앙보호사 shares 6 of its 9 trigrams with 요양보호사
-- (ㅇㅛㅇ, then ㅇㅂㅗ ㅂㅗㅎ ㅗㅎㅗ ㅎㅗㅅ ㅗㅅㅏ in a row): the run of 5 gives
-- 5 / (9 + 5 - 5) = 5/9, the whole word 6 / (9 + 9 - 6) = 1/2
SELECT hangul_word_similarity('요앙보호사', '방문 요양보호사') AS typo;
-- the best extent may hold trigrams the query lacks: 보호사요양 against
-- 요양보호사 shares 7 of its 9 trigrams; the whole text (ㅑㅇㅂ and ㅇㅂㅗ not
-- in the query) gives 7 / (9 + 9 - 7) = 7/11, more than 4/9 (보호사) or 3/9
SELECT hangul_word_similarity('보호사요양', '요양보호사') AS swapped;
-- not symmetric: 방문 요양보호사 has 15 trigrams; 요양보호사's 9 are all among
-- them, so the whole text is the best extent: 9 / 15
SELECT hangul_word_similarity('방문 요양보호사', '요양보호사') AS longer_query,
	hangul_word_similarity('요양보호사', '방문 요양보호사') AS shorter_query;

-- a query of one or two letters is its own gram: there or not
SELECT hangul_word_similarity('사', '방문 요양보호사') AS sa,
	hangul_word_similarity('차', '방문 요양보호사') AS cha,
	hangul_word_similarity('', '방문 요양보호사') AS empty,
	hangul_word_similarity(' ', '방문 요양보호사') AS blank,
	hangul_word_similarity('요양', '') AS empty_text;

-- 초성: bigrams of initials.  ㅇㅈㅅ has ㅇㅈ and ㅈㅅ; 용접기능사 has ㅇㅈ ㅈㄱ
-- ㄱㄴ ㄴㅅ: the best extent is ㅇㅈ alone, 1 / (2 + 1 - 1) = 1/2
SELECT hangul_word_similarity('ㅇㅈㄱ', '특수 용접기능사') AS cho_found,
	hangul_word_similarity('ㅇㅈㅅ', '용접기능사') AS cho_half,
	hangul_word_similarity('ㅇ', '요양') AS one_initial,
	hangul_word_similarity('요양보호', 'ㅂㅁ ㅇㅇㅂㅎㅅ') AS cho_text;

-- the operators and their threshold (default 0.6, as pg_trgm's)
SHOW jobs_ext.hangul_word_similarity_threshold;
SELECT '요앙보호사' <%% '방문 요양보호사' AS typo_query,
	'방문 요양보호사' %%> '요앙보호사' AS commuted,
	'보호사요양' <%% '요양보호사' AS swapped;
SET jobs_ext.hangul_word_similarity_threshold = 0.5;
SELECT '요앙보호사' <%% '방문 요양보호사' AS typo_query,
	'방문 요양보호사' %%> '요앙보호사' AS commuted;
RESET jobs_ext.hangul_word_similarity_threshold;
-- 22023: a threshold lies in [0, 1]
SET jobs_ext.hangul_word_similarity_threshold = 1.5;

-- GIN index: the same rows as a sequential scan, at every threshold; at
-- threshold t a row needs ceil(t * m) of the query's m trigrams
CREATE TABLE hangul_word_titles (id int PRIMARY KEY, title text);
INSERT INTO hangul_word_titles
SELECT row_number() OVER (), r || ' ' || o || s
FROM unnest(ARRAY['군산', '전주', '익산', '서울', '방문']) AS r,
	unnest(ARRAY['용접', '요양보호', '지게차 운전', '간호조무', '조리', '전기', '배관',
				 '경리', '사무보조', '웹 개발', 'Java 개발', '물류 관리', '요양']) AS o,
	unnest(ARRAY['사', '원', ' 기사', ' 보조원', '공', '보호사 (단시간)']) AS s;
INSERT INTO hangul_word_titles VALUES (1000, ''), (1001, 'ㅇㅈ'),
	(1002, normalize('군산 용접사', NFD)), (1003, 'ㄱㅅ ㅇㅇㅂㅎㅅ'), (1004, '요양 보호사');
CREATE INDEX hangul_word_titles_gin ON hangul_word_titles USING gin (title gin_hangul_ops);
ANALYZE hangul_word_titles;

CREATE FUNCTION hangul_word_same_rows(q text) RETURNS TABLE (plan text, n bigint, same boolean)
LANGUAGE plpgsql AS $$
DECLARE
	idx int[];
	seq int[];
	line text;
BEGIN
	SET LOCAL enable_seqscan = off;
	SET LOCAL enable_indexscan = off;
	plan := '';
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) SELECT id FROM hangul_word_titles WHERE ' || q LOOP
		IF line ~ 'Scan' THEN plan := plan || btrim(line); END IF;
	END LOOP;
	EXECUTE 'SELECT array_agg(id ORDER BY id) FROM hangul_word_titles WHERE ' || q INTO idx;
	SET LOCAL enable_seqscan = on;
	SET LOCAL enable_bitmapscan = off;
	EXECUTE 'SELECT array_agg(id ORDER BY id) FROM hangul_word_titles WHERE ' || q INTO seq;
	RESET enable_bitmapscan;
	RESET enable_indexscan;
	n := coalesce(cardinality(seq), 0);
	same := idx IS NOT DISTINCT FROM seq;
	RETURN NEXT;
END $$;

SELECT q, p.* FROM unnest(ARRAY[
	$q$title %%> '요양보호사'$q$,
	$q$'요양보호사' <%% title$q$,
	$q$title %%> '요앙보호사'$q$,
	$q$title %%> '보호'$q$,
	$q$title %%> '용젭'$q$,
	$q$title %%> 'ㅇㅇㅂㅎ'$q$,
	$q$title %%> 'ㅇㅈ'$q$,
	$q$title %%> 'ㅇ'$q$,
	$q$title %%> '사'$q$,
	$q$title %%> ''$q$,
	$q$title %%> 'java개발'$q$,
	$q$title %%> '군산 용접사 모집'$q$]) AS q, hangul_word_same_rows(q) AS p;
-- every threshold from 0 to 1 by tenths, on queries of 3 to 15 trigrams
CREATE FUNCTION hangul_word_thresholds(q text, OUT differ int[], OUT rows_by_threshold text)
LANGUAGE plpgsql AS $$
DECLARE
	r record;
BEGIN
	rows_by_threshold := '';
	FOR t IN 0 .. 10 LOOP
		PERFORM set_config('jobs_ext.hangul_word_similarity_threshold', (t / 10.0)::text, false);
		SELECT * INTO r FROM hangul_word_same_rows(format('title %%%%> %L', q));
		IF NOT r.same THEN differ := differ || t; END IF;
		rows_by_threshold := ltrim(rows_by_threshold || ' ' || r.n);
	END LOOP;
END $$;
SELECT q, p.*
FROM unnest(ARRAY['요앙보호사', '용젭사', '방문 요양보호사', '지개차운전', '간호 조무사 보조원',
				  '익산 요양', '보호사(단시간)']) AS q,
	hangul_word_thresholds(q) AS p;
RESET jobs_ext.hangul_word_similarity_threshold;
-- a word typed alone finds every title that contains it, best first
SELECT title, hangul_word_similarity('요양보호사', title) AS word,
	hangul_similarity('요양보호사', title) AS sim
FROM hangul_word_titles WHERE '요양보호사' <%% title
ORDER BY word DESC, sim DESC, id LIMIT 5;
SELECT count(*) FILTER (WHERE replace(title, ' ', '') LIKE '%요양보호사%') AS containing,
	count(*) FILTER (WHERE replace(title, ' ', '') LIKE '%요양보호사%' AND title %%> '요양보호사') AS found
FROM hangul_word_titles;

DROP FUNCTION hangul_word_thresholds(text);
DROP FUNCTION hangul_word_same_rows(text);
DROP TABLE hangul_word_titles;

-- 54000: at most 1 MB a text, as hangul_similarity (1,048,578 bytes here)
SELECT hangul_word_similarity(repeat('가', 349526), '가');
SELECT hangul_word_similarity('가', repeat('가', 349526));
SELECT hangul_word_similarity(repeat('가', 349525), repeat('가', 349525)) AS at_the_cap;
-- 54000 too when the extent scan would take more than 2^29 steps (about two
-- seconds): every syllable in order, 25 times over, against the same
-- syllables shuffled (each trigram recurs only 33,000 trigrams later)
SELECT hangul_word_similarity(repeat(a, 25), repeat(b, 25))
FROM (SELECT string_agg(chr(44032 + i), '' ORDER BY i) AS a,
			 string_agg(chr(44032 + i), '' ORDER BY abs(hashint4(i)), i) AS b
	  FROM generate_series(0, 11171) AS i) AS t;
