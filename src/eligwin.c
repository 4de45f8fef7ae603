/*
 * eligwin.c
 *		The eligwin type: a normalised set of inclusive date intervals with an
 *		optional age band in completed years (만 나이), and Korean age.
 *
 * Text form: {[2018-04-05,2022-12-31],[2024-01-01,)} age 15..34
 * Bounds are inclusive; '(' / ')' with a date are accepted on input and made
 * inclusive; an empty bound, -infinity or infinity is unbounded.  Dates are
 * always read and written in ISO form, whatever DateStyle says, so the text
 * form round-trips between servers with different settings.
 *
 * Then, in version 2, conditions on the person (eligwin_cond.c):
 *		{[2020-06-01,2020-07-20]} age 15..34 region {52130} groups {unpaid_leave}
 *
 * Set operators and containment look at the dates only; the age band and
 * the conditions are applied to one person by eligible() and
 * eligible_dates().  Text and binary I/O are in eligwin_io.c, the
 * conditions in eligwin_cond.c, the GiST support in eligwin_gist.c.
 */
#include "postgres.h"

#include <ctype.h>
#include <limits.h>

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"
#include "utils/multirangetypes.h"

#include "jobs_ext.h"
#include "eligwin.h"
#include "jobprofile.h"

/* ----------------------------------------------------------------
 * Construction and normalisation
 * ----------------------------------------------------------------
 */

/* A zeroed, empty window with room for capacity intervals */
Eligwin *
eligwin_alloc(int32 capacity)
{
	Eligwin    *w = palloc0(ELIGWIN_SIZE(capacity));

	SET_VARSIZE(w, ELIGWIN_SIZE(capacity));
	w->version = ELIGWIN_VERSION;
	return w;
}

/*
 * A zeroed, empty window with room for capacity intervals and, when src has
 * conditions, a copy of them at its end (version 2); else as eligwin_alloc.
 */
Eligwin *
eligwin_alloc_cond(int32 capacity, const Eligwin *src)
{
	Eligwin    *w;
	Size		condsize;

	if (src == NULL || !ELIGWIN_HAS_COND(src))
		return eligwin_alloc(capacity);
	condsize = src->condsize;
	w = palloc0(ELIGWIN_SIZE(capacity) + condsize);
	SET_VARSIZE(w, ELIGWIN_SIZE(capacity) + condsize);
	w->version = ELIGWIN_VERSION_COND;
	w->flags = src->flags & ELIGWIN_FLAG_COND;
	w->condsize = (int16) condsize;
	memcpy(ELIGWIN_COND(w), ELIGWIN_COND(src), condsize);
	return w;
}

/* Any stored window, detoasted; one this build cannot read stops here */
Eligwin *
eligwin_detoast(Datum d)
{
	Eligwin    *w = (Eligwin *) PG_DETOAST_DATUM(d);

	if (VARSIZE(w) < ELIGWIN_HDRSZ || w->nintervals < 0 ||
		(w->version == ELIGWIN_VERSION ?
		 ELIGWIN_SIZE(w->nintervals) > VARSIZE(w) :
		 (w->version != ELIGWIN_VERSION_COND || !ELIGWIN_HAS_COND(w) ||
		  w->condsize < (int16) ELIGWIN_COND_SIZE(0) ||
		  ELIGWIN_SIZE(w->nintervals) + w->condsize > VARSIZE(w) ||
		  ELIGWIN_COND_SIZE(ELIGWIN_COND(w)->nregions) != (Size) w->condsize)))
		jobs_ext_unsupported_version("eligwin", VARSIZE(w) > VARHDRSZ ? w->version : -1,
									 ELIGWIN_VERSION_COND, VARSIZE(w));
	return w;
}

void
eligwin_check_count(int64 n)
{
	if (n > ELIGWIN_MAX_INTERVALS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("eligwin has too many intervals"),
				 errdetail("The window has %lld intervals; at most %d are allowed.",
						   (long long) n, ELIGWIN_MAX_INTERVALS)));
}

static inline void
eligwin_copy_band(Eligwin *dst, const Eligwin *src)
{
	if (src != NULL && ELIGWIN_HAS_AGE(src))
	{
		dst->flags |= ELIGWIN_FLAG_AGE;
		dst->age_min = src->age_min;
		dst->age_max = src->age_max;
	}
}

/*
 * A new exact-size window from normalised intervals, with the age band and
 * the conditions of band (none if NULL).
 */
Eligwin *
eligwin_make(const EligwinInterval *iv, int32 n, const Eligwin *band)
{
	Eligwin    *w;

	eligwin_check_count(n);
	w = eligwin_alloc_cond(n, band);
	w->nintervals = n;
	if (n > 0)
		memcpy(w->intervals, iv, n * sizeof(EligwinInterval));
	eligwin_copy_band(w, band);
	return w;
}

static int
eligwin_interval_cmp(const void *a, const void *b)
{
	const EligwinInterval *x = (const EligwinInterval *) a;
	const EligwinInterval *y = (const EligwinInterval *) b;

	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	if (x->hi != y->hi)
		return x->hi < y->hi ? -1 : 1;
	return 0;
}

/*
 * Sort intervals in place and merge overlapping and adjacent ones; intervals
 * with lo > hi are dropped.  Returns the new count.
 */
int32
eligwin_normalise(EligwinInterval *iv, int32 n)
{
	int32		out = 0;
	int32		i;

	if (n > 1)
		qsort(iv, n, sizeof(EligwinInterval), eligwin_interval_cmp);
	for (i = 0; i < n; i++)
	{
		if (iv[i].lo > iv[i].hi)
			continue;
		if (out > 0 && (int64) iv[i].lo <= (int64) iv[out - 1].hi + 1)
		{
			if (iv[i].hi > iv[out - 1].hi)
				iv[out - 1].hi = iv[i].hi;
		}
		else
			iv[out++] = iv[i];
	}
	return out;
}

/*
 * w itself when it is normalised, else a normalised exact-size copy (for
 * aggregate states that were appended to without sorting).
 */
