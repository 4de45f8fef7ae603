/*
 * topk.c
 *		The topk(id bigint, score real, k integer) aggregate and its state
 *		type topk_state: the k best (id, score) pairs, best first, ties by
 *		smaller id.
 *
 * The state is a real type, not internal, so Citus can split the aggregate
 * across nodes and ship partial states as text (see DESIGN.md).  It is a
 * varlena holding a binary heap with the worst kept pair at the root; the
 * transition and combine functions update it in place inside the aggregate
 * context and grow it by doubling up to k.  Text and binary input are
 * validated by the same checks, since states may arrive over the network.
 *
 * Scores compare like real in ORDER BY: NaN above everything.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "common/shortest_dec.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

#include "jobs_ext.h"

#define TOPK_VERSION	1
#define TOPK_MAX_K		100000
#define TOPK_MIN_CAPACITY 8

typedef struct TopKEntry
{
	int64		id;
	float4		score;
	int32		pad;			/* zero */
} TopKEntry;

typedef struct TopKState
{
	int32		vl_len_;
	uint8		version;
	uint8		pad[3];
	int32		k;
	int32		n;
	TopKEntry	entries[FLEXIBLE_ARRAY_MEMBER];
} TopKState;

#define TOPK_SIZE(cap)		(offsetof(TopKState, entries) + (Size) (cap) * sizeof(TopKEntry))
#define TOPK_CAPACITY(st)	((int) ((VARSIZE(st) - offsetof(TopKState, entries)) / sizeof(TopKEntry)))

/*
 * Any stored state, detoasted (a copy of its own when asked); one this build
 * cannot read stops here.
 */
static TopKState *
topk_detoast(Datum d, bool copy)
{
	TopKState  *st = (TopKState *) (copy ? PG_DETOAST_DATUM_COPY(d) : PG_DETOAST_DATUM(d));

	if (VARSIZE(st) < offsetof(TopKState, entries) || st->version != TOPK_VERSION ||
		st->n < 0 || TOPK_SIZE(st->n) > VARSIZE(st))
		jobs_ext_unsupported_version("topk_state", VARSIZE(st) > VARHDRSZ ? st->version : -1,
									 TOPK_VERSION, VARSIZE(st));
	return st;
}

/* -1, 0, 1 like float4 in ORDER BY (NaN largest) */
static inline int
topk_score_cmp(float4 a, float4 b)
{
	if (isnan(a))
		return isnan(b) ? 0 : 1;
	if (isnan(b))
		return -1;
	return (a > b) - (a < b);
}

/* is a better than b: higher score, then smaller id */
static inline bool
topk_better(const TopKEntry *a, const TopKEntry *b)
{
	int			c = topk_score_cmp(a->score, b->score);

	return c > 0 || (c == 0 && a->id < b->id);
}

static void
topk_sift_down(TopKEntry *h, int n, int i)
{
	for (;;)
	{
		int			l = 2 * i + 1,
					r = l + 1,
					worst = i;
		TopKEntry	tmp;

		if (l < n && topk_better(&h[worst], &h[l]))
			worst = l;
		if (r < n && topk_better(&h[worst], &h[r]))
			worst = r;
		if (worst == i)
			return;
		tmp = h[i];
		h[i] = h[worst];
		h[worst] = tmp;
		i = worst;
	}
}

static void
topk_sift_up(TopKEntry *h, int i)
{
	while (i > 0)
	{
		int			parent = (i - 1) / 2;
		TopKEntry	tmp;

		if (!topk_better(&h[parent], &h[i]))
			return;
		tmp = h[i];
		h[i] = h[parent];
		h[parent] = tmp;
		i = parent;
	}
}

/* Check k; reported with code through escontext, false after a soft error */
static bool
topk_check_k(int64 k, int code, Node *escontext)
{
	if (k < 1 || k > TOPK_MAX_K)
		JOBS_EXT_INPUT_ERROR(escontext, false,
							 (errcode(code),
							  errmsg("topk k must be between 1 and %d, not " INT64_FORMAT, TOPK_MAX_K, k)));
	return true;
}

