/*
 * people.c
 *		The peopleset type: an exact set of person numbers (bigint), and the
 *		people(bigint) aggregate that counts distinct people with it.
 *
 * Stored (flat) form: a version byte and the distinct numbers in ascending
 * order, 8 bytes each (TOAST compresses long runs further).  Text form lists
 * them in braces with runs of three or more written as a range:
 * {1,2,5..9,12}.  Binary form: version byte, int4 count, the int8 numbers.
 *
 * Aggregate state: the same type, but while the aggregate runs it is a
 * read-write expanded object living in a child context of the aggregate
 * context, so the transition function appends to it in place and the
 * executor never copies it (ExecAggTransReparent keeps an expanded object
 * whose context hangs off the aggregate context).  Whenever the executor
 * needs the value as bytes (a parallel worker handing its partial state to
 * the leader, a final function, Citus printing it as text) PostgreSQL
 * flattens it through the methods below, which sort and de-duplicate first,
 * so every flat value and every serialised form is normalised and
 * deterministic.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "port/pg_bitutils.h"
#include "utils/builtins.h"
#include "utils/expandeddatum.h"
#include "utils/memutils.h"

#include "jobs_ext.h"
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

/*----------------------------------------------------------------------------
 * Text form of a list of numbers, shared with catstats.c
 *----------------------------------------------------------------------------
 */

void
peopleset_write_list(StringInfo buf, const int64 *keys, int32 n)
{
	int32		i = 0;

	appendStringInfoChar(buf, '{');
	while (i < n)
	{
		int32		j = i;

		while (j + 1 < n && keys[j] < PG_INT64_MAX && keys[j + 1] == keys[j] + 1)
			j++;
		if (i > 0)
			appendStringInfoChar(buf, ',');
		if (j - i >= 2)
		{
			appendStringInfo(buf, INT64_FORMAT ".." INT64_FORMAT, keys[i], keys[j]);
			i = j + 1;
		}
		else
		{
			appendStringInfo(buf, INT64_FORMAT, keys[i]);
			i++;
		}
	}
	appendStringInfoChar(buf, '}');
}

/* Parse one signed integer at *pp; false when there is none or it overflows */
static bool
peopleset_parse_int(const char **pp, int64 *result)
{
	const char *p = *pp;
	bool		neg = false;
	uint64		v = 0;

	if (*p == '-' || *p == '+')
		neg = (*p++ == '-');
	if (!isdigit((unsigned char) *p))
		return false;
	while (isdigit((unsigned char) *p))
	{
		int			d = *p++ - '0';

		if (v > (UINT64CONST(1) << 63) / 10 ||
			v * 10 + d > (UINT64CONST(1) << 63) - (neg ? 0 : 1))
			return false;
		v = v * 10 + d;
	}
	*pp = p;
	*result = neg ? (int64) (0 - v) : (int64) v;
	return true;
}

#define PEOPLE_LIST_HINT \
	"Write a set as {} or as ascending numbers and ranges in braces, e.g. {1,2,5..9}."

/*
 * Parse "{1,2,5..9}" at *pp into a palloc'd array of ascending distinct keys;
 * *pp is left after the closing brace.  Returns false after a soft error.
 */
