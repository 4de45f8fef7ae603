--
-- eligwin: eligibility windows, Korean age, eligibility
--

-- pg_regress runs with DateStyle 'Postgres, MDY'; eligwin reads and writes
-- ISO dates whatever the setting, and plain dates here print as ISO too
SET DateStyle = 'ISO, YMD';
-- this suite's objects live in their own schema, dropped at the end
CREATE SCHEMA eligwin_test;
SET search_path = eligwin_test, public;

-- errors are shown as SQLSTATE and message
CREATE FUNCTION sqlstate_of(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	detail text;
BEGIN
	EXECUTE query;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' (' || nullif(detail, '') || ')', '');
END;
$$;

--
-- Text form: normalised on input
--
SELECT '{[2018-04-05,2019-04-04],[2019-04-05,2022-12-31]} age 15..34'::eligwin;
SELECT '{}'::eligwin AS empty, ' { } '::eligwin AS spaced, '{} age 19..34'::eligwin AS empty_band;
-- overlapping, adjacent, unsorted and duplicate intervals merge
SELECT '{[2020-03-01,2020-03-31],[2020-01-01,2020-01-31],[2020-02-01,2020-02-10],[2020-01-15,2020-01-20]}'::eligwin;
SELECT '{[2020-01-01,2020-01-10],[2020-01-12,2020-01-20]}'::eligwin AS one_day_gap_kept;
-- exclusive bounds are made inclusive; empty intervals vanish
SELECT '{[2020-01-01,2020-02-01)}'::eligwin AS half_open,
       '{(2019-12-31,2020-01-31]}'::eligwin AS open_lower,
       '{[2020-01-01,2020-01-01)}'::eligwin AS empty_interval,
       '{[2020-01-01,2020-01-01]}'::eligwin AS one_day;
-- unbounded ends
SELECT '{[2018-04-05,)}'::eligwin, '{(,2019-04-04]}'::eligwin, '{(,)}'::eligwin,
       '{[-infinity,infinity]}'::eligwin AS infinities,
       '{(,2020-01-01],[2020-01-02,)}'::eligwin AS everything;
-- age bands
SELECT '{[2020-01-01,2020-12-31]} age 65..'::eligwin AS open_band,
       '{[2020-01-01,2020-12-31]}AGE 0..0'::eligwin AS newborns,
       '{[2020-01-01,2020-12-31]} age  15 .. 29 '::eligwin AS spaces;
-- BC dates and the ends of the date range
SELECT '{[0044-03-15 BC,0044-03-15 BC]}'::eligwin AS ides, '{[4713-01-01 BC,5874897-12-31]}'::eligwin AS all_finite;
-- dates are ISO whatever DateStyle says, in and out
SET DateStyle = 'German, DMY';
SELECT '{[2020-01-02,2020-03-04]}'::eligwin, '2020-01-02'::date;
SET DateStyle = 'ISO, YMD';

-- the text form round-trips exactly
SELECT w::text, w::text::eligwin = w AS same, w::text::eligwin::text = w::text AS same_text
FROM (VALUES ('{}'::eligwin), ('{[2018-04-05,2022-12-31]} age 15..34'),
             ('{(,2019-04-04],[2020-01-01,)} age 65..'), ('{[0001-01-01 BC,0001-12-31]}')) v(w);