Eligwin *
eligwin_normalised(Eligwin *w)
{
	Eligwin    *copy;
	EligwinInterval *iv;
	int32		n;

	if ((w->flags & ELIGWIN_FLAG_RAW) == 0)
		return w;
	iv = palloc(Max(w->nintervals, 1) * sizeof(EligwinInterval));
	memcpy(iv, w->intervals, w->nintervals * sizeof(EligwinInterval));
	n = eligwin_normalise(iv, w->nintervals);
	copy = eligwin_make(iv, n, w);
	pfree(iv);
	return copy;
}

/*
 * Append [lo, hi] to an output array unless it is empty or lies wholly
 * beyond the finite dates (which a difference can produce next to an
 * unbounded end).
 */
static inline void
eligwin_push(EligwinInterval *out, int32 *n, DateADT lo, DateADT hi)
{
	if (lo > hi)
		return;
	if (!DATE_IS_NOBEGIN(lo) && lo >= ELIGWIN_DATE_END)
		return;
	if (!DATE_IS_NOEND(hi) && hi < ELIGWIN_DATE_MIN)
		return;
	out[*n].lo = lo;
	out[*n].hi = hi;
	(*n)++;
}

/* ----------------------------------------------------------------
 * Constructors and casts
 * ----------------------------------------------------------------
 */

/* eligwin(lower date, upper date, min_age int, max_age int): NULL = unbounded */
PG_FUNCTION_INFO_V1(eligwin_construct);
Datum
eligwin_construct(PG_FUNCTION_ARGS)
{
	EligwinInterval iv;
	Eligwin    *w;
	int32		n = 0;

	iv.lo = PG_ARGISNULL(0) ? DATEVAL_NOBEGIN : PG_GETARG_DATEADT(0);
	iv.hi = PG_ARGISNULL(1) ? DATEVAL_NOEND : PG_GETARG_DATEADT(1);
	if (DATE_IS_NOEND(iv.lo) || DATE_IS_NOBEGIN(iv.hi))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("eligwin lower bound cannot be infinity nor upper bound -infinity")));
	if (iv.lo > iv.hi)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("eligwin lower bound must be less than or equal to upper bound")));
	n = 1;
	w = eligwin_make(&iv, n, NULL);
	if (!PG_ARGISNULL(2) || !PG_ARGISNULL(3))
	{
		int32		age_min = PG_ARGISNULL(2) ? 0 : PG_GETARG_INT32(2);
		int32		age_max = PG_ARGISNULL(3) ? ELIGWIN_AGE_UNBOUNDED : PG_GETARG_INT32(3);

		if (age_min < 0 || age_min > ELIGWIN_MAX_AGE ||
			(age_max != ELIGWIN_AGE_UNBOUNDED &&
			 (age_max < age_min || age_max > ELIGWIN_MAX_AGE)))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid age band %d..%d", age_min, age_max),
					 errhint("Ages are completed years between 0 and %d, lowest first.",
							 ELIGWIN_MAX_AGE)));
		w->flags |= ELIGWIN_FLAG_AGE;
		w->age_min = age_min;
		w->age_max = age_max;
	}
	PG_RETURN_ELIGWIN_P(w);
}

/* Inclusive bounds of one daterange; false when it is empty */
static bool
eligwin_from_range_bounds(TypeCacheEntry *typcache, const RangeType *r,
						  EligwinInterval *iv)
{
	RangeBound	lower,
				upper;
	bool		empty;

	range_deserialize(typcache, r, &lower, &upper, &empty);
	if (empty)
		return false;
	if (lower.infinite || DATE_IS_NOBEGIN(DatumGetDateADT(lower.val)))
		iv->lo = DATEVAL_NOBEGIN;
	else
	{
		iv->lo = DatumGetDateADT(lower.val);
		if (!lower.inclusive)
			iv->lo = eligwin_succ(iv->lo);
	}
	if (upper.infinite || DATE_IS_NOEND(DatumGetDateADT(upper.val)))
		iv->hi = DATEVAL_NOEND;
	else
	{
		iv->hi = DatumGetDateADT(upper.val);
		if (!upper.inclusive)
			iv->hi = eligwin_pred(iv->hi);
	}
	return iv->lo <= iv->hi && !DATE_IS_NOEND(iv->lo) && !DATE_IS_NOBEGIN(iv->hi);
}

PG_FUNCTION_INFO_V1(eligwin_from_daterange);
Datum
eligwin_from_daterange(PG_FUNCTION_ARGS)
{
	RangeType  *r = PG_GETARG_RANGE_P(0);
	TypeCacheEntry *typcache = range_get_typcache(fcinfo, RangeTypeGetOid(r));
	EligwinInterval iv;

	if (!eligwin_from_range_bounds(typcache, r, &iv))
		PG_RETURN_ELIGWIN_P(eligwin_make(NULL, 0, NULL));
	PG_RETURN_ELIGWIN_P(eligwin_make(&iv, 1, NULL));
}


PG_FUNCTION_INFO_V1(eligwin_from_datemultirange);
Datum
eligwin_from_datemultirange(PG_FUNCTION_ARGS)
{
	MultirangeType *mr = PG_GETARG_MULTIRANGE_P(0);
	TypeCacheEntry *mltrngtypcache = multirange_get_typcache(fcinfo, MultirangeTypeGetOid(mr));
	TypeCacheEntry *typcache = mltrngtypcache->rngtype;
	int32		count;
	RangeType **ranges;
	EligwinInterval *iv;
	int32		n = 0;
	int32		i;

	multirange_deserialize(typcache, mr, &count, &ranges);
	iv = palloc(Max(count, 1) * sizeof(EligwinInterval));
	for (i = 0; i < count; i++)
	{
		if (eligwin_from_range_bounds(typcache, ranges[i], &iv[n]))
			n++;
	}
	n = eligwin_normalise(iv, n);
	PG_RETURN_ELIGWIN_P(eligwin_make(iv, n, NULL));
}

