/*
 * people.c
 *		The peopleset type: an exact set of person numbers (bigint), and the
 *		people(bigint) aggregate that counts distinct people with it.
 *
 * Stored (flat) form: a version byte and the distinct numbers in ascending
 * order, 8 bytes each (TOAST compresses long runs further).  Text form lists
 * them in braces with runs of three or more written as a range:
 * {1,2,5..9,12}.  Binary form: version byte, int4 count, the int8 numbers.
 *
 * Aggregate state: the same type, but while the aggregate runs it is a
 * read-write expanded object living in a child context of the aggregate
 * context, so the transition function appends to it in place and the
 * executor never copies it (ExecAggTransReparent keeps an expanded object
 * whose context hangs off the aggregate context).  Whenever the executor
 * needs the value as bytes (a parallel worker handing its partial state to
 * the leader, a final function, Citus printing it as text) PostgreSQL
 * flattens it through the methods below, which sort and de-duplicate first,
 * so every flat value and every serialised form is normalised and
 * deterministic.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "nodes/execnodes.h"
#include "port/pg_bitutils.h"
#include "utils/builtins.h"
#include "utils/expandeddatum.h"
#include "utils/memutils.h"

#include "jobs_ext.h"
#include "people.h"

/*----------------------------------------------------------------------------
 * Text form of a list of numbers, shared with catstats.c
 *----------------------------------------------------------------------------
 */

void
peopleset_write_list(StringInfo buf, const int64 *keys, int32 n)
{
	int32		i = 0;

	appendStringInfoChar(buf, '{');
	while (i < n)
	{
		int32		j = i;

		while (j + 1 < n && keys[j] < PG_INT64_MAX && keys[j + 1] == keys[j] + 1)
			j++;
		if (i > 0)
			appendStringInfoChar(buf, ',');
		if (j - i >= 2)
		{
			appendStringInfo(buf, INT64_FORMAT ".." INT64_FORMAT, keys[i], keys[j]);
			i = j + 1;
		}
		else
		{
			appendStringInfo(buf, INT64_FORMAT, keys[i]);
			i++;
		}
	}
	appendStringInfoChar(buf, '}');
}

/* Parse one signed integer at *pp; false when there is none or it overflows */
static bool
peopleset_parse_int(const char **pp, int64 *result)
{
	const char *p = *pp;
	bool		neg = false;
	uint64		v = 0;

	if (*p == '-' || *p == '+')
		neg = (*p++ == '-');
	if (!isdigit((unsigned char) *p))
		return false;
	while (isdigit((unsigned char) *p))
	{
		int			d = *p++ - '0';

		if (v > (UINT64CONST(1) << 63) / 10 ||
			v * 10 + d > (UINT64CONST(1) << 63) - (neg ? 0 : 1))
			return false;
		v = v * 10 + d;
	}
	*pp = p;
	*result = neg ? (int64) (0 - v) : (int64) v;
	return true;
}

#define PEOPLE_LIST_HINT \
	"Write a set as {} or as ascending numbers and ranges in braces, e.g. {1,2,5..9}."

/*
 * Parse "{1,2,5..9}" at *pp into a palloc'd array of ascending distinct keys;
 * *pp is left after the closing brace.  Returns false after a soft error.
 */