/* A new state of the given capacity in cxt */
static TopKState *
topk_new(MemoryContext cxt, int32 k, int cap)
{
	TopKState  *st;

	Assert(cap >= 0 && cap <= TOPK_MAX_K);
	st = MemoryContextAllocZero(cxt, TOPK_SIZE(cap));
	SET_VARSIZE(st, TOPK_SIZE(cap));
	st->version = TOPK_VERSION;
	st->k = k;
	st->n = 0;
	return st;
}

/*
 * Add a pair to st, in place when there is room; when the state must grow,
 * a new copy is made in cxt and returned (the old one is the caller's: in
 * an aggregate, nodeAgg frees it).
 */
static TopKState *
topk_add(TopKState *st, MemoryContext cxt, int64 id, float4 score)
{
	TopKEntry	e;

	e.id = id;
	e.score = score;
	e.pad = 0;
	if (st->n < st->k)
	{
		if (st->n >= TOPK_CAPACITY(st))
		{
			int			cap = Min(Max(TOPK_MIN_CAPACITY, 2 * TOPK_CAPACITY(st)), st->k);
			TopKState  *bigger = topk_new(cxt, st->k, cap);

			bigger->n = st->n;
			memcpy(bigger->entries, st->entries, sizeof(TopKEntry) * st->n);
			st = bigger;
		}
		st->entries[st->n] = e;
		topk_sift_up(st->entries, st->n);
		st->n++;
	}
	else if (topk_better(&e, &st->entries[0]))
	{
		st->entries[0] = e;
		topk_sift_down(st->entries, st->n, 0);
	}
	return st;
}

/*
 * Validate a state that came from outside and restore the heap order;
 * problems are reported with code through escontext, false after a soft
 * error.
 */
static bool
topk_validate(TopKState *st, int code, Node *escontext)
{
	int			i;

	if (st->version != TOPK_VERSION)
		JOBS_EXT_INPUT_ERROR(escontext, false,
							 (errcode(code),
							  errmsg("invalid topk_state: unknown version %d", st->version)));
	if (!topk_check_k(st->k, code, escontext))
		return false;
	if (st->n < 0 || st->n > st->k || st->n > TOPK_CAPACITY(st))
		JOBS_EXT_INPUT_ERROR(escontext, false,
							 (errcode(code),
							  errmsg("invalid topk_state: %d pairs for k = %d", st->n, st->k)));
	for (i = st->n / 2 - 1; i >= 0; i--)
		topk_sift_down(st->entries, st->n, i);
	return true;
}

/* The pairs best first, in a palloc'd array */
static TopKEntry *
topk_sorted(const TopKState *st)
{
	TopKEntry  *out = palloc(sizeof(TopKEntry) * Max(st->n, 1));
	TopKEntry  *heap = palloc(sizeof(TopKEntry) * Max(st->n, 1));
	int			n = st->n;
	int			i;

	memcpy(heap, st->entries, sizeof(TopKEntry) * n);
	/* pop the worst repeatedly, filling from the back */
	for (i = n - 1; i >= 0; i--)
	{
		out[i] = heap[0];
		heap[0] = heap[i];
		topk_sift_down(heap, i, 0);
	}
	pfree(heap);
	return out;
}

/* ---------------------------------------------------------------------
 * I/O.  Text: "k=5 {(12,0.9),(7,0.8)}", best first; "k=5 {}" when empty.
 * Binary: uint8 version, int32 k, int32 n, n x (int64 id, float4 score).
 * ---------------------------------------------------------------------
 */

#define TOPK_SYNTAX(escontext, str, detail) \
	JOBS_EXT_INPUT_ERROR(escontext, (Datum) 0, \
						 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION), \
						  errmsg("invalid input syntax for type %s: \"%s\"", "topk_state", str), \
						  errdetail(detail)))

PG_FUNCTION_INFO_V1(topk_state_in);
Datum
topk_state_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	Node	   *escontext = NULL;
	const char *p = str;
	char	   *end;
	long		k;
	TopKState  *st;

