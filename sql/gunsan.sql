--
-- The Gunsan 2020 sample: the article's figures, exactly.
--
\set ECHO none
\set QUIET on
SET client_min_messages = warning;
\i test/data/gunsan2020.sql
RESET client_min_messages;
\set QUIET off
\set ECHO all

-- Enrolments (연인원) of 2020 per local group, against the report's figures.
SELECT p.local_group, count(*) AS enrolments, expected,
       count(*) = expected AS ok
FROM gunsan.enrolment e
JOIN gunsan.programme p USING (programme_id)
JOIN (VALUES ('직업훈련·재취업지원', 1546), ('취업지원·고용문화개선', 219),
             ('사회적경제육성', 329), ('청년일자리', 3152), ('창업지원', 126),
             ('취약계층 공공일자리', 643), ('코로나19 직접일자리', 1504),
             ('고용사각지대 생계안정', 1680)) AS f(local_group, expected) USING (local_group)
WHERE e.start_date BETWEEN '2020-01-01' AND '2020-12-31'
GROUP BY p.local_group, expected
ORDER BY p.local_group COLLATE "ko-KR-x-icu";

-- The total and the distinct people: 9,199 enrolments of 8,000 people
-- (by construction: 8,000 first enrolments, 1,199 repeats).
SELECT count(*) AS enrolments, count(DISTINCT person_id) AS people
FROM gunsan.enrolment
WHERE start_date BETWEEN '2020-01-01' AND '2020-12-31';

-- Enrolments outside 2020 exist and are not counted above.
SELECT extract(year FROM start_date) AS year, count(*)
FROM gunsan.enrolment GROUP BY 1 ORDER BY 1;

-- 1,400 placements in 2020.
SELECT count(*) AS placements FROM gunsan.enrolment
WHERE placed_on BETWEEN '2020-01-01' AND '2020-12-31';

-- Every local group is one of the article's eight, written exactly.
SELECT count(DISTINCT local_group) AS groups, count(*) AS programmes FROM gunsan.programme;

-- People: 8,000, Korean names, Gunsan 읍·면·동, some born on 29 February.
SELECT count(*) AS people,
       count(*) FILTER (WHERE extract(month FROM birth_date) = 2
                          AND extract(day FROM birth_date) = 29) AS born_29_feb,
       count(DISTINCT dong) AS dongs,
       bool_and(name ~ '^[가-힣]{3}$') AS korean_names
FROM gunsan.person;
SELECT DISTINCT birth_date FROM gunsan.person
WHERE extract(month FROM birth_date) = 2 AND extract(day FROM birth_date) = 29
ORDER BY 1;

-- Youth programmes enrol young people: everyone whose first enrolment was in
-- 청년일자리 was 15-34 at the start of 2020.
SELECT min(age(date '2020-01-01', birth_date)) >= interval '15 years' AS min_ok,
       max(age(date '2020-01-01', birth_date)) < interval '35 years' AS max_ok
FROM gunsan.person
WHERE person_id IN (SELECT person_id FROM gunsan.enrolment
                    WHERE programme_id = 10 AND start_date < '2021-01-01');

-- The same figures by programme category, in Korean, in ko-KR order (as in
-- doc/jobcat.md; Hangul's code points are in that order, so a C.UTF-8
-- database gives it too).
SELECT jobcat_label(jobcat_top(p.category)) AS category, count(*) AS enrolments
FROM gunsan.enrolment e JOIN gunsan.programme p USING (programme_id)
WHERE e.start_date BETWEEN '2020-01-01' AND '2020-12-31'
GROUP BY 1 ORDER BY 1;