bool
peopleset_parse_list(const char **pp, const char *typname, const char *input,
					 int64 **keys, int32 *n, Node *escontext)
{
	const char *p = *pp;
	int32		cap = 16;
	int32		count = 0;
	int64	   *out;

	while (isspace((unsigned char) *p))
		p++;
	if (*p != '{')
		JOBS_EXT_INPUT_ERROR(escontext, false,
							 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							  errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
							  errdetail("Expected \"{\" at \"%s\".", p),
							  errhint(PEOPLE_LIST_HINT)));
	p++;
	out = palloc(sizeof(int64) * cap);
	while (isspace((unsigned char) *p))
		p++;
	if (*p != '}')
	{
		for (;;)
		{
			int64		lo,
						hi;
			uint64		span;

			while (isspace((unsigned char) *p))
				p++;
			if (!peopleset_parse_int(&p, &lo))
				JOBS_EXT_INPUT_ERROR(escontext, false,
									 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
									  errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
									  errdetail("Expected a bigint at \"%s\".", p),
									  errhint(PEOPLE_LIST_HINT)));
			hi = lo;
			while (isspace((unsigned char) *p))
				p++;
			if (p[0] == '.' && p[1] == '.')
			{
				p += 2;
				while (isspace((unsigned char) *p))
					p++;
				if (!peopleset_parse_int(&p, &hi) || hi <= lo)
					JOBS_EXT_INPUT_ERROR(escontext, false,
										 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
										  errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
										  errdetail("A range needs a bigint upper bound above its lower bound, at \"%s\".", p),
										  errhint(PEOPLE_LIST_HINT)));
			}
			if (count > 0 && lo <= out[count - 1])
				JOBS_EXT_INPUT_ERROR(escontext, false,
									 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
									  errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
									  errdetail("Numbers must be ascending and distinct: " INT64_FORMAT " follows " INT64_FORMAT ".",
												lo, out[count - 1]),
									  errhint(PEOPLE_LIST_HINT)));
			span = (uint64) hi - (uint64) lo;
			if (span >= (uint64) (PEOPLEKEYS_MAX_KEYS - count))
				JOBS_EXT_INPUT_ERROR(escontext, false,
									 (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
									  errmsg("too many distinct people in one %s value", typname),
									  errdetail("A set holds at most %d distinct keys.", PEOPLEKEYS_MAX_KEYS)));
			if ((uint64) count + span + 1 > (uint64) cap)
			{
				uint64		newcap = Max((uint64) cap * 2, (uint64) count + span + 1);

				if (newcap > (uint64) PEOPLEKEYS_MAX_KEYS)
					newcap = PEOPLEKEYS_MAX_KEYS;
				cap = (int32) newcap;
				out = repalloc(out, sizeof(int64) * (Size) cap);
			}
			for (;;)
			{
				out[count++] = lo;
				if (lo == hi)
					break;
				lo++;
			}
			while (isspace((unsigned char) *p))
				p++;
			if (*p == ',')
			{
				p++;
				continue;
			}
			if (*p == '}')
				break;
			JOBS_EXT_INPUT_ERROR(escontext, false,
								 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
								  errmsg("invalid input syntax for type %s: \"%s\"", typname, input),
								  errdetail("Expected \",\" or \"}\" at \"%s\".", p),
								  errhint(PEOPLE_LIST_HINT)));
		}
	}
	*pp = p + 1;
	*keys = out;
	*n = count;
	return true;
}

/*----------------------------------------------------------------------------
 * Expanded (aggregate-state) form
 *----------------------------------------------------------------------------
 */

typedef struct ExpandedPeopleSet
{
	/* hdr and owner first, as AggExpandedState (people.h) */
	ExpandedObjectHeader hdr;
	void	   *owner;			/* the AggState whose transition made it */
	PeopleKeys	set;
	bool		flat_bitmap;	/* flattens to version 2 (set by get_flat_size) */
} ExpandedPeopleSet;

StaticAssertDecl(offsetof(ExpandedPeopleSet, owner) == offsetof(AggExpandedState, owner),
				 "ExpandedPeopleSet must start as AggExpandedState");

static Size peopleset_get_flat_size(ExpandedObjectHeader *eohptr);
static void peopleset_flatten_into(ExpandedObjectHeader *eohptr,
								   void *result, Size allocated_size);

static const ExpandedObjectMethods peopleset_methods = {
	peopleset_get_flat_size,
	peopleset_flatten_into
};

/*
 * Compacting does not change the set, so it is allowed on read-only values.
 * Its scratch memory is taken from the set's own context: the caller's may
 * not support pfree (PostgreSQL 17 forms a sort's tuples in a bump context).
 */
static Size
peopleset_get_flat_size(ExpandedObjectHeader *eohptr)
{
	ExpandedPeopleSet *eps = (ExpandedPeopleSet *) eohptr;
	MemoryContext oldcxt = MemoryContextSwitchTo(eohptr->eoh_context);
	Size		size;

	eps->flat_bitmap = false;
	if (eps->set.bits != NULL && eps->set.hash == NULL)
	{
		/* a bitmap that is smaller than its numbers is handed on as it is */
		peoplekeys_compact(&eps->set);
		if ((Size) eps->set.bits_words <
			pg_popcount((const char *) eps->set.bits, (Size) eps->set.bits_words * 8))
			eps->flat_bitmap = true;
	}
	if (eps->flat_bitmap)
		size = PEOPLESET_BITMAP_HDRSZ +
			sizeof(int64) * ((Size) eps->set.nsorted + eps->set.bits_words);
	else
	{
		peoplekeys_materialize(&eps->set);
		size = PEOPLESET_HDRSZ + sizeof(int64) * (Size) eps->set.nsorted;
	}
	MemoryContextSwitchTo(oldcxt);
	return size;
}

