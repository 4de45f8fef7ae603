/*
 * jobprofile_gin.c
 *		Skill search on jobprofile: has_skill (?), has_any_skill (?|),
 *		has_all_skills (?&), and the GIN operator class jobprofile_gin_ops
 *		that answers them from an index.
 *
 * A query skill is folded and hashed exactly as jobprofile input folds and
 * hashes a skill (jobprofile_fold_skill), so NFD, spacing, middle dots and
 * case do not matter.  A profile holds a skill when one of its stored skills
 * has the same hash and the same folded text: the text comparison makes the
 * answer exact even if two different skills ever shared a 64-bit hash (a
 * profile itself refuses two skills with one hash, so there is at most one
 * candidate).
 *
 * The index keys are the stored skills themselves, their folded UTF-8 text
 * as bytea (compared bytewise, so no collation is involved), not their
 * hashes: a key names exactly one skill, so the index answers all three
 * operators exactly, rows are not rechecked, and no hash collision can make
 * an index scan differ from a sequential scan.
 *
 * The function forms are indexable too: their planner support function
 * turns has_skill(col, x) into col ? x, and so on, where the index allows.
 *
 * Arrays follow jsonb's ?| and ?&: NULL elements are ignored, ?| with no
 * (non-NULL) element is false and ?& with none is true.
 */
#include "postgres.h"

#include "access/gin.h"
#include "access/stratnum.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "jobprofile.h"
#include "jobs_ext.h"

/* strategy numbers, as jsonb_ops numbers ?, ?| and ?& */
#define JP_STRATEGY_HAS_SKILL		9
#define JP_STRATEGY_HAS_ANY			10
#define JP_STRATEGY_HAS_ALL			11

/* A query: its skills folded and hashed, sorted by hash */
typedef struct JpSkillQuery
{
	int			nskills;
	uint64	   *hashes;
	char	  **texts;			/* folded, UTF-8 */
} JpSkillQuery;

/* One folded skill, for sorting */
typedef struct JpQuerySkill
{
	uint64		hash;
	char	   *text;
} JpQuerySkill;

static int
jp_query_skill_cmp(const void *a, const void *b)
{
	const JpQuerySkill *x = a;
	const JpQuerySkill *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return strcmp(x->text, y->text);
}

/*
 * Fold the skills of a text (array = false) or text[] query (array = true)
 * into q, in the current memory context.  NULL elements are skipped and
 * repeated skills kept once.
 */
static void
jp_query_build(JpSkillQuery *q, Datum arg, bool array)
{
	JpQuerySkill *sk;
	int			n = 0;
	int			kept = 0;
	int			i;

	if (!array)
	{
		text	   *t = DatumGetTextPP(arg);

		sk = palloc(sizeof(JpQuerySkill));
		sk[0].text = jobprofile_fold_skill(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
										   &sk[0].hash);
		n = 1;
	}
	else
	{
		ArrayType  *a = DatumGetArrayTypeP(arg);
		Datum	   *elems;
		bool	   *nulls;
		int			nelems;

		deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &nelems);
		sk = palloc(sizeof(JpQuerySkill) * Max(nelems, 1));
		for (i = 0; i < nelems; i++)
		{
			text	   *t;

			if (nulls[i])
				continue;
			t = DatumGetTextPP(elems[i]);
			sk[n].text = jobprofile_fold_skill(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
											   &sk[n].hash);
			n++;
		}
	}

	if (n > 1)
		qsort(sk, n, sizeof(JpQuerySkill), jp_query_skill_cmp);
	q->hashes = palloc(sizeof(uint64) * Max(n, 1));
	q->texts = palloc(sizeof(char *) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		if (kept > 0 && q->hashes[kept - 1] == sk[i].hash &&
			strcmp(q->texts[kept - 1], sk[i].text) == 0)
			continue;
		q->hashes[kept] = sk[i].hash;
		q->texts[kept] = sk[i].text;
		kept++;
	}
	q->nskills = kept;
}

/* The query of a call, folded once per call site while the argument stays */
typedef struct JpQueryCache
{
	JpSkillQuery q;
	Size		rawlen;
	char	   *raw;			/* the argument's bytes */
} JpQueryCache;