bool
peopleset_parse_list(const char **pp, const char *typname, const char *input,
					 int64 **keys, int32 *n, Node *escontext)
{
	const char *p = *pp;
	int32		cap = 16;
	int32		count = 0;
	int64	   *out;

	while (isspace((unsigned char) *p))
		p++;
	if (*p != '{')
		JOBS_EXT_INPUT_ERROR(escontext, false,
							 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							  errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
							  errdetail("Expected \"{\" at \"%s\".", p),
							  errhint(PEOPLE_LIST_HINT)));
	p++;
	out = palloc(sizeof(int64) * cap);
	while (isspace((unsigned char) *p))
		p++;
	if (*p != '}')
	{
		for (;;)
		{
			int64		lo,
						hi;
			uint64		span;

			while (isspace((unsigned char) *p))
				p++;
			if (!peopleset_parse_int(&p, &lo))
				JOBS_EXT_INPUT_ERROR(escontext, false,
									 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
									  errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
									  errdetail("Expected a bigint at \"%s\".", p),
									  errhint(PEOPLE_LIST_HINT)));
			hi = lo;
			while (isspace((unsigned char) *p))
				p++;
			if (p[0] == '.' && p[1] == '.')
			{
				p += 2;
				while (isspace((unsigned char) *p))
					p++;
				if (!peopleset_parse_int(&p, &hi) || hi <= lo)
					JOBS_EXT_INPUT_ERROR(escontext, false,
										 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
										  errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
										  errdetail("A range needs a bigint upper bound above its lower bound, at \"%s\".", p),
										  errhint(PEOPLE_LIST_HINT)));
			}
			if (count > 0 && lo <= out[count - 1])
				JOBS_EXT_INPUT_ERROR(escontext, false,
									 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
									  errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
									  errdetail("Numbers must be ascending and distinct: " INT64_FORMAT " follows " INT64_FORMAT ".",
												lo, out[count - 1]),
									  errhint(PEOPLE_LIST_HINT)));
			span = (uint64) hi - (uint64) lo;
			if (span >= (uint64) (PEOPLEKEYS_MAX_KEYS - count))
				JOBS_EXT_INPUT_ERROR(escontext, false,
									 (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
									  errmsg("too many distinct people in one %s value", typname),
									  errdetail("A set holds at most %d distinct keys.", PEOPLEKEYS_MAX_KEYS)));
			if ((uint64) count + span + 1 > (uint64) cap)
			{
				uint64		newcap = Max((uint64) cap * 2, (uint64) count + span + 1);

				if (newcap > (uint64) PEOPLEKEYS_MAX_KEYS)
					newcap = PEOPLEKEYS_MAX_KEYS;
				cap = (int32) newcap;
				out = repalloc(out, sizeof(int64) * (Size) cap);
			}
			for (;;)
			{
				out[count++] = lo;
				if (lo == hi)
					break;
				lo++;
			}
			while (isspace((unsigned char) *p))
				p++;
			if (*p == ',')
			{
				p++;
				continue;
			}
			if (*p == '}')
				break;
			JOBS_EXT_INPUT_ERROR(escontext, false,
								 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
								  errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
								  errdetail("Expected \",\" or \"}\" at \"%s\".", p),
								  errhint(PEOPLE_LIST_HINT)));
		}
	}
	*pp = p + 1;
	*keys = out;
	*n = count;
	return true;
}

/*----------------------------------------------------------------------------
 * Expanded (aggregate-state) form
 *----------------------------------------------------------------------------
 */

typedef struct ExpandedPeopleSet
{
	ExpandedObjectHeader hdr;
	PeopleKeys	set;
} ExpandedPeopleSet;

static Size peopleset_get_flat_size(ExpandedObjectHeader *eohptr);
static void peopleset_flatten_into(ExpandedObjectHeader *eohptr,
								   void *result, Size allocated_size);

static const ExpandedObjectMethods peopleset_methods = {
	peopleset_get_flat_size,
	peopleset_flatten_into
};

/*
 * Compacting does not change the set, so it is allowed on read-only values.
 * Its scratch memory is taken from the set's own context: the caller's may
 * not support pfree (PostgreSQL 17 forms a sort's tuples in a bump context).
 */
static Size
peopleset_get_flat_size(ExpandedObjectHeader *eohptr)
{
	ExpandedPeopleSet *eps = (ExpandedPeopleSet *) eohptr;
	MemoryContext oldcxt = MemoryContextSwitchTo(eohptr->eoh_context);

	peoplekeys_materialize(&eps->set);
	MemoryContextSwitchTo(oldcxt);
	return PEOPLESET_HDRSZ + sizeof(int64) * (Size) eps->set.nsorted;
}

