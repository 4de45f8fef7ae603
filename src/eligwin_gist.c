/*
 * eligwin_gist.c
 *		GiST operator classes for eligwin: @> date, @> eligwin and &&.
 *
 * eligwin_gist_ops (the default, 1.0): keys are eligwin values with at most
 * one interval and no age band.  A leaf key is the window's only interval
 * (exact), or the bounding interval of a window with several, flagged
 * ELIGWIN_FLAG_LOSSY so that matches are rechecked on the heap; an inner key
 * bounds its subtree.  A window without dates has an empty key.  The same
 * approach as the core multirange_ops.
 *
 * eligwin_exact_ops (1.1): a leaf key is the whole normalised window, age
 * band and conditions included, so leaf tests are the operators' own and
 * never rechecked, and the fetch function hands the value back for
 * index-only scans.  Inner keys are the bounding intervals of the default
 * class, made by the same union, penalty and picksplit, which read a key's
 * bounds as its first interval's lower and its last interval's upper end.
 */
#include "postgres.h"

#include "access/gist.h"
#include "access/stratnum.h"
#if PG_VERSION_NUM >= 160000
/* VARSIZE; postgres.h included it before 16 */
#include "varatt.h"
#endif

#include "jobs_ext.h"
#include "eligwin.h"

/* strategy numbers, as for ranges */
#define ELIGWIN_STRATEGY_OVERLAPS		RTOverlapStrategyNumber /* 3 */
#define ELIGWIN_STRATEGY_CONTAINS		RTContainsStrategyNumber	/* 7 */
#define ELIGWIN_STRATEGY_CONTAINS_DATE	RTContainsElemStrategyNumber	/* 16 */

/* A key of one interval, or of none */
static Eligwin *
eligwin_gist_key(const EligwinInterval *iv, bool lossy)
{
	Eligwin    *key = eligwin_alloc(iv ? 1 : 0);

	if (iv)
	{
		key->nintervals = 1;
		key->intervals[0] = *iv;
	}
	if (lossy)
		key->flags |= ELIGWIN_FLAG_LOSSY;
	return key;
}

PG_FUNCTION_INFO_V1(eligwin_gist_compress);
Datum
eligwin_gist_compress(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *retval;
	Eligwin    *w;
	Eligwin    *key;

	if (!entry->leafkey)
		PG_RETURN_POINTER(entry);
	w = eligwin_normalised(DatumGetEligwinP(entry->key));
	if (w->nintervals == 0)
		key = eligwin_gist_key(NULL, false);
	else if (w->nintervals == 1)
		key = eligwin_gist_key(&w->intervals[0], false);
	else
	{
		EligwinInterval bound;

		bound.lo = w->intervals[0].lo;
		bound.hi = w->intervals[w->nintervals - 1].hi;
		key = eligwin_gist_key(&bound, true);
	}
	retval = palloc(sizeof(GISTENTRY));
	gistentryinit(*retval, PointerGetDatum(key), entry->rel, entry->page,
				  entry->offset, false);
	PG_RETURN_POINTER(retval);
}

/*
 * Can a window whose days lie within key's (at most one) interval satisfy
 * the strategy for query?  The whole test of the default class, and the
 * test of an inner key of either class.  *always is set when every window
 * satisfies it, whatever its key (@> the empty window).
 */
static bool
eligwin_gist_bound_consistent(const Eligwin *key, StrategyNumber strategy,
							  Datum query, bool *always)
{
	*always = false;
	switch (strategy)
	{
		case ELIGWIN_STRATEGY_CONTAINS_DATE:
			{
				DateADT		d = DatumGetDateADT(query);

				return key->nintervals > 0 &&
					key->intervals[0].lo <= d && d <= key->intervals[0].hi;
			}
		case ELIGWIN_STRATEGY_CONTAINS:
			{
				Eligwin    *q = eligwin_normalised(DatumGetEligwinP(query));

				/* every window contains the empty one */
				if (q->nintervals == 0)
				{
					*always = true;
					return true;
				}
				return key->nintervals > 0 &&
					key->intervals[0].lo <= q->intervals[0].lo &&
					key->intervals[0].hi >= q->intervals[q->nintervals - 1].hi;
			}
		case ELIGWIN_STRATEGY_OVERLAPS:
			{
				Eligwin    *q = eligwin_normalised(DatumGetEligwinP(query));

				return eligwin_intervals_overlap(key->intervals, key->nintervals,
												 q->intervals, q->nintervals);
			}
		default:
			elog(ERROR, "unrecognized eligwin GiST strategy number: %d", strategy);
			return false;		/* keep compiler quiet */
	}
}

