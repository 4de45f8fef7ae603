/*
 * people.h
 *		The growable set of 64-bit keys behind the peopleset and catstats
 *		aggregate states, and the peopleset value shared with catstats.c.
 *
 * While an aggregate runs, its state is an expanded object (see people.c)
 * that holds a PeopleKeys: a sorted, duplicate-free prefix followed by an
 * append buffer of unsorted keys.  Adding a key is a store into the buffer;
 * when the buffer is full it is radix-sorted, de-duplicated and merged into
 * the prefix, and the array doubles only when the distinct keys fill more
 * than two thirds of it.  The per-row cost is amortised O(1) and the memory
 * is 12 to 16 bytes per distinct key (plus 8 per buffered key during a
 * merge), whatever the number of rows.
 *
 * A peopleset whose numbers turn out dense (at least one in 16 of the range
 * they span, as with person numbers 1..N) moves them into a bitmap over that
 * range, with room to grow: then adding a number sets a bit, and memory is
 * at most 2 bytes per person.  Numbers outside the bitmap's range still go
 * to the array; reading the set merges the two.  A bitmap bigger than the
 * cache (over PEOPLEKEYS_BITS_STAGE_MIN words) takes its numbers through the
 * array's buffer too, and sets them a buffer at a time, grouped by stretch.
 *
 * A peopleset that grows past PEOPLEKEYS_HASH_MIN scattered numbers (random
 * 63-bit ids, hashes) moves them into an open-addressing hash table instead:
 * the array then only stages keys, which go into the table a few thousand
 * at a time with their slots prefetched, so that the cache misses of a big
 * table overlap rather than follow one another.  Sorting every key, as the
 * array does, costs eight radix passes a key for such numbers; the table
 * costs one probe, and is sorted once, when the set is read as a list.
 */
#ifndef PEOPLE_H
#define PEOPLE_H

#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "nodes/nodes.h"
#include "utils/expandeddatum.h"
#include "utils/palloc.h"

typedef struct PeopleKeys
{
	int64	   *keys;			/* allocated in the owner's memory context */
	int32		nsorted;		/* keys[0 .. nsorted): ascending, distinct */
	int32		nbuf;			/* keys[nsorted .. nsorted + nbuf): unsorted */
	int32		capacity;		/* slots in keys[] */
	bool		dense_ok;		/* may switch to a bitmap (people.c) */
	int32		bits_words;		/* length of bits[] in 64-bit words */
	uint64	   *bits;			/* NULL, or bit i set = key bits_base + i */
	int64		bits_base;
	bool		bits_staged;	/* big bitmap: keys are staged, then set */
	bool		hash_ok;		/* may switch to a hash table (peoplekeys.c) */
	bool		hash_has_empty; /* the table holds PEOPLEKEYS_HASH_EMPTY too */
	int32		hash_shift;		/* 64 - log2 of the table's slots */
	int64		hash_count;		/* keys in the table */
	int64		hash_min;		/* smallest and largest key in the table */
	int64		hash_max;
	int64	   *hash;			/* NULL, or the table; keys[] then stages */
	int64	   *hash_spare;		/* NULL, or spare_cap keys of scratch */
	int32		spare_cap;
} PeopleKeys;

/*
 * The first members of an aggregate state kept as an expanded object
 * (ExpandedPeopleSet in people.c, ExpandedCatStats in catstats.h): its
 * header, and the AggState whose transition made it, in that node's
 * aggregate context.  A later transition of the same node may then grow it
 * in place without looking the aggregate context up on every row.
 */
typedef struct AggExpandedState
{
	ExpandedObjectHeader hdr;
	void	   *owner;			/* the AggState, or NULL */
} AggExpandedState;

/*
 * Argument argno when it is a read-write state with the given methods that
 * a transition of this same aggregate node made; NULL otherwise.
 */
static inline AggExpandedState *
agg_expanded_own_state(FunctionCallInfo fcinfo, int argno,
					   const ExpandedObjectMethods *methods)
{
	Pointer		p;
	AggExpandedState *state;

	if (PG_ARGISNULL(argno) || fcinfo->context == NULL)
		return NULL;
	p = DatumGetPointer(PG_GETARG_DATUM(argno));
	if (!VARATT_IS_EXTERNAL_EXPANDED_RW(p))
		return NULL;
	state = (AggExpandedState *) DatumGetEOHP(PointerGetDatum(p));
	if (state->hdr.eoh_methods != methods || state->owner != (void *) fcinfo->context)
		return NULL;
	return state;
}

