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