PG_FUNCTION_INFO_V1(eligwin_to_datemultirange);
Datum
eligwin_to_datemultirange(PG_FUNCTION_ARGS)
{
	Eligwin    *w = eligwin_getarg(fcinfo, 0);
	TypeCacheEntry *mltrngtypcache = multirange_get_typcache(fcinfo, DATEMULTIRANGEOID);
	TypeCacheEntry *typcache = mltrngtypcache->rngtype;
	RangeType **ranges;
	int32		i;

	if (ELIGWIN_HAS_AGE(w))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot convert an eligwin with an age band to datemultirange"),
				 errhint("Use eligible_dates(window, birth) to apply the band for one person first.")));
	if (ELIGWIN_HAS_COND(w))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot convert an eligwin with conditions to datemultirange"),
				 errhint("Use eligible_dates(window, birth, person) to apply them for one person first.")));
	ranges = palloc(Max(w->nintervals, 1) * sizeof(RangeType *));
	for (i = 0; i < w->nintervals; i++)
	{
		RangeBound	lower,
					upper;
		DateADT		lo = w->intervals[i].lo;
		DateADT		hi = w->intervals[i].hi;

		lower.val = DateADTGetDatum(lo);
		lower.infinite = DATE_IS_NOBEGIN(lo);
		lower.inclusive = true;
		lower.lower = true;
		upper.infinite = DATE_IS_NOEND(hi) || hi + 1 >= ELIGWIN_DATE_END;
		upper.val = DateADTGetDatum(upper.infinite ? hi : hi + 1);
		upper.inclusive = false;
		upper.lower = false;
#if PG_VERSION_NUM >= 160000
		ranges[i] = make_range(typcache, &lower, &upper, false, NULL);
#else
		ranges[i] = make_range(typcache, &lower, &upper, false);
#endif
	}
	PG_RETURN_MULTIRANGE_P(make_multirange(DATEMULTIRANGEOID, typcache,
										   w->nintervals, ranges));
}


/* ----------------------------------------------------------------
 * Comparison, hashing
 * ----------------------------------------------------------------
 */

static int
eligwin_compare(const Eligwin *a, const Eligwin *b)
{
	int32		n = Min(a->nintervals, b->nintervals);
	int32		i;

	for (i = 0; i < n; i++)
	{
		int			c = eligwin_interval_cmp(&a->intervals[i], &b->intervals[i]);

		if (c != 0)
			return c;
	}
	if (a->nintervals != b->nintervals)
		return a->nintervals < b->nintervals ? -1 : 1;
	if (ELIGWIN_HAS_AGE(a) != ELIGWIN_HAS_AGE(b))
		return ELIGWIN_HAS_AGE(a) ? 1 : -1;
	if (a->age_min != b->age_min)
		return a->age_min < b->age_min ? -1 : 1;
	if (a->age_max != b->age_max)
	{
		/* an open band sorts after every closed one */
		int32		amax = a->age_max == ELIGWIN_AGE_UNBOUNDED ? INT_MAX : a->age_max;
		int32		bmax = b->age_max == ELIGWIN_AGE_UNBOUNDED ? INT_MAX : b->age_max;

		return amax < bmax ? -1 : 1;
	}
	if (ELIGWIN_HAS_COND(a) || ELIGWIN_HAS_COND(b))
		return eligwin_cond_compare(a, b);
	return 0;
}

PG_FUNCTION_INFO_V1(eligwin_cmp);
Datum
eligwin_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(eligwin_compare(eligwin_getarg(fcinfo, 0), eligwin_getarg(fcinfo, 1)));
}

PG_FUNCTION_INFO_V1(eligwin_eq);
Datum
eligwin_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(eligwin_compare(eligwin_getarg(fcinfo, 0), eligwin_getarg(fcinfo, 1)) == 0);
}

PG_FUNCTION_INFO_V1(eligwin_ne);
Datum
eligwin_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(eligwin_compare(eligwin_getarg(fcinfo, 0), eligwin_getarg(fcinfo, 1)) != 0);
}

PG_FUNCTION_INFO_V1(eligwin_lt);
Datum
eligwin_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(eligwin_compare(eligwin_getarg(fcinfo, 0), eligwin_getarg(fcinfo, 1)) < 0);
}

PG_FUNCTION_INFO_V1(eligwin_le);
Datum
eligwin_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(eligwin_compare(eligwin_getarg(fcinfo, 0), eligwin_getarg(fcinfo, 1)) <= 0);
}

PG_FUNCTION_INFO_V1(eligwin_gt);
Datum
eligwin_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(eligwin_compare(eligwin_getarg(fcinfo, 0), eligwin_getarg(fcinfo, 1)) > 0);
}

PG_FUNCTION_INFO_V1(eligwin_ge);
Datum
eligwin_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(eligwin_compare(eligwin_getarg(fcinfo, 0), eligwin_getarg(fcinfo, 1)) >= 0);
}

/* Hash of the intervals and the band; spare capacity is not looked at */
static uint64
eligwin_hash_internal(const Eligwin *w, uint64 seed)
{
	uint64		h;
	uint32		band;

	h = DatumGetUInt64(hash_any_extended((const unsigned char *) w->intervals,
										 w->nintervals * sizeof(EligwinInterval),
										 seed));
	band = ELIGWIN_HAS_AGE(w) ?
		((uint32) (uint16) w->age_min << 16 | (uint32) (uint16) w->age_max) : 0xFFFFFFFF;
	h = hash_combine64(h, DatumGetUInt64(hash_uint32_extended(band, seed)));
	/* a window without conditions hashes as in version 1 */
	if (ELIGWIN_HAS_COND(w))
		h = hash_combine64(h, eligwin_cond_hash(w, seed));
	return h;
}

PG_FUNCTION_INFO_V1(eligwin_hash);
Datum
eligwin_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) eligwin_hash_internal(eligwin_getarg(fcinfo, 0), 0));
}

PG_FUNCTION_INFO_V1(eligwin_hash_extended);
Datum
eligwin_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64((int64) eligwin_hash_internal(eligwin_getarg(fcinfo, 0),
												  (uint64) PG_GETARG_INT64(1)));
}