static void
peopleset_flatten_into(ExpandedObjectHeader *eohptr, void *result, Size allocated_size)
{
	ExpandedPeopleSet *eps = (ExpandedPeopleSet *) eohptr;

	Assert(eps->set.nbuf == 0);
	if (eps->flat_bitmap)
	{
		PeopleSetBitmapData *flat = (PeopleSetBitmapData *) result;

		Assert(allocated_size == PEOPLESET_BITMAP_HDRSZ +
			   sizeof(int64) * ((Size) eps->set.nsorted + eps->set.bits_words));
		memset(flat, 0, PEOPLESET_BITMAP_HDRSZ);
		SET_VARSIZE(flat, allocated_size);
		flat->version = PEOPLESET_VERSION_BITMAP;
		flat->nkeys = eps->set.nsorted;
		flat->nwords = eps->set.bits_words;
		flat->base = eps->set.bits_base;
		memcpy(flat->data, eps->set.keys, sizeof(int64) * (Size) eps->set.nsorted);
		memcpy(flat->data + eps->set.nsorted, eps->set.bits,
			   sizeof(uint64) * (Size) eps->set.bits_words);
	}
	else
	{
		PeopleSetData *flat = (PeopleSetData *) result;

		Assert(allocated_size == PEOPLESET_HDRSZ + sizeof(int64) * (Size) eps->set.nsorted);
		memset(flat, 0, PEOPLESET_HDRSZ);
		SET_VARSIZE(flat, allocated_size);
		flat->version = PEOPLESET_VERSION;
		memcpy(flat->keys, eps->set.keys, sizeof(int64) * (Size) eps->set.nsorted);
	}
}

/*
 * A version 2 value, checked: the keys ascending and all below or above the
 * bitmap, the size what the counts say.  Version 2 is not in the text or
 * binary forms, but a stored value may be damaged.
 */
static void
peopleset_bitmap_check(const PeopleSetBitmapData *bm)
{
	const uint64 flip = UINT64CONST(1) << 63;	/* int64 order as uint64 */
	uint64		lo,
				hi;
	int32		i;

	if (VARSIZE(bm) < PEOPLESET_BITMAP_HDRSZ || bm->nkeys < 0 || bm->nwords < 0 ||
		VARSIZE(bm) != PEOPLESET_BITMAP_HDRSZ + sizeof(int64) * ((Size) bm->nkeys + bm->nwords) ||
		!peoplekeys_are_set(bm->data, bm->nkeys))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid peopleset value: damaged version 2 header or keys")));
	lo = (uint64) bm->base ^ flip;
	if ((uint64) bm->nwords * 64 > PG_UINT64_MAX - lo)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid peopleset value: the bitmap runs past the largest bigint")));
	hi = lo + (uint64) bm->nwords * 64;	/* one past the last bit */
	for (i = 0; i < bm->nkeys; i++)
	{
		uint64		k = (uint64) bm->data[i] ^ flip;

		if (k >= lo && k < hi)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("invalid peopleset value: a key lies within the bitmap")));
	}
}

/* A version 2 value as the version 1 list of its numbers */
static PeopleSetData *
peopleset_bitmap_to_list(const PeopleSetBitmapData *bm)
{
	const uint64 *words = (const uint64 *) (bm->data + bm->nkeys);
	int64		total = bm->nkeys;
	PeopleSetData *flat;
	int64		k = 0;
	int32		i = 0;
	int32		w;

	peopleset_bitmap_check(bm);
	total += (int64) pg_popcount((const char *) words, (Size) bm->nwords * 8);
	if (total > PEOPLEKEYS_MAX_KEYS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many distinct people in one set"),
				 errdetail("A set holds at most %d distinct keys.", PEOPLEKEYS_MAX_KEYS)));
	flat = palloc(PEOPLESET_HDRSZ + sizeof(int64) * (Size) total);
	memset(flat, 0, PEOPLESET_HDRSZ);
	SET_VARSIZE(flat, PEOPLESET_HDRSZ + sizeof(int64) * (Size) total);
	flat->version = PEOPLESET_VERSION;
	/* keys below the bitmap, the bitmap, keys above it */
	while (i < bm->nkeys && bm->data[i] < bm->base)
		flat->keys[k++] = bm->data[i++];
	for (w = 0; w < bm->nwords; w++)
	{
		uint64		word = words[w];

		while (word != 0)
		{
			flat->keys[k++] = (int64) ((uint64) bm->base + (uint64) w * 64 +
									   pg_rightmost_one_pos64(word));
			word &= word - 1;
		}
	}
	while (i < bm->nkeys)
		flat->keys[k++] = bm->data[i++];
	Assert(k == total);
	return flat;
}

