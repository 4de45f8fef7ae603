-- test/data/gunsan2020.sql — the Gunsan 2020 sample for jobs_ext.
--
-- Load with: psql -f test/data/gunsan2020.sql   (CREATE EXTENSION jobs_ext first)
--
-- Gunsan (군산시, 전라북도) lost its shipyard (2017) and its GM car plant (2018)
-- and was an employment crisis region from 2018-04-05.  In 2020 its job
-- programmes served 9,199 enrolments in eight local groups:
--   직업훈련·재취업지원 1,546   취업지원·고용문화개선 219   사회적경제육성 329
--   청년일자리 3,152            창업지원 126                 취약계층 공공일자리 643
--   코로나19 직접일자리 1,504   고용사각지대 생계안정 1,680
-- This file rebuilds those figures with synthetic people.  Everything is
-- generated deterministically, so every load gives the same rows:
--   * 8,000 people (person_id 1..8000).  The first 8,000 enrolments of 2020 go
--     to each person exactly once (k -> (k-1)*2053 mod 8000 + 1 is a permutation,
--     2053 being prime to 8000); the other 1,199 go to people who were already
--     enrolled, so 2020 has 9,199 enrolments of exactly 8,000 distinct people.
--   * 1,400 of the placement and training enrolments end in a placement in 2020.
--   * 450 enrolments start in 2019 and 300 in 2021, outside the 2020 figures.

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
	(19, '생활방역 일자리', '코로나19 직접일자리', '60'),
	(20, '긴급고용안정지원금', '고용사각지대 생계안정', '80'),
	(21, '무급휴직자 고용유지지원', '고용사각지대 생계안정', '42'),
	(22, '프리랜서·특수고용직 생계지원', '고용사각지대 생계안정', '80');

CREATE TABLE gunsan.person (
	person_id bigint PRIMARY KEY,
	name text NOT NULL,
	birth_date date NOT NULL,
	dong text NOT NULL
);
COMMENT ON TABLE gunsan.person IS 'synthetic participants: Korean names, birth dates (some on 29 February), Gunsan 읍·면·동';

CREATE TABLE gunsan.enrolment (
	person_id bigint NOT NULL REFERENCES gunsan.person,
	programme_id integer NOT NULL REFERENCES gunsan.programme,
	start_date date NOT NULL,
	end_date date NOT NULL,
	placed_on date,
	CHECK (end_date >= start_date)
);
COMMENT ON TABLE gunsan.enrolment IS 'one row per enrolment (연인원); distinct person_id are the people served (실인원)';

-- Every enrolment of 2020 as slot k = 1..9199, programme by programme, with
-- each programme's 2020 quota and typical duration in days.
CREATE TEMP TABLE gunsan_slot AS
WITH quota (programme_id, n, days) AS (
	VALUES (1, 612, 150), (2, 384, 120), (3, 150, 180), (4, 400, 60),
		   (5, 164, 30), (6, 55, 30),
		   (7, 201, 240), (8, 128, 240),
		   (9, 1020, 90), (10, 1212, 240), (11, 620, 180), (12, 300, 180),
		   (13, 84, 300), (14, 42, 300),
		   (15, 260, 120), (16, 233, 150), (17, 150, 180),
		   (18, 1204, 90), (19, 300, 90),
		   (20, 960, 60), (21, 480, 90), (22, 240, 60)
), offsets AS (
	SELECT programme_id, n, days,
		   sum(n) OVER (ORDER BY programme_id) - n AS before
	FROM quota
), numbered AS (
	SELECT o.programme_id, o.days, o.before + i AS k
	FROM offsets o, generate_series(1, o.n) AS i
)
SELECT k::integer AS k, programme_id, days,
	   CASE WHEN k <= 8000 THEN (k - 1) * 2053 % 8000 + 1
			ELSE (k - 8001) * 37 % 8000 + 1 END::bigint AS person_id,
	   date '2020-01-02' + (k * 37 % 360)::integer AS start_date
FROM numbered;