/* ----------------------------------------------------------------
 * Containment and overlap (dates only)
 * ----------------------------------------------------------------
 */

/* Index of the first interval whose hi >= d, or n */
static int32
eligwin_search(const EligwinInterval *a, int32 n, DateADT d)
{
	int32		lo = 0,
				hi = n;

	while (lo < hi)
	{
		int32		mid = lo + (hi - lo) / 2;

		if (a[mid].hi < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool
eligwin_intervals_contain_date(const EligwinInterval *a, int32 na, DateADT d)
{
	int32		i;

	/* most windows have one or two intervals: scan those directly */
	if (na <= 4)
	{
		for (i = 0; i < na; i++)
		{
			if (d <= a[i].hi)
				return d >= a[i].lo;
		}
		return false;
	}
	i = eligwin_search(a, na, d);
	return i < na && a[i].lo <= d;
}

bool
eligwin_intervals_overlap(const EligwinInterval *a, int32 na,
						  const EligwinInterval *b, int32 nb)
{
	int32		i = 0,
				j = 0;

	while (i < na && j < nb)
	{
		if (a[i].hi < b[j].lo)
			i++;
		else if (b[j].hi < a[i].lo)
			j++;
		else
			return true;
	}
	return false;
}

/* Is every day of b in a? */
bool
eligwin_intervals_contain(const EligwinInterval *a, int32 na,
						  const EligwinInterval *b, int32 nb)
{
	int32		i = 0,
				j;

	for (j = 0; j < nb; j++)
	{
		while (i < na && a[i].hi < b[j].lo)
			i++;
		if (i == na || a[i].lo > b[j].lo || a[i].hi < b[j].hi)
			return false;
	}
	return true;
}

/*
 * w @> d without copying w: small windows are stored with a 1-byte varlena
 * header, which PG_DETOAST_DATUM would copy to align; here the packed bytes
 * are read in place.  This is the hot path of a scan for one day, and the
 * leaf test of eligwin_exact_ops (eligwin_gist.c).
 */
bool
eligwin_datum_contains_date(Datum datum, DateADT d)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(datum);
	const char *data = VARDATA_ANY(v);
	EligwinInterval iv;
	int32		n;
	int32		i;
	bool		result = false;

	/* a window this build cannot read: the checked path reports it */
	/* (version 2 is checked there too, then read here: same intervals) */
	if (VARSIZE_ANY_EXHDR(v) < ELIGWIN_HDRSZ - VARHDRSZ ||
		(uint8) data[offsetof(Eligwin, version) - VARHDRSZ] != ELIGWIN_VERSION)
	{
		Eligwin    *checked = DatumGetEligwinP(datum);

		if ((Pointer) checked != DatumGetPointer(datum))
			pfree(checked);
	}
	if (data[offsetof(Eligwin, flags) - VARHDRSZ] & ELIGWIN_FLAG_RAW)
	{
		Eligwin    *w = eligwin_normalised(DatumGetEligwinP(datum));

		return eligwin_intervals_contain_date(w->intervals, w->nintervals, d);
	}
	memcpy(&n, data + offsetof(Eligwin, nintervals) - VARHDRSZ, sizeof(int32));
	data += ELIGWIN_HDRSZ - VARHDRSZ;
	if (n > 8)
	{
		/* many intervals: binary search on an aligned copy */
		Eligwin    *w = DatumGetEligwinP(datum);

		result = eligwin_intervals_contain_date(w->intervals, w->nintervals, d);
		if ((Pointer) w != DatumGetPointer(datum))
			pfree(w);
	}
	else
	{
		for (i = 0; i < n; i++)
		{
			memcpy(&iv, data + i * sizeof(EligwinInterval), sizeof(EligwinInterval));
			if (d <= iv.hi)
			{
				result = d >= iv.lo;
				break;
			}
		}
	}
	if ((Pointer) v != DatumGetPointer(datum))
		pfree(v);
	return result;
}

PG_FUNCTION_INFO_V1(eligwin_contains_date);
Datum
eligwin_contains_date(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(eligwin_datum_contains_date(PG_GETARG_DATUM(0), PG_GETARG_DATEADT(1)));
}

PG_FUNCTION_INFO_V1(eligwin_date_contained_by);
Datum
eligwin_date_contained_by(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(eligwin_datum_contains_date(PG_GETARG_DATUM(1), PG_GETARG_DATEADT(0)));
}

PG_FUNCTION_INFO_V1(eligwin_contains);
Datum
eligwin_contains(PG_FUNCTION_ARGS)
{
	Eligwin    *a = eligwin_getarg(fcinfo, 0);
	Eligwin    *b = eligwin_getarg(fcinfo, 1);

	PG_RETURN_BOOL(eligwin_intervals_contain(a->intervals, a->nintervals,
											 b->intervals, b->nintervals));
}

PG_FUNCTION_INFO_V1(eligwin_contained_by);
Datum
eligwin_contained_by(PG_FUNCTION_ARGS)
{
	Eligwin    *a = eligwin_getarg(fcinfo, 0);
	Eligwin    *b = eligwin_getarg(fcinfo, 1);

	PG_RETURN_BOOL(eligwin_intervals_contain(b->intervals, b->nintervals,
											 a->intervals, a->nintervals));
}

PG_FUNCTION_INFO_V1(eligwin_overlaps);
Datum
eligwin_overlaps(PG_FUNCTION_ARGS)
{
	Eligwin    *a = eligwin_getarg(fcinfo, 0);
	Eligwin    *b = eligwin_getarg(fcinfo, 1);

	PG_RETURN_BOOL(eligwin_intervals_overlap(a->intervals, a->nintervals,
											 b->intervals, b->nintervals));
}

/* ----------------------------------------------------------------
 * Set algebra
 * ----------------------------------------------------------------
 */

static bool
eligwin_same_band(const Eligwin *a, const Eligwin *b)
{
	if (ELIGWIN_HAS_AGE(a) != ELIGWIN_HAS_AGE(b))
		return false;
	return !ELIGWIN_HAS_AGE(a) ||
		(a->age_min == b->age_min && a->age_max == b->age_max);
}

/*
 * The union of two windows' dates.  A window without dates adds nothing;
 * otherwise both must carry the same age band, as the union of two
 * different bands is not a band.
 */
static Eligwin *
eligwin_union_internal(Eligwin *a, Eligwin *b)
{
	EligwinInterval *out;
	int32		n = 0,
				i = 0,
				j = 0;
	Eligwin    *result;

	if (b->nintervals == 0)
		return a;
	if (a->nintervals == 0)
		return b;
	if (!eligwin_same_band(a, b))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot unite eligwin values with different age bands"),
				 errhint("Apply the bands with eligible_dates(window, birth) first, or give both windows the same band.")));
	if (!eligwin_same_cond(a, b))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot unite eligwin values with different conditions"),
				 errhint("Apply them with eligible_dates(window, birth, person) first, or give both windows the same conditions.")));

	out = palloc((a->nintervals + b->nintervals) * sizeof(EligwinInterval));
	while (i < a->nintervals || j < b->nintervals)
	{
		const EligwinInterval *next;

		if (j >= b->nintervals ||
			(i < a->nintervals && a->intervals[i].lo <= b->intervals[j].lo))
			next = &a->intervals[i++];
		else
			next = &b->intervals[j++];
		if (n > 0 && (int64) next->lo <= (int64) out[n - 1].hi + 1)
		{
			if (next->hi > out[n - 1].hi)
				out[n - 1].hi = next->hi;
		}
		else
			out[n++] = *next;
	}
	result = eligwin_make(out, n, a);
	pfree(out);
	return result;
}

