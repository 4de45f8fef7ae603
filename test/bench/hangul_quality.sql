-- test/bench/hangul_quality.sql — how often does the intended job title come
-- first (recall@1) or among the first five (recall@5) when a user searches
-- with a typo, without spaces, with extra spaces, in NFD (macOS), by 초성,
-- or with a fragment of it?  hangul_similarity and hangul_word_similarity
-- against pg_trgm's similarity and word_similarity, over
-- test/data/job_titles.sql (loaded first by hangul_quality.sh).
--
-- Queries are derived from titles deterministically, with plain SQL and
-- Hangul syllable arithmetic only, so the evaluation does not depend on the
-- code it measures.  A title ranks after every other title scoring at least
-- as high: ties count against the method.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
RESET client_min_messages;

-- One realistic typo in the n-th Hangul syllable of s (counting from 0):
-- kind 0 a confusable vowel (ㅐ/ㅔ, ㅓ/ㅗ, ㅜ/ㅡ, ㅕ/ㅛ, ㅏ/ㅑ, ㅚ/ㅙ, ㅣ/ㅟ),
-- kind 1 a final consonant dropped, or ㄴ added where there is none,
-- kind 2 a confusable initial (ㄱ/ㅋ, ㄷ/ㅌ, ㅂ/ㅍ, ㅈ/ㅊ, ㅅ/ㅆ, ㅇ/ㅎ, ㄴ/ㄹ, ㅁ/ㅂ).
CREATE FUNCTION pg_temp.typo(s text, n integer, kind integer) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
	chars text[] := regexp_split_to_array(s, '');
	pos integer := 0;
	i integer;
	c integer;
	l integer;
	v integer;
	t integer;
BEGIN
	FOR i IN 1 .. cardinality(chars) LOOP
		c := ascii(chars[i]);
		CONTINUE WHEN c < 44032 OR c > 55203;
		IF pos = n THEN
			c := c - 44032;
			l := c / 588;
			v := (c % 588) / 28;
			t := c % 28;
			IF kind = 0 THEN
				v := CASE v WHEN 1 THEN 5 WHEN 5 THEN 1 WHEN 4 THEN 8 WHEN 8 THEN 4
							WHEN 13 THEN 18 WHEN 18 THEN 13 WHEN 6 THEN 12 WHEN 12 THEN 6
							WHEN 0 THEN 2 WHEN 2 THEN 0 WHEN 11 THEN 10 WHEN 10 THEN 11
							WHEN 20 THEN 16 WHEN 16 THEN 20 ELSE (v + 1) % 21 END;
			ELSIF kind = 1 THEN
				t := CASE WHEN t = 0 THEN 4 ELSE 0 END;
			ELSE
				l := CASE l WHEN 0 THEN 15 WHEN 15 THEN 0 WHEN 3 THEN 16 WHEN 16 THEN 3
							WHEN 7 THEN 17 WHEN 17 THEN 7 WHEN 12 THEN 14 WHEN 14 THEN 12
							WHEN 9 THEN 10 WHEN 10 THEN 9 WHEN 11 THEN 18 WHEN 18 THEN 11
							WHEN 2 THEN 5 WHEN 5 THEN 2 WHEN 6 THEN 7 ELSE 0 END;
			END IF;
			chars[i] := chr(44032 + (l * 21 + v) * 28 + t);
			RETURN array_to_string(chars, '');
		END IF;
		pos := pos + 1;
	END LOOP;
	RETURN s;
END $$;

