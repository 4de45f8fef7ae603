/*
 * jobs_ext.h
 *		Declarations shared between the C files of jobs_ext.
 *
 * Each concept lives in its own file; this header only carries what more than
 * one of them needs: the module's start-up hooks, the Korean text folding used
 * by several input functions, and the soft-error shim for input functions.
 */
#ifndef JOBS_EXT_H
#define JOBS_EXT_H

#include "postgres.h"

#include "fmgr.h"
#include "nodes/nodes.h"

/*
 * Supported: PostgreSQL 15 to 18; `make matrix` tests 15, 17 and 18 (16 is
 * expected to build, as its API lies between, but nothing tests it).
 */
#if PG_VERSION_NUM < 150000
#error "jobs_ext needs PostgreSQL 15 or later"
#endif

/*
 * Input functions report bad text through the soft-error context on
 * PostgreSQL 16 and later (so pg_input_is_valid() and COPY ... ON_ERROR work);
 * on older servers the same report is a plain ERROR.
 */
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#define JOBS_EXT_INPUT_ERROR(escontext, dummy, ...) \
	ereturn(escontext, dummy, __VA_ARGS__)
#else
#define JOBS_EXT_INPUT_ERROR(escontext, dummy, ...) \
	do { \
		(void) (escontext); \
		ereport(ERROR, __VA_ARGS__); \
		return dummy; \
	} while (0)
#endif

/* jobs_ext.c */
extern Datum jobs_ext_recv_bytea(PGFunction recv, bytea *bytes, const char *type_name);
/* (never returns; not so marked, as the marker differs from 18 on) */
extern void jobs_ext_unsupported_version(const char *type_name, int version,
										 int supported, Size size);

/* jobcat.c */
extern void jobcat_define_gucs(void);

/* match.c */
extern void match_define_gucs(void);

/* hangul_fold.c */
extern char *hangul_cstring_to_utf8(const char *str, int len, Node *escontext);
extern char *hangul_fold_key(const char *str, int len, Node *escontext);
extern int	text_edit_distance(const char *a, const char *b);

/* hangul_similarity.c */
extern void hangul_define_gucs(void);
extern float4 hangul_similarity_cstr(const char *a, int alen,
									 const char *b, int blen);

#endif							/* JOBS_EXT_H */
