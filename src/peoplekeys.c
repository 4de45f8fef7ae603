/*
 * peoplekeys.c
 *		PeopleKeys, the growable set of 64-bit keys behind the peopleset and
 *		catstats aggregate states (people.h describes its forms): a sorted
 *		array with an append buffer, a bitmap for dense numbers, and a hash
 *		table for many scattered ones.
 */
#include "postgres.h"

#include "miscadmin.h"
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
	pk->bits_staged = false;
	pk->hash_ok = false;
	pk->hash_has_empty = false;
	pk->hash_shift = 64;
	pk->hash_count = 0;
	pk->hash_min = PG_INT64_MAX;
	pk->hash_max = PG_INT64_MIN;
	pk->hash = NULL;
	pk->hash_spare = NULL;
	pk->spare_cap = 0;
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
 * LSD radix sort on the low nbits bits of the keys (signed order when nbits
 * is 64; keys that agree above nbits otherwise), 8 bits a pass, skipping the
 * passes where every key has the same byte (person numbers below 2^24 need
 * three passes, not eight).  Sorts a[0 .. n) using tmp[0 .. n) as scratch
 * and returns whichever of the two holds the result.
 */
static int64 *
peoplekeys_radix_sort_lsd(int64 *a, int64 *tmp, int32 n, int nbits)
{
	uint32		count[8][256];
	uint64	   *src = (uint64 *) a;
	uint64	   *dst = (uint64 *) tmp;
	const uint64 flip = UINT64CONST(1) << 63;	/* signed order */
	int			npasses = (nbits + 7) / 8;
	uint64		first;
	int32		i;
	int			pass;

	if (n < RADIX_MIN)
	{
		peoplekeys_insertion_sort(a, n);
		return a;
	}

	memset(count, 0, sizeof(uint32) * 256 * (Size) npasses);
	if (npasses == 8)
	{
		/* whole keys, the common case, unrolled */
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
	}
	else
	{
		for (i = 0; i < n; i++)
		{
			uint64		u = src[i] ^ flip;

			for (pass = 0; pass < npasses; pass++)
				count[pass][(u >> (pass * 8)) & 0xff]++;
		}
	}
	first = src[0] ^ flip;
	for (pass = 0; pass < npasses; pass++)
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

/* Fewest keys sorted by their top bits first */
#define RADIX_MSD_MIN	131072
/* Bits of that first pass: 2048 buckets */
#define RADIX_MSD_BITS	11

/*
 * Radix sort of a[0 .. n) with tmp[0 .. n) as scratch, returning whichever
 * holds the result.  Many keys are first spread by the top 11 bits in which
 * they differ into 2048 buckets, in one pass over memory; each bucket is
 * then small enough to be sorted on the bits below by the LSD sort within
 * the cache.  For 10 million random 63-bit keys this takes half the time of
 * eight LSD passes over all of them, which miss the cache on every pass.
 */
static int64 *
peoplekeys_radix_sort(int64 *a, int64 *tmp, int32 n)
{
	const uint64 flip = UINT64CONST(1) << 63;	/* signed order */
	uint64	   *src = (uint64 *) a;
	uint64	   *dst = (uint64 *) tmp;
	uint64		all_or = 0;
	uint64		all_and = ~UINT64CONST(0);
	uint32	   *start;
	uint32		offset[1 << RADIX_MSD_BITS];
	int			shift;
	int32		i;
	int			d;

	if (n < RADIX_MSD_MIN)
		return peoplekeys_radix_sort_lsd(a, tmp, n, 64);

	/* the bits in which the keys differ: the first pass takes the top 11 */
	for (i = 0; i < n; i++)
	{
		all_or |= src[i] ^ flip;
		all_and &= src[i] ^ flip;
	}
	if (all_or == all_and)
		return a;				/* all equal */
	shift = pg_leftmost_one_pos64(all_or ^ all_and) + 1 - RADIX_MSD_BITS;
	if (shift < 0)
		shift = 0;

	start = palloc0(sizeof(uint32) * ((1 << RADIX_MSD_BITS) + 1));
	for (i = 0; i < n; i++)
		start[(((src[i] ^ flip) >> shift) & ((1 << RADIX_MSD_BITS) - 1)) + 1]++;
	for (d = 0; d < (1 << RADIX_MSD_BITS); d++)
	{
		start[d + 1] += start[d];
		offset[d] = start[d];
	}
	for (i = 0; i < n; i++)
	{
		uint64		v = src[i];

		dst[offset[((v ^ flip) >> shift) & ((1 << RADIX_MSD_BITS) - 1)]++] = v;
	}

	/*
	 * The keys of a bucket agree on every bit from shift up: sort each on
	 * the bits below, with the same stretch of a[] as scratch, and leave the
	 * result in tmp[]
	 */
	for (d = 0; d < (1 << RADIX_MSD_BITS); d++)
	{
		int32		m = (int32) (start[d + 1] - start[d]);
		int64	   *sorted;

		if (m < 2 || shift == 0)
			continue;
		sorted = peoplekeys_radix_sort_lsd((int64 *) dst + start[d], (int64 *) src + start[d],
										   m, shift);
		if (sorted != (int64 *) dst + start[d])
			memcpy(dst + start[d], sorted, sizeof(int64) * (Size) m);
		if ((d & 255) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	pfree(start);
	return (int64 *) dst;
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

/*----------------------------------------------------------------------------
 * The hash table of a scattered set
 *
 * Open addressing with linear probing over a power-of-two table of keys,
 * at most 70 % full; the slot is the top bits of the key times 2^64 / phi
 * (Fibonacci hashing), which spreads runs and strides alike.  The one key
 * equal to PEOPLEKEYS_HASH_EMPTY, which marks a free slot, is a flag.
 *----------------------------------------------------------------------------
 */

/* Sorted, not dense keys before a set that may moves into a hash table */
#define PEOPLEKEYS_HASH_MIN		65536
/* Keys staged in the array before they go into the table */
#define PEOPLEKEYS_STAGE		4096
/* How far ahead of the key being inserted the slot of a later one is fetched */
#define PEOPLEKEYS_PREFETCH		16
/* Fewest staged keys that are grouped by table stretch before they go in */
#define PEOPLEKEYS_GROUP_MIN	32768
/* Most keys staged: 32 MB */
#define PEOPLEKEYS_STAGE_MAX	(4 * 1024 * 1024)
#define PEOPLEKEYS_HASH_EMPTY	PG_INT64_MIN

#if defined(__GNUC__) || defined(__clang__)
#define peoplekeys_prefetch(p)	__builtin_prefetch(p)
#else
#define peoplekeys_prefetch(p)	((void) 0)
#endif

static inline uint64
peoplekeys_hash_slot(int64 key, int shift)
{
	return ((uint64) key * UINT64CONST(0x9E3779B97F4A7C15)) >> shift;
}

/* Put one key into a table of 2^(64 - shift) slots; true if it was new */
static inline bool
peoplekeys_hash_put(int64 *table, int shift, int64 key)
{
	uint64		mask = (UINT64CONST(1) << (64 - shift)) - 1;
	uint64		i = peoplekeys_hash_slot(key, shift);

	for (;;)
	{
		int64		v = table[i];

		if (v == key)
			return false;
		if (v == PEOPLEKEYS_HASH_EMPTY)
		{
			table[i] = key;
			return true;
		}
		i = (i + 1) & mask;
	}
}

/* A table of 2^(64 - shift) free slots in the set's context */
static int64 *
peoplekeys_hash_alloc(PeopleKeys *pk, int shift)
{
	Size		nslots = (Size) 1 << (64 - shift);
	int64	   *table;
	Size		i;

	table = MemoryContextAllocHuge(GetMemoryChunkContext(pk->keys), nslots * sizeof(int64));
	for (i = 0; i < nslots; i++)
		table[i] = PEOPLEKEYS_HASH_EMPTY;
	return table;
}

/*
 * The spare array of the set's capacity, for a grouping pass to scatter into
 * (its keys array and the spare one swap places, so both have the capacity)
 */
static int64 *
peoplekeys_spare(PeopleKeys *pk, int32 need)
{
	int32		cap = Max(pk->capacity, Max(need, 1));

	if (pk->hash_spare != NULL && pk->spare_cap < need)
	{
		pfree(pk->hash_spare);
		pk->hash_spare = NULL;
	}
	if (pk->hash_spare == NULL)
	{
		pk->hash_spare = MemoryContextAlloc(GetMemoryChunkContext(pk->keys),
											sizeof(int64) * (Size) cap);
		pk->spare_cap = cap;
	}
	return pk->hash_spare;
}

/* Turn 256 bucket counts into the offsets where each bucket starts */
static inline void
peoplekeys_bucket_offsets(uint32 offset[256])
{
	uint32		sum = 0;
	int			d;

	for (d = 0; d < 256; d++)
	{
		uint32		c = offset[d];

		offset[d] = sum;
		sum += c;
	}
}

static void
peoplekeys_too_many(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("too many distinct people in one set"),
			 errdetail("A set holds at most %d distinct keys.", PEOPLEKEYS_MAX_KEYS)));
}

/* Make the table big enough for extra more keys, at most 70 % full */
static void
peoplekeys_hash_reserve(PeopleKeys *pk, int64 extra)
{
	int64		need = pk->hash_count + extra;
	int			shift = pk->hash_shift;
	int64	   *old = pk->hash;
	int64	   *table;
	Size		oldslots;
	Size		i;

	if (need > PEOPLEKEYS_MAX_KEYS)
		peoplekeys_too_many();
	while ((double) need > 0.7 * (double) ((Size) 1 << (64 - shift)))
		shift--;
	if (shift == pk->hash_shift)
		return;
	table = peoplekeys_hash_alloc(pk, shift);
	oldslots = (Size) 1 << (64 - pk->hash_shift);
	for (i = 0; i < oldslots; i++)
	{
		if (i + PEOPLEKEYS_PREFETCH < oldslots &&
			old[i + PEOPLEKEYS_PREFETCH] != PEOPLEKEYS_HASH_EMPTY)
			peoplekeys_prefetch(&table[peoplekeys_hash_slot(old[i + PEOPLEKEYS_PREFETCH], shift)]);
		if (old[i] != PEOPLEKEYS_HASH_EMPTY)
			(void) peoplekeys_hash_put(table, shift, old[i]);
	}
	pfree(old);
	pk->hash = table;
	pk->hash_shift = shift;
}

/* Put one staged key into the table, counting it when it is new */
static inline void
peoplekeys_hash_add(PeopleKeys *pk, int64 key)
{
	if (unlikely(key == PEOPLEKEYS_HASH_EMPTY))
	{
		if (!pk->hash_has_empty)
		{
			pk->hash_has_empty = true;
			pk->hash_count++;
		}
	}
	else if (peoplekeys_hash_put(pk->hash, pk->hash_shift, key))
		pk->hash_count++;
}

/*
 * Move the staged keys keys[0 .. nsorted + nbuf) into the table.  Many
 * staged keys are first grouped by the 256th of the table their slot lies
 * in (one counting pass), and put in that order: each 256th of the table is
 * then loaded into the cache once for all its keys, instead of once a key.
 */
static void
peoplekeys_hash_drain(PeopleKeys *pk)
{
	int32		n = pk->nsorted + pk->nbuf;
	int64	   *keys = pk->keys;
	int			shift;
	int64		lo = pk->hash_min;
	int64		hi = pk->hash_max;
	int64	   *tmp = NULL;
	int32		i;

	if (n == 0)
		return;
	/* room for a first part; the table grows as the keys turn out new */
	peoplekeys_hash_reserve(pk, Min(n, PEOPLEKEYS_STAGE));
	shift = pk->hash_shift;
	for (i = 0; i < n; i++)
	{
		lo = Min(lo, keys[i]);
		hi = Max(hi, keys[i]);
	}
	if (n >= PEOPLEKEYS_GROUP_MIN && shift <= 64 - 16)
	{
		uint32		offset[256];

		memset(offset, 0, sizeof(offset));
		for (i = 0; i < n; i++)
			offset[peoplekeys_hash_slot(keys[i], 56)]++;
		peoplekeys_bucket_offsets(offset);
		tmp = peoplekeys_spare(pk, n);
		for (i = 0; i < n; i++)
			tmp[offset[peoplekeys_hash_slot(keys[i], 56)]++] = keys[i];
		keys = tmp;
	}
	for (i = 0; i < n; i++)
	{
		/*
		 * Grow before the next few thousand could fill it past 70 %; the
		 * keys stay grouped, as the bigger table's stretches follow the
		 * same top bits.
		 */
		if ((i & (PEOPLEKEYS_STAGE - 1)) == 0 && i > 0)
		{
			peoplekeys_hash_reserve(pk, Min(n - i, PEOPLEKEYS_STAGE));
			shift = pk->hash_shift;
		}
		if (i + PEOPLEKEYS_PREFETCH < n)
			peoplekeys_prefetch(&pk->hash[peoplekeys_hash_slot(keys[i + PEOPLEKEYS_PREFETCH], shift)]);
		peoplekeys_hash_add(pk, keys[i]);
	}
	if (tmp != NULL)
	{
		/* the scratch stages the next keys; the staging array is scratch */
		pk->hash_spare = pk->keys;
		pk->spare_cap = pk->capacity;
		pk->keys = tmp;
	}
	pk->hash_min = lo;
	pk->hash_max = hi;
	pk->nsorted = 0;
	pk->nbuf = 0;
}

/*
 * After a drain: let the staging array hold a quarter as many keys as the
 * table has slots, so that the next drain finds several keys for each stretch of
 * the table it loads.
 */
static void
peoplekeys_hash_restage(PeopleKeys *pk)
{
	int64		want = ((int64) 1 << (64 - pk->hash_shift)) / 4;

	Assert(pk->nsorted == 0 && pk->nbuf == 0);
	want = Max(want, PEOPLEKEYS_STAGE);
	want = Min(want, PEOPLEKEYS_STAGE_MAX);
	if (want == pk->capacity)
		return;
	if (pk->hash_spare != NULL)
	{
		pfree(pk->hash_spare);
		pk->hash_spare = NULL;
	}
	pfree(pk->keys);
	pk->keys = MemoryContextAlloc(GetMemoryChunkContext(pk->hash), sizeof(int64) * (Size) want);
	pk->capacity = (int32) want;
}

/*
 * Move a big set of sorted keys that did not turn out dense into a hash
 * table; the array then only stages keys.
 */
static void
peoplekeys_try_hash(PeopleKeys *pk)
{
	Assert(pk->nbuf == 0);
	if (!pk->hash_ok || pk->hash != NULL || pk->bits != NULL ||
		pk->nsorted < PEOPLEKEYS_HASH_MIN)
		return;
	pk->hash_shift = 64 - 16;	/* 65,536 slots, grown by the drain */
	pk->hash = peoplekeys_hash_alloc(pk, pk->hash_shift);
	pk->hash_count = 0;
	pk->hash_has_empty = false;
	pk->hash_min = PG_INT64_MAX;
	pk->hash_max = PG_INT64_MIN;
	peoplekeys_hash_drain(pk);
	peoplekeys_hash_restage(pk);
}

/*
 * Fold the hash table back into a sorted array (for readers); the table
 * goes away.
 */
static void
peoplekeys_hash_materialize(PeopleKeys *pk)
{
	int64		total;
	int64	   *out;
	int64	   *tmp;
	int64	   *sorted;
	Size		nslots;
	Size		i;
	int64		k = 0;

	peoplekeys_hash_drain(pk);
	total = pk->hash_count;
	Assert(total <= PEOPLEKEYS_MAX_KEYS);
	out = MemoryContextAlloc(GetMemoryChunkContext(pk->keys),
							 sizeof(int64) * (Size) Max(total, PEOPLEKEYS_MIN_CAPACITY));
	nslots = (Size) 1 << (64 - pk->hash_shift);
	for (i = 0; i < nslots; i++)
		if (pk->hash[i] != PEOPLEKEYS_HASH_EMPTY)
			out[k++] = pk->hash[i];
	if (pk->hash_has_empty)
		out[k++] = PEOPLEKEYS_HASH_EMPTY;
	Assert(k == total);
	pfree(pk->hash);
	pk->hash = NULL;
	if (pk->hash_spare != NULL)
		pfree(pk->hash_spare);
	pk->hash_spare = NULL;
	pk->hash_count = 0;
	pk->hash_has_empty = false;
	pk->hash_shift = 64;
	tmp = MemoryContextAlloc(GetMemoryChunkContext(pk->keys),
							 sizeof(int64) * (Size) Max(total, 1));
	sorted = peoplekeys_radix_sort(out, tmp, (int32) total);
	if (sorted != out)
	{
		pfree(out);
		out = tmp;
	}
	else
		pfree(tmp);
	pfree(pk->keys);
	pk->keys = out;
	pk->nsorted = (int32) total;
	pk->capacity = (int32) Max(total, PEOPLEKEYS_MIN_CAPACITY);
}

/* The number of distinct keys, without sorting the set */
int64
peoplekeys_count(PeopleKeys *pk)
{
	int64		n;

	peoplekeys_compact(pk);
	n = (int64) pk->nsorted + pk->hash_count;
	if (pk->bits != NULL)
		n += (int64) pg_popcount((const char *) pk->bits, (Size) pk->bits_words * 8);
	return n;
}

/* Bitmaps of more words than this (1 MB, half a core's L2 cache here) take
 * their numbers through the buffer */
#define PEOPLEKEYS_BITS_STAGE_MIN	131072

/*
 * Set the bits of the buffered numbers that fall in a big bitmap, grouped
 * by the 256th of the bitmap they fall in (one counting pass), so that each
 * stretch is loaded into the cache once for all its numbers; the others
 * stay in the buffer.
 */
static void
peoplekeys_bits_drain(PeopleKeys *pk)
{
	int64	   *keys = pk->keys;
	int32		n = pk->nsorted + pk->nbuf;
	uint64		base = (uint64) pk->bits_base;
	uint64		nbits = (uint64) pk->bits_words * 64;
	uint32		offset[256];
	int			shift = 0;
	int32		i,
				kept = 0,
				kept_sorted = 0,
				nin = 0;
	uint64	   *tmp;

	while ((nbits >> shift) > 256)
		shift++;
	memset(offset, 0, sizeof(offset));
	for (i = 0; i < n; i++)
	{
		uint64		off = (uint64) keys[i] - base;

		if (off < nbits)
		{
			offset[off >> shift]++;
			nin++;
		}
	}
	if (nin == 0)
		return;
	peoplekeys_bucket_offsets(offset);
	tmp = (uint64 *) peoplekeys_spare(pk, nin);
	/* the keys that stay keep their order: the sorted ones first */
	for (i = 0; i < n; i++)
	{
		uint64		off = (uint64) keys[i] - base;

		if (i == pk->nsorted)
			kept_sorted = kept;
		if (off < nbits)
			tmp[offset[off >> shift]++] = off;
		else
			keys[kept++] = keys[i];
	}
	if (pk->nsorted == n)
		kept_sorted = kept;
	for (i = 0; i < nin; i++)
		pk->bits[tmp[i] >> 6] |= UINT64CONST(1) << (tmp[i] & 63);
	pk->nsorted = kept_sorted;
	pk->nbuf = kept - kept_sorted;
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

	if (pk->hash != NULL)
	{
		peoplekeys_hash_drain(pk);
		return;
	}
	if (pk->bits_staged)
	{
		peoplekeys_bits_drain(pk);
		na = pk->nsorted;
		nb = pk->nbuf;
	}
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
	/*
	 * The array now only takes numbers outside the bitmap, and stages those
	 * for a bitmap bigger than the cache: then it holds as many numbers as
	 * the bitmap has words.
	 */
	pk->bits_staged = words > PEOPLEKEYS_BITS_STAGE_MIN;
	if (pk->hash_spare != NULL)
	{
		pfree(pk->hash_spare);
		pk->hash_spare = NULL;
	}
	{
		int32		want = 2 * PEOPLEKEYS_DENSE_MIN;

		if (pk->bits_staged)
			want = (int32) Min(words, (uint64) 4 * 1024 * 1024);
		if (pk->capacity > want || pk->bits_staged)
		{
			pk->keys = repalloc(pk->keys, sizeof(int64) * (Size) Max(want, pk->nsorted));
			pk->capacity = Max(want, pk->nsorted);
		}
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

	if (pk->hash != NULL)
	{
		peoplekeys_hash_materialize(pk);
		return;
	}
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
	pk->bits_staged = false;
	if (pk->hash_spare != NULL)
		pfree(pk->hash_spare);
	pk->hash_spare = NULL;
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
	if (pk->hash != NULL)
	{
		/*
		 * The staging array is empty again.  Numbers that looked scattered
		 * may fill their range as more arrive (person numbers 1..N in random
		 * order): then the bitmap takes over.
		 */
		if (!pk->dense_ok ||
			(uint64) pk->hash_max - (uint64) pk->hash_min >= (uint64) pk->hash_count * 16)
		{
			peoplekeys_hash_restage(pk);
			return;
		}
		peoplekeys_hash_materialize(pk);
	}
	peoplekeys_try_dense(pk);
	peoplekeys_try_hash(pk);
	if (pk->hash != NULL ||
		(int64) pk->capacity - pk->nsorted >= pk->nsorted / 2 + 1)
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

	if (pk->bits != NULL || pk->hash != NULL)
	{
		/* a set with a bitmap or a table takes the keys one by one */
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

/*
 * Add the numbers of a bitmap (bit i of words[] is base + i): OR-ed word by
 * word into the set's own bitmap when that covers them, else one by one.
 */
void
peoplekeys_add_bitmap(PeopleKeys *pk, int64 base, const uint64 *words, int32 nwords)
{
	int32		w;

	if (pk->bits != NULL && pk->hash == NULL && base >= pk->bits_base)
	{
		uint64		off = (uint64) base - (uint64) pk->bits_base;
		uint64		w0 = off / 64;
		int			sh = (int) (off % 64);

		if (w0 + (uint64) nwords + (sh ? 1 : 0) <= (uint64) pk->bits_words)
		{
			for (w = 0; w < nwords; w++)
			{
				pk->bits[w0 + w] |= words[w] << sh;
				if (sh != 0)
					pk->bits[w0 + w + 1] |= words[w] >> (64 - sh);
			}
			return;
		}
	}
	for (w = 0; w < nwords; w++)
	{
		uint64		word = words[w];

		while (word != 0)
		{
			peoplekeys_add(pk, (int64) ((uint64) base + (uint64) w * 64 + pg_rightmost_one_pos64(word)));
			word &= word - 1;
		}
	}
}
