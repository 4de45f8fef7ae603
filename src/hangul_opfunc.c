/*
 * hangul_opfunc.c
 *		Function forms of the Korean search operators, for clients that cannot
 *		write % in a query: hangul_similar(a, b) is a %% b, and
 *		hangul_word_similar(query, t) is query <%% t (t %%> query).
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

#include "hangul.h"

/*
 * The index condition "column OP other" for a two-argument function call
 * whose argument column (0 or 1) is the indexed one, where OP is the text
 * operator of the index's operator family with the given strategy; NIL when
 * the call cannot use the index.
 */
static List *
hangul_opfunc_index_condition(SupportRequestIndexCondition *req, int column,
							  int strategy)
{
	FuncExpr   *call;
	Node	   *other;
	Oid			opno;

	if (!is_funcclause(req->node) || req->indexarg != column)
		return NIL;
	call = (FuncExpr *) req->node;
	if (list_length(call->args) != 2)
		return NIL;
	other = (Node *) list_nth(call->args, 1 - column);
	if (!is_pseudo_constant_for_index(req->root, other, req->index))
		return NIL;
	opno = get_opfamily_member(req->opfamily, TEXTOID, TEXTOID, strategy);
	if (!OidIsValid(opno))
		return NIL;
	/* the function is the operator itself: nothing to recheck beyond it */
	req->lossy = false;
	return list_make1(make_opclause(opno, BOOLOID, false,
									(Expr *) list_nth(call->args, column),
									(Expr *) other,
									InvalidOid, call->inputcollid));
}

/*
 * Planner support for hangul_similar(a, b): %% is its own commutator, so an
 * index on either argument serves it, as column %% other.
 */
PG_FUNCTION_INFO_V1(hangul_similar_support);
Datum
hangul_similar_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestIndexCondition))
	{
		SupportRequestIndexCondition *req = (SupportRequestIndexCondition *) rawreq;
		List	   *cond = hangul_opfunc_index_condition(req, req->indexarg,
														 HANGUL_STRATEGY_SIMILAR);

		PG_RETURN_POINTER(cond);
	}
	PG_RETURN_POINTER(NULL);
}

/*
 * Planner support for hangul_word_similar(query, t): an index on t serves it
 * as t %%> query.  An index on the query side cannot: word similarity is not
 * symmetric, and the index holds the keys of whole texts.
 */
PG_FUNCTION_INFO_V1(hangul_word_similar_support);
Datum
hangul_word_similar_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestIndexCondition))
	{
		SupportRequestIndexCondition *req = (SupportRequestIndexCondition *) rawreq;

		PG_RETURN_POINTER(hangul_opfunc_index_condition(req, 1, HANGUL_STRATEGY_WORD));
	}
	PG_RETURN_POINTER(NULL);
}

/*
 * Planner support for choseong_match(col, pattern): an index on col serves
 * it as col ^% pattern.
 */
PG_FUNCTION_INFO_V1(choseong_match_support);
Datum
choseong_match_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestIndexCondition))
	{
		SupportRequestIndexCondition *req = (SupportRequestIndexCondition *) rawreq;

		PG_RETURN_POINTER(hangul_opfunc_index_condition(req, 0, HANGUL_STRATEGY_CHOSEONG));
	}
	PG_RETURN_POINTER(NULL);
}
