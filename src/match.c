/*
 * match.c
 *		How well a seeker's jobprofile fits a posting's: match_score(),
 *		match_explain(), the weights (GUC jobs_ext.match_weights or a jsonb
 *		argument) and the batch matcher match_batch().
 *
 * The score is a weighted mean of factor similarities in [0, 1] over the
 * factors both profiles give (doc/matching.md has the formulas):
 *
 *	 occupation  shared leading digits / digits of the posting's code
 *	 skills		 weighted share of the posting's skills the seeker has
 *	 region		 distance decay when both have coordinates, else shared
 *				 법정동 levels (45 = 52, 42 = 51)
 *	 wage		 1 when the offer meets the seeker's minimum, 0 at 30% short
 *	 hours		 1 - |difference| / 20 hours
 *	 shifts		 share of the posting's shifts the seeker accepts
 *	 education	 1 when met, 0.5 less per level short
 *	 experience  1 when met, else seeker's years / required years
 *
 * A posting with target groups takes only seekers of one of them (score 0
 * otherwise).  The same inline code serves match_score, match_explain and
 * match_batch, so the batch matcher returns bit-identical scores.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "common/shortest_dec.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "port/pg_bitutils.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/syscache.h"
#include "utils/tuplestore.h"

#include "jobs_ext.h"
#include "jobprofile.h"
#include "setting_guard.h"

typedef enum MatchFactor
{
	MF_OCCUPATION,
	MF_SKILLS,
	MF_REGION,
	MF_WAGE,
	MF_HOURS,
	MF_SHIFTS,
	MF_EDUCATION,
	MF_EXPERIENCE,
	MF_NFACTORS
} MatchFactor;

static const char *const match_factor_names[MF_NFACTORS] = {
	"occupation", "skills", "region", "wage", "hours", "shifts", "education",
	"experience"
};

/* built-in defaults, also the GUC's boot value */
static const double match_builtin_weights[MF_NFACTORS] = {
	0.20, 0.30, 0.15, 0.15, 0.05, 0.05, 0.05, 0.05
};

#define MATCH_WEIGHTS_DEFAULT \
	"occupation=0.2, skills=0.3, region=0.15, wage=0.15, hours=0.05, shifts=0.05, education=0.05, experience=0.05"

#define MATCH_MAX_WEIGHT		1e6
#define MATCH_WAGE_SHORTFALL	0.30	/* wage similarity is 0 this far short */
#define MATCH_HOURS_SPAN		20.0	/* hours similarity is 0 this far off */
#define MATCH_NEAR_KM			5.0 /* distance similarity 1 up to here */
#define MATCH_FAR_KM			50.0	/* and 0 from here */
#define MATCH_EARTH_KM			6371.0088
#define MATCH_MAX_K				100000

static void match_init_tables(void);

static char *match_weights_string = NULL;
static double match_guc_weights[MF_NFACTORS] = {
	0.20, 0.30, 0.15, 0.15, 0.05, 0.05, 0.05, 0.05
};
static uint64 match_guc_generation = 0;

/*
 * Settings on a Citus cluster (setting_guard.h): the check hook's extra
 * keeps the weights and the source of the setting's value, and every read
 * of the setting goes through match_guc_weights_for(), which refuses it in
 * a Citus worker's part of a query unless the value was SET there.
 */
typedef struct MatchWeightsExtra
{
	double		w[MF_NFACTORS];
	GucSource	source;
} MatchWeightsExtra;

static GucSource match_guc_source = PGC_S_DEFAULT;

#define MATCH_WEIGHTS_HINT \
	"Give every factor's weight in the query, as in match_score(seeker, posting, '{\"occupation\": 0.2, \"skills\": 0.3, \"region\": 0.15, \"wage\": 0.15, \"hours\": 0.05, \"shifts\": 0.05, \"education\": 0.05, \"experience\": 0.05}')."

static inline const double *
match_guc_weights_for(const char *reader)
{
	setting_guard(match_guc_source, "jobs_ext.match_weights", reader,
				  MATCH_WEIGHTS_HINT);
	return match_guc_weights;
}

/*
 * Parse "name=value, name=value" into w (which holds the defaults for the
 * names not given).  Returns NULL on success, else a message.
 */