/* Smallest array a set starts with */
#define PEOPLEKEYS_MIN_CAPACITY 16

/*
 * Most keys one value can hold: the flat form of a value must stay under
 * the 1 GB limit of a varlena, with room for the catstats header.
 */
#define PEOPLEKEYS_MAX_KEYS ((int32) ((MaxAllocSize - 1024) / sizeof(int64)))

extern MemoryContext peoplekeys_state_context(MemoryContext aggcxt);
extern void peoplekeys_init(PeopleKeys *pk, int32 capacity);
extern void peoplekeys_compact(PeopleKeys *pk);
extern void peoplekeys_materialize(PeopleKeys *pk);
extern void peoplekeys_make_room(PeopleKeys *pk);
extern void peoplekeys_add_sorted(PeopleKeys *pk, const int64 *b, int32 nb);
extern int64 peoplekeys_count(PeopleKeys *pk);
extern void peoplekeys_add_bitmap(PeopleKeys *pk, int64 base, const uint64 *words, int32 nwords);
extern void peoplekeys_sort_unique(int64 *keys, int32 *n);
extern bool peoplekeys_are_set(const int64 *keys, int32 n);

/*
 * Add one key; duplicates of the last key added are dropped at once, and a
 * key within the range of the dense bitmap (when there is one) is a bit.
 */
static inline void
peoplekeys_add(PeopleKeys *pk, int64 key)
{
	int32		n;

	if (pk->bits != NULL && !pk->bits_staged)
	{
		uint64		off = (uint64) key - (uint64) pk->bits_base;

		if (off < (uint64) pk->bits_words * 64)
		{
			pk->bits[off >> 6] |= UINT64CONST(1) << (off & 63);
			return;
		}
	}
	n = pk->nsorted + pk->nbuf;

	if (n > 0 && pk->keys[n - 1] == key)
		return;
	if (n >= pk->capacity)
	{
		/* there is room now, and the bitmap may have grown to take the key */
		peoplekeys_make_room(pk);
		peoplekeys_add(pk, key);
		return;
	}
	pk->keys[n] = key;
	/* keys that arrive in ascending order extend the sorted prefix */
	if (pk->nbuf == 0 && (n == 0 || key > pk->keys[n - 1]))
		pk->nsorted++;
	else
		pk->nbuf++;
}

/*
 * The flat peopleset value: a version byte and the distinct person numbers
 * in ascending order, 8 bytes each.
 */
typedef struct PeopleSetData
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* PEOPLESET_VERSION */
	uint8		padding[3];
	int64		keys[FLEXIBLE_ARRAY_MEMBER];
} PeopleSetData;

#define PEOPLESET_VERSION	1
#define PEOPLESET_HDRSZ		offsetof(PeopleSetData, keys)
#define PEOPLESET_COUNT(p)	((int32) ((VARSIZE(p) - PEOPLESET_HDRSZ) / sizeof(int64)))

/*
 * Version 2 of the flat form, what an aggregate state holding a bitmap
 * flattens to when the bitmap is the smaller (a parallel worker hands it to
 * the leader so): the keys outside the bitmap, ascending, then the bitmap's
 * words; bit i of the bitmap is the number base + i.  Readers read both
 * versions; the text and binary forms stay those of version 1.
 */
typedef struct PeopleSetBitmapData
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* PEOPLESET_VERSION_BITMAP */
	uint8		padding[3];
	int32		nkeys;			/* keys outside the bitmap */
	int32		nwords;			/* 64-bit words of the bitmap */
	int64		base;			/* the number of bit 0 */
	int64		data[FLEXIBLE_ARRAY_MEMBER];	/* nkeys keys, then nwords words */
} PeopleSetBitmapData;

#define PEOPLESET_VERSION_BITMAP	2
#define PEOPLESET_BITMAP_HDRSZ		offsetof(PeopleSetBitmapData, data)

/* Text form of a set of numbers: {1,2,5..9}; shared with catstats.c */
extern void peopleset_write_list(StringInfo buf, const int64 *keys, int32 n);
extern void peopleset_need_bytes(StringInfo buf, int nbytes, const char *typname);
extern bool peopleset_parse_list(const char **pp, const char *typname,
								 const char *input, int64 **keys, int32 *n,
								 Node *escontext);

#endif							/* PEOPLE_H */
