--
-- The Gunsan 2020 sample: the article's figures, exactly.
--
\set ECHO none
\set QUIET on
SET client_min_messages = warning;
\i test/data/gunsan2020.sql
\i test/data/gunsan2020_eligwin.sql
\i test/data/gunsan2020_matching.sql
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

-- The article's other figures: 472 enrolments in 공공근로사업 and 지역공동체
-- 일자리사업 together; 1,504 in 희망일자리 (the whole of 코로나19 직접일자리);
-- 1,400 distinct people placed through the crisis-region job centre in 2020,
-- none on or before the start of the enrolment that led to it.
SELECT count(*) FILTER (WHERE p.name IN ('공공근로사업', '지역공동체 일자리사업')) AS public_works_and_community,
       count(*) FILTER (WHERE p.name = '희망일자리') AS hope_jobs
FROM gunsan.enrolment e JOIN gunsan.programme p USING (programme_id)
WHERE e.start_date BETWEEN '2020-01-01' AND '2020-12-31';
SELECT count(DISTINCT person_id) AS placed_by_centre,
       count(*) FILTER (WHERE placed_on <= start_date) AS placed_before_start
FROM gunsan.enrolment
WHERE placed_via = 'crisis_centre' AND placed_on BETWEEN '2020-01-01' AND '2020-12-31';
-- every placement says how it came about; 2020's all through the centre
SELECT extract(year FROM placed_on) AS year, placed_via, count(*) > 0 AS some
FROM gunsan.enrolment WHERE placed_on IS NOT NULL
GROUP BY 1, 2 ORDER BY 1, 2;

-- Every local group is one of the article's eight, written exactly; 21
-- programmes (생활방역 is part of 희망일자리, not a programme of its own).
SELECT count(DISTINCT local_group) AS groups, count(*) AS programmes FROM gunsan.programme;

-- People: 8,000, Korean names, 28 of Gunsan's 법정동, some born on 29 February.
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

-- Every person's profile holds a 10-digit 법정동 code under Gunsan (52130)
-- that names the person's 동, and the sample's 28 codes are real ones (the
-- 법정동코드 list, cited in test/data/gunsan2020.sql).
SELECT count(*) FILTER (WHERE jobprofile_region(profile) ~ '^52130[0-9]{5}$') AS in_gunsan,
       count(DISTINCT (dong, jobprofile_region(profile))) AS dong_codes
FROM gunsan.person;
SELECT dong, jobprofile_region(profile) AS code
FROM gunsan.person
WHERE dong IN ('해망동', '나운동', '소룡동', '옥구읍', '옥서면')
GROUP BY 1, 2 ORDER BY 2;

-- Target groups in the proportions the programmes need (hand count from
-- the generator's rules: unpaid leave 192 of programme 2 + 564 of 18 + 240
-- of 20 = 996; freelancers 376 of 18 + 241 of 20 = 617; youth: everyone of
-- programmes 9 to 12, 3,152; older: 171 of 17, 28 of 7, 18 of 8, 43 of 15
-- and 35 of 16, 295; crisis_jobless: 612 of 1, 192 of 2, 376 of 18, 44 of 15
-- and 36 of 16, 1,260).
SELECT g AS target_group, count(*) AS people
FROM gunsan.person, unnest(jobprofile_target_groups(profile)) AS g
GROUP BY g ORDER BY g;

-- Every 2020 enrolment is eligible on its start date under its programme's
-- rule (window, age band, region, groups) with the person's profile; an
-- enrolment without a rule counts as an exception too.
SELECT count(*) AS enrolments,
       count(*) FILTER (WHERE pw.apply_window IS NULL
                           OR NOT eligible(pw.apply_window, e.start_date, ps.birth_date, ps.profile)) AS exceptions