static const char *
match_parse_weight_list(const char *s, double *w)
{
	const char *p = s;

	for (;;)
	{
		const char *name;
		int			len;
		int			f;
		char	   *end;
		double		v;

		while (*p && (isspace((unsigned char) *p) || *p == ','))
			p++;
		if (*p == '\0')
			return NULL;
		name = p;
		while (*p && *p != '=' && !isspace((unsigned char) *p))
			p++;
		len = p - name;
		for (f = 0; f < MF_NFACTORS; f++)
			if ((int) strlen(match_factor_names[f]) == len &&
				strncmp(match_factor_names[f], name, len) == 0)
				break;
		if (f == MF_NFACTORS)
			return "unknown factor";
		while (isspace((unsigned char) *p))
			p++;
		if (*p != '=')
			return "expected \"=\" after a factor";
		p++;
		errno = 0;
		v = strtod(p, &end);
		if (end == p || errno != 0 || isnan(v) || v < 0 || v > MATCH_MAX_WEIGHT)
			return "a weight is a number from 0 to 1000000";
		w[f] = v;
		p = end;
	}
}

static bool
match_weights_check(char **newval, void **extra, GucSource source)
{
	double		w[MF_NFACTORS];
	const char *msg;
	MatchWeightsExtra *copy;

	memcpy(w, match_builtin_weights, sizeof(w));
	msg = match_parse_weight_list(*newval, w);
	if (msg)
	{
		GUC_check_errdetail("%s; write for example \"%s\".", msg, MATCH_WEIGHTS_DEFAULT);
		return false;
	}
	/* PostgreSQL 16 keeps GUC memory in a context and frees it with guc_free */
#if PG_VERSION_NUM >= 160000
	copy = guc_malloc(LOG, sizeof(MatchWeightsExtra));
#else
	copy = malloc(sizeof(MatchWeightsExtra));
#endif
	if (copy == NULL)
		return false;
	memcpy(copy->w, w, sizeof(w));
	copy->source = source;
	*extra = copy;
	return true;
}

static void
match_weights_assign(const char *newval, void *extra)
{
	memcpy(match_guc_weights, ((MatchWeightsExtra *) extra)->w, sizeof(match_guc_weights));
	match_guc_source = ((MatchWeightsExtra *) extra)->source;
	match_guc_generation++;
}

void
match_define_gucs(void)
{
	match_init_tables();
	DefineCustomStringVariable("jobs_ext.match_weights",
							   "Sets the default factor weights of match_score.",
							   "A list of factor=weight; factors not listed keep their built-in weight. Weights are relative: they are renormalised over the factors both profiles give.",
							   &match_weights_string,
							   MATCH_WEIGHTS_DEFAULT,
							   PGC_USERSET,
							   0,
							   match_weights_check,
							   match_weights_assign,
							   NULL);
}

/* ---------------------------------------------------------------------
 * The score
 * ---------------------------------------------------------------------
 */

/* What the cheap factors give; skills, the costly one, are added last */
typedef struct MatchAcc
{
	bool		filtered;		/* failed a target-group requirement */
	bool		has_skills;
	double		partial;		/* sum of weight * similarity, skills excluded */
	double		total_weight;	/* sum of the weights of the factors given */
	double		skills_weight;
	double		flag[MF_NFACTORS];	/* 1 when both profiles give the factor */
	double		sim[MF_NFACTORS];
} MatchAcc;

/* Distance in km between two profiles with coordinates (equirectangular) */
static inline double
match_distance_km(const JobProfileFixed *a, const JobProfileFixed *b)
{
	double		dy = a->latitude - b->latitude;
	double		dx = (a->longitude - b->longitude) *
		((double) a->coslat + (double) b->coslat) / 2.0;

	return MATCH_EARTH_KM * (M_PI / 180.0) * sqrt(dx * dx + dy * dy);
}

/* region similarity by levels shared when they do not contain each other */
static const double match_region_sim[4] = {0.0, 0.3, 0.7, 1.0};

/* shifts similarity: shifts in common / the posting's shifts, by bit masks */
static double match_shift_sim[16][16];

/* occupation similarity: digits shared / digits of the posting's code */
static double match_occ_sim[7][7];

/* hours similarity by the absolute difference in hours */
static double match_hours_sim[JOBPROFILE_MAX_HOURS + 1];

