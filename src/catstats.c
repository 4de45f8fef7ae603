/*
 * catstats.c
 *		The catstats type and aggregate: enrolments (연인원) and distinct people
 *		(실인원) per programme category, rolled up the jobcat taxonomy, and
 *		distinct people overall, in one pass over the enrolments.
 *
 * A catstats value records, for every category enrolments were counted in
 * directly, the number of enrolments and the set of people.  The people are
 * kept as one sorted set of keys person * 1024 + OECD code, so one person's
 * categories sit together; the roll-up (a person counts once in a category
 * and in every ancestor of the categories they enrolled in, and once
 * overall) is computed when the value is read, with a bit mask of taxonomy
 * ranks per person.  Person numbers must therefore lie within +-(2^53 - 1),
 * the integers JSON represents exactly.
 *
 * Flat form (stored, and what parallel workers hand to the leader): version
 * byte, the number of categories, (code, enrolments) per category in
 * taxonomy order, then the keys in ascending order.  No taxonomy rank is
 * stored, so values stay valid when categories are added to the taxonomy.
 * Text form: {21:5:{1,2,5..9},60:2:{3,4}}, i.e. per category in taxonomy
 * order, code:enrolments:{people}.  Binary form: version byte, int2 number
 * of categories, then per category int2 code, int8 enrolments, int4 number
 * of people and the int8 person numbers in ascending order.
 *
 * As with peopleset (people.c), the aggregate state is a read-write
 * expanded object updated in place and flattened, normalised, on demand.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "common/hashfn.h"
#include "common/int.h"
#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "port/pg_bitutils.h"
#include "utils/builtins.h"
#include "utils/expandeddatum.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "catstats.h"
#include "jobcat.h"
#include "jobs_ext.h"
#include "people.h"

/*
 * Check a flat value that came from outside (text or binary input); returns
 * NULL when it is well formed, else what is wrong.  The same check serves
 * both inputs, so a value is accepted by one only if the other would too.
 */
static const char *
catstats_check(const CatStatsData *cs)
{
	int			nranks = catstats_nranks();
	int32		people_in_cat[CATSTATS_MAX_RANKS];
	int			cat_of_rank[CATSTATS_MAX_RANKS];
	const int64 *keys;
	int32		nkeys;
	int			i;
	int			lastrank = -1;

	if (cs->version != CATSTATS_VERSION)
		return psprintf("unsupported version %d", cs->version);
	if (cs->ncats > nranks || VARSIZE(cs) < CATSTATS_KEYS_OFFSET(cs->ncats) ||
		(VARSIZE(cs) - CATSTATS_KEYS_OFFSET(cs->ncats)) % sizeof(int64) != 0)
		return psprintf("%d categories do not fit the value's size", cs->ncats);
	for (i = 0; i < nranks; i++)
	{
		cat_of_rank[i] = -1;
		people_in_cat[i] = 0;
	}
	for (i = 0; i < cs->ncats; i++)
	{
		int			rank = jobcat_rank(cs->cats[i].code);

		if (rank < 0)
			return psprintf("%d is not a jobcat code", cs->cats[i].code);
		if (rank <= lastrank)
			return psprintf("category %d is out of taxonomy order or repeated", cs->cats[i].code);
		if (cs->cats[i].enrolments < 1)
			return psprintf("category %d has " INT64_FORMAT " enrolments", cs->cats[i].code,
							cs->cats[i].enrolments);
		cat_of_rank[rank] = i;
		lastrank = rank;
	}
	keys = CATSTATS_KEYS(cs);
	nkeys = CATSTATS_NKEYS(cs);
	if (!peoplekeys_are_set(keys, nkeys))
		return pstrdup("people are not ascending and distinct");
	for (i = 0; i < nkeys; i++)
	{
		int			rank = jobcat_rank(catstats_key_code(keys[i]));

		if (rank < 0 || cat_of_rank[rank] < 0)
			return psprintf("person " INT64_FORMAT " is counted in category %d, which has no enrolments",
							catstats_key_person(keys[i]), catstats_key_code(keys[i]));
		people_in_cat[rank]++;
	}
	for (i = 0; i < cs->ncats; i++)
	{
		int			rank = jobcat_rank(cs->cats[i].code);

		if (people_in_cat[rank] == 0)
			return psprintf("category %d has enrolments but no people", cs->cats[i].code);
		if (people_in_cat[rank] > cs->cats[i].enrolments)
			return psprintf("category %d has more people (%d) than enrolments (" INT64_FORMAT ")",
							cs->cats[i].code, people_in_cat[rank], cs->cats[i].enrolments);
	}
	return NULL;
}

/*----------------------------------------------------------------------------
 * Expanded (aggregate-state) form
 *----------------------------------------------------------------------------
 */

/* The masks and the struct are described in catstats.h */
static Size catstats_get_flat_size(ExpandedObjectHeader *eohptr);
static void catstats_flatten_into(ExpandedObjectHeader *eohptr,
								  void *result, Size allocated_size);

StaticAssertDecl(offsetof(ExpandedCatStats, owner) == offsetof(AggExpandedState, owner),
				 "ExpandedCatStats must start as AggExpandedState");

static const ExpandedObjectMethods catstats_methods = {
	catstats_get_flat_size,
	catstats_flatten_into
};

static int
catstats_expanded_ncats(const ExpandedCatStats *ecs)
{
	int			n = catstats_nranks();
	int			r;
	int			ncats = 0;

	for (r = 0; r < n; r++)
		if (ecs->enrol[r] > 0)
			ncats++;
	return ncats;
}

/* Keys the expanded value lists (its set compacted) */
static int64
catstats_expanded_nkeys(const ExpandedCatStats *ecs)
{
	int64		n = ecs->set.nsorted;
	int64		p;

	Assert(ecs->set.nbuf == 0 && ecs->nstage == 0);
	if (ecs->masks != NULL)
		for (p = 0; p < ecs->mask_len; p++)
			n += pg_popcount64(ecs->masks[p]);
	if (n > PEOPLEKEYS_MAX_KEYS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many people in one catstats value"),
				 errdetail("A value holds at most %d person-category pairs.", PEOPLEKEYS_MAX_KEYS)));
	return n;
}