FROM gunsan.enrolment e
JOIN gunsan.person ps USING (person_id)
LEFT JOIN gunsan.programme_window pw USING (programme_id)
WHERE e.start_date BETWEEN '2020-01-01' AND '2020-12-31';
-- the same without eligible(): the days, the age band (age() in completed
-- years, as Korean age for everyone here), the region prefix and the groups,
-- from the rules written out in plain SQL
WITH rule (programme_id, days, min_age, max_age, region, groups) AS (VALUES
	(1, datemultirange(daterange('2020-01-02', '2020-12-31', '[]')), 18, 64, '52130', '{crisis_jobless}'::text[]),
	(2, datemultirange(daterange('2020-01-02', '2020-12-31', '[]')), 18, 64, '52130', '{unpaid_leave,crisis_jobless}'),
	(3, datemultirange(daterange('2020-02-03', '2020-03-31', '[]'), daterange('2020-08-03', '2020-09-30', '[]')), 15, 34, NULL, NULL),
	(4, datemultirange(daterange('2020-01-02', '2020-12-31', '[]')), NULL, NULL, '52130', NULL),
	(5, datemultirange(daterange('2020-01-02', '2020-12-31', '[]')), NULL, NULL, '52130', NULL),
	(6, datemultirange(daterange('2020-03-02', '2020-11-30', '[]')), NULL, NULL, NULL, NULL),
	(7, datemultirange(daterange('2020-02-17', '2020-03-13', '[]'), daterange('2020-07-13', '2020-08-07', '[]')), NULL, NULL, NULL,
	 '{older,disabled,woman_returning,low_income,single_parent,defector,immigrant}'),
	(8, datemultirange(daterange('2020-02-17', '2020-03-13', '[]')), NULL, NULL, '52130',
	 '{older,disabled,woman_returning,low_income,single_parent,defector,immigrant}'),
	(9, datemultirange(daterange('2020-01-02', '2020-12-31', '[]')), 15, 29, NULL, '{youth}'),
	(10, datemultirange(daterange('2020-02-03', '2020-02-28', '[]'), daterange('2020-06-01', '2020-06-30', '[]')), 15, 34, '52130', NULL),
	(11, datemultirange(daterange('2020-07-06', '2020-12-31', '[]')), 15, 34, NULL, '{youth}'),
	(12, datemultirange(daterange('2020-03-25', '2020-04-24', '[]'), daterange('2020-09-01', '2020-09-30', '[]')), 19, 34, NULL, '{youth}'),
	(13, datemultirange(daterange('2020-02-10', '2020-03-06', '[]')), 19, 39, NULL, NULL),
	(14, datemultirange(daterange('2020-02-10', '2020-03-06', '[]')), 40, 64, NULL, NULL),
	(15, datemultirange(daterange('2020-01-02', '2020-01-17', '[]'), daterange('2020-06-15', '2020-06-26', '[]')), 18, NULL, '52130',
	 '{older,disabled,woman_returning,crisis_jobless,low_income,single_parent}'),
	(16, datemultirange(daterange('2020-01-13', '2020-01-31', '[]')), 18, NULL, '52130',
	 '{older,disabled,woman_returning,crisis_jobless,low_income,single_parent}'),
	(17, datemultirange(daterange('2020-02-03', '2020-02-21', '[]')), 50, 64, NULL, '{older}'),
	(18, datemultirange(daterange('2020-06-08', '2020-06-19', '[]'), daterange('2020-09-01', '2020-09-11', '[]')), 18, NULL, '52130',
	 '{unpaid_leave,freelancer,crisis_jobless,low_income}'),
	(20, datemultirange(daterange('2020-06-01', '2020-07-20', '[]'), daterange('2020-10-12', '2020-10-23', '[]')), NULL, NULL, NULL,
	 '{unpaid_leave,freelancer}'),
	(21, datemultirange(daterange('2020-03-16', '2020-12-31', '[]')), NULL, NULL, '52130', '{unpaid_leave}'),
	(22, datemultirange(daterange('2020-06-01', '2020-07-20', '[]')), NULL, NULL, '52130', '{freelancer}'))
SELECT count(*) AS enrolments,
       count(*) FILTER (WHERE r.programme_id IS NULL
                           OR NOT (r.days @> e.start_date
                                   AND date_part('year', age(e.start_date, ps.birth_date)) BETWEEN coalesce(r.min_age, 0) AND coalesce(r.max_age, 200)
                                   AND (r.region IS NULL OR jobprofile_region(ps.profile) LIKE r.region || '%')
                                   AND (r.groups IS NULL OR jobprofile_target_groups(ps.profile) && r.groups))) AS exceptions
FROM gunsan.enrolment e
JOIN gunsan.person ps USING (person_id)
LEFT JOIN rule r USING (programme_id)
WHERE e.start_date BETWEEN '2020-01-01' AND '2020-12-31';

SET datestyle = 'ISO, YMD';

-- Coverage under conditions: how many people could claim three supports on
-- each day of 2020.  긴급고용안정지원금 (20, no age band): every unpaid-leave
-- worker and freelancer, 996 + 617 = 1,613, while a round is open;
-- 무급휴직자 고용유지지원 (21): the 996 unpaid-leave workers, all living in
-- Gunsan, from 2020-03-16.
SELECT pw.programme_id, c.*
FROM gunsan.programme_window pw,
     LATERAL unnest((SELECT coverage(eligible_dates(pw.apply_window, ps.birth_date, ps.profile))
                     FROM gunsan.person ps)) AS c
WHERE pw.programme_id IN (20, 21) AND c.valid_from <= '2020-12-31'
ORDER BY 1, 2;
-- 청년 구직활동 지원금 (12, age 19..34, youth): people enter and leave the band
-- on their birthdays; day by day, coverage_at() of the coverage equals a
-- plain-SQL count of the people whose age (age()) is in the band, who belong
-- to the youth group, on the days the window is open.
WITH c AS (
    SELECT coverage(eligible_dates(pw.apply_window, ps.birth_date, ps.profile)) AS c
    FROM gunsan.programme_window pw, gunsan.person ps
    WHERE pw.programme_id = 12
), plain AS (
    SELECT d::date AS day,
           count(ps.person_id) FILTER (
               WHERE (d::date BETWEEN '2020-03-25' AND '2020-04-24' OR d::date BETWEEN '2020-09-01' AND '2020-09-30')
                 AND date_part('year', age(d::date, ps.birth_date)) BETWEEN 19 AND 34
                 AND 'youth' = ANY (jobprofile_target_groups(ps.profile))) AS people
    FROM generate_series(date '2020-01-01', date '2020-12-31', '1 day') AS d
    CROSS JOIN gunsan.person ps
    GROUP BY d
)
SELECT count(*) AS days,
       count(*) FILTER (WHERE coverage_at(c.c, plain.day) = plain.people) AS same,
       max(plain.people) AS most, sum(plain.people) AS person_days
FROM plain, c;

-- The job seekers of the matching sample are people of the sample, with the
-- region and the target groups of their profile.
SELECT count(*) AS seekers,
       count(*) FILTER (WHERE jobprofile_region(s.profile) = jobprofile_region(ps.profile)
                          AND jobprofile_target_groups(s.profile) IS NOT DISTINCT FROM jobprofile_target_groups(ps.profile)) AS same_region_and_groups,
       count(*) FILTER (WHERE jobprofile_region(s.profile) LIKE '52130%') AS in_gunsan
FROM gunsan.match_seeker s JOIN gunsan.person ps ON ps.person_id = s.id;
