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
-- Korean text: normalisation, jamo, 초성 search, similarity, romanisation
--------------------------------------------------------------------------------

CREATE FUNCTION hangul_nfc(text) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hangul_nfc(text) IS 'NFC with decomposed and letter-by-letter jamo composed into syllables, and spacing folded to single spaces';
CREATE FUNCTION jamo(text) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jamo(text) IS 'Hangul spelled out in compatibility jamo: 군산 -> ㄱㅜㄴㅅㅏㄴ';
CREATE FUNCTION choseong(text) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION choseong(text) IS 'initial consonants (초성) of the Hangul syllables: 용접기능사 -> ㅇㅈㄱㄴㅅ';
CREATE FUNCTION romanize(text) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION romanize(text) IS 'Revised Romanization of Korean (2000) with its sound-change rules, as for names: 군산 -> Gunsan';

-- similarity on jamo trigrams, and the %% operator
CREATE FUNCTION hangul_similarity(text, text) RETURNS real
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hangul_similarity(text, text) IS 'similarity in [0, 1] on jamo trigrams, or on initial consonants when either text is only 초성; ignores normalisation form, spacing and case';
CREATE FUNCTION hangul_similarity_op(text, text) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hangul_similarity_op(text, text) IS 'implementation of %% operator: hangul_similarity at least jobs_ext.hangul_similarity_threshold';

CREATE OPERATOR %% (
	LEFTARG = text, RIGHTARG = text, PROCEDURE = hangul_similarity_op,
	COMMUTATOR = %%, RESTRICT = contsel, JOIN = contjoinsel
);
COMMENT ON OPERATOR %% (text, text) IS 'is hangul_similarity at least jobs_ext.hangul_similarity_threshold?';

-- 초성 search
CREATE FUNCTION choseong_match_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION choseong_match_support(internal) IS 'planner support: lets choseong_match(col, pattern) use a gin_hangul_ops index';
CREATE FUNCTION choseong_match(text, pattern text) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT choseong_match_support;
COMMENT ON FUNCTION choseong_match(text, text) IS 'does the text contain the pattern, where a lone consonant stands for any syllable with that initial (ㅇㅈ기 matches 용접기능사)?';

CREATE OPERATOR ^% (
	LEFTARG = text, RIGHTARG = text, PROCEDURE = choseong_match,
	RESTRICT = contsel, JOIN = contjoinsel
);
COMMENT ON OPERATOR ^% (text, text) IS 'choseong_match(): does the text contain the 초성 pattern?';

-- GIN index for %% and 초성 search
CREATE FUNCTION hangul_gin_extract_value(text, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION hangul_gin_extract_query(text, internal, int2, internal, internal, internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION hangul_gin_consistent(internal, int2, text, int4, internal, internal, internal, internal) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION hangul_gin_triconsistent(internal, int2, text, int4, internal, internal, internal) RETURNS "char"
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION hangul_gin_extract_value(text, internal) IS 'GIN support: jamo trigram and 초성 bigram keys of a text';
COMMENT ON FUNCTION hangul_gin_extract_query(text, internal, int2, internal, internal, internal, internal) IS 'GIN support: keys of a %% or ^% query';
COMMENT ON FUNCTION hangul_gin_consistent(internal, int2, text, int4, internal, internal, internal, internal) IS 'GIN support: can a row match, given its keys?';
COMMENT ON FUNCTION hangul_gin_triconsistent(internal, int2, text, int4, internal, internal, internal) IS 'GIN support: can a row match, given its keys (ternary)?';

CREATE OPERATOR CLASS gin_hangul_ops
	FOR TYPE text USING gin AS
		OPERATOR 1 %% (text, text),
		OPERATOR 2 ^% (text, text),
		FUNCTION 1 btint8cmp(int8, int8),
		FUNCTION 2 hangul_gin_extract_value(text, internal),
		FUNCTION 3 hangul_gin_extract_query(text, internal, int2, internal, internal, internal, internal),
		FUNCTION 4 hangul_gin_consistent(internal, int2, text, int4, internal, internal, internal, internal),
		FUNCTION 6 hangul_gin_triconsistent(internal, int2, text, int4, internal, internal, internal),
		STORAGE int8;
COMMENT ON OPERATOR CLASS gin_hangul_ops USING gin IS 'GIN index over text for %% (hangul_similarity) and ^% / choseong_match (초성 search)';
