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

--------------------------------------------------------------------------------
-- topk_state, peopleset, catstats: comparison and hashing, so that GROUP BY,
-- DISTINCT, UNION, hash and merge joins, btree and hash indexes and hash
-- distribution (Citus, hash partitioning) work on them; each compares and
-- hashes its canonical form (doc/aggregates.md, doc/matching.md)
--------------------------------------------------------------------------------

-- topk_state
CREATE FUNCTION topk_state_eq(topk_state, topk_state) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION topk_state_ne(topk_state, topk_state) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION topk_state_lt(topk_state, topk_state) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION topk_state_le(topk_state, topk_state) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION topk_state_gt(topk_state, topk_state) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION topk_state_ge(topk_state, topk_state) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION topk_state_cmp(topk_state, topk_state) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION topk_state_hash(topk_state) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION topk_state_hash_extended(topk_state, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION topk_state_eq(topk_state, topk_state) IS 'implementation of = operator: same k and the same (id, score) pairs, in any order';
COMMENT ON FUNCTION topk_state_ne(topk_state, topk_state) IS 'implementation of <> operator';
COMMENT ON FUNCTION topk_state_lt(topk_state, topk_state) IS 'implementation of < operator';
COMMENT ON FUNCTION topk_state_le(topk_state, topk_state) IS 'implementation of <= operator';
COMMENT ON FUNCTION topk_state_gt(topk_state, topk_state) IS 'implementation of > operator';
COMMENT ON FUNCTION topk_state_ge(topk_state, topk_state) IS 'implementation of >= operator';
COMMENT ON FUNCTION topk_state_cmp(topk_state, topk_state) IS 'btree comparison: -1, 0 or 1; by k, then the pairs best first compared as topk_final arrays compare';
COMMENT ON FUNCTION topk_state_hash(topk_state) IS 'hash of a topk_state: equal values hash alike, however they were built';
COMMENT ON FUNCTION topk_state_hash_extended(topk_state, bigint) IS 'seeded 64-bit hash of a topk_state; with seed 0 its low 32 bits are topk_state_hash';

CREATE OPERATOR = (
	LEFTARG = topk_state, RIGHTARG = topk_state, PROCEDURE = topk_state_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR <> (
	LEFTARG = topk_state, RIGHTARG = topk_state, PROCEDURE = topk_state_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR < (
	LEFTARG = topk_state, RIGHTARG = topk_state, PROCEDURE = topk_state_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
	LEFTARG = topk_state, RIGHTARG = topk_state, PROCEDURE = topk_state_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
	LEFTARG = topk_state, RIGHTARG = topk_state, PROCEDURE = topk_state_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
	LEFTARG = topk_state, RIGHTARG = topk_state, PROCEDURE = topk_state_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS topk_state_ops
	DEFAULT FOR TYPE topk_state USING btree AS
		OPERATOR 1 <,
		OPERATOR 2 <=,
		OPERATOR 3 =,
		OPERATOR 4 >=,
		OPERATOR 5 >,
		FUNCTION 1 topk_state_cmp(topk_state, topk_state);

CREATE OPERATOR CLASS topk_state_hash_ops
	DEFAULT FOR TYPE topk_state USING hash AS
		OPERATOR 1 =,
		FUNCTION 1 topk_state_hash(topk_state),
		FUNCTION 2 topk_state_hash_extended(topk_state, bigint);

-- peopleset: its = exists since 1.0; now it is LEAKPROOF, has <> for negator
-- (set on = when <> is created) and can hash and merge
ALTER FUNCTION peopleset_eq(peopleset, peopleset) LEAKPROOF;
CREATE FUNCTION peopleset_ne(peopleset, peopleset) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION peopleset_lt(peopleset, peopleset) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION peopleset_le(peopleset, peopleset) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION peopleset_gt(peopleset, peopleset) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION peopleset_ge(peopleset, peopleset) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION peopleset_cmp(peopleset, peopleset) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION peopleset_hash(peopleset) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION peopleset_hash_extended(peopleset, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION peopleset_ne(peopleset, peopleset) IS 'implementation of <> operator';
COMMENT ON FUNCTION peopleset_lt(peopleset, peopleset) IS 'implementation of < operator';
COMMENT ON FUNCTION peopleset_le(peopleset, peopleset) IS 'implementation of <= operator';
COMMENT ON FUNCTION peopleset_gt(peopleset, peopleset) IS 'implementation of > operator';
COMMENT ON FUNCTION peopleset_ge(peopleset, peopleset) IS 'implementation of >= operator';
COMMENT ON FUNCTION peopleset_cmp(peopleset, peopleset) IS 'btree comparison: -1, 0 or 1; smaller set first, then the first number where two sets of one size differ';
COMMENT ON FUNCTION peopleset_hash(peopleset) IS 'hash of a peopleset: equal values hash alike, however they were built';
COMMENT ON FUNCTION peopleset_hash_extended(peopleset, bigint) IS 'seeded 64-bit hash of a peopleset; with seed 0 its low 32 bits are peopleset_hash';

CREATE OPERATOR <> (
	LEFTARG = peopleset, RIGHTARG = peopleset, PROCEDURE = peopleset_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR < (
	LEFTARG = peopleset, RIGHTARG = peopleset, PROCEDURE = peopleset_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
	LEFTARG = peopleset, RIGHTARG = peopleset, PROCEDURE = peopleset_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
	LEFTARG = peopleset, RIGHTARG = peopleset, PROCEDURE = peopleset_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
	LEFTARG = peopleset, RIGHTARG = peopleset, PROCEDURE = peopleset_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS peopleset_ops
	DEFAULT FOR TYPE peopleset USING btree AS
		OPERATOR 1 <,
		OPERATOR 2 <=,
		OPERATOR 3 =,
		OPERATOR 4 >=,
		OPERATOR 5 >,
		FUNCTION 1 peopleset_cmp(peopleset, peopleset);

CREATE OPERATOR CLASS peopleset_hash_ops
	DEFAULT FOR TYPE peopleset USING hash AS
		OPERATOR 1 =,
		FUNCTION 1 peopleset_hash(peopleset),
		FUNCTION 2 peopleset_hash_extended(peopleset, bigint);

-- ALTER OPERATOR can set HASHES and MERGES only from PostgreSQL 17 on: on 15
-- and 16 the flags are set in the catalogue directly (the script runs as a
-- superuser, jobs_ext being trusted)
UPDATE pg_catalog.pg_operator SET oprcanhash = true, oprcanmerge = true
WHERE oid OPERATOR(pg_catalog.=)
	'@extschema@.=(@extschema@.peopleset,@extschema@.peopleset)'::pg_catalog.regoperator;

-- catstats
CREATE FUNCTION catstats_eq(catstats, catstats) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION catstats_ne(catstats, catstats) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION catstats_lt(catstats, catstats) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION catstats_le(catstats, catstats) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION catstats_gt(catstats, catstats) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION catstats_ge(catstats, catstats) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION catstats_cmp(catstats, catstats) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION catstats_hash(catstats) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION catstats_hash_extended(catstats, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION catstats_eq(catstats, catstats) IS 'implementation of = operator: same categories, enrolments and people in each';
COMMENT ON FUNCTION catstats_ne(catstats, catstats) IS 'implementation of <> operator';
COMMENT ON FUNCTION catstats_lt(catstats, catstats) IS 'implementation of < operator';
COMMENT ON FUNCTION catstats_le(catstats, catstats) IS 'implementation of <= operator';
COMMENT ON FUNCTION catstats_gt(catstats, catstats) IS 'implementation of > operator';
COMMENT ON FUNCTION catstats_ge(catstats, catstats) IS 'implementation of >= operator';
COMMENT ON FUNCTION catstats_cmp(catstats, catstats) IS 'btree comparison: -1, 0 or 1; by enrolments, then category by category (code, enrolments), then the number of (person, category) pairs and the first that differs';
COMMENT ON FUNCTION catstats_hash(catstats) IS 'hash of a catstats: equal values hash alike, however they were built';
COMMENT ON FUNCTION catstats_hash_extended(catstats, bigint) IS 'seeded 64-bit hash of a catstats; with seed 0 its low 32 bits are catstats_hash';

CREATE OPERATOR = (
	LEFTARG = catstats, RIGHTARG = catstats, PROCEDURE = catstats_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR <> (
	LEFTARG = catstats, RIGHTARG = catstats, PROCEDURE = catstats_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR < (
	LEFTARG = catstats, RIGHTARG = catstats, PROCEDURE = catstats_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
	LEFTARG = catstats, RIGHTARG = catstats, PROCEDURE = catstats_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
	LEFTARG = catstats, RIGHTARG = catstats, PROCEDURE = catstats_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
	LEFTARG = catstats, RIGHTARG = catstats, PROCEDURE = catstats_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS catstats_ops
	DEFAULT FOR TYPE catstats USING btree AS
		OPERATOR 1 <,
		OPERATOR 2 <=,
		OPERATOR 3 =,
		OPERATOR 4 >=,
		OPERATOR 5 >,
		FUNCTION 1 catstats_cmp(catstats, catstats);

CREATE OPERATOR CLASS catstats_hash_ops
	DEFAULT FOR TYPE catstats USING hash AS
		OPERATOR 1 =,
		FUNCTION 1 catstats_hash(catstats),
		FUNCTION 2 catstats_hash_extended(catstats, bigint);

--------------------------------------------------------------------------------
-- Word similarity of Korean text (doc/hangul.md, "Word similarity"): how
-- well a query matches the best part of a text, the <%% and %%> operators
-- with their threshold jobs_ext.hangul_word_similarity_threshold, and
-- gin_hangul_ops support for %%> (strategy 3)

CREATE FUNCTION hangul_word_similarity(query text, t text) RETURNS real
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hangul_word_similarity(text, text) IS 'greatest similarity in [0, 1] of the query''s jamo trigrams to those of a contiguous part of the text (1 when the query occurs in it); ignores normalisation form, spacing and case';
CREATE FUNCTION hangul_word_similarity_op(text, text) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hangul_word_similarity_op(text, text) IS 'implementation of <%% operator: hangul_word_similarity(query, text) at least jobs_ext.hangul_word_similarity_threshold';
CREATE FUNCTION hangul_word_similarity_commutator_op(text, text) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hangul_word_similarity_commutator_op(text, text) IS 'implementation of %%> operator: hangul_word_similarity(query, text) at least jobs_ext.hangul_word_similarity_threshold, text on the left';

CREATE OPERATOR <%% (
	LEFTARG = text, RIGHTARG = text, PROCEDURE = hangul_word_similarity_op,
	COMMUTATOR = %%>, RESTRICT = contsel, JOIN = contjoinsel
);
COMMENT ON OPERATOR <%% (text, text) IS 'is the query (left) word-similar to the text: hangul_word_similarity at least jobs_ext.hangul_word_similarity_threshold?';
CREATE OPERATOR %%> (
	LEFTARG = text, RIGHTARG = text, PROCEDURE = hangul_word_similarity_commutator_op,
	COMMUTATOR = <%%, RESTRICT = contsel, JOIN = contjoinsel
);
COMMENT ON OPERATOR %%> (text, text) IS 'commutator of <%%: is the query (right) word-similar to the text?';

ALTER OPERATOR FAMILY gin_hangul_ops USING gin ADD
	OPERATOR 3 %%> (text, text);
COMMENT ON OPERATOR CLASS gin_hangul_ops USING gin IS 'GIN index over text for %% (hangul_similarity), %%> (hangul_word_similarity) and ^% / choseong_match (초성 search)';
COMMENT ON FUNCTION hangul_gin_extract_query(text, internal, int2, internal, internal, internal, internal) IS 'GIN support: keys of a %%, %%> or ^% query';

--------------------------------------------------------------------------------
-- eligwin conditions (doc/eligwin.md, "Conditions: residency and target
-- groups"): eligibility per person
--------------------------------------------------------------------------------
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

--------------------------------------------------------------------------------
-- Comments on the operators, casts, operator classes and families that 1.0
-- and the first blocks of 1.1 left without one (sql/extension.sql checks that
-- every member has a comment)
--------------------------------------------------------------------------------
COMMENT ON OPERATOR = (catstats, catstats) IS 'equal';
COMMENT ON OPERATOR <> (catstats, catstats) IS 'not equal';
COMMENT ON OPERATOR < (catstats, catstats) IS 'less than (in the order of doc/aggregates.md)';
COMMENT ON OPERATOR <= (catstats, catstats) IS 'less than or equal (in the order of doc/aggregates.md)';
COMMENT ON OPERATOR > (catstats, catstats) IS 'greater than (in the order of doc/aggregates.md)';
COMMENT ON OPERATOR >= (catstats, catstats) IS 'greater than or equal (in the order of doc/aggregates.md)';
COMMENT ON OPERATOR = (coverage, coverage) IS 'equal';
COMMENT ON OPERATOR <> (coverage, coverage) IS 'not equal';
COMMENT ON OPERATOR < (coverage, coverage) IS 'less than (in the order of doc/eligwin.md)';
COMMENT ON OPERATOR <= (coverage, coverage) IS 'less than or equal (in the order of doc/eligwin.md)';
COMMENT ON OPERATOR > (coverage, coverage) IS 'greater than (in the order of doc/eligwin.md)';
COMMENT ON OPERATOR >= (coverage, coverage) IS 'greater than or equal (in the order of doc/eligwin.md)';
COMMENT ON OPERATOR = (eligwin, eligwin) IS 'equal';
COMMENT ON OPERATOR <> (eligwin, eligwin) IS 'not equal';
COMMENT ON OPERATOR < (eligwin, eligwin) IS 'less than (in the order of doc/eligwin.md)';
COMMENT ON OPERATOR <= (eligwin, eligwin) IS 'less than or equal (in the order of doc/eligwin.md)';
COMMENT ON OPERATOR > (eligwin, eligwin) IS 'greater than (in the order of doc/eligwin.md)';
COMMENT ON OPERATOR >= (eligwin, eligwin) IS 'greater than or equal (in the order of doc/eligwin.md)';
COMMENT ON OPERATOR = (jobcat, jobcat) IS 'equal';
COMMENT ON OPERATOR <> (jobcat, jobcat) IS 'not equal';
COMMENT ON OPERATOR < (jobcat, jobcat) IS 'less than (the taxonomy''s pre-order)';
COMMENT ON OPERATOR <= (jobcat, jobcat) IS 'less than or equal (the taxonomy''s pre-order)';
COMMENT ON OPERATOR > (jobcat, jobcat) IS 'greater than (the taxonomy''s pre-order)';
COMMENT ON OPERATOR >= (jobcat, jobcat) IS 'greater than or equal (the taxonomy''s pre-order)';
COMMENT ON OPERATOR = (jobprofile, jobprofile) IS 'equal';
COMMENT ON OPERATOR <> (jobprofile, jobprofile) IS 'not equal';
COMMENT ON OPERATOR < (jobprofile, jobprofile) IS 'less than (in the order of doc/matching.md)';
COMMENT ON OPERATOR <= (jobprofile, jobprofile) IS 'less than or equal (in the order of doc/matching.md)';
COMMENT ON OPERATOR > (jobprofile, jobprofile) IS 'greater than (in the order of doc/matching.md)';
COMMENT ON OPERATOR >= (jobprofile, jobprofile) IS 'greater than or equal (in the order of doc/matching.md)';
COMMENT ON OPERATOR = (peopleset, peopleset) IS 'equal';
COMMENT ON OPERATOR <> (peopleset, peopleset) IS 'not equal';
COMMENT ON OPERATOR < (peopleset, peopleset) IS 'less than (in the order of doc/aggregates.md)';
COMMENT ON OPERATOR <= (peopleset, peopleset) IS 'less than or equal (in the order of doc/aggregates.md)';
COMMENT ON OPERATOR > (peopleset, peopleset) IS 'greater than (in the order of doc/aggregates.md)';
COMMENT ON OPERATOR >= (peopleset, peopleset) IS 'greater than or equal (in the order of doc/aggregates.md)';
COMMENT ON OPERATOR = (topk_state, topk_state) IS 'equal';
COMMENT ON OPERATOR <> (topk_state, topk_state) IS 'not equal';
COMMENT ON OPERATOR < (topk_state, topk_state) IS 'less than (in the order of doc/matching.md)';
COMMENT ON OPERATOR <= (topk_state, topk_state) IS 'less than or equal (in the order of doc/matching.md)';
COMMENT ON OPERATOR > (topk_state, topk_state) IS 'greater than (in the order of doc/matching.md)';
COMMENT ON OPERATOR >= (topk_state, topk_state) IS 'greater than or equal (in the order of doc/matching.md)';
COMMENT ON OPERATOR && (eligwin, eligwin) IS 'the windows share a day (dates only)';
COMMENT ON OPERATOR * (eligwin, eligwin) IS 'intersection of two windows';
COMMENT ON OPERATOR + (eligwin, eligwin) IS 'union of two windows';
COMMENT ON OPERATOR - (eligwin, eligwin) IS 'the days of the first window not in the second';
COMMENT ON OPERATOR + (peopleset, peopleset) IS 'union of two sets of people';
COMMENT ON OPERATOR <@ (date, eligwin) IS 'the date is a day of the window';
COMMENT ON OPERATOR <@ (eligwin, eligwin) IS 'every day of the first window is in the second';
COMMENT ON OPERATOR <@ (jobcat, jobcat) IS 'descendant-or-self of the category';
COMMENT ON OPERATOR @> (eligwin, date) IS 'the window is open on the date';
COMMENT ON OPERATOR @> (eligwin, eligwin) IS 'every day of the second window is in the first';
COMMENT ON OPERATOR @> (jobcat, jobcat) IS 'ancestor-or-self of the category';
COMMENT ON OPERATOR @> (peopleset, bigint) IS 'the set holds the person';
COMMENT ON CAST (catstats AS text) IS 'text form of a catstats';
COMMENT ON CAST (text AS catstats) IS 'a catstats from its text form';
COMMENT ON CAST (coverage AS text) IS 'text form of a coverage';
COMMENT ON CAST (text AS coverage) IS 'a coverage from its text form';
COMMENT ON CAST (eligwin AS text) IS 'text form of a window';
COMMENT ON CAST (text AS eligwin) IS 'a window from its text form';
COMMENT ON CAST (daterange AS eligwin) IS 'a window of the range''s days';
COMMENT ON CAST (datemultirange AS eligwin) IS 'a window of the multirange''s days';
COMMENT ON CAST (eligwin AS datemultirange) IS 'the window''s days (refused for a window with an age band or conditions)';
COMMENT ON CAST (integer AS jobcat) IS 'the category with that OECD code';
COMMENT ON CAST (jobcat AS integer) IS 'the OECD code of the category';
COMMENT ON CAST (jobcat AS text) IS 'text form of a category (jobs_ext.jobcat_output)';
COMMENT ON CAST (text AS jobcat) IS 'a category from its code, label or alias';
COMMENT ON CAST (jobprofile AS text) IS 'text form of a profile';
COMMENT ON CAST (text AS jobprofile) IS 'a profile from its text form';
COMMENT ON CAST (jobprofile AS jsonb) IS 'a profile as a jsonb object';
COMMENT ON CAST (jsonb AS jobprofile) IS 'a profile from a jsonb object';
COMMENT ON CAST (peopleset AS text) IS 'text form of a set of people';
COMMENT ON CAST (text AS peopleset) IS 'a set of people from its text form';
COMMENT ON CAST (topk_state AS text) IS 'text form of a topk state';
COMMENT ON CAST (text AS topk_state) IS 'a topk state from its text form';
COMMENT ON OPERATOR CLASS catstats_ops USING btree IS 'btree order of catstats (doc/aggregates.md)';
COMMENT ON OPERATOR CLASS catstats_hash_ops USING hash IS 'hashing of catstats: equal values hash alike';
COMMENT ON OPERATOR FAMILY catstats_ops USING btree IS 'btree order of catstats (doc/aggregates.md)';
COMMENT ON OPERATOR FAMILY catstats_hash_ops USING hash IS 'hashing of catstats: equal values hash alike';
COMMENT ON OPERATOR CLASS coverage_ops USING btree IS 'btree order of coverage (doc/eligwin.md)';
COMMENT ON OPERATOR CLASS coverage_hash_ops USING hash IS 'hashing of coverage: equal values hash alike';
COMMENT ON OPERATOR FAMILY coverage_ops USING btree IS 'btree order of coverage (doc/eligwin.md)';
COMMENT ON OPERATOR FAMILY coverage_hash_ops USING hash IS 'hashing of coverage: equal values hash alike';
COMMENT ON OPERATOR CLASS eligwin_ops USING btree IS 'btree order of eligwin (doc/eligwin.md)';
COMMENT ON OPERATOR CLASS eligwin_hash_ops USING hash IS 'hashing of eligwin: equal values hash alike';
COMMENT ON OPERATOR FAMILY eligwin_ops USING btree IS 'btree order of eligwin (doc/eligwin.md)';
COMMENT ON OPERATOR FAMILY eligwin_hash_ops USING hash IS 'hashing of eligwin: equal values hash alike';
COMMENT ON OPERATOR CLASS jobcat_ops USING btree IS 'btree order of jobcat (doc/jobcat.md)';
COMMENT ON OPERATOR CLASS jobcat_hash_ops USING hash IS 'hashing of jobcat: equal values hash alike';
COMMENT ON OPERATOR FAMILY jobcat_ops USING btree IS 'btree order of jobcat (doc/jobcat.md)';
COMMENT ON OPERATOR FAMILY jobcat_hash_ops USING hash IS 'hashing of jobcat: equal values hash alike';
COMMENT ON OPERATOR CLASS jobprofile_ops USING btree IS 'btree order of jobprofile (doc/matching.md)';
COMMENT ON OPERATOR CLASS jobprofile_hash_ops USING hash IS 'hashing of jobprofile: equal values hash alike';
COMMENT ON OPERATOR FAMILY jobprofile_ops USING btree IS 'btree order of jobprofile (doc/matching.md)';
COMMENT ON OPERATOR FAMILY jobprofile_hash_ops USING hash IS 'hashing of jobprofile: equal values hash alike';
COMMENT ON OPERATOR CLASS peopleset_ops USING btree IS 'btree order of peopleset (doc/aggregates.md)';
COMMENT ON OPERATOR CLASS peopleset_hash_ops USING hash IS 'hashing of peopleset: equal values hash alike';
COMMENT ON OPERATOR FAMILY peopleset_ops USING btree IS 'btree order of peopleset (doc/aggregates.md)';
COMMENT ON OPERATOR FAMILY peopleset_hash_ops USING hash IS 'hashing of peopleset: equal values hash alike';
COMMENT ON OPERATOR CLASS topk_state_ops USING btree IS 'btree order of topk_state (doc/matching.md)';
COMMENT ON OPERATOR CLASS topk_state_hash_ops USING hash IS 'hashing of topk_state: equal values hash alike';
COMMENT ON OPERATOR FAMILY topk_state_ops USING btree IS 'btree order of topk_state (doc/matching.md)';
COMMENT ON OPERATOR FAMILY topk_state_hash_ops USING hash IS 'hashing of topk_state: equal values hash alike';
COMMENT ON OPERATOR CLASS eligwin_gist_ops USING gist IS 'GiST index of windows for @>, <@ and && (dates only)';
COMMENT ON OPERATOR FAMILY eligwin_gist_ops USING gist IS 'GiST index of windows for @>, <@ and && (dates only)';
COMMENT ON OPERATOR FAMILY gin_hangul_ops USING gin IS 'GIN index over text for %%, %%> and ^%';

-- romanize styles (issue 12, item 1): romanize(text, style).  romanize(text)
-- of 1.0 stays as it is (views that call it keep working) and is the 'word'
-- style; the style is a second function rather than a DEFAULT, which would
-- make a one-argument call ambiguous between the two.
CREATE FUNCTION romanize(text, style text) RETURNS text
	AS 'MODULE_PATHNAME', 'romanize_style' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION romanize(text, text) IS 'Revised Romanization of Korean (2000) in a style: word (= romanize(text)), word-hyphen, name, name-hyphen (Article 4: 한복남 -> Han Boknam), place (Article 5: 의정부시 -> Uijeongbu-si), translit (Article 8: 짚 -> jip)';

--------------------------------------------------------------------------------
-- Taxonomy fidelity (issue 11, jobcat): Eurostat's numbering and the aliases,
-- each with the node it reads as and why (doc/jobcat.md)
--------------------------------------------------------------------------------

CREATE FUNCTION jobcat_eurostat(
	OUT eurostat text, OUT code jobcat, OUT title text, OUT note text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'jobcat_eurostat_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 36;
COMMENT ON FUNCTION jobcat_eurostat() IS 'Eurostat''s numbers of the LMP categories (''eurostat:1.2''), each with the category it reads as, Eurostat''s title and why';
CREATE FUNCTION jobcat_aliases(OUT alias text, OUT code jobcat, OUT note text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'jobcat_aliases_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 55;
COMMENT ON FUNCTION jobcat_aliases() IS 'the other names jobcat input takes (programme names, the ministry''s forms), each with its category and why';

--------------------------------------------------------------------------------
-- Function forms of the Korean search operators (issue 12, Python clients):
-- pyformat drivers turn %% into %, so hangul_similar(a, b) is a %% b and
-- hangul_word_similar(query, t) is query <%% t, each served by a
-- gin_hangul_ops index through its planner support (doc/hangul.md)
--------------------------------------------------------------------------------

CREATE FUNCTION hangul_similar_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hangul_similar_support(internal) IS 'planner support: lets hangul_similar(col, text) and hangul_similar(text, col) use a gin_hangul_ops index';
CREATE FUNCTION hangul_similar(a text, b text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'hangul_similarity_op' LANGUAGE C STABLE STRICT PARALLEL SAFE
	SUPPORT hangul_similar_support;
COMMENT ON FUNCTION hangul_similar(text, text) IS 'a %% b as a function, for clients that cannot write %: hangul_similarity at least jobs_ext.hangul_similarity_threshold';

CREATE FUNCTION hangul_word_similar_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hangul_word_similar_support(internal) IS 'planner support: lets hangul_word_similar(query, col) use a gin_hangul_ops index';
CREATE FUNCTION hangul_word_similar(query text, t text) RETURNS boolean
	AS 'MODULE_PATHNAME', 'hangul_word_similarity_op' LANGUAGE C STABLE STRICT PARALLEL SAFE
	SUPPORT hangul_word_similar_support;
COMMENT ON FUNCTION hangul_word_similar(text, text) IS 'query <%% t (t %%> query) as a function, for clients that cannot write %: hangul_word_similarity at least jobs_ext.hangul_word_similarity_threshold';

--------------------------------------------------------------------------------
-- matching at scale (issue 14, items 1 and 4): match_batch with every row
-- explained, and which factor decided each top-1 (doc/matching.md)
--------------------------------------------------------------------------------

-- PARALLEL RESTRICTED, as match_batch: either relation may be temporary.
CREATE FUNCTION match_batch_explain(
	seekers regclass,
	postings regclass,
	k integer,
	weights jsonb DEFAULT NULL,
	by_posting boolean DEFAULT false,
	id_column name DEFAULT 'id',
	profile_column name DEFAULT 'profile')
	RETURNS TABLE (seeker_id bigint, posting_id bigint, rank integer, score real, explanation jsonb)
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION match_batch_explain(regclass, regclass, integer, jsonb, boolean, name, name) IS 'the rows of match_batch, each with its match_explain';
CREATE FUNCTION match_deciding_factor(a jsonb, b jsonb) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION match_deciding_factor(jsonb, jsonb) IS 'of two match_explain results, the factor whose contribution gained most for the higher score (or target_groups, or tie)';
CREATE FUNCTION match_factor_summary(
	seekers regclass,
	postings regclass,
	weights jsonb DEFAULT NULL,
	by_posting boolean DEFAULT false,
	id_column name DEFAULT 'id',
	profile_column name DEFAULT 'profile')
	RETURNS TABLE (factor text, decided bigint, share double precision, mean_difference double precision)
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION match_factor_summary(regclass, regclass, jsonb, boolean, name, name) IS 'for each factor, how often it decided a seeker''s top-1 against the runner-up (by_posting: a posting''s), and its mean share of the margin';

--------------------------------------------------------------------------------
-- Thresholds written in the query (issue 13, item 3): hangul_query carries a
-- search text with its own threshold, so %% and %%> read no setting (a
-- Citus worker sees only what the query says), and the three-argument
-- function forms use a gin_hangul_ops index through them (doc/hangul.md)
--------------------------------------------------------------------------------

CREATE TYPE hangul_query AS (query text, threshold real);
COMMENT ON TYPE hangul_query IS 'a search text with its own similarity threshold (0 to 1): the right side of %% and %%> that reads no setting';

CREATE FUNCTION hangul_similarity_query_op(text, hangul_query) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hangul_similarity_query_op(text, hangul_query) IS 'implementation of text %% hangul_query: hangul_similarity(text, q.query) at least q.threshold';
CREATE OPERATOR %% (
	LEFTARG = text, RIGHTARG = hangul_query, PROCEDURE = hangul_similarity_query_op,
	RESTRICT = contsel, JOIN = contjoinsel
);
COMMENT ON OPERATOR %% (text, hangul_query) IS 'is hangul_similarity at least the threshold written in the query?';

CREATE FUNCTION hangul_word_similarity_query_op(text, hangul_query) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hangul_word_similarity_query_op(text, hangul_query) IS 'implementation of text %%> hangul_query: hangul_word_similarity(q.query, text) at least q.threshold';
CREATE OPERATOR %%> (
	LEFTARG = text, RIGHTARG = hangul_query, PROCEDURE = hangul_word_similarity_query_op,
	RESTRICT = contsel, JOIN = contjoinsel
);
COMMENT ON OPERATOR %%> (text, hangul_query) IS 'is the query word-similar to the text, at least at the threshold written in the query?';

ALTER OPERATOR FAMILY gin_hangul_ops USING gin ADD
	OPERATOR 4 %% (text, hangul_query),
	OPERATOR 5 %%> (text, hangul_query);
COMMENT ON OPERATOR FAMILY gin_hangul_ops USING gin IS 'GIN index over text for %% and %%> (with the setting''s threshold or a hangul_query''s) and ^%';
COMMENT ON FUNCTION hangul_gin_extract_query(text, internal, int2, internal, internal, internal, internal) IS 'GIN support: keys of a %%, %%> or ^% query (text or hangul_query)';

CREATE FUNCTION hangul_similar_threshold_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hangul_similar_threshold_support(internal) IS 'planner support: lets hangul_similar(col, text, threshold) and hangul_similar(text, col, threshold) use a gin_hangul_ops index';
CREATE FUNCTION hangul_similar(a text, b text, threshold real) RETURNS boolean
	AS 'MODULE_PATHNAME', 'hangul_similar_threshold' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT hangul_similar_threshold_support;
COMMENT ON FUNCTION hangul_similar(text, text, real) IS 'is hangul_similarity(a, b) at least threshold? (reads no setting; served by a gin_hangul_ops index as a %% (b, threshold)::hangul_query)';

CREATE FUNCTION hangul_word_similar_threshold_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hangul_word_similar_threshold_support(internal) IS 'planner support: lets hangul_word_similar(query, col, threshold) use a gin_hangul_ops index';
CREATE FUNCTION hangul_word_similar(query text, t text, threshold real) RETURNS boolean
	AS 'MODULE_PATHNAME', 'hangul_word_similar_threshold' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT hangul_word_similar_threshold_support;
COMMENT ON FUNCTION hangul_word_similar(text, text, real) IS 'is hangul_word_similarity(query, t) at least threshold? (reads no setting; served by a gin_hangul_ops index as t %%> (query, threshold)::hangul_query)';

--------------------------------------------------------------------------------
-- issue 13: eligwin_exact_ops
-- A second GiST operator class for eligwin, chosen by name: its leaf keys are
-- the whole window, so leaf tests are exact (never rechecked on the table)
-- and the fetch function returns the window for index-only scans.  Inner
-- keys, union, penalty and picksplit are the default class's
-- (doc/eligwin.md, "Choosing the operator class").
--------------------------------------------------------------------------------
CREATE FUNCTION eligwin_gist_exact_consistent(internal, eligwin, smallint, oid, internal) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_gist_exact_compress(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_gist_exact_fetch(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_gist_exact_same(eligwin, eligwin, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION eligwin_gist_exact_consistent(internal, eligwin, smallint, oid, internal) IS 'GiST support of eligwin_exact_ops: a leaf key is tested by the operator''s own code, never rechecked';
COMMENT ON FUNCTION eligwin_gist_exact_compress(internal) IS 'GiST support of eligwin_exact_ops: the leaf key is the whole window (at most 8016 bytes: 1,000 intervals without conditions)';
COMMENT ON FUNCTION eligwin_gist_exact_fetch(internal) IS 'GiST support of eligwin_exact_ops: the window of a leaf key, for index-only scans';
COMMENT ON FUNCTION eligwin_gist_exact_same(eligwin, eligwin, internal) IS 'GiST support of eligwin_exact_ops: keys equal byte for byte';

CREATE OPERATOR CLASS eligwin_exact_ops
	FOR TYPE eligwin USING gist AS
		OPERATOR 3 && (eligwin, eligwin),
		OPERATOR 7 @> (eligwin, eligwin),
		OPERATOR 16 @> (eligwin, date),
		FUNCTION 1 eligwin_gist_exact_consistent(internal, eligwin, smallint, oid, internal),
		FUNCTION 2 eligwin_gist_union(internal, internal),
		FUNCTION 3 eligwin_gist_exact_compress(internal),
		FUNCTION 5 eligwin_gist_penalty(internal, internal, internal),
		FUNCTION 6 eligwin_gist_picksplit(internal, internal),
		FUNCTION 7 eligwin_gist_exact_same(eligwin, eligwin, internal),
		FUNCTION 9 eligwin_gist_exact_fetch(internal);
COMMENT ON OPERATOR CLASS eligwin_exact_ops USING gist IS 'GiST index of whole windows for @>, <@ and && (dates only): exact leaf tests and index-only scans';
COMMENT ON OPERATOR FAMILY eligwin_exact_ops USING gist IS 'GiST index of whole windows for @>, <@ and && (dates only): exact leaf tests and index-only scans';
