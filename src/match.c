/*
 * match.c
 *		How well a seeker's jobprofile fits a posting's: match_score(),
 *		match_explain(), and the weights (GUC jobs_ext.match_weights or a
 *		jsonb argument).  The scoring kernel itself is inline in match.h, so
 *		match_batch.c scores with the same code; the formulas are in
 *		doc/matching.md.
 */
#include "postgres.h"

#include <math.h>

#include "common/shortest_dec.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "jobs_ext.h"
#include "jobprofile.h"
#include "match.h"
#include "setting_guard.h"

const char *const match_factor_names[MF_NFACTORS] = {
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


/* region similarity by levels shared when they do not contain each other */
const double match_region_sim[4] = {0.0, 0.3, 0.7, 1.0};

/* shifts similarity: shifts in common / the posting's shifts, by bit masks */
double		match_shift_sim[16][16];

/* occupation similarity: digits shared / digits of the posting's code */
double		match_occ_sim[7][7];

/* hours similarity by the absolute difference in hours */
double		match_hours_sim[JOBPROFILE_MAX_HOURS + 1];

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
	MatchWeights w;
} MatchWeightsCache;

/*
 * The weights of jobs_ext.match_weights; reader names the function for the
 * error on a Citus worker (setting_guard.h)
 */
void
match_weights_from_guc(MatchWeights *w, const char *reader)
{
	memcpy(w->w, match_guc_weights_for(reader), sizeof(w->w));
}

/* The weights of a jsonb object; the factors it does not name from the GUC */
void
match_weights_from_jsonb(Jsonb *jb, MatchWeights *mw, const char *reader)
{
	double	   *w = mw->w;
	uint32		given = 0;
	JsonbIterator *it;
	JsonbValue	k,
				v;
	JsonbIteratorToken tok;

	memcpy(w, match_guc_weights, sizeof(mw->w));
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
static const MatchWeights *
match_get_weights(FunctionCallInfo fcinfo, int argno, MatchWeights *guc,
				  const char *reader)
{
	MatchWeightsCache *c;
	struct varlena *raw;
	Size		len;

	if (PG_NARGS() <= argno)
	{
		match_weights_from_guc(guc, reader);
		return guc;
	}
	raw = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(argno));
	len = VARSIZE_ANY_EXHDR(raw);
	c = (MatchWeightsCache *) fcinfo->flinfo->fn_extra;
	if (c != NULL && c->generation == match_guc_generation && c->len == len &&
		memcmp(c->bytes, VARDATA_ANY(raw), len) == 0)
		return &c->w;
	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(MatchWeightsCache));
		fcinfo->flinfo->fn_extra = c;
	}
	match_weights_from_jsonb(DatumGetJsonbP(PG_GETARG_DATUM(argno)), &c->w, reader);
	if (c->bytes)
		pfree(c->bytes);
	c->bytes = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, Max(len, 1));
	memcpy(c->bytes, VARDATA_ANY(raw), len);
	c->len = len;
	c->generation = match_guc_generation;
	return &c->w;
}

