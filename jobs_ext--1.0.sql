/* jobs_ext--1.0.sql: employment-programme analytics for PostgreSQL */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION jobs_ext" to load this file. \quit

--------------------------------------------------------------------------------
-- jobcat: a programme category of the OECD/Eurostat LMP taxonomy
--------------------------------------------------------------------------------

CREATE TYPE jobcat;

CREATE FUNCTION jobcat_in(cstring) RETURNS jobcat
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION jobcat_out(jobcat) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION jobcat_recv(internal) RETURNS jobcat
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION jobcat_send(jobcat) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE jobcat (
	INPUT = jobcat_in,
	OUTPUT = jobcat_out,
	RECEIVE = jobcat_recv,
	SEND = jobcat_send,
	INTERNALLENGTH = 2,
	PASSEDBYVALUE,
	ALIGNMENT = int2,
	STORAGE = plain
);
COMMENT ON FUNCTION jobcat_in(cstring) IS 'text input of jobcat: OECD code, Eurostat code, Korean or English label, or alias';
COMMENT ON FUNCTION jobcat_out(jobcat) IS 'text output of jobcat, in the form jobs_ext.jobcat_output selects';
COMMENT ON FUNCTION jobcat_recv(internal) IS 'binary input of jobcat: the OECD code as int2';
COMMENT ON FUNCTION jobcat_send(jobcat) IS 'binary output of jobcat: the OECD code as int2';
COMMENT ON TYPE jobcat IS 'programme category of the OECD/Eurostat labour-market-policy taxonomy, with Korean and English labels';

-- casts
CREATE FUNCTION jobcat(integer) RETURNS jobcat
	AS 'MODULE_PATHNAME', 'jobcat_from_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobcat(integer) IS 'category with the given OECD code';
CREATE FUNCTION jobcat_code(jobcat) RETURNS integer
	AS 'MODULE_PATHNAME', 'jobcat_to_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobcat_code(jobcat) IS 'OECD code of the category';

CREATE CAST (integer AS jobcat) WITH FUNCTION jobcat(integer);
CREATE CAST (jobcat AS integer) WITH FUNCTION jobcat_code(jobcat);
CREATE CAST (text AS jobcat) WITH INOUT AS ASSIGNMENT;
CREATE CAST (jobcat AS text) WITH INOUT AS ASSIGNMENT;