static void
match_init_tables(void)
{
	static const uint8 nbits[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};
	int			a,
				b;

	for (a = 0; a < 16; a++)
		for (b = 1; b < 16; b++)
			match_shift_sim[a][b] = (double) nbits[a & b] / nbits[b];
	for (a = 0; a <= 6; a++)
		for (b = 0; b <= 6; b++)
			match_occ_sim[a][b] = (double) a / Max(b, 1);
	for (a = 0; a <= JOBPROFILE_MAX_HOURS; a++)
	{
		double		v = 1.0 - fabs((double) a) / MATCH_HOURS_SPAN;

		match_hours_sim[a] = v < 0.0 ? 0.0 : v;
	}
}

/* digits the two occupation codes share from the left */
static inline int
match_occ_shared(const JobProfileFixed *s, const JobProfileFixed *p)
{
	uint64		a = 0,
				b = 0,
				x;
	int			d;

	memcpy(&a, s->occ, sizeof(s->occ));
	memcpy(&b, p->occ, sizeof(p->occ));
	x = a ^ b;
#ifdef WORDS_BIGENDIAN
	d = x ? (63 - pg_leftmost_one_pos64(x)) / 8 : 6;
#else
	d = x ? pg_rightmost_one_pos64(x) / 8 : 6;
#endif
	return Min(d, Min(s->occ_len, p->occ_len));
}

/*
 * The factors other than skills, in two stages: stage 1 the filter, which
 * factors both profiles give, the total weight, and the heavy factors
 * occupation, region and wage; stage 2 hours, shifts, education and
 * experience.  Written without data-dependent branches where it matters: a
 * factor one profile lacks is computed on zeros and multiplied by 0, which
 * adds exactly 0.  The partial sum is taken in factor order (occupation,
 * region, wage, hours, shifts, education, experience), so every caller gets
 * the same bits, and match_batch can bound the sum after stage 1.
 */
static pg_attribute_always_inline void
match_stage1(const JobProfileFixed *s, const JobProfileFixed *p, const double *w,
			 MatchAcc *acc)
{
	uint16		both = s->parts & p->parts;
	double		total = 0.0;
	int			f;

	acc->filtered = (p->targets != 0 && (s->targets & p->targets) == 0);
	acc->flag[MF_OCCUPATION] = (both & JP_HAS_OCCUPATION) != 0;
	acc->flag[MF_SKILLS] = s->nskills > 0 && p->nskills > 0;
	acc->flag[MF_REGION] = (both & (JP_HAS_REGION | JP_HAS_COORDS)) != 0;
	acc->flag[MF_WAGE] = (both & JP_HAS_WAGE) != 0;
	acc->flag[MF_HOURS] = (both & JP_HAS_HOURS) != 0;
	acc->flag[MF_SHIFTS] = s->shifts != 0 && p->shifts != 0;
	acc->flag[MF_EDUCATION] = (both & JP_HAS_EDUCATION) != 0;
	acc->flag[MF_EXPERIENCE] = (both & JP_HAS_EXPERIENCE) != 0;
	for (f = 0; f < MF_NFACTORS; f++)
		total += w[f] * acc->flag[f];
	acc->total_weight = total;
	acc->has_skills = acc->flag[MF_SKILLS] != 0.0;
	acc->skills_weight = w[MF_SKILLS];

	/* occupation: shared leading digits / digits of the posting's code */
	acc->sim[MF_OCCUPATION] = match_occ_sim[match_occ_shared(s, p)][Min(p->occ_len, 6)];

	/* region: distance decay with coordinates, else shared levels */
	if ((both & JP_HAS_COORDS))
	{
		double		km = match_distance_km(s, p);

		acc->sim[MF_REGION] = km <= MATCH_NEAR_KM ? 1.0 : km >= MATCH_FAR_KM ? 0.0 :
			(MATCH_FAR_KM - km) / (MATCH_FAR_KM - MATCH_NEAR_KM);
	}
	else
	{
		int			upto = Min(Min(s->region_depth, p->region_depth), 3);
		int			e1 = s->sido_area == p->sido_area;
		int			e2 = e1 & (s->sigungu == p->sigungu) & (upto >= 2);
		int			e3 = e2 & (s->emd == p->emd) & (upto >= 3);
		int			shared = e1 + e2 + e3;

		acc->sim[MF_REGION] = shared >= upto ? 1.0 : match_region_sim[shared];
	}

	/* wage: 1 when the offer meets the minimum, 0 at 30% short */
	{
		double		shortfall = (double) Max(s->wage - p->wage, 0);
		double		v = 1.0 - shortfall / (MATCH_WAGE_SHORTFALL * Max(s->wage, 1));

		acc->sim[MF_WAGE] = v < 0.0 ? 0.0 : v;
	}

	acc->partial = w[MF_OCCUPATION] * acc->sim[MF_OCCUPATION] * acc->flag[MF_OCCUPATION];
	acc->partial += w[MF_REGION] * acc->sim[MF_REGION] * acc->flag[MF_REGION];
	acc->partial += w[MF_WAGE] * acc->sim[MF_WAGE] * acc->flag[MF_WAGE];
}

