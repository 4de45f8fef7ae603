/*
 * coverage.c
 *		The coverage type and the coverage(eligwin) aggregate: how many
 *		windows are open on each day, as a step function.
 *
 * A coverage value lists the days on which the headcount changes and the
 * headcount from that day on; before the first listed day it is 0.
 * Text form: {2020-01-01:3,2020-02-01:5,2020-03-01:0}; the first day may be
 * -infinity.  Normalised: days strictly increasing, headcounts >= 0, the
 * first headcount not 0 and no two neighbours equal, so equal functions have
 * equal values.
 *
 * As an aggregate state a coverage carries COVERAGE_FLAG_RAW: its points are
 * then unsorted (day, change) events, +1 where a window opens and -1 the day
 * after it closes.  The transition appends two events per interval in place,
 * sorting and summing only when the space runs out; combining two states is
 * concatenation.  Whatever reads a value first normalises a raw one, so a
 * partial state printed as text (as Citus moves it) reads back the same.
 */
#include "postgres.h"

#include <ctype.h>
#include <limits.h>

#include "access/htup_details.h"
#include "common/hashfn.h"
#include "common/int.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"

#include "jobs_ext.h"
#include "eligwin.h"

#define COVERAGE_VERSION		1
#define COVERAGE_FLAG_RAW		0x01	/* aggregate state: unsorted events */

typedef struct CoveragePoint
{
	DateADT		day;			/* first day of a step, or DATEVAL_NOBEGIN */
	int32		value;			/* headcount from day on (raw: the change) */
} CoveragePoint;

typedef struct Coverage
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* COVERAGE_VERSION */
	uint8		flags;
	int16		reserved;		/* zero */
	int32		npoints;		/* points in use; VARSIZE may leave spare room */
	CoveragePoint points[FLEXIBLE_ARRAY_MEMBER];
} Coverage;

#define COVERAGE_HDRSZ			offsetof(Coverage, points)
#define COVERAGE_SIZE(n)		(COVERAGE_HDRSZ + (Size) (n) * sizeof(CoveragePoint))
#define COVERAGE_CAPACITY(c)	((int32) ((VARSIZE(c) - COVERAGE_HDRSZ) / sizeof(CoveragePoint)))
#define COVERAGE_MAX_POINTS		((int32) ((MaxAllocSize - COVERAGE_HDRSZ) / sizeof(CoveragePoint)))
#define COVERAGE_STATE_MIN_CAPACITY	64

#define DatumGetCoverageP(X)	coverage_detoast(X)
#define PG_GETARG_COVERAGE_P(n) DatumGetCoverageP(PG_GETARG_DATUM(n))
#define PG_RETURN_COVERAGE_P(x) PG_RETURN_POINTER(x)

/* Any stored coverage, detoasted; one this build cannot read stops here */
static Coverage *
coverage_detoast(Datum d)
{
	Coverage   *c = (Coverage *) PG_DETOAST_DATUM(d);

	if (VARSIZE(c) < COVERAGE_HDRSZ || c->version != COVERAGE_VERSION ||
		c->npoints < 0 || COVERAGE_SIZE(c->npoints) > VARSIZE(c))
		jobs_ext_unsupported_version("coverage", VARSIZE(c) > VARHDRSZ ? c->version : -1,
									 COVERAGE_VERSION, VARSIZE(c));
	return c;
}

static Coverage *
coverage_alloc(int32 capacity)
{
	Coverage   *c;

	if (capacity > COVERAGE_MAX_POINTS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("coverage has too many steps")));
	c = palloc0(COVERAGE_SIZE(capacity));
	SET_VARSIZE(c, COVERAGE_SIZE(capacity));
	c->version = COVERAGE_VERSION;
	return c;
}

/*
 * Sort points by day: LSD radix sort, 8 bits a pass, skipping the passes
 * where every day has the same byte (days within a few decades of each
 * other need two passes), with insertion sort for short runs.  It is what
 * keeps the aggregate's compaction cheaper than the executor's own sort of
 * the same events.
 */
