/*
 * eligwin_cond.c
 *		The conditions of an eligwin (version 2): residency and target groups.
 *
 * Text form, after the intervals and the age band:
 *		region {52130,4413025000}	법정동 prefixes of 2, 5, 8 or 10 digits
 *		groups {unpaid_leave,프리랜서}	jobprofile's target groups or aliases
 * A person qualifies for a region condition when the region of their
 * jobprofile lies under one of the prefixes (Jeonbuk 45 = 52, Gangwon
 * 42 = 51, as in matching), and for a group condition when the profile names
 * at least one of the groups.  A profile without a region (or without
 * groups) does not meet a region (or group) condition.
 *
 * Canonical form: regions with the current sido codes (45 is written 52,
 * 42 is written 51), trailing zero levels dropped (5213000000 is 52130),
 * sorted, duplicates and prefixes under another one removed; groups in
 * jobprofile's order, each once.  Text and binary input make it so; recv
 * refuses anything else.
 *
 * Binary form, after the intervals of version 2: [int2 group bits if the
 * groups flag is set], [int2 count, then count int8 10-digit codes, zero
 * padded, if the region flag is set].
 */
#include "postgres.h"

#include <ctype.h>

#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "common/hashfn.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/json.h"
#if PG_VERSION_NUM >= 160000
/* VARSIZE and friends; postgres.h included them before 16 */
#include "varatt.h"
#endif

#include "jobs_ext.h"
#include "eligwin.h"
#include "jobprofile.h"
#include "region.h"

StaticAssertDecl(sizeof(EligwinRegion) == 8, "EligwinRegion must be 8 bytes");

#define ELIGWIN_COND_HINT \
	"After the intervals come an optional age band, then region {…} and groups {…}, each at most once."

#define ELIGWIN_REGION_HINT \
	"A region is a 법정동 code prefix of 2, 5, 8 or 10 digits, such as 52 (전북), 52130 (군산시) or 5213010100."

#define ELIGWIN_GROUPS_HINT \
	"Target groups are youth, older, disabled, woman_returning, unpaid_leave, freelancer, crisis_jobless, low_income, single_parent, defector, immigrant (or their Korean names)."

#define ELIGWIN_COND_ERROR(escontext, str, hint, ...) \
	JOBS_EXT_INPUT_ERROR(escontext, NULL, \
						 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION), \
						  errmsg("invalid input syntax for type %s: \"%s\"", "eligwin", str), \
						  errdetail(__VA_ARGS__), errhint(hint)))

/* ----------------------------------------------------------------
 * Regions
 * ----------------------------------------------------------------
 */

static int
eligwin_region_cmp(const void *a, const void *b)
{
	const EligwinRegion *x = (const EligwinRegion *) a;
	const EligwinRegion *y = (const EligwinRegion *) b;

	if (x->sido != y->sido)
		return x->sido < y->sido ? -1 : 1;
	if (x->sigungu != y->sigungu)
		return x->sigungu < y->sigungu ? -1 : 1;
	if (x->emd != y->emd)
		return x->emd < y->emd ? -1 : 1;
	if (x->ri != y->ri)
		return x->ri < y->ri ? -1 : 1;
	return 0;
}

/* Does the code (area sido, levels, depth) lie under prefix p? */
static inline bool
eligwin_region_under(const EligwinRegion *p, int sido, int sigungu, int emd,
					 int ri, int depth)
{
	return depth >= p->depth && sido == p->sido &&
		(p->depth < 2 || sigungu == p->sigungu) &&
		(p->depth < 3 || emd == p->emd) &&
		(p->depth < 4 || ri == p->ri);
}

/* Sort, and drop duplicates and prefixes under another one; the new count */
static int
eligwin_regions_canonical(EligwinRegion *r, int n)
{
	int			out = 0;
	int			i;

	if (n > 1)
		qsort(r, n, sizeof(EligwinRegion), eligwin_region_cmp);
	for (i = 0; i < n; i++)
	{
		/* sorted: a prefix covering r[i] is the last one kept, if any */
		if (out > 0 && eligwin_region_under(&r[out - 1], r[i].sido, r[i].sigungu,
											r[i].emd, r[i].ri, r[i].depth))
			continue;
		r[out++] = r[i];
	}
	return out;
}

