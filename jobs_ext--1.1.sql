/* jobs_ext--1.1.sql: employment-programme analytics for PostgreSQL */

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
-- eligwin: an eligibility window, a set of date intervals with an age band
--------------------------------------------------------------------------------

CREATE TYPE eligwin;

CREATE FUNCTION eligwin_in(cstring) RETURNS eligwin
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_out(eligwin) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_recv(internal) RETURNS eligwin
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_send(eligwin) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE eligwin (
	INPUT = eligwin_in,
	OUTPUT = eligwin_out,
	RECEIVE = eligwin_recv,
	SEND = eligwin_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON FUNCTION eligwin_in(cstring) IS 'text input of eligwin';
COMMENT ON FUNCTION eligwin_out(eligwin) IS 'text output of eligwin';
COMMENT ON FUNCTION eligwin_recv(internal) IS 'binary input of eligwin, validated like text input';
COMMENT ON FUNCTION eligwin_send(eligwin) IS 'binary output of eligwin';
COMMENT ON TYPE eligwin IS 'eligibility window: a normalised set of inclusive date intervals with an optional age band in completed years';

-- construction and casts
CREATE FUNCTION eligwin(lower date, upper date, min_age integer DEFAULT NULL, max_age integer DEFAULT NULL)
	RETURNS eligwin
	AS 'MODULE_PATHNAME', 'eligwin_construct' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION eligwin(date, date, integer, integer) IS 'window of one interval, both days included (NULL = unbounded), with an optional age band';
CREATE FUNCTION eligwin(daterange) RETURNS eligwin
	AS 'MODULE_PATHNAME', 'eligwin_from_daterange' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION eligwin(daterange) IS 'window of the days of a daterange';
CREATE FUNCTION eligwin(datemultirange) RETURNS eligwin
	AS 'MODULE_PATHNAME', 'eligwin_from_datemultirange' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION eligwin(datemultirange) IS 'window of the days of a datemultirange';
CREATE FUNCTION eligwin_to_datemultirange(eligwin) RETURNS datemultirange
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION eligwin_to_datemultirange(eligwin) IS 'the days of a window without an age band, as a datemultirange';

CREATE CAST (daterange AS eligwin) WITH FUNCTION eligwin(daterange) AS ASSIGNMENT;
CREATE CAST (datemultirange AS eligwin) WITH FUNCTION eligwin(datemultirange) AS ASSIGNMENT;
CREATE CAST (eligwin AS datemultirange) WITH FUNCTION eligwin_to_datemultirange(eligwin);
CREATE CAST (text AS eligwin) WITH INOUT AS ASSIGNMENT;
CREATE CAST (eligwin AS text) WITH INOUT AS ASSIGNMENT;

-- comparison: by intervals, then age band
CREATE FUNCTION eligwin_eq(eligwin, eligwin) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION eligwin_ne(eligwin, eligwin) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION eligwin_lt(eligwin, eligwin) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION eligwin_le(eligwin, eligwin) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION eligwin_gt(eligwin, eligwin) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION eligwin_ge(eligwin, eligwin) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION eligwin_cmp(eligwin, eligwin) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION eligwin_hash(eligwin) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION eligwin_hash_extended(eligwin, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION eligwin_eq(eligwin, eligwin) IS 'implementation of = operator';
COMMENT ON FUNCTION eligwin_ne(eligwin, eligwin) IS 'implementation of <> operator';
COMMENT ON FUNCTION eligwin_lt(eligwin, eligwin) IS 'implementation of < operator';
COMMENT ON FUNCTION eligwin_le(eligwin, eligwin) IS 'implementation of <= operator';
COMMENT ON FUNCTION eligwin_gt(eligwin, eligwin) IS 'implementation of > operator';
COMMENT ON FUNCTION eligwin_ge(eligwin, eligwin) IS 'implementation of >= operator';
COMMENT ON FUNCTION eligwin_cmp(eligwin, eligwin) IS 'comparison by intervals, then age band: -1, 0 or 1';
COMMENT ON FUNCTION eligwin_hash(eligwin) IS 'hash of a window';
COMMENT ON FUNCTION eligwin_hash_extended(eligwin, bigint) IS 'seeded 64-bit hash of a window';

CREATE OPERATOR = (
	LEFTARG = eligwin, RIGHTARG = eligwin, PROCEDURE = eligwin_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR <> (
	LEFTARG = eligwin, RIGHTARG = eligwin, PROCEDURE = eligwin_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR < (
	LEFTARG = eligwin, RIGHTARG = eligwin, PROCEDURE = eligwin_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
	LEFTARG = eligwin, RIGHTARG = eligwin, PROCEDURE = eligwin_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
	LEFTARG = eligwin, RIGHTARG = eligwin, PROCEDURE = eligwin_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
	LEFTARG = eligwin, RIGHTARG = eligwin, PROCEDURE = eligwin_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS eligwin_ops
	DEFAULT FOR TYPE eligwin USING btree AS
		OPERATOR 1 <,
		OPERATOR 2 <=,
		OPERATOR 3 =,
		OPERATOR 4 >=,
		OPERATOR 5 >,
		FUNCTION 1 eligwin_cmp(eligwin, eligwin);

CREATE OPERATOR CLASS eligwin_hash_ops
	DEFAULT FOR TYPE eligwin USING hash AS
		OPERATOR 1 =,
		FUNCTION 1 eligwin_hash(eligwin),
		FUNCTION 2 eligwin_hash_extended(eligwin, bigint);

-- containment and overlap (dates only; the age band applies per person)
CREATE FUNCTION eligwin_contains_date(eligwin, date) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_date_contained_by(date, eligwin) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_contains(eligwin, eligwin) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_contained_by(eligwin, eligwin) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_overlaps(eligwin, eligwin) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION eligwin_contains_date(eligwin, date) IS 'is the window open on the day?';
COMMENT ON FUNCTION eligwin_date_contained_by(date, eligwin) IS 'is the day in the window?';
COMMENT ON FUNCTION eligwin_contains(eligwin, eligwin) IS 'is every day of the second window in the first?';
COMMENT ON FUNCTION eligwin_contained_by(eligwin, eligwin) IS 'is every day of the first window in the second?';
COMMENT ON FUNCTION eligwin_overlaps(eligwin, eligwin) IS 'do the windows share a day?';

CREATE OPERATOR @> (
	LEFTARG = eligwin, RIGHTARG = date, PROCEDURE = eligwin_contains_date,
	COMMUTATOR = <@, RESTRICT = contsel, JOIN = contjoinsel
);
CREATE OPERATOR <@ (
	LEFTARG = date, RIGHTARG = eligwin, PROCEDURE = eligwin_date_contained_by,
	COMMUTATOR = @>, RESTRICT = contsel, JOIN = contjoinsel
);
CREATE OPERATOR @> (
	LEFTARG = eligwin, RIGHTARG = eligwin, PROCEDURE = eligwin_contains,
	COMMUTATOR = <@, RESTRICT = contsel, JOIN = contjoinsel
);
CREATE OPERATOR <@ (
	LEFTARG = eligwin, RIGHTARG = eligwin, PROCEDURE = eligwin_contained_by,
	COMMUTATOR = @>, RESTRICT = contsel, JOIN = contjoinsel
);
CREATE OPERATOR && (
	LEFTARG = eligwin, RIGHTARG = eligwin, PROCEDURE = eligwin_overlaps,
	COMMUTATOR = &&, RESTRICT = areasel, JOIN = areajoinsel
);

-- set algebra on the dates
CREATE FUNCTION eligwin_union(eligwin, eligwin) RETURNS eligwin
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_intersect(eligwin, eligwin) RETURNS eligwin
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_minus(eligwin, eligwin) RETURNS eligwin
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION eligwin_union(eligwin, eligwin) IS 'days in either window (both must have the same age band); implementation of + operator';
COMMENT ON FUNCTION eligwin_intersect(eligwin, eligwin) IS 'days in both windows, ages in both bands; implementation of * operator';
COMMENT ON FUNCTION eligwin_minus(eligwin, eligwin) IS 'days of the first window not in the second, with the first''s age band; implementation of - operator';

CREATE OPERATOR + (
	LEFTARG = eligwin, RIGHTARG = eligwin, PROCEDURE = eligwin_union,
	COMMUTATOR = +
);
CREATE OPERATOR * (
	LEFTARG = eligwin, RIGHTARG = eligwin, PROCEDURE = eligwin_intersect,
	COMMUTATOR = *
);
CREATE OPERATOR - (
	LEFTARG = eligwin, RIGHTARG = eligwin, PROCEDURE = eligwin_minus
);

-- Korean age and eligibility
CREATE FUNCTION korean_age(birth date, on_date date) RETURNS integer
	AS 'MODULE_PATHNAME', 'eligwin_korean_age' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION korean_age(date, date) IS 'age in completed years (만 나이) under Civil Code Art. 158 and 160; born on 29 February, a year older on 1 March in a common year';
CREATE FUNCTION eligible(w eligwin, on_date date, birth date) RETURNS boolean
	AS 'MODULE_PATHNAME', 'eligwin_eligible' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION eligible(eligwin, date, date) IS 'is a person born on birth eligible on the day: window open and age in the band?';
CREATE FUNCTION eligible_dates(w eligwin, birth date) RETURNS eligwin
	AS 'MODULE_PATHNAME', 'eligwin_eligible_dates' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION eligible_dates(eligwin, date) IS 'the days on which a person born on birth is eligible, as a window without age band';
CREATE FUNCTION extend(w eligwin, until date) RETURNS eligwin
	AS 'MODULE_PATHNAME', 'eligwin_extend' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION extend(eligwin, date) IS 'the window with its last interval extended to the day (a designation extended); never shortens';

-- accessors
CREATE FUNCTION lower(eligwin) RETURNS date
	AS 'MODULE_PATHNAME', 'eligwin_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION lower(eligwin) IS 'first day of the window (-infinity if unbounded, NULL if empty)';
CREATE FUNCTION upper(eligwin) RETURNS date
	AS 'MODULE_PATHNAME', 'eligwin_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION upper(eligwin) IS 'last day of the window, included (infinity if unbounded, NULL if empty)';
CREATE FUNCTION isempty(eligwin) RETURNS boolean
	AS 'MODULE_PATHNAME', 'eligwin_isempty' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION isempty(eligwin) IS 'does the window have no days?';
CREATE FUNCTION days(eligwin) RETURNS integer
	AS 'MODULE_PATHNAME', 'eligwin_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION days(eligwin) IS 'number of days in the window (NULL if unbounded)';
CREATE FUNCTION days_left(w eligwin, on_date date) RETURNS integer
	AS 'MODULE_PATHNAME', 'eligwin_days_left' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION days_left(eligwin, date) IS 'days from the day to the end of the interval open on it, both included; 0 if closed, NULL if it never closes';
CREATE FUNCTION next_open(w eligwin, after date) RETURNS date
	AS 'MODULE_PATHNAME', 'eligwin_next_open' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION next_open(eligwin, date) IS 'first day after the given one on which the window is open (NULL if none)';

-- eligwin_union(eligwin): union aggregate; the state is an eligwin
CREATE FUNCTION eligwin_union_trans(eligwin, eligwin) RETURNS eligwin
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION eligwin_union_combine(eligwin, eligwin) RETURNS eligwin
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION eligwin_union_final(eligwin) RETURNS eligwin
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION eligwin_union_trans(eligwin, eligwin) IS 'transition function of eligwin_union(eligwin)';
COMMENT ON FUNCTION eligwin_union_combine(eligwin, eligwin) IS 'combine function of eligwin_union(eligwin)';
COMMENT ON FUNCTION eligwin_union_final(eligwin) IS 'final function of eligwin_union(eligwin)';

CREATE AGGREGATE eligwin_union(eligwin) (
	SFUNC = eligwin_union_trans,
	STYPE = eligwin,
	FINALFUNC = eligwin_union_final,
	COMBINEFUNC = eligwin_union_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE eligwin_union(eligwin) IS 'union of the windows'' days (all with the same age band)';

-- GiST: @> date, @> eligwin, &&
CREATE FUNCTION eligwin_gist_consistent(internal, eligwin, smallint, oid, internal) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_gist_union(internal, internal) RETURNS eligwin
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_gist_compress(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_gist_penalty(internal, internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_gist_picksplit(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION eligwin_gist_same(eligwin, eligwin, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION eligwin_gist_consistent(internal, eligwin, smallint, oid, internal) IS 'GiST support';
COMMENT ON FUNCTION eligwin_gist_union(internal, internal) IS 'GiST support';
COMMENT ON FUNCTION eligwin_gist_compress(internal) IS 'GiST support';
COMMENT ON FUNCTION eligwin_gist_penalty(internal, internal, internal) IS 'GiST support';
COMMENT ON FUNCTION eligwin_gist_picksplit(internal, internal) IS 'GiST support';
COMMENT ON FUNCTION eligwin_gist_same(eligwin, eligwin, internal) IS 'GiST support';

CREATE OPERATOR CLASS eligwin_gist_ops
	DEFAULT FOR TYPE eligwin USING gist AS
		OPERATOR 3 && (eligwin, eligwin),
		OPERATOR 7 @> (eligwin, eligwin),
		OPERATOR 16 @> (eligwin, date),
		FUNCTION 1 eligwin_gist_consistent(internal, eligwin, smallint, oid, internal),
		FUNCTION 2 eligwin_gist_union(internal, internal),
		FUNCTION 3 eligwin_gist_compress(internal),
		FUNCTION 5 eligwin_gist_penalty(internal, internal, internal),
		FUNCTION 6 eligwin_gist_picksplit(internal, internal),
		FUNCTION 7 eligwin_gist_same(eligwin, eligwin, internal);

--------------------------------------------------------------------------------
-- coverage: how many windows are open on each day, as a step function
--------------------------------------------------------------------------------

CREATE TYPE coverage;

CREATE FUNCTION coverage_in(cstring) RETURNS coverage
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION coverage_out(coverage) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION coverage_recv(internal) RETURNS coverage
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION coverage_send(coverage) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE coverage (
	INPUT = coverage_in,
	OUTPUT = coverage_out,
	RECEIVE = coverage_recv,
	SEND = coverage_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON FUNCTION coverage_in(cstring) IS 'text input of coverage';
COMMENT ON FUNCTION coverage_out(coverage) IS 'text output of coverage';
COMMENT ON FUNCTION coverage_recv(internal) IS 'binary input of coverage, validated like text input';
COMMENT ON FUNCTION coverage_send(coverage) IS 'binary output of coverage';
COMMENT ON TYPE coverage IS 'step function of a headcount over days: the days on which it changes and its value from each';

CREATE CAST (text AS coverage) WITH INOUT AS ASSIGNMENT;
CREATE CAST (coverage AS text) WITH INOUT AS ASSIGNMENT;

-- comparison
CREATE FUNCTION coverage_eq(coverage, coverage) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION coverage_ne(coverage, coverage) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION coverage_lt(coverage, coverage) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION coverage_le(coverage, coverage) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION coverage_gt(coverage, coverage) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION coverage_ge(coverage, coverage) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION coverage_cmp(coverage, coverage) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION coverage_hash(coverage) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION coverage_hash_extended(coverage, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION coverage_eq(coverage, coverage) IS 'implementation of = operator';
COMMENT ON FUNCTION coverage_ne(coverage, coverage) IS 'implementation of <> operator';
COMMENT ON FUNCTION coverage_lt(coverage, coverage) IS 'implementation of < operator';
COMMENT ON FUNCTION coverage_le(coverage, coverage) IS 'implementation of <= operator';
COMMENT ON FUNCTION coverage_gt(coverage, coverage) IS 'implementation of > operator';
COMMENT ON FUNCTION coverage_ge(coverage, coverage) IS 'implementation of >= operator';
COMMENT ON FUNCTION coverage_cmp(coverage, coverage) IS 'comparison step by step: -1, 0 or 1';
COMMENT ON FUNCTION coverage_hash(coverage) IS 'hash of a coverage';
COMMENT ON FUNCTION coverage_hash_extended(coverage, bigint) IS 'seeded 64-bit hash of a coverage';

CREATE OPERATOR = (
	LEFTARG = coverage, RIGHTARG = coverage, PROCEDURE = coverage_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR <> (
	LEFTARG = coverage, RIGHTARG = coverage, PROCEDURE = coverage_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR < (
	LEFTARG = coverage, RIGHTARG = coverage, PROCEDURE = coverage_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
	LEFTARG = coverage, RIGHTARG = coverage, PROCEDURE = coverage_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
	LEFTARG = coverage, RIGHTARG = coverage, PROCEDURE = coverage_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
	LEFTARG = coverage, RIGHTARG = coverage, PROCEDURE = coverage_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS coverage_ops
	DEFAULT FOR TYPE coverage USING btree AS
		OPERATOR 1 <,
		OPERATOR 2 <=,
		OPERATOR 3 =,
		OPERATOR 4 >=,
		OPERATOR 5 >,
		FUNCTION 1 coverage_cmp(coverage, coverage);

CREATE OPERATOR CLASS coverage_hash_ops
	DEFAULT FOR TYPE coverage USING hash AS
		OPERATOR 1 =,
		FUNCTION 1 coverage_hash(coverage),
		FUNCTION 2 coverage_hash_extended(coverage, bigint);

-- reading a coverage
CREATE FUNCTION coverage_at(c coverage, on_date date) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION coverage_at(coverage, date) IS 'headcount on the day';
CREATE FUNCTION unnest(c coverage, OUT valid_from date, OUT valid_to date, OUT headcount integer)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'coverage_unnest' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION unnest(coverage) IS 'the steps of a coverage: from, to (both included) and headcount';

-- coverage(eligwin): how many windows are open on each day
CREATE FUNCTION coverage_trans(coverage, eligwin) RETURNS coverage
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION coverage_combine(coverage, coverage) RETURNS coverage
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION coverage_final(coverage) RETURNS coverage
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION coverage_trans(coverage, eligwin) IS 'transition function of coverage(eligwin)';
COMMENT ON FUNCTION coverage_combine(coverage, coverage) IS 'combine function of coverage(eligwin)';
COMMENT ON FUNCTION coverage_final(coverage) IS 'final function of coverage(eligwin)';

CREATE AGGREGATE coverage(eligwin) (
	SFUNC = coverage_trans,
	STYPE = coverage,
	FINALFUNC = coverage_final,
	COMBINEFUNC = coverage_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE coverage(eligwin) IS 'how many windows are open on each day, as a step function (age bands are not applied)';

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

-- comparison and hashing: the btree and hash operator classes (doc/matching.md)
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
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
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
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel,
	HASHES, MERGES
);

-- comparison and hashing: the btree and hash operator classes (doc/aggregates.md)
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

-- comparison and hashing: the btree and hash operator classes (doc/aggregates.md)
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
