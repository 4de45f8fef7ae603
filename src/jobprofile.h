/*
 * jobprofile.h
 *		The jobprofile value: what a job seeker offers or a posting asks.
 *
 * Shared by jobprofile.c (the type), jobprofile_io.c (its text, binary and
 * jsonb forms), jobprofile_op.c (accessors and operators), match.c (scores,
 * the batch matcher) and jobprofile_gin.c (skill search and its GIN operator
 * class).
 *
 * On-disk layout (version 1), after the varlena header and without any
 * alignment, because short (1-byte header) varlenas are used as stored:
 *
 *		JobProfileFixed					fixed header of the scalar parts (72 bytes)
 *		uint64 hash[nskills]			skill hashes, ascending
 *		float4 weight[nskills]			only when JP_HAS_SKILL_WEIGHTS
 *		char   text[] (NUL-terminated)	skill texts, in hash order, UTF-8
 *
 * Everything is read through memcpy, so values work whether or not they
 * are aligned.  A value is built only by jobprofile_build(), from parts that
 * jobprofile_check_parts() validated; the bytes are therefore canonical and
 * equality is byte equality.
 */
#ifndef JOBPROFILE_H
#define JOBPROFILE_H

#include "postgres.h"

#include "fmgr.h"

#include "jobs_ext.h"

#define JOBPROFILE_VERSION		1
#define JOBPROFILE_MAX_SKILLS	256
#define JOBPROFILE_MAX_SKILL_LEN 200	/* bytes, after folding */
#define JOBPROFILE_MAX_SKILL_WEIGHT 100.0
#define JOBPROFILE_MAX_HOURS	168
#define JOBPROFILE_MAX_EXPERIENCE 80

/* JobProfileFixed.parts: which scalar parts are present */
#define JP_HAS_OCCUPATION		0x0001
#define JP_HAS_REGION			0x0002
#define JP_HAS_COORDS			0x0004
#define JP_HAS_WAGE				0x0008
#define JP_HAS_HOURS			0x0010
#define JP_HAS_EDUCATION		0x0020
#define JP_HAS_EXPERIENCE		0x0040
#define JP_HAS_SKILL_WEIGHTS	0x0080	/* some skill weight is not 1 */
#define JP_ALL_PARTS			0x00FF

/* shift flags */
#define JP_SHIFT_DAY			0x01
#define JP_SHIFT_NIGHT			0x02
#define JP_SHIFT_ROTATING		0x04
#define JP_SHIFT_WEEKEND		0x08
#define JP_NSHIFTS				4

/* education levels */
#define JP_NEDUCATION			8

#define JP_NTARGETS				11

typedef struct JobProfileFixed
{
	uint8		version;
	uint8		occ_len;		/* digits in occ, 0 when absent */
	uint8		education;		/* 0..JP_NEDUCATION-1 */
	uint8		shifts;			/* JP_SHIFT_* bits; 0 = absent */
	uint16		parts;			/* JP_HAS_* bits */
	uint16		targets;		/* target-group bits; 0 = absent */
	uint16		nskills;
	uint16		hours;			/* weekly hours */
	uint16		experience;		/* years */
	uint16		sigungu;		/* region: 3 digits */
	uint16		emd;			/* region: eupmyeondong, 3 digits */
	uint8		sido;			/* region: 2 digits as typed */
	uint8		sido_area;		/* sido with 45 -> 52 and 42 -> 51 (derived) */
	uint8		ri;				/* region: 2 digits */
	uint8		region_depth;	/* 1..4 levels given (derived) */
	char		occ[6];			/* occupation digits, not NUL-terminated */
	int32		wage;			/* monthly, KRW */
	float4		coslat;			/* cos(latitude) (derived) */
	uint32		pad;			/* zero */
	uint64		skill_sig;		/* bit (hash >> 58) set per skill (derived) */
	float8		latitude;		/* degrees */
	float8		longitude;		/* degrees */
	float8		skill_weight_sum;	/* sum of skill weights (derived) */
} JobProfileFixed;

/* A profile unpacked for reading: the header copied, arrays pointed at */
typedef struct JobProfileView
{
	JobProfileFixed h;
	const char *hashes;			/* nskills unaligned uint64 */
	const char *weights;		/* nskills unaligned float4, or NULL (all 1) */
	const char *texts;			/* nskills NUL-terminated strings */
	const char *end;
} JobProfileView;

static inline uint64
jp_hash_at(const JobProfileView *v, int i)
{
	uint64		h;

	memcpy(&h, v->hashes + (Size) i * sizeof(uint64), sizeof(uint64));
	return h;
}

static inline float4
jp_weight_at(const JobProfileView *v, int i)
{
	float4		w;

	if (v->weights == NULL)
		return 1.0f;
	memcpy(&w, v->weights + (Size) i * sizeof(float4), sizeof(float4));
	return w;
}

/*
 * Point a view at a detoasted (possibly short-header) jobprofile; one this
 * build cannot read (its version byte) stops here.
 */
static inline void
jp_view(JobProfileView *v, const struct varlena *p)
{
	const char *data = VARDATA_ANY(p);
	Size		len = VARSIZE_ANY_EXHDR(p);

	if (len < sizeof(JobProfileFixed) || (uint8) data[0] != JOBPROFILE_VERSION)
		jobs_ext_unsupported_version("jobprofile", len > 0 ? (uint8) data[0] : -1,
									 JOBPROFILE_VERSION, VARSIZE_ANY(p));
	memcpy(&v->h, data, sizeof(JobProfileFixed));
	v->hashes = data + sizeof(JobProfileFixed);
	v->weights = (v->h.parts & JP_HAS_SKILL_WEIGHTS) ?
		v->hashes + (Size) v->h.nskills * sizeof(uint64) : NULL;
	v->texts = v->hashes + (Size) v->h.nskills *
		(sizeof(uint64) + (v->weights ? sizeof(float4) : 0));
	v->end = data + len;
}

/* names of the enumerated parts, for text, jsonb and explain */
extern const char *const jp_shift_names[JP_NSHIFTS];
extern const char *const jp_education_names[JP_NEDUCATION];
extern const char *const jp_target_names[JP_NTARGETS];

/* a target-group name or alias: its bit index, or -1 (jobprofile.c) */
extern bool jobprofile_target_lookup(const char *s, int len, int sqlstate,
									 Node *escontext, int *found);

/* the i-th skill text of a view (linear scan, not for hot paths) */
extern const char *jp_skill_text(const JobProfileView *v, int i);

/*
 * for output (jobprofile_io.c, jobprofile_op.c): UTF-8 to the server
 * encoding, the skills' order by text, the region code as its digits
 */
extern const char *jp_from_utf8(const char *s);
extern int *jp_skill_order(const JobProfileView *v, const char ***texts_out);
extern char *jp_region_string(const JobProfileFixed *h);

/* a skill as profiles store it: folded (UTF-8) and its hash */
extern char *jobprofile_fold_skill(const char *s, int len, uint64 *hash);

#endif							/* JOBPROFILE_H */
