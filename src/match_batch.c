/*
 * match_batch.c
 *		The batch matcher: match_batch() (each seeker's k best postings, or
 *		each posting's k best seekers), match_batch_explain() (the same rows
 *		with match_explain's jsonb) and match_factor_summary() (which factor
 *		decided each top-1 against its runner-up).
 *
 * The result is exactly that of
 *	 SELECT ... ORDER BY match_score(seeker, posting) DESC, other_id LIMIT k
 * for every seeker (or posting), with the same scores: every pair that can
 * enter the top k is scored by the inline kernel of match.h, and a pair is
 * left out only when an upper bound of its score is below the k-th score
 * found so far.
 *
 * How the pairs are skipped, for one outer profile (a seeker, or with
 * by_posting a posting) against the inner side:
 *
 * 1. Skills.  The inner side's skills are in an inverted index (skill hash
 *	  -> inner profiles, sorted), so the skill sums of the outer profile
 *	  against every inner one come from the lists of its own few skills,
 *	  with the same additions in the same (ascending hash) order as the
 *	  pairwise merge of match_skills().  Inner profiles reached this way are
 *	  "touched"; every other one shares no skill and has skills similarity 0.
 *
 * 2. Buckets.  The inner profiles are grouped once into buckets of equal
 *	  occupation code, region code, parts given, target groups and whether
 *	  skills and shifts are given; a bucket also keeps the range of its
 *	  wages, hours, education levels and years of experience and the shift
 *	  sets it holds.  Within a bucket the filter, the total weight and the
 *	  occupation and region similarities (by code; with coordinates on both
 *	  sides the region is bounded by 1) are the same for every member, so
 *	  one evaluation per bucket gives an upper bound of the numerator of the
 *	  factors other than skills for all its members.
 *
 * 3. The touched profiles are bounded one by one (the bucket's bound plus
 *	  their exact skills); those that can beat the k-th score are scored.
 *	  Then the buckets are visited by decreasing bound with skills 0, and
 *	  their untouched members scored, until a bucket's bound is below the
 *	  k-th score: no later one can enter.
 *
 * A bound is compared with the k-th score less an absolute margin of 1e-6,
 * far above the rounding of the double arithmetic (about 1e-15) and of the
 * float4 score (6e-8), so a skipped pair scores below the k-th score, and a
 * pair that ties with it, which may still enter with a smaller id, is
 * always scored.  The ties are broken by id whatever order the candidates
 * come in.
 *
 * Memory, held for the call: per profile of either side its id (8 bytes),
 * a view (104 bytes) and a copy of the stored value (jobprofile_size); per
 * profile of the inner side in addition 16 bytes per skill (the inverted
 * index) and 53 bytes (skill sum 8, touched 4, bound 8, bin 1, sorted 16,
 * bucket 4, order 4, skill weight sum 8); per bucket 272 bytes (the bucket
 * 232, its bound 32, its rank 16); plus a heap of k hits (16 bytes each)
 * and the result rows.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/tuplestore.h"

#include "jobs_ext.h"
#include "jobprofile.h"
#include "match.h"

#define MATCH_MAX_K				100000

/* a bound below the k-th score by more than this cannot enter */
#define MATCH_PRUNE_MARGIN		1e-6

/* touched profiles are scored in this many bins of their bound, best first */
#define MATCH_BOUND_BINS		256

/* below this total weight rounding is not bounded: no pair is skipped */
#define MATCH_PRUNE_MIN_WEIGHT	1e-200

typedef struct MatchSide
{
	int			n;
	int64	   *ids;
	JobProfileView *views;
} MatchSide;

typedef struct MatchHit
{
	float4		score;
	int32		idx;			/* inner profile */
	int64		id;
} MatchHit;

/* One skill of one inner profile, for the inverted index */
typedef struct MatchSkillEntry
{
	uint64		hash;
	int32		idx;			/* inner profile */
	float4		weight;
} MatchSkillEntry;

/* Inner profiles that score alike but for wage, hours, shifts, education, experience and skills */
typedef struct MatchBucket
{
	JobProfileFixed rep;		/* the header of its first member */
	int32		first;			/* members: order[first .. first + count - 1] */
	int32		count;
	int32		wage_min;
	int32		wage_max;
	uint16		hours_min;
	uint16		hours_max;
	uint16		exp_min;
	uint16		exp_max;
	uint8		edu_min;
	uint8		edu_max;
	uint16		shift_values;	/* bit v set when a member's shifts are v */
	double		shift_best[16]; /* by the other side's shifts: the best
								 * shifts similarity of a member */
} MatchBucket;