-- Initial consonants of the Hangul syllables, spaces kept, all else dropped
CREATE FUNCTION pg_temp.initials(s text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
	SELECT string_agg(CASE WHEN ascii(ch) BETWEEN 44032 AND 55203
						   THEN substr('ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ', (ascii(ch) - 44032) / 588 + 1, 1)
						   WHEN ch = ' ' THEN ' ' ELSE '' END, '' ORDER BY i)
	FROM regexp_split_to_table(s, '') WITH ORDINALITY AS t(ch, i)
$$;

-- Number of Hangul syllables
CREATE FUNCTION pg_temp.nsyllables(s text) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT AS $$
	SELECT length(regexp_replace(s, '[^가-힣]', '', 'g'))
$$;

-- What is searched: the job titles, and for fragments the 152 occupations
-- (each occupation is in 16 titles, so no fragment of one names one title)
CREATE TEMP TABLE eval_corpus AS
SELECT 'titles' AS corpus, id, title FROM job_titles
UNION ALL
SELECT 'occupations', o, name FROM job_occupations;

CREATE TEMP TABLE eval_queries (qid serial, kind text, query text, intended integer,
								corpus text NOT NULL DEFAULT 'titles');

-- one jamo wrong, anywhere in the title
INSERT INTO eval_queries (kind, query, intended)
SELECT 'typo', pg_temp.typo(title, (id * 7) % pg_temp.nsyllables(title), id % 3), id
FROM job_titles WHERE id % 12 = 0;
-- one jamo wrong and the spaces left out
INSERT INTO eval_queries (kind, query, intended)
SELECT 'typo, no spaces', replace(pg_temp.typo(title, (id * 5) % pg_temp.nsyllables(title), (id + 1) % 3), ' ', ''), id
FROM job_titles WHERE id % 24 = 5;
-- spaces left out
INSERT INTO eval_queries (kind, query, intended)
SELECT 'no spaces', replace(title, ' ', ''), id
FROM job_titles WHERE id % 24 = 7 AND title LIKE '% %';
-- extra spaces: between every syllable of the occupation
INSERT INTO eval_queries (kind, query, intended)
SELECT 'extra spaces', regexp_replace(title, '([가-힣])(?=[가-힣])', '\1 ', 'g'), id
FROM job_titles WHERE id % 24 = 11;
-- decomposed, as files from macOS arrive
INSERT INTO eval_queries (kind, query, intended)
SELECT 'NFD', normalize(title, NFD), id
FROM job_titles WHERE id % 24 = 13;
-- 초성 of the whole title, for titles whose 초성 no other title shares
INSERT INTO eval_queries (kind, query, intended)
SELECT 'choseong', btrim(regexp_replace(pg_temp.initials(title), ' +', ' ', 'g')), id
FROM job_titles j
WHERE id % 12 = 3
  AND (SELECT count(*) FROM job_titles k
	   WHERE pg_temp.initials(k.title) = pg_temp.initials(j.title)) = 1;

-- a fragment: 2 and 3 consecutive syllables from inside the longest word
-- (3 syllables or more) of an occupation, found (spaces aside) in no other
-- occupation, e.g. 보호 of 요양보호사; where it starts depends on o only
INSERT INTO eval_queries (kind, query, intended, corpus)
SELECT 'fragment', f.frag, f.o, 'occupations'
FROM (SELECT o.o, substr(w.word, 1 + (o.o * 3 + n.len) % (length(w.word) - n.len + 1), n.len) AS frag
	  FROM job_occupations o
	  CROSS JOIN LATERAL (SELECT word FROM regexp_split_to_table(o.name, ' ') WITH ORDINALITY AS x(word, i)
						  WHERE word ~ '^[가-힣]{3,}$' ORDER BY length(word) DESC, i LIMIT 1) AS w
	  CROSS JOIN generate_series(2, 3) AS n(len)
	  WHERE n.len < length(w.word)) AS f
WHERE (SELECT count(*) FROM job_occupations k
	   WHERE position(f.frag IN replace(k.name, ' ', '')) > 0) = 1;
-- the same fragments with one jamo wrong
INSERT INTO eval_queries (kind, query, intended, corpus)
SELECT 'fragment, typo', pg_temp.typo(query, (intended + length(query)) % length(query), intended % 3),
	intended, corpus
FROM eval_queries WHERE kind = 'fragment';

-- every score of every query against its corpus, each function called once
CREATE TEMP TABLE eval_scores AS
SELECT q.qid, t.id, hangul_similarity(q.query, t.title) AS h, similarity(q.query, t.title) AS g,
	hangul_word_similarity(q.query, t.title) AS hw, word_similarity(q.query, t.title) AS gw
FROM eval_queries q JOIN eval_corpus t ON t.corpus = q.corpus;

-- rank of the intended title for each query and method
CREATE TEMP TABLE eval_ranks AS
SELECT q.qid, q.kind,
	1 + count(*) FILTER (WHERE t.id <> q.intended AND t.h >= s.h) AS hangul_rank,
	1 + count(*) FILTER (WHERE t.id <> q.intended AND t.g >= s.g) AS trgm_rank,
	1 + count(*) FILTER (WHERE t.id <> q.intended AND t.hw >= s.hw) AS hangul_word_rank,
	1 + count(*) FILTER (WHERE t.id <> q.intended AND t.gw >= s.gw) AS trgm_word_rank,
	-- ORDER BY hangul_word_similarity DESC, hangul_similarity DESC (doc/hangul.md)
	1 + count(*) FILTER (WHERE t.id <> q.intended AND (t.hw, t.h) >= (s.hw, s.h)) AS hangul_both_rank
FROM eval_queries q
JOIN eval_scores s ON s.qid = q.qid AND s.id = q.intended
JOIN eval_scores t ON t.qid = q.qid
GROUP BY q.qid, q.kind;

\echo
\echo 'Search quality: recall@1 and recall@5 of the intended title among' `psql -X -At -c 'SELECT count(*) FROM job_titles'` 'job titles'
\echo '(fragments: among the' `psql -X -At -c 'SELECT count(*) FROM job_occupations'` 'occupations); similarity: hangul_similarity and pg_trgm similarity;'
\echo 'word: hangul_word_similarity and pg_trgm word_similarity (query first);'
\echo 'word,sim: ordered by hangul_word_similarity, then hangul_similarity'
SELECT coalesce(kind, 'all') AS queries, count(*) AS pairs,
	round(avg((hangul_rank <= 1)::int), 3) AS "hangul r@1",
	round(avg((hangul_rank <= 5)::int), 3) AS "hangul r@5",
	round(avg((trgm_rank <= 1)::int), 3) AS "pg_trgm r@1",
	round(avg((trgm_rank <= 5)::int), 3) AS "pg_trgm r@5",
	round(avg((hangul_word_rank <= 1)::int), 3) AS "h word r@1",
	round(avg((hangul_word_rank <= 5)::int), 3) AS "h word r@5",
	round(avg((trgm_word_rank <= 1)::int), 3) AS "trgm word r@1",
	round(avg((trgm_word_rank <= 5)::int), 3) AS "trgm word r@5",
	round(avg((hangul_both_rank <= 1)::int), 3) AS "h word,sim r@1",
	round(avg((hangul_both_rank <= 5)::int), 3) AS "h word,sim r@5"
FROM eval_ranks
GROUP BY ROLLUP (kind)
ORDER BY kind IS NULL, min(qid);

\echo 'Examples:'
SELECT q.kind, q.query, j.title AS intended, r.hangul_rank, r.trgm_rank,
	r.hangul_word_rank, r.trgm_word_rank, r.hangul_both_rank
FROM eval_queries q JOIN eval_ranks r USING (qid)
JOIN eval_corpus j ON j.corpus = q.corpus AND j.id = q.intended
WHERE q.qid IN (SELECT min(qid) FROM eval_queries GROUP BY kind)
ORDER BY q.qid;

-- the threshold of <%%: how often the intended title reaches it, and how
-- many rows of the corpus (2,432 titles, or 152 occupations for fragments)
-- a query returns, by threshold
\echo 'Thresholds of <%% (hangul_word_similarity): intended title found, rows returned per query'
WITH th(th) AS (VALUES (0.4), (0.5), (0.6), (0.7), (0.8)),
per_query AS (
	SELECT s.qid, th.th, count(*) FILTER (WHERE s.hw >= th.th) AS n
	FROM eval_scores s CROSS JOIN th GROUP BY s.qid, th.th)
SELECT CASE WHEN q.kind LIKE 'fragment%' THEN q.kind ELSE 'whole titles' END AS queries,
	p.th AS threshold,
	round(avg((s.hw >= p.th)::int), 3) AS found,
	round(avg(p.n), 1) AS rows
FROM eval_queries q
JOIN eval_scores s ON s.qid = q.qid AND s.id = q.intended
JOIN per_query p ON p.qid = q.qid
GROUP BY 1, 2 ORDER BY 1 DESC, 2;