--
-- Bad text: 22P02, too many intervals: 54000
--
SELECT sqlstate_of($$SELECT '{[2020-02-01,2020-01-01]}'::eligwin$$) AS reversed;
SELECT sqlstate_of($$SELECT '{(2020-01-01,2019-12-31)}'::eligwin$$) AS reversed_open;
SELECT sqlstate_of($$SELECT 'garbage'::eligwin$$) AS garbage;
SELECT sqlstate_of($$SELECT ''::eligwin$$) AS empty_string;
SELECT sqlstate_of($$SELECT '{[2020-01-01,2020-01-31]'::eligwin$$) AS unclosed;
SELECT sqlstate_of($$SELECT '{[2020-01-01,2020-01-31]} x'::eligwin$$) AS trailing;
SELECT sqlstate_of($$SELECT '{[2020-02-30,2020-03-01]}'::eligwin$$) AS no_such_day;
SELECT sqlstate_of($$SELECT '{[2021-02-29,2021-03-01]}'::eligwin$$) AS not_leap;
SELECT sqlstate_of($$SELECT '{[01/02/2020,2020-03-01]}'::eligwin$$) AS not_iso;
SELECT sqlstate_of($$SELECT '{[infinity,)}'::eligwin$$) AS lower_infinity;
SELECT sqlstate_of($$SELECT '{(,-infinity]}'::eligwin$$) AS upper_minus_infinity;
SELECT sqlstate_of($$SELECT '{[2020-01-01,2020-01-31]} age 34..15'::eligwin$$) AS band_reversed;
SELECT sqlstate_of($$SELECT '{[2020-01-01,2020-01-31]} age 15-34'::eligwin$$) AS band_syntax;
SELECT sqlstate_of($$SELECT '{[2020-01-01,2020-01-31]} age ..34'::eligwin$$) AS band_no_lower;
SELECT sqlstate_of($$SELECT '{[2020-01-01,2020-01-31]} age 15..201'::eligwin$$) AS band_too_old;
SELECT sqlstate_of($$SELECT '{[5874898-01-01,)}'::eligwin$$) AS beyond_range;
-- 10,000 intervals are allowed, 10,001 are not (every other day)
SELECT days(('{' || string_agg(format('[%s,%s]', d, d), ',') || '}')::eligwin) AS ten_thousand_days
FROM generate_series(0, 9999) i, LATERAL (SELECT date '2000-01-01' + 2 * i AS d) x;
SELECT sqlstate_of(format($$SELECT %L::eligwin$$,
	(SELECT '{' || string_agg(format('[%s,%s]', d, d), ',') || '}'
	 FROM generate_series(0, 10000) i, LATERAL (SELECT date '2000-01-01' + 2 * i AS d) x))) AS too_many;
-- 10,001 adjacent days are one interval
SELECT ('{' || string_agg(format('[%s,%s]', d, d), ',') || '}')::eligwin AS adjacent
FROM generate_series(0, 10000) i, LATERAL (SELECT date '2000-01-01' + i AS d) x;

--
-- The Gunsan employment crisis region: designated 2018-04-05 to 2019-04-04,
-- extended to 2020-04-04, 2020-12-31, 2021-12-31 and 2022-12-31
--
CREATE TABLE designation (stage int, w eligwin);
INSERT INTO designation VALUES (0, '{[2018-04-05,2019-04-04]}');
DO $$
DECLARE
	ends date[] := ARRAY['2020-04-04', '2020-12-31', '2021-12-31', '2022-12-31'];
	i int;
BEGIN
	FOR i IN 1 .. 4 LOOP
		INSERT INTO designation
		SELECT i, extend(w, ends[i]) FROM designation WHERE stage = i - 1;
	END LOOP;
END;
$$;
-- days by hand: 365 (to 2019-04-04), +366 (2020 is leap), +271 (2020-04-05..12-31),
-- +365, +365; cross-checked with date subtraction
SELECT stage, w, days(w), upper(w) - lower(w) + 1 AS by_subtraction,
       (SELECT count(*) FROM generate_series(lower(w), upper(w), '1 day')) AS by_series
FROM designation ORDER BY stage;
-- extending to a day already covered, or the same day, changes nothing
SELECT extend(w, '2021-06-30') = w AS earlier, extend(w, '2022-12-31') = w AS same,
       extend(w, 'infinity') AS indefinitely
FROM designation WHERE stage = 4;
SELECT extend('{[2020-01-01,2020-01-31],[2020-03-01,2020-03-31]} age 15..34', '2020-04-30') AS last_interval_only;
SELECT sqlstate_of($$SELECT extend('{}', '2020-01-01')$$) AS extend_empty;

-- eligibility on the first and last day, the day before and the day after
SELECT d, w @> d AS open, eligible(w, d, '1990-05-20') AS eligible
FROM designation, unnest(ARRAY['2018-04-04', '2018-04-05', '2022-12-31', '2023-01-01']::date[]) d
WHERE stage = 4 ORDER BY d;
SELECT d <@ w AS contained FROM designation, (VALUES (date '2020-06-01')) v(d) WHERE stage = 4;

--
-- Korean age (Civil Code Art. 158, 160)
--
-- born 2000-05-10: one year older on each 10 May, not the day before
SELECT korean_age('2000-05-10', '2000-05-10') AS birth_day, korean_age('2001-05-09', '2001-05-09') AS zero,
       korean_age('2000-05-10', '2001-05-09') AS day_before, korean_age('2000-05-10', '2001-05-10') AS first_birthday,
       korean_age('2000-05-10', '2020-12-31') AS end_2020;
