/*
 * peoplekeys.c
 *		PeopleKeys, the growable set of 64-bit keys behind the peopleset and
 *		catstats aggregate states (people.h describes its forms): a sorted
 *		array with an append buffer, a bitmap for dense numbers, and a hash
 *		table for many scattered ones.
 */
#include "postgres.h"

#include "port/pg_bitutils.h"
#include "utils/memutils.h"

#include "people.h"

/*----------------------------------------------------------------------------
 * PeopleKeys: the growable key set
 *----------------------------------------------------------------------------
 */

void
peoplekeys_init(PeopleKeys *pk, int32 capacity)
{
	if (capacity < PEOPLEKEYS_MIN_CAPACITY)
		capacity = PEOPLEKEYS_MIN_CAPACITY;
	if (capacity > PEOPLEKEYS_MAX_KEYS)
		capacity = PEOPLEKEYS_MAX_KEYS;
	pk->keys = palloc(sizeof(int64) * (Size) capacity);
	pk->nsorted = 0;
	pk->nbuf = 0;
	pk->capacity = capacity;
	pk->dense_ok = false;
	pk->bits = NULL;
	pk->bits_words = 0;
	pk->bits_base = 0;
}

#define RADIX_MIN	48			/* below this, insertion sort */

static void
peoplekeys_insertion_sort(int64 *a, int32 n)
{
	int32		i,
				j;

	for (i = 1; i < n; i++)
	{
		int64		v = a[i];

		for (j = i; j > 0 && a[j - 1] > v; j--)
			a[j] = a[j - 1];
		a[j] = v;
	}
}

/*
 * LSD radix sort, 8 bits a pass, skipping the passes where every key has the
 * same byte (person numbers below 2^24 need three passes, not eight).  Sorts
 * a[0 .. n) using tmp[0 .. n) as scratch and returns whichever of the two
 * holds the result.
 */
static int64 *
peoplekeys_radix_sort(int64 *a, int64 *tmp, int32 n)
{
	uint32		count[8][256];
	uint64	   *src = (uint64 *) a;
	uint64	   *dst = (uint64 *) tmp;
	const uint64 flip = UINT64CONST(1) << 63;	/* signed order */
	uint64		first;
	int32		i;
	int			pass;

	if (n < RADIX_MIN)
	{
		peoplekeys_insertion_sort(a, n);
		return a;
	}

	memset(count, 0, sizeof(count));
	for (i = 0; i < n; i++)
	{
		uint64		u = src[i] ^ flip;

		count[0][u & 0xff]++;
		count[1][(u >> 8) & 0xff]++;
		count[2][(u >> 16) & 0xff]++;
		count[3][(u >> 24) & 0xff]++;
		count[4][(u >> 32) & 0xff]++;
		count[5][(u >> 40) & 0xff]++;
		count[6][(u >> 48) & 0xff]++;
		count[7][(u >> 56) & 0xff]++;
	}
	first = src[0] ^ flip;
	for (pass = 0; pass < 8; pass++)
	{
		int			shift = pass * 8;
		uint32		offset[256];
		uint32		sum = 0;
		int			d;
		uint64	   *swap;

		if (count[pass][(first >> shift) & 0xff] == (uint32) n)
			continue;
		for (d = 0; d < 256; d++)
		{
			offset[d] = sum;
			sum += count[pass][d];
		}
		for (i = 0; i < n; i++)
		{
			uint64		v = src[i];

			dst[offset[((v ^ flip) >> shift) & 0xff]++] = v;
		}
		swap = src;
		src = dst;
		dst = swap;
	}
	return (int64 *) src;
}

/* Sort keys[0 .. *n) and drop duplicates, in place */
void
peoplekeys_sort_unique(int64 *keys, int32 *n)
{
	int64	   *tmp;
	int64	   *sorted;
	int32		i,
				m;

	if (*n < 2)
		return;
	tmp = palloc(sizeof(int64) * (Size) *n);
	sorted = peoplekeys_radix_sort(keys, tmp, *n);
	if (sorted != keys)
		memcpy(keys, sorted, sizeof(int64) * (Size) *n);
	pfree(tmp);
	for (i = 1, m = 1; i < *n; i++)
		if (keys[i] != keys[m - 1])
			keys[m++] = keys[i];
	*n = m;
}

/* Is keys[0 .. n) strictly ascending? */
bool
peoplekeys_are_set(const int64 *keys, int32 n)
{
	int32		i;

	for (i = 1; i < n; i++)
		if (keys[i] <= keys[i - 1])
			return false;
	return true;
}

/*
 * Merge ascending, distinct b[0 .. nb), which lies outside keys[], into the
 * sorted prefix; the buffer must be empty and the array big enough for both.
 * The merge runs from the back, so the prefix is never overwritten before it
 * is read.
 */