/*
 * Write the keys of an expanded value (its set compacted) in ascending
 * order: the set's keys below the masks' range, the masks, the set's keys
 * above it.
 */
static void
catstats_expanded_keys(const ExpandedCatStats *ecs, int64 *out)
{
	const int64 *keys = ecs->set.keys;
	int32		n = ecs->set.nsorted;
	int32		i = 0;
	int64		p;

	if (ecs->masks != NULL)
	{
		while (i < n && catstats_key_person(keys[i]) < ecs->mask_base)
			*out++ = keys[i++];
		for (p = 0; p < ecs->mask_len; p++)
		{
			uint64		m = ecs->masks[p];

			while (m != 0)
			{
				*out++ = catstats_make_key(ecs->mask_base + p,
										   catstats_code_at_pos[pg_rightmost_one_pos64(m)]);
				m &= m - 1;
			}
		}
	}
	memcpy(out, keys + i, sizeof(int64) * (Size) (n - i));
}

/* Compacting does not change the value, so it is allowed on read-only values */
static Size
catstats_get_flat_size(ExpandedObjectHeader *eohptr)
{
	ExpandedCatStats *ecs = (ExpandedCatStats *) eohptr;
	MemoryContext oldcxt;
	int64		nkeys;

	/* in the value's own context, as peopleset_get_flat_size() explains */
	oldcxt = MemoryContextSwitchTo(eohptr->eoh_context);
	peoplekeys_compact(&ecs->set);
	if (ecs->masks != NULL)
		catstats_masks_drain(ecs);
	MemoryContextSwitchTo(oldcxt);
	nkeys = catstats_expanded_nkeys(ecs);
	/* masks that are fewer than the keys they hold are handed on as they are */
	ecs->flat_masks = ecs->masks != NULL && ecs->mask_len < nkeys;
	if (ecs->flat_masks)
		return CATSTATS_KEYS_OFFSET(catstats_expanded_ncats(ecs)) + sizeof(CatStatsMasksHdr) +
			sizeof(int64) * ((Size) ecs->set.nsorted + (Size) ecs->mask_len);
	return CATSTATS_KEYS_OFFSET(catstats_expanded_ncats(ecs)) + sizeof(int64) * (Size) nkeys;
}

static void
catstats_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	ExpandedCatStats *ecs = (ExpandedCatStats *) eohptr;
	CatStatsData *cs = (CatStatsData *) result;
	int			n = catstats_nranks();
	int			r;
	int			i = 0;

	Assert(ecs->set.nbuf == 0);
	memset(cs, 0, CATSTATS_HDRSZ);
	SET_VARSIZE(cs, allocated_size);
	cs->version = ecs->flat_masks ? CATSTATS_VERSION_MASKS : CATSTATS_VERSION;
	cs->ncats = catstats_expanded_ncats(ecs);
	for (r = 0; r < n; r++)
	{
		if (ecs->enrol[r] > 0)
		{
			cs->cats[i].code = jobcat_code_at_rank(r);
			cs->cats[i].padding = 0;
			cs->cats[i].enrolments = ecs->enrol[r];
			i++;
		}
	}
	if (ecs->flat_masks)
	{
		CatStatsMasksHdr *mh = (CatStatsMasksHdr *) CATSTATS_KEYS(cs);
		int64	   *keys = (int64 *) (mh + 1);
		int			pos;

		mh->nkeys = ecs->set.nsorted;
		mh->mask_base = ecs->mask_base;
		mh->mask_len = ecs->mask_len;
		for (pos = 0; pos < CATSTATS_MAX_RANKS; pos++)
			mh->codes[pos] = pos < n ? catstats_code_at_pos[pos] : -1;
		memcpy(keys, ecs->set.keys, sizeof(int64) * (Size) ecs->set.nsorted);
		memcpy(keys + ecs->set.nsorted, ecs->masks, sizeof(uint64) * (Size) ecs->mask_len);
	}
	else
		catstats_expanded_keys(ecs, CATSTATS_KEYS(cs));
}

static ExpandedCatStats *
catstats_expanded_of(Datum d)
{
	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
	{
		ExpandedObjectHeader *eoh = DatumGetEOHP(d);

		if (eoh->eoh_methods == &catstats_methods)
			return (ExpandedCatStats *) eoh;
	}
	return NULL;
}

/* Any catstats datum as a flat value */
static CatStatsData *
catstats_flat(Datum d)
{
	CatStatsData *cs = (CatStatsData *) PG_DETOAST_DATUM(d);

	if (VARSIZE(cs) >= CATSTATS_HDRSZ && cs->version == CATSTATS_VERSION_MASKS &&
		VARSIZE(cs) >= CATSTATS_KEYS_OFFSET(cs->ncats))
		return catstats_masks_to_list(cs);
	if (VARSIZE(cs) < CATSTATS_HDRSZ || cs->version != CATSTATS_VERSION ||
		VARSIZE(cs) < CATSTATS_KEYS_OFFSET(cs->ncats))
		jobs_ext_unsupported_version("catstats", VARSIZE(cs) > VARHDRSZ ? cs->version : -1,
									 CATSTATS_VERSION_MASKS, VARSIZE(cs));
	return cs;
}

/*
 * Any catstats datum as a flat value of either version, for the readers
 * that take both (the roll-up reads and checks a version 2 value's masks as
 * they are; enrolments need only the categories)
 */
static CatStatsData *
catstats_flat_any(Datum d)
{
	CatStatsData *cs = (CatStatsData *) PG_DETOAST_DATUM(d);

	if (VARSIZE(cs) >= CATSTATS_HDRSZ && cs->version == CATSTATS_VERSION_MASKS &&
		VARSIZE(cs) >= CATSTATS_KEYS_OFFSET(cs->ncats))
		return cs;
	return catstats_flat(PointerGetDatum(cs));
}

