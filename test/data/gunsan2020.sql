-- test/data/gunsan2020.sql — the Gunsan 2020 sample for jobs_ext.
--
-- Load with: psql -f test/data/gunsan2020.sql   (CREATE EXTENSION jobs_ext first)
--
-- Gunsan (군산시, 전라북도, since 2024 전북특별자치도) lost its shipyard (2017)
-- and its GM car plant (2018) and was an employment crisis region from
-- 2018-04-05.  In 2020 its job programmes served 9,199 enrolments in eight
-- local groups:
--   직업훈련·재취업지원 1,546   취업지원·고용문화개선 219   사회적경제육성 329
--   청년일자리 3,152            창업지원 126                 취약계층 공공일자리 643
--   코로나19 직접일자리 1,504   고용사각지대 생계안정 1,680
-- of which 472 in 공공근로사업 and 지역공동체 일자리사업, and 1,504 in 희망일자리
-- (its disease-control jobs, 생활방역, were one kind of 희망일자리 work, not a
-- programme of their own); 1,400 people found work through the city's
-- crisis-region job centre (placed_via = 'crisis_centre').
-- This file rebuilds those figures with synthetic people.  Everything is
-- generated deterministically, so every load gives the same rows:
--   * 8,000 people (person_id 1..8000).  The first 8,000 enrolments of 2020 go
--     to each person exactly once (k -> (k-1)*2053 mod 8000 + 1 is a permutation,
--     2053 being prime to 8000); the other 1,199 go to people who were already
--     enrolled and qualify again: 479 recipients of the first round of the
--     emergency employment stability grant receive its second round, and 480
--     unpaid-leave workers and 240 freelancers of 희망일자리 receive the
--     unpaid-leave and the freelancer livelihood supports.  So 2020 has 9,199
--     enrolments of exactly 8,000 distinct people.
--   * Each person's profile (a jobprofile) holds the 법정동 code where they live
--     and their target groups; birth dates, groups and start dates are drawn
--     so that every 2020 enrolment is eligible on its start date under its
--     programme's rule in test/data/gunsan2020_eligwin.sql (the rounds below
--     are those rules' dates; sql/gunsan.sql checks the two agree).
--   * 1,400 of the placement and training enrolments, of 1,400 different
--     people, end in a job found through the crisis-region job centre a week
--     after the programme ends, in 2020.
--   * 450 enrolments start in 2019 and 300 in 2021, outside the 2020 figures;
--     some of 2019 end in a job found through the public employment centre
--     (고용복지플러스센터), before the end of 2019.
--
-- Categories follow the LMP methodology (Eurostat/OECD): support paid to
-- workers on unpaid leave for the wages they lose while still employed is a
-- partial unemployment benefit (8.2, OECD 82), not an employment maintenance
-- incentive (4.2, OECD 42), which is a subsidy paid to the employer for
-- keeping the worker; the emergency employment stability grant (긴급고용안정
-- 지원금) and the freelancer livelihood support compensate lost earnings of
-- people outside unemployment insurance and stay at the top of category 8 (80),
-- since they mix employed and self-employed claimants; the youth job-seeking
-- allowance (청년 구직활동 지원금) is unemployment assistance (8.1.2, OECD 812).
-- See doc/jobcat.md, "The Gunsan sample's categories".

-- no NOTICE when there is nothing to drop (a first load)
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS gunsan CASCADE;
CREATE SCHEMA gunsan;

CREATE TABLE gunsan.programme (
	programme_id integer PRIMARY KEY,
	name text NOT NULL,
	local_group text NOT NULL,
	category jobcat NOT NULL
);
COMMENT ON TABLE gunsan.programme IS 'Gunsan job programmes of 2020, with the city''s eight local groups and the OECD/Eurostat LMP category';