/* The expanded set behind a datum, if it is one of ours */
static ExpandedPeopleSet *
peopleset_expanded_of(Datum d)
{
	if (VARATT_IS_EXTERNAL_EXPANDED(DatumGetPointer(d)))
	{
		ExpandedObjectHeader *eoh = DatumGetEOHP(d);

		if (eoh->eoh_methods == &peopleset_methods)
			return (ExpandedPeopleSet *) eoh;
	}
	return NULL;
}

/* A flat value, with its version checked */
static PeopleSetData *
peopleset_flat(Datum d)
{
	PeopleSetData *flat = (PeopleSetData *) PG_DETOAST_DATUM(d);

	if (VARSIZE(flat) >= PEOPLESET_HDRSZ && flat->version == PEOPLESET_VERSION_BITMAP)
		return peopleset_bitmap_to_list((PeopleSetBitmapData *) flat);
	if (VARSIZE(flat) < PEOPLESET_HDRSZ || flat->version != PEOPLESET_VERSION ||
		(VARSIZE(flat) - PEOPLESET_HDRSZ) % sizeof(int64) != 0)
		jobs_ext_unsupported_version("peopleset", VARSIZE(flat) > VARHDRSZ ? flat->version : -1,
									 PEOPLESET_VERSION_BITMAP, VARSIZE(flat));
	return flat;
}

/*
 * The distinct keys of any peopleset datum, ascending: read in place from an
 * expanded set (compacted first) or from the flat value.  *copy is set to
 * the detoasted copy the keys live in, if one was made, for callers that
 * free it (comparisons, which a sort calls many times).
 */
static const int64 *
peopleset_read(Datum d, int32 *n, PeopleSetData **copy)
{
	ExpandedPeopleSet *eps = peopleset_expanded_of(d);
	PeopleSetData *flat;

	*copy = NULL;
	if (eps != NULL)
	{
		peoplekeys_materialize(&eps->set);
		*n = eps->set.nsorted;
		return eps->set.keys;
	}
	flat = peopleset_flat(d);
	if ((Pointer) flat != DatumGetPointer(d))
		*copy = flat;
	*n = PEOPLESET_COUNT(flat);
	return flat->keys;
}

static const int64 *
peopleset_keys(Datum d, int32 *n)
{
	PeopleSetData *copy;

	return peopleset_read(d, n, &copy);
}

/*
 * The memory context the expanded states live in: one child context of each
 * aggregate context, shared by all the groups' states, created on first use.
 *
 * The executor keeps an expanded transition value without copying it only if
 * its eoh_context is a child of the aggregate context.  One context per
 * state would do, but hash aggregation sums the memory of the aggregate
 * context and all its children each time it creates a group, which with one
 * child per group is quadratic in the number of groups.  The shared context
 * goes away with the aggregate context's reset; the executor deletes a
 * state's eoh_context only when a transition function returns a different
 * state than it was given, which ours never do once they own the state.
 */
#define PEOPLEKEYS_STATE_CONTEXT "jobs_ext aggregate states"

MemoryContext
peoplekeys_state_context(MemoryContext aggcxt)
{
	MemoryContext c;

	for (c = aggcxt->firstchild; c != NULL; c = c->nextchild)
		if (strcmp(c->name, PEOPLEKEYS_STATE_CONTEXT) == 0)
			return c;
	return AllocSetContextCreate(aggcxt, PEOPLEKEYS_STATE_CONTEXT, ALLOCSET_DEFAULT_SIZES);
}