/* A bucket's bound for the current outer profile */
typedef struct MatchBucketBound
{
	double		num;			/* numerator bound, skills left out */
	double		total;			/* total weight; 0 when every member scores 0 */
	double		inv_total;		/* 1 / total (bounds need not be exact) */
	double		skills_weight;	/* weight of skills, 0 when not both given */
} MatchBucketBound;

typedef struct MatchBucketRank
{
	double		bound;
	int32		bucket;
} MatchBucketRank;

typedef struct MatchBatch
{
	MatchWeights w;
	bool		outer_is_posting;
	MatchSide  *outer;
	MatchSide  *inner;
	int			cap;			/* min(k, inner rows) */
	/* built once */
	MatchSkillEntry *entries;
	int64		nentries;
	MatchBucket *buckets;
	int			nbuckets;
	int32	   *order;			/* inner profiles by bucket */
	int32	   *bucket_of;		/* inner profile -> its bucket */
	double	   *inner_inv_wsum;	/* inner profile -> 1 / its skill weight sum */
	/* per outer profile */
	double	   *skill_sum;		/* 0 for every profile not touched */
	int32	   *touched;
	int			ntouched;
	MatchBucketBound *bounds;
	MatchBucketRank *ranks;
	double	   *touched_bound;
	uint8	   *touched_bin;
	MatchBucketRank *sorted;	/* touched profiles by bound, in bins (the
								 * "bucket" is the profile) */
	int			bin_count[MATCH_BOUND_BINS];
	int			bin_next[MATCH_BOUND_BINS];
	MatchHit   *heap;
	int			nheap;
	/* counters, for the tests of the pruning (DEBUG1) */
	int64		scored;
} MatchBatch;

/* is a a better hit than b: higher score, then smaller id */
static inline bool
match_hit_better(float4 sa, int64 ia, float4 sb, int64 ib)
{
	return sa > sb || (sa == sb && ia < ib);
}

/* min-heap with the worst hit at the root */
static inline void
match_heap_sift_down(MatchHit *heap, int n, int i)
{
	for (;;)
	{
		int			l = 2 * i + 1,
					r = l + 1,
					worst = i;
		MatchHit	tmp;

		if (l < n && match_hit_better(heap[worst].score, heap[worst].id, heap[l].score, heap[l].id))
			worst = l;
		if (r < n && match_hit_better(heap[worst].score, heap[worst].id, heap[r].score, heap[r].id))
			worst = r;
		if (worst == i)
			return;
		tmp = heap[i];
		heap[i] = heap[worst];
		heap[worst] = tmp;
		i = worst;
	}
}

static inline void
match_heap_push(MatchHit *heap, int *n, float4 score, int32 idx, int64 id)
{
	int			i = (*n)++;

	heap[i].score = score;
	heap[i].idx = idx;
	heap[i].id = id;
	while (i > 0)
	{
		int			parent = (i - 1) / 2;
		MatchHit	tmp;

		if (!match_hit_better(heap[parent].score, heap[parent].id, heap[i].score, heap[i].id))
			break;
		tmp = heap[i];
		heap[i] = heap[parent];
		heap[parent] = tmp;
		i = parent;
	}
}

static int
match_hit_cmp(const void *a, const void *b)
{
	const MatchHit *x = a;
	const MatchHit *y = b;

	if (match_hit_better(x->score, x->id, y->score, y->id))
		return -1;
	if (match_hit_better(y->score, y->id, x->score, x->id))
		return 1;
	return 0;
}

/* The jobprofile type's OID: the type of the same name in our schema */
static Oid
match_jobprofile_oid(FunctionCallInfo fcinfo)
{
	Oid			nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
	Oid			typ = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
									  CStringGetDatum("jobprofile"),
									  ObjectIdGetDatum(nsp));

	if (!OidIsValid(typ))
		elog(ERROR, "type jobprofile not found in the schema of match_batch");
	return typ;
}