/* The bound of the partial sum after stage 2 with every stage-2 similarity 1 */
static inline double
match_stage2_bound(const MatchAcc *acc, const double *w)
{
	double		b = acc->partial;
	int			f;

	for (f = MF_HOURS; f <= MF_EXPERIENCE; f++)
		b += w[f] * 1.0 * acc->flag[f];
	return b;
}

static pg_attribute_always_inline void
match_stage2(const JobProfileFixed *s, const JobProfileFixed *p, const double *w,
			 MatchAcc *acc)
{
	int			f;

	/* hours: 1 - |difference| / 20 */
	acc->sim[MF_HOURS] = match_hours_sim[Min(abs((int) s->hours - (int) p->hours), JOBPROFILE_MAX_HOURS)];

	/* shifts: share of the posting's shifts the seeker accepts */
	acc->sim[MF_SHIFTS] = match_shift_sim[s->shifts & 15][p->shifts & 15];

	/* education: 1 when met, 0.5 less per level short */
	{
		double		v = 1.0 - 0.5 * Max(p->education - s->education, 0);

		acc->sim[MF_EDUCATION] = v < 0.0 ? 0.0 : v;
	}

	/* experience: 1 when met, else the share of the years asked */
	acc->sim[MF_EXPERIENCE] = s->experience >= p->experience ? 1.0 :
		(double) s->experience / Max(p->experience, 1);

	for (f = MF_HOURS; f <= MF_EXPERIENCE; f++)
		acc->partial += w[f] * acc->sim[f] * acc->flag[f];
}

/* Both stages; sims and present (may be NULL) receive each factor */
static pg_attribute_always_inline void
match_cheap(const JobProfileFixed *s, const JobProfileFixed *p, const double *w,
			MatchAcc *acc, double *sims, bool *present)
{
	int			f;

	match_stage1(s, p, w, acc);
	/* a filtered pair scores 0; only match_explain wants its factors */
	if (acc->filtered && sims == NULL)
		return;
	match_stage2(s, p, w, acc);
	if (sims)
	{
		for (f = 0; f < MF_NFACTORS; f++)
		{
			sims[f] = f == MF_SKILLS ? 0.0 : acc->sim[f];
			present[f] = acc->flag[f] != 0.0;
		}
	}
}

/*
 * Skills: sum over the posting's skills the seeker has of the posting's
 * weight times min(1, the seeker's weight), in hash order, over the
 * posting's weight sum.  One merge of the two sorted hash arrays.
 */
static inline double
match_skills(const JobProfileView *s, const JobProfileView *p)
{
	int			i = 0,
				j = 0;
	int			ns = s->h.nskills,
				np = p->h.nskills;
	double		matched = 0.0;

	/* no skill in common for sure: the signatures share no bit */
	if (ns == 0 || np == 0 || (s->h.skill_sig & p->h.skill_sig) == 0)
		return 0.0;

	/*
	 * Walk the posting's skills; most are ruled out by one bit of the
	 * seeker's signature, the others are looked up in the seeker's sorted
	 * hashes from where the last lookup ended (both ascend).  Matches are
	 * added in ascending hash order, as the inverted index of match_batch
	 * adds them.
	 */
	for (j = 0; j < np; j++)
	{
		uint64		hp = jp_hash_at(p, j);
		uint64		hs = 0;

		if ((s->h.skill_sig & (UINT64CONST(1) << (hp >> 58))) == 0)
			continue;
		for (; i < ns; i++)
		{
			hs = jp_hash_at(s, i);
			if (hs >= hp)
				break;
		}
		if (i >= ns)
			break;
		if (hs == hp)
		{
			float4		v = jp_weight_at(s, i);

			matched += (double) jp_weight_at(p, j) * (v < 1.0f ? (double) v : 1.0);
		}
	}
	return matched / p->h.skill_weight_sum;
}