PG_FUNCTION_INFO_V1(eligwin_gist_consistent);
Datum
eligwin_gist_consistent(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	Eligwin    *key = DatumGetEligwinP(entry->key);
	bool		always;
	bool		result;

	result = eligwin_gist_bound_consistent(key, strategy, PG_GETARG_DATUM(1), &always);
	*recheck = GIST_LEAF(entry) && (key->flags & ELIGWIN_FLAG_LOSSY) != 0 && !always;
	PG_RETURN_BOOL(result);
}

/*
 * The bounding interval of a key: its only interval for a key of the
 * default class, first lo and last hi for a leaf key of eligwin_exact_ops
 */
static inline EligwinInterval
eligwin_gist_bounds(const Eligwin *key)
{
	EligwinInterval b;

	Assert(key->nintervals > 0);
	b.lo = key->intervals[0].lo;
	b.hi = key->intervals[key->nintervals - 1].hi;
	return b;
}

/* Widen bound (with *has set when it holds an interval) to cover key */
static inline void
eligwin_gist_widen(EligwinInterval *bound, bool *has, const Eligwin *key)
{
	EligwinInterval kb;

	if (key->nintervals == 0)
		return;
	kb = eligwin_gist_bounds(key);
	if (!*has)
	{
		*bound = kb;
		*has = true;
		return;
	}
	if (kb.lo < bound->lo)
		bound->lo = kb.lo;
	if (kb.hi > bound->hi)
		bound->hi = kb.hi;
}

PG_FUNCTION_INFO_V1(eligwin_gist_union);
Datum
eligwin_gist_union(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	EligwinInterval bound = {0, 0};
	bool		has = false;
	int			i;

	for (i = 0; i < entryvec->n; i++)
		eligwin_gist_widen(&bound, &has, DatumGetEligwinP(entryvec->vector[i].key));
	PG_RETURN_ELIGWIN_P(eligwin_gist_key(has ? &bound : NULL, true));
}

/* Width of a key in days, as a double (unbounded ends are just far away) */
static inline double
eligwin_gist_width(const EligwinInterval *iv)
{
	return (double) iv->hi - (double) iv->lo + 1.0;
}

PG_FUNCTION_INFO_V1(eligwin_gist_penalty);
Datum
eligwin_gist_penalty(PG_FUNCTION_ARGS)
{
	GISTENTRY  *origentry = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *newentry = (GISTENTRY *) PG_GETARG_POINTER(1);
	float	   *penalty = (float *) PG_GETARG_POINTER(2);
	Eligwin    *orig = DatumGetEligwinP(origentry->key);
	Eligwin    *add = DatumGetEligwinP(newentry->key);
	EligwinInterval bound;
	EligwinInterval origbound;
	bool		has = false;

	if (add->nintervals == 0)
	{
		/* empty keys gather in subtrees that hold empty keys */
		*penalty = orig->nintervals == 0 ? 0.0 : 1.0;
		PG_RETURN_POINTER(penalty);
	}
	if (orig->nintervals == 0)
	{
		EligwinInterval ab = eligwin_gist_bounds(add);

		*penalty = (float) (eligwin_gist_width(&ab) + 1.0);
		PG_RETURN_POINTER(penalty);
	}
	origbound = eligwin_gist_bounds(orig);
	eligwin_gist_widen(&bound, &has, orig);
	eligwin_gist_widen(&bound, &has, add);
	*penalty = (float) (eligwin_gist_width(&bound) - eligwin_gist_width(&origbound));
	PG_RETURN_POINTER(penalty);
}