/*
 * Dates in both; the age band is where both bands hold; each condition is
 * the one side's when the other has none (eligwin_cond_meet)
 */
static Eligwin *
eligwin_intersect_internal(const Eligwin *a, const Eligwin *b)
{
	EligwinInterval *out;
	int32		n = 0,
				i = 0,
				j = 0;
	Eligwin    *result;
	int32		age_min = 0,
				age_max = ELIGWIN_AGE_UNBOUNDED;

	if (ELIGWIN_HAS_AGE(a) || ELIGWIN_HAS_AGE(b))
	{
		const Eligwin *bands[2] = {a, b};
		int			k;

		for (k = 0; k < 2; k++)
		{
			if (!ELIGWIN_HAS_AGE(bands[k]))
				continue;
			age_min = Max(age_min, bands[k]->age_min);
			if (bands[k]->age_max != ELIGWIN_AGE_UNBOUNDED &&
				(age_max == ELIGWIN_AGE_UNBOUNDED || bands[k]->age_max < age_max))
				age_max = bands[k]->age_max;
		}
		/* no age satisfies both bands: nobody is ever eligible */
		if (age_max != ELIGWIN_AGE_UNBOUNDED && age_max < age_min)
			return eligwin_make(NULL, 0, NULL);
	}

	out = palloc((a->nintervals + b->nintervals + 1) * sizeof(EligwinInterval));
	while (i < a->nintervals && j < b->nintervals)
	{
		DateADT		lo = Max(a->intervals[i].lo, b->intervals[j].lo);
		DateADT		hi = Min(a->intervals[i].hi, b->intervals[j].hi);

		if (lo <= hi)
			eligwin_push(out, &n, lo, hi);
		if (a->intervals[i].hi < b->intervals[j].hi)
			i++;
		else
			j++;
	}
	result = eligwin_make(out, n, NULL);
	if (ELIGWIN_HAS_AGE(a) || ELIGWIN_HAS_AGE(b))
	{
		result->flags |= ELIGWIN_FLAG_AGE;
		result->age_min = age_min;
		result->age_max = age_max;
	}
	if (ELIGWIN_HAS_COND(a) || ELIGWIN_HAS_COND(b))
		result = eligwin_cond_meet(result, a, b);
	pfree(out);
	return result;
}

/* Dates of a that are not in b; the age band of a */
static Eligwin *
eligwin_minus_internal(const Eligwin *a, const Eligwin *b)
{
	EligwinInterval *out;
	int32		n = 0,
				i,
				j = 0;
	Eligwin    *result;

	out = palloc((a->nintervals + b->nintervals + 1) * sizeof(EligwinInterval));
	for (i = 0; i < a->nintervals; i++)
	{
		DateADT		lo = a->intervals[i].lo;
		DateADT		hi = a->intervals[i].hi;

		while (j < b->nintervals && b->intervals[j].hi < lo)
			j++;
		while (j < b->nintervals && b->intervals[j].lo <= hi)
		{
			if (b->intervals[j].lo > lo)
				eligwin_push(out, &n, lo, eligwin_pred(b->intervals[j].lo));
			if (b->intervals[j].hi >= hi)
			{
				lo = hi;
				hi = lo - 1;	/* nothing of this interval remains */
				break;
			}
			lo = eligwin_succ(b->intervals[j].hi);
			j++;
		}
		eligwin_push(out, &n, lo, hi);
	}
	result = eligwin_make(out, n, a);
	pfree(out);
	return result;
}

PG_FUNCTION_INFO_V1(eligwin_union);
Datum
eligwin_union(PG_FUNCTION_ARGS)
{
	PG_RETURN_ELIGWIN_P(eligwin_union_internal(eligwin_getarg(fcinfo, 0),
											   eligwin_getarg(fcinfo, 1)));
}

PG_FUNCTION_INFO_V1(eligwin_intersect);
Datum
eligwin_intersect(PG_FUNCTION_ARGS)
{
	PG_RETURN_ELIGWIN_P(eligwin_intersect_internal(eligwin_getarg(fcinfo, 0),
												   eligwin_getarg(fcinfo, 1)));
}

PG_FUNCTION_INFO_V1(eligwin_minus);
Datum
eligwin_minus(PG_FUNCTION_ARGS)
{
	PG_RETURN_ELIGWIN_P(eligwin_minus_internal(eligwin_getarg(fcinfo, 0),
											   eligwin_getarg(fcinfo, 1)));
}