static void
peopleset_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	ExpandedPeopleSet *eps = (ExpandedPeopleSet *) eohptr;
	PeopleSetData *flat = (PeopleSetData *) result;

	Assert(eps->set.nbuf == 0);
	Assert(allocated_size == PEOPLESET_HDRSZ + sizeof(int64) * (Size) eps->set.nsorted);
	memset(flat, 0, PEOPLESET_HDRSZ);
	SET_VARSIZE(flat, allocated_size);
	flat->version = PEOPLESET_VERSION;
	memcpy(flat->keys, eps->set.keys, sizeof(int64) * (Size) eps->set.nsorted);
}

/* The expanded set behind a datum, if it is one of ours */
static ExpandedPeopleSet *
peopleset_expanded_of(Datum d)
{
	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
	{
		ExpandedObjectHeader *eoh = DatumGetEOHP(d);

		if (eoh->eoh_methods == &peopleset_methods)
			return (ExpandedPeopleSet *) eoh;
	}
	return NULL;
}

/* A flat value, with its version checked */
static PeopleSetData *
peopleset_flat(Datum d)
{
	PeopleSetData *flat = (PeopleSetData *) PG_DETOAST_DATUM(d);

	if (VARSIZE(flat) < PEOPLESET_HDRSZ || flat->version != PEOPLESET_VERSION ||
		(VARSIZE(flat) - PEOPLESET_HDRSZ) % sizeof(int64) != 0)
		jobs_ext_unsupported_version("peopleset", VARSIZE(flat) > VARHDRSZ ? flat->version : -1,
									 PEOPLESET_VERSION, VARSIZE(flat));
	return flat;
}

/*
 * The distinct keys of any peopleset datum, ascending: read in place from an
 * expanded set (compacted first) or from the flat value.  *copy is set to
 * the detoasted copy the keys live in, if one was made, for callers that
 * free it (comparisons, which a sort calls many times).
 */
static const int64 *
peopleset_read(Datum d, int32 *n, PeopleSetData **copy)
{
	ExpandedPeopleSet *eps = peopleset_expanded_of(d);
	PeopleSetData *flat;

	*copy = NULL;
	if (eps != NULL)
	{
		peoplekeys_materialize(&eps->set);
		*n = eps->set.nsorted;
		return eps->set.keys;
	}
	flat = peopleset_flat(d);
	if ((Pointer) flat != DatumGetPointer(d))
		*copy = flat;
	*n = PEOPLESET_COUNT(flat);
	return flat->keys;
}

static const int64 *
peopleset_keys(Datum d, int32 *n)
{
	PeopleSetData *copy;

	return peopleset_read(d, n, &copy);
}

/*
 * The memory context the expanded states live in: one child context of each
 * aggregate context, shared by all the groups' states, created on first use.
 *
 * The executor keeps an expanded transition value without copying it only if
 * its eoh_context is a child of the aggregate context.  One context per
 * state would do, but hash aggregation sums the memory of the aggregate
 * context and all its children each time it creates a group, which with one
 * child per group is quadratic in the number of groups.  The shared context
 * goes away with the aggregate context's reset; the executor deletes a
 * state's eoh_context only when a transition function returns a different
 * state than it was given, which ours never do once they own the state.
 */
#define PEOPLEKEYS_STATE_CONTEXT "jobs_ext aggregate states"

MemoryContext
peoplekeys_state_context(MemoryContext aggcxt)
{
	MemoryContext c;

	for (c = aggcxt->firstchild; c != NULL; c = c->nextchild)
		if (strcmp(c->name, PEOPLEKEYS_STATE_CONTEXT) == 0)
			return c;
	return AllocSetContextCreate(aggcxt, PEOPLEKEYS_STATE_CONTEXT, ALLOCSET_DEFAULT_SIZES);
}