static void
coverage_sort_points(CoveragePoint *p, int32 n)
{
	uint32		count[4][256];
	CoveragePoint *tmp;
	CoveragePoint *src = p;
	CoveragePoint *dst;
	uint32		first;
	int32		i;
	int			pass;

	if (n < 48)
	{
		int32		j;

		for (i = 1; i < n; i++)
		{
			CoveragePoint v = p[i];

			for (j = i; j > 0 && p[j - 1].day > v.day; j--)
				p[j] = p[j - 1];
			p[j] = v;
		}
		return;
	}
	tmp = palloc(sizeof(CoveragePoint) * (Size) n);
	dst = tmp;
	memset(count, 0, sizeof(count));
	for (i = 0; i < n; i++)
	{
		/* the sign bit flipped: signed order as unsigned */
		uint32		u = (uint32) p[i].day ^ 0x80000000;

		count[0][u & 0xff]++;
		count[1][(u >> 8) & 0xff]++;
		count[2][(u >> 16) & 0xff]++;
		count[3][u >> 24]++;
	}
	first = (uint32) p[0].day ^ 0x80000000;
	for (pass = 0; pass < 4; pass++)
	{
		int			shift = pass * 8;
		uint32		offset[256];
		uint32		sum = 0;
		int			d;
		CoveragePoint *swap;

		if (count[pass][(first >> shift) & 0xff] == (uint32) n)
			continue;
		for (d = 0; d < 256; d++)
		{
			offset[d] = sum;
			sum += count[pass][d];
		}
		for (i = 0; i < n; i++)
			dst[offset[(((uint32) src[i].day ^ 0x80000000) >> shift) & 0xff]++] = src[i];
		swap = src;
		src = dst;
		dst = swap;
	}
	if (src != p)
		memcpy(p, src, sizeof(CoveragePoint) * (Size) n);
	pfree(tmp);
}

/*
 * coverage_events_to_steps() for events whose days lie within lo .. hi, a
 * span not much longer than the events are many: the changes are summed
 * per day in an array over the span, which takes the place of sorting them.
 */
static int32
coverage_events_to_steps_dense(CoveragePoint *p, int32 n, DateADT lo, DateADT hi)
{
	int64		span = (int64) hi - lo + 1;
	int64	   *change = palloc0(sizeof(int64) * (Size) span);
	int32		out = 0;
	int32		level = 0;
	int32		i;
	int64		d;

	/* at most 2^28 events of an int32 each: the int64 sums cannot overflow */
	for (i = 0; i < n; i++)
		change[p[i].day - lo] += p[i].value;
	for (d = 0; d < span; d++)
	{
		if (change[d] == 0)
			continue;
		if (change[d] < PG_INT32_MIN || change[d] > PG_INT32_MAX ||
			pg_add_s32_overflow(level, (int32) change[d], &level))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("coverage headcount out of range")));
		if (level < 0)
			elog(ERROR, "coverage state has a negative headcount");
		/* the events are all in change[]: the steps (no more than they) overwrite them */
		p[out].day = (DateADT) (lo + d);
		p[out].value = level;
		out++;
	}
	pfree(change);
	return out;
}

/*
 * Turn unsorted (day, change) events into normalised (day, headcount)
 * steps, in place; returns the new count.
 */
static int32
coverage_events_to_steps(CoveragePoint *p, int32 n)
{
	int32		out = 0;
	int32		level = 0;
	int32		i = 0;

	if (n > 1)
	{
		DateADT		lo = p[0].day;
		DateADT		hi = p[0].day;

		for (i = 1; i < n; i++)
		{
			lo = Min(lo, p[i].day);
			hi = Max(hi, p[i].day);
		}
		if ((int64) hi - lo < 2 * (int64) n + 64)
			return coverage_events_to_steps_dense(p, n, lo, hi);
		coverage_sort_points(p, n);
		i = 0;
	}
	while (i < n)
	{
		DateADT		day = p[i].day;
		int32		change = 0;

		for (; i < n && p[i].day == day; i++)
		{
			if (pg_add_s32_overflow(change, p[i].value, &change))
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("coverage headcount out of range")));
		}
		if (change == 0)
			continue;
		if (pg_add_s32_overflow(level, change, &level))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("coverage headcount out of range")));
		if (level < 0)
			elog(ERROR, "coverage state has a negative headcount");
		p[out].day = day;
		p[out].value = level;
		out++;
	}
	return out;
}

/* Turn normalised steps back into change events, in place */
static void
coverage_steps_to_events(CoveragePoint *p, int32 n)
{
	int32		i;

	for (i = n - 1; i > 0; i--)
		p[i].value -= p[i - 1].value;
}

