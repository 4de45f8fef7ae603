--
-- Bugs found by fuzzing (test/fuzz/fuzz.py, make fuzz), kept as tests.
--

-- eligwin_union_trans called directly with two NULLs returned a NULL
-- pointer as a value, and the backend crashed printing it.
SELECT eligwin_union_trans(NULL, NULL) IS NULL AS both_null;
SELECT eligwin_union_trans(NULL, '{[2020-01-01,2020-01-31]}');
SELECT eligwin_union_trans('{[2020-01-01,2020-01-31]}', NULL);

-- coverage_trans and coverage_combine took a normalised value standing in
-- for their state (an INITCOND, or an aggregate of the user's own) for raw
-- events: the result had negative headcounts and did not read back.
CREATE AGGREGATE pg_temp.coverage_from(eligwin) (
	SFUNC = coverage_trans, STYPE = coverage, FINALFUNC = coverage_final,
	INITCOND = '{2020-01-01:5}'
);
CREATE AGGREGATE pg_temp.coverage_empty_init(eligwin) (
	SFUNC = coverage_trans, STYPE = coverage, FINALFUNC = coverage_final,
	INITCOND = '{}'
);
CREATE AGGREGATE pg_temp.coverage_merge(coverage) (
	SFUNC = coverage_combine, STYPE = coverage, FINALFUNC = coverage_final,
	INITCOND = '{2020-01-01:5}'
);
SELECT pg_temp.coverage_from(w), pg_temp.coverage_empty_init(w), coverage(w)
FROM (VALUES ('{[2020-01-10,2020-01-31]}'::eligwin), ('{[2019-01-01,2019-03-31]}')) v(w);
SELECT pg_temp.coverage_empty_init(w)::text::coverage = coverage(w) AS reads_back
FROM (VALUES ('{[2020-01-10,2020-01-31]}'::eligwin), ('{[2019-01-01,2019-03-31]}')) v(w);
SELECT pg_temp.coverage_merge(c)
FROM (VALUES ('{2020-01-10:1,2020-01-20:0}'::coverage), ('{2019-01-01:2,2019-02-01:0}')) v(c);

-- Text input rejected subnormal numbers (strtod/strtof report ERANGE for
-- them) that binary input and the constructor accept and text output
-- prints, so such a value did not survive a dump.
SELECT jobprofile(latitude => 1e-310, longitude => 180) AS tiny_latitude;
SELECT jobprofile(latitude => 1e-310, longitude => 180)::text::jobprofile
	 = jobprofile(latitude => 1e-310, longitude => 180) AS reads_back;
SELECT 'k=1 {(1,1e-45)}'::topk_state AS tiny_score;
SELECT 'k=1 {(1,1e-45)}'::topk_state::text::topk_state::text AS reads_back;

-- match_batch given a regclass that names no relation crashed the backend.
SELECT * FROM match_batch(99999::regclass, 99999::regclass, 3);
