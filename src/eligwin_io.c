/*
 * eligwin_io.c
 *		Text and binary input and output of eligwin (the type is in
 *		eligwin.c, its conditions in eligwin_cond.c).
 *
 * Text form: {[2018-04-05,2022-12-31],[2024-01-01,)} age 15..34
 * Bounds are inclusive; '(' / ')' with a date are accepted on input and made
 * inclusive; an empty bound, -infinity or infinity is unbounded.  Dates are
 * always read and written in ISO form, whatever DateStyle says, so the text
 * form round-trips between servers with different settings.
 */
#include "postgres.h"

#include <ctype.h>
#include <limits.h>

#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"

#include "jobs_ext.h"
#include "eligwin.h"

/* ----------------------------------------------------------------
 * Dates in ISO form
 * ----------------------------------------------------------------
 */

/* Write d as YYYY-MM-DD (BC years with a " BC" suffix); returns the length */
int
eligwin_format_date(char *buf, DateADT d)
{
	int			y,
				m,
				day;

	if (DATE_IS_NOBEGIN(d))
		return sprintf(buf, "-infinity");
	if (DATE_IS_NOEND(d))
		return sprintf(buf, "infinity");
	j2date(d + POSTGRES_EPOCH_JDATE, &y, &m, &day);
	if (y > 0)
		return sprintf(buf, "%04d-%02d-%02d", y, m, day);
	return sprintf(buf, "%04d-%02d-%02d BC", 1 - y, m, day);
}

static inline bool
eligwin_match_word(const char *s, const char *word)
{
	return pg_strncasecmp(s, word, strlen(word)) == 0;
}

/*
 * Parse an ISO date, "infinity" or "-infinity" at s.  Returns the position
 * after it; *ok is false when s does not start with a valid date.
 */
const char *
eligwin_parse_date(const char *s, DateADT *result, bool *ok)
{
	int64		y = 0;
	int			m = 0,
				d = 0;
	int			digits = 0;
	const char *p = s;

	*ok = false;
	if (eligwin_match_word(p, "-infinity"))
	{
		*result = DATEVAL_NOBEGIN;
		*ok = true;
		return p + strlen("-infinity");
	}
	if (eligwin_match_word(p, "infinity"))
	{
		*result = DATEVAL_NOEND;
		*ok = true;
		return p + strlen("infinity");
	}
	while (isdigit((unsigned char) *p) && digits < 8)
	{
		y = y * 10 + (*p++ - '0');
		digits++;
	}
	if (digits < 4 || *p != '-' || !isdigit((unsigned char) p[1]) ||
		!isdigit((unsigned char) p[2]) || p[3] != '-' ||
		!isdigit((unsigned char) p[4]) || !isdigit((unsigned char) p[5]))
		return s;
	m = (p[1] - '0') * 10 + (p[2] - '0');
	d = (p[4] - '0') * 10 + (p[5] - '0');
	p += 6;
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return s;
	{
		const char *q = p;

		while (*q == ' ')
			q++;
		if (pg_strncasecmp(q, "BC", 2) == 0 && !isalnum((unsigned char) q[2]))
		{
			y = 1 - y;			/* astronomical year: 1 BC is year 0 */
			p = q + 2;
		}
	}
	if (d > day_tab[isleap(y) ? 1 : 0][m - 1])
		return s;
	if (y > JULIAN_MAXYEAR || !IS_VALID_JULIAN(y, m, d))
		return s;
	*result = date2j((int) y, m, d) - POSTGRES_EPOCH_JDATE;
	if (!IS_VALID_DATE(*result))
		return s;
	*ok = true;
	return p;
}

/* ----------------------------------------------------------------
 * Validation, shared by text and binary input
 * ----------------------------------------------------------------
 */

/*
 * Check a window that arrived from outside; returns NULL when it is valid,
 * else a message for errdetail.
 */