/* Read (id, profile) of a relation into cxt; NULL ids or profiles skipped */
static void
match_load_side(Oid relid, const char *idcol, const char *profcol, Oid jp_oid,
				MemoryContext cxt, MatchSide *side)
{
	char	   *nspname;
	char	   *relname;
	char	   *query;
	uint64		i;
	int			ret;
	MemoryContext old;

	nspname = get_namespace_name(get_rel_namespace(relid));
	relname = get_rel_name(relid);
	/* a regclass may hold the OID of no relation (99999::regclass) */
	if (nspname == NULL || relname == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation with OID %u does not exist", relid)));
	relname = quote_qualified_identifier(nspname, relname);
	query = psprintf("SELECT %s::pg_catalog.int8, %s FROM %s WHERE %s IS NOT NULL AND %s IS NOT NULL ORDER BY 1",
					 quote_identifier(idcol), quote_identifier(profcol), relname,
					 quote_identifier(idcol), quote_identifier(profcol));
	ret = SPI_execute(query, true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "match_batch: reading %s failed: %s", relname, SPI_result_code_string(ret));
	if (SPI_gettypeid(SPI_tuptable->tupdesc, 2) != jp_oid)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("column %s of %s is not of type jobprofile",
						quote_identifier(profcol), relname)));
	if (SPI_processed > (uint64) (MaxAllocSize / sizeof(JobProfileView)))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("match_batch: %s has too many rows", relname)));
	old = MemoryContextSwitchTo(cxt);
	side->n = (int) SPI_processed;
	side->ids = palloc(sizeof(int64) * Max(side->n, 1));
	side->views = palloc(sizeof(JobProfileView) * Max(side->n, 1));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		bool		isnull;
		Datum		id = SPI_getbinval(tup, SPI_tuptable->tupdesc, 1, &isnull);
		Datum		prof = SPI_getbinval(tup, SPI_tuptable->tupdesc, 2, &isnull);

		CHECK_FOR_INTERRUPTS();
		side->ids[i] = DatumGetInt64(id);
		jp_view(&side->views[i], (struct varlena *) PG_DETOAST_DATUM_COPY(prof));
	}
	MemoryContextSwitchTo(old);
	SPI_freetuptable(SPI_tuptable);
}

static int
match_skill_entry_cmp(const void *a, const void *b)
{
	const MatchSkillEntry *x = a;
	const MatchSkillEntry *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return (x->idx > y->idx) - (x->idx < y->idx);
}

/*
 * The parts of a header that decide everything but wage, hours, shifts,
 * education, experience and skills: profiles equal here share a bucket.
 */
static int
match_bucket_key_cmp(const JobProfileFixed *a, const JobProfileFixed *b)
{
	int			c;

#define MATCH_KEY_CMP(x, y) do { if ((x) != (y)) return (x) < (y) ? -1 : 1; } while (0)
	MATCH_KEY_CMP(a->parts & ~JP_HAS_SKILL_WEIGHTS, b->parts & ~JP_HAS_SKILL_WEIGHTS);
	MATCH_KEY_CMP(a->targets, b->targets);
	MATCH_KEY_CMP(a->nskills > 0, b->nskills > 0);
	MATCH_KEY_CMP(a->shifts != 0, b->shifts != 0);
	MATCH_KEY_CMP(a->occ_len, b->occ_len);
	c = memcmp(a->occ, b->occ, sizeof(a->occ));
	if (c != 0)
		return c;
	MATCH_KEY_CMP(a->sido_area, b->sido_area);
	MATCH_KEY_CMP(a->sigungu, b->sigungu);
	MATCH_KEY_CMP(a->emd, b->emd);
	MATCH_KEY_CMP(Min(a->region_depth, 3), Min(b->region_depth, 3));
#undef MATCH_KEY_CMP
	return 0;
}

static int
match_bucket_order_cmp(const void *a, const void *b, void *arg)
{
	const JobProfileView *views = arg;
	int32		x = *(const int32 *) a;
	int32		y = *(const int32 *) b;
	int			c = match_bucket_key_cmp(&views[x].h, &views[y].h);

	if (c != 0)
		return c;
	return (x > y) - (x < y);
}

static int
match_bucket_rank_cmp(const void *a, const void *b)
{
	const MatchBucketRank *x = a;
	const MatchBucketRank *y = b;

	if (x->bound != y->bound)
		return x->bound > y->bound ? -1 : 1;
	return (x->bucket > y->bucket) - (x->bucket < y->bucket);
}

