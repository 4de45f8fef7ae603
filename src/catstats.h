/*
 * catstats.h
 *		What catstats.c (the type, aggregate and readers) and catstats_mask.c
 *		(the per-person category masks of the aggregate state and the version 2
 *		flat form) share.
 */
#ifndef JOBS_EXT_CATSTATS_H
#define JOBS_EXT_CATSTATS_H

#include "postgres.h"

#include "utils/expandeddatum.h"

#include "jobcat.h"
#include "people.h"

/* Keys are person * CATSTATS_CODE_SPAN + code */
#define CATSTATS_CODE_SPAN	1024
#define CATSTATS_PERSON_MAX	((INT64CONST(1) << 53) - 1)

/* Most taxonomy nodes the per-person rank masks can hold */
#define CATSTATS_MAX_RANKS	64

StaticAssertDecl(JOBCAT_CODE_LIMIT < CATSTATS_CODE_SPAN, "jobcat codes must fit in a catstats key");

typedef struct CatStatsEntry
{
	int32		code;			/* OECD code */
	int32		padding;
	int64		enrolments;		/* enrolments counted in this very category */
} CatStatsEntry;

typedef struct CatStatsData
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* CATSTATS_VERSION */
	uint8		padding;
	uint16		ncats;			/* entries in cats[] */
	CatStatsEntry cats[FLEXIBLE_ARRAY_MEMBER];
	/* followed by int64 keys[], ascending */
} CatStatsData;

#define CATSTATS_VERSION	1
#define CATSTATS_HDRSZ		offsetof(CatStatsData, cats)

/*
 * Version 2 of the flat form, what an aggregate state holding masks
 * flattens to when they are the smaller (a parallel worker hands it to the
 * leader so): the header and cats[] of version 1, then this block at the
 * keys' place, the keys of people outside the masks, ascending, and the
 * masks.  Bit i of a mask is the category codes[i], so the bits mean the
 * same whatever the taxonomy of the build that reads them.  Readers read
 * both versions; the text and binary forms stay those of version 1.
 */
typedef struct CatStatsMasksHdr
{
	int64		nkeys;			/* keys outside the masks */
	int64		mask_base;		/* person number of the first mask */
	int64		mask_len;		/* masks */
	int16		codes[64];		/* code of each bit, ascending; -1 unused */
	/* followed by int64 keys[nkeys], uint64 masks[mask_len] */
} CatStatsMasksHdr;

#define CATSTATS_VERSION_MASKS	2
#define CATSTATS_KEYS_OFFSET(ncats)	(CATSTATS_HDRSZ + sizeof(CatStatsEntry) * (Size) (ncats))
#define CATSTATS_KEYS(cs)	((int64 *) ((char *) (cs) + CATSTATS_KEYS_OFFSET((cs)->ncats)))
#define CATSTATS_NKEYS(cs)	((int32) ((VARSIZE(cs) - CATSTATS_KEYS_OFFSET((cs)->ncats)) / sizeof(int64)))

static inline int16
catstats_key_code(int64 key)
{
	return (int16) ((uint64) key & (CATSTATS_CODE_SPAN - 1));
}

static inline int64
catstats_key_person(int64 key)
{
	return (key - catstats_key_code(key)) / CATSTATS_CODE_SPAN;
}

static inline int64
catstats_make_key(int64 person, int16 code)
{
	return person * CATSTATS_CODE_SPAN + code;
}

static inline bool
catstats_person_ok(int64 person)
{
	return person >= -CATSTATS_PERSON_MAX && person <= CATSTATS_PERSON_MAX;
}

/*
 * While the aggregate runs, people numbered densely (at least one in
 * CATSTATS_DENSE_SPREAD of the range they span, as person numbers 1..N are)
 * are kept as one 64-bit mask per person number in a range, bit i set when
 * the person enrolled directly in the i-th category in code order: an
 * enrolment is then one OR, and memory 8 bytes per person whatever the
 * number of enrolments.  People outside the range stay keys in set.  The
 * flat form lists the same keys either way.
 */
#define CATSTATS_STAGE_GROUPS	256