/* The score from the cheap part and the skills similarity */
static inline float4
match_finish(const MatchAcc *acc, double skills_sim)
{
	double		total;
	double		score;

	if (acc->filtered || acc->total_weight <= 0.0)
		return 0.0f;
	total = acc->partial;
	if (acc->has_skills)
		total += acc->skills_weight * skills_sim;
	score = total / acc->total_weight;
	return (float4) (score > 1.0 ? 1.0 : score);
}

static inline float4
match_compute(const JobProfileView *s, const JobProfileView *p, const double *w)
{
	MatchAcc	acc;

	match_cheap(&s->h, &p->h, w, &acc, NULL, NULL);
	if (acc.filtered)
		return 0.0f;
	return match_finish(&acc, acc.has_skills ? match_skills(s, p) : 0.0);
}

/* ---------------------------------------------------------------------
 * Weights given as jsonb: parsed once per call site (fn_extra), again only
 * when the jsonb or the GUC changes.
 * ---------------------------------------------------------------------
 */
typedef struct MatchWeightsCache
{
	uint64		generation;
	Size		len;
	char	   *bytes;
	double		w[MF_NFACTORS];
} MatchWeightsCache;

static void
match_parse_jsonb_weights(Jsonb *jb, double *w, const char *reader)
{
	JsonbIterator *it;
	JsonbValue	k,
				v;
	JsonbIteratorToken tok;
	uint32		given = 0;

	memcpy(w, match_guc_weights, sizeof(double) * MF_NFACTORS);
	if (!JB_ROOT_IS_OBJECT(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("match weights must be a jsonb object such as {\"skills\": 0.5}")));
	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &k, true)) != WJB_DONE)
	{
		int			f;
		double		d;

		if (tok != WJB_KEY)
			continue;
		for (f = 0; f < MF_NFACTORS; f++)
			if ((int) strlen(match_factor_names[f]) == k.val.string.len &&
				strncmp(match_factor_names[f], k.val.string.val, k.val.string.len) == 0)
				break;
		if (f == MF_NFACTORS)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown match factor \"%.*s\"", Min(k.val.string.len, 40),
							k.val.string.val),
					 errhint("Factors are occupation, skills, region, wage, hours, shifts, education and experience.")));
		JsonbIteratorNext(&it, &v, true);
		if (v.type != jbvNumeric)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the weight of \"%s\" must be a number", match_factor_names[f])));
		d = DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(v.val.numeric)));
		if (isnan(d) || d < 0.0 || d > MATCH_MAX_WEIGHT)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the weight of \"%s\" must be between 0 and 1000000", match_factor_names[f])));
		w[f] = d;
		given |= 1u << f;
	}
	/* factors not given come from the setting */
	if (given != (1u << MF_NFACTORS) - 1)
		(void) match_guc_weights_for(reader);
}

/* Weights for a call: argument argno (jsonb) if given, else the GUC */
static const double *
match_get_weights(FunctionCallInfo fcinfo, int argno, const char *reader)
{
	MatchWeightsCache *c;
	struct varlena *raw;
	Size		len;

	if (PG_NARGS() <= argno)
		return match_guc_weights_for(reader);
	raw = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(argno));
	len = VARSIZE_ANY_EXHDR(raw);
	c = (MatchWeightsCache *) fcinfo->flinfo->fn_extra;
	if (c != NULL && c->generation == match_guc_generation && c->len == len &&
		memcmp(c->bytes, VARDATA_ANY(raw), len) == 0)
		return c->w;
	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(MatchWeightsCache));
		fcinfo->flinfo->fn_extra = c;
	}
	match_parse_jsonb_weights(DatumGetJsonbP(PG_GETARG_DATUM(argno)), c->w, reader);
	if (c->bytes)
		pfree(c->bytes);
	c->bytes = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, Max(len, 1));
	memcpy(c->bytes, VARDATA_ANY(raw), len);
	c->len = len;
	c->generation = match_guc_generation;
	return c->w;
}