/* The inverted index of the inner side's skills, and its buckets */
static void
match_batch_build(MatchBatch *mb)
{
	MatchSide  *inner = mb->inner;
	int			n = inner->n;
	int64		nentries = 0;
	int			i,
				b;

	for (i = 0; i < n; i++)
		nentries += inner->views[i].h.nskills;
	mb->entries = palloc_extended(sizeof(MatchSkillEntry) * Max(nentries, 1), MCXT_ALLOC_HUGE);
	nentries = 0;
	for (i = 0; i < n; i++)
	{
		int			j;

		CHECK_FOR_INTERRUPTS();
		for (j = 0; j < inner->views[i].h.nskills; j++)
		{
			mb->entries[nentries].hash = jp_hash_at(&inner->views[i], j);
			mb->entries[nentries].idx = i;
			mb->entries[nentries].weight = jp_weight_at(&inner->views[i], j);
			nentries++;
		}
	}
	qsort(mb->entries, nentries, sizeof(MatchSkillEntry), match_skill_entry_cmp);
	mb->nentries = nentries;

	mb->order = palloc(sizeof(int32) * Max(n, 1));
	mb->bucket_of = palloc(sizeof(int32) * Max(n, 1));
	mb->inner_inv_wsum = palloc(sizeof(double) * Max(n, 1));
	for (i = 0; i < n; i++)
	{
		mb->order[i] = i;
		mb->inner_inv_wsum[i] = inner->views[i].h.nskills > 0 ?
			1.0 / inner->views[i].h.skill_weight_sum : 0.0;
	}
	qsort_arg(mb->order, n, sizeof(int32), match_bucket_order_cmp, inner->views);

	mb->buckets = palloc(sizeof(MatchBucket) * Max(n, 1));
	b = -1;
	for (i = 0; i < n; i++)
	{
		const JobProfileFixed *h = &inner->views[mb->order[i]].h;
		MatchBucket *bk;

		if (b < 0 || match_bucket_key_cmp(&mb->buckets[b].rep, h) != 0)
		{
			bk = &mb->buckets[++b];
			bk->rep = *h;
			bk->first = i;
			bk->count = 0;
			bk->wage_min = bk->wage_max = h->wage;
			bk->hours_min = bk->hours_max = h->hours;
			bk->exp_min = bk->exp_max = h->experience;
			bk->edu_min = bk->edu_max = h->education;
			bk->shift_values = 0;
		}
		bk = &mb->buckets[b];
		bk->count++;
		bk->wage_min = Min(bk->wage_min, h->wage);
		bk->wage_max = Max(bk->wage_max, h->wage);
		bk->hours_min = Min(bk->hours_min, h->hours);
		bk->hours_max = Max(bk->hours_max, h->hours);
		bk->exp_min = Min(bk->exp_min, h->experience);
		bk->exp_max = Max(bk->exp_max, h->experience);
		bk->edu_min = Min(bk->edu_min, h->education);
		bk->edu_max = Max(bk->edu_max, h->education);
		bk->shift_values |= 1 << (h->shifts & 15);
		mb->bucket_of[mb->order[i]] = b;
	}
	mb->nbuckets = b + 1;
	for (b = 0; b < mb->nbuckets; b++)
	{
		MatchBucket *bk = &mb->buckets[b];
		int			u,
					v;

		for (u = 0; u < 16; u++)
		{
			bk->shift_best[u] = 0.0;
			for (v = 1; v < 16; v++)
				if (bk->shift_values & (1 << v))
					bk->shift_best[u] = Max(bk->shift_best[u],
											mb->outer_is_posting ? match_shift_sim[v][u] :
											match_shift_sim[u][v]);
		}
	}

	mb->skill_sum = palloc0(sizeof(double) * Max(n, 1));
	mb->touched = palloc(sizeof(int32) * Max(n, 1));
	mb->touched_bound = palloc(sizeof(double) * Max(n, 1));
	mb->touched_bin = palloc(sizeof(uint8) * Max(n, 1));
	mb->sorted = palloc(sizeof(MatchBucketRank) * Max(n, 1));
	mb->bounds = palloc(sizeof(MatchBucketBound) * Max(mb->nbuckets, 1));
	mb->ranks = palloc(sizeof(MatchBucketRank) * Max(mb->nbuckets, 1));
	mb->heap = palloc(sizeof(MatchHit) * Max(mb->cap, 1));
}

/*
 * Skill sums of one outer profile against every inner one, through the
 * inverted index: skill_sum[j] = the sum that match_skills() computes for
 * the pair, with the same additions in the same (ascending hash) order.
 * The inner profiles reached are listed in touched (a sum, once reached, is
 * above 0: every weight is).
 */
static void
match_batch_skill_sums(MatchBatch *mb, const JobProfileView *outer)
{
	const MatchSkillEntry *entries = mb->entries;
	int64		nentries = mb->nentries;
	double	   *acc = mb->skill_sum;
	int			i;

	mb->ntouched = 0;
	for (i = 0; i < outer->h.nskills; i++)
	{
		uint64		h = jp_hash_at(outer, i);
		float4		v = jp_weight_at(outer, i);
		int64		lo = 0,
					hi = nentries;

		/* first entry with this hash */
		while (lo < hi)
		{
			int64		mid = lo + (hi - lo) / 2;

			if (entries[mid].hash < h)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < nentries && entries[lo].hash == h; lo++)
		{
			const MatchSkillEntry *e = &entries[lo];

			if (acc[e->idx] == 0.0)
				mb->touched[mb->ntouched++] = e->idx;
			/* posting weight times min(1, seeker weight), as match_skills */
			if (mb->outer_is_posting)
				acc[e->idx] += (double) v * (e->weight < 1.0f ? (double) e->weight : 1.0);
			else
				acc[e->idx] += (double) e->weight * (v < 1.0f ? (double) v : 1.0);
		}
	}
}