/* c itself when normalised, else a normalised exact-size copy */
static Coverage *
coverage_normalised(Coverage *c)
{
	Coverage   *copy;

	if ((c->flags & COVERAGE_FLAG_RAW) == 0)
		return c;
	copy = coverage_alloc(c->npoints);
	memcpy(copy->points, c->points, c->npoints * sizeof(CoveragePoint));
	copy->npoints = coverage_events_to_steps(copy->points, c->npoints);
	SET_VARSIZE(copy, COVERAGE_SIZE(copy->npoints));
	return copy;
}

static inline Coverage *
coverage_getarg(FunctionCallInfo fcinfo, int argno)
{
	return coverage_normalised(PG_GETARG_COVERAGE_P(argno));
}

/* Check a value that arrived from outside; NULL when valid, else a detail */
static const char *
coverage_check(const Coverage *c)
{
	int32		i;

	if (c->version != COVERAGE_VERSION)
		return psprintf("Unknown version %d.", c->version);
	if (c->flags != 0)
		return psprintf("Unknown flags 0x%02x.", c->flags);
	if (c->reserved != 0)
		return "Reserved field is not zero.";
	for (i = 0; i < c->npoints; i++)
	{
		DateADT		day = c->points[i].day;

		if (!IS_VALID_DATE(day) && !(i == 0 && DATE_IS_NOBEGIN(day)))
			return psprintf("Step %d has an invalid day.", i + 1);
		if (i > 0 && day <= c->points[i - 1].day)
			return psprintf("Step %d does not come after step %d.", i + 1, i);
		if (c->points[i].value < 0)
			return psprintf("Step %d has a negative headcount.", i + 1);
		if (c->points[i].value == (i == 0 ? 0 : c->points[i - 1].value))
			return psprintf("Step %d does not change the headcount.", i + 1);
	}
	return NULL;
}

/* ----------------------------------------------------------------
 * Text and binary I/O
 * ----------------------------------------------------------------
 */

#define COVERAGE_SYNTAX_ERROR(escontext, str, ...) \
	JOBS_EXT_INPUT_ERROR(escontext, (Datum) 0, \
						 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION), \
						  errmsg("invalid input syntax for type %s: \"%s\"", "coverage", str), \
						  errdetail(__VA_ARGS__)))

static inline const char *
coverage_skip_space(const char *p)
{
	while (*p && isspace((unsigned char) *p))
		p++;
	return p;
}

PG_FUNCTION_INFO_V1(coverage_in);
Datum
coverage_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	Node	   *escontext = NULL;
	const char *p = coverage_skip_space(str);
	const char *problem;
	Coverage   *c;
	int32		cap = 8;

#if PG_VERSION_NUM >= 160000
	escontext = fcinfo->context;
#endif
	c = coverage_alloc(cap);
	if (*p != '{')
		COVERAGE_SYNTAX_ERROR(escontext, str, "Missing left brace.");
	p = coverage_skip_space(p + 1);
	if (*p != '}')
	{
		for (;;)
		{
			DateADT		day;
			bool		ok;
			int64		value = 0;
			int			digits = 0;

			CHECK_FOR_INTERRUPTS();
			p = eligwin_parse_date(p, &day, &ok);
			if (!ok)
				COVERAGE_SYNTAX_ERROR(escontext, str, "Expected a date in YYYY-MM-DD form at \"%s\".", p);
			p = coverage_skip_space(p);
			if (*p != ':')
				COVERAGE_SYNTAX_ERROR(escontext, str, "Expected \":\" at \"%s\".", p);
			p = coverage_skip_space(p + 1);
			while (isdigit((unsigned char) *p) && value <= INT_MAX)
			{
				value = value * 10 + (*p++ - '0');
				digits++;
			}
			if (digits == 0 || value > INT_MAX)
				COVERAGE_SYNTAX_ERROR(escontext, str, "Expected a headcount between 0 and %d.", INT_MAX);
			if (c->npoints == cap)
			{
				if (cap >= COVERAGE_MAX_POINTS / 2)
					COVERAGE_SYNTAX_ERROR(escontext, str, "Too many steps.");
				cap *= 2;
				c = repalloc(c, COVERAGE_SIZE(cap));
			}
			c->points[c->npoints].day = day;
			c->points[c->npoints].value = (int32) value;
			c->npoints++;
			p = coverage_skip_space(p);
			if (*p == ',')
			{
				p = coverage_skip_space(p + 1);
				continue;
			}
			if (*p == '}')
				break;
			COVERAGE_SYNTAX_ERROR(escontext, str, "Expected \",\" or \"}\" at \"%s\".", p);
		}
	}
	p = coverage_skip_space(p + 1);
	if (*p != '\0')
		COVERAGE_SYNTAX_ERROR(escontext, str, "Unexpected \"%s\" after the right brace.", p);
	SET_VARSIZE(c, COVERAGE_SIZE(c->npoints));
	problem = coverage_check(c);
	if (problem != NULL)
		COVERAGE_SYNTAX_ERROR(escontext, str, "%s", problem);
	PG_RETURN_COVERAGE_P(c);
}