typedef struct EligwinGistSortItem
{
	OffsetNumber offset;
	bool		empty;
	int64		lo;
	int64		hi;
} EligwinGistSortItem;

static int
eligwin_gist_sort_cmp(const void *a, const void *b)
{
	const EligwinGistSortItem *x = (const EligwinGistSortItem *) a;
	const EligwinGistSortItem *y = (const EligwinGistSortItem *) b;

	if (x->empty != y->empty)
		return x->empty ? -1 : 1;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	if (x->hi != y->hi)
		return x->hi < y->hi ? -1 : 1;
	return 0;
}

/*
 * Split by the order of lower bounds (empty keys first) at the middle;
 * intervals of eligibility windows are mostly of similar length, so this
 * keeps both halves narrow.
 */
PG_FUNCTION_INFO_V1(eligwin_gist_picksplit);
Datum
eligwin_gist_picksplit(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	GIST_SPLITVEC *v = (GIST_SPLITVEC *) PG_GETARG_POINTER(1);
	OffsetNumber maxoff = entryvec->n - 1;
	int			nitems = maxoff - FirstOffsetNumber + 1;
	EligwinGistSortItem *items = palloc(nitems * sizeof(EligwinGistSortItem));
	EligwinInterval lbound = {0, 0},
				rbound = {0, 0};
	bool		lhas = false,
				rhas = false;
	int			i;
	int			half;

	for (i = 0; i < nitems; i++)
	{
		Eligwin    *key = DatumGetEligwinP(entryvec->vector[i + FirstOffsetNumber].key);

		items[i].offset = i + FirstOffsetNumber;
		items[i].empty = key->nintervals == 0;
		items[i].lo = items[i].empty ? 0 : key->intervals[0].lo;
		items[i].hi = items[i].empty ? 0 : key->intervals[key->nintervals - 1].hi;
	}
	qsort(items, nitems, sizeof(EligwinGistSortItem), eligwin_gist_sort_cmp);
	half = nitems / 2;

	v->spl_left = palloc(nitems * sizeof(OffsetNumber));
	v->spl_right = palloc(nitems * sizeof(OffsetNumber));
	v->spl_nleft = 0;
	v->spl_nright = 0;
	for (i = 0; i < nitems; i++)
	{
		Eligwin    *key = DatumGetEligwinP(entryvec->vector[items[i].offset].key);

		if (i < half)
		{
			v->spl_left[v->spl_nleft++] = items[i].offset;
			eligwin_gist_widen(&lbound, &lhas, key);
		}
		else
		{
			v->spl_right[v->spl_nright++] = items[i].offset;
			eligwin_gist_widen(&rbound, &rhas, key);
		}
	}
	v->spl_ldatum = PointerGetDatum(eligwin_gist_key(lhas ? &lbound : NULL, true));
	v->spl_rdatum = PointerGetDatum(eligwin_gist_key(rhas ? &rbound : NULL, true));
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(eligwin_gist_same);
Datum
eligwin_gist_same(PG_FUNCTION_ARGS)
{
	Eligwin    *a = PG_GETARG_ELIGWIN_P(0);
	Eligwin    *b = PG_GETARG_ELIGWIN_P(1);
	bool	   *result = (bool *) PG_GETARG_POINTER(2);

	*result = a->nintervals == b->nintervals &&
		a->flags == b->flags &&
		(a->nintervals == 0 ||
		 (a->intervals[0].lo == b->intervals[0].lo &&
		  a->intervals[0].hi == b->intervals[0].hi));
	PG_RETURN_POINTER(result);
}

/* ----------------------------------------------------------------
 * eligwin_exact_ops: whole windows at the leaves
 * ----------------------------------------------------------------
 */

/*
 * Largest window a leaf key may be: 1,000 intervals without conditions
 * (8,016 bytes), which fit on a GiST page (8,152 bytes for tuples and their
 * line pointers) uncompressed, with room left for the tuple header, a null
 * bitmap and a small second column.  Checked uncompressed, so that whether
 * a window fits never depends on how well it compresses.
 */
#define ELIGWIN_EXACT_MAX_BYTES		ELIGWIN_SIZE(1000)

PG_FUNCTION_INFO_V1(eligwin_gist_exact_compress);
Datum
eligwin_gist_exact_compress(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *retval;
	Eligwin    *w;

	if (!entry->leafkey)
		PG_RETURN_POINTER(entry);
	w = eligwin_normalised(DatumGetEligwinP(entry->key));
	if (VARSIZE(w) > ELIGWIN_EXACT_MAX_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("eligwin too large for operator class eligwin_exact_ops"),
				 errdetail("The window takes %u bytes; a key of eligwin_exact_ops holds at most %d.",
						   (unsigned int) VARSIZE(w), (int) ELIGWIN_EXACT_MAX_BYTES),
				 errhint("Index the column with the default operator class eligwin_gist_ops.")));
	retval = palloc(sizeof(GISTENTRY));
	gistentryinit(*retval, PointerGetDatum(w), entry->rel, entry->page,
				  entry->offset, false);
	PG_RETURN_POINTER(retval);
}