-- (programme 19, 생활방역 일자리, of earlier versions of this sample is part of
-- 희망일자리, 18; the number is not reused)
INSERT INTO gunsan.programme VALUES
	(1, '조선업 퇴직자 재취업 직업훈련', '직업훈련·재취업지원', '21'),
	(2, '자동차 부품산업 전환 직업훈련', '직업훈련·재취업지원', '21'),
	(3, '일학습병행 현장훈련', '직업훈련·재취업지원', '23'),
	(4, '재취업 지원 서비스', '직업훈련·재취업지원', '11'),
	(5, '일자리종합센터 취업알선', '취업지원·고용문화개선', '11'),
	(6, '노사상생 고용문화 개선', '취업지원·고용문화개선', '13'),
	(7, '사회적기업 육성', '사회적경제육성', '41'),
	(8, '마을기업·협동조합 일자리', '사회적경제육성', '41'),
	(9, '청년 취업 지원', '청년일자리', '11'),
	(10, '지역정착 지원형 청년일자리', '청년일자리', '41'),
	(11, '청년 디지털 일자리', '청년일자리', '41'),
	(12, '청년 구직활동 지원금', '청년일자리', '812'),
	(13, '청년 창업 지원', '창업지원', '70'),
	(14, '신중년 창업 지원', '창업지원', '70'),
	(15, '공공근로사업', '취약계층 공공일자리', '60'),
	(16, '지역공동체 일자리사업', '취약계층 공공일자리', '60'),
	(17, '신중년 일자리', '취약계층 공공일자리', '60'),
	(18, '희망일자리', '코로나19 직접일자리', '60'),
	-- LMP 8 (no sub-category): lost earnings of employed and self-employed alike
	(20, '긴급고용안정지원금', '고용사각지대 생계안정', '80'),
	-- LMP 8.2, partial unemployment benefit: paid to the worker, who stays employed
	(21, '무급휴직자 고용유지지원', '고용사각지대 생계안정', '82'),
	(22, '프리랜서·특수고용직 생계지원', '고용사각지대 생계안정', '80');

CREATE TABLE gunsan.person (
	person_id bigint PRIMARY KEY,
	name text NOT NULL,
	birth_date date NOT NULL,
	dong text NOT NULL,
	profile jobprofile NOT NULL
);
COMMENT ON TABLE gunsan.person IS 'synthetic participants: Korean names, birth dates (some on 29 February), the Gunsan 법정동 they live in, and a profile with its 10-digit code and their target groups';

CREATE TABLE gunsan.enrolment (
	person_id bigint NOT NULL REFERENCES gunsan.person,
	programme_id integer NOT NULL REFERENCES gunsan.programme,
	start_date date NOT NULL,
	end_date date NOT NULL,
	placed_on date,
	placed_via text,
	CHECK (end_date >= start_date),
	CHECK ((placed_on IS NULL) = (placed_via IS NULL)),
	CHECK (placed_via IN ('crisis_centre', 'employment_centre')),
	CHECK (placed_on > start_date)
);
COMMENT ON TABLE gunsan.enrolment IS 'one row per enrolment (연인원); distinct person_id are the people served (실인원); placed_via says how a placement came about: crisis_centre (the crisis-region job centre), employment_centre (고용복지플러스센터)';

-- The 법정동 (legal 동·읍·면) where the sample's people live: 28 of Gunsan's
-- 63 (52 동, 1 읍, 10 면).  Codes from the 법정동코드 전체자료 of the 행정표준코드
-- 관리시스템 (code.go.kr; the list of October 2020 as kept in the GitHub
-- repository brainer3220/Korean-legal-administration-code, where Gunsan is
-- 45130); since 전북특별자치도 was launched on 2024-01-18 the sido part is 52
-- and the rest unchanged (45130 -> 52130; e.g. 오식도동 5213014700 in the
-- 국토교통부 법정동 list of 2025-08-07).
CREATE TEMP TABLE gunsan_dong (n, dong, code) AS VALUES
	(0, '해망동', '5213010100'), (1, '신흥동', '5213010200'), (2, '월명동', '5213010400'),
	(3, '오룡동', '5213010600'), (4, '신풍동', '5213010800'), (5, '송풍동', '5213010900'),
	(6, '문화동', '5213011000'), (7, '삼학동', '5213011100'), (8, '중앙로1가', '5213011800'),
	(9, '동흥남동', '5213013200'), (10, '조촌동', '5213013400'), (11, '경암동', '5213013600'),
	(12, '구암동', '5213013700'), (13, '개정동', '5213013900'), (14, '수송동', '5213014100'),
	(15, '미장동', '5213014200'), (16, '나운동', '5213014400'), (17, '소룡동', '5213014600'),
	(18, '옥구읍', '5213025000'), (19, '옥산면', '5213031000'), (20, '회현면', '5213032000'),
	(21, '임피면', '5213033000'), (22, '서수면', '5213034000'), (23, '대야면', '5213035000'),
	(24, '개정면', '5213036000'), (25, '성산면', '5213037000'), (26, '나포면', '5213038000'),
	(27, '옥서면', '5213040000');