static const char *
eligwin_check(const Eligwin *w)
{
	int32		i;

	if (w->version != ELIGWIN_VERSION && w->version != ELIGWIN_VERSION_COND)
		return psprintf("Unknown version %d.", w->version);
	if ((w->flags & ~(ELIGWIN_FLAG_AGE | ELIGWIN_FLAG_COND)) != 0 ||
		(w->version == ELIGWIN_VERSION) != !ELIGWIN_HAS_COND(w))
		return psprintf("Unknown flags 0x%02x.", w->flags);
	if (w->version == ELIGWIN_VERSION && w->condsize != 0)
		return "Reserved field is not zero.";
	if (ELIGWIN_HAS_COND(w))
	{
		const char *problem = eligwin_cond_check(w);

		if (problem != NULL)
			return problem;
	}
	if (ELIGWIN_HAS_AGE(w))
	{
		if (w->age_min < 0 || w->age_min > ELIGWIN_MAX_AGE)
			return psprintf("Lowest age %d is outside 0..%d.", w->age_min, ELIGWIN_MAX_AGE);
		if (w->age_max != ELIGWIN_AGE_UNBOUNDED && w->age_max > ELIGWIN_MAX_AGE)
			return psprintf("Highest age %d is above %d.", w->age_max, ELIGWIN_MAX_AGE);
		if (w->age_max != ELIGWIN_AGE_UNBOUNDED && w->age_max < w->age_min)
			return psprintf("The age band %d..%d is reversed.", w->age_min, w->age_max);
	}
	else if (w->age_min != 0 || w->age_max != 0)
		return "Age fields are set without an age band.";
	if (w->nintervals < 0)
		return "Negative interval count.";
	for (i = 0; i < w->nintervals; i++)
	{
		DateADT		lo = w->intervals[i].lo;
		DateADT		hi = w->intervals[i].hi;

		if (!(DATE_IS_NOBEGIN(lo) || IS_VALID_DATE(lo)))
			return psprintf("Interval %d has an invalid lower bound.", i + 1);
		if (!(DATE_IS_NOEND(hi) || IS_VALID_DATE(hi)))
			return psprintf("Interval %d has an invalid upper bound.", i + 1);
		if (lo > hi)
			return psprintf("Interval %d has its lower bound after its upper bound.", i + 1);
		if (i > 0 && (int64) lo <= (int64) w->intervals[i - 1].hi + 1)
			return psprintf("Interval %d overlaps, touches or precedes interval %d.", i + 1, i);
	}
	return NULL;
}

/* ----------------------------------------------------------------
 * Text I/O
 * ----------------------------------------------------------------
 */

static inline const char *
eligwin_skip_space(const char *p)
{
	while (*p && isspace((unsigned char) *p))
		p++;
	return p;
}

/* Parse a non-negative age at *p; -1 when there is none */
static int
eligwin_parse_age(const char **p)
{
	int			v = 0;
	int			digits = 0;

	while (isdigit((unsigned char) **p) && digits < 4)
	{
		v = v * 10 + (**p - '0');
		(*p)++;
		digits++;
	}
	return digits == 0 ? -1 : v;
}

#define ELIGWIN_SYNTAX_ERROR(escontext, str, ...) \
	JOBS_EXT_INPUT_ERROR(escontext, NULL, \
						 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION), \
						  errmsg("invalid input syntax for type %s: \"%s\"", "eligwin", str), \
						  errdetail(__VA_ARGS__)))

/*
 * Parse the text form; NULL after a soft error.
 */