/* A new, empty expanded set in the state context of aggcxt */
static ExpandedPeopleSet *
peopleset_expanded_new(MemoryContext aggcxt, int32 capacity)
{
	MemoryContext cxt = peoplekeys_state_context(aggcxt);
	MemoryContext oldcxt;
	ExpandedPeopleSet *eps;

	oldcxt = MemoryContextSwitchTo(cxt);
	eps = palloc(sizeof(ExpandedPeopleSet));
	EOH_init_header(&eps->hdr, &peopleset_methods, cxt);
	peoplekeys_init(&eps->set, capacity);
	eps->set.dense_ok = true;
	eps->set.hash_ok = true;
	eps->flat_bitmap = false;
	eps->owner = NULL;
	MemoryContextSwitchTo(oldcxt);
	return eps;
}

/* Add every key of a peopleset datum to an expanded set */
static void
peopleset_add_all(ExpandedPeopleSet *eps, Datum d)
{
	int32		n;
	const int64 *keys;

	if (peopleset_expanded_of(d) == NULL)
	{
		PeopleSetBitmapData *bm = (PeopleSetBitmapData *) PG_DETOAST_DATUM(d);

		if (VARSIZE(bm) >= PEOPLESET_HDRSZ && bm->version == PEOPLESET_VERSION_BITMAP)
		{
			/* a bitmap (a parallel worker's state): its words, not its numbers */
			peopleset_bitmap_check(bm);
			peoplekeys_add_sorted(&eps->set, bm->data, bm->nkeys);
			peoplekeys_add_bitmap(&eps->set, bm->base, (const uint64 *) (bm->data + bm->nkeys),
								  bm->nwords);
			return;
		}
	}
	keys = peopleset_keys(d, &n);
	peoplekeys_add_sorted(&eps->set, keys, n);
}

/*
 * The transition state in argument argno: our own read-write expanded set
 * when it is one already, else a new one (holding a copy of the argument's
 * keys, unless it is NULL) in the aggregate context.
 */
static ExpandedPeopleSet *
peopleset_state(FunctionCallInfo fcinfo, int argno, MemoryContext aggcxt)
{
	ExpandedPeopleSet *eps;
	Datum		d;

	if (PG_ARGISNULL(argno))
		eps = peopleset_expanded_new(aggcxt, PEOPLEKEYS_MIN_CAPACITY);
	else
	{
		d = PG_GETARG_DATUM(argno);
		eps = peopleset_expanded_of(d);
		if (eps != NULL && VARATT_IS_EXTERNAL_EXPANDED_RW(DatumGetPointer(d)) &&
			eps->hdr.eoh_context->parent == aggcxt)
			return eps;
		eps = peopleset_expanded_new(aggcxt, PEOPLEKEYS_MIN_CAPACITY);
		peopleset_add_all(eps, d);
	}

	/*
	 * A state that is handed on serialised (a parallel worker's, or the
	 * leader's own part of a parallel scan) keeps scattered keys sorted as
	 * they come rather than in a hash table: it sees a fraction of the rows
	 * but nearly as many distinct people as the whole, so a table would cost
	 * almost a whole table's growth and still be sorted to be handed on.  On
	 * 10 million rows of 2 million random ids with two workers the query
	 * takes 660 ms so, 760 ms with tables in the workers.
	 */
	if (fcinfo->context != NULL && IsA(fcinfo->context, AggState))
	{
		if (DO_AGGSPLIT_SERIALIZE(((AggState *) fcinfo->context)->aggsplit))
			eps->set.hash_ok = false;
		eps->owner = fcinfo->context;
	}
	return eps;
}

static MemoryContext
peopleset_aggcontext(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "%s called in non-aggregate context", fname);
	return aggcxt;
}

/* A flat peopleset of n ascending distinct keys */
static PeopleSetData *
peopleset_from_keys(const int64 *keys, int32 n)
{
	Size		size = PEOPLESET_HDRSZ + sizeof(int64) * (Size) n;
	PeopleSetData *flat;

	if (n < 0 || n > PEOPLEKEYS_MAX_KEYS)
		elog(ERROR, "invalid peopleset size %d", n);
	flat = palloc0(size);
	SET_VARSIZE(flat, size);
	flat->version = PEOPLESET_VERSION;
	if (n > 0)
		memcpy(flat->keys, keys, sizeof(int64) * (Size) n);
	return flat;
}

/*----------------------------------------------------------------------------
 * I/O
 *----------------------------------------------------------------------------
 */

PG_FUNCTION_INFO_V1(peopleset_in);
Datum
peopleset_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	Node	   *escontext = NULL;
	const char *p = str;
	int64	   *keys;
	int32		n;

