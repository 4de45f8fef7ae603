/*
 * eligwin.h
 *		The eligwin struct, shared by the type (eligwin.c), its GiST operator
 *		class (eligwin_gist.c) and the coverage aggregate (coverage.c).
 *
 * An eligwin is a varlena holding a version byte, flags, an optional age
 * band and a sorted array of inclusive date intervals, 8 bytes each with no
 * per-interval header.  Unbounded ends are DATEVAL_NOBEGIN / DATEVAL_NOEND.
 *
 * A normalised value (the only kind that leaves this extension's C code) has
 * its intervals sorted, each lo <= hi, and neither overlapping nor adjacent.
 * Inside an aggregate the state may carry ELIGWIN_FLAG_RAW (intervals
 * appended unsorted) and spare capacity after the last interval: nintervals
 * counts the intervals in use, VARSIZE the bytes allocated.
 *
 * Version 2 (jobs_ext 1.1) is version 1 plus conditions on the person: a
 * residency condition (법정동 prefixes) and a target-group condition, kept
 * in an EligwinCond block at the very end of the varlena (condsize bytes),
 * so that the intervals stay where version 1 has them and an aggregate
 * state's spare capacity lies between the two.  A window without conditions
 * is always written as version 1, byte for byte as 1.0 wrote it.
 */
#ifndef ELIGWIN_H
#define ELIGWIN_H

#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/date.h"

#define ELIGWIN_VERSION			1
#define ELIGWIN_VERSION_COND	2	/* with a condition block */

/* Most intervals a normalised window may hold (54000 beyond) */
#define ELIGWIN_MAX_INTERVALS	10000

/* Highest age accepted in an age band */
#define ELIGWIN_MAX_AGE			200

/* age_max of a band without an upper limit ("age 65..") */
#define ELIGWIN_AGE_UNBOUNDED	(-1)

/* flags */
#define ELIGWIN_FLAG_AGE		0x01	/* age_min/age_max are set */
#define ELIGWIN_FLAG_REGION		0x02	/* version 2: a residency condition */
#define ELIGWIN_FLAG_GROUPS		0x04	/* version 2: a target-group condition */
#define ELIGWIN_FLAG_COND		(ELIGWIN_FLAG_REGION | ELIGWIN_FLAG_GROUPS)
#define ELIGWIN_FLAG_RAW		0x40	/* aggregate state: not yet normalised */
#define ELIGWIN_FLAG_LOSSY		0x80	/* GiST key: bounding interval only */

typedef struct EligwinInterval
{
	DateADT		lo;				/* first day, or DATEVAL_NOBEGIN */
	DateADT		hi;				/* last day, or DATEVAL_NOEND */
} EligwinInterval;

typedef struct Eligwin
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	uint8		version;		/* ELIGWIN_VERSION */
	uint8		flags;
	int16		age_min;		/* completed years, 0 without a band */
	int16		age_max;		/* completed years, or ELIGWIN_AGE_UNBOUNDED */
	int16		condsize;		/* version 2: bytes of the EligwinCond block at
								 * the end of the value; version 1: zero */
	int32		nintervals;
	EligwinInterval intervals[FLEXIBLE_ARRAY_MEMBER];
} Eligwin;

#define ELIGWIN_HDRSZ			offsetof(Eligwin, intervals)
#define ELIGWIN_SIZE(n)			(ELIGWIN_HDRSZ + (Size) (n) * sizeof(EligwinInterval))
#define ELIGWIN_CAPACITY(w)		((int32) ((VARSIZE(w) - ELIGWIN_HDRSZ - (w)->condsize) / sizeof(EligwinInterval)))
#define ELIGWIN_HAS_AGE(w)		(((w)->flags & ELIGWIN_FLAG_AGE) != 0)
#define ELIGWIN_HAS_COND(w)		(((w)->flags & ELIGWIN_FLAG_COND) != 0)

/* Most region prefixes a residency condition may hold */
#define ELIGWIN_MAX_REGIONS		1000

/* One 법정동 prefix of a residency condition: sido canonical (52, not 45) */
typedef struct EligwinRegion
{
	uint8		sido;			/* region_sido_area() of the code */
	uint8		depth;			/* levels given, 1..4 */
	uint16		sigungu;		/* zero beyond depth */
	uint16		emd;
	uint8		ri;
	uint8		pad;			/* zero */
} EligwinRegion;