/* ----------------------------------------------------------------
 * Korean age (Civil Code Art. 158 and 160)
 * ----------------------------------------------------------------
 */

static void
eligwin_check_finite(DateADT d, const char *what)
{
	if (DATE_NOT_FINITE(d))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("%s must be a finite date", what)));
}

/*
 * Completed years from birth to on.  The birth day counts (Art. 158) and a
 * year ends the day before its corresponding day, or at the end of the
 * month when that month has no such day (Art. 160): so a year older on the
 * birthday, and on 1 March in a common year for those born on 29 February.
 * Comparing (month, day) pairs gives exactly that.
 */
int32
eligwin_age_on(DateADT birth, DateADT on)
{
	int			by,
				bm,
				bd,
				oy,
				om,
				od;
	int32		age;

	j2date(birth + POSTGRES_EPOCH_JDATE, &by, &bm, &bd);
	j2date(on + POSTGRES_EPOCH_JDATE, &oy, &om, &od);
	age = oy - by;
	if (om < bm || (om == bm && od < bd))
		age--;
	return age;
}

/*
 * The day a person born on birth completes n years: the birthday n years
 * on, or 1 March when born on 29 February and that year is common.
 * DATEVAL_NOEND when that day is beyond the date range.
 */
static DateADT
eligwin_anniversary(DateADT birth, int32 n)
{
	int			by,
				bm,
				bd;
	int64		y;

	j2date(birth + POSTGRES_EPOCH_JDATE, &by, &bm, &bd);
	y = (int64) by + n;
	if (bm == 2 && bd == 29 && !isleap(y))
	{
		bm = 3;
		bd = 1;
	}
	if (y > JULIAN_MAXYEAR || !IS_VALID_JULIAN(y, bm, bd))
		return DATEVAL_NOEND;
	return date2j((int) y, bm, bd) - POSTGRES_EPOCH_JDATE;
}

PG_FUNCTION_INFO_V1(eligwin_korean_age);
Datum
eligwin_korean_age(PG_FUNCTION_ARGS)
{
	DateADT		birth = PG_GETARG_DATEADT(0);
	DateADT		on = PG_GETARG_DATEADT(1);
	char		bbuf[64],
				obuf[64];

	eligwin_check_finite(birth, "birth date");
	eligwin_check_finite(on, "date of the age");
	if (on < birth)
	{
		eligwin_format_date(bbuf, birth);
		eligwin_format_date(obuf, on);
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date %s is before the birth date %s", obuf, bbuf)));
	}
	PG_RETURN_INT32(eligwin_age_on(birth, on));
}

/* ----------------------------------------------------------------
 * Eligibility
 * ----------------------------------------------------------------
 */

/* Is a person born on birth inside w's age band on the day on? */
static inline bool
eligwin_band_holds(const Eligwin *w, DateADT on, DateADT birth)
{
	int32		age;

	if (!ELIGWIN_HAS_AGE(w))
		return true;
	if (DATE_IS_NOEND(on))
		return w->age_max == ELIGWIN_AGE_UNBOUNDED;
	age = eligwin_age_on(birth, on);
	return age >= w->age_min &&
		(w->age_max == ELIGWIN_AGE_UNBOUNDED || age <= w->age_max);
}

/* eligible(w, on, birth): is the window open on that day and the person in the band? */
PG_FUNCTION_INFO_V1(eligwin_eligible);
Datum
eligwin_eligible(PG_FUNCTION_ARGS)
{
	Eligwin    *w = eligwin_getarg(fcinfo, 0);
	DateADT		on = PG_GETARG_DATEADT(1);
	DateADT		birth = PG_GETARG_DATEADT(2);

	eligwin_check_finite(birth, "birth date");
	if (on < birth ||
		!eligwin_intervals_contain_date(w->intervals, w->nintervals, on))
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(eligwin_band_holds(w, on, birth));
}

/* eligible_dates(w, birth): the days one person is eligible, as a window without band */
PG_FUNCTION_INFO_V1(eligwin_eligible_dates);
Datum
eligwin_eligible_dates(PG_FUNCTION_ARGS)
{
	Eligwin    *w = eligwin_getarg(fcinfo, 0);
	DateADT		birth = PG_GETARG_DATEADT(1);
	Eligwin    *span;
	EligwinInterval iv;
	Eligwin    *result;

	eligwin_check_finite(birth, "birth date");
	iv.lo = birth;
	iv.hi = DATEVAL_NOEND;
	if (ELIGWIN_HAS_AGE(w))
	{
		iv.lo = eligwin_anniversary(birth, w->age_min);
		if (w->age_max != ELIGWIN_AGE_UNBOUNDED)
			iv.hi = eligwin_pred(eligwin_anniversary(birth, w->age_max + 1));
	}
	if (DATE_IS_NOEND(iv.lo))
		PG_RETURN_ELIGWIN_P(eligwin_make(NULL, 0, NULL));
	span = eligwin_make(&iv, 1, NULL);
	result = eligwin_intersect_internal(w, span);
	result->flags &= ~ELIGWIN_FLAG_AGE;
	result->age_min = 0;
	result->age_max = 0;
	PG_RETURN_ELIGWIN_P(result);
}

/*
 * eligible(w, on, birth, person) and eligible_dates(w, birth, person): the
 * same for one person with a jobprofile, the conditions applied too.  A
 * condition the profile has no part for does not hold.
 */
PG_FUNCTION_INFO_V1(eligwin_eligible_person);
Datum
eligwin_eligible_person(PG_FUNCTION_ARGS)
{
	Eligwin    *w = eligwin_getarg(fcinfo, 0);
	DateADT		on = PG_GETARG_DATEADT(1);
	DateADT		birth = PG_GETARG_DATEADT(2);
	JobProfileView person;

	eligwin_check_finite(birth, "birth date");
	jp_view(&person, PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(3)));
	if (on < birth ||
		!eligwin_intervals_contain_date(w->intervals, w->nintervals, on))
		PG_RETURN_BOOL(false);
	if (ELIGWIN_HAS_COND(w) &&
		!(eligwin_region_holds(w, &person.h) && eligwin_groups_hold(w, &person.h)))
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(eligwin_band_holds(w, on, birth));
}