-- The application rounds of each programme: the days of its window in
-- test/data/gunsan2020_eligwin.sql.  An enrolment starts on a day of one of
-- its programme's rounds.
CREATE TEMP TABLE gunsan_round (programme_id, round, first_day, last_day) AS VALUES
	(1, 1, date '2020-01-02', date '2020-12-31'), (2, 1, '2020-01-02', '2020-12-31'),
	(3, 1, '2020-02-03', '2020-03-31'), (3, 2, '2020-08-03', '2020-09-30'),
	(4, 1, '2020-01-02', '2020-12-31'), (5, 1, '2020-01-02', '2020-12-31'),
	(6, 1, '2020-03-02', '2020-11-30'),
	(7, 1, '2020-02-17', '2020-03-13'), (7, 2, '2020-07-13', '2020-08-07'),
	(8, 1, '2020-02-17', '2020-03-13'),
	(9, 1, '2020-01-02', '2020-12-31'),
	(10, 1, '2020-02-03', '2020-02-28'), (10, 2, '2020-06-01', '2020-06-30'),
	(11, 1, '2020-07-06', '2020-12-31'),
	(12, 1, '2020-03-25', '2020-04-24'), (12, 2, '2020-09-01', '2020-09-30'),
	(13, 1, '2020-02-10', '2020-03-06'), (14, 1, '2020-02-10', '2020-03-06'),
	(15, 1, '2020-01-02', '2020-01-17'), (15, 2, '2020-06-15', '2020-06-26'),
	(16, 1, '2020-01-13', '2020-01-31'),
	(17, 1, '2020-02-03', '2020-02-21'),
	(18, 1, '2020-06-08', '2020-06-19'), (18, 2, '2020-09-01', '2020-09-11'),
	(20, 1, '2020-06-01', '2020-07-20'), (20, 2, '2020-10-12', '2020-10-23'),
	(21, 1, '2020-03-16', '2020-12-31'),
	(22, 1, '2020-06-01', '2020-07-20');

-- Every enrolment of 2020 as slot k = 1..9199, programme by programme, with
-- each programme's 2020 quota and typical duration in days; i numbers the
-- slots of one programme.
CREATE TEMP TABLE gunsan_slot AS
WITH quota (programme_id, n, days) AS (
	VALUES (1, 612, 150), (2, 384, 120), (3, 150, 180), (4, 400, 60),
		   (5, 164, 30), (6, 55, 30),
		   (7, 201, 240), (8, 128, 240),
		   (9, 1020, 90), (10, 1212, 240), (11, 620, 180), (12, 300, 180),
		   (13, 84, 300), (14, 42, 300),
		   (15, 260, 120), (16, 212, 150), (17, 171, 180),
		   (18, 1504, 90),
		   (20, 960, 60), (21, 480, 90), (22, 240, 60)
), offsets AS (
	SELECT programme_id, n, days,
		   sum(n) OVER (ORDER BY programme_id) - n AS before
	FROM quota
)
SELECT (o.before + i)::integer AS k, o.programme_id, i, o.days
FROM offsets o, generate_series(1, o.n) AS i;

-- The first enrolment of each person: who they are.  Target groups and the
-- range of birth dates follow the programme (its groups condition and age
-- band, on every day of 2020); one person in 400 is born on 29 February.
CREATE TEMP TABLE gunsan_first AS
SELECT s.k, s.programme_id, s.i, ((s.k - 1) * 2053 % 8000 + 1)::bigint AS person_id,
	   CASE
		   WHEN s.programme_id = 1 THEN ARRAY['crisis_jobless']
		   WHEN s.programme_id = 2 THEN ARRAY[(ARRAY['unpaid_leave', 'crisis_jobless'])[s.i % 2 + 1]]
		   WHEN s.programme_id IN (7, 8) THEN
			   ARRAY[(ARRAY['older', 'disabled', 'woman_returning', 'low_income', 'single_parent',
							'defector', 'immigrant'])[s.i % 7 + 1]]
		   WHEN s.programme_id IN (9, 10, 11, 12) THEN ARRAY['youth']
		   WHEN s.programme_id IN (15, 16) THEN
			   ARRAY[(ARRAY['low_income', 'crisis_jobless', 'single_parent', 'disabled', 'older',
							'woman_returning'])[s.i % 6 + 1]]
		   WHEN s.programme_id = 17 THEN ARRAY['older']
		   -- 희망일자리: 3 in 8 on unpaid leave, 2 freelancers, 2 jobless, 1 low income
		   WHEN s.programme_id = 18 THEN
			   ARRAY[(ARRAY['unpaid_leave', 'unpaid_leave', 'unpaid_leave', 'freelancer', 'freelancer',
							'crisis_jobless', 'crisis_jobless', 'low_income'])[(s.i - 1) % 8 + 1]]
		   WHEN s.programme_id = 20 THEN ARRAY[(ARRAY['unpaid_leave', 'freelancer'])[s.i % 2 + 1]]
	   END AS groups