/* match_score(seeker, posting [, weights]) */
PG_FUNCTION_INFO_V1(match_score);
Datum
match_score(PG_FUNCTION_ARGS)
{
	JobProfileView s,
				p;
	MatchWeights guc;
	const MatchWeights *w = match_get_weights(fcinfo, 2, &guc, "match_score");

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

/* The explanation of one pair, as match_explain returns it */
Datum
match_explain_jsonb(const JobProfileView *s, const JobProfileView *p,
					const MatchWeights *mw)
{
	const double *w = mw->w;
	double		sims[MF_NFACTORS];
	bool		present[MF_NFACTORS];
	MatchAcc	acc;
	double		skills_sim = 0.0;
	float4		score;
	StringInfoData buf;
	Datum		result;
	int			f;

	memset(present, 0, sizeof(present));
	match_cheap(&s->h, &p->h, mw, &acc, sims, present);
	if (acc.has_skills)
	{
		skills_sim = match_skills(s, p);
		sims[MF_SKILLS] = skills_sim;
		present[MF_SKILLS] = true;
	}
	score = match_finish(&acc, skills_sim);
	/* the score returned by match_score, computed the same way */
	Assert(score == match_compute(s, p, mw));

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
			while (i < s->h.nskills && j < p->h.nskills)
			{
				uint64		hs = jp_hash_at(s, i),
							hp = jp_hash_at(p, j);

				if (hs < hp)
					i++;
				else if (hs > hp)
					j++;
				else
				{
					if (!first)
						appendStringInfoString(&buf, ", ");
					escape_json(&buf, (const char *) pg_do_encoding_conversion((unsigned char *) jp_skill_text(p, j),
																				strlen(jp_skill_text(p, j)),
																				PG_UTF8,
																				GetDatabaseEncoding()));
					first = false;
					i++;
					j++;
				}
			}
			appendStringInfoChar(&buf, ']');
		}
		if (f == MF_REGION && present[f] && (s->h.parts & p->h.parts & JP_HAS_COORDS))
		{
			appendStringInfoString(&buf, ", \"distance_km\": ");
			match_json_double(&buf, match_distance_km(&s->h, &p->h));
		}
		appendStringInfoString(&buf, "}, ");
	}
	appendStringInfoString(&buf, "\"target_groups\": {\"similarity\": ");
	appendStringInfoString(&buf, p->h.targets ? (acc.filtered ? "0" : "1") : "null");
	appendStringInfoString(&buf, ", \"weight\": 0, \"contribution\": 0, \"hard_filter\": true}, \"score\": ");
	match_json_double(&buf, (double) score);
	appendStringInfoChar(&buf, '}');
	result = DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data));
	pfree(buf.data);
	return result;
}

/* match_explain(seeker, posting [, weights]): each factor and the score */
PG_FUNCTION_INFO_V1(match_explain);
Datum
match_explain(PG_FUNCTION_ARGS)
{
	JobProfileView s,
				p;
	MatchWeights guc;
	const MatchWeights *w = match_get_weights(fcinfo, 2, &guc, "match_explain");

	jp_view(&s, PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0)));
	jp_view(&p, PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1)));
	PG_RETURN_DATUM(match_explain_jsonb(&s, &p, w));
}


/* A number in a match_explain object: obj->key (->key2), or an error */
static double
match_explain_number(JsonbContainer *obj, const char *key, const char *key2,
					 bool null_ok, bool *isnull)
{
	JsonbValue	v;
	JsonbValue *found;

	found = getKeyJsonValueFromContainer(obj, key, strlen(key), &v);
	if (found != NULL && key2 != NULL)
		found = found->type == jbvBinary && JsonContainerIsObject(found->val.binary.data) ?
			getKeyJsonValueFromContainer(found->val.binary.data, key2, strlen(key2), &v) : NULL;
	if (found != NULL && found->type == jbvNull && null_ok)
	{
		*isnull = true;
		return 0.0;
	}
	if (found == NULL || found->type != jbvNumeric)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("not an explanation made by match_explain: no number at \"%s\"%s%s%s",
						key, key2 ? " -> \"" : "", key2 ? key2 : "", key2 ? "\"" : "")));
	if (isnull)
		*isnull = false;
	return DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(found->val.numeric)));
}

/* The score, contributions and filter of a match_explain object */
static float4
match_explain_read(Jsonb *jb, double *contrib, bool *filtered)
{
	bool		isnull;
	double		filter;
	int			f;

	if (!JB_ROOT_IS_OBJECT(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("not an explanation made by match_explain: not an object")));
	for (f = 0; f < MF_NFACTORS; f++)
		contrib[f] = match_explain_number(&jb->root, match_factor_names[f], "contribution", false, NULL);
	filter = match_explain_number(&jb->root, "target_groups", "similarity", true, &isnull);
	*filtered = !isnull && filter == 0.0;
	return (float4) match_explain_number(&jb->root, "score", NULL, false, NULL);
}

/*
 * match_deciding_factor(a, b): of two match_explain results, what decided
 * between them (match_decide): a factor's name, 'target_groups' or 'tie'.
 */
PG_FUNCTION_INFO_V1(match_deciding_factor);
Datum
match_deciding_factor(PG_FUNCTION_ARGS)
{
	double		ca[MF_NFACTORS],
				cb[MF_NFACTORS];
	bool		fa,
				fb;
	float4		sa = match_explain_read(PG_GETARG_JSONB_P(0), ca, &fa);
	float4		sb = match_explain_read(PG_GETARG_JSONB_P(1), cb, &fb);

	PG_RETURN_TEXT_P(cstring_to_text(match_decided_name(match_decide(sa, ca, fa, sb, cb, fb))));
}
