--
-- The examples of doc/eligwin.md, query and output verbatim
--

-- users' servers default to DateStyle ISO; pg_regress does not
SET DateStyle = 'ISO, YMD';
CREATE SCHEMA eligwin_doc;
SET search_path = eligwin_doc, public;

-- text form
SELECT '{[2018-04-05,2019-04-04],[2019-04-05,2022-12-31]} age 15..34'::eligwin AS w;
SELECT '{[2020-03-01,2020-04-01),(,2019-12-31]}'::eligwin AS w, '{}'::eligwin AS empty;
SELECT '{[2020-02-01,2020-01-01]}'::eligwin;

-- constructor and casts
SELECT eligwin('2020-01-01', '2020-12-31', 15, 34) AS youth_2020, eligwin(NULL, '2019-12-31') AS until_2019;
SELECT '[2020-01-01,2020-02-01)'::daterange::eligwin AS from_range,
       '{[2020-01-01,2020-01-31],[2020-03-01,)}'::eligwin::datemultirange AS to_multirange;

-- the designation history
SELECT stage, designated, days(designated) AS days
FROM (VALUES (0, eligwin('2018-04-05', '2019-04-04'))) AS v(stage, designated)
UNION ALL
SELECT stage, extend(eligwin('2018-04-05', '2019-04-04'), until), days(extend(eligwin('2018-04-05', '2019-04-04'), until))
FROM (VALUES (1, date '2020-04-04'), (2, '2020-12-31'), (3, '2021-12-31'), (4, '2022-12-31')) AS e(stage, until)
ORDER BY stage;

-- Korean age
SELECT korean_age('2000-02-29', '2001-02-28') AS feb_28_2001,
       korean_age('2000-02-29', '2001-03-01') AS mar_1_2001,
       korean_age('2000-02-29', '2004-02-29') AS feb_29_2004;
SELECT korean_age('2000-01-02', '2000-01-01');

-- eligibility
SELECT d, eligible('{[2018-04-05,2022-12-31]} age 15..29', d, '2005-06-15') AS eligible
FROM unnest(ARRAY[date '2020-06-14', '2020-06-15', '2022-12-31', '2023-01-01']) AS d;
SELECT eligible_dates('{[2018-04-05,2022-12-31]} age 15..34', '1988-02-29') AS until_35,
       eligible_dates('{[2018-04-05,2022-12-31]} age 19..34', '2000-02-29') AS from_19;

-- set algebra
SELECT w + v AS "union", w * v AS intersection, w - v AS difference
FROM (VALUES ('{[2020-01-01,2020-01-31],[2020-03-01,2020-03-31]}'::eligwin,
              '{[2020-01-20,2020-03-10]}'::eligwin)) AS t(w, v);
SELECT '{[2020-01-01,2020-06-30]} age 15..34'::eligwin * '{[2020-03-01,2020-12-31]} age 19..'::eligwin AS both_rules;
SELECT '{[2020-01-01,2020-01-31]} age 15..29'::eligwin + '{[2020-03-01,2020-03-31]} age 15..34'::eligwin;

-- predicates and accessors
SELECT w @> date '2020-02-15' AS open_feb_15, w @> date '2020-03-15' AS open_mar_15,
       w && '{[2020-02-01,2020-02-29]}' AS overlaps_feb, w @> '{[2020-03-10,2020-03-20]}' AS contains
FROM (VALUES ('{[2020-01-01,2020-01-31],[2020-03-01,2020-03-31]}'::eligwin)) AS t(w);
SELECT lower(w), upper(w), days(w), days_left(w, '2020-01-25') AS left_jan_25,
       next_open(w, '2020-01-31') AS after_jan_31, isempty(w)
FROM (VALUES ('{[2020-01-01,2020-01-31],[2020-03-01,2020-03-31]}'::eligwin)) AS t(w);

-- choosing the GiST operator class: windows of 1 to 7 days starting on
-- each day of 2020, four of each (temporary, so that VACUUM marks every page
-- all-visible whatever other sessions hold)
CREATE TEMP TABLE window_lookup AS
SELECT eligwin(date '2020-01-01' + s, date '2020-01-01' + s + len) AS w
FROM generate_series(0, 365) s, generate_series(0, 6) len, generate_series(1, 4) copy;
CREATE INDEX window_lookup_w ON window_lookup USING gist (w);
VACUUM ANALYZE window_lookup;
EXPLAIN (COSTS OFF) SELECT count(*) FROM window_lookup WHERE w @> date '2020-06-15';
CREATE INDEX window_lookup_wx ON window_lookup USING gist (w eligwin_exact_ops);
EXPLAIN (COSTS OFF) SELECT count(*) FROM window_lookup WHERE w @> date '2020-06-15';
SELECT count(*) FROM window_lookup WHERE w @> date '2020-06-15';
SELECT count(*) FROM window_lookup WHERE w @> '{[2020-06-14,2020-06-16]}'::eligwin;

-- aggregates
CREATE TABLE enrolment_window (person text, w eligwin);
INSERT INTO enrolment_window VALUES
	('김민수', '{[2020-01-01,2020-01-10]}'),
	('이서연', '{[2020-01-05,2020-01-20]}'),
	('박지훈', '{[2020-03-01,)}');
SELECT coverage(w) FROM enrolment_window;
SELECT * FROM unnest((SELECT coverage(w) FROM enrolment_window));
SELECT coverage_at(coverage(w), '2020-01-07') AS jan_7, eligwin_union(w) FROM enrolment_window;

-- conditions (1.1)
SELECT '{[2020-06-01,2020-07-20]} age 15..34 region {45130} groups {프리랜서,unpaid_leave}'::eligwin AS w;
SELECT '{[2020-06-01,2020-07-20]} region {521}'::eligwin;
CREATE TABLE claimant (name text, birth date, profile jobprofile);
INSERT INTO claimant VALUES
	('김민수', '1980-05-05', 'region=4513010100 target_groups={무급휴직자}'),
	('이서연', '1996-11-20', 'region=5213025021 target_groups={youth}'),
	('박지훈', '1975-03-02', 'region=5211010100 target_groups={freelancer}');
SELECT name,
       eligible('{[2020-06-01,2020-07-20]} groups {unpaid_leave,freelancer}', '2020-06-15', birth, profile) AS stability_grant,
       eligible('{[2018-04-05,2022-12-31]} region {52130}', '2020-06-15', birth, profile) AS crisis_region
FROM claimant;
SELECT name, eligible_dates('{[2020-01-01,2020-12-31]} age 15..34 region {52130} groups {youth}', birth, profile) AS youth_gunsan
FROM claimant;
SELECT * FROM unnest((SELECT coverage(eligible_dates('{[2020-06-01,2020-07-20]} groups {unpaid_leave,freelancer}', birth, profile))
                      FROM claimant));
SELECT jsonb_pretty(eligibility_explain('{[2020-06-01,2020-07-20]} age 15..34 region {52130} groups {unpaid_leave,freelancer}',
                                        '2020-08-03', birth, profile)) AS explain
FROM claimant WHERE name = '이서연';
SELECT '{[2020-06-01,2020-07-20]} groups {unpaid_leave,freelancer}'::eligwin * '{[2018-04-05,2022-12-31]} region {52130}'::eligwin AS both_rules;
SELECT '{[2020-06-01,2020-07-20]} groups {youth}'::eligwin * '{[2020-01-01,2020-12-31]} groups {older}'::eligwin;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA eligwin_doc CASCADE;
RESET client_min_messages;