/* The leaf key is the window itself: hand it back for an index-only scan */
PG_FUNCTION_INFO_V1(eligwin_gist_exact_fetch);
Datum
eligwin_gist_exact_fetch(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);

	PG_RETURN_POINTER(entry);
}

/*
 * A leaf key is tested with the operator's own code on the whole window, so
 * nothing is rechecked; an inner key bounds its subtree as in the default
 * class.
 */
PG_FUNCTION_INFO_V1(eligwin_gist_exact_consistent);
Datum
eligwin_gist_exact_consistent(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	Datum		query = PG_GETARG_DATUM(1);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	Eligwin    *w;
	Eligwin    *q;
	bool		always;

	*recheck = false;
	if (!GIST_LEAF(entry))
		PG_RETURN_BOOL(eligwin_gist_bound_consistent(DatumGetEligwinP(entry->key),
													 strategy, query, &always));

	/* as eligwin_contains_date, eligwin_contains and eligwin_overlaps */
	switch (strategy)
	{
		case ELIGWIN_STRATEGY_CONTAINS_DATE:
			PG_RETURN_BOOL(eligwin_datum_contains_date(entry->key, DatumGetDateADT(query)));
		case ELIGWIN_STRATEGY_CONTAINS:
			w = eligwin_normalised(DatumGetEligwinP(entry->key));
			q = eligwin_normalised(DatumGetEligwinP(query));
			PG_RETURN_BOOL(eligwin_intervals_contain(w->intervals, w->nintervals,
													 q->intervals, q->nintervals));
		case ELIGWIN_STRATEGY_OVERLAPS:
			w = eligwin_normalised(DatumGetEligwinP(entry->key));
			q = eligwin_normalised(DatumGetEligwinP(query));
			PG_RETURN_BOOL(eligwin_intervals_overlap(w->intervals, w->nintervals,
													 q->intervals, q->nintervals));
		default:
			elog(ERROR, "unrecognized eligwin GiST strategy number: %d", strategy);
			PG_RETURN_BOOL(false);	/* keep compiler quiet */
	}
}

/*
 * Keys are equal when their bytes are: every key is made zeroed (union
 * keys) or is a normalised window, whose form is canonical
 */
PG_FUNCTION_INFO_V1(eligwin_gist_exact_same);
Datum
eligwin_gist_exact_same(PG_FUNCTION_ARGS)
{
	Eligwin    *a = PG_GETARG_ELIGWIN_P(0);
	Eligwin    *b = PG_GETARG_ELIGWIN_P(1);
	bool	   *result = (bool *) PG_GETARG_POINTER(2);

	*result = VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0;
	PG_RETURN_POINTER(result);
}