-- born 29 February: in a common year a year older on 1 March (Art. 160: the
-- period ends at the end of February); in a leap year on 29 February
SELECT b, d, korean_age(b, d)
FROM (VALUES ('2000-02-29'::date, '2001-02-28'::date),  -- 0: not yet
             ('2000-02-29', '2001-03-01'),             -- 1
             ('2000-02-29', '2004-02-28'),             -- 3
             ('2000-02-29', '2004-02-29'),             -- 4: leap year, the day itself
             ('2000-02-29', '2100-02-28'),             -- 99: 2100 is a common year
             ('2000-02-29', '2100-03-01'),             -- 100
             ('1996-02-29', '2011-02-28'),             -- 14
             ('1996-02-29', '2011-03-01'),             -- 15
             ('2004-02-28', '2005-02-28'),             -- 1: born the 28th
             ('2003-03-01', '2004-02-29')) v(b, d)      -- 0: one day short
ORDER BY b, d;
-- cross-check with the month/day rule over 40 years of birthdays for every
-- day of a leap year: completed years = year difference, minus one while the
-- (month, day) of the date is before the birthday's, with 29 February
-- counted as 1 March in common years
SELECT count(*) AS checked, count(*) FILTER (WHERE korean_age(b, d) <> expected) AS wrong
FROM generate_series(date '1996-01-01', date '1996-12-31', '1 day') g(t), LATERAL (SELECT t::date AS b) bb,
     generate_series(0, 40, 3) k,
     LATERAL (SELECT (b + make_interval(years => k))::date + o AS d FROM generate_series(-2, 2) o) dd,
     LATERAL (SELECT extract(year FROM d)::int - extract(year FROM b)::int
                     - CASE WHEN (extract(month FROM d), extract(day FROM d)) <
                                 (extract(month FROM b), extract(day FROM b)) THEN 1 ELSE 0 END AS expected) e
WHERE d >= b;
SELECT sqlstate_of($$SELECT korean_age('2000-01-02', '2000-01-01')$$) AS before_birth;
SELECT sqlstate_of($$SELECT korean_age('infinity', '2000-01-01')$$) AS infinite_birth;

--
-- Age bands at the day before and on the birthday
--
-- youth programme 15..29, born 2005-06-15: 15 on 2020-06-15, 30 on 2035-06-15
SELECT d, korean_age('2005-06-15', d) AS age,
       eligible('{[2018-01-01,2040-12-31]} age 15..29', d, '2005-06-15') AS youth
FROM unnest(ARRAY['2020-06-14', '2020-06-15', '2035-06-14', '2035-06-15']::date[]) d ORDER BY d;
-- public bodies 15..34, born 1988-02-29: 35 on 2023-03-01 (2023 is common)
SELECT d, korean_age('1988-02-29', d) AS age,
       eligible('{[2018-01-01,2025-12-31]} age 15..34', d, '1988-02-29') AS public_youth
FROM unnest(ARRAY['2023-02-28', '2023-03-01']::date[]) d ORDER BY d;
-- the same as a window of dates for that person
SELECT eligible_dates('{[2018-01-01,2025-12-31]} age 15..34', '1988-02-29') AS until_feb_28,
       eligible_dates('{[2018-01-01,2025-12-31]} age 19..34', '2004-02-29') AS from_mar_1,
       eligible_dates('{[2018-01-01,2025-12-31]} age 65..', '1955-07-01') AS older,
       eligible_dates('{[2018-01-01,2025-12-31]}', '2020-07-01') AS from_birth,
       eligible_dates('{[2018-01-01,2018-12-31]} age 15..34', '1950-01-01') AS too_old;
-- eligible() and eligible_dates() agree day by day
SELECT count(*) AS checked,
       count(*) FILTER (WHERE eligible(w, d, b) <> (eligible_dates(w, b) @> d)) AS disagree
FROM (VALUES ('{[2018-04-05,2022-12-31]} age 15..34'::eligwin), ('{[2019-01-01,2019-12-31],[2021-03-01,)} age 19..29'),
             ('{(,)} age 0..0'), ('{}')) v(w),
     unnest(ARRAY['1988-02-29', '1989-03-01', '1999-12-31', '2000-02-29', '2019-06-01']::date[]) b,
     generate_series(date '2017-01-01', date '2024-12-31', '9 days') g(t), LATERAL (SELECT t::date AS d) dd;