static void
eligwin_region_format(StringInfo buf, const EligwinRegion *r)
{
	appendStringInfo(buf, "%02d", r->sido);
	if (r->depth >= 2)
		appendStringInfo(buf, "%03d", r->sigungu);
	if (r->depth >= 3)
		appendStringInfo(buf, "%03d", r->emd);
	if (r->depth >= 4)
		appendStringInfo(buf, "%02d", r->ri);
}

/* ----------------------------------------------------------------
 * Building a window with conditions
 * ----------------------------------------------------------------
 */

/*
 * A copy of w (normalised, exact size) with the given conditions: version 2
 * when there are any, else version 1.
 */
static Eligwin *
eligwin_with_cond(const Eligwin *w, uint8 condflags, uint16 groups,
				  const EligwinRegion *regions, int nregions)
{
	Size		condsize = condflags ? ELIGWIN_COND_SIZE(nregions) : 0;
	Size		size = ELIGWIN_SIZE(w->nintervals) + condsize;
	Eligwin    *result = palloc0(size);

	memcpy(result, w, ELIGWIN_SIZE(w->nintervals));
	SET_VARSIZE(result, size);
	result->flags = (w->flags & ~ELIGWIN_FLAG_COND) | condflags;
	result->version = condflags ? ELIGWIN_VERSION_COND : ELIGWIN_VERSION;
	result->condsize = (int16) condsize;
	if (condflags)
	{
		EligwinCond *cond = ELIGWIN_COND(result);

		cond->groups = groups;
		cond->nregions = (uint16) nregions;
		if (nregions > 0)
			memcpy(cond->regions, regions, nregions * sizeof(EligwinRegion));
	}
	return result;
}

/* ----------------------------------------------------------------
 * Text input and output
 * ----------------------------------------------------------------
 */

static inline const char *
eligwin_cond_skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* The end of a list element: the next ',', '}' or the end of the string */
static inline const char *
eligwin_cond_element_end(const char *p)
{
	while (*p && *p != ',' && *p != '}')
		p++;
	return p;
}

/*
 * Parse the conditions at p (after the intervals and the age band) into a
 * new version of *w.  Returns the end of the string, or NULL after a soft
 * error.
 */