/*
 * The bound of a bucket for outer profile o: the numerator of every factor
 * but skills at its best over the bucket's ranges, the exact total weight,
 * and the weight skills add (times their similarity).
 */
static void
match_bucket_bound(const MatchBatch *mb, const JobProfileFixed *o,
				   const MatchBucket *bk, MatchBucketBound *bb)
{
	const double *w = mb->w.w;
	const JobProfileFixed *s = mb->outer_is_posting ? &bk->rep : o;
	const JobProfileFixed *p = mb->outer_is_posting ? o : &bk->rep;
	uint16		both = s->parts & p->parts;
	bool		has[MF_NFACTORS];
	double		total = 0.0;
	double		num;
	int			d;
	int			f;

	/* which factors both give, as match_stage1 finds them */
	has[MF_OCCUPATION] = (both & JP_HAS_OCCUPATION) != 0;
	has[MF_SKILLS] = s->nskills > 0 && p->nskills > 0;
	has[MF_REGION] = (both & (JP_HAS_REGION | JP_HAS_COORDS)) != 0;
	has[MF_WAGE] = (both & JP_HAS_WAGE) != 0;
	has[MF_HOURS] = (both & JP_HAS_HOURS) != 0;
	has[MF_SHIFTS] = s->shifts != 0 && p->shifts != 0;
	has[MF_EDUCATION] = (both & JP_HAS_EDUCATION) != 0;
	has[MF_EXPERIENCE] = (both & JP_HAS_EXPERIENCE) != 0;
	for (f = 0; f < MF_NFACTORS; f++)
		if (has[f])
			total += w[f];
	if ((p->targets != 0 && (s->targets & p->targets) == 0) || total <= 0.0)
	{
		bb->num = 0.0;
		bb->total = 0.0;
		bb->inv_total = 0.0;
		bb->skills_weight = 0.0;
		return;
	}
	bb->total = total;
	bb->inv_total = 1.0 / total;
	bb->skills_weight = has[MF_SKILLS] ? w[MF_SKILLS] : 0.0;

	num = 0.0;
	if (has[MF_OCCUPATION])
		num += w[MF_OCCUPATION] * match_occ_sim[match_occ_shared(s, p)][Min(p->occ_len, 6)];
	/* with coordinates on both sides the distance differs per member */
	if (has[MF_REGION])
		num += w[MF_REGION] * ((both & JP_HAS_COORDS) ? 1.0 : match_region_code_sim(s, p));

	/* the best wage: the highest offer, or the lowest minimum asked */
	if (has[MF_WAGE])
		num += w[MF_WAGE] * (mb->outer_is_posting ? match_wage_sim(bk->wage_min, o->wage) :
							 match_wage_sim(o->wage, bk->wage_max));

	/* hours: the nearest of the range */
	if (has[MF_HOURS])
	{
		d = o->hours < bk->hours_min ? bk->hours_min - o->hours :
			o->hours > bk->hours_max ? o->hours - bk->hours_max : 0;
		num += w[MF_HOURS] * match_hours_sim[Min(d, JOBPROFILE_MAX_HOURS)];
	}

	/* shifts: the best of the shift sets the bucket holds */
	if (has[MF_SHIFTS])
		num += w[MF_SHIFTS] * bk->shift_best[o->shifts & 15];

	/* education and experience: the most qualified seeker, the least asked */
	if (has[MF_EDUCATION])
		num += w[MF_EDUCATION] * (mb->outer_is_posting ? match_education_sim(bk->edu_max, o->education) :
								  match_education_sim(o->education, bk->edu_min));
	if (has[MF_EXPERIENCE])
		num += w[MF_EXPERIENCE] * (mb->outer_is_posting ? match_experience_sim(bk->exp_max, o->experience) :
								   match_experience_sim(o->experience, bk->exp_min));
	bb->num = num;
}

/* The k-th score less the margin: a bound below it cannot enter */
static inline double
match_batch_floor(const MatchBatch *mb)
{
	if (mb->nheap < mb->cap)
		return -HUGE_VAL;
	return (double) mb->heap[0].score - MATCH_PRUNE_MARGIN;
}

/*
 * Score inner profile j against outer profile o (skills from its sum) and
 * keep it if it is among the k best so far.  Stage 2 is skipped when the
 * bound after stage 1 cannot enter: the bound is the same sums in the same
 * order with larger operands, so never below the exact sum.
 */