SELECT eligible('{(,)}', '2000-01-01', '2000-01-02') AS before_birth,
       eligible('{(,)} age 0..0', '2000-01-02', '2000-01-02') AS birth_day;

--
-- Accessors
--
SELECT lower(w), upper(w), isempty(w), days(w)
FROM (VALUES ('{[2020-01-01,2020-01-31],[2020-03-01,2020-03-31]}'::eligwin), ('{}'),
             ('{(,2020-01-01]}'), ('{[2020-01-01,)}')) v(w);
-- days_left counts the day itself; next_open is strictly after the day
SELECT d, days_left(w, d), next_open(w, d)
FROM (VALUES ('{[2020-01-01,2020-01-31],[2020-03-01,2020-03-31],[2020-05-01,)}'::eligwin)) v(w),
     unnest(ARRAY['2019-12-31', '2020-01-01', '2020-01-31', '2020-02-15', '2020-02-29',
                  '2020-03-31', '2020-04-30', '2021-01-01']::date[]) d
ORDER BY d;
SELECT days_left('{[2020-01-01,2020-01-31]}', '2020-02-01') AS closed, next_open('{[2020-01-01,2020-01-31]}', '2020-01-31') AS never;
-- days_left and next_open against a day-by-day count
SELECT count(*) FILTER (WHERE days_left(w, d) <> (SELECT count(*) FROM generate_series(d, upper(w), '1 day') x
                                                  WHERE w @> x::date AND NOT EXISTS (
                                                      SELECT 1 FROM generate_series(d, x::date, '1 day') y WHERE NOT w @> y::date))) AS days_left_wrong,
       count(*) FILTER (WHERE next_open(w, d) IS DISTINCT FROM (SELECT min(x)::date FROM generate_series(d + 1, upper(w), '1 day') x
                                                              WHERE w @> x::date)) AS next_open_wrong
FROM (VALUES ('{[2020-01-01,2020-01-31],[2020-02-02,2020-02-02],[2020-03-01,2020-03-31]}'::eligwin)) v(w),
     generate_series(date '2019-12-25', date '2020-04-05', '1 day') g(t), LATERAL (SELECT t::date AS d) dd;

--
-- Set operators and the age band
--
SELECT '{[2020-01-01,2020-01-10],[2020-02-01,2020-02-10]}'::eligwin + '{[2020-01-05,2020-02-03]}' AS "union",
       '{[2020-01-01,2020-01-10],[2020-02-01,2020-02-10]}'::eligwin * '{[2020-01-05,2020-02-03]}' AS intersection,
       '{[2020-01-01,2020-01-10],[2020-02-01,2020-02-10]}'::eligwin - '{[2020-01-05,2020-02-03]}' AS difference;
SELECT '{[2020-01-01,2020-01-10]}'::eligwin + '{[2020-01-11,2020-01-20]}' AS adjacent_merge,
       '{(,)}'::eligwin - '{[2020-01-01,2020-12-31]}' AS hole,
       '{[2020-01-01,2020-12-31]}'::eligwin - '{(,)}' AS nothing_left;
-- the band: + needs equal bands (a window without days adds nothing),
-- * keeps ages in both bands, - keeps the left band
SELECT '{[2020-01-01,2020-01-10]} age 15..34'::eligwin + '{[2020-01-05,2020-01-20]} age 15..34' AS same_band,
       '{[2020-01-01,2020-01-10]} age 15..34'::eligwin + '{}' AS plus_empty,
       '{[2020-01-01,2020-01-10]} age 15..34'::eligwin * '{[2020-01-05,2020-01-20]} age 19..' AS band_19_34,
       '{[2020-01-01,2020-01-10]} age 15..18'::eligwin * '{[2020-01-05,2020-01-20]} age 19..' AS no_age_fits,
       '{[2020-01-01,2020-01-10]} age 15..34'::eligwin - '{[2020-01-05,2020-01-20]}' AS left_band;
