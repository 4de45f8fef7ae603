--
-- hangul_opfunc: function forms of the Korean search operators, for Python
-- clients whose parameters turn %% into % (doc/hangul.md, "From Python"):
-- hangul_similar(a, b) is a %% b, hangul_word_similar(query, t) is
-- query <%% t, and choseong_match(t, p) is t ^% p; each is served by a
-- gin_hangul_ops index.  The rows each query must return are worked out in
-- the hangul_doc and hangul_word suites (the same titles); here both forms
-- must return exactly those rows, through the index.
--

-- Declared like the operators: STABLE (they read the threshold settings),
-- STRICT, PARALLEL SAFE, with a planner support function.
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel, p.prosupport::regproc AS support,
       p.prosrc AS c_function
FROM pg_proc p
WHERE p.proname IN ('hangul_similar', 'hangul_word_similar', 'choseong_match')
ORDER BY p.proname;

-- The same answers as the operators, at each threshold: 용접 and 용젭 share
-- 5 of their 9 padded trigrams (0.5555556, hangul_doc): similar at the
-- default 0.3 and at 0.5, not at 0.6.
SELECT hangul_similar('용접', '용젭') AS function_form, '용접' %% '용젭' AS operator;
SET jobs_ext.hangul_similarity_threshold = 0.6;
SELECT hangul_similar('용접', '용젭') AS function_form, '용접' %% '용젭' AS operator;
RESET jobs_ext.hangul_similarity_threshold;
-- 요양보호사 occurs in the title: word similarity 1 (hangul_word)
SELECT hangul_word_similar('요양보호사', '방문 요양보호사 (단시간)') AS function_form,
       '요양보호사' <%% '방문 요양보호사 (단시간)' AS operator,
       '방문 요양보호사 (단시간)' %%> '요양보호사' AS commutator;
SELECT hangul_similar(NULL, '용접') AS null_a, hangul_word_similar('용접', NULL) AS null_t;

-- The index serves the function forms: the titles of the hangul_doc suite.
CREATE TABLE opfunc_postings (id integer PRIMARY KEY, title text);
INSERT INTO opfunc_postings
SELECT row_number() OVER (), r || ' ' || o
FROM unnest(ARRAY['군산', '익산', '전주']) AS r,
     unnest(ARRAY['요양보호사', '용접원', '지게차 운전원', '간호조무사', '사무보조원']) AS o;
CREATE INDEX opfunc_postings_title ON opfunc_postings USING gin (title gin_hangul_ops);
ANALYZE opfunc_postings;
SET enable_seqscan = off;

-- Examples from doc/hangul.md.
EXPLAIN (COSTS OFF)
SELECT title FROM opfunc_postings WHERE hangul_similar(title, '군산 요양보오사');
SELECT title FROM opfunc_postings WHERE hangul_similar(title, '군산 요양보오사') ORDER BY title;
EXPLAIN (COSTS OFF)
SELECT title FROM opfunc_postings WHERE hangul_word_similar('요양보호사', title);
SELECT title FROM opfunc_postings WHERE hangul_word_similar('요양보호사', title) ORDER BY title;

-- hangul_similar is symmetric: the column may stand on either side.
EXPLAIN (COSTS OFF)
SELECT title FROM opfunc_postings WHERE hangul_similar('군산 요양보오사', title);

-- Same rows as the operators, for several queries and thresholds.
CREATE TEMP TABLE opfunc_queries (q text);
INSERT INTO opfunc_queries VALUES ('군산 요양보오사'), ('요양보호사'), ('용접'), ('ㅇㅈㅇ'),
    ('지게차'), ('간호 조무사'), (normalize('익산 사무보조원', NFD)), ('x');
SELECT q,
       (SELECT array_agg(id ORDER BY id) FROM opfunc_postings WHERE hangul_similar(title, q))
         IS NOT DISTINCT FROM
       (SELECT array_agg(id ORDER BY id) FROM opfunc_postings WHERE title %% q) AS similar_same,
       (SELECT array_agg(id ORDER BY id) FROM opfunc_postings WHERE hangul_word_similar(q, title))
         IS NOT DISTINCT FROM
       (SELECT array_agg(id ORDER BY id) FROM opfunc_postings WHERE q <%% title) AS word_same,
       (SELECT count(*) FROM opfunc_postings WHERE hangul_word_similar(q, title)) AS word_rows
FROM opfunc_queries ORDER BY q COLLATE "ko-KR-x-icu";
SET jobs_ext.hangul_word_similarity_threshold = 0.3;
SELECT count(*) AS queries,
       bool_and((SELECT array_agg(id ORDER BY id) FROM opfunc_postings WHERE hangul_word_similar(q, title))
         IS NOT DISTINCT FROM
       (SELECT array_agg(id ORDER BY id) FROM opfunc_postings WHERE q <%% title)) AS word_same_at_0_3
FROM opfunc_queries;
RESET jobs_ext.hangul_word_similarity_threshold;

-- An index on the query side cannot serve word similarity (not symmetric):
-- the plan reads the table even with sequential scans off (the plan's top
-- node only: PostgreSQL 18 adds a "Disabled" line to the text form).
CREATE TABLE opfunc_queries_ix AS SELECT q FROM opfunc_queries;
CREATE INDEX ON opfunc_queries_ix USING gin (q gin_hangul_ops);
CREATE FUNCTION pg_temp.top_node(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (COSTS OFF, FORMAT JSON) ' || query INTO plan;
	RETURN plan->0->'Plan'->>'Node Type';
END $$;
SELECT pg_temp.top_node($$SELECT q FROM opfunc_queries_ix WHERE hangul_word_similar(q, '군산 요양보호사')$$) AS query_side,
       pg_temp.top_node($$SELECT q FROM opfunc_queries_ix WHERE hangul_word_similar('군산 요양보호사', q)$$) AS text_side;
RESET enable_seqscan;
DROP TABLE opfunc_queries_ix;
DROP TABLE opfunc_postings;