/* A new, empty expanded value in the state context of aggcxt (see people.c) */
static ExpandedCatStats *
catstats_expanded_new(MemoryContext aggcxt)
{
	MemoryContext cxt;
	MemoryContext oldcxt;
	ExpandedCatStats *ecs;

	(void) catstats_nranks();
	cxt = peoplekeys_state_context(aggcxt);
	oldcxt = MemoryContextSwitchTo(cxt);
	catstats_pos_init();
	ecs = palloc0(sizeof(ExpandedCatStats));
	EOH_init_header(&ecs->hdr, &catstats_methods, cxt);
	peoplekeys_init(&ecs->set, PEOPLEKEYS_MIN_CAPACITY);
	ecs->masks_next_try = CATSTATS_DENSE_MIN;
	MemoryContextSwitchTo(oldcxt);
	return ecs;
}

static void
catstats_add_enrolments(ExpandedCatStats *ecs, int rank, int64 n)
{
	if (pg_add_s64_overflow(ecs->enrol[rank], n, &ecs->enrol[rank]))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("catstats enrolment count out of range")));
}


/* Add ascending keys (outside the value) to an expanded value */
static void
catstats_add_keys(ExpandedCatStats *ecs, const int64 *keys, int32 nkeys)
{
	int64	   *rest;
	int32		nrest = 0;
	int32		i;

	if (ecs->masks == NULL)
	{
		peoplekeys_add_sorted(&ecs->set, keys, nkeys);
		if (ecs->set.nsorted >= ecs->masks_next_try)
			catstats_try_masks(ecs);
		return;
	}
	rest = palloc(sizeof(int64) * (Size) Max(nkeys, 1));
	for (i = 0; i < nkeys; i++)
	{
		int64		off = catstats_key_person(keys[i]) - ecs->mask_base;
		int			pos = catstats_pos_of_code[catstats_key_code(keys[i])];

		if (pos < 0)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("catstats value holds unknown category %d", catstats_key_code(keys[i]))));
		if (off >= 0 && off < ecs->mask_len)
			ecs->masks[off] |= UINT64CONST(1) << pos;
		else
			rest[nrest++] = keys[i];
	}
	peoplekeys_add_sorted(&ecs->set, rest, nrest);
	pfree(rest);
	if (ecs->set.nsorted >= ecs->masks_next_try)
		catstats_try_masks(ecs);
}

/* Add the enrolments of each category a flat value holds */
static void
catstats_add_categories(ExpandedCatStats *ecs, const CatStatsData *cs)
{
	int			i;

	for (i = 0; i < cs->ncats; i++)
	{
		int			rank = jobcat_rank(cs->cats[i].code);

		if (rank < 0)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("catstats value holds unknown category %d", cs->cats[i].code)));
		catstats_add_enrolments(ecs, rank, cs->cats[i].enrolments);
	}
}

/*
 * Add a version 2 value (a parallel worker's state) by OR-ing its masks into
 * ours, widened to cover them; false, having added nothing, when that cannot
 * be done (then the caller reads it as a list of keys).
 */
static bool
catstats_add_masks(ExpandedCatStats *ecs, const CatStatsData *cs)
{
	const CatStatsMasksHdr *mh = catstats_masks_hdr(cs);
	const int64 *keys = (const int64 *) (mh + 1);
	const uint64 *masks = (const uint64 *) (keys + mh->nkeys);
	int			n = catstats_nranks();
	int			i;
	int64		p;

	for (i = 0; i < CATSTATS_MAX_RANKS; i++)
		if (mh->codes[i] != (i < n ? catstats_code_at_pos[i] : -1))
			return false;		/* written with another taxonomy */
	if (ecs->masks == NULL)
	{
		if (ecs->set.nsorted + ecs->set.nbuf != 0)
			return false;
		/* an empty state takes the masks over */
		ecs->masks = MemoryContextAllocZero(ecs->hdr.eoh_context,
											sizeof(uint64) * (Size) Max(mh->mask_len, 1));
		ecs->mask_base = mh->mask_base;
		ecs->mask_len = mh->mask_len;
		catstats_masks_stage_init(ecs);
	}
	else if (!catstats_masks_cover(ecs, mh->mask_base, mh->mask_base + mh->mask_len))
		return false;
	catstats_add_categories(ecs, cs);
	for (p = 0; p < mh->mask_len; p++)
		ecs->masks[mh->mask_base - ecs->mask_base + p] |= masks[p];
	catstats_add_keys(ecs, keys, (int32) mh->nkeys);
	return true;
}

/* Add everything a catstats datum holds to an expanded value */
static void
catstats_add_all(ExpandedCatStats *ecs, Datum d)
{
	ExpandedCatStats *other = catstats_expanded_of(d);
	int			i;

	if (other != NULL && other->masks == NULL)
	{
		int			n = catstats_nranks();

		for (i = 0; i < n; i++)
			if (other->enrol[i] > 0)
				catstats_add_enrolments(ecs, i, other->enrol[i]);
		peoplekeys_compact(&other->set);
		catstats_add_keys(ecs, other->set.keys, other->set.nsorted);
	}
	else
	{
		CatStatsData *cs = (CatStatsData *) PG_DETOAST_DATUM(d);
		const int64 *keys;
		int32		nkeys;

		if (VARSIZE(cs) >= CATSTATS_HDRSZ && cs->version == CATSTATS_VERSION_MASKS &&
			VARSIZE(cs) >= CATSTATS_KEYS_OFFSET(cs->ncats) && catstats_add_masks(ecs, cs))
			return;
		cs = catstats_flat(PointerGetDatum(cs));
		keys = CATSTATS_KEYS(cs);
		nkeys = CATSTATS_NKEYS(cs);
		catstats_add_categories(ecs, cs);
		catstats_add_keys(ecs, keys, nkeys);
	}
}