const char *
eligwin_cond_parse(const char *p, const char *str, Eligwin **w, Node *escontext)
{
	uint8		condflags = 0;
	uint16		groups = 0;
	EligwinRegion *regions = NULL;
	int			nregions = 0;
	int			cap = 0;

	for (;;)
	{
		bool		is_region;
		const char *what;

		p = eligwin_cond_skip_space(p);
		if (*p == '\0')
			break;
		if (pg_strncasecmp(p, "region", 6) == 0 && !isalnum((unsigned char) p[6]) && p[6] != '_')
			is_region = true;
		else if (pg_strncasecmp(p, "groups", 6) == 0 && !isalnum((unsigned char) p[6]) && p[6] != '_')
			is_region = false;
		else if (condflags != 0 && pg_strncasecmp(p, "age", 3) == 0)
			ELIGWIN_COND_ERROR(escontext, str, ELIGWIN_COND_HINT,
							   "The age band comes before the conditions.");
		else if (condflags == 0)
			ELIGWIN_COND_ERROR(escontext, str, ELIGWIN_COND_HINT,
							   "Unexpected \"%s\" after the intervals and the age band.", p);
		else
			ELIGWIN_COND_ERROR(escontext, str, ELIGWIN_COND_HINT,
							   "Unexpected \"%s\" after the conditions.", p);
		what = is_region ? "region" : "groups";
		if (condflags & (is_region ? ELIGWIN_FLAG_REGION : ELIGWIN_FLAG_GROUPS))
			ELIGWIN_COND_ERROR(escontext, str, ELIGWIN_COND_HINT,
							   "The %s condition is given twice.", what);
		condflags |= is_region ? ELIGWIN_FLAG_REGION : ELIGWIN_FLAG_GROUPS;
		p = eligwin_cond_skip_space(p + 6);
		if (*p != '{')
			ELIGWIN_COND_ERROR(escontext, str, ELIGWIN_COND_HINT,
							   "Expected \"{\" after \"%s\".", what);
		p = eligwin_cond_skip_space(p + 1);
		if (*p == '}')
			ELIGWIN_COND_ERROR(escontext, str,
							   is_region ? ELIGWIN_REGION_HINT : ELIGWIN_GROUPS_HINT,
							   "The %s condition is empty.", what);
		for (;;)
		{
			const char *end = eligwin_cond_element_end(p);
			int			len = (int) (end - p);

			/* trailing spaces are not part of the element */
			while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t' ||
							   p[len - 1] == '\n' || p[len - 1] == '\r'))
				len--;
			if (*end != ',' && *end != '}')
				ELIGWIN_COND_ERROR(escontext, str, ELIGWIN_COND_HINT,
								   "The %s condition has no closing \"}\".", what);
			if (len == 0)
				ELIGWIN_COND_ERROR(escontext, str,
								   is_region ? ELIGWIN_REGION_HINT : ELIGWIN_GROUPS_HINT,
								   "The %s condition has an empty element.", what);
			if (is_region)
			{
				RegionCode	rc;
				RegionParseResult res = region_parse(p, len, &rc);

				if (res == REGION_BAD_FORM)
					ELIGWIN_COND_ERROR(escontext, str, ELIGWIN_REGION_HINT,
									   "\"%.*s\" is not a region code prefix.",
									   pg_mbcliplen(p, len, 40), p);
				if (res == REGION_BAD_SIDO)
					ELIGWIN_COND_ERROR(escontext, str, ELIGWIN_REGION_HINT,
									   "In region \"%.*s\", %02d is not a sido code.", len, p, rc.sido);
				if (res == REGION_BAD_LEVELS)
					ELIGWIN_COND_ERROR(escontext, str, ELIGWIN_REGION_HINT,
									   "Region \"%.*s\" gives a level below an empty one.", len, p);
				if (nregions == cap)
				{
					if (nregions >= 4 * ELIGWIN_MAX_REGIONS)
						ELIGWIN_COND_ERROR(escontext, str, ELIGWIN_REGION_HINT,
										   "A region condition has at most %d prefixes.",
										   ELIGWIN_MAX_REGIONS);
					cap = Max(8, 2 * cap);
					regions = regions ? repalloc(regions, cap * sizeof(EligwinRegion)) :
						palloc(cap * sizeof(EligwinRegion));
				}
				memset(&regions[nregions], 0, sizeof(EligwinRegion));
				regions[nregions].sido = (uint8) region_sido_area(rc.sido);
				regions[nregions].depth = (uint8) rc.depth;
				regions[nregions].sigungu = (uint16) rc.sigungu;
				regions[nregions].emd = (uint16) rc.emd;
				regions[nregions].ri = (uint8) rc.ri;
				nregions++;
			}
			else
			{
				int			i;

				if (!jobprofile_target_lookup(p, len, ERRCODE_INVALID_TEXT_REPRESENTATION,
											  escontext, &i))
					return NULL;
				if (i < 0)
					ELIGWIN_COND_ERROR(escontext, str, ELIGWIN_GROUPS_HINT,
									   "Unknown target group \"%.*s\".",
									   pg_mbcliplen(p, len, 40), p);
				groups |= (uint16) (1 << i);
			}
			p = end + 1;
			if (*end == '}')
				break;
			p = eligwin_cond_skip_space(p);
		}
	}
	if (nregions > 0)
	{
		nregions = eligwin_regions_canonical(regions, nregions);
		if (nregions > ELIGWIN_MAX_REGIONS)
			ELIGWIN_COND_ERROR(escontext, str, ELIGWIN_REGION_HINT,
							   "A region condition has at most %d prefixes.",
							   ELIGWIN_MAX_REGIONS);
	}
	*w = eligwin_with_cond(*w, condflags, groups, regions, nregions);
	return p;
}

static void
eligwin_groups_format(StringInfo buf, uint16 groups, bool json)
{
	bool		first = true;
	int			i;

	for (i = 0; i < JP_NTARGETS; i++)
	{
		if (!(groups & (1 << i)))
			continue;
		if (!first)
			appendStringInfoChar(buf, ',');
		first = false;
		if (json)
			escape_json(buf, jp_target_names[i]);
		else
			appendStringInfoString(buf, jp_target_names[i]);
	}
}

