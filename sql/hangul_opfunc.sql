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
WHERE p.proname IN ('hangul_similar', 'hangul_word_similar', 'choseong_match') AND p.pronargs = 2
ORDER BY p.proname;

-- The same answers as the operators, at each threshold: 용접 and 용젭 share
-- 4 of their 10 distinct padded trigrams (0.4, hangul_doc): similar at the
-- default 0.3, not at 0.6.
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

--
-- Thresholds written in the query (issue 13): hangul_query (query text,
-- threshold real) on the right of %% and %%>, and the three-argument
-- function forms.  They read no setting, so they are IMMUTABLE, answer the
-- same on a Citus worker, and are served by the same index.
--
SELECT p.oid::regprocedure AS function, p.provolatile, p.proisstrict, p.proparallel,
       p.prosupport::regproc AS support
FROM pg_proc p
WHERE p.oid IN ('hangul_similar(text, text, real)'::regprocedure,
                'hangul_word_similar(text, text, real)'::regprocedure,
                'hangul_similarity_query_op(text, hangul_query)'::regprocedure,
                'hangul_word_similarity_query_op(text, hangul_query)'::regprocedure)
ORDER BY 1::text;
SELECT amopstrategy, amopopr::regoperator
FROM pg_amop WHERE amopfamily = (SELECT oid FROM pg_opfamily WHERE opfname = 'gin_hangul_ops')
ORDER BY 1;
-- 용접 and 용젭: 0.4 (above), whatever the setting
SET jobs_ext.hangul_similarity_threshold = 0.9;
SELECT '용접' %% ('용젭', 0.4)::hangul_query AS at_0_4, '용접' %% ('용젭', 0.41)::hangul_query AS at_0_41,
       hangul_similar('용접', '용젭', 0.4) AS fn_0_4, hangul_similar('용접', '용젭', 0.41) AS fn_0_41,
       '용접' %% '용젭' AS setting_0_9;
RESET jobs_ext.hangul_similarity_threshold;
-- the query occurs in the text: word similarity 1; nothing shared: 0
SELECT '방문 요양보호사 (단시간)' %%> ('요양보호사', 1)::hangul_query AS occurs,
       hangul_word_similar('요양보호사', '방문 요양보호사 (단시간)', 1) AS fn_occurs,
       '지게차 운전원' %%> ('요양보호사', 0.01)::hangul_query AS disjoint,
       '지게차 운전원' %%> ('요양보호사', 0)::hangul_query AS disjoint_at_0;
-- a NULL part: no answer, as for a NULL argument
SELECT '용접' %% (NULL, 0.4)::hangul_query AS null_query, '용접' %% ('용젭', NULL)::hangul_query AS null_threshold,
       hangul_similar('용접', '용젭', NULL) AS null_fn;
-- a threshold outside 0..1 is refused (22023), in the operator and in the index
CREATE FUNCTION pg_temp.sqlstate_of(query text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE query;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
SELECT pg_temp.sqlstate_of($$SELECT '용접' %% ('용젭', 1.5)::hangul_query$$) AS above_1,
       pg_temp.sqlstate_of($$SELECT hangul_similar('용접', '용젭', -0.1)$$) AS below_0,
       pg_temp.sqlstate_of($$SELECT hangul_word_similar('용접', '용젭', 'NaN')$$) AS nan;
-- a Citus worker's backend (simulated as in the settings suite) refuses the
-- setting but takes the threshold written in the query
SET application_name = 'citus_internal gpid=10000000001';
SELECT pg_temp.sqlstate_of($$SELECT '용접' %% '용젭'$$) AS setting_form,
       '용접' %% ('용젭', 0.4)::hangul_query AS query_form,
       hangul_word_similar('요양보호사', '방문 요양보호사 (단시간)', 0.9) AS word_form;
RESET application_name;

-- The index serves them: the plan, and the same rows as a sequential scan
-- comparing hangul_similarity with the threshold, for each query and
-- threshold (0 matches every row).
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT title FROM opfunc_postings WHERE hangul_similar(title, '군산 요양보오사', 0.5);
EXPLAIN (COSTS OFF)
SELECT title FROM opfunc_postings WHERE hangul_similar('군산 요양보오사', title, 0.5);
EXPLAIN (COSTS OFF)
SELECT title FROM opfunc_postings WHERE hangul_word_similar('요양보호사', title, 0.8);
EXPLAIN (COSTS OFF)
SELECT title FROM opfunc_postings WHERE title %% ('군산 요양보오사', 0.5)::hangul_query;
SELECT title FROM opfunc_postings WHERE hangul_word_similar('요양보호사', title, 1) ORDER BY title;
-- the query and threshold may come from elsewhere in the query: the index
-- condition takes them as parameters (a function scan outside, so that no
-- plan node is disabled: PostgreSQL 18 would say so)
EXPLAIN (COSTS OFF)
SELECT q, (SELECT count(*) FROM opfunc_postings WHERE hangul_similar(title, q, t))
FROM unnest('{용접,지게차}'::text[], '{0.3,0.5}'::real[]) AS v(q, t);
CREATE TEMP TABLE opfunc_indexed AS
SELECT q, t,
       (SELECT array_agg(id ORDER BY id) FROM opfunc_postings WHERE hangul_similar(title, q, t)) AS fn,
       (SELECT array_agg(id ORDER BY id) FROM opfunc_postings WHERE title %% (q, t)::hangul_query) AS op,
       (SELECT array_agg(id ORDER BY id) FROM opfunc_postings WHERE hangul_word_similar(q, title, t)) AS word_fn,
       (SELECT array_agg(id ORDER BY id) FROM opfunc_postings WHERE title %%> (q, t)::hangul_query) AS word_op
FROM opfunc_queries, unnest('{0, 0.2, 0.3, 0.5, 0.7, 1}'::real[]) AS t;
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT count(*) AS cases,
       count(*) FILTER (WHERE fn IS DISTINCT FROM (SELECT array_agg(id ORDER BY id) FROM opfunc_postings
                                                   WHERE hangul_similarity(title, q) >= t)) AS fn_wrong,
       count(*) FILTER (WHERE op IS DISTINCT FROM fn) AS op_wrong,
       count(*) FILTER (WHERE word_fn IS DISTINCT FROM (SELECT array_agg(id ORDER BY id) FROM opfunc_postings
                                                        WHERE hangul_word_similarity(q, title) >= t)) AS word_fn_wrong,
       count(*) FILTER (WHERE word_op IS DISTINCT FROM word_fn) AS word_op_wrong,
       count(*) FILTER (WHERE t = 0 AND cardinality(fn) = 15) AS all_at_0
FROM opfunc_indexed;
RESET enable_indexscan;
RESET enable_bitmapscan;
DROP TABLE opfunc_postings;
