-- test/demo.sql — the showcase report printed by `make demo`.
\pset footer off
\pset null '-'

\echo
\echo '군산시 2020년 일자리사업 참여 현황 (사업군별, 연인원 / 실인원)'
\echo 'Gunsan 2020: enrolments and distinct people per local programme group'
SELECT p.local_group AS "사업군",
	   to_char(count(*), 'FM9,999') AS "연인원",
	   to_char(count(DISTINCT e.person_id), 'FM9,999') AS "실인원"
FROM gunsan.enrolment e
JOIN gunsan.programme p USING (programme_id)
WHERE e.start_date BETWEEN '2020-01-01' AND '2020-12-31'
GROUP BY ROLLUP (p.local_group)
ORDER BY p.local_group IS NULL, p.local_group;

\echo
\echo '재정지원 일자리사업 유형별 (jobcat 상위 범주, 한국어 정렬)'
\echo 'The same enrolments by programme category (jobcat top level, ko-KR order)'
SELECT jobcat_label(jobcat_top(p.category)) AS "유형",
	   jobcat_top(p.category) AS "OECD",
	   to_char(count(*), 'FM9,999') AS "연인원",
	   to_char(count(DISTINCT e.person_id), 'FM9,999') AS "실인원"
FROM gunsan.enrolment e
JOIN gunsan.programme p USING (programme_id)
WHERE e.start_date BETWEEN '2020-01-01' AND '2020-12-31'
GROUP BY jobcat_top(p.category)
ORDER BY 1;

\echo
\echo '2020년 취업 연계 (placements in 2020, by how they came about; people placed)'
SELECT CASE placed_via WHEN 'crisis_centre' THEN '고용위기지역 일자리센터 (crisis-region job centre)'
					   WHEN 'employment_centre' THEN '고용복지플러스센터 (public employment centre)' END AS "연계 경로",
	   to_char(count(*), 'FM9,999') AS "취업 연계",
	   to_char(count(DISTINCT person_id), 'FM9,999') AS "실인원"
FROM gunsan.enrolment
WHERE placed_on BETWEEN '2020-01-01' AND '2020-12-31'
GROUP BY placed_via
ORDER BY placed_via;