/* A new, empty expanded set in the state context of aggcxt */
static ExpandedPeopleSet *
peopleset_expanded_new(MemoryContext aggcxt, int32 capacity)
{
	MemoryContext cxt = peoplekeys_state_context(aggcxt);
	MemoryContext oldcxt;
	ExpandedPeopleSet *eps;

	oldcxt = MemoryContextSwitchTo(cxt);
	eps = palloc(sizeof(ExpandedPeopleSet));
	EOH_init_header(&eps->hdr, &peopleset_methods, cxt);
	peoplekeys_init(&eps->set, capacity);
	eps->set.dense_ok = true;
	MemoryContextSwitchTo(oldcxt);
	return eps;
}

/* Add every key of a peopleset datum to an expanded set */
static void
peopleset_add_all(ExpandedPeopleSet *eps, Datum d)
{
	int32		n;
	const int64 *keys = peopleset_keys(d, &n);

	peoplekeys_add_sorted(&eps->set, keys, n);
}

/*
 * The transition state in argument argno: our own read-write expanded set
 * when it is one already, else a new one (holding a copy of the argument's
 * keys, unless it is NULL) in the aggregate context.
 */
static ExpandedPeopleSet *
peopleset_state(FunctionCallInfo fcinfo, int argno, MemoryContext aggcxt)
{
	ExpandedPeopleSet *eps;
	Datum		d;

	if (PG_ARGISNULL(argno))
		return peopleset_expanded_new(aggcxt, PEOPLEKEYS_MIN_CAPACITY);
	d = PG_GETARG_DATUM(argno);
	eps = peopleset_expanded_of(d);
	if (eps != NULL && VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)) &&
		MemoryContextGetParent(eps->hdr.eoh_context) == aggcxt)
		return eps;
	eps = peopleset_expanded_new(aggcxt, PEOPLEKEYS_MIN_CAPACITY);
	peopleset_add_all(eps, d);
	return eps;
}

static MemoryContext
peopleset_aggcontext(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "%s called in non-aggregate context", fname);
	return aggcxt;
}

/* A flat peopleset of n ascending distinct keys */
static PeopleSetData *
peopleset_from_keys(const int64 *keys, int32 n)
{
	Size		size = PEOPLESET_HDRSZ + sizeof(int64) * (Size) n;
	PeopleSetData *flat;

	if (n < 0 || n > PEOPLEKEYS_MAX_KEYS)
		elog(ERROR, "invalid peopleset size %d", n);
	flat = palloc0(size);
	SET_VARSIZE(flat, size);
	flat->version = PEOPLESET_VERSION;
	if (n > 0)
		memcpy(flat->keys, keys, sizeof(int64) * (Size) n);
	return flat;
}

/*----------------------------------------------------------------------------
 * I/O
 *----------------------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(peopleset_in);
Datum
peopleset_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	Node	   *escontext = NULL;
	const char *p = str;
	int64	   *keys;
	int32		n;

#if PG_VERSION_NUM >= 160000
	escontext = fcinfo->context;
#endif
	if (!peopleset_parse_list(&p, "peopleset", str, &keys, &n, escontext))
		PG_RETURN_NULL();
	while (isspace((unsigned char) *p))
		p++;
	if (*p != '\0')
		JOBS_EXT_INPUT_ERROR(escontext, (Datum) 0,
							 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							  errmsg("invalid input syntax for type %s: \"%s\"", "peopleset", str),
							  errdetail("Junk after the closing brace: \"%s\".", p)));
	PG_RETURN_POINTER(peopleset_from_keys(keys, n));
}

PG_FUNCTION_INFO_V1(peopleset_out);
Datum
peopleset_out(PG_FUNCTION_ARGS)
{
	int32		n;
	const int64 *keys = peopleset_keys(PG_GETARG_DATUM(0), &n);
	StringInfoData buf;

	initStringInfo(&buf);
	peopleset_write_list(&buf, keys, n);
	PG_RETURN_CSTRING(buf.data);
}

/*
 * Binary form: version byte, int4 count, count int8 in ascending order.
 * Everything is checked: these bytes may come over the network (Citus).
 */