PG_FUNCTION_INFO_V1(coverage_out);
Datum
coverage_out(PG_FUNCTION_ARGS)
{
	Coverage   *c = coverage_getarg(fcinfo, 0);
	StringInfoData buf;
	char		date[64];
	int32		i;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (i = 0; i < c->npoints; i++)
	{
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		eligwin_format_date(date, c->points[i].day);
		appendStringInfo(&buf, "%s:%d", date, c->points[i].value);
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

/* Binary form: version byte, int4 count, count pairs of int4 (day, headcount) */
PG_FUNCTION_INFO_V1(coverage_recv);
Datum
coverage_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version;
	int32		n,
				i;
	Coverage   *c;
	const char *problem;

	if (buf->len - buf->cursor < 5)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external coverage value"),
				 errdetail("The value is truncated.")));
	version = pq_getmsgbyte(buf);
	if (version != COVERAGE_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external coverage value"),
				 errdetail("Unknown version %d.", version)));
	n = (int32) pq_getmsgint(buf, 4);
	if (n < 0 || (int64) n * 8 != buf->len - buf->cursor)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external coverage value"),
				 errdetail("The step count %d does not match the %d bytes that follow.",
						   n, buf->len - buf->cursor)));
	c = coverage_alloc(n);
	c->npoints = n;
	for (i = 0; i < n; i++)
	{
		c->points[i].day = (DateADT) pq_getmsgint(buf, 4);
		c->points[i].value = (int32) pq_getmsgint(buf, 4);
	}
	problem = coverage_check(c);
	if (problem != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external coverage value"),
				 errdetail("%s", problem)));
	PG_RETURN_COVERAGE_P(c);
}

PG_FUNCTION_INFO_V1(coverage_send);
Datum
coverage_send(PG_FUNCTION_ARGS)
{
	Coverage   *c = coverage_getarg(fcinfo, 0);
	StringInfoData buf;
	int32		i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, COVERAGE_VERSION);
	pq_sendint32(&buf, c->npoints);
	for (i = 0; i < c->npoints; i++)
	{
		pq_sendint32(&buf, c->points[i].day);
		pq_sendint32(&buf, c->points[i].value);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ----------------------------------------------------------------
 * Comparison
 * ----------------------------------------------------------------
 */

static int
coverage_compare(const Coverage *a, const Coverage *b)
{
	int32		n = Min(a->npoints, b->npoints);
	int32		i;

	for (i = 0; i < n; i++)
	{
		if (a->points[i].day != b->points[i].day)
			return a->points[i].day < b->points[i].day ? -1 : 1;
		if (a->points[i].value != b->points[i].value)
			return a->points[i].value < b->points[i].value ? -1 : 1;
	}
	return (a->npoints > b->npoints) - (a->npoints < b->npoints);
}

PG_FUNCTION_INFO_V1(coverage_cmp);
Datum
coverage_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(coverage_compare(coverage_getarg(fcinfo, 0), coverage_getarg(fcinfo, 1)));
}

PG_FUNCTION_INFO_V1(coverage_eq);
Datum
coverage_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(coverage_compare(coverage_getarg(fcinfo, 0), coverage_getarg(fcinfo, 1)) == 0);
}

PG_FUNCTION_INFO_V1(coverage_ne);
Datum
coverage_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(coverage_compare(coverage_getarg(fcinfo, 0), coverage_getarg(fcinfo, 1)) != 0);
}

PG_FUNCTION_INFO_V1(coverage_lt);
Datum
coverage_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(coverage_compare(coverage_getarg(fcinfo, 0), coverage_getarg(fcinfo, 1)) < 0);
}

