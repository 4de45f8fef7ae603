-- test/demo_catstats.sql — the Gunsan article's table, with the catstats and
-- people aggregates.  Run after loading test/data/gunsan2020.sql:
--     psql -f test/data/gunsan2020.sql -f test/demo_catstats.sql
\pset footer off

\echo
\echo '군산시 2020년 일자리사업 참여 현황: 사업군별 연인원과 실인원'
\echo 'Gunsan 2020: enrolments (연인원) and distinct people (실인원) per local group'
-- One pass over the enrolments: per group a count and a people set; the
-- total's distinct people come from merging the groups' sets (a person in
-- two groups counts once), not from re-reading the rows.
WITH g AS (
	SELECT p.local_group,
		   min(p.programme_id) AS first_programme,
		   count(*) AS enrolments,
		   peopleset_agg(e.person_id) AS people
	FROM gunsan.enrolment e
	JOIN gunsan.programme p USING (programme_id)
	WHERE e.start_date BETWEEN '2020-01-01' AND '2020-12-31'
	GROUP BY p.local_group
)
SELECT "사업군", "연인원", "실인원"
FROM (SELECT local_group AS "사업군",
			 to_char(enrolments, 'FM9,999') AS "연인원",
			 to_char(people(people), 'FM9,999') AS "실인원",
			 first_programme AS ord
	  FROM g
	  UNION ALL
	  SELECT '합계', to_char(sum(enrolments), 'FM9,999'),
			 to_char(people(people_merge(people)), 'FM9,999'), 1000
	  FROM g) AS t
ORDER BY ord;

\echo
\echo '재정지원 일자리사업 유형별 (OECD/Eurostat 분류, 상위 범주로 합산)'
\echo 'The same enrolments per programme category, rolled up the taxonomy'
WITH c AS (
	SELECT catstats(e.person_id, p.category) AS stats
	FROM gunsan.enrolment e
	JOIN gunsan.programme p USING (programme_id)
	WHERE e.start_date BETWEEN '2020-01-01' AND '2020-12-31'
)
SELECT "분류", "OECD", "연인원", "실인원"
FROM (SELECT repeat('  ', jobcat_level(u.category) - 1) || u.label AS "분류",
			 u.category::text AS "OECD",
			 to_char(u.enrolments, 'FM9,999') AS "연인원",
			 to_char(u.people, 'FM9,999') AS "실인원",
			 u.category AS ord
	  FROM c, unnest(c.stats) AS u
	  UNION ALL
	  SELECT '합계', '', to_char(enrolments(stats), 'FM9,999'),
			 to_char(people(stats), 'FM9,999'), NULL
	  FROM c) AS t
ORDER BY ord NULLS LAST;