/* Append " region {…} groups {…}" for the conditions of w */
void
eligwin_cond_out(StringInfo buf, const Eligwin *w)
{
	const EligwinCond *cond = ELIGWIN_COND(w);
	int			i;

	if (w->flags & ELIGWIN_FLAG_REGION)
	{
		appendStringInfoString(buf, " region {");
		for (i = 0; i < cond->nregions; i++)
		{
			if (i > 0)
				appendStringInfoChar(buf, ',');
			eligwin_region_format(buf, &cond->regions[i]);
		}
		appendStringInfoChar(buf, '}');
	}
	if (w->flags & ELIGWIN_FLAG_GROUPS)
	{
		appendStringInfoString(buf, " groups {");
		eligwin_groups_format(buf, cond->groups, false);
		appendStringInfoChar(buf, '}');
	}
}

/* ----------------------------------------------------------------
 * Validation and binary I/O
 * ----------------------------------------------------------------
 */

/* NULL when the conditions of w are valid and canonical, else why not */
const char *
eligwin_cond_check(const Eligwin *w)
{
	const EligwinCond *cond;
	int			i;

	if (w->condsize < (int16) ELIGWIN_COND_SIZE(0) ||
		ELIGWIN_SIZE(w->nintervals) + w->condsize != (Size) VARSIZE(w))
		return "The condition block has a wrong size.";
	cond = ELIGWIN_COND(w);
	if (ELIGWIN_COND_SIZE(cond->nregions) != (Size) w->condsize)
		return "The condition block has a wrong size.";
	if ((w->flags & ELIGWIN_FLAG_GROUPS) ?
		(cond->groups == 0 || (cond->groups & ~((1 << JP_NTARGETS) - 1)) != 0) :
		cond->groups != 0)
		return psprintf("Invalid target-group bits 0x%04x.", cond->groups);
	if ((w->flags & ELIGWIN_FLAG_REGION) ? cond->nregions == 0 : cond->nregions != 0)
		return "The region condition is empty or set without its flag.";
	if (cond->nregions > ELIGWIN_MAX_REGIONS)
		return psprintf("A region condition has at most %d prefixes.", ELIGWIN_MAX_REGIONS);
	for (i = 0; i < cond->nregions; i++)
	{
		const EligwinRegion *r = &cond->regions[i];

		if (!region_sido_is_valid(r->sido) || region_sido_area(r->sido) != r->sido ||
			r->sigungu > 999 || r->emd > 999 || r->ri > 99 || r->pad != 0 ||
			r->depth != 1 + (r->sigungu != 0) + (r->emd != 0) + (r->ri != 0) ||
			(r->sigungu == 0 && r->emd != 0) || (r->emd == 0 && r->ri != 0))
			return psprintf("Region %d is not a canonical 법정동 prefix.", i + 1);
		if (i > 0 && (eligwin_region_cmp(&cond->regions[i - 1], r) >= 0 ||
					  eligwin_region_under(&cond->regions[i - 1], r->sido, r->sigungu,
										   r->emd, r->ri, r->depth)))
			return psprintf("Region %d is not sorted after region %d or lies under it.", i + 1, i);
	}
	return NULL;
}

#define ELIGWIN_COND_BINARY_ERROR(...) \
	ereport(ERROR, \
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION), \
			 errmsg("invalid external eligwin value"), \
			 errdetail(__VA_ARGS__)))

/* The conditions after the intervals; w (version 2 flags set) gets them */
Eligwin *
eligwin_cond_recv(Eligwin *w, StringInfo buf)
{
	uint16		groups = 0;
	int			nregions = 0;
	EligwinRegion *regions = NULL;
	int			i;

	if (w->flags & ELIGWIN_FLAG_GROUPS)
	{
		if (buf->len - buf->cursor < 2)
			ELIGWIN_COND_BINARY_ERROR("The value is truncated.");
		groups = (uint16) pq_getmsgint(buf, 2);
	}
	if (w->flags & ELIGWIN_FLAG_REGION)
	{
		if (buf->len - buf->cursor < 2)
			ELIGWIN_COND_BINARY_ERROR("The value is truncated.");
		nregions = (int) (uint16) pq_getmsgint(buf, 2);
		if (nregions > ELIGWIN_MAX_REGIONS)
			ELIGWIN_COND_BINARY_ERROR("A region condition has at most %d prefixes.",
									  ELIGWIN_MAX_REGIONS);
		if ((int64) nregions * 8 != buf->len - buf->cursor)
			ELIGWIN_COND_BINARY_ERROR("The region count %d does not match the %d bytes that follow.",
									  nregions, buf->len - buf->cursor);
		regions = palloc0(Max(nregions, 1) * sizeof(EligwinRegion));
		for (i = 0; i < nregions; i++)
		{
			int64		code = pq_getmsgint64(buf);

			if (code < 0 || code > INT64CONST(9999999999))
				ELIGWIN_COND_BINARY_ERROR("Region %d is not a 10-digit code.", i + 1);
			regions[i].sido = (uint8) (code / INT64CONST(100000000));
			regions[i].sigungu = (uint16) (code / 100000 % 1000);
			regions[i].emd = (uint16) (code / 100 % 1000);
			regions[i].ri = (uint8) (code % 100);
			regions[i].depth = 1 + (regions[i].sigungu != 0) + (regions[i].emd != 0) +
				(regions[i].ri != 0);
		}
	}
	if (buf->cursor != buf->len)
		ELIGWIN_COND_BINARY_ERROR("Bytes follow the conditions: %d.", buf->len - buf->cursor);
	/* eligwin_cond_check() then checks that they are canonical */
	return eligwin_with_cond(w, w->flags & ELIGWIN_FLAG_COND, groups, regions, nregions);
}

