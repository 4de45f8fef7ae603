/* jobs_ext--1.0--1.1.sql: update a database from jobs_ext 1.0 to 1.1 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION jobs_ext UPDATE TO '1.1'" to load this file. \quit

-- What 1.1 changes in the SQL surface, in the order one would apply it by
-- hand.  Every statement here has its twin in jobs_ext--1.1.sql, the full
-- install script of 1.1; test/checks/upgrade.sh requires that 1.0 updated
-- with this script and a fresh 1.1 hold the same objects
-- (test/upgrade/jobs_ext--1.1.objects).  Names of our objects inside bodies
-- and queries are written @extschema@-qualified, as in the install script.
--
-- Values stored by 1.0 are read as they are (each carries its format
-- version), so no data needs rewriting.

-- ----------------------------------------------------------------
-- eligwin conditions (issue 11): eligibility per person
-- ----------------------------------------------------------------
-- An eligwin may carry conditions after its age band, region {…} and
-- groups {…} (a value of format version 2; the C library reads both).
-- These apply dates, age band and conditions to one person's jobprofile.
CREATE FUNCTION eligible(w eligwin, on_date date, birth date, person jobprofile) RETURNS boolean
	AS 'MODULE_PATHNAME', 'eligwin_eligible_person' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION eligible(eligwin, date, date, jobprofile) IS 'is the person eligible on the day: window open, age in the band, region under a prefix of the region condition, one of the groups of the groups condition?';
CREATE FUNCTION eligible_dates(w eligwin, birth date, person jobprofile) RETURNS eligwin
	AS 'MODULE_PATHNAME', 'eligwin_eligible_dates_person' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION eligible_dates(eligwin, date, jobprofile) IS 'the days on which the person is eligible under the age band and the conditions, as a window without band or conditions (empty when a condition does not hold)';
CREATE FUNCTION eligibility_explain(w eligwin, on_date date, birth date, person jobprofile) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'eligwin_explain' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION eligibility_explain(eligwin, date, date, jobprofile) IS 'each condition of the window for the person on the day, whether it holds, the nearest open day, and the list of those that fail';