-- People: age follows the programme of their first enrolment (youth programmes
-- 9-13 take people born 1986-2004, the 신중년 programmes 14 and 17 people born
-- 1956-1970); one in 400 is born on 29 February.
INSERT INTO gunsan.person (person_id, name, birth_date, dong)
SELECT s.person_id,
	   (ARRAY['김','이','박','최','정','강','조','윤','장','임','한','오','서','신','권','황','안','송','전','홍'])[(s.person_id * 31 + s.person_id / 7) % 20 + 1]
	   || (ARRAY['민','서','지','현','수','영','준','성','혜','은','동','재','미','경','상','정','태','윤','하','진'])[(s.person_id * 7 + s.person_id / 3) % 20 + 1]
	   || (ARRAY['호','연','우','희','아','철','숙','민','석','원','주','빈','훈','경','란','기','식','영','진','수'])[(s.person_id * 11 + s.person_id / 13) % 20 + 1],
	   CASE
		   WHEN s.programme_id BETWEEN 9 AND 13 THEN
			   CASE s.person_id % 800 WHEN 0 THEN date '2000-02-29' WHEN 400 THEN date '1996-02-29'
				   ELSE date '1986-01-01' + (s.person_id * 7919 % 6940)::integer END
		   WHEN s.programme_id IN (14, 17) THEN
			   CASE s.person_id % 400 WHEN 0 THEN date '1964-02-29'
				   ELSE date '1956-01-01' + (s.person_id * 7919 % 5478)::integer END
		   ELSE
			   CASE s.person_id % 800 WHEN 0 THEN date '1976-02-29' WHEN 400 THEN date '1988-02-29'
				   ELSE date '1955-01-01' + (s.person_id * 7919 % 16000)::integer END
	   END,
	   (ARRAY['옥구읍','옥산면','회현면','임피면','서수면','대야면','개정면','성산면','나포면','옥도면','옥서면',
			  '해신동','월명동','삼학동','신풍동','송풍동','중앙동','흥남동','조촌동','경암동','구암동',
			  '개정동','수송동','나운1동','나운2동','나운3동','소룡동','미성동'])[s.person_id * 13 % 28 + 1]
FROM gunsan_slot s
WHERE s.k <= 8000;

-- The 2020 enrolments.  Placements: 1,400 of the training and placement
-- enrolments (programmes 1, 2, 4, 5, 9), taken in a fixed scrambled order,
-- end in a job a week after the programme, at the latest on 2020-12-31.
INSERT INTO gunsan.enrolment (person_id, programme_id, start_date, end_date, placed_on)
SELECT s.person_id, s.programme_id, s.start_date,
	   s.start_date + s.days,
	   CASE WHEN s.programme_id IN (1, 2, 4, 5, 9)
				 AND rank() OVER (PARTITION BY s.programme_id IN (1, 2, 4, 5, 9)
								  ORDER BY s.k * 7 % 2580, s.k) <= 1400
			THEN least(s.start_date + s.days + 7, date '2020-12-31') END
FROM gunsan_slot s
ORDER BY s.k;

-- Before and after: 2019 and 2021 enrolments of the same people.
INSERT INTO gunsan.enrolment (person_id, programme_id, start_date, end_date, placed_on)
SELECT i * 17 % 8000 + 1,
	   (ARRAY[1, 2, 15, 16, 9])[i % 5 + 1],
	   date '2019-04-05' + (i * 13 % 270),
	   date '2019-04-05' + (i * 13 % 270) + 60,
	   NULL
FROM generate_series(1, 450) AS i;
INSERT INTO gunsan.enrolment (person_id, programme_id, start_date, end_date, placed_on)
SELECT i * 29 % 8000 + 1,
	   (ARRAY[18, 20, 10])[i % 3 + 1],
	   date '2021-01-04' + (i * 11 % 180),
	   date '2021-01-04' + (i * 11 % 180) + 90,
	   NULL
FROM generate_series(1, 300) AS i;

DROP TABLE gunsan_slot;

CREATE INDEX ON gunsan.enrolment (programme_id);
CREATE INDEX ON gunsan.enrolment (person_id);
ANALYZE gunsan.programme, gunsan.person, gunsan.enrolment;
