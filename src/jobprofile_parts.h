/*
 * jobprofile_parts.h
 *		A jobprofile's parts as read from any input, the helpers that check
 *		them and the build of a value from them (jobprofile.c), shared with
 *		the readers of the text, binary and jsonb forms (jobprofile_io.c).
 */
#ifndef JOBPROFILE_PARTS_H
#define JOBPROFILE_PARTS_H

#include "postgres.h"

#include "jobs_ext.h"
#include "jobprofile.h"

/* Parts as collected from any input, before building */
typedef struct JobProfileParts
{
	uint16		parts;			/* JP_HAS_* except JP_HAS_SKILL_WEIGHTS */
	int			occ_len;
	char		occ[6];
	int			sido,
				sigungu,
				emd,
				ri;
	double		latitude,
				longitude;
	int32		wage;
	int			hours;
	int			experience;
	int			education;
	uint8		shifts;
	uint16		targets;
	int			nskills;
	char	   *skills[JOBPROFILE_MAX_SKILLS];	/* folded, UTF-8 */
	float4		weights[JOBPROFILE_MAX_SKILLS];
} JobProfileParts;

/* Where errors go: the SQLSTATE for bad values and the soft-error context */
typedef struct JpErr
{
	int			code;			/* 22P02 text, 22P03 binary, 22023 otherwise */
	Node	   *escontext;
} JpErr;

#define JP_FAIL(err, ...) \
	JOBS_EXT_INPUT_ERROR((err)->escontext, false, \
						 (errcode((err)->code), __VA_ARGS__))

/* the checking helpers: false (or NULL) after a soft error */
extern bool jp_set_occupation(JobProfileParts *pp, const char *s, int len,
							  JpErr *err);
extern bool jp_set_region(JobProfileParts *pp, const char *s, int len,
						  JpErr *err);
extern bool jp_set_coords(JobProfileParts *pp, double lat, double lon,
						  JpErr *err);
extern bool jp_set_int(JobProfileParts *pp, const char *part, int64 value,
					   JpErr *err);
extern bool jp_set_education(JobProfileParts *pp, const char *s, int len,
							 JpErr *err);
extern bool jp_add_shift(JobProfileParts *pp, const char *s, int len,
						 JpErr *err);
extern bool jp_add_target(JobProfileParts *pp, const char *s, int len,
						  JpErr *err);
extern bool jp_add_skill(JobProfileParts *pp, const char *s, int len,
						 double weight, JpErr *err);
extern struct varlena *jobprofile_build(JobProfileParts *pp, JpErr *err);

#endif							/* JOBPROFILE_PARTS_H */