/*
 * Fail with 22P03, not pq_getmsg*'s protocol-violation error, when the binary
 * form ends early
 */
void
peopleset_need_bytes(StringInfo buf, int nbytes, const char *typname)
{
	if (buf->len - buf->cursor < nbytes)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external %s value: it ends after %d bytes", typname, buf->len)));
}

static PeopleSetData *
peopleset_read_binary(StringInfo buf)
{
	int			version;
	int32		n;
	int64	   *keys;
	int32		i;
	PeopleSetData *flat;

	peopleset_need_bytes(buf, 5, "peopleset");
	version = pq_getmsgbyte(buf);
	if (version != PEOPLESET_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external peopleset value: unsupported version %d", version)));
	n = (int32) pq_getmsgint(buf, 4);
	if (n < 0 || n > PEOPLEKEYS_MAX_KEYS || (int64) n * 8 > buf->len - buf->cursor)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external peopleset value: count %d does not match %d remaining bytes",
						n, buf->len - buf->cursor)));
	flat = palloc0(PEOPLESET_HDRSZ + sizeof(int64) * (Size) n);
	SET_VARSIZE(flat, PEOPLESET_HDRSZ + sizeof(int64) * (Size) n);
	flat->version = PEOPLESET_VERSION;
	keys = flat->keys;
	for (i = 0; i < n; i++)
		keys[i] = (int64) pq_getmsgint64(buf);
	if (!peoplekeys_are_set(keys, n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external peopleset value: numbers are not ascending and distinct")));
	return flat;
}

PG_FUNCTION_INFO_V1(peopleset_recv);
Datum
peopleset_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);

	PG_RETURN_POINTER(peopleset_read_binary(buf));
}