#if PG_VERSION_NUM >= 160000
	escontext = fcinfo->context;
#endif
	while (isspace((unsigned char) *p))
		p++;
	if (strncmp(p, "k=", 2) != 0)
		TOPK_SYNTAX(escontext, str, "A topk_state starts with k=.");
	p += 2;
	errno = 0;
	k = strtol(p, &end, 10);
	if (end == p || errno != 0)
		TOPK_SYNTAX(escontext, str, "k must be an integer.");
	if (!topk_check_k(k, ERRCODE_INVALID_TEXT_REPRESENTATION, escontext))
		PG_RETURN_NULL();
	p = end;
	st = topk_new(CurrentMemoryContext, (int32) k, Min((int32) k, TOPK_MIN_CAPACITY));
	while (isspace((unsigned char) *p))
		p++;
	if (*p++ != '{')
		TOPK_SYNTAX(escontext, str, "Expected \"{\" after k.");
	while (isspace((unsigned char) *p))
		p++;
	if (*p == '}')
		p++;
	else
	{
		for (;;)
		{
			int64		id;
			float4		score;

			while (isspace((unsigned char) *p))
				p++;
			if (*p++ != '(')
				TOPK_SYNTAX(escontext, str, "Expected \"(\" before a pair.");
			errno = 0;
			id = strtoll(p, &end, 10);
			if (end == p || errno != 0)
				TOPK_SYNTAX(escontext, str, "An id must be a bigint.");
			p = end;
			if (*p++ != ',')
				TOPK_SYNTAX(escontext, str, "Expected \",\" after an id.");
			errno = 0;
			score = strtof(p, &end);
			/* ERANGE for a subnormal score is no error: output prints those (as float4in) */
			if (end == p || (errno != 0 && !isinf(score) && score == 0.0f))
				TOPK_SYNTAX(escontext, str, "A score must be a real.");
			p = end;
			if (*p++ != ')')
				TOPK_SYNTAX(escontext, str, "Expected \")\" after a score.");
			if (st->n >= st->k)
				TOPK_SYNTAX(escontext, str, "More pairs than k.");
			st = topk_add(st, CurrentMemoryContext, id, score);
			while (isspace((unsigned char) *p))
				p++;
			if (*p == ',')
			{
				p++;
				continue;
			}
			if (*p++ != '}')
				TOPK_SYNTAX(escontext, str, "Expected \",\" or \"}\" after a pair.");
			break;
		}
	}
	while (isspace((unsigned char) *p))
		p++;
	if (*p != '\0')
		TOPK_SYNTAX(escontext, str, "Junk after \"}\".");
	if (!topk_validate(st, ERRCODE_INVALID_TEXT_REPRESENTATION, escontext))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(topk_state_out);