static Eligwin *
eligwin_parse(const char *str, Node *escontext)
{
	const char *p = eligwin_skip_space(str);
	EligwinInterval *iv;
	int32		n = 0;
	int32		cap = 8;
	int			age_min = 0;
	int			age_max = 0;
	bool		has_age = false;
	Eligwin    *w;
	const char *problem;

	if (*p != '{')
		ELIGWIN_SYNTAX_ERROR(escontext, str, "Missing left brace.");
	p = eligwin_skip_space(p + 1);
	iv = palloc(cap * sizeof(EligwinInterval));
	if (*p != '}')
	{
		for (;;)
		{
			bool		lo_inc,
						hi_inc,
						ok;
			DateADT		lo = DATEVAL_NOBEGIN,
						hi = DATEVAL_NOEND;

			CHECK_FOR_INTERRUPTS();
			if (*p != '[' && *p != '(')
				ELIGWIN_SYNTAX_ERROR(escontext, str, "Expected \"[\" or \"(\" at \"%s\".", p);
			lo_inc = (*p == '[');
			p = eligwin_skip_space(p + 1);
			if (*p != ',')
			{
				p = eligwin_parse_date(p, &lo, &ok);
				if (!ok)
					ELIGWIN_SYNTAX_ERROR(escontext, str, "Expected a date in YYYY-MM-DD form at \"%s\".", p);
				if (DATE_IS_NOEND(lo))
					ELIGWIN_SYNTAX_ERROR(escontext, str, "A lower bound cannot be infinity.");
				p = eligwin_skip_space(p);
			}
			if (*p != ',')
				ELIGWIN_SYNTAX_ERROR(escontext, str, "Expected \",\" at \"%s\".", p);
			p = eligwin_skip_space(p + 1);
			if (*p != ']' && *p != ')')
			{
				p = eligwin_parse_date(p, &hi, &ok);
				if (!ok)
					ELIGWIN_SYNTAX_ERROR(escontext, str, "Expected a date in YYYY-MM-DD form at \"%s\".", p);
				if (DATE_IS_NOBEGIN(hi))
					ELIGWIN_SYNTAX_ERROR(escontext, str, "An upper bound cannot be -infinity.");
				p = eligwin_skip_space(p);
			}
			if (*p != ']' && *p != ')')
				ELIGWIN_SYNTAX_ERROR(escontext, str, "Expected \"]\" or \")\" at \"%s\".", p);
			hi_inc = (*p == ']');
			p = eligwin_skip_space(p + 1);

			if (lo > hi)
				ELIGWIN_SYNTAX_ERROR(escontext, str, "Interval %d has its lower bound after its upper bound.", n + 1);
			if (!lo_inc)
				lo = eligwin_succ(lo);
			if (!hi_inc)
				hi = eligwin_pred(hi);
			if (n == cap)
			{
				if (cap > ELIGWIN_MAX_INTERVALS * 4)
					JOBS_EXT_INPUT_ERROR(escontext, NULL,
										 (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
										  errmsg("eligwin has too many intervals"),
										  errdetail("At most %d intervals are allowed.",
													ELIGWIN_MAX_INTERVALS)));
				cap *= 2;
				iv = repalloc(iv, cap * sizeof(EligwinInterval));
			}
			/* "[d,d)" is empty: drop it, as daterange does */
			if (lo <= hi)
			{
				iv[n].lo = lo;
				iv[n].hi = hi;
				n++;
			}
			if (*p == ',')
			{
				p = eligwin_skip_space(p + 1);
				continue;
			}
			if (*p == '}')
				break;
			ELIGWIN_SYNTAX_ERROR(escontext, str, "Expected \",\" or \"}\" at \"%s\".", p);
		}
	}
	p = eligwin_skip_space(p + 1);

	if (*p != '\0' && !eligwin_match_word(p, "region") && !eligwin_match_word(p, "groups"))
	{
		if (!eligwin_match_word(p, "age"))
			ELIGWIN_SYNTAX_ERROR(escontext, str, "Unexpected \"%s\" after the intervals.", p);
		p = eligwin_skip_space(p + 3);
		age_min = eligwin_parse_age(&p);
		if (age_min < 0)
			ELIGWIN_SYNTAX_ERROR(escontext, str, "Expected an age band such as \"age 15..34\" or \"age 65..\".");
		p = eligwin_skip_space(p);
		if (p[0] != '.' || p[1] != '.')
			ELIGWIN_SYNTAX_ERROR(escontext, str, "Expected \"..\" in the age band.");
		p = eligwin_skip_space(p + 2);
		age_max = eligwin_parse_age(&p);
		if (age_max < 0)
			age_max = ELIGWIN_AGE_UNBOUNDED;
		p = eligwin_skip_space(p);
		if (*p != '\0' && !eligwin_match_word(p, "region") && !eligwin_match_word(p, "groups"))
			ELIGWIN_SYNTAX_ERROR(escontext, str, "Unexpected \"%s\" after the age band.", p);
		has_age = true;
	}

	n = eligwin_normalise(iv, n);
	if (n > ELIGWIN_MAX_INTERVALS)
		JOBS_EXT_INPUT_ERROR(escontext, NULL,
							 (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
							  errmsg("eligwin has too many intervals"),
							  errdetail("The window has %d intervals; at most %d are allowed.",
										n, ELIGWIN_MAX_INTERVALS)));
	w = eligwin_make(iv, n, NULL);
	if (has_age)
	{
		w->flags |= ELIGWIN_FLAG_AGE;
		w->age_min = age_min;
		w->age_max = age_max;
	}
	pfree(iv);

	/* conditions: region {…} and groups {…} */
	if (*p != '\0')
	{
		p = eligwin_cond_parse(p, str, &w, escontext);
		if (p == NULL)
			return NULL;
	}

	/* the band, and the invariants normalisation gives, as recv checks them */
	problem = eligwin_check(w);
	if (problem != NULL)
		ELIGWIN_SYNTAX_ERROR(escontext, str, "%s", problem);
	return w;
}