PG_FUNCTION_INFO_V1(coverage_le);
Datum
coverage_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(coverage_compare(coverage_getarg(fcinfo, 0), coverage_getarg(fcinfo, 1)) <= 0);
}

PG_FUNCTION_INFO_V1(coverage_gt);
Datum
coverage_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(coverage_compare(coverage_getarg(fcinfo, 0), coverage_getarg(fcinfo, 1)) > 0);
}

PG_FUNCTION_INFO_V1(coverage_ge);
Datum
coverage_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(coverage_compare(coverage_getarg(fcinfo, 0), coverage_getarg(fcinfo, 1)) >= 0);
}

PG_FUNCTION_INFO_V1(coverage_hash);
Datum
coverage_hash(PG_FUNCTION_ARGS)
{
	Coverage   *c = coverage_getarg(fcinfo, 0);

	return hash_any((const unsigned char *) c->points,
					c->npoints * sizeof(CoveragePoint));
}

PG_FUNCTION_INFO_V1(coverage_hash_extended);
Datum
coverage_hash_extended(PG_FUNCTION_ARGS)
{
	Coverage   *c = coverage_getarg(fcinfo, 0);

	return hash_any_extended((const unsigned char *) c->points,
							 c->npoints * sizeof(CoveragePoint),
							 PG_GETARG_INT64(1));
}

/* ----------------------------------------------------------------
 * Reading a coverage
 * ----------------------------------------------------------------
 */

/* coverage_at(c, day): the headcount on that day */
PG_FUNCTION_INFO_V1(coverage_at);
Datum
coverage_at(PG_FUNCTION_ARGS)
{
	Coverage   *c = coverage_getarg(fcinfo, 0);
	DateADT		day = PG_GETARG_DATEADT(1);
	int32		lo = 0,
				hi = c->npoints;

	/* find the first step after day; the one before it holds */
	while (lo < hi)
	{
		int32		mid = lo + (hi - lo) / 2;

		if (c->points[mid].day <= day)
			lo = mid + 1;
		else
			hi = mid;
	}
	PG_RETURN_INT32(lo == 0 ? 0 : c->points[lo - 1].value);
}

/*
 * unnest(c): one row (valid_from, valid_to, headcount) per step, from the
 * first change on; the last step is listed only when its headcount is not 0
 * (it then runs to infinity).  Unbounded ends are -infinity and infinity.
 */
PG_FUNCTION_INFO_V1(coverage_unnest);
Datum
coverage_unnest(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	Coverage   *c;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcxt;
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcxt = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		c = coverage_normalised(PG_GETARG_COVERAGE_P(0));
		if (c == (Coverage *) DatumGetPointer(PG_GETARG_DATUM(0)))
			c = (Coverage *) PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
		funcctx->user_fctx = c;
		funcctx->max_calls = c->npoints;
		if (c->npoints > 0 && c->points[c->npoints - 1].value == 0)
			funcctx->max_calls--;
		MemoryContextSwitchTo(oldcxt);
	}

	funcctx = SRF_PERCALL_SETUP();
	c = (Coverage *) funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		int32		i = (int32) funcctx->call_cntr;
		Datum		values[3];
		bool		nulls[3] = {false, false, false};
		HeapTuple	tuple;

		values[0] = DateADTGetDatum(c->points[i].day);
		values[1] = DateADTGetDatum(i + 1 < c->npoints ?
									c->points[i + 1].day - 1 : DATEVAL_NOEND);
		values[2] = Int32GetDatum(c->points[i].value);
		tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}

/* ----------------------------------------------------------------
 * coverage(eligwin) aggregate
 * ----------------------------------------------------------------
 */

/*
 * Make room for extra more events in a raw state: sum the events in place
 * first, and grow when still more than half full.  May return a new state,
 * made in the per-call context; nodeAgg copies it into the aggregate
 * context and frees the old one (ExecAggTransReparent).
 */