FROM gunsan_slot s
WHERE s.k <= 8000;

-- The birth dates of each kind of person: in the age band of their
-- programme on every day of 2020 (youth 15..29 are born 1991-2004, and so
-- on), with two 29 February among them.
CREATE TEMP TABLE gunsan_birth (kind, lo, hi, leap_a, leap_b) AS VALUES
	('18..64', date '1957-01-01', date '2000-12-31', date '1976-02-29', date '1988-02-29'),
	('15..34 employed', '1987-01-01', '2001-12-31', '1988-02-29', '1996-02-29'),
	('15..29', '1991-01-01', '2004-12-31', '2000-02-29', '1996-02-29'),
	('15..34', '1986-01-01', '2004-12-31', '1988-02-29', '2004-02-29'),
	('19..34', '1986-01-01', '2000-12-31', '1992-02-29', '2000-02-29'),
	('19..39', '1981-01-01', '2000-12-31', '1984-02-29', '1996-02-29'),
	('40..64', '1956-01-01', '1979-12-31', '1964-02-29', '1976-02-29'),
	('50..64', '1956-01-01', '1969-12-31', '1964-02-29', '1968-02-29'),
	('18..', '1955-01-01', '2001-12-31', '1976-02-29', '1988-02-29'),
	-- no age band: older workers (the group) are 50 or more, others 20 to 65
	('older', '1950-01-01', '1969-12-31', '1964-02-29', '1968-02-29'),
	('any', '1955-01-01', '1999-12-31', '1968-02-29', '1980-02-29');

INSERT INTO gunsan.person (person_id, name, birth_date, dong, profile)
SELECT f.person_id,
	   (ARRAY['김','이','박','최','정','강','조','윤','장','임','한','오','서','신','권','황','안','송','전','홍'])[(f.person_id * 31 + f.person_id / 7) % 20 + 1]
	   || (ARRAY['민','서','지','현','수','영','준','성','혜','은','동','재','미','경','상','정','태','윤','하','진'])[(f.person_id * 7 + f.person_id / 3) % 20 + 1]
	   || (ARRAY['호','연','우','희','아','철','숙','민','석','원','주','빈','훈','경','란','기','식','영','진','수'])[(f.person_id * 11 + f.person_id / 13) % 20 + 1],
	   CASE f.person_id % 800
		   WHEN 0 THEN b.leap_a
		   WHEN 400 THEN b.leap_b
		   ELSE b.lo + (f.person_id * 7919 % (b.hi - b.lo + 1))::integer
	   END,
	   d.dong,
	   jobprofile(region => d.code, target_groups => f.groups)
FROM gunsan_first f
JOIN gunsan_dong d ON d.n = f.person_id * 13 % 28
JOIN gunsan_birth b ON b.kind = CASE
		WHEN f.programme_id IN (1, 2) THEN '18..64'
		WHEN f.programme_id = 3 THEN '15..34 employed'
		WHEN f.programme_id = 9 THEN '15..29'
		WHEN f.programme_id IN (10, 11) THEN '15..34'
		WHEN f.programme_id = 12 THEN '19..34'
		WHEN f.programme_id = 13 THEN '19..39'
		WHEN f.programme_id = 14 THEN '40..64'
		WHEN f.programme_id = 17 THEN '50..64'
		WHEN f.programme_id IN (18, 20) THEN '18..'
		WHEN 'older' = ANY (f.groups) THEN 'older'
		ELSE 'any'
	END;