#if PG_VERSION_NUM >= 160000
	escontext = fcinfo->context;
#endif
	if (!peopleset_parse_list(&p, "peopleset", str, &keys, &n, escontext))
		PG_RETURN_NULL();
	while (isspace((unsigned char) *p))
		p++;
	if (*p != '\0')
		JOBS_EXT_INPUT_ERROR(escontext, (Datum) 0,
							 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							  errmsg("invalid input syntax for type %s: \"%s\"", "peopleset", str),
							  errdetail("Junk after the closing brace: \"%s\".", p)));
	PG_RETURN_POINTER(peopleset_from_keys(keys, n));
}

PG_FUNCTION_INFO_V1(peopleset_out);
Datum
peopleset_out(PG_FUNCTION_ARGS)
{
	int32		n;
	const int64 *keys = peopleset_keys(PG_GETARG_DATUM(0), &n);
	StringInfoData buf;

	initStringInfo(&buf);
	peopleset_write_list(&buf, keys, n);
	PG_RETURN_CSTRING(buf.data);
}

/*
 * Binary form: version byte, int4 count, count int8 in ascending order.
 * Everything is checked: these bytes may come over the network (Citus).
 */
/*
 * Fail with 22P03, not pq_getmsg*'s protocol-violation error, when the binary
 * form ends early
 */
void
peopleset_need_bytes(StringInfo buf, int nbytes, const char *typname)
{
	if (buf->len - buf->cursor < nbytes)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external %s value: it ends after %d bytes", typname, buf->len)));
}

static PeopleSetData *
peopleset_read_binary(StringInfo buf)
{
	int			version;
	int32		n;
	int64	   *keys;
	int32		i;
	PeopleSetData *flat;

	peopleset_need_bytes(buf, 5, "peopleset");
	version = pq_getmsgbyte(buf);
	if (version != PEOPLESET_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external peopleset value: unsupported version %d", version)));
	n = (int32) pq_getmsgint(buf, 4);
	if (n < 0 || n > PEOPLEKEYS_MAX_KEYS || (int64) n * 8 > buf->len - buf->cursor)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external peopleset value: count %d does not match %d remaining bytes",
						n, buf->len - buf->cursor)));
	flat = palloc0(PEOPLESET_HDRSZ + sizeof(int64) * (Size) n);
	SET_VARSIZE(flat, PEOPLESET_HDRSZ + sizeof(int64) * (Size) n);
	flat->version = PEOPLESET_VERSION;
	keys = flat->keys;
	for (i = 0; i < n; i++)
		keys[i] = (int64) pq_getmsgint64(buf);
	if (!peoplekeys_are_set(keys, n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external peopleset value: numbers are not ascending and distinct")));
	return flat;
}

PG_FUNCTION_INFO_V1(peopleset_recv);
Datum
peopleset_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);

	PG_RETURN_POINTER(peopleset_read_binary(buf));
}