static inline void
match_batch_consider(MatchBatch *mb, const JobProfileView *o, int32 j)
{
	const JobProfileView *in = &mb->inner->views[j];
	const JobProfileView *s = mb->outer_is_posting ? in : o;
	const JobProfileView *p = mb->outer_is_posting ? o : in;
	int64		id = mb->inner->ids[j];
	double		sum = mb->skill_sum[j];
	MatchAcc	acc;
	double		skills_sim;
	double		sk;
	float4		score;

	mb->scored++;
	match_stage1(&s->h, &p->h, &mb->w, &acc);
	skills_sim = sum == 0.0 ? 0.0 : sum / p->h.skill_weight_sum;
	sk = acc.has_skills ? acc.skills_weight * skills_sim : 0.0;
	if (acc.filtered || acc.total_weight <= 0.0)
		score = 0.0f;
	else
	{
		if (mb->nheap == mb->cap && acc.total_weight >= MATCH_PRUNE_MIN_WEIGHT)
		{
			double		threshold = match_batch_floor(mb) * acc.total_weight;

			if (match_stage2_bound(&acc, &mb->w) + sk < threshold)
				return;
			match_stage2(&s->h, &p->h, &mb->w, &acc);
			if (acc.partial + sk < threshold)
				return;
		}
		else
			match_stage2(&s->h, &p->h, &mb->w, &acc);
		score = match_finish(&acc, skills_sim);
	}
	if (mb->nheap < mb->cap)
		match_heap_push(mb->heap, &mb->nheap, score, j, id);
	else if (match_hit_better(score, id, mb->heap[0].score, mb->heap[0].id))
	{
		mb->heap[0].score = score;
		mb->heap[0].idx = j;
		mb->heap[0].id = id;
		match_heap_sift_down(mb->heap, mb->nheap, 0);
	}
}

/* The k best inner profiles of outer profile o, best first, in mb->heap */
static void
match_batch_one(MatchBatch *mb, int o)
{
	const JobProfileView *ov = &mb->outer->views[o];
	double		outer_inv_wsum = ov->h.nskills > 0 ? 1.0 / ov->h.skill_weight_sum : 0.0;
	int			t,
				b,
				nranks = 0;

	mb->nheap = 0;
	if (mb->cap == 0)
		return;
	match_batch_skill_sums(mb, ov);
	for (b = 0; b < mb->nbuckets; b++)
		match_bucket_bound(mb, &ov->h, &mb->buckets[b], &mb->bounds[b]);

	/*
	 * The profiles sharing a skill, each bounded with its exact skills, and
	 * scored by decreasing bound (sorted into MATCH_BOUND_BINS bins by a
	 * counting sort), so that the k-th score rises early and the rest is
	 * skipped on its bound alone.
	 */
	memset(mb->bin_count, 0, sizeof(mb->bin_count));
	for (t = 0; t < mb->ntouched; t++)
	{
		int32		j = mb->touched[t];
		const MatchBucketBound *bb = &mb->bounds[mb->bucket_of[j]];
		double		bound;
		int			bin;

		if (bb->total >= MATCH_PRUNE_MIN_WEIGHT)
		{
			double		inv_wsum = mb->outer_is_posting ? outer_inv_wsum : mb->inner_inv_wsum[j];

			bound = (bb->num + bb->skills_weight * (mb->skill_sum[j] * inv_wsum)) * bb->inv_total;
		}
		else
			bound = bb->total > 0.0 ? HUGE_VAL : 0.0;
		/* bin b holds the bounds in [b, b + 1) / (BINS - 1); the last, 1 and up */
		bin = bound >= 1.0 ? MATCH_BOUND_BINS - 1 : bound <= 0.0 ? 0 :
			(int) (bound * (MATCH_BOUND_BINS - 1));
		mb->touched_bound[t] = bound;
		mb->touched_bin[t] = (uint8) bin;
		mb->bin_count[bin]++;
	}
	t = 0;
	for (b = MATCH_BOUND_BINS - 1; b >= 0; b--)
	{
		mb->bin_next[b] = t;
		t += mb->bin_count[b];
	}
	for (t = 0; t < mb->ntouched; t++)
	{
		int			pos = mb->bin_next[mb->touched_bin[t]]++;

		mb->sorted[pos].bound = mb->touched_bound[t];
		mb->sorted[pos].bucket = mb->touched[t];
	}
	t = 0;
	for (b = MATCH_BOUND_BINS - 1; b >= 0; b--)
	{
		int			end = t + mb->bin_count[b];

		/* every bound in this bin and those below is under its upper edge */
		if (b < MATCH_BOUND_BINS - 1 &&
			(double) (b + 1) / (MATCH_BOUND_BINS - 1) < match_batch_floor(mb))
			break;
		for (; t < end; t++)
		{
			if (mb->sorted[t].bound < match_batch_floor(mb))
				continue;
			match_batch_consider(mb, ov, mb->sorted[t].bucket);
		}
	}

	/* the others, bucket by bucket, best bound first */
	for (b = 0; b < mb->nbuckets; b++)
	{
		const MatchBucketBound *bb = &mb->bounds[b];
		double		bound = bb->total >= MATCH_PRUNE_MIN_WEIGHT ? bb->num * bb->inv_total :
			bb->total > 0.0 ? HUGE_VAL : 0.0;

		if (bound < match_batch_floor(mb))
			continue;
		mb->ranks[nranks].bound = bound;
		mb->ranks[nranks].bucket = b;
		nranks++;
	}
	qsort(mb->ranks, nranks, sizeof(MatchBucketRank), match_bucket_rank_cmp);
	for (b = 0; b < nranks; b++)
	{
		const MatchBucket *bk = &mb->buckets[mb->ranks[b].bucket];
		int			i;

		if (mb->ranks[b].bound < match_batch_floor(mb))
			break;
		for (i = bk->first; i < bk->first + bk->count; i++)
		{
			int32		j = mb->order[i];

			if (mb->skill_sum[j] == 0.0)
				match_batch_consider(mb, ov, j);
		}
	}

	for (t = 0; t < mb->ntouched; t++)
		mb->skill_sum[mb->touched[t]] = 0.0;
	qsort(mb->heap, mb->nheap, sizeof(MatchHit), match_hit_cmp);
}

