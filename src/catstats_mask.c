/*
 * catstats_mask.c
 *		The per-person category masks of a catstats aggregate state and the
 *		version 2 flat form that hands them on (catstats.c explains both):
 *		the taxonomy rank and category position tables the masks are read
 *		with, checking and expanding a version 2 value, and moving people
 *		from the state's key set into masks.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "port/pg_bitutils.h"
#include "utils/memutils.h"

#include "catstats.h"
#include "jobcat.h"
#include "people.h"

/* Number of taxonomy nodes, checked against what a rank mask holds */
int
catstats_nranks(void)
{
	int			n = jobcat_count();

	if (n > CATSTATS_MAX_RANKS)
		elog(ERROR, "catstats supports at most %d categories, the taxonomy has %d",
			 CATSTATS_MAX_RANKS, n);
	return n;
}

/*
 * Mask of each rank and the ranks of all its ancestors, by rank and by code,
 * built once per backend
 */
uint64		catstats_ancestors[CATSTATS_MAX_RANKS];
uint64		catstats_anc_of_code[CATSTATS_CODE_SPAN];
bool		catstats_ancestors_ready = false;

void
catstats_ancestors_init(void)
{
	int			n = catstats_nranks();
	int			r;

	for (r = 0; r < n; r++)
	{
		int16		code = jobcat_code_at_rank(r);
		uint64		mask = 0;

		while (code != 0)
		{
			mask |= UINT64CONST(1) << jobcat_rank(code);
			code = jobcat_parent_code(code);
		}
		catstats_ancestors[r] = mask;
	}
	for (r = 0; r < CATSTATS_CODE_SPAN; r++)
	{
		int			rank = jobcat_rank(r);

		catstats_anc_of_code[r] = rank < 0 ? 0 : catstats_ancestors[rank];
	}
	catstats_ancestors_ready = true;
}

/*
 * Categories in ascending code order ("positions"), for the masks of the
 * aggregate state: the position and the rank of each code, the code and
 * the ancestor mask (by rank) at each position.  Built once per backend.
 */
int8		catstats_pos_of_code[CATSTATS_CODE_SPAN];
int8		catstats_rank_of_code[CATSTATS_CODE_SPAN];
int16		catstats_code_at_pos[CATSTATS_MAX_RANKS];
uint64		catstats_anc_at_pos[CATSTATS_MAX_RANKS];
static bool catstats_pos_ready = false;

void
catstats_pos_init(void)
{
	int			n = catstats_nranks();
	int			code;
	int			pos = 0;

	if (catstats_pos_ready)
		return;
	for (code = 0; code < CATSTATS_CODE_SPAN; code++)
	{
		int			rank = jobcat_rank(code);

		catstats_pos_of_code[code] = -1;
		catstats_rank_of_code[code] = (int8) rank;
		if (rank < 0)
			continue;
		Assert(pos < n);
		catstats_pos_of_code[code] = (int8) pos;
		catstats_code_at_pos[pos] = (int16) code;
		catstats_anc_at_pos[pos] = catstats_ancestor_mask(rank);
		pos++;
	}
	(void) n;
	catstats_pos_ready = true;
}

/* The masks block of a version 2 value, checked */
const CatStatsMasksHdr *
catstats_masks_hdr(const CatStatsData *cs)
{
	const CatStatsMasksHdr *mh;
	Size		off = CATSTATS_KEYS_OFFSET(cs->ncats);
	int64		p;
	int			i;
	const int64 *keys;
	const uint64 *masks;
	uint64		coded = 0;

	if (VARSIZE(cs) < off + sizeof(CatStatsMasksHdr))
		goto bad;
	mh = (const CatStatsMasksHdr *) ((const char *) cs + off);
	if (mh->nkeys < 0 || mh->mask_len < 0 || mh->nkeys > PEOPLEKEYS_MAX_KEYS ||
		mh->mask_len > (int64) (MaxAllocSize / sizeof(uint64)) ||
		VARSIZE(cs) != off + sizeof(CatStatsMasksHdr) + sizeof(int64) * (Size) (mh->nkeys + mh->mask_len) ||
		!catstats_person_ok(mh->mask_base) ||
		!catstats_person_ok(mh->mask_base + mh->mask_len - 1))
		goto bad;
	for (i = 0; i < CATSTATS_MAX_RANKS; i++)
	{
		if (mh->codes[i] == -1)
			continue;
		if (mh->codes[i] < 0 || mh->codes[i] >= CATSTATS_CODE_SPAN || jobcat_rank(mh->codes[i]) < 0 ||
			(i > 0 && mh->codes[i - 1] >= mh->codes[i]))
			goto bad;
	}
	keys = (const int64 *) (mh + 1);
	if (!peoplekeys_are_set(keys, (int32) mh->nkeys))
		goto bad;
	for (p = 0; p < mh->nkeys; p++)
	{
		int64		person = catstats_key_person(keys[p]);

		if (person >= mh->mask_base && person < mh->mask_base + mh->mask_len)
			goto bad;
	}
	/* every bit set in a mask must be one that has a code */
	for (i = 0; i < CATSTATS_MAX_RANKS; i++)
		if (mh->codes[i] != -1)
			coded |= UINT64CONST(1) << i;
	masks = (const uint64 *) (keys + mh->nkeys);
	for (p = 0; p < mh->mask_len; p++)
		if ((masks[p] & ~coded) != 0)
			goto bad;
	return mh;
bad:
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("invalid catstats value: damaged version 2 masks")));
	return NULL;				/* keep the compiler quiet */
}

