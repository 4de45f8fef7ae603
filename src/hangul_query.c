/*
 * hangul_query.c
 *		Thresholds written in the query.  hangul_query is the composite type
 *		(query text, threshold real); text %% hangul_query and
 *		text %%> hangul_query compare with that threshold instead of a
 *		setting, and gin_hangul_ops serves them (strategies 4 and 5).  The
 *		three-argument functions hangul_similar(a, b, threshold) and
 *		hangul_word_similar(query, t, threshold) are the same tests as
 *		functions; their planner support turns a call on an indexed column
 *		into one of those operators, so the index serves them too.
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
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "fmgr.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

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

/*
 * The index condition "column OP ROW(other, threshold)::hangul_query" for a
 * three-argument call whose argument column (0 or 1) is the indexed one,
 * where OP is the operator of the index's family with the given strategy;
 * NIL when the call cannot use the index.  hangul_query is found in the
 * schema of the function called, where the extension put both.
 */
static List *
hangul_query_index_condition(SupportRequestIndexCondition *req, int column,
							 int strategy)
{
	FuncExpr   *call;
	Node	   *other;
	Node	   *threshold;
	Oid			typoid;
	Oid			opno;
	RowExpr    *row;

	if (!is_funcclause(req->node) || req->indexarg != column)
		return NIL;
	call = (FuncExpr *) req->node;
	if (list_length(call->args) != 3)
		return NIL;
	other = (Node *) list_nth(call->args, 1 - column);
	threshold = (Node *) list_nth(call->args, 2);
	if (!is_pseudo_constant_for_index(req->root, other, req->index) ||
		!is_pseudo_constant_for_index(req->root, threshold, req->index))
		return NIL;
	typoid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
							 CStringGetDatum("hangul_query"),
							 ObjectIdGetDatum(get_func_namespace(req->funcid)));
	if (!OidIsValid(typoid))
		return NIL;
	opno = get_opfamily_member(req->opfamily, TEXTOID, typoid, strategy);
	if (!OidIsValid(opno))
		return NIL;
	row = makeNode(RowExpr);
	row->args = list_make2(other, threshold);
	row->row_typeid = typoid;
	row->row_format = COERCE_EXPLICIT_CAST;
	row->colnames = NIL;		/* a named composite type has its own */
	row->location = -1;
	/* the operator is the function: nothing to recheck beyond it */
	req->lossy = false;
	return list_make1(make_opclause(opno, BOOLOID, false,
									(Expr *) list_nth(call->args, column),
									(Expr *) row,
									InvalidOid, call->inputcollid));
}

/*
 * Planner support for hangul_similar(a, b, threshold): similarity is
 * symmetric, so an index on either text serves it.
 */
PG_FUNCTION_INFO_V1(hangul_similar_threshold_support);
Datum
hangul_similar_threshold_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestIndexCondition))
	{
		SupportRequestIndexCondition *req = (SupportRequestIndexCondition *) rawreq;

		PG_RETURN_POINTER(hangul_query_index_condition(req, req->indexarg,
													   HANGUL_STRATEGY_SIMILAR_Q));
	}
	PG_RETURN_POINTER(NULL);
}

/*
 * Planner support for hangul_word_similar(query, t, threshold): an index on
 * t serves it as t %%> ROW(query, threshold)::hangul_query.
 */
PG_FUNCTION_INFO_V1(hangul_word_similar_threshold_support);
Datum
hangul_word_similar_threshold_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestIndexCondition))
	{
		SupportRequestIndexCondition *req = (SupportRequestIndexCondition *) rawreq;

		PG_RETURN_POINTER(hangul_query_index_condition(req, 1, HANGUL_STRATEGY_WORD_Q));
	}
	PG_RETURN_POINTER(NULL);
}