PG_FUNCTION_INFO_V1(peopleset_send);
Datum
peopleset_send(PG_FUNCTION_ARGS)
{
	int32		n;
	const int64 *keys = peopleset_keys(PG_GETARG_DATUM(0), &n);
	StringInfoData buf;
	int32		i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, PEOPLESET_VERSION);
	pq_sendint32(&buf, n);
	for (i = 0; i < n; i++)
		pq_sendint64(&buf, keys[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* peopleset(bytea): the value whose binary form is the bytea, checked as recv does */
PG_FUNCTION_INFO_V1(peopleset_from_bytea);
Datum
peopleset_from_bytea(PG_FUNCTION_ARGS)
{
	return jobs_ext_recv_bytea(peopleset_recv, PG_GETARG_BYTEA_PP(0), "peopleset");
}

/*----------------------------------------------------------------------------
 * Aggregate support
 *----------------------------------------------------------------------------
 */

/* Transition: add one person; NULL is ignored */
PG_FUNCTION_INFO_V1(peopleset_add);
Datum
peopleset_add(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = peopleset_aggcontext(fcinfo, "peopleset_add");
	ExpandedPeopleSet *eps;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	eps = peopleset_state(fcinfo, 0, aggcxt);
	peoplekeys_add(&eps->set, PG_GETARG_INT64(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&eps->hdr));
}

/* Combine (and transition of people_merge): union; NULL on either side is ignored */
PG_FUNCTION_INFO_V1(peopleset_combine);
Datum
peopleset_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = peopleset_aggcontext(fcinfo, "peopleset_combine");
	ExpandedPeopleSet *eps;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	/* the other side is never taken over, only read */
	eps = peopleset_state(fcinfo, 0, aggcxt);
	peopleset_add_all(eps, PG_GETARG_DATUM(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&eps->hdr));
}

/* Final function of peopleset_agg and people_merge: the flat set, {} for no rows */
PG_FUNCTION_INFO_V1(peopleset_final);
Datum
peopleset_final(PG_FUNCTION_ARGS)
{
	int32		n;
	const int64 *keys;

	if (PG_ARGISNULL(0))
		PG_RETURN_POINTER(peopleset_from_keys(NULL, 0));
	keys = peopleset_keys(PG_GETARG_DATUM(0), &n);
	PG_RETURN_POINTER(peopleset_from_keys(keys, n));
}

/*
 * people(peopleset), cardinality(peopleset), and the final function of
 * people(bigint), where a NULL state (no rows) counts 0 people.
 */
PG_FUNCTION_INFO_V1(peopleset_cardinality);
Datum
peopleset_cardinality(PG_FUNCTION_ARGS)
{
	int32		n;
	ExpandedPeopleSet *eps;

	if (PG_ARGISNULL(0))
		PG_RETURN_INT64(0);
	eps = peopleset_expanded_of(PG_GETARG_DATUM(0));
	if (eps != NULL && eps->set.bits != NULL)
	{
		/* count the bitmap without merging it into the array */
		peoplekeys_compact(&eps->set);
		PG_RETURN_INT64((int64) eps->set.nsorted +
						(int64) pg_popcount((const char *) eps->set.bits,
											(Size) eps->set.bits_words * 8));
	}
	(void) peopleset_keys(PG_GETARG_DATUM(0), &n);
	PG_RETURN_INT64((int64) n);
}

/*----------------------------------------------------------------------------
 * Functions on sets
 *----------------------------------------------------------------------------
 */

/* a + b: union of two sets */
PG_FUNCTION_INFO_V1(peopleset_union);
Datum
peopleset_union(PG_FUNCTION_ARGS)
{
	int32		na,
				nb;
	const int64 *a = peopleset_keys(PG_GETARG_DATUM(0), &na);
	const int64 *b = peopleset_keys(PG_GETARG_DATUM(1), &nb);
	int64	   *out = palloc(sizeof(int64) * ((Size) na + nb + 1));
	int32		i = 0,
				j = 0,
				k = 0;

	while (i < na || j < nb)
	{
		if (j >= nb || (i < na && a[i] < b[j]))
			out[k++] = a[i++];
		else if (i >= na || b[j] < a[i])
			out[k++] = b[j++];
		else
		{
			out[k++] = a[i++];
			j++;
		}
	}
	if (k > PEOPLEKEYS_MAX_KEYS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many distinct people in one set"),
				 errdetail("A set holds at most %d distinct keys.", PEOPLEKEYS_MAX_KEYS)));
	PG_RETURN_POINTER(peopleset_from_keys(out, k));
}

