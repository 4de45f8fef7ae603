/*
 * jobprofile.c
 *		The jobprofile type: what a job seeker offers or a posting asks,
 *		built once from its parts and compared many times by match.c.
 *
 * Every way in (text, binary and jsonb in jobprofile_io.c, the constructor
 * here) fills a JobProfileParts through the same checking helpers and ends
 * in jobprofile_build(), so a value is validated once, by one set of
 * functions, whichever way it arrived, and its bytes are canonical
 * (equality is byte equality).  The accessors and operators are in
 * jobprofile_op.c, skill search in jobprofile_gin.c.
 *
 * Skills are folded with hangul_fold_key() (ICU NFKC with case folding,
 * spacing and middle dots removed), hashed with a portable 64-bit hash and
 * stored sorted by hash, so match_score() compares two skill sets by one
 * merge of two sorted arrays.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "jobs_ext.h"
#include "jobprofile.h"
#include "jobprofile_parts.h"
#include "region.h"


/* the on-disk header has no padding and a fixed size */
StaticAssertDecl(sizeof(JobProfileFixed) == 72, "JobProfileFixed must be 72 bytes");

const char *const jp_shift_names[JP_NSHIFTS] = {
	"day", "night", "rotating", "weekend"
};

const char *const jp_education_names[JP_NEDUCATION] = {
	"none", "elementary", "middle", "high", "college", "bachelor", "master",
	"doctorate"
};

const char *const jp_target_names[JP_NTARGETS] = {
	"youth", "older", "disabled", "woman_returning", "unpaid_leave",
	"freelancer", "crisis_jobless", "low_income", "single_parent",
	"defector", "immigrant"
};

/* Korean names accepted on input (folded before comparison) */
typedef struct JpAlias
{
	const char *name;
	int			value;
} JpAlias;

static const JpAlias jp_shift_aliases[] = {
	{"주간", 0}, {"야간", 1}, {"교대", 2}, {"교대제", 2}, {"주말", 3},
};

static const JpAlias jp_education_aliases[] = {
	{"무관", 0}, {"학력무관", 0}, {"초졸", 1}, {"중졸", 2}, {"고졸", 3},
	{"전문대졸", 4}, {"초대졸", 4}, {"대졸", 5}, {"석사", 6}, {"박사", 7},
};

static const JpAlias jp_target_aliases[] = {
	{"청년", 0}, {"중장년", 1}, {"고령자", 1}, {"장애인", 2},
	{"경력단절여성", 3}, {"경력보유여성", 3}, {"무급휴직자", 4},
	{"프리랜서", 5}, {"위기지역실직자", 6}, {"저소득층", 7},
	{"한부모", 8}, {"북한이탈주민", 9}, {"결혼이민자", 10},
};

/*
 * Portable 64-bit hash of a folded skill: FNV-1a over the UTF-8 bytes with a
 * final avalanche, the same on every platform (stored values never depend on
 * endianness or on the server's hash functions).
 */