static const JpSkillQuery *
jp_query_cached(FunctionCallInfo fcinfo, bool array)
{
	struct varlena *arg = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));
	const char *raw = VARDATA_ANY(arg);
	Size		rawlen = VARSIZE_ANY_EXHDR(arg);
	JpQueryCache *c = (JpQueryCache *) fcinfo->flinfo->fn_extra;
	MemoryContext old;

	if (c != NULL && c->rawlen == rawlen && memcmp(c->raw, raw, rawlen) == 0)
		return &c->q;

	/* a new query: fold it in a context of its own, freed with the next */
	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(JpQueryCache));
		fcinfo->flinfo->fn_extra = c;
	}
	else if (c->raw != NULL)
	{
		MemoryContextDelete(GetMemoryChunkContext(c->raw));
		c->raw = NULL;
		c->rawlen = 0;
	}
	old = MemoryContextSwitchTo(AllocSetContextCreate(fcinfo->flinfo->fn_mcxt,
													  "jobprofile skill query",
													  ALLOCSET_SMALL_SIZES));
	jp_query_build(&c->q, PointerGetDatum(arg), array);
	/* set last: an error while folding leaves no half-built entry */
	c->raw = palloc(Max(rawlen, 1));
	memcpy(c->raw, raw, rawlen);
	c->rawlen = rawlen;
	MemoryContextSwitchTo(old);
	return &c->q;
}

/* Does the profile hold the skill with this hash and folded text? */
static bool
jp_view_has_skill(const JobProfileView *v, uint64 hash, const char *text)
{
	int			lo = 0,
				hi = v->h.nskills - 1;

	/* one bit per skill: most profiles are ruled out here */
	if ((v->h.skill_sig & (UINT64CONST(1) << (hash >> 58))) == 0)
		return false;
	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		uint64		h = jp_hash_at(v, mid);

		if (h == hash)
			return strcmp(jp_skill_text(v, mid), text) == 0;
		if (h < hash)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return false;
}

#define JP_GET_SKILL_VIEW(v) \
	JobProfileView v; \
	jp_view(&v, PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0)))

PG_FUNCTION_INFO_V1(jobprofile_has_skill);
Datum
jobprofile_has_skill(PG_FUNCTION_ARGS)
{
	const JpSkillQuery *q = jp_query_cached(fcinfo, false);

	JP_GET_SKILL_VIEW(v);
	PG_RETURN_BOOL(jp_view_has_skill(&v, q->hashes[0], q->texts[0]));
}

PG_FUNCTION_INFO_V1(jobprofile_has_any_skill);
Datum
jobprofile_has_any_skill(PG_FUNCTION_ARGS)
{
	const JpSkillQuery *q = jp_query_cached(fcinfo, true);
	int			i;

	JP_GET_SKILL_VIEW(v);
	for (i = 0; i < q->nskills; i++)
	{
		if (jp_view_has_skill(&v, q->hashes[i], q->texts[i]))
			PG_RETURN_BOOL(true);
	}
	PG_RETURN_BOOL(false);
}

PG_FUNCTION_INFO_V1(jobprofile_has_all_skills);
Datum
jobprofile_has_all_skills(PG_FUNCTION_ARGS)
{
	const JpSkillQuery *q = jp_query_cached(fcinfo, true);
	int			i;

	JP_GET_SKILL_VIEW(v);
	/* more distinct skills than the profile holds: cannot all be there */
	if (q->nskills > v.h.nskills)
		PG_RETURN_BOOL(false);
	for (i = 0; i < q->nskills; i++)
	{
		if (!jp_view_has_skill(&v, q->hashes[i], q->texts[i]))
			PG_RETURN_BOOL(false);
	}
	PG_RETURN_BOOL(true);
}

/*
 * GIN support
 */

/* A folded skill as an index key */
static Datum
jp_skill_key(const char *text)
{
	Size		len = strlen(text);
	bytea	   *key = palloc(VARHDRSZ + len);

	SET_VARSIZE(key, VARHDRSZ + len);
	memcpy(VARDATA(key), text, len);
	return PointerGetDatum(key);
}

/* A profile's keys: its skills (none for a profile without skills) */
PG_FUNCTION_INFO_V1(jobprofile_gin_extract_value);
Datum
jobprofile_gin_extract_value(PG_FUNCTION_ARGS)
{
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	Datum	   *entries = NULL;
	const char *t;
	int			i;

	JP_GET_SKILL_VIEW(v);
	*nentries = v.h.nskills;
	if (v.h.nskills > 0)
	{
		entries = palloc(sizeof(Datum) * v.h.nskills);
		t = v.texts;
		for (i = 0; i < v.h.nskills; i++)
		{
			entries[i] = jp_skill_key(t);
			t += strlen(t) + 1;
		}
	}
	PG_RETURN_POINTER(entries);
}

/*
 * A query's keys: its distinct skills, folded.  A skill no profile can hold
 * (empty or too long after folding) is no key: ? and ?& with one match
 * nothing, ?| leaves it out.  ?| with no skill left matches nothing (no key,
 * default mode); ?& with no skill at all matches every non-NULL profile
 * (GIN_SEARCH_MODE_ALL).
 */