/* The conditions of a version 2 window, at its end */
typedef struct EligwinCond
{
	uint16		groups;			/* target-group bits (jobprofile's); any of */
	uint16		nregions;		/* prefixes, sorted, none under another */
	EligwinRegion regions[FLEXIBLE_ARRAY_MEMBER];
} EligwinCond;

#define ELIGWIN_COND_SIZE(n)	(offsetof(EligwinCond, regions) + (Size) (n) * sizeof(EligwinRegion))
#define ELIGWIN_COND(w)			((EligwinCond *) ((char *) (w) + VARSIZE(w) - (w)->condsize))

/* detoasted, with its version byte and size checked (eligwin.c) */
extern Eligwin *eligwin_detoast(Datum d);

#define DatumGetEligwinP(X)		eligwin_detoast(X)
#define PG_GETARG_ELIGWIN_P(n)	DatumGetEligwinP(PG_GETARG_DATUM(n))
#define PG_RETURN_ELIGWIN_P(x)	PG_RETURN_POINTER(x)

/* Last finite date + 1 and first finite date, as DateADT */
#define ELIGWIN_DATE_END		((DateADT) (DATE_END_JULIAN - POSTGRES_EPOCH_JDATE))
#define ELIGWIN_DATE_MIN		((DateADT) (DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE))

/* eligwin.c */
extern void eligwin_check_count(int64 n);
extern Eligwin *eligwin_alloc(int32 capacity);
extern Eligwin *eligwin_alloc_cond(int32 capacity, const Eligwin *src);
extern Eligwin *eligwin_make(const EligwinInterval *iv, int32 n, const Eligwin *band);
extern int32 eligwin_normalise(EligwinInterval *iv, int32 n);
extern Eligwin *eligwin_normalised(Eligwin *w);
extern bool eligwin_intervals_overlap(const EligwinInterval *a, int32 na,
									  const EligwinInterval *b, int32 nb);
extern bool eligwin_intervals_contain(const EligwinInterval *a, int32 na,
									  const EligwinInterval *b, int32 nb);
extern bool eligwin_intervals_contain_date(const EligwinInterval *a, int32 na,
										   DateADT d);
extern bool eligwin_datum_contains_date(Datum datum, DateADT d);
extern int32 eligwin_age_on(DateADT birth, DateADT on);

/* eligwin_io.c */
extern int	eligwin_format_date(char *buf, DateADT d);
extern const char *eligwin_parse_date(const char *s, DateADT *result, bool *ok);

/* A window argument, normalised */
static inline Eligwin *
eligwin_getarg(FunctionCallInfo fcinfo, int argno)
{
	return eligwin_normalised(PG_GETARG_ELIGWIN_P(argno));
}

/* Successor and predecessor of a bound, keeping unbounded ends unbounded */
static inline DateADT
eligwin_succ(DateADT d)
{
	return DATE_NOT_FINITE(d) ? d : d + 1;
}

static inline DateADT
eligwin_pred(DateADT d)
{
	return DATE_NOT_FINITE(d) ? d : d - 1;
}

/* eligwin_cond.c: the conditions of version 2 */
struct JobProfileFixed;
extern const char *eligwin_cond_parse(const char *p, const char *str,
									  Eligwin **w, Node *escontext);
extern void eligwin_cond_out(StringInfo buf, const Eligwin *w);
extern const char *eligwin_cond_check(const Eligwin *w);
extern Eligwin *eligwin_cond_recv(Eligwin *w, StringInfo buf);
extern void eligwin_cond_send(StringInfo buf, const Eligwin *w);
extern Eligwin *eligwin_cond_meet(Eligwin *result, const Eligwin *a, const Eligwin *b);
extern bool eligwin_same_cond(const Eligwin *a, const Eligwin *b);
extern int	eligwin_cond_compare(const Eligwin *a, const Eligwin *b);
extern uint64 eligwin_cond_hash(const Eligwin *w, uint64 seed);
extern bool eligwin_region_holds(const Eligwin *w, const struct JobProfileFixed *h);
extern bool eligwin_groups_hold(const Eligwin *w, const struct JobProfileFixed *h);

#endif							/* ELIGWIN_H */