void
eligwin_cond_send(StringInfo buf, const Eligwin *w)
{
	const EligwinCond *cond = ELIGWIN_COND(w);
	int			i;

	if (w->flags & ELIGWIN_FLAG_GROUPS)
		pq_sendint16(buf, cond->groups);
	if (w->flags & ELIGWIN_FLAG_REGION)
	{
		pq_sendint16(buf, cond->nregions);
		for (i = 0; i < cond->nregions; i++)
		{
			const EligwinRegion *r = &cond->regions[i];

			pq_sendint64(buf, (int64) r->sido * INT64CONST(100000000) +
						 (int64) r->sigungu * 100000 + (int64) r->emd * 100 + r->ri);
		}
	}
}

/* ----------------------------------------------------------------
 * Set operators, comparison, hashing
 * ----------------------------------------------------------------
 */

/* Do a and b carry the same conditions (or none)? */
bool
eligwin_same_cond(const Eligwin *a, const Eligwin *b)
{
	if ((a->flags & ELIGWIN_FLAG_COND) != (b->flags & ELIGWIN_FLAG_COND))
		return false;
	if (!ELIGWIN_HAS_COND(a))
		return true;
	return a->condsize == b->condsize &&
		memcmp(ELIGWIN_COND(a), ELIGWIN_COND(b), a->condsize) == 0;
}

/*
 * The conditions of an intersection: each condition is the one of the side
 * that has it, or the same on both sides; two different conditions of one
 * kind are refused (any of the groups of a and any of those of b is no list
 * of groups).  result is the intersection without conditions.
 */
Eligwin *
eligwin_cond_meet(Eligwin *result, const Eligwin *a, const Eligwin *b)
{
	const EligwinCond *ca = ELIGWIN_HAS_COND(a) ? ELIGWIN_COND(a) : NULL;
	const EligwinCond *cb = ELIGWIN_HAS_COND(b) ? ELIGWIN_COND(b) : NULL;
	const EligwinCond *rsrc = NULL;
	uint16		groups = 0;
	uint8		condflags = 0;

	if ((a->flags & ELIGWIN_FLAG_GROUPS) && (b->flags & ELIGWIN_FLAG_GROUPS) &&
		ca->groups != cb->groups)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot intersect eligwin values with different groups conditions"),
				 errhint("A condition must be the same on both sides or absent on one.")));
	if ((a->flags & ELIGWIN_FLAG_REGION) && (b->flags & ELIGWIN_FLAG_REGION) &&
		(ca->nregions != cb->nregions ||
		 memcmp(ca->regions, cb->regions, ca->nregions * sizeof(EligwinRegion)) != 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot intersect eligwin values with different region conditions"),
				 errhint("A condition must be the same on both sides or absent on one.")));
	if (a->flags & ELIGWIN_FLAG_GROUPS)
		groups = ca->groups;
	else if (b->flags & ELIGWIN_FLAG_GROUPS)
		groups = cb->groups;
	if (a->flags & ELIGWIN_FLAG_REGION)
		rsrc = ca;
	else if (b->flags & ELIGWIN_FLAG_REGION)
		rsrc = cb;
	condflags = (a->flags | b->flags) & ELIGWIN_FLAG_COND;
	return eligwin_with_cond(result, condflags, groups,
							 rsrc ? rsrc->regions : NULL, rsrc ? rsrc->nregions : 0);
}

