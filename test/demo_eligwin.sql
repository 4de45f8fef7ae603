-- test/demo_eligwin.sql — eligibility windows in the Gunsan 2020 sample.
-- Needs test/data/gunsan2020.sql and test/data/gunsan2020_eligwin.sql loaded.
\pset footer off
\pset null '-'

\echo
\echo '군산 고용위기지역 지정 이력 (designation history, built with extend())'
SELECT stage AS "단계", decided AS "결정", designated AS "지정 기간",
	   days(designated) AS "일수"
FROM gunsan.designation ORDER BY stage;

\echo
\echo '날짜별 신청 가능 인원 (who could claim each support on a day: window open, age in band, living in'
\echo 'the region, in one of the target groups; eligible(w, on, birth, profile))'
SELECT p.name AS "사업", pw.rule AS "대상",
	   count(*) FILTER (WHERE eligible(pw.apply_window, '2020-03-02', ps.birth_date, ps.profile)) AS "03-02",
	   count(*) FILTER (WHERE eligible(pw.apply_window, '2020-06-15', ps.birth_date, ps.profile)) AS "06-15",
	   count(*) FILTER (WHERE eligible(pw.apply_window, '2020-09-08', ps.birth_date, ps.profile)) AS "09-08",
	   count(*) FILTER (WHERE eligible(pw.apply_window, '2020-10-15', ps.birth_date, ps.profile)) AS "10-15",
	   count(*) FILTER (WHERE eligible(pw.apply_window, '2020-06-15', ps.birth_date)) AS "06-15 날짜·연령만"
FROM gunsan.programme_window pw
JOIN gunsan.programme p USING (programme_id)
CROSS JOIN gunsan.person ps
GROUP BY p.programme_id, p.name, pw.rule
ORDER BY p.programme_id;

\echo
\echo '2020년 날마다 신청 가능한 사람 수, 월별 최대 (people eligible on each day of 2020, the most in each month:'
\echo 'coverage(eligible_dates(w, birth, profile)) of three supports)'
WITH c AS (
	SELECT pw.programme_id, coverage(eligible_dates(pw.apply_window, ps.birth_date, ps.profile)) AS c
	FROM gunsan.programme_window pw, gunsan.person ps
	WHERE pw.programme_id IN (12, 20, 21)
	GROUP BY pw.programme_id
)
SELECT to_char(d, 'YYYY-MM') AS "월",
	   max(coverage_at(c.c, d::date)) FILTER (WHERE c.programme_id = 20) AS "긴급고용안정지원금",
	   max(coverage_at(c.c, d::date)) FILTER (WHERE c.programme_id = 21) AS "무급휴직자 고용유지지원",
	   max(coverage_at(c.c, d::date)) FILTER (WHERE c.programme_id = 12) AS "청년 구직활동 지원금",
	   count(*) FILTER (WHERE c.programme_id = 12 AND coverage_at(c.c, d::date) > 0) AS "청년: 신청 가능 일수"
FROM c, generate_series(date '2020-01-01', date '2020-12-31', '1 day') AS d
GROUP BY 1 ORDER BY 1;

\echo
\echo '한 사람의 자격 설명 (eligibility_explain: why one person may or may not claim 청년 구직활동 지원금'
\echo 'and 긴급고용안정지원금 on 2020-06-15)'
SELECT ps.name AS "이름", ps.birth_date AS "생년월일", ps.profile AS "프로필"
FROM gunsan.person ps
WHERE ps.person_id = (SELECT min(e.person_id) FROM gunsan.enrolment e WHERE e.programme_id = 21);
SELECT p.name AS "사업", jsonb_pretty(eligibility_explain(pw.apply_window, '2020-06-15', ps.birth_date, ps.profile)) AS "eligibility_explain"
FROM gunsan.person ps, gunsan.programme_window pw JOIN gunsan.programme p USING (programme_id)
WHERE ps.person_id = (SELECT min(e.person_id) FROM gunsan.enrolment e WHERE e.programme_id = 21)
  AND pw.programme_id IN (12, 20)
ORDER BY pw.programme_id;

\echo
\echo '2020-06-15 기준 신청 창구 (on 2020-06-15: open or not, days left, next opening)'
SELECT p.name AS "사업",
	   pw.apply_window @> date '2020-06-15' AS "신청 가능",
	   days_left(pw.apply_window, '2020-06-15') AS "남은 일수",
	   next_open(pw.apply_window, '2020-06-15') AS "다음 신청 가능일"
FROM gunsan.programme_window pw JOIN gunsan.programme p USING (programme_id)
ORDER BY p.programme_id;

\echo
\echo '2월 29일생 (born on 29 February: a year older on 1 March in a common year, Civil Code Art. 160)'
SELECT ps.name AS "이름", ps.birth_date AS "생년월일",
	   korean_age(ps.birth_date, '2021-02-28') AS "2021-02-28 만 나이",
	   korean_age(ps.birth_date, '2021-03-01') AS "2021-03-01 만 나이",
	   upper(eligible_dates('{(,)} age 15..34', ps.birth_date)) AS "청년(만 15~34세) 마지막 날"
FROM gunsan.person ps
WHERE to_char(ps.birth_date, 'MM-DD') = '02-29'
ORDER BY ps.birth_date DESC, ps.person_id
LIMIT 8;