PG_FUNCTION_INFO_V1(eligwin_eligible_dates_person);
Datum
eligwin_eligible_dates_person(PG_FUNCTION_ARGS)
{
	Eligwin    *w = eligwin_getarg(fcinfo, 0);
	DateADT		birth = PG_GETARG_DATEADT(1);
	JobProfileView person;
	Eligwin    *result;

	eligwin_check_finite(birth, "birth date");
	jp_view(&person, PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(2)));
	if (ELIGWIN_HAS_COND(w) &&
		!(eligwin_region_holds(w, &person.h) && eligwin_groups_hold(w, &person.h)))
		PG_RETURN_ELIGWIN_P(eligwin_make(NULL, 0, NULL));
	result = DatumGetEligwinP(DirectFunctionCall2(eligwin_eligible_dates,
												  PointerGetDatum(w),
												  DateADTGetDatum(birth)));
	/* the conditions hold: a plain window of days (version 1) */
	PG_RETURN_ELIGWIN_P(eligwin_make(result->intervals, result->nintervals, NULL));
}

/*
 * extend(w, until): a designation extended to until.  The last interval
 * runs to until; a window that already runs that far is returned unchanged.
 */
PG_FUNCTION_INFO_V1(eligwin_extend);
Datum
eligwin_extend(PG_FUNCTION_ARGS)
{
	Eligwin    *w = eligwin_getarg(fcinfo, 0);
	DateADT		until = PG_GETARG_DATEADT(1);
	Eligwin    *result;

	if (w->nintervals == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot extend an empty eligwin")));
	if (DATE_IS_NOBEGIN(until))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot extend an eligwin to -infinity")));
	if (until <= w->intervals[w->nintervals - 1].hi)
		PG_RETURN_ELIGWIN_P(w);
	result = eligwin_make(w->intervals, w->nintervals, w);
	result->intervals[result->nintervals - 1].hi = until;
	PG_RETURN_ELIGWIN_P(result);
}

/* lower(w): the first day, -infinity when unbounded, NULL when empty */
PG_FUNCTION_INFO_V1(eligwin_lower);
Datum
eligwin_lower(PG_FUNCTION_ARGS)
{
	Eligwin    *w = eligwin_getarg(fcinfo, 0);

	if (w->nintervals == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(w->intervals[0].lo);
}

/* upper(w): the last day (inclusive), infinity when unbounded, NULL when empty */
PG_FUNCTION_INFO_V1(eligwin_upper);
Datum
eligwin_upper(PG_FUNCTION_ARGS)
{
	Eligwin    *w = eligwin_getarg(fcinfo, 0);

	if (w->nintervals == 0)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(w->intervals[w->nintervals - 1].hi);
}

PG_FUNCTION_INFO_V1(eligwin_isempty);
Datum
eligwin_isempty(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(eligwin_getarg(fcinfo, 0)->nintervals == 0);
}

/* days(w): the number of days, NULL when unbounded */
PG_FUNCTION_INFO_V1(eligwin_days);
Datum
eligwin_days(PG_FUNCTION_ARGS)
{
	Eligwin    *w = eligwin_getarg(fcinfo, 0);
	int64		total = 0;
	int32		i;

	for (i = 0; i < w->nintervals; i++)
	{
		if (DATE_NOT_FINITE(w->intervals[i].lo) || DATE_NOT_FINITE(w->intervals[i].hi))
			PG_RETURN_NULL();
		total += (int64) w->intervals[i].hi - w->intervals[i].lo + 1;
	}
	/* disjoint finite dates: fewer than 2^31 */
	PG_RETURN_INT32((int32) total);
}

/*
 * days_left(w, on): days from on to the end of the interval open on that
 * day, on included; 0 when closed on that day, NULL when it never closes.
 */
PG_FUNCTION_INFO_V1(eligwin_days_left);
Datum
eligwin_days_left(PG_FUNCTION_ARGS)
{
	Eligwin    *w = eligwin_getarg(fcinfo, 0);
	DateADT		on = PG_GETARG_DATEADT(1);
	int32		i = eligwin_search(w->intervals, w->nintervals, on);

	if (i == w->nintervals || w->intervals[i].lo > on)
		PG_RETURN_INT32(0);
	if (DATE_NOT_FINITE(w->intervals[i].hi) || DATE_NOT_FINITE(on))
		PG_RETURN_NULL();
	PG_RETURN_INT32(w->intervals[i].hi - on + 1);
}

/* next_open(w, after): the first day after that one on which w is open, or NULL */
PG_FUNCTION_INFO_V1(eligwin_next_open);
Datum
eligwin_next_open(PG_FUNCTION_ARGS)
{
	Eligwin    *w = eligwin_getarg(fcinfo, 0);
	DateADT		after = PG_GETARG_DATEADT(1);
	DateADT		d;
	int32		i;

	if (DATE_IS_NOEND(after))
		PG_RETURN_NULL();
	d = DATE_IS_NOBEGIN(after) ? after : after + 1;
	i = eligwin_search(w->intervals, w->nintervals, d);
	if (i == w->nintervals)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(Max(d, w->intervals[i].lo));
}

/* ----------------------------------------------------------------
 * eligwin_union(eligwin) aggregate
 *
 * The state is an eligwin with spare capacity and ELIGWIN_FLAG_RAW: the
 * transition appends intervals unsorted and only sorts and merges when the
 * space runs out, so a row costs amortised O(log n).  The state is updated
 * in place in the aggregate context; when it must grow, the bigger copy is
 * made in the per-call context and returned, and nodeAgg copies it into the
 * aggregate context and frees the old one (ExecAggTransReparent).
 * ----------------------------------------------------------------
 */

#define ELIGWIN_STATE_MIN_CAPACITY	16

static Eligwin *eligwin_state_new(const Eligwin *w);

/*
 * Make room for extra more intervals in state: compact it in place first,
 * and grow it when it is still more than half full.  May return a new state.
 */
static Eligwin *
eligwin_state_reserve(Eligwin *state, int32 extra)
{
	int32		cap = ELIGWIN_CAPACITY(state);
	int64		newcap;
	Eligwin    *grown;

	if ((int64) state->nintervals + extra <= cap)
		return state;
	if (state->flags & ELIGWIN_FLAG_RAW)
	{
		state->nintervals = eligwin_normalise(state->intervals, state->nintervals);
		state->flags &= ~ELIGWIN_FLAG_RAW;
		if ((int64) state->nintervals + extra <= cap / 2)
			return state;
	}
	newcap = Max((int64) cap * 2, ((int64) state->nintervals + extra) * 2);
	if (ELIGWIN_SIZE(newcap) > MaxAllocSize)
		eligwin_check_count(newcap);
	grown = eligwin_alloc_cond((int32) newcap, state);
	/* the header and intervals; the conditions are at the end already */
	memcpy((char *) grown + VARHDRSZ, (char *) state + VARHDRSZ,
		   ELIGWIN_SIZE(state->nintervals) - VARHDRSZ);
	return grown;
}

/* Add the intervals of w to a state (ours to change); may return a new state */
static Eligwin *
eligwin_state_add(Eligwin *state, const Eligwin *w)
{
	int32		n;

	if (w->nintervals == 0)
		return state;
	if (state->nintervals == 0 && !eligwin_same_cond(state, w))
	{
		/* an empty state takes the conditions of the first window with dates */
		return eligwin_state_new(w);
	}
	if (state->nintervals == 0)
	{
		/* an empty state takes the band of the first window with dates */
		state->flags = (state->flags & ~ELIGWIN_FLAG_AGE) | (w->flags & ELIGWIN_FLAG_AGE);
		state->age_min = w->age_min;
		state->age_max = w->age_max;
	}
	else if (!eligwin_same_band(state, w))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot unite eligwin values with different age bands"),
				 errhint("Apply the bands with eligible_dates(window, birth) first, or give all windows the same band.")));
	else if (!eligwin_same_cond(state, w))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot unite eligwin values with different conditions"),
				 errhint("Apply them with eligible_dates(window, birth, person) first, or give all windows the same conditions.")));
	state = eligwin_state_reserve(state, w->nintervals);
	n = state->nintervals;
	/* appending sorted intervals after the last one keeps the state sorted */
	if ((w->flags & ELIGWIN_FLAG_RAW) ||
		(n > 0 && (int64) w->intervals[0].lo <= (int64) state->intervals[n - 1].hi + 1))
		state->flags |= ELIGWIN_FLAG_RAW;
	memcpy(&state->intervals[n], w->intervals, w->nintervals * sizeof(EligwinInterval));
	state->nintervals = n + w->nintervals;
	return state;
}