Datum
topk_state_out(PG_FUNCTION_ARGS)
{
	TopKState  *st = topk_detoast(PG_GETARG_DATUM(0), false);
	TopKEntry  *sorted = topk_sorted(st);
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfo(&buf, "k=%d {", st->k);
	for (i = 0; i < st->n; i++)
	{
		char		tmp[32];

		float_to_shortest_decimal_buf(sorted[i].score, tmp);
		appendStringInfo(&buf, "%s(" INT64_FORMAT ",%s)", i > 0 ? "," : "",
						 sorted[i].id, tmp);
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(topk_state_recv);
Datum
topk_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version,
				k,
				n,
				i;
	TopKState  *st;

	if (buf->len - buf->cursor < 9)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external topk_state value: truncated")));
	version = pq_getmsgint(buf, 1);
	k = pq_getmsgint(buf, 4);
	n = pq_getmsgint(buf, 4);
	if (version != TOPK_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external topk_state value: unknown version %d", version)));
	topk_check_k(k, ERRCODE_INVALID_BINARY_REPRESENTATION, NULL);
	if (n < 0 || n > k)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external topk_state value: %d pairs for k = %d", n, k)));
	if ((int64) (buf->len - buf->cursor) != (int64) n * 12)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external topk_state value: %d bytes for %d pairs",
						buf->len - buf->cursor, n)));
	st = topk_new(CurrentMemoryContext, k, n);
	for (i = 0; i < n; i++)
	{
		st->entries[i].id = pq_getmsgint64(buf);
		st->entries[i].score = pq_getmsgfloat4(buf);
	}
	st->n = n;
	topk_validate(st, ERRCODE_INVALID_BINARY_REPRESENTATION, NULL);
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(topk_state_send);
Datum
topk_state_send(PG_FUNCTION_ARGS)
{
	TopKState  *st = topk_detoast(PG_GETARG_DATUM(0), false);
	TopKEntry  *sorted = topk_sorted(st);
	StringInfoData buf;
	int			i;

	pq_begintypsend(&buf);
	pq_sendint8(&buf, TOPK_VERSION);
	pq_sendint32(&buf, st->k);
	pq_sendint32(&buf, st->n);
	for (i = 0; i < st->n; i++)
	{
		pq_sendint64(&buf, sorted[i].id);
		pq_sendfloat4(&buf, sorted[i].score);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* The binary form as bytea, decoded */
PG_FUNCTION_INFO_V1(topk_state_from_binary);
Datum
topk_state_from_binary(PG_FUNCTION_ARGS)
{
	return jobs_ext_recv_bytea(topk_state_recv, PG_GETARG_BYTEA_PP(0), "topk_state");
}

/* ---------------------------------------------------------------------
 * The aggregate
 * ---------------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(topk_transfn);
Datum
topk_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	TopKState  *st;
	int32		k;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "topk_transfn called in non-aggregate context");
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	k = PG_GETARG_INT32(3);
	if (PG_ARGISNULL(0))
	{
		topk_check_k(k, ERRCODE_INVALID_PARAMETER_VALUE, NULL);
		st = topk_new(aggcxt, k, Min(k, TOPK_MIN_CAPACITY));
	}
	else
	{
		/* our own state in the aggregate context: updated in place */
		st = (TopKState *) PG_GETARG_POINTER(0);
		if (k != st->k)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("topk k must be the same in every row (%d, then %d)", st->k, k)));
	}
	st = topk_add(st, aggcxt, PG_GETARG_INT64(1), PG_GETARG_FLOAT4(2));
	PG_RETURN_POINTER(st);
}

PG_FUNCTION_INFO_V1(topk_combine);
Datum
topk_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	bool		inagg = AggCheckCallContext(fcinfo, &aggcxt) != 0;
	TopKState  *st;
	TopKState  *other;
	int			i;

	if (!inagg)
		aggcxt = CurrentMemoryContext;
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	other = topk_detoast(PG_GETARG_DATUM(1), false);
	if (PG_ARGISNULL(0))
	{
		st = topk_new(aggcxt, other->k, Max(other->n, Min(other->k, TOPK_MIN_CAPACITY)));
		memcpy(st->entries, other->entries, sizeof(TopKEntry) * other->n);
		st->n = other->n;
		PG_RETURN_POINTER(st);
	}
	/* in an aggregate the first state is ours, else it is not ours to change */
	if (inagg)
		st = (TopKState *) PG_GETARG_POINTER(0);
	else
		st = topk_detoast(PG_GETARG_DATUM(0), true);
	if (st->k != other->k)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot combine topk states with k = %d and k = %d", st->k, other->k)));
	for (i = 0; i < other->n; i++)
		st = topk_add(st, aggcxt, other->entries[i].id, other->entries[i].score);
	PG_RETURN_POINTER(st);
}

/*
 * The pairs best first, as topk_item[] (the function's declared result).
 * The element type comes from the function's own pg_proc row, not from the
 * call's expression tree: a caller such as Citus's combine step invokes the
 * final function through an FmgrInfo that has no fn_expr.  It is looked up
 * once per FmgrInfo.
 */
