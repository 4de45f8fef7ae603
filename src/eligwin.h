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
 */
#ifndef ELIGWIN_H
#define ELIGWIN_H

#include "postgres.h"

#include "fmgr.h"
#include "utils/date.h"

#define ELIGWIN_VERSION			1

/* Most intervals a normalised window may hold (54000 beyond) */
#define ELIGWIN_MAX_INTERVALS	10000

/* Highest age accepted in an age band */
#define ELIGWIN_MAX_AGE			200

/* age_max of a band without an upper limit ("age 65..") */
#define ELIGWIN_AGE_UNBOUNDED	(-1)

/* flags */
#define ELIGWIN_FLAG_AGE		0x01	/* age_min/age_max are set */
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
	int16		reserved;		/* zero */
	int32		nintervals;
	EligwinInterval intervals[FLEXIBLE_ARRAY_MEMBER];
} Eligwin;

#define ELIGWIN_HDRSZ			offsetof(Eligwin, intervals)
#define ELIGWIN_SIZE(n)			(ELIGWIN_HDRSZ + (Size) (n) * sizeof(EligwinInterval))
#define ELIGWIN_CAPACITY(w)		((int32) ((VARSIZE(w) - ELIGWIN_HDRSZ) / sizeof(EligwinInterval)))
#define ELIGWIN_HAS_AGE(w)		(((w)->flags & ELIGWIN_FLAG_AGE) != 0)

/* detoasted, with its version byte and size checked (eligwin.c) */
extern Eligwin *eligwin_detoast(Datum d);

#define DatumGetEligwinP(X)		eligwin_detoast(X)
#define PG_GETARG_ELIGWIN_P(n)	DatumGetEligwinP(PG_GETARG_DATUM(n))
#define PG_RETURN_ELIGWIN_P(x)	PG_RETURN_POINTER(x)

/* Last finite date + 1 and first finite date, as DateADT */
#define ELIGWIN_DATE_END		((DateADT) (DATE_END_JULIAN - POSTGRES_EPOCH_JDATE))
#define ELIGWIN_DATE_MIN		((DateADT) (DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE))

/* eligwin.c */
extern Eligwin *eligwin_alloc(int32 capacity);
extern Eligwin *eligwin_make(const EligwinInterval *iv, int32 n, const Eligwin *band);
extern int32 eligwin_normalise(EligwinInterval *iv, int32 n);
extern Eligwin *eligwin_normalised(Eligwin *w);
extern bool eligwin_intervals_overlap(const EligwinInterval *a, int32 na,
									  const EligwinInterval *b, int32 nb);
extern bool eligwin_intervals_contain(const EligwinInterval *a, int32 na,
									  const EligwinInterval *b, int32 nb);
extern bool eligwin_intervals_contain_date(const EligwinInterval *a, int32 na,
										   DateADT d);
extern int	eligwin_format_date(char *buf, DateADT d);
extern const char *eligwin_parse_date(const char *s, DateADT *result, bool *ok);

#endif							/* ELIGWIN_H */