/* The state in argument argno, as for peopleset_state() */
static ExpandedCatStats *
catstats_state(FunctionCallInfo fcinfo, int argno, MemoryContext aggcxt)
{
	ExpandedCatStats *ecs;
	Datum		d;

	if (PG_ARGISNULL(argno))
		ecs = catstats_expanded_new(aggcxt);
	else
	{
		d = PG_GETARG_DATUM(argno);
		ecs = catstats_expanded_of(d);
		if (ecs != NULL && VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)) &&
			ecs->hdr.eoh_context->parent == aggcxt)
			return ecs;
		ecs = catstats_expanded_new(aggcxt);
		catstats_add_all(ecs, d);
	}
	if (fcinfo->context != NULL && IsA(fcinfo->context, AggState))
		ecs->owner = fcinfo->context;
	return ecs;
}

static CatStatsData *
catstats_empty(void)
{
	CatStatsData *cs = palloc0(CATSTATS_HDRSZ);

	SET_VARSIZE(cs, CATSTATS_HDRSZ);
	cs->version = CATSTATS_VERSION;
	return cs;
}

/*
 * A flat value from per-category lists (codes in the order given, people
 * ascending per category), for the input functions; not yet checked.  Too
 * many people is reported through escontext: NULL after a soft error.
 */
static CatStatsData *
catstats_build(int ncats, const int16 *codes, const int64 *enrol,
			   int64 *const *people, const int32 *npeople, Node *escontext)
{
	int64		total = 0;
	Size		size;
	CatStatsData *cs;
	int64	   *keys;
	int32		nkeys = 0;
	int			i;
	int32		j;

	for (i = 0; i < ncats; i++)
		total += npeople[i];
	if (total > PEOPLEKEYS_MAX_KEYS)
		JOBS_EXT_INPUT_ERROR(escontext, NULL,
							 (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
							  errmsg("too many people in one catstats value"),
							  errdetail("A value holds at most %d person-category pairs.", PEOPLEKEYS_MAX_KEYS)));
	size = CATSTATS_KEYS_OFFSET(ncats) + sizeof(int64) * (Size) total;
	cs = palloc0(size);
	SET_VARSIZE(cs, size);
	cs->version = CATSTATS_VERSION;
	cs->ncats = ncats;
	keys = CATSTATS_KEYS(cs);
	for (i = 0; i < ncats; i++)
	{
		cs->cats[i].code = codes[i];
		cs->cats[i].enrolments = enrol[i];
		for (j = 0; j < npeople[i]; j++)
			keys[nkeys++] = catstats_make_key(people[i][j], codes[i]);
	}
	/* keys of different categories never collide, so nothing is dropped */
	peoplekeys_sort_unique(keys, &nkeys);
	Assert(nkeys == total);
	return cs;
}

/* Taxonomy rank of the code in a key of a stored value, which must be known */
static inline int
catstats_key_rank(int64 key)
{
	int			rank = jobcat_rank(catstats_key_code(key));

	if (rank < 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("catstats value holds unknown category %d", catstats_key_code(key))));
	return rank;
}

/* People per category of a flat value, in ascending order, by position in cats[] */
static void
catstats_split_people(const CatStatsData *cs, int64 ***people, int32 **npeople)
{
	const int64 *keys = CATSTATS_KEYS(cs);
	int32		nkeys = CATSTATS_NKEYS(cs);
	int			nranks = catstats_nranks();
	int			cat_of_rank[CATSTATS_MAX_RANKS];
	int			i;
	int32		k;

	*people = palloc0(sizeof(int64 *) * (cs->ncats + 1));
	*npeople = palloc0(sizeof(int32) * (cs->ncats + 1));
	for (i = 0; i < nranks; i++)
		cat_of_rank[i] = -1;
	for (i = 0; i < cs->ncats; i++)
	{
		int			rank = jobcat_rank(cs->cats[i].code);

		if (rank < 0)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("catstats value holds unknown category %d", cs->cats[i].code)));
		cat_of_rank[rank] = i;
	}
	for (k = 0; k < nkeys; k++)
	{
		int			c = cat_of_rank[catstats_key_rank(keys[k])];

		if (c < 0)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("catstats value counts people in category %d without enrolments",
							catstats_key_code(keys[k]))));
		(*npeople)[c]++;
	}
	for (i = 0; i < cs->ncats; i++)
	{
		(*people)[i] = palloc(sizeof(int64) * ((Size) (*npeople)[i] + 1));
		(*npeople)[i] = 0;
	}
	for (k = 0; k < nkeys; k++)
	{
		int			c = cat_of_rank[catstats_key_rank(keys[k])];

		(*people)[c][(*npeople)[c]++] = catstats_key_person(keys[k]);
	}
}

/*
 * The roll-up: enrolments and distinct people per taxonomy rank (a category
 * and all its descendants), and in total.
 */
typedef struct CatStatsRollup
{
	int			nranks;
	int64		enrol[CATSTATS_MAX_RANKS];
	int64		people[CATSTATS_MAX_RANKS];
	int64		enrol_total;
	int64		people_total;
} CatStatsRollup;

static void
catstats_rollup(const CatStatsData *cs, CatStatsRollup *ru)
{
	const int64 *keys = CATSTATS_KEYS(cs);
	int32		nkeys = CATSTATS_NKEYS(cs);
	CatStatsCounts counts;
	int			i;
	int			j;

	memset(&counts, 0, sizeof(counts));
	memset(ru, 0, sizeof(CatStatsRollup));
	ru->nranks = catstats_nranks();
	for (i = 0; i < cs->ncats; i++)
	{
		int			rank = jobcat_rank(cs->cats[i].code);
		uint64		anc;

		if (rank < 0)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("catstats value holds unknown category %d", cs->cats[i].code)));
		anc = catstats_ancestor_mask(rank);

		ru->enrol_total += cs->cats[i].enrolments;
		while (anc != 0)
		{
			ru->enrol[pg_rightmost_one_pos64(anc)] += cs->cats[i].enrolments;
			anc &= anc - 1;
		}
	}
	/* a version 2 value is counted from its masks, without listing them */
	if (cs->version == CATSTATS_VERSION_MASKS)
		catstats_masks_count_people(cs, &counts);
	else
		catstats_count_key_people(keys, nkeys, &counts);
	catstats_counts_flush(&counts);
	ru->people_total = counts.people;
	for (j = 0; j < 64; j++)
		for (i = 0; i < CATSTATS_MAX_RANKS; i++)
			ru->people[i] += (int64) (((counts.plane[j] >> i) & 1) << j);
}