/* match_score(seeker, posting [, weights]) */
PG_FUNCTION_INFO_V1(match_score);
Datum
match_score(PG_FUNCTION_ARGS)
{
	JobProfileView s,
				p;
	const double *w = match_get_weights(fcinfo, 2, "match_score");

	jp_view(&s, PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0)));
	jp_view(&p, PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1)));
	PG_RETURN_FLOAT4(match_compute(&s, &p, w));
}

static void
match_json_double(StringInfo buf, double d)
{
	char		tmp[32];

	double_to_shortest_decimal_buf(d, tmp);
	appendStringInfoString(buf, tmp);
}

/* match_explain(seeker, posting [, weights]): each factor and the score */
PG_FUNCTION_INFO_V1(match_explain);
Datum
match_explain(PG_FUNCTION_ARGS)
{
	JobProfileView s,
				p;
	const double *w = match_get_weights(fcinfo, 2, "match_explain");
	double		sims[MF_NFACTORS];
	bool		present[MF_NFACTORS];
	MatchAcc	acc;
	double		skills_sim = 0.0;
	float4		score;
	StringInfoData buf;
	int			f;

	jp_view(&s, PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0)));
	jp_view(&p, PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1)));
	memset(present, 0, sizeof(present));
	match_cheap(&s.h, &p.h, w, &acc, sims, present);
	if (acc.has_skills)
	{
		skills_sim = match_skills(&s, &p);
		sims[MF_SKILLS] = skills_sim;
		present[MF_SKILLS] = true;
	}
	score = match_finish(&acc, skills_sim);
	/* the score returned by match_score, computed the same way */
	Assert(score == match_compute(&s, &p, w));

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (f = 0; f < MF_NFACTORS; f++)
	{
		double		weight = present[f] && acc.total_weight > 0 ? w[f] / acc.total_weight : 0.0;

		appendStringInfo(&buf, "\"%s\": {\"similarity\": ", match_factor_names[f]);
		if (present[f])
			match_json_double(&buf, sims[f]);
		else
			appendStringInfoString(&buf, "null");
		appendStringInfoString(&buf, ", \"weight\": ");
		match_json_double(&buf, weight);
		appendStringInfoString(&buf, ", \"contribution\": ");
		match_json_double(&buf, present[f] && !acc.filtered ? weight * sims[f] : 0.0);
		if (f == MF_SKILLS && present[f])
		{
			/* the posting's skills the seeker has, by name */
			int			i = 0,
						j = 0;
			bool		first = true;

			appendStringInfoString(&buf, ", \"matched\": [");
			while (i < s.h.nskills && j < p.h.nskills)
			{
				uint64		hs = jp_hash_at(&s, i),
							hp = jp_hash_at(&p, j);

				if (hs < hp)
					i++;
				else if (hs > hp)
					j++;
				else
				{
					if (!first)
						appendStringInfoString(&buf, ", ");
					escape_json(&buf, (const char *) pg_do_encoding_conversion((unsigned char *) jp_skill_text(&p, j),
																				strlen(jp_skill_text(&p, j)),
																				PG_UTF8,
																				GetDatabaseEncoding()));
					first = false;
					i++;
					j++;
				}
			}
			appendStringInfoChar(&buf, ']');
		}
		if (f == MF_REGION && present[f] && (s.h.parts & p.h.parts & JP_HAS_COORDS))
		{
			appendStringInfoString(&buf, ", \"distance_km\": ");
			match_json_double(&buf, match_distance_km(&s.h, &p.h));
		}
		appendStringInfoString(&buf, "}, ");
	}
	appendStringInfoString(&buf, "\"target_groups\": {\"similarity\": ");
	appendStringInfoString(&buf, p.h.targets ? (acc.filtered ? "0" : "1") : "null");
	appendStringInfoString(&buf, ", \"weight\": 0, \"contribution\": 0, \"hard_filter\": true}, \"score\": ");
	match_json_double(&buf, (double) score);
	appendStringInfoChar(&buf, '}');
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}

