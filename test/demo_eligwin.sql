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
\echo '날짜별 신청 가능 인원 (who could apply on a given day: window open and age in band)'
SELECT p.name AS "사업",
	   pw.apply_window AS "신청 기간·연령",
	   count(*) FILTER (WHERE eligible(pw.apply_window, '2020-03-02', ps.birth_date)) AS "03-02",
	   count(*) FILTER (WHERE eligible(pw.apply_window, '2020-06-15', ps.birth_date)) AS "06-15",
	   count(*) FILTER (WHERE eligible(pw.apply_window, '2020-10-15', ps.birth_date)) AS "10-15"
FROM gunsan.programme_window pw
JOIN gunsan.programme p USING (programme_id)
CROSS JOIN gunsan.person ps
GROUP BY p.programme_id, p.name, pw.apply_window
ORDER BY p.programme_id;

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

\echo '청년 구직활동 지원금: 날마다 신청 가능한 사람 수 (coverage of each person''s eligible days)'
SELECT valid_from AS "부터", valid_to AS "까지", headcount AS "인원"
FROM unnest((SELECT coverage(eligible_dates(pw.apply_window, ps.birth_date))
			 FROM gunsan.person ps, gunsan.programme_window pw
			 WHERE pw.programme_id = 12));