/*----------------------------------------------------------------------------
 * I/O
 *----------------------------------------------------------------------------
 */

#define CATSTATS_TEXT_HINT \
	"Write catstats as {} or as {code:enrolments:{people},...} in taxonomy order, e.g. {21:5:{1,2,5..7},60:2:{3,4}}."

/* Skip spaces, then expect c */
static bool
catstats_expect(const char **pp, char c)
{
	while (isspace((unsigned char) **pp))
		(*pp)++;
	if (**pp != c)
		return false;
	(*pp)++;
	return true;
}

static bool
catstats_parse_int(const char **pp, int64 *v)
{
	char	   *end;

	while (isspace((unsigned char) **pp))
		(*pp)++;
	if (!isdigit((unsigned char) **pp))
		return false;
	errno = 0;
	*v = strtoi64(*pp, &end, 10);
	if (errno != 0)
		return false;
	*pp = end;
	return true;
}

PG_FUNCTION_INFO_V1(catstats_in);
Datum
catstats_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	Node	   *escontext = NULL;
	const char *p = str;
	int			nranks = catstats_nranks();
	int16		codes[CATSTATS_MAX_RANKS] = {0};
	int64		enrol[CATSTATS_MAX_RANKS] = {0};
	int64	   *people[CATSTATS_MAX_RANKS] = {0};
	int32		npeople[CATSTATS_MAX_RANKS] = {0};
	int			ncats = 0;
	CatStatsData *cs;
	const char *problem;

#if PG_VERSION_NUM >= 160000
	escontext = fcinfo->context;
#endif
	if (!catstats_expect(&p, '{'))
		JOBS_EXT_INPUT_ERROR(escontext, (Datum) 0,
							 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							  errmsg("invalid input syntax for type %s: \"%s\"", "catstats", str),
							  errhint(CATSTATS_TEXT_HINT)));
	if (!catstats_expect(&p, '}'))
	{
		for (;;)
		{
			int64		code;
			int32		j;

			if (!catstats_parse_int(&p, &code) || !catstats_expect(&p, ':') ||
				!catstats_parse_int(&p, &enrol[ncats]) || !catstats_expect(&p, ':'))
				JOBS_EXT_INPUT_ERROR(escontext, (Datum) 0,
									 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
									  errmsg("invalid input syntax for type %s: \"%s\"", "catstats", str),
									  errdetail("Expected code:enrolments: at \"%s\".", p),
									  errhint(CATSTATS_TEXT_HINT)));
			if (ncats >= nranks || jobcat_rank((int) Min(code, INT_MAX)) < 0)
				JOBS_EXT_INPUT_ERROR(escontext, (Datum) 0,
									 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
									  errmsg("invalid input syntax for type %s: \"%s\"", "catstats", str),
									  errdetail("\"" INT64_FORMAT "\" is not a jobcat code, or a category is repeated.", code),
									  errhint(CATSTATS_TEXT_HINT)));
			codes[ncats] = (int16) code;
			if (!peopleset_parse_list(&p, "catstats", str, &people[ncats], &npeople[ncats], escontext))
				PG_RETURN_NULL();
			for (j = 0; j < npeople[ncats]; j++)
				if (!catstats_person_ok(people[ncats][j]))
					JOBS_EXT_INPUT_ERROR(escontext, (Datum) 0,
										 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
										  errmsg("invalid input syntax for type %s: \"%s\"", "catstats", str),
										  errdetail("Person " INT64_FORMAT " is outside the range catstats supports, +-" INT64_FORMAT ".",
													people[ncats][j], CATSTATS_PERSON_MAX)));
			ncats++;
			if (catstats_expect(&p, '}'))
				break;
			if (!catstats_expect(&p, ','))
				JOBS_EXT_INPUT_ERROR(escontext, (Datum) 0,
									 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
									  errmsg("invalid input syntax for type %s: \"%s\"", "catstats", str),
									  errdetail("Expected \",\" or \"}\" at \"%s\".", p),
									  errhint(CATSTATS_TEXT_HINT)));
		}
	}
	while (isspace((unsigned char) *p))
		p++;
	if (*p != '\0')
		JOBS_EXT_INPUT_ERROR(escontext, (Datum) 0,
							 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							  errmsg("invalid input syntax for type %s: \"%s\"", "catstats", str),
							  errdetail("Junk after the closing brace: \"%s\".", p)));
	cs = catstats_build(ncats, codes, enrol, people, npeople, escontext);
	if (cs == NULL)
		PG_RETURN_NULL();
	problem = catstats_check(cs);
	if (problem != NULL)
		JOBS_EXT_INPUT_ERROR(escontext, (Datum) 0,
							 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							  errmsg("invalid input syntax for type %s: \"%s\"", "catstats", str),
							  errdetail("In the value, %s.", problem)));
	PG_RETURN_POINTER(cs);
}