-- comparison in taxonomy pre-order
CREATE FUNCTION jobcat_eq(jobcat, jobcat) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION jobcat_ne(jobcat, jobcat) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION jobcat_lt(jobcat, jobcat) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION jobcat_le(jobcat, jobcat) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION jobcat_gt(jobcat, jobcat) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION jobcat_ge(jobcat, jobcat) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION jobcat_cmp(jobcat, jobcat) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION jobcat_sortsupport(internal) RETURNS void
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION jobcat_hash(jobcat) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION jobcat_hash_extended(jobcat, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION jobcat_eq(jobcat, jobcat) IS 'implementation of = operator';
COMMENT ON FUNCTION jobcat_ne(jobcat, jobcat) IS 'implementation of <> operator';
COMMENT ON FUNCTION jobcat_lt(jobcat, jobcat) IS 'implementation of < operator';
COMMENT ON FUNCTION jobcat_le(jobcat, jobcat) IS 'implementation of <= operator';
COMMENT ON FUNCTION jobcat_gt(jobcat, jobcat) IS 'implementation of > operator';
COMMENT ON FUNCTION jobcat_ge(jobcat, jobcat) IS 'implementation of >= operator';
COMMENT ON FUNCTION jobcat_cmp(jobcat, jobcat) IS 'taxonomy pre-order comparison: -1, 0 or 1';
COMMENT ON FUNCTION jobcat_sortsupport(internal) IS 'sort support for jobcat';
COMMENT ON FUNCTION jobcat_hash(jobcat) IS 'hash of a category';
COMMENT ON FUNCTION jobcat_hash_extended(jobcat, bigint) IS 'seeded 64-bit hash of a category';

CREATE OPERATOR = (
	LEFTARG = jobcat, RIGHTARG = jobcat, PROCEDURE = jobcat_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR <> (
	LEFTARG = jobcat, RIGHTARG = jobcat, PROCEDURE = jobcat_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR < (
	LEFTARG = jobcat, RIGHTARG = jobcat, PROCEDURE = jobcat_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
	LEFTARG = jobcat, RIGHTARG = jobcat, PROCEDURE = jobcat_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
	LEFTARG = jobcat, RIGHTARG = jobcat, PROCEDURE = jobcat_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
	LEFTARG = jobcat, RIGHTARG = jobcat, PROCEDURE = jobcat_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS jobcat_ops
	DEFAULT FOR TYPE jobcat USING btree AS
		OPERATOR 1 <,
		OPERATOR 2 <=,
		OPERATOR 3 =,
		OPERATOR 4 >=,
		OPERATOR 5 >,
		FUNCTION 1 jobcat_cmp(jobcat, jobcat),
		FUNCTION 2 jobcat_sortsupport(internal);

CREATE OPERATOR CLASS jobcat_hash_ops
	DEFAULT FOR TYPE jobcat USING hash AS
		OPERATOR 1 =,
		FUNCTION 1 jobcat_hash(jobcat),
		FUNCTION 2 jobcat_hash_extended(jobcat, bigint);

CREATE FUNCTION jobcat_smaller(jobcat, jobcat) RETURNS jobcat
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION jobcat_larger(jobcat, jobcat) RETURNS jobcat
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobcat_smaller(jobcat, jobcat) IS 'the category that sorts first';
COMMENT ON FUNCTION jobcat_larger(jobcat, jobcat) IS 'the category that sorts last';
CREATE AGGREGATE min(jobcat) (
	SFUNC = jobcat_smaller, STYPE = jobcat, COMBINEFUNC = jobcat_smaller,
	SORTOP = <, PARALLEL = SAFE
);
CREATE AGGREGATE max(jobcat) (
	SFUNC = jobcat_larger, STYPE = jobcat, COMBINEFUNC = jobcat_larger,
	SORTOP = >, PARALLEL = SAFE
);
COMMENT ON AGGREGATE min(jobcat) IS 'first category in taxonomy order';
COMMENT ON AGGREGATE max(jobcat) IS 'last category in taxonomy order';

-- the taxonomy
CREATE FUNCTION jobcat_contains(jobcat, jobcat) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION jobcat_contained(jobcat, jobcat) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobcat_contains(jobcat, jobcat) IS 'is the first category an ancestor of the second, or the same?';
COMMENT ON FUNCTION jobcat_contained(jobcat, jobcat) IS 'is the first category a descendant of the second, or the same?';

CREATE OPERATOR @> (
	LEFTARG = jobcat, RIGHTARG = jobcat, PROCEDURE = jobcat_contains,
	COMMUTATOR = <@, RESTRICT = contsel, JOIN = contjoinsel
);
CREATE OPERATOR <@ (
	LEFTARG = jobcat, RIGHTARG = jobcat, PROCEDURE = jobcat_contained,
	COMMUTATOR = @>, RESTRICT = contsel, JOIN = contjoinsel
);

CREATE FUNCTION jobcat_parent(jobcat) RETURNS jobcat
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobcat_parent(jobcat) IS 'parent category, NULL at the top of the taxonomy';
CREATE FUNCTION jobcat_level(jobcat) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobcat_level(jobcat) IS 'depth in the taxonomy: 1 for the top categories';
CREATE FUNCTION jobcat_top(jobcat) RETURNS jobcat
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobcat_top(jobcat) IS 'top-level ancestor (the category itself at the top)';
CREATE FUNCTION jobcat_label(c jobcat, lang text DEFAULT 'ko') RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobcat_label(jobcat, text) IS 'label of the category in Korean (''ko'', the default) or English (''en'')';
CREATE FUNCTION jobcat_taxonomy(
	OUT code jobcat, OUT parent jobcat, OUT level integer,
	OUT label_ko text, OUT label_en text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 31;
COMMENT ON FUNCTION jobcat_taxonomy() IS 'the whole category tree in pre-order, for joins from BI tools';

--------------------------------------------------------------------------------
-- peopleset: an exact set of person numbers; people(bigint) counts distinct
-- people, in parallel and across Citus nodes
--------------------------------------------------------------------------------

CREATE TYPE peopleset;

CREATE FUNCTION peopleset_in(cstring) RETURNS peopleset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION peopleset_out(peopleset) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION peopleset_recv(internal) RETURNS peopleset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION peopleset_send(peopleset) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE peopleset (
	INPUT = peopleset_in,
	OUTPUT = peopleset_out,
	RECEIVE = peopleset_recv,
	SEND = peopleset_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE peopleset IS 'exact set of person numbers (bigint); text form {1,2,5..9}; state of people(bigint)';

COMMENT ON FUNCTION peopleset_in(cstring) IS 'text input of peopleset: ascending numbers and ranges in braces';
COMMENT ON FUNCTION peopleset_out(peopleset) IS 'text output of peopleset, normalised';
COMMENT ON FUNCTION peopleset_recv(internal) IS 'binary input of peopleset, fully checked';
COMMENT ON FUNCTION peopleset_send(peopleset) IS 'binary output of peopleset: version byte, int4 count, ascending int8';

CREATE FUNCTION peopleset(bytea) RETURNS peopleset
	AS 'MODULE_PATHNAME', 'peopleset_from_bytea' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION peopleset(bytea) IS 'peopleset from its binary form (as peopleset_send writes it), checked as binary input is';

-- aggregate support
CREATE FUNCTION peopleset_add(peopleset, bigint) RETURNS peopleset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION peopleset_add(peopleset, bigint) IS 'transition function of people(bigint) and peopleset_agg(bigint): adds a person in place';
CREATE FUNCTION peopleset_combine(peopleset, peopleset) RETURNS peopleset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION peopleset_combine(peopleset, peopleset) IS 'combine function of the peopleset aggregates: union in place';
CREATE FUNCTION peopleset_final(peopleset) RETURNS peopleset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION peopleset_final(peopleset) IS 'final function of peopleset_agg and people_merge: the normalised set, {} for no rows';
CREATE FUNCTION peopleset_people_final(peopleset) RETURNS bigint
	AS 'MODULE_PATHNAME', 'peopleset_cardinality' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION peopleset_people_final(peopleset) IS 'final function of people(bigint): the number of people, 0 for no rows';

CREATE AGGREGATE people(bigint) (
	SFUNC = peopleset_add,
	STYPE = peopleset,
	FINALFUNC = peopleset_people_final,
	COMBINEFUNC = peopleset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE people(bigint) IS 'number of distinct people (실인원): exact, parallel, 0 for no rows; NULLs are ignored';

CREATE AGGREGATE peopleset_agg(bigint) (
	SFUNC = peopleset_add,
	STYPE = peopleset,
	FINALFUNC = peopleset_final,
	COMBINEFUNC = peopleset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE peopleset_agg(bigint) IS 'the set of distinct people, to store and merge later; NULLs are ignored';

CREATE AGGREGATE people_merge(peopleset) (
	SFUNC = peopleset_combine,
	STYPE = peopleset,
	FINALFUNC = peopleset_final,
	COMBINEFUNC = peopleset_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE people_merge(peopleset) IS 'union of stored people sets; NULLs are ignored';

-- functions
CREATE FUNCTION people(peopleset) RETURNS bigint
	AS 'MODULE_PATHNAME', 'peopleset_cardinality' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION people(peopleset) IS 'number of people in the set';
CREATE FUNCTION cardinality(peopleset) RETURNS bigint
	AS 'MODULE_PATHNAME', 'peopleset_cardinality' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cardinality(peopleset) IS 'number of people in the set';
CREATE FUNCTION unnest(peopleset) RETURNS SETOF bigint
	AS 'MODULE_PATHNAME', 'peopleset_unnest' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION unnest(peopleset) IS 'the people of the set in ascending order';
CREATE FUNCTION peopleset_union(peopleset, peopleset) RETURNS peopleset
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION peopleset_union(peopleset, peopleset) IS 'implementation of + operator: union of two sets';
CREATE FUNCTION peopleset_contains(peopleset, bigint) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION peopleset_contains(peopleset, bigint) IS 'implementation of @> operator: is the person in the set?';
CREATE FUNCTION peopleset_eq(peopleset, peopleset) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION peopleset_eq(peopleset, peopleset) IS 'implementation of = operator';

CREATE OPERATOR + (
	LEFTARG = peopleset, RIGHTARG = peopleset, PROCEDURE = peopleset_union,
	COMMUTATOR = +
);
CREATE OPERATOR @> (
	LEFTARG = peopleset, RIGHTARG = bigint, PROCEDURE = peopleset_contains
);
CREATE OPERATOR = (
	LEFTARG = peopleset, RIGHTARG = peopleset, PROCEDURE = peopleset_eq,
	COMMUTATOR = =, RESTRICT = eqsel, JOIN = eqjoinsel
);

CREATE CAST (text AS peopleset) WITH INOUT AS ASSIGNMENT;
CREATE CAST (peopleset AS text) WITH INOUT AS ASSIGNMENT;

--------------------------------------------------------------------------------
-- catstats: enrolments (연인원) and distinct people (실인원) per category,
-- rolled up the jobcat taxonomy
--------------------------------------------------------------------------------

CREATE TYPE catstats;

CREATE FUNCTION catstats_in(cstring) RETURNS catstats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION catstats_out(catstats) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION catstats_recv(internal) RETURNS catstats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION catstats_send(catstats) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE catstats (
	INPUT = catstats_in,
	OUTPUT = catstats_out,
	RECEIVE = catstats_recv,
	SEND = catstats_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE catstats IS 'enrolments and distinct people per programme category, rolled up the taxonomy; text form {code:enrolments:{people},...}';

COMMENT ON FUNCTION catstats_in(cstring) IS 'text input of catstats, fully checked';
COMMENT ON FUNCTION catstats_out(catstats) IS 'text output of catstats, normalised';
COMMENT ON FUNCTION catstats_recv(internal) IS 'binary input of catstats, fully checked';
COMMENT ON FUNCTION catstats_send(catstats) IS 'binary output of catstats';

CREATE FUNCTION catstats(bytea) RETURNS catstats
	AS 'MODULE_PATHNAME', 'catstats_from_bytea' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION catstats(bytea) IS 'catstats from its binary form (as catstats_send writes it), checked as binary input is';

-- aggregate support
CREATE FUNCTION catstats_add(catstats, bigint, jobcat) RETURNS catstats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION catstats_add(catstats, bigint, jobcat) IS 'transition function of catstats(bigint, jobcat): counts an enrolment in place';
CREATE FUNCTION catstats_combine(catstats, catstats) RETURNS catstats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION catstats_combine(catstats, catstats) IS 'combine function of the catstats aggregates: adds one value to another in place';
CREATE FUNCTION catstats_final(catstats) RETURNS catstats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION catstats_final(catstats) IS 'final function of the catstats aggregates: the normalised value, {} for no rows';

CREATE AGGREGATE catstats(person bigint, category jobcat) (
	SFUNC = catstats_add,
	STYPE = catstats,
	FINALFUNC = catstats_final,
	COMBINEFUNC = catstats_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE catstats(bigint, jobcat) IS 'enrolments and distinct people per category and its ancestors, and distinct people overall; rows with a NULL person or category are skipped';

CREATE AGGREGATE catstats_merge(catstats) (
	SFUNC = catstats_combine,
	STYPE = catstats,
	FINALFUNC = catstats_final,
	COMBINEFUNC = catstats_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE catstats_merge(catstats) IS 'sum of stored catstats values (enrolments add up, people are united); NULLs are ignored';

-- reading a catstats value
CREATE FUNCTION people(catstats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'catstats_people' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION people(catstats) IS 'distinct people over all categories (실인원)';
CREATE FUNCTION enrolments(catstats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'catstats_enrolments' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION enrolments(catstats) IS 'enrolments over all categories (연인원)';
CREATE FUNCTION peopleset(catstats) RETURNS peopleset
	AS 'MODULE_PATHNAME', 'catstats_peopleset' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION peopleset(catstats) IS 'the distinct people over all categories, as a set';
CREATE FUNCTION unnest(catstats,
	OUT category jobcat, OUT label text, OUT enrolments bigint, OUT people bigint)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'catstats_unnest' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 31;
COMMENT ON FUNCTION unnest(catstats) IS 'per category seen and each of its ancestors, in taxonomy order: Korean label, enrolments and distinct people';
CREATE FUNCTION to_jsonb(catstats) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'catstats_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION to_jsonb(catstats) IS 'totals and per-category roll-up as jsonb';

CREATE CAST (text AS catstats) WITH INOUT AS ASSIGNMENT;
CREATE CAST (catstats AS text) WITH INOUT AS ASSIGNMENT;