/*
 * Order of the conditions, after dates and band: none first, then by the
 * flags, the groups, and the regions in order.
 */
int
eligwin_cond_compare(const Eligwin *a, const Eligwin *b)
{
	int			fa = a->flags & ELIGWIN_FLAG_COND;
	int			fb = b->flags & ELIGWIN_FLAG_COND;
	const EligwinCond *ca,
			   *cb;
	int			n,
				i;

	if (fa != fb)
		return fa < fb ? -1 : 1;
	if (fa == 0)
		return 0;
	ca = ELIGWIN_COND(a);
	cb = ELIGWIN_COND(b);
	if (ca->groups != cb->groups)
		return ca->groups < cb->groups ? -1 : 1;
	n = Min(ca->nregions, cb->nregions);
	for (i = 0; i < n; i++)
	{
		int			c = eligwin_region_cmp(&ca->regions[i], &cb->regions[i]);

		if (c != 0)
			return c;
	}
	if (ca->nregions != cb->nregions)
		return ca->nregions < cb->nregions ? -1 : 1;
	return 0;
}

uint64
eligwin_cond_hash(const Eligwin *w, uint64 seed)
{
	uint64		h = DatumGetUInt64(hash_any_extended((const unsigned char *) ELIGWIN_COND(w),
													 w->condsize, seed));

	return hash_combine64(h, DatumGetUInt64(hash_uint32_extended(w->flags & ELIGWIN_FLAG_COND,
																 seed)));
}

/* ----------------------------------------------------------------
 * Applying the conditions to a person
 * ----------------------------------------------------------------
 */

/* Does the person's region lie under a prefix?  True without a region condition */
bool
eligwin_region_holds(const Eligwin *w, const JobProfileFixed *h)
{
	const EligwinCond *cond;
	int			i;

	if (!(w->flags & ELIGWIN_FLAG_REGION))
		return true;
	if (!(h->parts & JP_HAS_REGION))
		return false;
	cond = ELIGWIN_COND(w);
	for (i = 0; i < cond->nregions; i++)
	{
		if (eligwin_region_under(&cond->regions[i], h->sido_area, h->sigungu,
								 h->emd, h->ri, h->region_depth))
			return true;
	}
	return false;
}

/* Does the person belong to one of the groups?  True without a group condition */
bool
eligwin_groups_hold(const Eligwin *w, const JobProfileFixed *h)
{
	if (!(w->flags & ELIGWIN_FLAG_GROUPS))
		return true;
	return (h->targets & ELIGWIN_COND(w)->groups) != 0;
}

/* ----------------------------------------------------------------
 * eligibility_explain(w, on, birth, person) -> jsonb
 * ----------------------------------------------------------------
 */

static void
eligwin_json_date(StringInfo buf, DateADT d)
{
	char		date[64];

	eligwin_format_date(date, d);
	escape_json(buf, date);
}

/* The open day nearest to on (on itself when open; the later one on a tie) */
static bool
eligwin_nearest_open(const Eligwin *w, DateADT on, DateADT *result)
{
	int32		i;
	bool		has_prev = false,
				has_next = false;
	DateADT		prev = 0,
				next = 0;

	for (i = 0; i < w->nintervals; i++)
	{
		const EligwinInterval *iv = &w->intervals[i];

		if (iv->lo <= on && on <= iv->hi)
		{
			*result = on;
			return true;
		}
		if (iv->hi < on)
		{
			prev = iv->hi;
			has_prev = true;
		}
		else
		{
			next = iv->lo;
			has_next = true;
			break;
		}
	}
	if (has_prev && has_next && !DATE_NOT_FINITE(on) && !DATE_NOT_FINITE(prev) &&
		!DATE_NOT_FINITE(next))
		*result = ((int64) on - prev < (int64) next - on) ? prev : next;
	else if (has_next)
		*result = next;
	else if (has_prev)
		*result = prev;
	else
		return false;
	return true;
}

