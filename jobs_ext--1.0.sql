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
-- jobprofile: what a job seeker offers or a posting asks (doc/matching.md)
--------------------------------------------------------------------------------

CREATE TYPE jobprofile;

CREATE FUNCTION jobprofile_in(cstring) RETURNS jobprofile
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION jobprofile_out(jobprofile) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION jobprofile_recv(internal) RETURNS jobprofile
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION jobprofile_send(jobprofile) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_in(cstring) IS 'text input of jobprofile';
COMMENT ON FUNCTION jobprofile_out(jobprofile) IS 'text output of jobprofile';
COMMENT ON FUNCTION jobprofile_recv(internal) IS 'binary input of jobprofile';
COMMENT ON FUNCTION jobprofile_send(jobprofile) IS 'binary output of jobprofile';

CREATE TYPE jobprofile (
	INPUT = jobprofile_in,
	OUTPUT = jobprofile_out,
	RECEIVE = jobprofile_recv,
	SEND = jobprofile_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE jobprofile IS 'what a job seeker offers or a posting asks: occupation, skills, region, wage, hours, shifts, education, experience, target groups';

CREATE FUNCTION jobprofile_from_binary(bytea) RETURNS jobprofile
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_from_binary(bytea) IS 'decode the binary form that jobprofile_send (and binary COPY) produce';

-- constructors
CREATE FUNCTION jobprofile(
	occupation text DEFAULT NULL,
	skills text[] DEFAULT NULL,
	region text DEFAULT NULL,
	wage integer DEFAULT NULL,
	hours integer DEFAULT NULL,
	latitude double precision DEFAULT NULL,
	longitude double precision DEFAULT NULL,
	shifts text[] DEFAULT NULL,
	education text DEFAULT NULL,
	experience integer DEFAULT NULL,
	target_groups text[] DEFAULT NULL,
	skill_weights real[] DEFAULT NULL)
	RETURNS jobprofile
	AS 'MODULE_PATHNAME', 'jobprofile_make' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile(text, text[], text, integer, integer, double precision, double precision, text[], text, integer, text[], real[]) IS 'profile from its parts; every part is optional (NULL = not given)';

CREATE FUNCTION jobprofile(jsonb) RETURNS jobprofile
	AS 'MODULE_PATHNAME', 'jobprofile_from_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile(jsonb) IS 'profile from a jsonb object whose keys are the constructor''s argument names';
CREATE FUNCTION to_jsonb(jobprofile) RETURNS jsonb
	AS 'MODULE_PATHNAME', 'jobprofile_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION to_jsonb(jobprofile) IS 'profile as a jsonb object whose keys are the constructor''s argument names';

CREATE CAST (jsonb AS jobprofile) WITH FUNCTION jobprofile(jsonb);
CREATE CAST (jobprofile AS jsonb) WITH FUNCTION to_jsonb(jobprofile);
CREATE CAST (text AS jobprofile) WITH INOUT AS ASSIGNMENT;
CREATE CAST (jobprofile AS text) WITH INOUT AS ASSIGNMENT;

-- accessors
CREATE FUNCTION jobprofile_occupation(jobprofile) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_occupation(jobprofile) IS 'occupation code (KECO or WorkNet), NULL when not given';
CREATE FUNCTION jobprofile_skills(jobprofile) RETURNS text[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_skills(jobprofile) IS 'normalised skills in text order, NULL when none';
CREATE FUNCTION jobprofile_skill_weights(jobprofile) RETURNS real[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_skill_weights(jobprofile) IS 'skill weights, in the order of jobprofile_skills';
CREATE FUNCTION jobprofile_region(jobprofile) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_region(jobprofile) IS '10-digit 법정동 code as given, NULL when not given';
CREATE FUNCTION jobprofile_latitude(jobprofile) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_latitude(jobprofile) IS 'latitude in degrees, NULL when not given';
CREATE FUNCTION jobprofile_longitude(jobprofile) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_longitude(jobprofile) IS 'longitude in degrees, NULL when not given';
CREATE FUNCTION jobprofile_wage(jobprofile) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_wage(jobprofile) IS 'monthly wage in KRW: the seeker''s lowest acceptable or the posting''s offer';
CREATE FUNCTION jobprofile_hours(jobprofile) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_hours(jobprofile) IS 'weekly hours, NULL when not given';
CREATE FUNCTION jobprofile_shifts(jobprofile) RETURNS text[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_shifts(jobprofile) IS 'shifts (day, night, rotating, weekend), NULL when none';
CREATE FUNCTION jobprofile_education(jobprofile) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_education(jobprofile) IS 'education level, NULL when not given';
CREATE FUNCTION jobprofile_experience(jobprofile) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_experience(jobprofile) IS 'years of experience, NULL when not given';
CREATE FUNCTION jobprofile_target_groups(jobprofile) RETURNS text[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_target_groups(jobprofile) IS 'target groups, NULL when none';
CREATE FUNCTION jobprofile_size(jobprofile) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jobprofile_size(jobprofile) IS 'stored size of the profile in bytes';

-- equality (values are canonical: equal parts give equal bytes)
CREATE FUNCTION jobprofile_eq(jobprofile, jobprofile) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION jobprofile_ne(jobprofile, jobprofile) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION jobprofile_lt(jobprofile, jobprofile) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION jobprofile_le(jobprofile, jobprofile) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION jobprofile_gt(jobprofile, jobprofile) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION jobprofile_ge(jobprofile, jobprofile) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION jobprofile_cmp(jobprofile, jobprofile) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION jobprofile_hash(jobprofile) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION jobprofile_hash_extended(jobprofile, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION jobprofile_eq(jobprofile, jobprofile) IS 'implementation of = operator';
COMMENT ON FUNCTION jobprofile_ne(jobprofile, jobprofile) IS 'implementation of <> operator';
COMMENT ON FUNCTION jobprofile_lt(jobprofile, jobprofile) IS 'implementation of < operator';
COMMENT ON FUNCTION jobprofile_le(jobprofile, jobprofile) IS 'implementation of <= operator';
COMMENT ON FUNCTION jobprofile_gt(jobprofile, jobprofile) IS 'implementation of > operator';
COMMENT ON FUNCTION jobprofile_ge(jobprofile, jobprofile) IS 'implementation of >= operator';
COMMENT ON FUNCTION jobprofile_cmp(jobprofile, jobprofile) IS 'total order by stored bytes (for sorting, grouping and unique indexes; not a ranking): -1, 0 or 1';
COMMENT ON FUNCTION jobprofile_hash(jobprofile) IS 'hash of a profile';
COMMENT ON FUNCTION jobprofile_hash_extended(jobprofile, bigint) IS 'seeded 64-bit hash of a profile';

CREATE OPERATOR = (
	LEFTARG = jobprofile, RIGHTARG = jobprofile, PROCEDURE = jobprofile_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR <> (
	LEFTARG = jobprofile, RIGHTARG = jobprofile, PROCEDURE = jobprofile_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);

CREATE OPERATOR < (
	LEFTARG = jobprofile, RIGHTARG = jobprofile, PROCEDURE = jobprofile_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
	LEFTARG = jobprofile, RIGHTARG = jobprofile, PROCEDURE = jobprofile_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
	LEFTARG = jobprofile, RIGHTARG = jobprofile, PROCEDURE = jobprofile_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
	LEFTARG = jobprofile, RIGHTARG = jobprofile, PROCEDURE = jobprofile_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS jobprofile_ops
	DEFAULT FOR TYPE jobprofile USING btree AS
		OPERATOR 1 <,
		OPERATOR 2 <=,
		OPERATOR 3 =,
		OPERATOR 4 >=,
		OPERATOR 5 >,
		FUNCTION 1 jobprofile_cmp(jobprofile, jobprofile);

CREATE OPERATOR CLASS jobprofile_hash_ops
	DEFAULT FOR TYPE jobprofile USING hash AS
		OPERATOR 1 =,
		FUNCTION 1 jobprofile_hash(jobprofile),
		FUNCTION 2 jobprofile_hash_extended(jobprofile, bigint);

--------------------------------------------------------------------------------
-- matching: match_score, match_explain, match_batch (doc/matching.md)
--------------------------------------------------------------------------------

-- STABLE: the default weights come from the GUC jobs_ext.match_weights
CREATE FUNCTION match_score(seeker jobprofile, posting jobprofile) RETURNS real
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION match_score(jobprofile, jobprofile) IS 'how well the seeker fits the posting, 0 to 1, with the weights of jobs_ext.match_weights';
CREATE FUNCTION match_score(seeker jobprofile, posting jobprofile, weights jsonb) RETURNS real
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION match_score(jobprofile, jobprofile, jsonb) IS 'how well the seeker fits the posting, 0 to 1; weights not given come from jobs_ext.match_weights';
CREATE FUNCTION match_explain(seeker jobprofile, posting jobprofile) RETURNS jsonb
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION match_explain(jobprofile, jobprofile) IS 'each factor''s similarity, weight and contribution to match_score, and the score';
CREATE FUNCTION match_explain(seeker jobprofile, posting jobprofile, weights jsonb) RETURNS jsonb
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION match_explain(jobprofile, jobprofile, jsonb) IS 'each factor''s similarity, weight and contribution to match_score with these weights, and the score';

-- Reads the two relations with the caller's rights.  PARALLEL RESTRICTED,
-- not SAFE: either relation may be a temporary table, which a parallel
-- worker cannot read.
CREATE FUNCTION match_batch(
	seekers regclass,
	postings regclass,
	k integer,
	weights jsonb DEFAULT NULL,
	by_posting boolean DEFAULT false,
	id_column name DEFAULT 'id',
	profile_column name DEFAULT 'profile')
	RETURNS TABLE (seeker_id bigint, posting_id bigint, rank integer, score real)
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL RESTRICTED;
COMMENT ON FUNCTION match_batch(regclass, regclass, integer, jsonb, boolean, name, name) IS 'each seeker''s k best postings (by_posting: each posting''s k best seekers), as ORDER BY match_score DESC, id LIMIT k would give';

--------------------------------------------------------------------------------
-- topk: the k best (id, score) pairs; its state is a type of its own so
-- Citus can split it across nodes
--------------------------------------------------------------------------------

CREATE TYPE topk_item AS (id bigint, score real);
COMMENT ON TYPE topk_item IS 'one result of topk: an id and its score';

CREATE TYPE topk_state;

CREATE FUNCTION topk_state_in(cstring) RETURNS topk_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION topk_state_out(topk_state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION topk_state_recv(internal) RETURNS topk_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION topk_state_send(topk_state) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION topk_state_in(cstring) IS 'text input of topk_state';
COMMENT ON FUNCTION topk_state_out(topk_state) IS 'text output of topk_state';
COMMENT ON FUNCTION topk_state_recv(internal) IS 'binary input of topk_state';
COMMENT ON FUNCTION topk_state_send(topk_state) IS 'binary output of topk_state';

CREATE TYPE topk_state (
	INPUT = topk_state_in,
	OUTPUT = topk_state_out,
	RECEIVE = topk_state_recv,
	SEND = topk_state_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE topk_state IS 'partial result of topk: k and the best (id, score) pairs so far';

CREATE CAST (text AS topk_state) WITH INOUT AS ASSIGNMENT;
CREATE CAST (topk_state AS text) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION topk_state_from_binary(bytea) RETURNS topk_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION topk_state_from_binary(bytea) IS 'decode the binary form that topk_state_send produces';

CREATE FUNCTION topk_transfn(topk_state, bigint, real, integer) RETURNS topk_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION topk_transfn(topk_state, bigint, real, integer) IS 'transition function of topk';
CREATE FUNCTION topk_combine(topk_state, topk_state) RETURNS topk_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION topk_combine(topk_state, topk_state) IS 'merge two topk states (combine function of topk)';
CREATE FUNCTION topk_final(topk_state) RETURNS topk_item[]
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION topk_final(topk_state) IS 'the pairs of a topk state, best first';

CREATE AGGREGATE topk(id bigint, score real, k integer) (
	SFUNC = topk_transfn,
	STYPE = topk_state,
	COMBINEFUNC = topk_combine,
	FINALFUNC = topk_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE topk(bigint, real, integer) IS 'the k pairs with the highest scores, best first, ties by smaller id';
