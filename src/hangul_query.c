/*
 * hangul_query.c
 *		Thresholds written in the query.  hangul_query is the composite type
 *		(query text, threshold real); text %% hangul_query and
 *		text %%> hangul_query compare with that threshold instead of a
 *		setting, and gin_hangul_ops serves them (strategies 4 and 5).  The
 *		three-argument functions hangul_similar(a, b, threshold) and
 *		hangul_word_similar(query, t, threshold) are the same tests as
 *		functions; their planner support (hangul_opfunc.c) turns a call on
 *		an indexed column into one of those operators, so the index serves
 *		them too.
 *
 * The two-argument operators read jobs_ext.hangul_similarity_threshold and
 * jobs_ext.hangul_word_similarity_threshold, which a backend that Citus
 * opens on a worker does not see (setting_guard.c refuses to guess).  These
 * read nothing but their arguments: they are IMMUTABLE, and the value
 * written in a query reaches every node with it.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "executor/executor.h"
#include "fmgr.h"

#include "hangul.h"

/* A threshold must be a number from 0 to 1 */
static void
hangul_query_check_threshold(float4 threshold)
{
	if (isnan(threshold) || threshold < 0.0f || threshold > 1.0f)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("similarity threshold %g is out of range", (double) threshold),
				 errhint("A threshold is a number from 0 to 1.")));
}

/*
 * The text and threshold of a hangul_query value; false when either is NULL
 * (the operators then return NULL, and an index scan finds no row).
 */
bool
hangul_query_read(Datum query, text **qtext, float4 *threshold)
{
	HeapTupleHeader tup = DatumGetHeapTupleHeader(query);
	bool		isnull;
	Datum		d;

	d = GetAttributeByNum(tup, 2, &isnull);
	if (isnull)
		return false;
	*threshold = DatumGetFloat4(d);
	hangul_query_check_threshold(*threshold);
	d = GetAttributeByNum(tup, 1, &isnull);
	if (isnull)
		return false;
	*qtext = DatumGetTextPP(d);
	return true;
}

/* text %% hangul_query */
PG_FUNCTION_INFO_V1(hangul_similarity_query_op);
Datum
hangul_similarity_query_op(PG_FUNCTION_ARGS)
{
	text	   *q;
	float4		threshold;

	if (!hangul_query_read(PG_GETARG_DATUM(1), &q, &threshold))
		PG_RETURN_NULL();
	PG_RETURN_BOOL(hangul_similarity_texts(fcinfo, PG_GETARG_TEXT_PP(0), q) >= threshold);
}

/* text %%> hangul_query: is the query word-similar to the text? */
PG_FUNCTION_INFO_V1(hangul_word_similarity_query_op);
Datum
hangul_word_similarity_query_op(PG_FUNCTION_ARGS)
{
	text	   *q;
	float4		threshold;

	if (!hangul_query_read(PG_GETARG_DATUM(1), &q, &threshold))
		PG_RETURN_NULL();
	PG_RETURN_BOOL(hangul_word_similarity_texts(fcinfo, q, PG_GETARG_TEXT_PP(0)) >= threshold);
}

/* hangul_similar(a, b, threshold) */
PG_FUNCTION_INFO_V1(hangul_similar_threshold);
Datum
hangul_similar_threshold(PG_FUNCTION_ARGS)
{
	float4		threshold = PG_GETARG_FLOAT4(2);

	hangul_query_check_threshold(threshold);
	PG_RETURN_BOOL(hangul_similarity_texts(fcinfo, PG_GETARG_TEXT_PP(0),
										   PG_GETARG_TEXT_PP(1)) >= threshold);
}

/* hangul_word_similar(query, t, threshold) */
PG_FUNCTION_INFO_V1(hangul_word_similar_threshold);
Datum
hangul_word_similar_threshold(PG_FUNCTION_ARGS)
{
	float4		threshold = PG_GETARG_FLOAT4(2);

	hangul_query_check_threshold(threshold);
	PG_RETURN_BOOL(hangul_word_similarity_texts(fcinfo, PG_GETARG_TEXT_PP(0),
												PG_GETARG_TEXT_PP(1)) >= threshold);
}