PG_FUNCTION_INFO_V1(peopleset_send);
Datum
peopleset_send(PG_FUNCTION_ARGS)
{
	int32		n;
	const int64 *keys = peopleset_keys(PG_GETARG_DATUM(0), &n);
	StringInfoData buf;
	int32		i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, PEOPLESET_VERSION);
	pq_sendint32(&buf, n);
	for (i = 0; i < n; i++)
		pq_sendint64(&buf, keys[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* peopleset(bytea): the value whose binary form is the bytea, checked as recv does */
PG_FUNCTION_INFO_V1(peopleset_from_bytea);
Datum
peopleset_from_bytea(PG_FUNCTION_ARGS)
{
	return jobs_ext_recv_bytea(peopleset_recv, PG_GETARG_BYTEA_PP(0), "peopleset");
}

/*----------------------------------------------------------------------------
 * Aggregate support
 *----------------------------------------------------------------------------
 */

/* Transition: add one person; NULL is ignored */
PG_FUNCTION_INFO_V1(peopleset_add);
Datum
peopleset_add(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt;
	ExpandedPeopleSet *eps;

	/* the common row: a person added to this aggregate's own set */
	if (!PG_ARGISNULL(1) &&
		(eps = (ExpandedPeopleSet *) agg_expanded_own_state(fcinfo, 0, &peopleset_methods)) != NULL)
	{
		peoplekeys_add(&eps->set, PG_GETARG_INT64(1));
		PG_RETURN_DATUM(EOHPGetRWDatum(&eps->hdr));
	}
	aggcxt = peopleset_aggcontext(fcinfo, "peopleset_add");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	eps = peopleset_state(fcinfo, 0, aggcxt);
	peoplekeys_add(&eps->set, PG_GETARG_INT64(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&eps->hdr));
}

/* Combine (and transition of people_merge): union; NULL on either side is ignored */
PG_FUNCTION_INFO_V1(peopleset_combine);
Datum
peopleset_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = peopleset_aggcontext(fcinfo, "peopleset_combine");
	ExpandedPeopleSet *eps;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	/* the other side is never taken over, only read */
	eps = peopleset_state(fcinfo, 0, aggcxt);
	peopleset_add_all(eps, PG_GETARG_DATUM(1));
	PG_RETURN_DATUM(EOHPGetRWDatum(&eps->hdr));
}

/* Final function of peopleset_agg and people_merge: the flat set, {} for no rows */
PG_FUNCTION_INFO_V1(peopleset_final);
Datum
peopleset_final(PG_FUNCTION_ARGS)
{
	int32		n;
	const int64 *keys;

	if (PG_ARGISNULL(0))
		PG_RETURN_POINTER(peopleset_from_keys(NULL, 0));
	keys = peopleset_keys(PG_GETARG_DATUM(0), &n);
	PG_RETURN_POINTER(peopleset_from_keys(keys, n));
}

/*
 * people(peopleset), cardinality(peopleset), and the final function of
 * people(bigint), where a NULL state (no rows) counts 0 people.
 */
PG_FUNCTION_INFO_V1(peopleset_cardinality);
Datum
peopleset_cardinality(PG_FUNCTION_ARGS)
{
	int32		n;
	ExpandedPeopleSet *eps;

	if (PG_ARGISNULL(0))
		PG_RETURN_INT64(0);
	eps = peopleset_expanded_of(PG_GETARG_DATUM(0));
	if (eps != NULL)
	{
		/* count the bitmap or the table without sorting the set */
		PG_RETURN_INT64(peoplekeys_count(&eps->set));
	}
	(void) peopleset_keys(PG_GETARG_DATUM(0), &n);
	PG_RETURN_INT64((int64) n);
}

/*----------------------------------------------------------------------------
 * Functions on sets
 *----------------------------------------------------------------------------
 */

/* a + b: union of two sets */
PG_FUNCTION_INFO_V1(peopleset_union);
Datum
peopleset_union(PG_FUNCTION_ARGS)
{
	int32		na,
				nb;
	const int64 *a = peopleset_keys(PG_GETARG_DATUM(0), &na);
	const int64 *b = peopleset_keys(PG_GETARG_DATUM(1), &nb);
	int64	   *out = palloc(sizeof(int64) * ((Size) na + nb + 1));
	int32		i = 0,
				j = 0,
				k = 0;

	while (i < na || j < nb)
	{
		if (j >= nb || (i < na && a[i] < b[j]))
			out[k++] = a[i++];
		else if (i >= na || b[j] < a[i])
			out[k++] = b[j++];
		else
		{
			out[k++] = a[i++];
			j++;
		}
	}
	if (k > PEOPLEKEYS_MAX_KEYS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many distinct people in one set"),
				 errdetail("A set holds at most %d distinct keys.", PEOPLEKEYS_MAX_KEYS)));
	PG_RETURN_POINTER(peopleset_from_keys(out, k));
}