PG_FUNCTION_INFO_V1(catstats_out);
Datum
catstats_out(PG_FUNCTION_ARGS)
{
	CatStatsData *cs = catstats_flat(PG_GETARG_DATUM(0));
	int64	  **people;
	int32	   *npeople;
	StringInfoData buf;
	int			i;

	catstats_split_people(cs, &people, &npeople);
	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (i = 0; i < cs->ncats; i++)
	{
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		appendStringInfo(&buf, "%d:" INT64_FORMAT ":", cs->cats[i].code, cs->cats[i].enrolments);
		peopleset_write_list(&buf, people[i], npeople[i]);
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

static CatStatsData *
catstats_read_binary(StringInfo buf)
{
	int			version;
	int			ncats;
	int			nranks = catstats_nranks();
	int16		codes[CATSTATS_MAX_RANKS] = {0};
	int64		enrol[CATSTATS_MAX_RANKS] = {0};
	int64	   *people[CATSTATS_MAX_RANKS] = {0};
	int32		npeople[CATSTATS_MAX_RANKS] = {0};
	int			i;
	int32		j;
	CatStatsData *cs;
	const char *problem;

	peopleset_need_bytes(buf, 3, "catstats");
	version = pq_getmsgbyte(buf);
	if (version != CATSTATS_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external catstats value: unsupported version %d", version)));
	ncats = (int16) pq_getmsgint(buf, 2);
	if (ncats < 0 || ncats > nranks)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external catstats value: %d categories", ncats)));
	for (i = 0; i < ncats; i++)
	{
		peopleset_need_bytes(buf, 2 + 8 + 4, "catstats");
		codes[i] = (int16) pq_getmsgint(buf, 2);
		enrol[i] = (int64) pq_getmsgint64(buf);
		npeople[i] = (int32) pq_getmsgint(buf, 4);
		if (npeople[i] < 0 || (int64) npeople[i] * 8 > buf->len - buf->cursor)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid external catstats value: %d people do not fit in %d remaining bytes",
							npeople[i], buf->len - buf->cursor)));
		people[i] = palloc(sizeof(int64) * ((Size) npeople[i] + 1));
		for (j = 0; j < npeople[i]; j++)
		{
			people[i][j] = (int64) pq_getmsgint64(buf);
			if (!catstats_person_ok(people[i][j]) ||
				(j > 0 && people[i][j] <= people[i][j - 1]))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
						 errmsg("invalid external catstats value: person " INT64_FORMAT " out of range or out of order",
								people[i][j])));
		}
		if (jobcat_rank(codes[i]) < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid external catstats value: %d is not a jobcat code", codes[i])));
	}
	cs = catstats_build(ncats, codes, enrol, people, npeople, NULL);
	problem = catstats_check(cs);
	if (problem != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external catstats value: %s", problem)));
	return cs;
}

PG_FUNCTION_INFO_V1(catstats_recv);
Datum
catstats_recv(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(catstats_read_binary((StringInfo) PG_GETARG_POINTER(0)));
}

PG_FUNCTION_INFO_V1(catstats_send);
Datum
catstats_send(PG_FUNCTION_ARGS)
{
	CatStatsData *cs = catstats_flat(PG_GETARG_DATUM(0));
	int64	  **people;
	int32	   *npeople;
	StringInfoData buf;
	int			i;
	int32		j;

	catstats_split_people(cs, &people, &npeople);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, CATSTATS_VERSION);
	pq_sendint16(&buf, cs->ncats);
	for (i = 0; i < cs->ncats; i++)
	{
		pq_sendint16(&buf, (int16) cs->cats[i].code);
		pq_sendint64(&buf, cs->cats[i].enrolments);
		pq_sendint32(&buf, npeople[i]);
		for (j = 0; j < npeople[i]; j++)
			pq_sendint64(&buf, people[i][j]);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* catstats(bytea): the value whose binary form is the bytea, checked as recv does */
PG_FUNCTION_INFO_V1(catstats_from_bytea);
Datum
catstats_from_bytea(PG_FUNCTION_ARGS)
{
	return jobs_ext_recv_bytea(catstats_recv, PG_GETARG_BYTEA_PP(0), "catstats");
}

/*----------------------------------------------------------------------------
 * Aggregate support
 *----------------------------------------------------------------------------
 */

static MemoryContext
catstats_aggcontext(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "%s called in non-aggregate context", fname);
	return aggcxt;
}

/* Transition: one enrolment; rows with a NULL person or category are skipped */
PG_FUNCTION_INFO_V1(catstats_add);
Datum
catstats_add(PG_FUNCTION_ARGS)
{
	ExpandedCatStats *ecs;
	int64		person;
	int16		code;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		(void) catstats_aggcontext(fcinfo, "catstats_add");
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	person = PG_GETARG_INT64(1);
	code = PG_GETARG_INT16(2);
	if (!catstats_person_ok(person))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("person " INT64_FORMAT " is outside the range catstats supports", person),
				 errdetail("catstats counts people numbered within +-" INT64_FORMAT " (2^53 - 1).",
						   CATSTATS_PERSON_MAX)));
	/* the common row: an enrolment added to this aggregate's own value */
	ecs = (ExpandedCatStats *) agg_expanded_own_state(fcinfo, 0, &catstats_methods);
	if (ecs == NULL)
		ecs = catstats_state(fcinfo, 0, catstats_aggcontext(fcinfo, "catstats_add"));
	ecs->enrol[catstats_rank_of_code[code]]++;
	/* before the array grows, see whether the people are dense */
	if (ecs->set.nsorted + ecs->set.nbuf >= ecs->set.capacity)
		catstats_try_masks(ecs);
	if (ecs->masks != NULL && (uint64) (person - ecs->mask_base) < (uint64) ecs->mask_len)
	{
		uint64		off = (uint64) (person - ecs->mask_base);
		int			g = (int) (off >> ecs->stage_shift);

		if (ecs->stage_fill[g] == ecs->stage_cap)
			catstats_masks_drain_group(ecs, g);
		ecs->stage[(Size) g * (Size) ecs->stage_cap + ecs->stage_fill[g]++] =
			(uint32) ((off & ((UINT64CONST(1) << ecs->stage_shift) - 1)) << 6) |
			(uint32) catstats_pos_of_code[code];
		ecs->nstage++;
	}
	else
		peoplekeys_add(&ecs->set, catstats_make_key(person, code));
	PG_RETURN_DATUM(EOHPGetRWDatum(&ecs->hdr));
}

