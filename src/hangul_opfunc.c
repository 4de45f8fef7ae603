/*
 * hangul_opfunc.c
 *		Function forms of the Korean search operators, for clients that cannot
 *		write % in a query: hangul_similar(a, b) is a %% b, and
 *		hangul_word_similar(query, t) is query <%% t (t %%> query); and the
 *		planner support of all the function forms, the three-argument ones
 *		of hangul_query.c included.
 *
 * Python drivers with "pyformat" parameters (psycopg2, SQLAlchemy over it)
 * read %% in a query as an escaped %, so a %% b reaches the server as a % b,
 * which is pg_trgm's operator when pg_trgm is installed.  The functions run
 * the operators' own C functions (declared in SQL with their C symbols), so
 * they give exactly the operators' answers, and the planner support functions
 * below turn a call whose text argument is an indexed column into the
 * operator's index condition, so a gin_hangul_ops index serves both forms.
 * choseong_match(col, pattern), the function form of ^% (the operator's own
 * function), gets its index condition the same way.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "hangul.h"

/*
 * The index condition for a call whose argument column (0 or 1) is the
 * indexed one: "column OP other" for a two-argument call, and "column OP
 * ROW(other, threshold)::hangul_query" for a three-argument one, where OP is
 * the operator of the index's operator family with the given strategy; NIL
 * when the call cannot use the index.  hangul_query is found in the schema
 * of the function called, where the extension put both.
 */
static List *
hangul_opfunc_index_condition(SupportRequestIndexCondition *req, int column,
							  int strategy)
{
	FuncExpr   *call;
	Node	   *other;
	Node	   *right;
	Oid			righttype = TEXTOID;
	Oid			opno;

	if (!is_funcclause(req->node) || req->indexarg != column)
		return NIL;
	call = (FuncExpr *) req->node;
	if (list_length(call->args) != 2 && list_length(call->args) != 3)
		return NIL;
	other = (Node *) list_nth(call->args, 1 - column);
	if (!is_pseudo_constant_for_index(req->root, other, req->index))
		return NIL;
	right = other;
	if (list_length(call->args) == 3)
	{
		Node	   *threshold = (Node *) list_nth(call->args, 2);
		RowExpr    *row;

		if (!is_pseudo_constant_for_index(req->root, threshold, req->index))
			return NIL;
		righttype = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
									CStringGetDatum("hangul_query"),
									ObjectIdGetDatum(get_func_namespace(req->funcid)));
		if (!OidIsValid(righttype))
			return NIL;
		row = makeNode(RowExpr);
		row->args = list_make2(other, threshold);
		row->row_typeid = righttype;
		row->row_format = COERCE_EXPLICIT_CAST;
		row->colnames = NIL;	/* a named composite type has its own */
		row->location = -1;
		right = (Node *) row;
	}
	opno = get_opfamily_member(req->opfamily, TEXTOID, righttype, strategy);
	if (!OidIsValid(opno))
		return NIL;
	/* the function is the operator itself: nothing to recheck beyond it */
	req->lossy = false;
	return list_make1(make_opclause(opno, BOOLOID, false,
									(Expr *) list_nth(call->args, column),
									(Expr *) right,
									InvalidOid, call->inputcollid));
}

/*
 * A planner support request answered with the index condition of
 * hangul_opfunc_index_condition(); column -1 stands for either argument
 * (the operator is its own commutator)
 */
static Node *
hangul_opfunc_support(Node *rawreq, int column, int strategy)
{
	SupportRequestIndexCondition *req;

	if (!IsA(rawreq, SupportRequestIndexCondition))
		return NULL;
	req = (SupportRequestIndexCondition *) rawreq;
	return (Node *) hangul_opfunc_index_condition(req, column < 0 ? req->indexarg : column,
												  strategy);
}

/* hangul_similar(a, b): an index on either text serves it as column %% other */
PG_FUNCTION_INFO_V1(hangul_similar_support);
Datum
hangul_similar_support(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(hangul_opfunc_support((Node *) PG_GETARG_POINTER(0), -1,
											HANGUL_STRATEGY_SIMILAR));
}

/*
 * hangul_word_similar(query, t): an index on t serves it as t %%> query.  An
 * index on the query side cannot: word similarity is not symmetric, and the
 * index holds the keys of whole texts.
 */
PG_FUNCTION_INFO_V1(hangul_word_similar_support);
Datum
hangul_word_similar_support(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(hangul_opfunc_support((Node *) PG_GETARG_POINTER(0), 1,
											HANGUL_STRATEGY_WORD));
}

/* choseong_match(col, pattern): an index on col serves it as col ^% pattern */
PG_FUNCTION_INFO_V1(choseong_match_support);
Datum
choseong_match_support(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(hangul_opfunc_support((Node *) PG_GETARG_POINTER(0), 0,
											HANGUL_STRATEGY_CHOSEONG));
}

/*
 * hangul_similar(a, b, threshold): an index on either text serves it as
 * column %% ROW(other, threshold)::hangul_query
 */
PG_FUNCTION_INFO_V1(hangul_similar_threshold_support);
Datum
hangul_similar_threshold_support(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(hangul_opfunc_support((Node *) PG_GETARG_POINTER(0), -1,
											HANGUL_STRATEGY_SIMILAR_Q));
}

/*
 * hangul_word_similar(query, t, threshold): an index on t serves it as
 * t %%> ROW(query, threshold)::hangul_query
 */
PG_FUNCTION_INFO_V1(hangul_word_similar_threshold_support);
Datum
hangul_word_similar_threshold_support(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(hangul_opfunc_support((Node *) PG_GETARG_POINTER(0), 1,
											HANGUL_STRATEGY_WORD_Q));
}