/*
 * Carry the small planes of counts into its big ones: small plane j holds
 * digit j of up to 15 more people in each rank
 */
void
catstats_counts_flush(CatStatsCounts *c)
{
	int			d;

	for (d = 0; d < 4; d++)
	{
		uint64		mask = c->small[d];
		int			j;

		for (j = d; mask != 0; j++)
		{
			uint64		carry = c->plane[j] & mask;

			c->plane[j] ^= mask;
			mask = carry;
		}
		c->small[d] = 0;
	}
	c->nsmall = 0;
}

/*
 * Count into counts the people of keys[0 .. n), ascending person-category
 * keys, so that a person's are adjacent: each person in the ranks of its
 * categories and of their ancestors.
 */
void
catstats_count_key_people(const int64 *keys, int64 n, CatStatsCounts *counts)
{
	int64		k = 0;

	while (k < n)
	{
		int64		person = catstats_key_person(keys[k]);
		uint64		mask = 0;

		do
		{
			uint64		anc = catstats_code_ancestor_mask(catstats_key_code(keys[k]));

			if (anc == 0)
				ereport(ERROR,
						(errcode(ERRCODE_DATA_CORRUPTED),
						 errmsg("catstats value holds unknown category %d",
								catstats_key_code(keys[k]))));
			mask |= anc;
			k++;
		} while (k < n && catstats_key_person(keys[k]) == person);
		catstats_counts_add(counts, mask);
		if ((counts->people & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
}

/*
 * Count the people of a version 2 value, as they are, into counts.  A
 * person's ranks are the ancestors of the categories of its keys, or of the
 * bits of its mask, found a byte of the mask at a time in tables made for
 * this value's codes[].
 */
void
catstats_masks_count_people(const CatStatsData *cs, CatStatsCounts *counts)
{
	const CatStatsMasksHdr *mh = catstats_masks_hdr(cs);
	const int64 *keys = (const int64 *) (mh + 1);
	const uint64 *masks = (const uint64 *) (keys + mh->nkeys);
	uint64		anc_of_byte[8][256];
	int64		p;
	int			b;
	int			v;

	for (b = 0; b < 8; b++)
	{
		anc_of_byte[b][0] = 0;
		for (v = 1; v < 256; v++)
		{
			int			bit = b * 8 + pg_rightmost_one_pos32(v);

			/* catstats_masks_hdr() saw that every bit set has a code */
			anc_of_byte[b][v] = anc_of_byte[b][v & (v - 1)] |
				(mh->codes[bit] < 0 ? 0 : catstats_code_ancestor_mask(mh->codes[bit]));
		}
	}
	catstats_count_key_people(keys, mh->nkeys, counts);
	for (p = 0; p < mh->mask_len; p++)
	{
		uint64		m = masks[p];
		uint64		mask = 0;

		if (m == 0)
			continue;
		for (b = 0; m != 0; b++, m >>= 8)
			mask |= anc_of_byte[b][m & 0xff];
		catstats_counts_add(counts, mask);
		if ((p & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
}

/* A version 2 value as the version 1 value with the same keys */
CatStatsData *
catstats_masks_to_list(const CatStatsData *cs)
{
	const CatStatsMasksHdr *mh = catstats_masks_hdr(cs);
	const int64 *keys = (const int64 *) (mh + 1);
	const uint64 *masks = (const uint64 *) (keys + mh->nkeys);
	int64		total = mh->nkeys;
	int64		p;
	int64		i = 0;
	Size		size;
	CatStatsData *out;
	int64	   *o;

	for (p = 0; p < mh->mask_len; p++)
		total += pg_popcount64(masks[p]);
	if (total > PEOPLEKEYS_MAX_KEYS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many people in one catstats value"),
				 errdetail("A value holds at most %d person-category pairs.", PEOPLEKEYS_MAX_KEYS)));
	size = CATSTATS_KEYS_OFFSET(cs->ncats) + sizeof(int64) * (Size) total;
	out = palloc(size);
	memcpy(out, cs, CATSTATS_KEYS_OFFSET(cs->ncats));
	SET_VARSIZE(out, size);
	out->version = CATSTATS_VERSION;
	o = CATSTATS_KEYS(out);
	while (i < mh->nkeys && catstats_key_person(keys[i]) < mh->mask_base)
		*o++ = keys[i++];
	for (p = 0; p < mh->mask_len; p++)
	{
		uint64		m = masks[p];

		while (m != 0)
		{
			*o++ = catstats_make_key(mh->mask_base + p, mh->codes[pg_rightmost_one_pos64(m)]);
			m &= m - 1;
		}
	}
	while (i < mh->nkeys)
		*o++ = keys[i++];
	return out;
}

/*
 * Put the enrolments staged in group g into the masks.  The group covers a
 * 256th of the masks, so the stretch it sets is loaded into the cache once
 * for all its enrolments rather than once an enrolment, as setting them in
 * arrival order would.
 */
void
catstats_masks_drain_group(ExpandedCatStats *ecs, int g)
{
	const uint32 *stage = ecs->stage + (Size) g * (Size) ecs->stage_cap;
	uint64	   *masks = ecs->masks + ((int64) g << ecs->stage_shift);
	int32		n = ecs->stage_fill[g];
	int32		i;

	for (i = 0; i < n; i++)
		masks[stage[i] >> 6] |= UINT64CONST(1) << (stage[i] & 63);
	ecs->nstage -= n;
	ecs->stage_fill[g] = 0;
}

/* Put all the staged enrolments into the masks */
void
catstats_masks_drain(ExpandedCatStats *ecs)
{
	int			g;

	if (ecs->nstage == 0)
		return;
	for (g = 0; g < CATSTATS_STAGE_GROUPS; g++)
		if (ecs->stage_fill[g] > 0)
			catstats_masks_drain_group(ecs, g);
	Assert(ecs->nstage == 0);
}

/*
 * Room to stage, in each of the CATSTATS_STAGE_GROUPS groups of masks, a
 * 128th of their number of enrolments (16 to 16384; at most 16 MB in all): a
 * group is drained when it is full, and the fuller, the more enrolments
 * each cache line of its masks takes while loaded.  An entry is the offset
 * within its group << 6 | the bit.
 */
void
catstats_masks_stage_init(ExpandedCatStats *ecs)
{
	if (ecs->stage != NULL)
		pfree(ecs->stage);
	ecs->stage_shift = 0;
	while ((ecs->mask_len - 1) >> ecs->stage_shift >= CATSTATS_STAGE_GROUPS)
		ecs->stage_shift++;
	/* masks are fewer than 2^27 (MaxAllocSize / 8): an entry fits in 32 bits */
	Assert(ecs->stage_shift + 6 <= 32);
	ecs->stage_cap = (int32) Max(Min(ecs->mask_len / 128, 16384), 16);
	ecs->stage = MemoryContextAlloc(ecs->hdr.eoh_context,
									sizeof(uint32) * CATSTATS_STAGE_GROUPS * (Size) ecs->stage_cap);
	memset(ecs->stage_fill, 0, sizeof(ecs->stage_fill));
	ecs->nstage = 0;
}

/*
 * Widen the masks to cover the people lo .. end - 1 too, moving the keys of
 * the set that fall in the new range into them; false when that would take
 * too much memory.
 */
bool
catstats_masks_cover(ExpandedCatStats *ecs, int64 lo, int64 end)
{
	PeopleKeys *pk = &ecs->set;
	int64		newlo = Min(lo, ecs->mask_base);
	int64		newend = Max(end, ecs->mask_base + ecs->mask_len);
	uint64	   *masks;
	int32		i,
				kept = 0;

	if (newlo == ecs->mask_base && newend == ecs->mask_base + ecs->mask_len)
		return true;
	if (newend - newlo > (int64) (MaxAllocSize / sizeof(uint64)))
		return false;
	catstats_masks_drain(ecs);
	masks = MemoryContextAllocZero(ecs->hdr.eoh_context, sizeof(uint64) * (Size) (newend - newlo));
	memcpy(masks + (ecs->mask_base - newlo), ecs->masks, sizeof(uint64) * (Size) ecs->mask_len);
	pfree(ecs->masks);
	ecs->masks = masks;
	ecs->mask_base = newlo;
	ecs->mask_len = newend - newlo;
	peoplekeys_compact(pk);
	for (i = 0; i < pk->nsorted; i++)
	{
		int64		off = catstats_key_person(pk->keys[i]) - newlo;

		if (off >= 0 && off < ecs->mask_len)
			masks[off] |= UINT64CONST(1) << catstats_pos_of_code[catstats_key_code(pk->keys[i])];
		else
			pk->keys[kept++] = pk->keys[i];
	}
	pk->nsorted = kept;
	catstats_masks_stage_init(ecs);
	return true;
}

/*
 * Move the people of the set into masks when they, together with those the
 * masks already hold, are dense in the range they span; the range gets a
 * quarter of room above.
 */
void
catstats_try_masks(ExpandedCatStats *ecs)
{
	PeopleKeys *pk = &ecs->set;
	int64	   *keys;
	int32		n;
	int32		i;
	int32		kept = 0;
	int64		lo,
				hi,
				persons = 0,
				span,
				len,
				p;
	uint64	   *masks;

	peoplekeys_compact(pk);
	if (ecs->masks != NULL)
		catstats_masks_drain(ecs);
	keys = pk->keys;
	n = pk->nsorted;
	ecs->masks_next_try = (int32) Min((int64) n * 2, PEOPLEKEYS_MAX_KEYS);
	if (n < CATSTATS_DENSE_MIN)
		return;
	lo = catstats_key_person(keys[0]);
	hi = catstats_key_person(keys[n - 1]);
	for (i = 0; i < n; i++)
		if (i == 0 || catstats_key_person(keys[i]) != catstats_key_person(keys[i - 1]))
			persons++;
	if (ecs->masks != NULL)
	{
		lo = Min(lo, ecs->mask_base);
		hi = Max(hi, ecs->mask_base + ecs->mask_len - 1);
		for (p = 0; p < ecs->mask_len; p++)
			if (ecs->masks[p] != 0)
				persons++;
	}
	/* person numbers lie within +-(2^53 - 1): no overflow */
	span = hi - lo + 1;
	if (span > persons * CATSTATS_DENSE_SPREAD)
		return;
	len = span + span / 4;
	len = Min(len, CATSTATS_PERSON_MAX - lo + 1);
	if (len > (int64) (MaxAllocSize / sizeof(uint64)))
		return;
	masks = MemoryContextAllocZero(ecs->hdr.eoh_context, sizeof(uint64) * (Size) len);
	if (ecs->masks != NULL)
	{
		memcpy(masks + (ecs->mask_base - lo), ecs->masks, sizeof(uint64) * (Size) ecs->mask_len);
		pfree(ecs->masks);
	}
	for (i = 0; i < n; i++)
	{
		int64		off = catstats_key_person(keys[i]) - lo;
		int			pos = catstats_pos_of_code[catstats_key_code(keys[i])];

		if (pos < 0)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("catstats value holds unknown category %d", catstats_key_code(keys[i]))));
		if (off >= 0 && off < len)
			masks[off] |= UINT64CONST(1) << pos;
		else
			keys[kept++] = keys[i];
	}
	pk->nsorted = kept;
	ecs->masks = masks;
	ecs->mask_base = lo;
	ecs->mask_len = len;
	catstats_masks_stage_init(ecs);
	/* the array now only takes people outside the range */
	if (pk->capacity > 2 * CATSTATS_DENSE_MIN && kept < CATSTATS_DENSE_MIN)
	{
		pk->keys = repalloc(pk->keys, sizeof(int64) * 2 * CATSTATS_DENSE_MIN);
		pk->capacity = 2 * CATSTATS_DENSE_MIN;
	}
}