PG_FUNCTION_INFO_V1(eligwin_in);
Datum
eligwin_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	Node	   *escontext = NULL;
	Eligwin    *w;

#if PG_VERSION_NUM >= 160000
	escontext = fcinfo->context;
#endif
	w = eligwin_parse(str, escontext);
	if (w == NULL)
		PG_RETURN_NULL();
	PG_RETURN_ELIGWIN_P(w);
}

PG_FUNCTION_INFO_V1(eligwin_out);
Datum
eligwin_out(PG_FUNCTION_ARGS)
{
	Eligwin    *w = eligwin_getarg(fcinfo, 0);
	StringInfoData buf;
	char		date[64];
	int32		i;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (i = 0; i < w->nintervals; i++)
	{
		DateADT		lo = w->intervals[i].lo;
		DateADT		hi = w->intervals[i].hi;

		if (i > 0)
			appendStringInfoChar(&buf, ',');
		if (DATE_IS_NOBEGIN(lo))
			appendStringInfoChar(&buf, '(');
		else
		{
			appendStringInfoChar(&buf, '[');
			eligwin_format_date(date, lo);
			appendStringInfoString(&buf, date);
		}
		appendStringInfoChar(&buf, ',');
		if (DATE_IS_NOEND(hi))
			appendStringInfoChar(&buf, ')');
		else
		{
			eligwin_format_date(date, hi);
			appendStringInfoString(&buf, date);
			appendStringInfoChar(&buf, ']');
		}
	}
	appendStringInfoChar(&buf, '}');
	if (ELIGWIN_HAS_AGE(w))
	{
		appendStringInfo(&buf, " age %d..", w->age_min);
		if (w->age_max != ELIGWIN_AGE_UNBOUNDED)
			appendStringInfo(&buf, "%d", w->age_max);
	}
	if (ELIGWIN_HAS_COND(w))
		eligwin_cond_out(&buf, w);
	PG_RETURN_CSTRING(buf.data);
}

/* ----------------------------------------------------------------
 * Binary I/O: version byte, flags byte, [int2 age_min, int2 age_max if the
 * age flag is set], int4 count, then count pairs of int4 (lo, hi).  Version
 * 2 (a window with conditions, and only then) adds the conditions after
 * the intervals (eligwin_cond_send).
 * ----------------------------------------------------------------
 */