/* ---------------------------------------------------------------------
 * The batch matcher
 *
 * match_batch(seekers regclass, postings regclass, k, weights, by_posting,
 *			   id_column, profile_column) reads both relations once and
 * returns, for every seeker (or, with by_posting, every posting), the k best
 * of the other side: the rows of
 *	 SELECT ... ORDER BY match_score(seeker, posting) DESC, other_id LIMIT k
 * with the same scores.  A candidate whose upper bound (its cheap factors
 * exact, skills similarity taken as 1) is below the current k-th score is
 * not merged: the bound is computed by the same floating-point operations
 * with a larger operand, so it is never below the exact score.
 * ---------------------------------------------------------------------
 */

typedef struct MatchSide
{
	int			n;
	int64	   *ids;
	JobProfileView *views;
} MatchSide;

typedef struct MatchHit
{
	float4		score;
	int64		id;
} MatchHit;

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
match_heap_push(MatchHit *heap, int *n, float4 score, int64 id)
{
	int			i = (*n)++;

	heap[i].score = score;
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

		side->ids[i] = DatumGetInt64(id);
		jp_view(&side->views[i], (struct varlena *) PG_DETOAST_DATUM_COPY(prof));
	}
	MemoryContextSwitchTo(old);
	SPI_freetuptable(SPI_tuptable);
}

/* One skill of one inner profile, for the inverted index */
typedef struct MatchSkillEntry
{
	uint64		hash;
	int32		idx;			/* inner profile */
	float4		weight;
} MatchSkillEntry;

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
 * Skill sums of one outer profile against every inner one, through the
 * inverted index: acc[j] = the sum that match_skills() computes for the pair,
 * with the same additions in the same (ascending hash) order.
 */
static void
match_skill_sums(const JobProfileView *outer, bool outer_is_posting,
				 const MatchSkillEntry *entries, int nentries, double *acc)
{
	int			i;

	for (i = 0; i < outer->h.nskills; i++)
	{
		uint64		h = jp_hash_at(outer, i);
		float4		v = jp_weight_at(outer, i);
		int			lo = 0,
					hi = nentries;

		/* first entry with this hash */
		while (lo < hi)
		{
			int			mid = lo + (hi - lo) / 2;

			if (entries[mid].hash < h)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < nentries && entries[lo].hash == h; lo++)
		{
			const MatchSkillEntry *e = &entries[lo];

			/* posting weight times min(1, seeker weight), as match_skills */
			if (outer_is_posting)
				acc[e->idx] += (double) v * (e->weight < 1.0f ? (double) e->weight : 1.0);
			else
				acc[e->idx] += (double) e->weight * (v < 1.0f ? (double) v : 1.0);
		}
	}
}