/* s @> person: is the person in the set? */
PG_FUNCTION_INFO_V1(peopleset_contains);
Datum
peopleset_contains(PG_FUNCTION_ARGS)
{
	int32		n;
	const int64 *keys = peopleset_keys(PG_GETARG_DATUM(0), &n);
	int64		v = PG_GETARG_INT64(1);
	int32		lo = 0,
				hi = n;

	while (lo < hi)
	{
		int32		mid = lo + (hi - lo) / 2;

		if (keys[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	PG_RETURN_BOOL(lo < n && keys[lo] == v);
}

/*----------------------------------------------------------------------------
 * Comparison and hashing (the btree and hash operator classes)
 *
 * A set's flat form is canonical: its distinct numbers in ascending order,
 * whichever way it was built (text, binary, an aggregate whose state was a
 * bitmap, a combine); an expanded aggregate state is materialized into that
 * form before it is read.  So two sets are equal exactly when their number
 * lists are, and the hash is that of the list.
 *
 * Order: the smaller set first; between sets of the same size, the first
 * number where they differ decides:  {} < {9} < {1,2} < {1,3} < {2,3}.
 *----------------------------------------------------------------------------
 */

/* -1, 0 or 1 as a sorts before, with or after b (fcinfo arguments 0 and 1) */
static int
peopleset_compare_args(FunctionCallInfo fcinfo, bool eq_only)
{
	int32		na,
				nb;
	PeopleSetData *copya,
			   *copyb;
	const int64 *a = peopleset_read(PG_GETARG_DATUM(0), &na, &copya);
	const int64 *b = peopleset_read(PG_GETARG_DATUM(1), &nb, &copyb);
	int			result = 0;

	if (na != nb)
		result = na < nb ? -1 : 1;
	else if (eq_only)
		result = (na > 0 && memcmp(a, b, sizeof(int64) * (Size) na) != 0);
	else
	{
		int32		i;

		for (i = 0; i < na; i++)
			if (a[i] != b[i])
			{
				result = a[i] < b[i] ? -1 : 1;
				break;
			}
	}
	if (copya != NULL)
		pfree(copya);
	if (copyb != NULL)
		pfree(copyb);
	return result;
}

/* Seeded 64-bit hash of a set: that of its ascending numbers */
static uint64
peopleset_hash_seeded(Datum d, uint64 seed)
{
	int32		n;
	PeopleSetData *copy;
	const int64 *keys = peopleset_read(d, &n, &copy);
	uint64		h;

	h = DatumGetUInt64(hash_any_extended((const unsigned char *) keys,
										 (int) (sizeof(int64) * (Size) n), seed));
	if (copy != NULL)
		pfree(copy);
	return h;
}

/* a = b */
PG_FUNCTION_INFO_V1(peopleset_eq);
Datum
peopleset_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(peopleset_compare_args(fcinfo, true) == 0);
}

PG_FUNCTION_INFO_V1(peopleset_ne);
Datum
peopleset_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(peopleset_compare_args(fcinfo, true) != 0);
}

PG_FUNCTION_INFO_V1(peopleset_lt);
Datum
peopleset_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(peopleset_compare_args(fcinfo, false) < 0);
}

PG_FUNCTION_INFO_V1(peopleset_le);
Datum
peopleset_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(peopleset_compare_args(fcinfo, false) <= 0);
}

PG_FUNCTION_INFO_V1(peopleset_gt);
Datum
peopleset_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(peopleset_compare_args(fcinfo, false) > 0);
}

PG_FUNCTION_INFO_V1(peopleset_ge);
Datum
peopleset_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(peopleset_compare_args(fcinfo, false) >= 0);
}

PG_FUNCTION_INFO_V1(peopleset_cmp);
Datum
peopleset_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(peopleset_compare_args(fcinfo, false));
}

/* The 32-bit hash is the low half of the 64-bit one with seed 0, as PostgreSQL requires */
PG_FUNCTION_INFO_V1(peopleset_hash);
Datum
peopleset_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT32((uint32) peopleset_hash_seeded(PG_GETARG_DATUM(0), 0));
}

PG_FUNCTION_INFO_V1(peopleset_hash_extended);
Datum
peopleset_hash_extended(PG_FUNCTION_ARGS)
{
	PG_RETURN_UINT64(peopleset_hash_seeded(PG_GETARG_DATUM(0), (uint64) PG_GETARG_INT64(1)));
}

/* unnest(peopleset): the people in ascending order */
PG_FUNCTION_INFO_V1(peopleset_unnest);
Datum
peopleset_unnest(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	PeopleSetData *flat;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcxt;
		int32		n;
		const int64 *keys;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcxt = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		keys = peopleset_keys(PG_GETARG_DATUM(0), &n);
		funcctx->user_fctx = peopleset_from_keys(keys, n);
		funcctx->max_calls = n;
		MemoryContextSwitchTo(oldcxt);
	}
	funcctx = SRF_PERCALL_SETUP();
	flat = (PeopleSetData *) funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		/* SRF_RETURN_NEXT advances call_cntr before it evaluates its result */
		Datum		result = Int64GetDatum(flat->keys[funcctx->call_cntr]);

		SRF_RETURN_NEXT(funcctx, result);
	}
	SRF_RETURN_DONE(funcctx);
}