/* Combine (and transition of catstats_merge); NULL on either side is ignored */
PG_FUNCTION_INFO_V1(catstats_combine);
Datum
catstats_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = catstats_aggcontext(fcinfo, "catstats_combine");
	ExpandedCatStats *ecs;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	ecs = catstats_state(fcinfo, 0, aggcxt);
	catstats_add_all(ecs, PG_GETARG_DATUM(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&ecs->hdr));
}

/* Final function: the flat value, {} for no rows */
PG_FUNCTION_INFO_V1(catstats_final);
Datum
catstats_final(PG_FUNCTION_ARGS)
{
	ExpandedCatStats *ecs;
	CatStatsData *cs;

	if (PG_ARGISNULL(0))
		PG_RETURN_POINTER(catstats_empty());
	ecs = catstats_expanded_of(PG_GETARG_DATUM(0));
	if (ecs != NULL)
	{
		Size		size;

		/*
		 * Version 2 when the masks are the smaller, as for people numbered
		 * 1..N: a mask a person instead of a key a person and category
		 */
		size = EOH_get_flat_size(&ecs->hdr);
		cs = palloc(size);
		EOH_flatten_into(&ecs->hdr, cs, size);
		PG_RETURN_POINTER(cs);
	}
	cs = catstats_flat(PG_GETARG_DATUM(0));
	/* a flat value that came in from outside is returned as a copy */
	if ((Pointer) cs == DatumGetPointer(PG_GETARG_DATUM(0)))
	{
		CatStatsData *copy = palloc(VARSIZE(cs));

		memcpy(copy, cs, VARSIZE(cs));
		cs = copy;
	}
	PG_RETURN_POINTER(cs);
}

/*----------------------------------------------------------------------------
 * Reading a catstats value
 *----------------------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(catstats_people);
Datum
catstats_people(PG_FUNCTION_ARGS)
{
	CatStatsRollup ru;

	catstats_rollup(catstats_flat_any(PG_GETARG_DATUM(0)), &ru);
	PG_RETURN_INT64(ru.people_total);
}

PG_FUNCTION_INFO_V1(catstats_enrolments);
Datum
catstats_enrolments(PG_FUNCTION_ARGS)
{
	CatStatsData *cs = catstats_flat_any(PG_GETARG_DATUM(0));
	int64		total = 0;
	int			i;

	for (i = 0; i < cs->ncats; i++)
		total += cs->cats[i].enrolments;
	PG_RETURN_INT64(total);
}

/* The distinct people of a catstats value, as a peopleset */
PG_FUNCTION_INFO_V1(catstats_peopleset);
Datum
catstats_peopleset(PG_FUNCTION_ARGS)
{
	CatStatsData *cs = catstats_flat(PG_GETARG_DATUM(0));
	const int64 *keys = CATSTATS_KEYS(cs);
	int32		nkeys = CATSTATS_NKEYS(cs);
	PeopleSetData *ps;
	int32		n = 0;
	int32		k;

	ps = palloc0(PEOPLESET_HDRSZ + sizeof(int64) * (Size) nkeys);
	ps->version = PEOPLESET_VERSION;
	for (k = 0; k < nkeys; k++)
	{
		int64		person = catstats_key_person(keys[k]);

		if (n == 0 || ps->keys[n - 1] != person)
			ps->keys[n++] = person;
	}
	SET_VARSIZE(ps, PEOPLESET_HDRSZ + sizeof(int64) * (Size) n);
	PG_RETURN_POINTER(ps);
}

/* unnest(catstats): (category, label, enrolments, people) in taxonomy order */
PG_FUNCTION_INFO_V1(catstats_unnest);
Datum
catstats_unnest(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	CatStatsRollup *ru;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcxt;
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcxt = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		ru = palloc(sizeof(CatStatsRollup));
		catstats_rollup(catstats_flat_any(PG_GETARG_DATUM(0)), ru);
		funcctx->user_fctx = ru;
		funcctx->max_calls = ru->nranks;
		MemoryContextSwitchTo(oldcxt);
	}
	funcctx = SRF_PERCALL_SETUP();
	ru = (CatStatsRollup *) funcctx->user_fctx;
	/* call_cntr counts ranks; ranks without enrolments are skipped */
	while (funcctx->call_cntr < funcctx->max_calls)
	{
		int			rank = (int) funcctx->call_cntr;
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};
		int16		code;

		if (ru->enrol[rank] == 0)
		{
			funcctx->call_cntr++;
			continue;
		}
		code = jobcat_code_at_rank(rank);
		values[0] = Int16GetDatum(code);
		values[1] = PointerGetDatum(jobcat_label_text(code, true));
		values[2] = Int64GetDatum(ru->enrol[rank]);
		values[3] = Int64GetDatum(ru->people[rank]);
		SRF_RETURN_NEXT(funcctx,
						HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

/*
 * to_jsonb(catstats): {"enrolments": n, "people": n, "categories": [{"code":
 * 20, "label": "직업훈련", "label_en": "Training", "enrolments": n,
 * "people": n}, ...]}, categories in taxonomy order.
 */
PG_FUNCTION_INFO_V1(catstats_to_jsonb);
Datum
catstats_to_jsonb(PG_FUNCTION_ARGS)
{
	CatStatsRollup ru;
	StringInfoData buf;
	int			rank;
	bool		first = true;

	catstats_rollup(catstats_flat_any(PG_GETARG_DATUM(0)), &ru);
	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"enrolments\": " INT64_FORMAT ", \"people\": " INT64_FORMAT ", \"categories\": [",
					 ru.enrol_total, ru.people_total);
	for (rank = 0; rank < ru.nranks; rank++)
	{
		int16		code;

		if (ru.enrol[rank] == 0)
			continue;
		code = jobcat_code_at_rank(rank);
		if (!first)
			appendStringInfoString(&buf, ", ");
		first = false;
		appendStringInfo(&buf, "{\"code\": %d, \"label\": ", code);
		escape_json(&buf, text_to_cstring(jobcat_label_text(code, true)));
		appendStringInfoString(&buf, ", \"label_en\": ");
		escape_json(&buf, text_to_cstring(jobcat_label_text(code, false)));
		appendStringInfo(&buf, ", \"enrolments\": " INT64_FORMAT ", \"people\": " INT64_FORMAT "}",
						 ru.enrol[rank], ru.people[rank]);
	}
	appendStringInfoString(&buf, "]}");
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}