SELECT sqlstate_of($$SELECT '{[2020-01-01,2020-01-10]} age 15..34'::eligwin + '{[2020-01-05,2020-01-20]} age 19..34'$$) AS bands_differ;
-- containment and overlap look at the days only
SELECT '{[2020-01-01,2020-12-31]}'::eligwin @> '{[2020-03-01,2020-03-31],[2020-05-01,2020-05-31]}'::eligwin AS contains,
       '{[2020-01-01,2020-01-31],[2020-03-01,2020-03-31]}'::eligwin @> '{[2020-01-15,2020-03-15]}'::eligwin AS gap_not_contained,
       '{[2020-01-01,2020-01-31],[2020-03-01,2020-03-31]}'::eligwin && '{[2020-02-01,2020-02-29]}'::eligwin AS gap_no_overlap,
       '{[2020-01-01,2020-01-31]}'::eligwin && '{[2020-01-31,2020-02-29]}'::eligwin AS one_shared_day,
       '{}'::eligwin <@ '{[2020-01-01,2020-01-31]}' AS empty_in_all,
       '{[2020-01-01,2020-01-31]} age 15..34'::eligwin <@ '{[2019-01-01,2021-12-31]}' AS band_ignored;

-- comparison and hashing
SELECT w, rank() OVER (ORDER BY w)
FROM (VALUES ('{[2020-01-01,2020-01-31]}'::eligwin), ('{}'), ('{[2020-01-01,2020-01-31]} age 15..34'),
             ('{[2020-01-01,2020-01-31]} age 15..'), ('{(,2020-01-31]}'), ('{[2020-01-01,2020-01-31],[2020-03-01,2020-03-31]}'),
             ('{[2020-01-01,2020-02-29]}'), ('{[2020-01-01,2020-01-31]}')) v(w)
ORDER BY w;
SELECT '{[2020-01-01,2020-01-31]}'::eligwin = '{[2020-01-01,2020-01-15],[2020-01-16,2020-01-31]}' AS normalised_equal,
       '{[2020-01-01,2020-01-31]}'::eligwin = '{[2020-01-01,2020-01-31]} age 0..' AS band_matters,
       eligwin_hash('{[2020-01-01,2020-01-31]}') = eligwin_hash('{[2020-01-01,2020-01-15],[2020-01-16,2020-01-31]}') AS hash_equal;
SELECT count(DISTINCT w) AS distinct_by_hash FROM (VALUES ('{}'::eligwin), ('{[2020-01-01,2020-01-31]}'), ('{[2020-01-01,2020-01-31]}'), ('{[2020-01-01,2020-01-31]} age 15..34')) v(w);

-- the operator classes pass amvalidate; the extended hash with seed 0 has
-- the standard hash in its low 32 bits, as hash indexes and joins require
SELECT opcname, amvalidate(oid) FROM pg_opclass
WHERE opcname LIKE 'eligwin%' OR opcname LIKE 'coverage%' ORDER BY opcname;
SELECT (eligwin_hash_extended(w, 0) & 4294967295) = (eligwin_hash(w)::bigint & 4294967295) AS eligwin_low32,
       (coverage_hash_extended(c, 0) & 4294967295) = (coverage_hash(c)::bigint & 4294967295) AS coverage_low32
FROM (VALUES ('{[2020-01-01,2020-01-31]} age 15..34'::eligwin, '{2020-01-01:3}'::coverage), ('{}', '{}')) v(w, c);

--
-- Casts with daterange and datemultirange
--
SELECT eligwin(daterange('2020-01-01', '2020-02-01')) AS from_range,
       '(2019-12-31,2020-02-01)'::daterange::eligwin AS exclusive,
       'empty'::daterange::eligwin AS empty_range,
       daterange(NULL, '2020-02-01')::eligwin AS unbounded,
       daterange('2020-01-01', 'infinity')::eligwin AS to_infinity;
SELECT '{[2020-01-01,2020-01-11), [2020-01-11,2020-01-20), [2020-03-01,)}'::datemultirange::eligwin AS from_multirange,
       '{[2020-01-01,2020-01-31],[2020-03-01,)}'::eligwin::datemultirange AS to_multirange,
       '{}'::eligwin::datemultirange AS empty_multirange;
SELECT sqlstate_of($$SELECT '{[2020-01-01,2020-01-31]} age 15..34'::eligwin::datemultirange$$) AS band_to_multirange;
SELECT eligwin('2020-01-01', '2020-12-31') AS two_days, eligwin(NULL, '2020-12-31', 15, 34) AS with_band,
       eligwin('2020-01-01', NULL, 65) AS open_band;