static void
peoplekeys_merge_prefix(PeopleKeys *pk, const int64 *b, int32 nb)
{
	int64	   *keys = pk->keys;
	int32		na = pk->nsorted;
	int32		ia,
				ib,
				w;

	Assert(pk->nbuf == 0 && (int64) na + nb <= pk->capacity);
	if (nb == 0)
		return;
	if (na == 0 || b[0] > keys[na - 1])
	{
		/* the buffer continues the prefix */
		memcpy(keys + na, b, sizeof(int64) * (Size) nb);
		pk->nsorted = na + nb;
	}
	else
	{
		/* merge from the back; equal keys are written once */
		ia = na - 1;
		ib = nb - 1;
		w = na + nb;
		while (ib >= 0)
		{
			int64		v;

			if (ia >= 0 && keys[ia] >= b[ib])
			{
				v = keys[ia--];
				if (v == b[ib])
					ib--;
			}
			else
				v = b[ib--];
			keys[--w] = v;
		}
		/* what is left of the prefix is already in place below w */
		if (w > ia + 1)
		{
			memmove(keys + ia + 1, keys + w, sizeof(int64) * (Size) (na + nb - w));
			pk->nsorted = ia + 1 + na + nb - w;
		}
		else
			pk->nsorted = na + nb;
	}
}

/*
 * Sort the append buffer and merge it into the sorted prefix.  The buffer is
 * sorted into scratch memory, then merged from the back so that the prefix
 * never has to move before it is read.
 */
void
peoplekeys_compact(PeopleKeys *pk)
{
	int64	   *keys = pk->keys;
	int32		na = pk->nsorted;
	int32		nb = pk->nbuf;
	int64	   *tmp;
	int64	   *b;
	int32		i,
				m;

	if (nb == 0)
		return;

	/* sort the buffer; the result must end up outside keys[] */
	tmp = palloc(sizeof(int64) * (Size) nb);
	b = peoplekeys_radix_sort(keys + na, tmp, nb);
	if (b != tmp)
	{
		memcpy(tmp, b, sizeof(int64) * (Size) nb);
		b = tmp;
	}
	for (i = 1, m = 1; i < nb; i++)
		if (b[i] != b[m - 1])
			b[m++] = b[i];
	nb = m;

	pk->nbuf = 0;
	peoplekeys_merge_prefix(pk, b, nb);
	pfree(tmp);
}

/* Fewest sorted keys before a set is considered for the bitmap */
#define PEOPLEKEYS_DENSE_MIN	4096

/*
 * Move the sorted keys into the bitmap when they, together with what the
 * bitmap already holds, fill at least 1/16 of the range they span: a bitmap
 * of that range then costs at most 2 bytes per key, against 8 to 16 in the
 * array.  The bitmap gets a quarter of its range as room above, and keeps
 * its old bits in place (its base moves down by whole words only).
 */
static void
peoplekeys_try_dense(PeopleKeys *pk)
{
	const uint64 flip = UINT64CONST(1) << 63;	/* int64 order as uint64 */
	int32		n = pk->nsorted;
	uint64		lo,
				hi,
				base,
				span,
				slack,
				words;
	uint64		count;
	uint64	   *bits;
	int32		shift_words = 0;
	int32		i;

	Assert(pk->nbuf == 0);
	if (!pk->dense_ok || n < PEOPLEKEYS_DENSE_MIN)
		return;
	lo = (uint64) pk->keys[0] ^ flip;
	hi = (uint64) pk->keys[n - 1] ^ flip;
	count = n;
	if (pk->bits != NULL)
	{
		/* array keys lie outside the bitmap, so the counts add up */
		uint64		bbase = (uint64) pk->bits_base ^ flip;
		uint64		blast = bbase + (uint64) pk->bits_words * 64 - 1;

		lo = Min(lo, bbase);
		hi = Max(hi, blast);
		count += pg_popcount((const char *) pk->bits, (Size) pk->bits_words * 8);
		/* keep the old bits word-aligned in the new bitmap */
		shift_words = (int32) ((bbase - lo + 63) / 64);
		if ((uint64) shift_words * 64 > bbase)
			return;
		base = bbase - (uint64) shift_words * 64;
	}
	else
		base = lo;
	span = hi - lo;				/* one less than the numbers spanned */
	if (span / 16 >= count || hi > PG_UINT64_MAX - 128)
		return;
	slack = Min(span / 4, PG_UINT64_MAX - 128 - hi);
	words = (hi + slack - base) / 64 + 1;
	if (words > MaxAllocSize / sizeof(uint64))
		return;

	bits = MemoryContextAllocZero(GetMemoryChunkContext(pk->keys), words * sizeof(uint64));
	if (pk->bits != NULL)
	{
		memcpy(bits + shift_words, pk->bits, (Size) pk->bits_words * sizeof(uint64));
		pfree(pk->bits);
	}
	for (i = 0; i < n; i++)
	{
		uint64		off = ((uint64) pk->keys[i] ^ flip) - base;

		bits[off >> 6] |= UINT64CONST(1) << (off & 63);
	}
	pk->bits = bits;
	pk->bits_base = (int64) (base ^ flip);
	pk->bits_words = (int32) words;
	pk->nsorted = 0;
	/* the array now only takes numbers outside the bitmap */
	if (pk->capacity > 2 * PEOPLEKEYS_DENSE_MIN)
	{
		pk->keys = repalloc(pk->keys, sizeof(int64) * 2 * PEOPLEKEYS_DENSE_MIN);
		pk->capacity = 2 * PEOPLEKEYS_DENSE_MIN;
	}
}