PG_FUNCTION_INFO_V1(topk_final);
Datum
topk_final(PG_FUNCTION_ARGS)
{
	TopKState  *st;
	TopKEntry  *sorted;
	Oid		   *cached_itemtype = (Oid *) fcinfo->flinfo->fn_extra;
	Oid			itemtype;
	TupleDesc	td;
	Datum	   *items;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	int			i;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = topk_detoast(PG_GETARG_DATUM(0), false);
	if (cached_itemtype == NULL)
	{
		itemtype = get_element_type(get_func_rettype(fcinfo->flinfo->fn_oid));
		if (!OidIsValid(itemtype) || !type_is_rowtype(itemtype))
			elog(ERROR, "topk_final must return an array of topk_item");
		cached_itemtype = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(Oid));
		*cached_itemtype = itemtype;
		fcinfo->flinfo->fn_extra = cached_itemtype;
	}
	itemtype = *cached_itemtype;
	td = lookup_rowtype_tupdesc(itemtype, -1);
	sorted = topk_sorted(st);
	items = palloc(sizeof(Datum) * Max(st->n, 1));
	for (i = 0; i < st->n; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = Int64GetDatum(sorted[i].id);
		values[1] = Float4GetDatum(sorted[i].score);
		items[i] = HeapTupleGetDatum(heap_form_tuple(td, values, nulls));
	}
	ReleaseTupleDesc(td);
	get_typlenbyvalalign(itemtype, &typlen, &typbyval, &typalign);
	PG_RETURN_ARRAYTYPE_P(construct_array(items, st->n, itemtype, typlen, typbyval, typalign));
}

/* ---------------------------------------------------------------------
 * Comparison and hashing (the btree and hash operator classes)
 *
 * The bytes of a state are not canonical: its pairs are kept as a heap,
 * whose layout depends on the order they came in, and its capacity on how
 * it grew.  Two states are equal when they have the same k and the same
 * pairs, each as often (a multiset), with scores compared as real compares
 * them (-0 = 0, NaN = NaN): exactly when they have the same k and
 * topk_final() gives equal arrays.
 *
 * Order: by k; then the pairs best first (as topk_final() lists them),
 * compared one by one as topk_item values compare, by id and then score;
 * when one list is a prefix of the other, the shorter first.  That is,
 * within a k, as the arrays topk_final() returns compare.
 *
 * The hash is a sum over the pairs, which does not depend on their order,
 * so it needs no sort.
 * ---------------------------------------------------------------------
 */

/* qsort order of topk_final: best first (higher score, then smaller id) */
static int
topk_entry_best_first(const void *a, const void *b)
{
	const TopKEntry *ea = (const TopKEntry *) a;
	const TopKEntry *eb = (const TopKEntry *) b;
	int			c = topk_score_cmp(eb->score, ea->score);

	if (c != 0)
		return c;
	return (ea->id > eb->id) - (ea->id < eb->id);
}

/* The first n pairs of st, best first, in scratch (room for n) */
static const TopKEntry *
topk_best_first(const TopKState *st, TopKEntry *scratch)
{
	if (st->n <= 1)
		return st->entries;
	memcpy(scratch, st->entries, sizeof(TopKEntry) * st->n);
	qsort(scratch, st->n, sizeof(TopKEntry), topk_entry_best_first);
	return scratch;
}

/*
 * The best pair of a non-empty state, by a scan (the heap keeps the worst at
 * its root, so the best is some leaf; all pairs are scanned so as not to
 * rely on the heap order)
 */
static const TopKEntry *
topk_best(const TopKState *st)
{
	const TopKEntry *best = &st->entries[0];
	int			i;

	for (i = 1; i < st->n; i++)
		if (topk_better(&st->entries[i], best))
			best = &st->entries[i];
	return best;
}