SELECT sqlstate_of($$SELECT eligwin('2020-12-31', '2020-01-01')$$) AS constructor_reversed,
       sqlstate_of($$SELECT eligwin('2020-01-01', '2020-12-31', 34, 15)$$) AS constructor_band;

--
-- Set algebra on random windows, checked against datemultirange
--
SELECT setseed(0.3);
CREATE TABLE rand_iv AS
SELECT w, lo, lo + (random() * 60)::int AS hi
FROM generate_series(1, 80) w, generate_series(1, 1 + (w % 5)) k,
     LATERAL (SELECT date '2020-01-01' + (random() * 400)::int + 0 * k AS lo) x;
-- a few unbounded ends
UPDATE rand_iv SET lo = NULL WHERE w % 17 = 0 AND lo < date '2020-03-01';
UPDATE rand_iv SET hi = NULL WHERE w % 13 = 0 AND hi > date '2020-12-01';
CREATE TABLE rand_w AS
SELECT w, ('{' || string_agg(format('[%s,%s]', lo, hi), ',') || '}')::eligwin AS e,
       range_agg(daterange(lo, hi, '[]')) AS m
FROM rand_iv GROUP BY w
UNION ALL SELECT 0, '{}', '{}';
SELECT count(*) AS windows, count(*) FILTER (WHERE e::datemultirange <> m) AS text_vs_multirange,
       count(*) FILTER (WHERE m::eligwin <> e) AS cast_vs_text,
       count(*) FILTER (WHERE days(e) IS DISTINCT FROM
                        CASE WHEN NOT upper_inf(m) AND NOT lower_inf(m)
                             THEN (SELECT coalesce(sum(upper(r) - lower(r)), 0) FROM unnest(m) r) END) AS days_wrong,
       count(*) FILTER (WHERE days(e) IS NULL) AS unbounded,
       count(*) FILTER (WHERE e::text::eligwin <> e) AS round_trip
FROM rand_w;
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE (a.e + b.e)::datemultirange <> a.m + b.m) AS union_wrong,
       count(*) FILTER (WHERE (a.e * b.e)::datemultirange <> a.m * b.m) AS intersect_wrong,
       count(*) FILTER (WHERE (a.e - b.e)::datemultirange <> a.m - b.m) AS minus_wrong,
       count(*) FILTER (WHERE (a.e @> b.e) <> (a.m @> b.m)) AS contains_wrong,
       count(*) FILTER (WHERE (a.e <@ b.e) <> (a.m <@ b.m)) AS contained_wrong,
       count(*) FILTER (WHERE (a.e && b.e) <> (a.m && b.m)) AS overlaps_wrong,
       count(*) FILTER (WHERE (a.e = b.e) <> (a.m = b.m)) AS equal_wrong,
       count(*) FILTER (WHERE a.e @> b.e) AS contains_true,
       count(*) FILTER (WHERE a.e && b.e) AS overlaps_true
FROM rand_w a, rand_w b;
-- containment of days, every 3rd day of two years
SELECT count(*) AS checks, count(*) FILTER (WHERE (e @> d::date) <> (m @> d::date)) AS wrong
FROM rand_w, generate_series(date '2019-12-01', date '2021-12-31', '3 days') d;
-- a window of 50 intervals (3 days a week): binary search, checked day by day
SELECT count(*) AS days, count(*) FILTER (WHERE w @> d) AS open_days,
       count(*) FILTER (WHERE (w @> d) <> (w::datemultirange @> d) OR (d <@ w) <> (w @> d)) AS wrong
FROM (SELECT ('{' || string_agg(format('[%s,%s]', date '2020-01-01' + 7 * i, date '2020-01-01' + 7 * i + 2), ',') || '}')::eligwin AS w
      FROM generate_series(0, 49) i) s,
     generate_series(date '2019-12-25', date '2021-01-10', '1 day') g(t), LATERAL (SELECT t::date AS d) dd;