-- The repeat enrolments (k > 8000): the second round of programme 20 goes to
-- the people of its first round, in order; programme 21 to the m-th
-- unpaid-leave worker of programme 18, programme 22 to its m-th freelancer.
CREATE TEMP TABLE gunsan_assign AS
SELECT s.k, s.programme_id, s.i, s.days,
	   coalesce(f.person_id, r.person_id) AS person_id,
	   -- round: programme 20's first enrolments in round 1, its repeats in 2
	   CASE WHEN s.programme_id = 20 THEN CASE WHEN s.k <= 8000 THEN 1 ELSE 2 END
			ELSE s.i % (SELECT count(*) FROM gunsan_round g WHERE g.programme_id = s.programme_id) + 1
	   END AS round
FROM gunsan_slot s
LEFT JOIN gunsan_first f ON f.k = s.k
LEFT JOIN gunsan_first r ON s.k > 8000 AND r.programme_id = CASE WHEN s.programme_id = 20 THEN 20 ELSE 18 END
	AND r.i = CASE s.programme_id
				  WHEN 20 THEN s.i - 481
				  WHEN 21 THEN 8 * ((s.i - 1) / 3) + (s.i - 1) % 3 + 1
				  WHEN 22 THEN 8 * ((s.i - 1) / 2) + 3 + (s.i - 1) % 2 + 1
			  END;

-- The 2020 enrolments: each starts on a day of one of its programme's rounds.
-- Placements: 1,400 of the training and placement enrolments (programmes 1,
-- 2, 4, 5, 9) that end by 2020-12-24, taken in a fixed scrambled order, end
-- in a job found through the crisis-region job centre a week after the
-- programme.
INSERT INTO gunsan.enrolment (person_id, programme_id, start_date, end_date, placed_on, placed_via)
SELECT a.person_id, a.programme_id, a.start_date, a.start_date + a.days,
	   CASE WHEN placed THEN a.start_date + a.days + 7 END,
	   CASE WHEN placed THEN 'crisis_centre' END
FROM (SELECT a.*, a.programme_id IN (1, 2, 4, 5, 9) AND a.start_date + a.days + 7 <= date '2020-12-31'
				  AND rank() OVER (PARTITION BY a.programme_id IN (1, 2, 4, 5, 9)
										AND a.start_date + a.days + 7 <= date '2020-12-31'
								   ORDER BY a.k * 7 % 2580, a.k) <= 1400 AS placed
	  FROM (SELECT a.k, a.person_id, a.programme_id, a.days,
				   g.first_day + (a.k * 37 % (g.last_day - g.first_day + 1)) AS start_date
			FROM gunsan_assign a
			JOIN gunsan_round g ON g.programme_id = a.programme_id AND g.round = a.round) a) a
ORDER BY a.k;

-- Before and after: 2019 and 2021 enrolments of the same people.
-- One in four of 2019 that ends by 2019-12-17 ends in a job found through
-- the public employment centre two weeks later.
INSERT INTO gunsan.enrolment (person_id, programme_id, start_date, end_date, placed_on, placed_via)
SELECT i * 17 % 8000 + 1,
	   (ARRAY[1, 2, 15, 16, 9])[i % 5 + 1],
	   d, d + 60,
	   CASE WHEN placed THEN d + 74 END,
	   CASE WHEN placed THEN 'employment_centre' END
FROM generate_series(1, 450) AS i,
	 LATERAL (SELECT date '2019-04-05' + (i * 13 % 270) AS d) x,
	 LATERAL (SELECT i % 4 = 0 AND d + 74 <= date '2019-12-31' AS placed) y;
INSERT INTO gunsan.enrolment (person_id, programme_id, start_date, end_date, placed_on)
SELECT i * 29 % 8000 + 1,
	   (ARRAY[18, 20, 10])[i % 3 + 1],
	   date '2021-01-04' + (i * 11 % 180),
	   date '2021-01-04' + (i * 11 % 180) + 90,
	   NULL
FROM generate_series(1, 300) AS i;

DROP TABLE gunsan_slot, gunsan_first, gunsan_birth, gunsan_assign, gunsan_round, gunsan_dong;

CREATE INDEX ON gunsan.enrolment (programme_id);
CREATE INDEX ON gunsan.enrolment (person_id);
ANALYZE gunsan.programme, gunsan.person, gunsan.enrolment;