PG_FUNCTION_INFO_V1(eligwin_explain);
Datum
eligwin_explain(PG_FUNCTION_ARGS)
{
	Eligwin    *w = eligwin_normalised(PG_GETARG_ELIGWIN_P(0));
	DateADT		on = PG_GETARG_DATEADT(1);
	DateADT		birth = PG_GETARG_DATEADT(2);
	JobProfileView person;
	StringInfoData buf;
	StringInfoData failed;
	bool		dates_hold,
				age_hold = true,
				region_hold,
				groups_hold;
	DateADT		nearest;

	if (DATE_NOT_FINITE(birth))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("birth date must be a finite date")));
	jp_view(&person, PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(3)));
	initStringInfo(&buf);
	initStringInfo(&failed);

	dates_hold = eligwin_intervals_contain_date(w->intervals, w->nintervals, on);
	appendStringInfoString(&buf, "{\"dates\": {\"holds\": ");
	appendStringInfoString(&buf, dates_hold ? "true" : "false");
	appendStringInfoString(&buf, ", \"on\": ");
	eligwin_json_date(&buf, on);
	appendStringInfoString(&buf, ", \"nearest_open\": ");
	if (eligwin_nearest_open(w, on, &nearest))
		eligwin_json_date(&buf, nearest);
	else
		appendStringInfoString(&buf, "null");
	appendStringInfoChar(&buf, '}');
	if (!dates_hold)
		appendStringInfoString(&failed, "\"dates\"");

	/* age: with a band, or when the day is before the birth */
	if (ELIGWIN_HAS_AGE(w) || on < birth)
	{
		appendStringInfoString(&buf, ", \"age\": {");
		if (ELIGWIN_HAS_AGE(w))
		{
			appendStringInfo(&buf, "\"band\": \"%d..", w->age_min);
			if (w->age_max != ELIGWIN_AGE_UNBOUNDED)
				appendStringInfo(&buf, "%d", w->age_max);
			appendStringInfoString(&buf, "\", ");
		}
		if (on < birth)
		{
			age_hold = false;
			appendStringInfoString(&buf, "\"age\": null, \"born\": false");
		}
		else if (DATE_IS_NOEND(on))
		{
			age_hold = w->age_max == ELIGWIN_AGE_UNBOUNDED;
			appendStringInfoString(&buf, "\"age\": null");
		}
		else
		{
			int32		age = eligwin_age_on(birth, on);

			age_hold = age >= w->age_min &&
				(w->age_max == ELIGWIN_AGE_UNBOUNDED || age <= w->age_max);
			appendStringInfo(&buf, "\"age\": %d", age);
		}
		appendStringInfo(&buf, ", \"holds\": %s}", age_hold ? "true" : "false");
		if (!age_hold)
			appendStringInfo(&failed, "%s\"age\"", failed.len ? ", " : "");
	}

	region_hold = eligwin_region_holds(w, &person.h);
	if (w->flags & ELIGWIN_FLAG_REGION)
	{
		const EligwinCond *cond = ELIGWIN_COND(w);
		int			i;

		appendStringInfo(&buf, ", \"region\": {\"holds\": %s, \"allowed\": [",
						 region_hold ? "true" : "false");
		for (i = 0; i < cond->nregions; i++)
		{
			if (i > 0)
				appendStringInfoString(&buf, ", ");
			appendStringInfoChar(&buf, '"');
			eligwin_region_format(&buf, &cond->regions[i]);
			appendStringInfoChar(&buf, '"');
		}
		appendStringInfoString(&buf, "], \"person\": ");
		if (person.h.parts & JP_HAS_REGION)
			appendStringInfo(&buf, "\"%02d%03d%03d%02d\"", person.h.sido,
							 person.h.sigungu, person.h.emd, person.h.ri);
		else
			appendStringInfoString(&buf, "null");
		appendStringInfoChar(&buf, '}');
		if (!region_hold)
			appendStringInfo(&failed, "%s\"region\"", failed.len ? ", " : "");
	}

	groups_hold = eligwin_groups_hold(w, &person.h);
	if (w->flags & ELIGWIN_FLAG_GROUPS)
	{
		appendStringInfo(&buf, ", \"groups\": {\"holds\": %s, \"allowed\": [",
						 groups_hold ? "true" : "false");
		eligwin_groups_format(&buf, ELIGWIN_COND(w)->groups, true);
		appendStringInfoString(&buf, "], \"person\": [");
		eligwin_groups_format(&buf, person.h.targets, true);
		appendStringInfoString(&buf, "]}");
		if (!groups_hold)
			appendStringInfo(&failed, "%s\"groups\"", failed.len ? ", " : "");
	}

	appendStringInfo(&buf, ", \"eligible\": %s, \"failed\": [%s]}",
					 dates_hold && age_hold && region_hold && groups_hold ? "true" : "false",
					 failed.data);
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}
