-- test/data/gunsan2020_eligwin.sql — eligibility rules for the Gunsan 2020 sample.
--
-- Load after test/data/gunsan2020.sql (schema gunsan with programme, person,
-- enrolment).  Adds:
--   * gunsan.designation: the employment crisis region (고용위기지역)
--     designation, 2018-04-05 to 2019-04-04, extended four times to
--     2020-04-04, 2020-12-31, 2021-12-31 and 2022-12-31, built with extend();
--   * gunsan.programme_window: each 2020 programme's rule: its application
--     window, age band (만 나이) and who may claim it:
--       - crisis-region supports (programmes 1, 2 and 21) are for residents of
--         Gunsan (region {52130}) and are cut to the designation with *;
--       - the city's own programmes (job centre, village enterprises, youth
--         settlement, public works, 희망일자리, the livelihood supports) are for
--         residents too;
--       - 긴급고용안정지원금 (20) for unpaid-leave workers and freelancers
--         (special-type workers, 특수형태근로종사자, are recorded as freelancers:
--         jobprofile has no group of their own), 무급휴직자 고용유지지원 (21) for
--         unpaid-leave workers, 22 for freelancers;
--       - youth programmes for the young jobless in their age band, 신중년 jobs
--         for older workers aged 50 to 64, social enterprises and public works
--         for the vulnerable groups they must hire (취업취약계층).
-- Every 2020 enrolment of the sample is eligible on its start date under its
-- programme's rule with the person's profile: sql/gunsan.sql counts the
-- exceptions, which must be 0.
-- The windows are illustrative: they follow the usual calendar of these
-- programmes (first-half and second-half rounds, the COVID-19 rounds from
-- June 2020), not an official notice.

-- no NOTICE when there is nothing to drop (a first load)
SET client_min_messages = warning;
DROP TABLE IF EXISTS gunsan.designation, gunsan.programme_window;

CREATE TABLE gunsan.designation (
	stage integer PRIMARY KEY,
	decided text NOT NULL,
	designated eligwin NOT NULL
);
COMMENT ON TABLE gunsan.designation IS 'Gunsan employment crisis region: the first designation (stage 0) and each extension, as the whole window so far';

INSERT INTO gunsan.designation VALUES (0, '최초 지정 (initial designation)', eligwin('2018-04-05', '2019-04-04'));
INSERT INTO gunsan.designation
SELECT stage, decided, extend((SELECT designated FROM gunsan.designation WHERE stage = 0), until)
FROM (VALUES (1, '1차 연장 (1st extension)', date '2020-04-04'),
			 (2, '2차 연장 (2nd extension)', date '2020-12-31'),
			 (3, '3차 연장 (3rd extension)', date '2021-12-31'),
			 (4, '4차 연장 (4th extension)', date '2022-12-31')) v(stage, decided, until);

CREATE TABLE gunsan.programme_window (
	programme_id integer PRIMARY KEY REFERENCES gunsan.programme,
	apply_window eligwin NOT NULL,
	rule text NOT NULL
);
COMMENT ON TABLE gunsan.programme_window IS 'each 2020 programme''s rule: application window, age band, residency and target groups';

INSERT INTO gunsan.programme_window VALUES
	-- crisis-region retraining: all year, while designated (cut below)
	(1, '{[2020-01-02,2020-12-31]} age 18..64 region {52130} groups {crisis_jobless}',
	 '군산 거주 조선업 퇴직자, 만 18~64세'),
	(2, '{[2020-01-02,2020-12-31]} age 18..64 region {52130} groups {unpaid_leave,crisis_jobless}',
	 '군산 거주 자동차 부품업 실직자·무급휴직자, 만 18~64세'),
	(3, '{[2020-02-03,2020-03-31],[2020-08-03,2020-09-30]} age 15..34', '일학습병행: 만 15~34세'),
	(4, '{[2020-01-02,2020-12-31]} region {52130}', '군산 거주'),
	(5, '{[2020-01-02,2020-12-31]} region {52130}', '군산 거주'),
	(6, '{[2020-03-02,2020-11-30]}', '제한 없음'),
	(7, '{[2020-02-17,2020-03-13],[2020-07-13,2020-08-07]} groups {older,disabled,woman_returning,low_income,single_parent,defector,immigrant}',
	 '취업취약계층'),
	(8, '{[2020-02-17,2020-03-13]} region {52130} groups {older,disabled,woman_returning,low_income,single_parent,defector,immigrant}',
	 '군산 거주 취업취약계층'),
	-- youth: 15..29 for most youth jobs, 15..34 at public bodies,
	-- 19..34 under the Framework Act on Youth (청년기본법)
	(9, '{[2020-01-02,2020-12-31]} age 15..29 groups {youth}', '미취업 청년: 만 15~29세'),
	(10, '{[2020-02-03,2020-02-28],[2020-06-01,2020-06-30]} age 15..34 region {52130}', '군산 정착 청년: 만 15~34세'),
	(11, '{[2020-07-06,2020-12-31]} age 15..34 groups {youth}', '미취업 청년: 만 15~34세'),
	(12, '{[2020-03-25,2020-04-24],[2020-09-01,2020-09-30]} age 19..34 groups {youth}', '청년기본법 미취업 청년: 만 19~34세'),
	(13, '{[2020-02-10,2020-03-06]} age 19..39', '만 39세 이하'),
	(14, '{[2020-02-10,2020-03-06]} age 40..64', '신중년: 만 40~64세'),
	(15, '{[2020-01-02,2020-01-17],[2020-06-15,2020-06-26]} age 18.. region {52130} groups {older,disabled,woman_returning,crisis_jobless,low_income,single_parent}',
	 '군산 거주 취업취약계층, 만 18세 이상'),
	(16, '{[2020-01-13,2020-01-31]} age 18.. region {52130} groups {older,disabled,woman_returning,crisis_jobless,low_income,single_parent}',
	 '군산 거주 취업취약계층, 만 18세 이상'),
	(17, '{[2020-02-03,2020-02-21]} age 50..64 groups {older}', '신중년: 만 50~64세'),
	-- COVID-19 direct jobs, from June 2020
	(18, '{[2020-06-08,2020-06-19],[2020-09-01,2020-09-11]} age 18.. region {52130} groups {unpaid_leave,freelancer,crisis_jobless,low_income}',
	 '군산 거주 코로나19 실직·무급휴직·프리랜서·저소득층, 만 18세 이상'),
	-- livelihood support: two rounds of the emergency employment stability grant
	(20, '{[2020-06-01,2020-07-20],[2020-10-12,2020-10-23]} groups {unpaid_leave,freelancer}',
	 '무급휴직자, 프리랜서·특수형태근로종사자'),
	(21, '{[2020-03-16,2020-12-31]} region {52130} groups {unpaid_leave}', '군산 거주 무급휴직자'),
	(22, '{[2020-06-01,2020-07-20]} region {52130} groups {freelancer}', '군산 거주 프리랜서·특수형태근로종사자');

-- the crisis-region supports are open only while the city is designated
UPDATE gunsan.programme_window pw
SET apply_window = pw.apply_window * d.designated
FROM gunsan.designation d
WHERE d.stage = (SELECT max(stage) FROM gunsan.designation)
  AND pw.programme_id IN (1, 2, 21);

CREATE INDEX ON gunsan.programme_window USING gist (apply_window);
ANALYZE gunsan.designation, gunsan.programme_window;