/* s @> person: is the person in the set? */
PG_FUNCTION_INFO_V1(peopleset_contains);
Datum
peopleset_contains(PG_FUNCTION_ARGS)
{
	int32		n;
	const int64 *keys = peopleset_keys(PG_GETARG_DATUM(0), &n);
	int64		v = PG_GETARG_INT64(1);
	int32		lo = 0,
				hi = n;

	while (lo < hi)
	{
		int32		mid = lo + (hi - lo) / 2;

		if (keys[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	PG_RETURN_BOOL(lo < n && keys[lo] == v);
}

/*----------------------------------------------------------------------------
 * Comparison and hashing (the btree and hash operator classes)
 *
 * A set's flat form is canonical: its distinct numbers in ascending order,
 * whichever way it was built (text, binary, an aggregate whose state was a
 * bitmap, a combine); an expanded aggregate state is materialized into that
 * form before it is read.  So two sets are equal exactly when their number
 * lists are, and the hash is that of the list.
 *
 * Order: the smaller set first; between sets of the same size, the first
 * number where they differ decides:  {} < {9} < {1,2} < {1,3} < {2,3}.
 *----------------------------------------------------------------------------
 */

/* -1, 0 or 1 as a sorts before, with or after b (fcinfo arguments 0 and 1) */
static int
peopleset_compare_args(FunctionCallInfo fcinfo, bool eq_only)
{
	int32		na,
				nb;
	PeopleSetData *copya,
			   *copyb;
	const int64 *a = peopleset_read(PG_GETARG_DATUM(0), &na, &copya);
	const int64 *b = peopleset_read(PG_GETARG_DATUM(1), &nb, &copyb);
	int			result = 0;

	if (na != nb)
		result = na < nb ? -1 : 1;
	else if (eq_only)
		result = (na > 0 && memcmp(a, b, sizeof(int64) * (Size) na) != 0);
	else
	{
		int32		i;

		for (i = 0; i < na; i++)
			if (a[i] != b[i])
			{
				result = a[i] < b[i] ? -1 : 1;
				break;
			}
	}
	if (copya != NULL)
		pfree(copya);
	if (copyb != NULL)
		pfree(copyb);
	return result;
}

/* Seeded 64-bit hash of a set: that of its ascending numbers */
static uint64
peopleset_hash_seeded(Datum d, uint64 seed)
{
	int32		n;
	PeopleSetData *copy;
	const int64 *keys = peopleset_read(d, &n, &copy);
	uint64		h;

	h = DatumGetUInt64(hash_any_extended((const unsigned char *) keys,
										 (int) (sizeof(int64) * (Size) n), seed));
	if (copy != NULL)
		pfree(copy);
	return h;
}

/* a = b */
PG_FUNCTION_INFO_V1(peopleset_eq);
Datum
peopleset_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(peopleset_compare_args(fcinfo, true) == 0);
}

PG_FUNCTION_INFO_V1(peopleset_ne);
Datum
peopleset_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(peopleset_compare_args(fcinfo, true) != 0);
}

PG_FUNCTION_INFO_V1(peopleset_lt);
Datum
peopleset_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(peopleset_compare_args(fcinfo, false) < 0);
}

PG_FUNCTION_INFO_V1(peopleset_le);
Datum
peopleset_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(peopleset_compare_args(fcinfo, false) <= 0);
}

PG_FUNCTION_INFO_V1(peopleset_gt);
Datum
peopleset_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(peopleset_compare_args(fcinfo, false) > 0);
}

PG_FUNCTION_INFO_V1(peopleset_ge);
Datum
peopleset_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(peopleset_compare_args(fcinfo, false) >= 0);
}

PG_FUNCTION_INFO_V1(peopleset_cmp);
Datum
peopleset_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(peopleset_compare_args(fcinfo, false));
}

/* The 32-bit hash is the low half of the 64-bit one with seed 0, as PostgreSQL requires */
PG_FUNCTION_INFO_V1(peopleset_hash);
Datum
peopleset_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT32((uint32) peopleset_hash_seeded(PG_GETARG_DATUM(0), 0));
}

PG_FUNCTION_INFO_V1(peopleset_hash_extended);
Datum
peopleset_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT64(peopleset_hash_seeded(PG_GETARG_DATUM(0), (uint64) PG_GETARG_INT64(1)));
}

/* unnest(peopleset): the people in ascending order */
PG_FUNCTION_INFO_V1(peopleset_unnest);
Datum
peopleset_unnest(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	PeopleSetData *flat;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcxt;
		int32		n;
		const int64 *keys;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcxt = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		keys = peopleset_keys(PG_GETARG_DATUM(0), &n);
		funcctx->user_fctx = peopleset_from_keys(keys, n);
		funcctx->max_calls = n;
		MemoryContextSwitchTo(oldcxt);
	}
	funcctx = SRF_PERCALL_SETUP();
	flat = (PeopleSetData *) funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		/* SRF_RETURN_NEXT advances call_cntr before it evaluates its result */
		Datum		result = Int64GetDatum(flat->keys[funcctx->call_cntr]);

		SRF_RETURN_NEXT(funcctx, result);
	}
	SRF_RETURN_DONE(funcctx);
}