/*
 * A new state holding a copy of w, with spare capacity.  It is made in the
 * per-call context: nodeAgg copies a new state into the aggregate context.
 */
static Eligwin *
eligwin_state_new(const Eligwin *w)
{
	int32		cap = Max(ELIGWIN_STATE_MIN_CAPACITY, 2 * w->nintervals);
	Eligwin    *state = eligwin_alloc_cond(cap, w);

	memcpy((char *) state + VARHDRSZ, (char *) w + VARHDRSZ,
		   ELIGWIN_SIZE(w->nintervals) - VARHDRSZ);
	return state;
}

PG_FUNCTION_INFO_V1(eligwin_union_trans);
Datum
eligwin_union_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	Eligwin    *state;
	Eligwin    *w;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
	{
		/* called directly: a plain union; NULL only when both are */
		if (PG_ARGISNULL(0))
		{
			if (PG_ARGISNULL(1))
				PG_RETURN_NULL();
			PG_RETURN_DATUM(PG_GETARG_DATUM(1));
		}
		if (PG_ARGISNULL(1))
			PG_RETURN_DATUM(PG_GETARG_DATUM(0));
		PG_RETURN_ELIGWIN_P(eligwin_union_internal(eligwin_getarg(fcinfo, 0),
												   eligwin_getarg(fcinfo, 1)));
	}
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	w = eligwin_getarg(fcinfo, 1);
	if (PG_ARGISNULL(0))
		PG_RETURN_ELIGWIN_P(eligwin_state_new(w));
	state = (Eligwin *) PG_GETARG_POINTER(0);
	PG_RETURN_ELIGWIN_P(eligwin_state_add(state, w));
}

PG_FUNCTION_INFO_V1(eligwin_union_combine);
Datum
eligwin_union_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	Eligwin    *other;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "eligwin_union_combine called in non-aggregate context");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	/* the other state is read-only and may arrive packed: detoast it */
	other = PG_GETARG_ELIGWIN_P(1);
	if (PG_ARGISNULL(0))
		PG_RETURN_ELIGWIN_P(eligwin_state_new(other));
	PG_RETURN_ELIGWIN_P(eligwin_state_add((Eligwin *) PG_GETARG_POINTER(0), other));
}

/* The final window: normalised, exact size, within the interval limit */
PG_FUNCTION_INFO_V1(eligwin_union_final);
Datum
eligwin_union_final(PG_FUNCTION_ARGS)
{
	Eligwin    *state;
	EligwinInterval *iv;
	int32		n;
	Eligwin    *result;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = PG_GETARG_ELIGWIN_P(0);
	iv = palloc(Max(state->nintervals, 1) * sizeof(EligwinInterval));
	memcpy(iv, state->intervals, state->nintervals * sizeof(EligwinInterval));
	n = (state->flags & ELIGWIN_FLAG_RAW) ? eligwin_normalise(iv, state->nintervals) : state->nintervals;
	result = eligwin_make(iv, n, state);
	pfree(iv);
	PG_RETURN_ELIGWIN_P(result);
}