PG_FUNCTION_INFO_V1(jobprofile_gin_extract_query);
Datum
jobprofile_gin_extract_query(PG_FUNCTION_ARGS)
{
	Datum		query = PG_GETARG_DATUM(0);
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	JpSkillQuery q;
	Datum	   *entries;
	int			n = 0;
	int			i;

	if (strategy == JP_STRATEGY_HAS_SKILL)
		jp_query_build(&q, query, false);
	else if (strategy == JP_STRATEGY_HAS_ANY || strategy == JP_STRATEGY_HAS_ALL)
		jp_query_build(&q, query, true);
	else
		elog(ERROR, "unrecognized strategy number: %d", strategy);

	*nentries = 0;
	if (q.nskills == 0)
	{
		if (strategy == JP_STRATEGY_HAS_ALL)
			*searchMode = GIN_SEARCH_MODE_ALL;
		PG_RETURN_POINTER(NULL);
	}
	entries = palloc(sizeof(Datum) * q.nskills);
	for (i = 0; i < q.nskills; i++)
	{
		Size		len = strlen(q.texts[i]);

		if (len == 0 || len > JOBPROFILE_MAX_SKILL_LEN)
		{
			if (strategy == JP_STRATEGY_HAS_ANY)
				continue;
			/* no row can match */
			PG_RETURN_POINTER(NULL);
		}
		entries[n++] = jp_skill_key(q.texts[i]);
	}
	*nentries = n;
	PG_RETURN_POINTER(n > 0 ? entries : NULL);
}

/* Does the row match, given which query keys (skills) it has?  Exact. */
PG_FUNCTION_INFO_V1(jobprofile_gin_consistent);
Datum
jobprofile_gin_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);
	int			i;

	*recheck = false;
	if (strategy == JP_STRATEGY_HAS_ALL)
	{
		for (i = 0; i < nkeys; i++)
		{
			if (!check[i])
				PG_RETURN_BOOL(false);
		}
		PG_RETURN_BOOL(true);
	}
	/* ? and ?|: one skill present is enough */
	for (i = 0; i < nkeys; i++)
	{
		if (check[i])
			PG_RETURN_BOOL(true);
	}
	PG_RETURN_BOOL(false);
}

/* The same in three values: ?& is an AND of its keys, ? and ?| an OR */
PG_FUNCTION_INFO_V1(jobprofile_gin_triconsistent);
Datum
jobprofile_gin_triconsistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	GinTernaryValue result;
	int			i;

	if (strategy == JP_STRATEGY_HAS_ALL)
	{
		result = GIN_TRUE;
		for (i = 0; i < nkeys; i++)
		{
			if (check[i] == GIN_FALSE)
				PG_RETURN_GIN_TERNARY_VALUE(GIN_FALSE);
			if (check[i] == GIN_MAYBE)
				result = GIN_MAYBE;
		}
	}
	else
	{
		result = GIN_FALSE;
		for (i = 0; i < nkeys; i++)
		{
			if (check[i] == GIN_TRUE)
				PG_RETURN_GIN_TERNARY_VALUE(GIN_TRUE);
			if (check[i] == GIN_MAYBE)
				result = GIN_MAYBE;
		}
	}
	PG_RETURN_GIN_TERNARY_VALUE(result);
}

/*
 * Planner support for has_skill, has_any_skill and has_all_skills: a call
 * with the indexed profile first and a skill argument that is constant for
 * the scan becomes the operator the index answers (exactly, so not lossy).
 */
PG_FUNCTION_INFO_V1(jobprofile_skill_support);
Datum
jobprofile_skill_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);
	SupportRequestIndexCondition *req;
	static const StrategyNumber strategies[] = {
		JP_STRATEGY_HAS_SKILL, JP_STRATEGY_HAS_ANY, JP_STRATEGY_HAS_ALL
	};
	List	   *args;
	Node	   *skills;
	Oid			righttype;
	int			i;

	if (!IsA(rawreq, SupportRequestIndexCondition))
		PG_RETURN_POINTER(NULL);
	req = (SupportRequestIndexCondition *) rawreq;
	if (!is_funcclause(req->node) || req->indexarg != 0)
		PG_RETURN_POINTER(NULL);
	args = ((FuncExpr *) req->node)->args;
	if (list_length(args) != 2)
		PG_RETURN_POINTER(NULL);
	skills = (Node *) lsecond(args);
	if (!is_pseudo_constant_for_index(req->root, skills, req->index))
		PG_RETURN_POINTER(NULL);
	righttype = exprType(skills);
	for (i = 0; i < (int) lengthof(strategies); i++)
	{
		Oid			opno = get_opfamily_member(req->opfamily, exprType(linitial(args)),
											   righttype, strategies[i]);

		if (OidIsValid(opno) && get_opcode(opno) == req->funcid)
		{
			req->lossy = false;
			PG_RETURN_POINTER(list_make1(make_opclause(opno, BOOLOID, false,
													   (Expr *) linitial(args),
													   (Expr *) skills,
													   InvalidOid,
													   ((FuncExpr *) req->node)->inputcollid)));
		}
	}
	PG_RETURN_POINTER(NULL);
}