static uint64
jp_skill_hash(const char *s, int len)
{
	uint64		h = UINT64CONST(0xcbf29ce484222325);
	int			i;

	for (i = 0; i < len; i++)
	{
		h ^= (unsigned char) s[i];
		h *= UINT64CONST(0x100000001b3);
	}
	h ^= h >> 33;
	h *= UINT64CONST(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64CONST(0xc4ceb9fe1a85ec53);
	h ^= h >> 33;
	return h;
}

/*
 * Text in the server encoding (up to len bytes, or a NUL) to UTF-8,
 * NUL-terminated; NULL after a soft error.
 */
static char *
jp_to_utf8(const char *s, int len, JpErr *err)
{
	char	   *copy = pnstrdup(s, len);

	return hangul_cstring_to_utf8(copy, strlen(copy), err->escontext);
}

/* UTF-8 to the server encoding, for output */
const char *
jp_from_utf8(const char *s)
{
	return (const char *) pg_do_encoding_conversion((unsigned char *) s, strlen(s),
													 PG_UTF8, GetDatabaseEncoding());
}

/*
 * Fold to a fixed point: separator removal can expose a new composition.
 * NULL after a soft error.
 */
static char *
jp_fold(const char *s, int len, JpErr *err)
{
	char	   *utf8 = jp_to_utf8(s, len, err);
	char	   *key;
	int			round;

	if (utf8 == NULL)
		return NULL;
	key = hangul_fold_key(utf8, strlen(utf8), err->escontext);
	if (key == NULL)
		return NULL;
	/* key is UTF-8 now: folding it again can only fail inside ICU */
	for (round = 0; round < 3; round++)
	{
		char	   *again = hangul_fold_key(key, strlen(key), NULL);

		if (strcmp(again, key) == 0)
			break;
		key = again;
	}
	return key;
}

/*
 * A skill folded and hashed exactly as a profile stores it, for skill search
 * (jobprofile_gin.c): text in the server encoding in, UTF-8 out.  Errors
 * (encoding, length past what folding takes) are raised, with 22023 for a
 * bad value.
 */
char *
jobprofile_fold_skill(const char *s, int len, uint64 *hash)
{
	JpErr		err = {ERRCODE_INVALID_PARAMETER_VALUE, NULL};
	char	   *key = jp_fold(s, len, &err);

	*hash = jp_skill_hash(key, strlen(key));
	return key;
}

/*
 * Look a name up among canonical names and aliases: *found is its value, or
 * -1 when it is unknown.  Returns false after a soft error.  Text longer
 * than a skill may be is no name (and is not folded).
 */
static bool
jp_lookup_name(const char *s, int len, const char *const *names, int nnames,
			   const JpAlias *aliases, int naliases, int *found, JpErr *err)
{
	char	   *key;
	int			i;

	*found = -1;
	if (len > JOBPROFILE_MAX_SKILL_LEN * 4)
		return true;
	key = jp_fold(s, len, err);
	if (key == NULL)
		return false;
	for (i = 0; i < nnames; i++)
	{
		char	   *k = hangul_fold_key(names[i], strlen(names[i]), NULL);

		if (strcmp(k, key) == 0)
		{
			*found = i;
			return true;
		}
	}
	for (i = 0; i < naliases; i++)
	{
		char	   *k = hangul_fold_key(aliases[i].name, strlen(aliases[i].name), NULL);

		if (strcmp(k, key) == 0)
		{
			*found = aliases[i].value;
			return true;
		}
	}
	return true;
}

static bool
jp_all_digits(const char *s, int len)
{
	int			i;

	for (i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return len > 0;
}

/* Occupation: a KECO code of 1-4 digits or a WorkNet job code of 6 */
bool
jp_set_occupation(JobProfileParts *pp, const char *s, int len, JpErr *err)
{
	if (!jp_all_digits(s, len) || len == 5 || len > 6)
		JP_FAIL(err, errmsg("invalid occupation code \"%.*s\"", Min(len, 40), s),
					   errhint("An occupation is a KECO code of 1 to 4 digits or a WorkNet job code of 6 digits."));
	memset(pp->occ, 0, sizeof(pp->occ));
	memcpy(pp->occ, s, len);
	pp->occ_len = len;
	pp->parts |= JP_HAS_OCCUPATION;
	return true;
}

/* Region: a 법정동 code of 2, 5, 8 or 10 digits (sido, sigungu, eupmyeondong, ri) */
bool
jp_set_region(JobProfileParts *pp, const char *s, int len, JpErr *err)
{
	RegionCode	rc;

	switch (region_parse(s, len, &rc))
	{
		case REGION_OK:
			break;
		case REGION_BAD_FORM:
			JP_FAIL(err, errmsg("invalid region code \"%.*s\"", Min(len, 40), s),
					errhint("A region is a 법정동 code of 10 digits (or its first 2, 5 or 8)."));
		case REGION_BAD_SIDO:
			JP_FAIL(err, errmsg("invalid region code \"%.*s\": %02d is not a sido", Min(len, 40), s, rc.sido));
		case REGION_BAD_LEVELS:
			JP_FAIL(err, errmsg("invalid region code \"%.*s\": a level is given below an empty one", Min(len, 40), s));
	}
	pp->sido = rc.sido;
	pp->sigungu = rc.sigungu;
	pp->emd = rc.emd;
	pp->ri = rc.ri;
	pp->parts |= JP_HAS_REGION;
	return true;
}

bool
jp_set_coords(JobProfileParts *pp, double lat, double lon, JpErr *err)
{
	if (isnan(lat) || lat < -90.0 || lat > 90.0 ||
		isnan(lon) || lon < -180.0 || lon > 180.0)
		JP_FAIL(err, errmsg("invalid coordinates (%g, %g)", lat, lon),
					   errhint("Latitude is in [-90, 90] and longitude in [-180, 180] degrees."));
	/* -0 and 0 are one value */
	pp->latitude = lat == 0.0 ? 0.0 : lat;
	pp->longitude = lon == 0.0 ? 0.0 : lon;
	pp->parts |= JP_HAS_COORDS;
	return true;
}

bool
jp_set_int(JobProfileParts *pp, const char *part, int64 value, JpErr *err)
{
	if (strcmp(part, "wage") == 0)
	{
		if (value < 0 || value > PG_INT32_MAX)
			JP_FAIL(err, errmsg("invalid wage " INT64_FORMAT, value),
						   errhint("A wage is a monthly amount in KRW, 0 or more."));
		pp->wage = (int32) value;
		pp->parts |= JP_HAS_WAGE;
	}
	else if (strcmp(part, "hours") == 0)
	{
		if (value < 0 || value > JOBPROFILE_MAX_HOURS)
			JP_FAIL(err, errmsg("invalid weekly hours " INT64_FORMAT, value),
						   errhint("Weekly hours are between 0 and %d.", JOBPROFILE_MAX_HOURS));
		pp->hours = (int) value;
		pp->parts |= JP_HAS_HOURS;
	}
	else
	{
		if (value < 0 || value > JOBPROFILE_MAX_EXPERIENCE)
			JP_FAIL(err, errmsg("invalid years of experience " INT64_FORMAT, value),
						   errhint("Experience is between 0 and %d years.", JOBPROFILE_MAX_EXPERIENCE));
		pp->experience = (int) value;
		pp->parts |= JP_HAS_EXPERIENCE;
	}
	return true;
}

bool
jp_set_education(JobProfileParts *pp, const char *s, int len, JpErr *err)
{
	int			e;

	if (!jp_lookup_name(s, len, jp_education_names, JP_NEDUCATION,
						jp_education_aliases, lengthof(jp_education_aliases), &e, err))
		return false;
	if (e < 0)
		JP_FAIL(err, errmsg("unknown education level \"%.*s\"", Min(len, 40), s),
					   errhint("Education is one of none, elementary, middle, high, college, bachelor, master, doctorate."));
	pp->education = e;
	pp->parts |= JP_HAS_EDUCATION;
	return true;
}

bool
jp_add_shift(JobProfileParts *pp, const char *s, int len, JpErr *err)
{
	int			i;

	if (!jp_lookup_name(s, len, jp_shift_names, JP_NSHIFTS,
						jp_shift_aliases, lengthof(jp_shift_aliases), &i, err))
		return false;
	if (i < 0)
		JP_FAIL(err, errmsg("unknown shift \"%.*s\"", Min(len, 40), s),
					   errhint("Shifts are day, night, rotating and weekend."));
	pp->shifts |= (uint8) (1 << i);
	return true;
}

bool
jp_add_target(JobProfileParts *pp, const char *s, int len, JpErr *err)
{
	int			i;

	if (!jp_lookup_name(s, len, jp_target_names, JP_NTARGETS,
						jp_target_aliases, lengthof(jp_target_aliases), &i, err))
		return false;
	if (i < 0)
		JP_FAIL(err, errmsg("unknown target group \"%.*s\"", Min(len, 40), s),
					   errhint("Target groups are youth, older, disabled, woman_returning, unpaid_leave, freelancer, crisis_jobless, low_income, single_parent, defector, immigrant."));
	pp->targets |= (uint16) (1 << i);
	return true;
}

/*
 * The index of a target-group name or Korean alias (as jobprofile reads
 * them) in *found, -1 when unknown; false after a soft error.  For eligwin's
 * group conditions.
 */
bool
jobprofile_target_lookup(const char *s, int len, int sqlstate, Node *escontext,
						 int *found)
{
	JpErr		err;

	err.code = sqlstate;
	err.escontext = escontext;
	return jp_lookup_name(s, len, jp_target_names, JP_NTARGETS,
						  jp_target_aliases, lengthof(jp_target_aliases), found, &err);
}

bool
jp_add_skill(JobProfileParts *pp, const char *s, int len, double weight, JpErr *err)
{
	char	   *key;

	if (pp->nskills >= JOBPROFILE_MAX_SKILLS)
		JOBS_EXT_INPUT_ERROR(err->escontext, false,
							 (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
							  errmsg("too many skills in a jobprofile"),
							  errdetail("A jobprofile holds at most %d skills.", JOBPROFILE_MAX_SKILLS)));
	if (isnan(weight) || weight <= 0.0 || weight > JOBPROFILE_MAX_SKILL_WEIGHT)
		JP_FAIL(err, errmsg("invalid skill weight %g", weight),
					   errhint("A skill weight is above 0 and at most %g.", JOBPROFILE_MAX_SKILL_WEIGHT));
	if (len > JOBPROFILE_MAX_SKILL_LEN * 4)
		JOBS_EXT_INPUT_ERROR(err->escontext, false,
							 (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
							  errmsg("skill is too long"),
							  errdetail("A skill is at most %d bytes after normalisation.", JOBPROFILE_MAX_SKILL_LEN)));
	key = jp_fold(s, len, err);
	if (key == NULL)
		return false;
	if (strlen(key) > JOBPROFILE_MAX_SKILL_LEN)
		JOBS_EXT_INPUT_ERROR(err->escontext, false,
							 (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
							  errmsg("skill is too long"),
							  errdetail("A skill is at most %d bytes after normalisation.", JOBPROFILE_MAX_SKILL_LEN)));
	if (key[0] == '\0')
		JP_FAIL(err, errmsg("empty skill"),
					   errdetail("A skill must keep at least one character after spacing and separators are removed."));
	pp->skills[pp->nskills] = key;
	pp->weights[pp->nskills] = (float4) weight;
	pp->nskills++;
	return true;
}

/* Skill sorting for the build */
typedef struct JpSkill
{
	uint64		hash;
	const char *text;
	float4		weight;
} JpSkill;

static int
jp_skill_cmp(const void *a, const void *b)
{
	const JpSkill *x = a;
	const JpSkill *y = b;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	return strcmp(x->text, y->text);
}

/*
 * Build the varlena from checked parts.  Skills folding to the same text
 * merge (the larger weight wins).  NULL after a soft error.
 */
struct varlena *
jobprofile_build(JobProfileParts *pp, JpErr *err)
{
	JpSkill    *sk = NULL;
	int			n = 0;
	int			i;
	bool		weighted = false;
	Size		textbytes = 0;
	Size		size;
	struct varlena *result;
	JobProfileFixed h;
	char	   *p;

	if (pp->nskills > 0)
	{
		sk = palloc(sizeof(JpSkill) * pp->nskills);
		for (i = 0; i < pp->nskills; i++)
		{
			sk[i].text = pp->skills[i];
			sk[i].hash = jp_skill_hash(pp->skills[i], strlen(pp->skills[i]));
			sk[i].weight = pp->weights[i];
		}
		qsort(sk, pp->nskills, sizeof(JpSkill), jp_skill_cmp);
		for (i = 0; i < pp->nskills; i++)
		{
			if (n > 0 && sk[n - 1].hash == sk[i].hash)
			{
				if (strcmp(sk[n - 1].text, sk[i].text) != 0)
					JOBS_EXT_INPUT_ERROR(err->escontext, NULL,
										 (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
										  errmsg("skills \"%s\" and \"%s\" have the same hash",
												 sk[n - 1].text, sk[i].text)));
				sk[n - 1].weight = Max(sk[n - 1].weight, sk[i].weight);
				continue;
			}
			sk[n++] = sk[i];
		}
	}

	memset(&h, 0, sizeof(h));
	h.version = JOBPROFILE_VERSION;
	h.parts = pp->parts & ~JP_HAS_SKILL_WEIGHTS;
	h.nskills = (uint16) n;
	if (pp->parts & JP_HAS_OCCUPATION)
	{
		h.occ_len = (uint8) pp->occ_len;
		memcpy(h.occ, pp->occ, pp->occ_len);
	}
	if (pp->parts & JP_HAS_REGION)
	{
		h.sido = (uint8) pp->sido;
		h.sido_area = (uint8) region_sido_area(pp->sido);
		h.sigungu = (uint16) pp->sigungu;
		h.emd = (uint16) pp->emd;
		h.ri = (uint8) pp->ri;
		h.region_depth = 1 + (pp->sigungu != 0) + (pp->emd != 0) + (pp->ri != 0);
	}
	if (pp->parts & JP_HAS_COORDS)
	{
		h.latitude = pp->latitude;
		h.longitude = pp->longitude;
		h.coslat = (float4) cos(pp->latitude * M_PI / 180.0);
	}
	if (pp->parts & JP_HAS_WAGE)
		h.wage = pp->wage;
	if (pp->parts & JP_HAS_HOURS)
		h.hours = (uint16) pp->hours;
	if (pp->parts & JP_HAS_EDUCATION)
		h.education = (uint8) pp->education;
	if (pp->parts & JP_HAS_EXPERIENCE)
		h.experience = (uint16) pp->experience;
	h.shifts = pp->shifts;
	h.targets = pp->targets;

	/* the weight sum is added in hash order, as the matcher reads them */
	h.skill_weight_sum = 0.0;
	for (i = 0; i < n; i++)
	{
		if (sk[i].weight != 1.0f)
			weighted = true;
		h.skill_weight_sum += (double) sk[i].weight;
		h.skill_sig |= UINT64CONST(1) << (sk[i].hash >> 58);
		textbytes += strlen(sk[i].text) + 1;
	}
	if (weighted)
		h.parts |= JP_HAS_SKILL_WEIGHTS;

	/* at most 256 skills of 200 bytes: far below MaxAllocSize */
	size = VARHDRSZ + sizeof(JobProfileFixed) +
		(Size) n * (sizeof(uint64) + (weighted ? sizeof(float4) : 0)) + textbytes;
	if (!AllocSizeIsValid(size))
		elog(ERROR, "jobprofile of %zu bytes is too large", size);
	result = palloc0(size);
	SET_VARSIZE(result, size);
	p = VARDATA(result);
	memcpy(p, &h, sizeof(h));
	p += sizeof(h);
	for (i = 0; i < n; i++, p += sizeof(uint64))
		memcpy(p, &sk[i].hash, sizeof(uint64));
	if (weighted)
		for (i = 0; i < n; i++, p += sizeof(float4))
			memcpy(p, &sk[i].weight, sizeof(float4));
	for (i = 0; i < n; i++)
	{
		Size		l = strlen(sk[i].text) + 1;

		memcpy(p, sk[i].text, l);
		p += l;
	}
	Assert(p == (char *) result + size);
	return result;
}

const char *
jp_skill_text(const JobProfileView *v, int i)
{
	const char *t = v->texts;

	while (i-- > 0)
		t += strlen(t) + 1;
	return t;
}

/* Indexes of the skills ordered by text, for output */
int *
jp_skill_order(const JobProfileView *v, const char ***texts_out)
{
	int			n = v->h.nskills;
	int		   *order = palloc(sizeof(int) * Max(n, 1));
	const char **texts = palloc(sizeof(char *) * Max(n, 1));
	const char *t = v->texts;
	int			i,
				j;

	for (i = 0; i < n; i++)
	{
		texts[i] = t;
		t += strlen(t) + 1;
		order[i] = i;
	}
	/* insertion sort: at most a few hundred skills, output only */
	for (i = 1; i < n; i++)
	{
		int			x = order[i];

		for (j = i; j > 0 && strcmp(texts[order[j - 1]], texts[x]) > 0; j--)
			order[j] = order[j - 1];
		order[j] = x;
	}
	*texts_out = texts;
	return order;
}

/* The region code as its 10 digits, for output */
char *
jp_region_string(const JobProfileFixed *h)
{
	return psprintf("%02d%03d%03d%02d", h->sido, h->sigungu, h->emd, h->ri);
}

/* ---------------------------------------------------------------------
 * Constructor
 * ---------------------------------------------------------------------
 */

static ArrayType *
jp_arg_array(FunctionCallInfo fcinfo, int argno)
{
	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return NULL;
	return PG_GETARG_ARRAYTYPE_P(argno);
}

static void
jp_text_array_each(ArrayType *a, JobProfileParts *pp, JpErr *err, const char *what,
				   bool (*add) (JobProfileParts *, const char *, int, JpErr *))
{
	Datum	   *elems;
	bool	   *nulls;
	int			n,
				i;

	deconstruct_array(a, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	for (i = 0; i < n; i++)
	{
		text	   *t;

		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s must not contain nulls", what)));
		t = DatumGetTextPP(elems[i]);
		add(pp, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), err);
	}
}

/*
 * jobprofile(occupation, skills, region, wage, hours, latitude, longitude,
 *			  shifts, education, experience, target_groups, skill_weights)
 * Every argument may be NULL: that part is absent.
 */
PG_FUNCTION_INFO_V1(jobprofile_make);
Datum
jobprofile_make(PG_FUNCTION_ARGS)
{
	JobProfileParts *pp = palloc0(sizeof(JobProfileParts));
	JpErr		err = {ERRCODE_INVALID_PARAMETER_VALUE, NULL};
	ArrayType  *skills = jp_arg_array(fcinfo, 1);
	ArrayType  *weights = jp_arg_array(fcinfo, 11);
	ArrayType  *a;

	if (!PG_ARGISNULL(0))
	{
		text	   *t = PG_GETARG_TEXT_PP(0);

		jp_set_occupation(pp, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &err);
	}
	if (skills)
	{
		Datum	   *elems;
		bool	   *nulls;
		int			n,
					i;
		float4	   *w = NULL;
		int			nw = 0;

		deconstruct_array(skills, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
		if (n > JOBPROFILE_MAX_SKILLS)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many skills in a jobprofile"),
					 errdetail("A jobprofile holds at most %d skills; %d were given.",
							   JOBPROFILE_MAX_SKILLS, n)));
		if (weights)
		{
			if (ARR_NDIM(weights) > 1 || array_contains_nulls(weights))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("skill_weights must be a one-dimensional array without nulls")));
			{
				Datum	   *wd;
				bool	   *wn;
				int			j;

				deconstruct_array(weights, FLOAT4OID, sizeof(float4), true,
								  TYPALIGN_INT, &wd, &wn, &nw);
				w = palloc(sizeof(float4) * Max(nw, 1));
				for (j = 0; j < nw; j++)
					w[j] = DatumGetFloat4(wd[j]);
			}
			if (nw != n)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("skill_weights has %d elements but skills has %d", nw, n)));
		}
		for (i = 0; i < n; i++)
		{
			text	   *t;

			if (nulls[i])
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("skills must not contain nulls")));
			t = DatumGetTextPP(elems[i]);
			jp_add_skill(pp, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), w ? w[i] : 1.0, &err);
		}
	}
	else if (weights)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("skill_weights given without skills")));
	if (!PG_ARGISNULL(2))
	{
		text	   *t = PG_GETARG_TEXT_PP(2);

		jp_set_region(pp, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &err);
	}
	if (!PG_ARGISNULL(3))
		jp_set_int(pp, "wage", PG_GETARG_INT32(3), &err);
	if (!PG_ARGISNULL(4))
		jp_set_int(pp, "hours", PG_GETARG_INT32(4), &err);
	if (PG_ARGISNULL(5) != PG_ARGISNULL(6))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("latitude and longitude go together")));
	if (!PG_ARGISNULL(5))
		jp_set_coords(pp, PG_GETARG_FLOAT8(5), PG_GETARG_FLOAT8(6), &err);
	if ((a = jp_arg_array(fcinfo, 7)) != NULL)
		jp_text_array_each(a, pp, &err, "shifts", jp_add_shift);
	if (!PG_ARGISNULL(8))
	{
		text	   *t = PG_GETARG_TEXT_PP(8);

		jp_set_education(pp, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &err);
	}
	if (!PG_ARGISNULL(9))
		jp_set_int(pp, "experience", PG_GETARG_INT32(9), &err);
	if ((a = jp_arg_array(fcinfo, 10)) != NULL)
		jp_text_array_each(a, pp, &err, "target_groups", jp_add_target);
	PG_RETURN_POINTER(jobprofile_build(pp, &err));
}