PG_FUNCTION_INFO_V1(match_batch);
Datum
match_batch(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Oid			seekers_rel = PG_GETARG_OID(0);
	Oid			postings_rel = PG_GETARG_OID(1);
	int32		k = PG_GETARG_INT32(2);
	bool		by_posting = PG_ARGISNULL(4) ? false : PG_GETARG_BOOL(4);
	const char *idcol = PG_ARGISNULL(5) ? "id" : NameStr(*PG_GETARG_NAME(5));
	const char *profcol = PG_ARGISNULL(6) ? "profile" : NameStr(*PG_GETARG_NAME(6));
	double		w[MF_NFACTORS];
	TupleDesc	tupdesc;
	Tuplestorestate *tupstore;
	MemoryContext per_query,
				old,
				work;
	MatchSide	seekers,
				postings;
	MatchSide  *outer,
			   *inner;
	MatchHit   *heap;
	Oid			jp_oid;
	int			o;
	MatchSkillEntry *entries;
	int64		nentries = 0;
	double	   *skill_sum;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("match_batch needs both relations and k")));
	if (k < 1 || k > MATCH_MAX_K)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("k must be between 1 and %d", MATCH_MAX_K)));
	if (PG_ARGISNULL(3))
		memcpy(w, match_guc_weights_for("match_batch"), sizeof(w));
	else
		match_parse_jsonb_weights(PG_GETARG_JSONB_P(3), w, "match_batch");

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("match_batch must be called in FROM")));
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
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "match_batch: SPI_connect failed");
	match_load_side(seekers_rel, idcol, profcol, jp_oid, work, &seekers);
	match_load_side(postings_rel, idcol, profcol, jp_oid, work, &postings);
	SPI_finish();

	outer = by_posting ? &postings : &seekers;
	inner = by_posting ? &seekers : &postings;
	heap = MemoryContextAlloc(work, sizeof(MatchHit) * Min(k, Max(inner->n, 1)));

	/* the inverted index of the inner side's skills */
	for (o = 0; o < inner->n; o++)
		nentries += inner->views[o].h.nskills;
	entries = MemoryContextAllocHuge(work, sizeof(MatchSkillEntry) * Max(nentries, 1));
	nentries = 0;
	for (o = 0; o < inner->n; o++)
	{
		int			i;

		for (i = 0; i < inner->views[o].h.nskills; i++)
		{
			entries[nentries].hash = jp_hash_at(&inner->views[o], i);
			entries[nentries].idx = o;
			entries[nentries].weight = jp_weight_at(&inner->views[o], i);
			nentries++;
		}
	}
	qsort(entries, nentries, sizeof(MatchSkillEntry), match_skill_entry_cmp);
	skill_sum = MemoryContextAllocHuge(work, sizeof(double) * Max(inner->n, 1));

	for (o = 0; o < outer->n; o++)
	{
		int			nheap = 0;
		int			cap = Min(k, inner->n);
		int			j;

		CHECK_FOR_INTERRUPTS();
		memset(skill_sum, 0, sizeof(double) * inner->n);
		match_skill_sums(&outer->views[o], by_posting, entries, (int) nentries, skill_sum);
		for (j = 0; j < inner->n; j++)
		{
			const JobProfileView *s = by_posting ? &inner->views[j] : &outer->views[o];
			const JobProfileView *p = by_posting ? &outer->views[o] : &inner->views[j];
			int64		id = inner->ids[j];
			MatchAcc	acc;
			float4		score;

			double		skills_sim;
			double		sk;

			match_stage1(&s->h, &p->h, w, &acc);
			/* the exact skills similarity, from the inverted index */
			skills_sim = skill_sum[j] == 0.0 ? 0.0 : skill_sum[j] / p->h.skill_weight_sum;
			sk = acc.has_skills ? acc.skills_weight * skills_sim : 0.0;
			if (nheap == cap)
			{
				/*
				 * Prune when even similarity 1 for the factors not computed
				 * yet cannot beat the k-th score.  The bound is the same sums
				 * in the same order with larger operands, so it is never
				 * below the exact sum; it is compared without dividing,
				 * against kth * W less a margin far above rounding error, so
				 * a pruned pair scores at most kth; and a score equal to kth
				 * never enters, since inner ids come in ascending order.
				 */
				double		threshold = (double) heap[0].score * acc.total_weight * (1.0 - 1e-12);

				if (acc.filtered || acc.total_weight <= 0.0 ||
					match_stage2_bound(&acc, w) + sk <= threshold)
					continue;
				match_stage2(&s->h, &p->h, w, &acc);
				if (acc.partial + sk <= threshold)
					continue;
			}
			else if (!acc.filtered)
				match_stage2(&s->h, &p->h, w, &acc);
			score = acc.filtered ? 0.0f : match_finish(&acc, skills_sim);
			if (nheap < cap)
				match_heap_push(heap, &nheap, score, id);
			else if (match_hit_better(score, id, heap[0].score, heap[0].id))
			{
				heap[0].score = score;
				heap[0].id = id;
				match_heap_sift_down(heap, nheap, 0);
			}
		}
		qsort(heap, nheap, sizeof(MatchHit), match_hit_cmp);
		for (j = 0; j < nheap; j++)
		{
			Datum		values[4];
			bool		nulls[4] = {false, false, false, false};

			values[0] = Int64GetDatum(by_posting ? heap[j].id : outer->ids[o]);
			values[1] = Int64GetDatum(by_posting ? outer->ids[o] : heap[j].id);
			values[2] = Int32GetDatum(j + 1);
			values[3] = Float4GetDatum(heap[j].score);
			tuplestore_putvalues(tupstore, tupdesc, values, nulls);
		}
	}
	MemoryContextDelete(work);
	return (Datum) 0;
}