/*
 * Fold the bitmap back into the sorted array, so that the set is one
 * ascending array again (for readers).
 */
void
peoplekeys_materialize(PeopleKeys *pk)
{
	int64		nbits;
	int64		total;
	int64	   *out;
	int32		i = 0;
	int64		k = 0;
	int32		w;

	peoplekeys_compact(pk);
	if (pk->bits == NULL)
		return;
	nbits = (int64) pg_popcount((const char *) pk->bits, (Size) pk->bits_words * 8);
	total = nbits + pk->nsorted;
	if (total > PEOPLEKEYS_MAX_KEYS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many distinct people in one set"),
				 errdetail("A set holds at most %d distinct keys.", PEOPLEKEYS_MAX_KEYS)));
	out = MemoryContextAlloc(GetMemoryChunkContext(pk->keys),
							 sizeof(int64) * (Size) Max(total, PEOPLEKEYS_MIN_CAPACITY));
	/* array keys below the bitmap, the bitmap, array keys above it */
	while (i < pk->nsorted && pk->keys[i] < pk->bits_base)
		out[k++] = pk->keys[i++];
	for (w = 0; w < pk->bits_words; w++)
	{
		uint64		word = pk->bits[w];

		while (word != 0)
		{
			int			b = pg_rightmost_one_pos64(word);

			out[k++] = (int64) ((uint64) pk->bits_base + (uint64) w * 64 + b);
			word &= word - 1;
		}
	}
	while (i < pk->nsorted)
		out[k++] = pk->keys[i++];
	Assert(k == total);
	pfree(pk->keys);
	pfree(pk->bits);
	pk->keys = out;
	pk->nsorted = (int32) total;
	pk->capacity = (int32) Max(total, PEOPLEKEYS_MIN_CAPACITY);
	pk->bits = NULL;
	pk->bits_words = 0;
	pk->bits_base = 0;
}

/*
 * Called when the array is full: compact, and grow the array when the
 * distinct keys take more than two thirds of it, so that the buffer always
 * has room for at least half as many keys as are already sorted (each merge
 * then costs O(1) per buffered key).
 */
void
peoplekeys_make_room(PeopleKeys *pk)
{
	int64		newcap;

	peoplekeys_compact(pk);
	peoplekeys_try_dense(pk);
	if ((int64) pk->capacity - pk->nsorted >= pk->nsorted / 2 + 1)
		return;

	newcap = Max((int64) pk->nsorted * 2, PEOPLEKEYS_MIN_CAPACITY);
	if (newcap > PEOPLEKEYS_MAX_KEYS)
		newcap = PEOPLEKEYS_MAX_KEYS;
	if (newcap <= pk->nsorted)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many distinct people in one set"),
				 errdetail("A set holds at most %d distinct keys.", PEOPLEKEYS_MAX_KEYS)));
	/* repalloc keeps the array in the context it was allocated in */
	pk->keys = repalloc(pk->keys, sizeof(int64) * (Size) newcap);
	pk->capacity = (int32) newcap;
}

/*
 * Add ascending, distinct keys b[0 .. nb) (outside keys[]) with one linear
 * merge, as the combine functions do with another state's keys.
 */
void
peoplekeys_add_sorted(PeopleKeys *pk, const int64 *b, int32 nb)
{
	int64		need;
	int32		i;

	if (pk->bits != NULL)
	{
		/* a set with a bitmap takes the keys one by one, mostly as bits */
		for (i = 0; i < nb; i++)
			peoplekeys_add(pk, b[i]);
		return;
	}
	peoplekeys_compact(pk);
	need = (int64) pk->nsorted + nb;
	if (need > pk->capacity)
	{
		int64		newcap = need + need / 2;

		if (newcap > PEOPLEKEYS_MAX_KEYS)
			newcap = PEOPLEKEYS_MAX_KEYS;
		if (newcap < need)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many distinct people in one set"),
					 errdetail("A set holds at most %d distinct keys.", PEOPLEKEYS_MAX_KEYS)));
		pk->keys = repalloc(pk->keys, sizeof(int64) * (Size) newcap);
		pk->capacity = (int32) newcap;
	}
	peoplekeys_merge_prefix(pk, b, nb);
}