-- laws on triples
SELECT count(*) AS triples,
       count(*) FILTER (WHERE a.e + b.e <> b.e + a.e) AS union_commutes,
       count(*) FILTER (WHERE (a.e + b.e) + c.e <> a.e + (b.e + c.e)) AS union_associates,
       count(*) FILTER (WHERE a.e * (b.e + c.e) <> (a.e * b.e) + (a.e * c.e)) AS distributes,
       count(*) FILTER (WHERE a.e - (b.e + c.e) <> (a.e - b.e) * (a.e - c.e)) AS de_morgan,
       count(*) FILTER (WHERE (a.e - b.e) + (a.e * b.e) <> a.e) AS split_and_join,
       count(*) FILTER (WHERE NOT isempty((a.e - b.e) * b.e)) AS minus_disjoint,
       count(*) FILTER (WHERE NOT (a.e + b.e) @> a.e) AS union_contains
FROM rand_w a, rand_w b, rand_w c WHERE a.w % 4 = 0 AND b.w % 3 = 0 AND c.w % 5 = 0;

--
-- Binary I/O through COPY (FORMAT binary): round trip, then bad input.
-- A bytea column written in binary COPY holds the raw bytes, so copying it
-- back into an eligwin column hands those bytes to eligwin_recv.
--
CREATE TABLE bin (w eligwin);
-- server-side COPY files go into the cluster's data directory; the end of
-- the suite removes this one (psql goes on after errors, so it always does)
SELECT f AS binfile, format('rm -f ''%s''', f) AS rm_binfile
FROM (SELECT current_setting('data_directory') || '/jobs_ext_eligwin.bin') AS t(f) \gset
COPY (SELECT e FROM rand_w UNION ALL SELECT '{(,2019-04-04],[2020-01-01,)} age 65..') TO :'binfile' (FORMAT binary);
COPY bin FROM :'binfile' (FORMAT binary);
SELECT count(*) AS copied, count(*) FILTER (WHERE w IN (SELECT e FROM rand_w UNION ALL SELECT '{(,2019-04-04],[2020-01-01,)} age 65..')) AS identical FROM bin;
SELECT eligwin_send('{[2020-01-01,2020-01-31]} age 15..34') AS send;
CREATE FUNCTION recv_of(bytes bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	detail text;
	binfile text := current_setting('data_directory') || '/jobs_ext_eligwin.bin';
BEGIN
	EXECUTE format($q$COPY (SELECT %L::bytea) TO %L (FORMAT binary)$q$, bytes, binfile);
	TRUNCATE bin;
	EXECUTE format($q$COPY bin FROM %L (FORMAT binary)$q$, binfile);
	RETURN (SELECT w::text FROM bin);
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' (' || nullif(detail, '') || ')', '');
END;
$$;
SELECT recv_of('\x0101000f00220000000100001c0f00001c2d') AS valid;
SELECT recv_of('\x0101000f00220000000100001c0f00001c') AS truncated;
SELECT recv_of('\x01') AS too_short;
SELECT recv_of('\x') AS no_bytes;
SELECT recv_of('\x0301000f00220000000100001c0f00001c2d') AS bad_version;
-- version 2 is a window with conditions, and only that
SELECT recv_of('\x0201000f00220000000100001c0f00001c2d') AS version_2_without_conditions;
SELECT recv_of('\x0105000f00220000000100001c0f00001c2d') AS bad_flags;
SELECT recv_of('\x0101000f00220000000200001c0f00001c2d') AS count_vs_length;
SELECT recv_of('\x0101000f00220000000100001c2d00001c0f') AS reversed;
SELECT recv_of('\x01010022000f0000000100001c0f00001c2d') AS band_reversed;
SELECT recv_of('\x0100000000020000000a000000140000000100000005') AS unsorted;
SELECT recv_of('\x010000000002000000010000000500000003000000ff') AS overlapping;
SELECT recv_of('\x0100000000020000000100000005000000060000000f') AS adjacent;
SELECT recv_of('\x010000000001800000007fffffff') AS nobegin_noend;
SELECT recv_of('\x010000000001ffffffff80000000') AS upper_nobegin;
SELECT recv_of('\x0100000000017fffff0080000000') AS invalid_date;
SELECT recv_of('\x01000000271100') AS count_vs_length_2;
SELECT recv_of(decode('010000002711' || repeat('00', 80008), 'hex')) AS too_many;
SELECT recv_of('\x01000000000000') AS trailing_byte;
SELECT recv_of('\x010000000000') AS empty;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA eligwin_test CASCADE;
RESET client_min_messages;
COPY (SELECT WHERE false) TO PROGRAM :'rm_binfile';