/* What a call of match_batch, match_batch_explain or match_factor_summary returns */
typedef enum MatchBatchMode
{
	MATCH_BATCH_ROWS,
	MATCH_BATCH_EXPLAIN,
	MATCH_BATCH_SUMMARY
} MatchBatchMode;

/*
 * The arguments: (seekers, postings, k, weights, by_posting, id_column,
 * profile_column), or without k for the summary (which takes the top 2).
 */
static Datum
match_batch_run(FunctionCallInfo fcinfo, MatchBatchMode mode)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const char *name = mode == MATCH_BATCH_SUMMARY ? "match_factor_summary" :
		mode == MATCH_BATCH_EXPLAIN ? "match_batch_explain" : "match_batch";
	int			a = mode == MATCH_BATCH_SUMMARY ? 2 : 3;	/* weights */
	Oid			seekers_rel;
	Oid			postings_rel;
	int32		k;
	bool		by_posting = PG_ARGISNULL(a + 1) ? false : PG_GETARG_BOOL(a + 1);
	const char *idcol = PG_ARGISNULL(a + 2) ? "id" : NameStr(*PG_GETARG_NAME(a + 2));
	const char *profcol = PG_ARGISNULL(a + 3) ? "profile" : NameStr(*PG_GETARG_NAME(a + 3));
	TupleDesc	tupdesc;
	Tuplestorestate *tupstore;
	MemoryContext per_query,
				old,
				work,
				row_cxt;
	MatchSide	seekers,
				postings;
	MatchBatch	mb;
	Oid			jp_oid;
	int			o;
	int64		decided[MATCH_DECIDED_N];
	double		diff_sum[MF_NFACTORS];
	int64		pairs = 0;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || (mode != MATCH_BATCH_SUMMARY && PG_ARGISNULL(2)))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg(mode == MATCH_BATCH_SUMMARY ? "match_factor_summary needs both relations" :
						"match_batch needs both relations and k")));
	seekers_rel = PG_GETARG_OID(0);
	postings_rel = PG_GETARG_OID(1);
	k = mode == MATCH_BATCH_SUMMARY ? 2 : PG_GETARG_INT32(2);
	if (k < 1 || k > MATCH_MAX_K)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("k must be between 1 and %d", MATCH_MAX_K)));
	memset(&mb, 0, sizeof(mb));
	if (PG_ARGISNULL(a))
		match_weights_from_guc(&mb.w, name);
	else
		match_weights_from_jsonb(PG_GETARG_JSONB_P(a), &mb.w, name);

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s must be called in FROM", name)));
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "match_batch: return type must be a row type");

	per_query = rsinfo->econtext->ecxt_per_query_memory;
	old = MemoryContextSwitchTo(per_query);
	tupdesc = CreateTupleDescCopy(tupdesc);
	tupstore = tuplestore_begin_heap(rsinfo->allowedModes & SFRM_Materialize_Random,
									 false, work_mem);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = tupstore;
	rsinfo->setDesc = tupdesc;
	MemoryContextSwitchTo(old);

	jp_oid = match_jobprofile_oid(fcinfo);
	work = AllocSetContextCreate(CurrentMemoryContext, "match_batch",
								 ALLOCSET_DEFAULT_SIZES);
	row_cxt = AllocSetContextCreate(CurrentMemoryContext, "match_batch row",
									ALLOCSET_DEFAULT_SIZES);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "match_batch: SPI_connect failed");
	match_load_side(seekers_rel, idcol, profcol, jp_oid, work, &seekers);
	match_load_side(postings_rel, idcol, profcol, jp_oid, work, &postings);
	SPI_finish();

	mb.outer_is_posting = by_posting;
	mb.outer = by_posting ? &postings : &seekers;
	mb.inner = by_posting ? &seekers : &postings;
	mb.cap = Min(k, mb.inner->n);
	old = MemoryContextSwitchTo(work);
	match_batch_build(&mb);
	MemoryContextSwitchTo(old);

	memset(decided, 0, sizeof(decided));
	memset(diff_sum, 0, sizeof(diff_sum));
	for (o = 0; o < mb.outer->n; o++)
	{
		const JobProfileView *ov = &mb.outer->views[o];
		int			j;

		CHECK_FOR_INTERRUPTS();
		match_batch_one(&mb, o);
		if (mode == MATCH_BATCH_SUMMARY)
		{
			double		c[2][MF_NFACTORS];
			bool		filtered[2];
			float4		score[2];
			int			f;

			if (mb.nheap < 2)
				continue;
			for (j = 0; j < 2; j++)
			{
				const JobProfileView *in = &mb.inner->views[mb.heap[j].idx];

				score[j] = by_posting ? match_contributions(in, ov, &mb.w, c[j], &filtered[j]) :
					match_contributions(ov, in, &mb.w, c[j], &filtered[j]);
				Assert(score[j] == mb.heap[j].score);
			}
			pairs++;
			decided[match_decide(score[0], c[0], filtered[0], score[1], c[1], filtered[1])]++;
			for (f = 0; f < MF_NFACTORS; f++)
				diff_sum[f] += c[0][f] - c[1][f];
			continue;
		}
		for (j = 0; j < mb.nheap; j++)
		{
			Datum		values[5];
			bool		nulls[5] = {false, false, false, false, false};
			int64		inner_id = mb.heap[j].id;

			values[0] = Int64GetDatum(by_posting ? inner_id : mb.outer->ids[o]);
			values[1] = Int64GetDatum(by_posting ? mb.outer->ids[o] : inner_id);
			values[2] = Int32GetDatum(j + 1);
			values[3] = Float4GetDatum(mb.heap[j].score);
			if (mode == MATCH_BATCH_EXPLAIN)
			{
				const JobProfileView *in = &mb.inner->views[mb.heap[j].idx];

				old = MemoryContextSwitchTo(row_cxt);
				values[4] = by_posting ? match_explain_jsonb(in, ov, &mb.w) :
					match_explain_jsonb(ov, in, &mb.w);
				MemoryContextSwitchTo(old);
			}
			tuplestore_putvalues(tupstore, tupdesc, values, nulls);
			MemoryContextReset(row_cxt);
		}
	}
	if (mode == MATCH_BATCH_SUMMARY)
	{
		int			d;

		for (d = 0; d < MATCH_DECIDED_N; d++)
		{
			Datum		values[4];
			bool		nulls[4] = {false, false, false, false};

			values[0] = CStringGetTextDatum(match_decided_name(d));
			values[1] = Int64GetDatum(decided[d]);
			values[2] = Float8GetDatum(pairs > 0 ? (double) decided[d] / pairs : 0.0);
			nulls[2] = pairs == 0;
			values[3] = Float8GetDatum(d < MF_NFACTORS && pairs > 0 ? diff_sum[d] / pairs : 0.0);
			nulls[3] = d >= MF_NFACTORS || pairs == 0;
			tuplestore_putvalues(tupstore, tupdesc, values, nulls);
		}
	}
	elog(DEBUG1, "match_batch: %d outer, %d inner profiles in %d buckets, %lld pairs scored",
		 mb.outer->n, mb.inner->n, mb.nbuckets, (long long) mb.scored);
	MemoryContextDelete(row_cxt);
	MemoryContextDelete(work);
	return (Datum) 0;
}

/*
 * match_batch(seekers, postings, k, weights, by_posting, id_column,
 * profile_column): (seeker_id, posting_id, rank, score)
 */
PG_FUNCTION_INFO_V1(match_batch);
Datum
match_batch(PG_FUNCTION_ARGS)
{
	return match_batch_run(fcinfo, MATCH_BATCH_ROWS);
}

/* match_batch_explain(same arguments): match_batch's rows and match_explain */
PG_FUNCTION_INFO_V1(match_batch_explain);
Datum
match_batch_explain(PG_FUNCTION_ARGS)
{
	return match_batch_run(fcinfo, MATCH_BATCH_EXPLAIN);
}

/*
 * match_factor_summary(seekers, postings, weights, by_posting, id_column,
 * profile_column): (factor, decided, share, mean_difference)
 */
PG_FUNCTION_INFO_V1(match_factor_summary);
Datum
match_factor_summary(PG_FUNCTION_ARGS)
{
	return match_batch_run(fcinfo, MATCH_BATCH_SUMMARY);
}