#define ELIGWIN_BINARY_ERROR(...) \
	ereport(ERROR, \
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION), \
			 errmsg("invalid external eligwin value"), \
			 errdetail(__VA_ARGS__)))

static inline void
eligwin_need_bytes(StringInfo buf, int nbytes)
{
	if (buf->len - buf->cursor < nbytes)
		ELIGWIN_BINARY_ERROR("The value is truncated.");
}

PG_FUNCTION_INFO_V1(eligwin_recv);
Datum
eligwin_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version,
				flags;
	int16		age_min = 0,
				age_max = 0;
	int32		n,
				i;
	Eligwin    *w;
	const char *problem;

	eligwin_need_bytes(buf, 2);
	version = pq_getmsgbyte(buf);
	if (version != ELIGWIN_VERSION && version != ELIGWIN_VERSION_COND)
		ELIGWIN_BINARY_ERROR("Unknown version %d.", version);
	flags = pq_getmsgbyte(buf);
	if ((flags & ~(ELIGWIN_FLAG_AGE | ELIGWIN_FLAG_COND)) != 0 ||
		(version == ELIGWIN_VERSION) != ((flags & ELIGWIN_FLAG_COND) == 0))
		ELIGWIN_BINARY_ERROR("Unknown flags 0x%02x.", flags);
	if (flags & ELIGWIN_FLAG_AGE)
	{
		eligwin_need_bytes(buf, 4);
		age_min = (int16) pq_getmsgint(buf, 2);
		age_max = (int16) pq_getmsgint(buf, 2);
	}
	eligwin_need_bytes(buf, 4);
	n = (int32) pq_getmsgint(buf, 4);
	if (n < 0)
		ELIGWIN_BINARY_ERROR("Negative interval count %d.", n);
	if (version == ELIGWIN_VERSION ? (int64) n * 8 != buf->len - buf->cursor :
		(int64) n * 8 > buf->len - buf->cursor)
		ELIGWIN_BINARY_ERROR("The interval count %d does not match the %d bytes that follow.",
							 n, buf->len - buf->cursor);
	eligwin_check_count(n);

	w = eligwin_alloc(n);
	w->flags = (uint8) flags;
	w->age_min = age_min;
	w->age_max = age_max;
	w->nintervals = n;
	for (i = 0; i < n; i++)
	{
		w->intervals[i].lo = (DateADT) pq_getmsgint(buf, 4);
		w->intervals[i].hi = (DateADT) pq_getmsgint(buf, 4);
	}
	if (flags & ELIGWIN_FLAG_COND)
		w = eligwin_cond_recv(w, buf);
	problem = eligwin_check(w);
	if (problem != NULL)
		ELIGWIN_BINARY_ERROR("%s", problem);
	PG_RETURN_ELIGWIN_P(w);
}

PG_FUNCTION_INFO_V1(eligwin_send);
Datum
eligwin_send(PG_FUNCTION_ARGS)
{
	Eligwin    *w = eligwin_getarg(fcinfo, 0);
	StringInfoData buf;
	int32		i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, ELIGWIN_HAS_COND(w) ? ELIGWIN_VERSION_COND : ELIGWIN_VERSION);
	pq_sendbyte(&buf, w->flags & (ELIGWIN_FLAG_AGE | ELIGWIN_FLAG_COND));
	if (ELIGWIN_HAS_AGE(w))
	{
		pq_sendint16(&buf, w->age_min);
		pq_sendint16(&buf, w->age_max);
	}
	pq_sendint32(&buf, w->nintervals);
	for (i = 0; i < w->nintervals; i++)
	{
		pq_sendint32(&buf, w->intervals[i].lo);
		pq_sendint32(&buf, w->intervals[i].hi);
	}
	if (ELIGWIN_HAS_COND(w))
		eligwin_cond_send(&buf, w);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