static Coverage *
coverage_state_reserve(Coverage *state, int32 extra)
{
	int32		cap = COVERAGE_CAPACITY(state);
	int64		newcap;
	Coverage   *grown;

	if ((int64) state->npoints + extra <= cap)
		return state;
	state->npoints = coverage_events_to_steps(state->points, state->npoints);
	coverage_steps_to_events(state->points, state->npoints);
	/*
	 * Grow unless the summed steps take at most an eighth: each compaction
	 * sorts them again with the new events, so they must stay few.
	 */
	if ((int64) state->npoints + extra <= cap / 8)
		return state;
	newcap = Max((int64) cap * 2, ((int64) state->npoints + extra) * 8);
	if (newcap > COVERAGE_MAX_POINTS)
		newcap = COVERAGE_MAX_POINTS;
	grown = coverage_alloc((int32) newcap);
	memcpy(grown, state, COVERAGE_SIZE(state->npoints));
	SET_VARSIZE(grown, COVERAGE_SIZE(newcap));
	return grown;
}

/* A new, empty raw state with room for capacity events */
static Coverage *
coverage_state_new(int32 capacity)
{
	Coverage   *state = coverage_alloc(Max(capacity, COVERAGE_STATE_MIN_CAPACITY));

	state->flags = COVERAGE_FLAG_RAW;
	return state;
}

/* Append the events of window w: +1 on each first day, -1 after each last day */
static Coverage *
coverage_state_add_window(Coverage *state, const Eligwin *w)
{
	int32		i;
	CoveragePoint *p;

	state = coverage_state_reserve(state, 2 * w->nintervals);
	p = &state->points[state->npoints];
	for (i = 0; i < w->nintervals; i++)
	{
		DateADT		hi = w->intervals[i].hi;

		p->day = w->intervals[i].lo;
		p->value = 1;
		p++;
		/* a window open to the end of time never closes */
		if (!DATE_IS_NOEND(hi) && hi + 1 < ELIGWIN_DATE_END)
		{
			p->day = hi + 1;
			p->value = -1;
			p++;
		}
	}
	state->npoints = (int32) (p - state->points);
	return state;
}

/* Append another state's events (other is read-only) */
static Coverage *
coverage_state_add_state(Coverage *state, const Coverage *other)
{
	int32		n;

	state = coverage_state_reserve(state, other->npoints);
	n = state->npoints;
	memcpy(&state->points[n], other->points, other->npoints * sizeof(CoveragePoint));
	if ((other->flags & COVERAGE_FLAG_RAW) == 0)
		coverage_steps_to_events(&state->points[n], other->npoints);
	state->npoints = n + other->npoints;
	return state;
}

/*
 * The state argument as a raw state.  It is one, except when a normalised
 * value stands in for it (an INITCOND, or an aggregate of the user's own
 * over these functions): its steps are then copied into a new raw state as
 * events, so they are not taken for events, nor events for steps.
 */
static Coverage *
coverage_state_arg(FunctionCallInfo fcinfo)
{
	Coverage   *state = (Coverage *) PG_GETARG_POINTER(0);
	Coverage   *raw;

	if (VARATT_IS_4B_U(state) && (state->flags & COVERAGE_FLAG_RAW))
		return state;
	state = PG_GETARG_COVERAGE_P(0);
	raw = coverage_state_new(2 * state->npoints);
	memcpy(raw->points, state->points, state->npoints * sizeof(CoveragePoint));
	coverage_steps_to_events(raw->points, state->npoints);
	raw->npoints = state->npoints;
	return raw;
}

/* Room for a window of a few intervals, read without a palloc'd copy */
typedef union CoverageWindowBuf
{
	Eligwin		w;
	char		bytes[ELIGWIN_SIZE(8)];
	double		align;
} CoverageWindowBuf;

/*
 * The window in argument argno, normalised.  A small window stored inline
 * with a 1-byte header (as most are) is copied into *buf, which is aligned,
 * instead of into memory that detoasting would allocate for every row.
 */
static Eligwin *
coverage_window_arg(FunctionCallInfo fcinfo, int argno, CoverageWindowBuf *buf)
{
	struct varlena *v = (struct varlena *) PG_GETARG_POINTER(argno);

	if (VARATT_IS_SHORT(v) && VARSIZE_SHORT(v) - VARHDRSZ_SHORT + VARHDRSZ <= sizeof(buf->bytes))
	{
		Size		len = VARSIZE_SHORT(v) - VARHDRSZ_SHORT;

		SET_VARSIZE(&buf->w, len + VARHDRSZ);
		memcpy(VARDATA(&buf->w), VARDATA_SHORT(v), len);
		return eligwin_normalised(eligwin_detoast(PointerGetDatum(&buf->w)));
	}
	return eligwin_normalised(PG_GETARG_ELIGWIN_P(argno));
}

