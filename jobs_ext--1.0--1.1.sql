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
-- So far 1.1 changes no SQL object, only the C library; values stored by 1.0
-- are read as they are (each carries its format version), so no data needs
-- rewriting.

--------------------------------------------------------------------------------
-- skill search on jobprofile: ?, ?| and ?& (as jsonb has them) and a GIN
-- operator class (doc/matching.md, "Finding profiles by skill")
--------------------------------------------------------------------------------

-- IMMUTABLE: a query skill is folded as jobprofile input folds skills (ICU),
-- as hangul_nfc and the other folding functions are.  The support function
-- lets a jobprofile_gin_ops index answer the function forms too.
CREATE FUNCTION jobprofile_skill_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_skill_support(internal) IS 'planner support: lets has_skill, has_any_skill and has_all_skills use a jobprofile_gin_ops index';
CREATE FUNCTION has_skill(jobprofile, skill text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'jobprofile_has_skill' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT jobprofile_skill_support;
COMMENT ON FUNCTION has_skill(jobprofile, text) IS 'implementation of ? operator: does the profile hold the skill (folded as jobprofile input folds skills)?';
CREATE FUNCTION has_any_skill(jobprofile, skills text[]) RETURNS boolean
	AS 'MODULE_PATHNAME', 'jobprofile_has_any_skill' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT jobprofile_skill_support;
COMMENT ON FUNCTION has_any_skill(jobprofile, text[]) IS 'implementation of ?| operator: does the profile hold any of the skills? NULL elements are ignored; false for none';
CREATE FUNCTION has_all_skills(jobprofile, skills text[]) RETURNS boolean
	AS 'MODULE_PATHNAME', 'jobprofile_has_all_skills' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT jobprofile_skill_support;
COMMENT ON FUNCTION has_all_skills(jobprofile, text[]) IS 'implementation of ?& operator: does the profile hold all of the skills? NULL elements are ignored; true for none';

CREATE OPERATOR ? (
	LEFTARG = jobprofile, RIGHTARG = text, PROCEDURE = has_skill,
	RESTRICT = matchingsel, JOIN = matchingjoinsel
);
COMMENT ON OPERATOR ? (jobprofile, text) IS 'does the profile hold the skill?';
CREATE OPERATOR ?| (
	LEFTARG = jobprofile, RIGHTARG = text[], PROCEDURE = has_any_skill,
	RESTRICT = matchingsel, JOIN = matchingjoinsel
);
COMMENT ON OPERATOR ?| (jobprofile, text[]) IS 'does the profile hold any of the skills?';
CREATE OPERATOR ?& (
	LEFTARG = jobprofile, RIGHTARG = text[], PROCEDURE = has_all_skills,
	RESTRICT = matchingsel, JOIN = matchingjoinsel
);
COMMENT ON OPERATOR ?& (jobprofile, text[]) IS 'does the profile hold all of the skills?';

-- GIN index over the skills: the keys are the folded skills (bytea), exact
CREATE FUNCTION jobprofile_gin_extract_value(jobprofile, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION jobprofile_gin_extract_query(jobprofile, internal, int2, internal, internal, internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION jobprofile_gin_consistent(internal, int2, jobprofile, int4, internal, internal, internal, internal) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION jobprofile_gin_triconsistent(internal, int2, jobprofile, int4, internal, internal, internal) RETURNS "char"
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_gin_extract_value(jobprofile, internal) IS 'GIN support: the skills of a profile as keys';
COMMENT ON FUNCTION jobprofile_gin_extract_query(jobprofile, internal, int2, internal, internal, internal, internal) IS 'GIN support: the folded skills of a ?, ?| or ?& query as keys';
COMMENT ON FUNCTION jobprofile_gin_consistent(internal, int2, jobprofile, int4, internal, internal, internal, internal) IS 'GIN support: does a profile match, given its keys?';
COMMENT ON FUNCTION jobprofile_gin_triconsistent(internal, int2, jobprofile, int4, internal, internal, internal) IS 'GIN support: does a profile match, given its keys (ternary)?';

CREATE OPERATOR CLASS jobprofile_gin_ops
	DEFAULT FOR TYPE jobprofile USING gin AS
		OPERATOR 9 ? (jobprofile, text),
		OPERATOR 10 ?| (jobprofile, text[]),
		OPERATOR 11 ?& (jobprofile, text[]),
		FUNCTION 1 byteacmp(bytea, bytea),
		FUNCTION 2 jobprofile_gin_extract_value(jobprofile, internal),
		FUNCTION 3 jobprofile_gin_extract_query(jobprofile, internal, int2, internal, internal, internal, internal),
		FUNCTION 4 jobprofile_gin_consistent(internal, int2, jobprofile, int4, internal, internal, internal, internal),
		FUNCTION 6 jobprofile_gin_triconsistent(internal, int2, jobprofile, int4, internal, internal, internal),
		STORAGE bytea;
COMMENT ON OPERATOR CLASS jobprofile_gin_ops USING gin IS 'GIN index over the skills of a jobprofile, for ?, ?| and ?& (has_skill, has_any_skill, has_all_skills)';
COMMENT ON OPERATOR FAMILY jobprofile_gin_ops USING gin IS 'GIN index over the skills of a jobprofile';