typedef struct ExpandedCatStats
{
	/* hdr and owner first, as AggExpandedState (people.h) */
	ExpandedObjectHeader hdr;
	void	   *owner;			/* the AggState whose transition made it */
	int64		enrol[CATSTATS_MAX_RANKS];	/* direct enrolments by rank */
	PeopleKeys	set;			/* keys of people outside the masks' range */
	uint64	   *masks;			/* NULL, or mask_len masks */
	int64		mask_base;		/* person number of masks[0] */
	int64		mask_len;
	int32		masks_next_try; /* set size at which a combine tries masks */
	bool		flat_masks;		/* flattens to version 2 (set by get_flat_size) */
	/* enrolments not yet in masks, by group (see catstats_masks_stage_init) */
	uint32	   *stage;			/* CATSTATS_STAGE_GROUPS groups of stage_cap */
	int32		stage_fill[CATSTATS_STAGE_GROUPS];
	int32		stage_cap;
	int			stage_shift;	/* a mask's group is its offset >> stage_shift */
	int32		nstage;			/* entries in all groups */
} ExpandedCatStats;

#define CATSTATS_DENSE_MIN		4096
#define CATSTATS_DENSE_SPREAD	8

/* Taxonomy ranks and category positions (catstats_mask.c) */
extern int	catstats_nranks(void);
extern uint64 catstats_ancestors[CATSTATS_MAX_RANKS];
extern bool catstats_ancestors_ready;
extern uint64 catstats_anc_of_code[CATSTATS_CODE_SPAN];
extern void catstats_ancestors_init(void);

/* Mask of a rank and the ranks of all its ancestors, built once per backend */
static inline uint64
catstats_ancestor_mask(int rank)
{
	if (!catstats_ancestors_ready)
		catstats_ancestors_init();
	return catstats_ancestors[rank];
}

/*
 * The same mask by the code of a category, 0 for a code that is not in the
 * taxonomy
 */
static inline uint64
catstats_code_ancestor_mask(int16 code)
{
	if (!catstats_ancestors_ready)
		catstats_ancestors_init();
	return catstats_anc_of_code[code];
}

extern int8 catstats_pos_of_code[CATSTATS_CODE_SPAN];
extern int8 catstats_rank_of_code[CATSTATS_CODE_SPAN];
extern int16 catstats_code_at_pos[CATSTATS_MAX_RANKS];
extern uint64 catstats_anc_at_pos[CATSTATS_MAX_RANKS];
extern void catstats_pos_init(void);

/*
 * People counted per rank, each in the ranks of a mask, as bit-sliced
 * counters: bit r of plane[j] is binary digit j of the count of rank r, so a
 * person is counted with a few word operations rather than one a rank.  Up
 * to 15 people are first summed in four small planes, a fixed sequence of
 * operations without branches; catstats_counts_flush() carries those into
 * the big planes.
 */
typedef struct CatStatsCounts
{
	uint64		plane[64];
	uint64		small[4];
	int			nsmall;
	int64		people;
} CatStatsCounts;

extern void catstats_counts_flush(CatStatsCounts *c);

static inline void
catstats_counts_add(CatStatsCounts *c, uint64 mask)
{
	uint64		c0 = c->small[0] & mask;
	uint64		c1;
	uint64		c2;

	c->small[0] ^= mask;
	c1 = c->small[1] & c0;
	c->small[1] ^= c0;
	c2 = c->small[2] & c1;
	c->small[2] ^= c1;
	/* at most 15 people: the fourth digit takes the last carry */
	c->small[3] ^= c2;
	c->people++;
	if (++c->nsmall == 15)
		catstats_counts_flush(c);
}

/* The version 2 flat form (catstats_mask.c) */
extern const CatStatsMasksHdr *catstats_masks_hdr(const CatStatsData *cs);
extern CatStatsData *catstats_masks_to_list(const CatStatsData *cs);
extern void catstats_masks_count_people(const CatStatsData *cs, CatStatsCounts *counts);
extern void catstats_count_key_people(const int64 *keys, int64 n, CatStatsCounts *counts);

/* The masks of the aggregate state (catstats_mask.c) */
extern void catstats_masks_drain_group(ExpandedCatStats *ecs, int g);
extern void catstats_masks_drain(ExpandedCatStats *ecs);
extern void catstats_masks_stage_init(ExpandedCatStats *ecs);
extern bool catstats_masks_cover(ExpandedCatStats *ecs, int64 lo, int64 end);
extern void catstats_try_masks(ExpandedCatStats *ecs);

#endif							/* JOBS_EXT_CATSTATS_H */
