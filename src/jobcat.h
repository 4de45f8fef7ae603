/*
 * jobcat.h
 *		Taxonomy access for the parts of jobs_ext that aggregate by category
 *		(catstats.c).  The taxonomy itself lives in jobcat.c.
 */
#ifndef JOBCAT_H
#define JOBCAT_H

#include "postgres.h"

/* Largest OECD code a jobcat can hold */
#define JOBCAT_CODE_LIMIT	999

extern int	jobcat_count(void);
extern int	jobcat_rank(int code);
extern int16 jobcat_code_at_rank(int rank);
extern int16 jobcat_parent_code(int16 code);
extern const char *jobcat_label_utf8(int16 code, bool korean);
extern text *jobcat_label_text(int16 code, bool korean);

#endif							/* JOBCAT_H */