/* eq_only: any non-zero result means "not equal", without ordering */
static int
topk_compare(const TopKState *a, const TopKState *b, bool eq_only)
{
	int			n = Min(a->n, b->n);
	TopKEntry  *scratch;
	const TopKEntry *sa,
			   *sb;
	int			result = 0;
	int			i;

	if (a->k != b->k)
		return a->k < b->k ? -1 : 1;
	if (eq_only && a->n != b->n)
		return 1;
	if (n > 0)
	{
		/* the best pairs, found in one pass, usually decide without a sort */
		const TopKEntry *besta = topk_best(a);
		const TopKEntry *bestb = topk_best(b);

		if (besta->id != bestb->id)
			return besta->id < bestb->id ? -1 : 1;
		result = topk_score_cmp(besta->score, bestb->score);
		if (result != 0)
			return result;
	}
	if (n > 1)
	{
		/* one allocation for both sorted copies */
		scratch = palloc(sizeof(TopKEntry) * (Size) (a->n + b->n));
		sa = topk_best_first(a, scratch);
		sb = topk_best_first(b, scratch + a->n);
		for (i = 0; i < n && result == 0; i++)
		{
			if (sa[i].id != sb[i].id)
				result = sa[i].id < sb[i].id ? -1 : 1;
			else
				result = topk_score_cmp(sa[i].score, sb[i].score);
		}
		pfree(scratch);
	}
	if (result == 0 && a->n != b->n)
		result = a->n < b->n ? -1 : 1;
	return result;
}

static int
topk_compare_args(FunctionCallInfo fcinfo, bool eq_only)
{
	TopKState  *a = topk_detoast(PG_GETARG_DATUM(0), false);
	TopKState  *b = topk_detoast(PG_GETARG_DATUM(1), false);
	int			result = topk_compare(a, b, eq_only);

	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return result;
}

/*
 * Seeded 64-bit hash: k's, combined with the sum of the pairs' hashes, each
 * pair hashed with its score normalised as real's hash normalises it (-0 as
 * 0, every NaN as one NaN).
 */
static uint64
topk_hash_seeded(Datum d, uint64 seed)
{
	TopKState  *st = topk_detoast(d, false);
	uint64		sum = 0;
	uint64		h;
	int			i;

	for (i = 0; i < st->n; i++)
	{
		float4		score = st->entries[i].score;
		struct
		{
			int64		id;
			uint32		score_bits;
			uint32		zero;
		}			pair;

		if (isnan(score))
			score = get_float4_nan();
		else if (score == 0.0f)
			score = 0.0f;
		pair.id = st->entries[i].id;
		memcpy(&pair.score_bits, &score, sizeof(uint32));
		pair.zero = 0;
		sum += DatumGetUInt64(hash_any_extended((const unsigned char *) &pair, sizeof(pair), seed));
	}
	h = hash_combine64(DatumGetUInt64(hash_uint32_extended((uint32) st->k, seed)), sum);
	if ((Pointer) st != DatumGetPointer(d))
		pfree(st);
	return h;
}

PG_FUNCTION_INFO_V1(topk_state_eq);
Datum
topk_state_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(topk_compare_args(fcinfo, true) == 0);
}

PG_FUNCTION_INFO_V1(topk_state_ne);
Datum
topk_state_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(topk_compare_args(fcinfo, true) != 0);
}

PG_FUNCTION_INFO_V1(topk_state_lt);
Datum
topk_state_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(topk_compare_args(fcinfo, false) < 0);
}

PG_FUNCTION_INFO_V1(topk_state_le);
Datum
topk_state_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(topk_compare_args(fcinfo, false) <= 0);
}

PG_FUNCTION_INFO_V1(topk_state_gt);
Datum
topk_state_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(topk_compare_args(fcinfo, false) > 0);
}

PG_FUNCTION_INFO_V1(topk_state_ge);
Datum
topk_state_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(topk_compare_args(fcinfo, false) >= 0);
}

PG_FUNCTION_INFO_V1(topk_state_cmp);
Datum
topk_state_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(topk_compare_args(fcinfo, false));
}

/* The 32-bit hash is the low half of the 64-bit one with seed 0, as PostgreSQL requires */
PG_FUNCTION_INFO_V1(topk_state_hash);
Datum
topk_state_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT32((uint32) topk_hash_seeded(PG_GETARG_DATUM(0), 0));
}

PG_FUNCTION_INFO_V1(topk_state_hash_extended);
Datum
topk_state_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT64(topk_hash_seeded(PG_GETARG_DATUM(0), (uint64) PG_GETARG_INT64(1)));
}