/*
 * The common row, added without copying the window: a stored window of one
 * interval and no condition, inline with a 1-byte header, into a raw state
 * with room for its two events.  Its days are read straight from the tuple
 * (unaligned); false sends anything else down the general path.
 */
static inline bool
coverage_trans_short_window(Coverage *state, const struct varlena *v)
{
	const char *data = VARDATA_SHORT(v);
	uint8		version;
	uint8		flags;
	int32		nintervals;
	EligwinInterval iv;
	CoveragePoint *p;

	if (!VARATT_IS_SHORT(v) ||
		VARSIZE_SHORT(v) - VARHDRSZ_SHORT != ELIGWIN_SIZE(1) - VARHDRSZ ||
		state->npoints > COVERAGE_CAPACITY(state) - 2)
		return false;
	/* field f of the window lies offsetof(Eligwin, f) - VARHDRSZ into data */
	version = (uint8) data[offsetof(Eligwin, version) - VARHDRSZ];
	flags = (uint8) data[offsetof(Eligwin, flags) - VARHDRSZ];
	memcpy(&nintervals, data + offsetof(Eligwin, nintervals) - VARHDRSZ, sizeof(int32));
	if (version != ELIGWIN_VERSION || nintervals != 1 || (flags & ELIGWIN_FLAG_RAW) != 0)
		return false;
	memcpy(&iv, data + offsetof(Eligwin, intervals) - VARHDRSZ, sizeof(iv));
	p = &state->points[state->npoints];
	p->day = iv.lo;
	p->value = 1;
	p++;
	/* as coverage_state_add_window */
	if (!DATE_IS_NOEND(iv.hi) && iv.hi + 1 < ELIGWIN_DATE_END)
	{
		p->day = iv.hi + 1;
		p->value = -1;
		p++;
	}
	state->npoints = (int32) (p - state->points);
	return true;
}

PG_FUNCTION_INFO_V1(coverage_trans);
Datum
coverage_trans(PG_FUNCTION_ARGS)
{
	Coverage   *state;
	Eligwin    *w;
	CoverageWindowBuf local;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "coverage_trans called in non-aggregate context");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	if (!PG_ARGISNULL(0))
	{
		state = (Coverage *) PG_GETARG_POINTER(0);
		if (VARATT_IS_4B_U(state) && (state->flags & COVERAGE_FLAG_RAW) &&
			coverage_trans_short_window(state, (const struct varlena *) PG_GETARG_POINTER(1)))
			PG_RETURN_POINTER(state);
	}
	w = coverage_window_arg(fcinfo, 1, &local);
	if (PG_ARGISNULL(0))
		state = coverage_state_new(2 * w->nintervals);
	else
		state = coverage_state_arg(fcinfo);
	PG_RETURN_COVERAGE_P(coverage_state_add_window(state, w));
}

PG_FUNCTION_INFO_V1(coverage_combine);
Datum
coverage_combine(PG_FUNCTION_ARGS)
{
	Coverage   *state;
	Coverage   *other;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "coverage_combine called in non-aggregate context");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	/* the other state is read-only and may arrive packed: detoast it */
	other = PG_GETARG_COVERAGE_P(1);
	if (PG_ARGISNULL(0))
		state = coverage_state_new(other->npoints);
	else
		state = coverage_state_arg(fcinfo);
	PG_RETURN_COVERAGE_P(coverage_state_add_state(state, other));
}

/* The final step function, normalised and exact size; '{}' over no rows */
PG_FUNCTION_INFO_V1(coverage_final);
Datum
coverage_final(PG_FUNCTION_ARGS)
{
	Coverage   *state;
	Coverage   *result;

	if (PG_ARGISNULL(0))
		PG_RETURN_COVERAGE_P(coverage_alloc(0));
	state = PG_GETARG_COVERAGE_P(0);
	result = coverage_alloc(state->npoints);
	memcpy(result->points, state->points, state->npoints * sizeof(CoveragePoint));
	result->npoints = state->npoints;
	if (state->flags & COVERAGE_FLAG_RAW)
		result->npoints = coverage_events_to_steps(result->points, state->npoints);
	SET_VARSIZE(result, COVERAGE_SIZE(result->npoints));
	PG_RETURN_COVERAGE_P(result);
}