/*----------------------------------------------------------------------------
 * Comparison and hashing (the btree and hash operator classes)
 *
 * The flat form is canonical: categories in taxonomy order, each with its
 * enrolments, and the (person, category) keys ascending and distinct,
 * whichever way the value was built (text, binary, an aggregate in any row
 * order, a combine); the padding is not read.  Two values are equal when
 * they hold the same categories with the same enrolments and the same
 * people in each, and equal values hash alike.
 *
 * Order: by enrolments(v) (연인원); then category by category in taxonomy
 * order, by code and then its enrolments, a value with fewer categories
 * first when its list is a prefix of the other's; then the one with fewer
 * (person, category) pairs; then the first pair where they differ, by
 * person and then code.
 *----------------------------------------------------------------------------
 */

/* Total enrolments as a 128-bit number (hi, lo): the int64 sum may overflow */
static void
catstats_total_enrolments(const CatStatsData *cs, uint64 *hi, uint64 *lo)
{
	int			i;

	*hi = 0;
	*lo = 0;
	for (i = 0; i < cs->ncats; i++)
	{
		uint64		e = (uint64) cs->cats[i].enrolments;	/* >= 1 */

		*lo += e;
		if (*lo < e)
			(*hi)++;
	}
}

static int
catstats_compare(const CatStatsData *a, const CatStatsData *b)
{
	uint64		ahi,
				alo,
				bhi,
				blo;
	const int64 *akeys,
			   *bkeys;
	int32		na,
				nb,
				i;
	int			ncats = Min(a->ncats, b->ncats);

	catstats_total_enrolments(a, &ahi, &alo);
	catstats_total_enrolments(b, &bhi, &blo);
	if (ahi != bhi)
		return ahi < bhi ? -1 : 1;
	if (alo != blo)
		return alo < blo ? -1 : 1;
	for (i = 0; i < ncats; i++)
	{
		if (a->cats[i].code != b->cats[i].code)
			return a->cats[i].code < b->cats[i].code ? -1 : 1;
		if (a->cats[i].enrolments != b->cats[i].enrolments)
			return a->cats[i].enrolments < b->cats[i].enrolments ? -1 : 1;
	}
	if (a->ncats != b->ncats)
		return a->ncats < b->ncats ? -1 : 1;
	na = CATSTATS_NKEYS(a);
	nb = CATSTATS_NKEYS(b);
	if (na != nb)
		return na < nb ? -1 : 1;
	akeys = CATSTATS_KEYS(a);
	bkeys = CATSTATS_KEYS(b);
	for (i = 0; i < na; i++)
		if (akeys[i] != bkeys[i])
			return akeys[i] < bkeys[i] ? -1 : 1;
	return 0;
}

/* Compare arguments 0 and 1, freeing what detoasting copied */
static int
catstats_compare_args(FunctionCallInfo fcinfo)
{
	CatStatsData *a = catstats_flat(PG_GETARG_DATUM(0));
	CatStatsData *b = catstats_flat(PG_GETARG_DATUM(1));
	int			result = catstats_compare(a, b);

	if ((Pointer) a != DatumGetPointer(PG_GETARG_DATUM(0)))
		pfree(a);
	if ((Pointer) b != DatumGetPointer(PG_GETARG_DATUM(1)))
		pfree(b);
	return result;
}

/*
 * Seeded 64-bit hash: that of the keys, combined with that of each
 * category's code and enrolments in turn.
 */
static uint64
catstats_hash_seeded(Datum d, uint64 seed)
{
	CatStatsData *cs = catstats_flat(d);
	uint64		h;
	int			i;

	h = DatumGetUInt64(hash_any_extended((const unsigned char *) CATSTATS_KEYS(cs),
										 (int) (sizeof(int64) * (Size) CATSTATS_NKEYS(cs)),
										 seed));
	for (i = 0; i < cs->ncats; i++)
	{
		int64		cat[2];

		cat[0] = cs->cats[i].code;
		cat[1] = cs->cats[i].enrolments;
		h = hash_combine64(h, DatumGetUInt64(hash_any_extended((const unsigned char *) cat,
															   sizeof(cat), seed)));
	}
	if ((Pointer) cs != DatumGetPointer(d))
		pfree(cs);
	return h;
}

PG_FUNCTION_INFO_V1(catstats_eq);
Datum
catstats_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(catstats_compare_args(fcinfo) == 0);
}

PG_FUNCTION_INFO_V1(catstats_ne);
Datum
catstats_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(catstats_compare_args(fcinfo) != 0);
}

PG_FUNCTION_INFO_V1(catstats_lt);
Datum
catstats_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(catstats_compare_args(fcinfo) < 0);
}

PG_FUNCTION_INFO_V1(catstats_le);
Datum
catstats_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(catstats_compare_args(fcinfo) <= 0);
}

PG_FUNCTION_INFO_V1(catstats_gt);
Datum
catstats_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(catstats_compare_args(fcinfo) > 0);
}

PG_FUNCTION_INFO_V1(catstats_ge);
Datum
catstats_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(catstats_compare_args(fcinfo) >= 0);
}

PG_FUNCTION_INFO_V1(catstats_cmp);
Datum
catstats_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(catstats_compare_args(fcinfo));
}

/* The 32-bit hash is the low half of the 64-bit one with seed 0, as PostgreSQL requires */
PG_FUNCTION_INFO_V1(catstats_hash);
Datum
catstats_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT32((uint32) catstats_hash_seeded(PG_GETARG_DATUM(0), 0));
}

PG_FUNCTION_INFO_V1(catstats_hash_extended);
Datum
catstats_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT64(catstats_hash_seeded(PG_GETARG_DATUM(0), (uint64) PG_GETARG_INT64(1)));
}
