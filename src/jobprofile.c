/*
 * jobprofile.c
 *		The jobprofile type: what a job seeker offers or a posting asks,
 *		built once from its parts and compared many times by match.c.
 *
 * Every way in (text, binary, the constructor, jsonb) fills a JobProfileParts
 * through the same checking helpers and ends in jobprofile_build(), so a value
 * is validated once, by one set of functions, whichever way it arrived, and
 * its bytes are canonical (equality is byte equality).
 *
 * Skills are folded with hangul_fold_key() (ICU NFKC with case folding,
 * spacing and middle dots removed), hashed with a portable 64-bit hash and
 * stored sorted by hash, so match_score() compares two skill sets by one
 * merge of two sorted arrays.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "common/shortest_dec.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "jobs_ext.h"
#include "jobprofile.h"
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

/* Parts as collected from any input, before building */
typedef struct JobProfileParts
{
	uint16		parts;			/* JP_HAS_* except JP_HAS_SKILL_WEIGHTS */
	int			occ_len;
	char		occ[6];
	int			sido,
				sigungu,
				emd,
				ri;
	double		latitude,
				longitude;
	int32		wage;
	int			hours;
	int			experience;
	int			education;
	uint8		shifts;
	uint16		targets;
	int			nskills;
	char	   *skills[JOBPROFILE_MAX_SKILLS];	/* folded, UTF-8 */
	float4		weights[JOBPROFILE_MAX_SKILLS];
} JobProfileParts;

/* Where errors go: the SQLSTATE for bad values and the soft-error context */
typedef struct JpErr
{
	int			code;			/* 22P02 text, 22P03 binary, 22023 otherwise */
	Node	   *escontext;
} JpErr;

#define JP_FAIL(err, ...) \
	JOBS_EXT_INPUT_ERROR((err)->escontext, false, \
						 (errcode((err)->code), __VA_ARGS__))

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
static const char *
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
static bool
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
static bool
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

static bool
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

static bool
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

static bool
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

static bool
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

static bool
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

static bool
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
static struct varlena *
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
static int *
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

/* ---------------------------------------------------------------------
 * Text form:
 *   occupation=7430 skills={용접,tig용접:2} region=5213010100
 *   latitude=35.97 longitude=126.71 wage=2500000 hours=40
 *   shifts={day,night} education=high experience=5 target_groups={youth}
 * Parts in any order, each at most once; the empty string is the empty
 * profile.  Output lists the parts in the order above.
 * ---------------------------------------------------------------------
 */

/* ASCII only: bytes of multibyte characters are never spacing */
#define JP_ISSPACE(c) ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r' || \
					   (c) == '\f' || (c) == '\v')
#define JP_SPECIAL(c) ((c) == ',' || (c) == '{' || (c) == '}' || (c) == '"' || \
					   (c) == ':' || (c) == '\\' || (c) == '=' || JP_ISSPACE(c))

static void
jp_out_element(StringInfo buf, const char *s)
{
	const char *c;
	bool		quote = (*s == '\0');

	for (c = s; *c; c++)
		if (JP_SPECIAL(*c))
			quote = true;
	if (!quote)
	{
		appendStringInfoString(buf, s);
		return;
	}
	appendStringInfoChar(buf, '"');
	for (c = s; *c; c++)
	{
		if (*c == '"' || *c == '\\')
			appendStringInfoChar(buf, '\\');
		appendStringInfoChar(buf, *c);
	}
	appendStringInfoChar(buf, '"');
}

static void
jp_out_float4(StringInfo buf, float4 f)
{
	char		tmp[32];

	float_to_shortest_decimal_buf(f, tmp);
	appendStringInfoString(buf, tmp);
}

static void
jp_out_float8(StringInfo buf, float8 f)
{
	char		tmp[32];

	double_to_shortest_decimal_buf(f, tmp);
	appendStringInfoString(buf, tmp);
}

static char *
jp_region_string(const JobProfileFixed *h)
{
	return psprintf("%02d%03d%03d%02d", h->sido, h->sigungu, h->emd, h->ri);
}

static void
jp_out_bits(StringInfo buf, unsigned bits, const char *const *names, int n)
{
	bool		first = true;
	int			i;

	appendStringInfoChar(buf, '{');
	for (i = 0; i < n; i++)
	{
		if (!(bits & (1u << i)))
			continue;
		if (!first)
			appendStringInfoChar(buf, ',');
		appendStringInfoString(buf, names[i]);
		first = false;
	}
	appendStringInfoChar(buf, '}');
}

static char *
jobprofile_to_cstring(const struct varlena *p)
{
	JobProfileView v;
	StringInfoData buf;

	jp_view(&v, p);
	initStringInfo(&buf);
#define SEP() do { if (buf.len > 0) appendStringInfoChar(&buf, ' '); } while (0)
	if (v.h.parts & JP_HAS_OCCUPATION)
		appendStringInfo(&buf, "occupation=%.*s", v.h.occ_len, v.h.occ);
	if (v.h.nskills > 0)
	{
		const char **texts;
		int		   *order = jp_skill_order(&v, &texts);
		int			i;

		SEP();
		appendStringInfoString(&buf, "skills={");
		for (i = 0; i < v.h.nskills; i++)
		{
			float4		w = jp_weight_at(&v, order[i]);

			if (i > 0)
				appendStringInfoChar(&buf, ',');
			jp_out_element(&buf, jp_from_utf8(texts[order[i]]));
			if (w != 1.0f)
			{
				appendStringInfoChar(&buf, ':');
				jp_out_float4(&buf, w);
			}
		}
		appendStringInfoChar(&buf, '}');
	}
	if (v.h.parts & JP_HAS_REGION)
	{
		SEP();
		appendStringInfo(&buf, "region=%s", jp_region_string(&v.h));
	}
	if (v.h.parts & JP_HAS_COORDS)
	{
		SEP();
		appendStringInfoString(&buf, "latitude=");
		jp_out_float8(&buf, v.h.latitude);
		appendStringInfoString(&buf, " longitude=");
		jp_out_float8(&buf, v.h.longitude);
	}
	if (v.h.parts & JP_HAS_WAGE)
	{
		SEP();
		appendStringInfo(&buf, "wage=%d", v.h.wage);
	}
	if (v.h.parts & JP_HAS_HOURS)
	{
		SEP();
		appendStringInfo(&buf, "hours=%d", v.h.hours);
	}
	if (v.h.shifts)
	{
		SEP();
		appendStringInfoString(&buf, "shifts=");
		jp_out_bits(&buf, v.h.shifts, jp_shift_names, JP_NSHIFTS);
	}
	if (v.h.parts & JP_HAS_EDUCATION)
	{
		SEP();
		appendStringInfo(&buf, "education=%s", jp_education_names[v.h.education]);
	}
	if (v.h.parts & JP_HAS_EXPERIENCE)
	{
		SEP();
		appendStringInfo(&buf, "experience=%d", v.h.experience);
	}
	if (v.h.targets)
	{
		SEP();
		appendStringInfoString(&buf, "target_groups=");
		jp_out_bits(&buf, v.h.targets, jp_target_names, JP_NTARGETS);
	}
#undef SEP
	return buf.data;
}

/* Text parser state */
typedef struct JpLexer
{
	const char *s;				/* whole input, for messages */
	const char *p;				/* current position */
	JpErr	   *err;
} JpLexer;

#define JP_SYNTAX(lx, ...) \
	JOBS_EXT_INPUT_ERROR((lx)->err->escontext, false, \
						 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION), \
						  errmsg("invalid input syntax for type %s: \"%s\"", "jobprofile", (lx)->s), \
						  __VA_ARGS__))

static void
jp_skip_space(JpLexer *lx)
{
	while (*lx->p && JP_ISSPACE(*lx->p))
		lx->p++;
}

/* One list element or bare value; *out is palloc'd, unescaped */
static bool
jp_lex_element(JpLexer *lx, char **out, int *outlen, bool in_list)
{
	StringInfoData buf;

	initStringInfo(&buf);
	if (*lx->p == '"')
	{
		lx->p++;
		while (*lx->p && *lx->p != '"')
		{
			if (*lx->p == '\\' && lx->p[1])
				lx->p++;
			appendStringInfoChar(&buf, *lx->p++);
		}
		if (*lx->p != '"')
			JP_SYNTAX(lx, errdetail("Unterminated quoted string."));
		lx->p++;
	}
	else
	{
		while (*lx->p && !JP_ISSPACE(*lx->p) &&
			   !(in_list && JP_SPECIAL(*lx->p)))
			appendStringInfoChar(&buf, *lx->p++);
		if (buf.len == 0)
			JP_SYNTAX(lx, errdetail("A value is missing at \"%s\".", lx->p));
	}
	*out = buf.data;
	*outlen = buf.len;
	return true;
}

typedef enum JpListKind
{
	JP_LIST_SKILLS,
	JP_LIST_SHIFTS,
	JP_LIST_TARGETS
} JpListKind;

static bool
jp_lex_list(JpLexer *lx, JobProfileParts *pp, JpListKind kind)
{
	if (*lx->p != '{')
		JP_SYNTAX(lx, errdetail("A list must be written in braces, as {a,b}."));
	lx->p++;
	jp_skip_space(lx);
	if (*lx->p == '}')
	{
		lx->p++;
		return true;
	}
	for (;;)
	{
		char	   *el;
		int			len;
		double		weight = 1.0;

		jp_skip_space(lx);
		if (!jp_lex_element(lx, &el, &len, true))
			return false;
		jp_skip_space(lx);
		if (*lx->p == ':' && kind == JP_LIST_SKILLS)
		{
			char	   *end;

			lx->p++;
			errno = 0;
			weight = strtod(lx->p, &end);
			if (end == lx->p || errno != 0)
				JP_SYNTAX(lx, errdetail("A skill weight must be a number."));
			lx->p = end;
			jp_skip_space(lx);
		}
		if (kind == JP_LIST_SKILLS && !jp_add_skill(pp, el, len, weight, lx->err))
			return false;
		if (kind == JP_LIST_SHIFTS && !jp_add_shift(pp, el, len, lx->err))
			return false;
		if (kind == JP_LIST_TARGETS && !jp_add_target(pp, el, len, lx->err))
			return false;
		if (*lx->p == ',')
		{
			lx->p++;
			continue;
		}
		if (*lx->p == '}')
		{
			lx->p++;
			return true;
		}
		JP_SYNTAX(lx, errdetail("Expected \",\" or \"}\" in a list."));
	}
}

static bool
jp_parse_int(JpLexer *lx, const char *part, JobProfileParts *pp)
{
	char	   *el;
	int			len;
	char	   *end;
	int64		v;

	if (!jp_lex_element(lx, &el, &len, false))
		return false;
	errno = 0;
	v = strtoll(el, &end, 10);
	if (*end != '\0' || errno != 0)
		JP_SYNTAX(lx, errdetail("The %s must be an integer.", part));
	return jp_set_int(pp, part, v, lx->err);
}

static bool
jp_parse_double(JpLexer *lx, const char *part, double *out)
{
	char	   *el;
	int			len;
	char	   *end;

	if (!jp_lex_element(lx, &el, &len, false))
		return false;
	errno = 0;
	*out = strtod(el, &end);
	/* ERANGE for a subnormal result is no error: output prints those (as float8in) */
	if (*end != '\0' ||
		(errno != 0 && !(errno == ERANGE && *out != 0.0 && !isinf(*out))))
		JP_SYNTAX(lx, errdetail("The %s must be a number.", part));
	return true;
}

/* Parse the text form into parts; false after a soft error */
static bool
jp_parse_text(const char *str, JobProfileParts *pp, JpErr *err)
{
	JpLexer		lx;
	double		lat = 0,
				lon = 0;
	bool		has_lat = false,
				has_lon = false;
	uint32		seen = 0;
	static const char *const part_names[] = {
		"occupation", "skills", "region", "latitude", "longitude", "wage",
		"hours", "shifts", "education", "experience", "target_groups"
	};

	lx.s = str;
	lx.p = str;
	lx.err = err;
	for (;;)
	{
		const char *name;
		int			namelen;
		int			part;
		char	   *el;
		int			len;
		bool		ok = true;

		jp_skip_space(&lx);
		if (*lx.p == '\0')
			break;
		name = lx.p;
		while (*lx.p && *lx.p != '=' && !JP_ISSPACE(*lx.p))
			lx.p++;
		namelen = lx.p - name;
		for (part = 0; part < (int) lengthof(part_names); part++)
			if ((int) strlen(part_names[part]) == namelen &&
				strncmp(part_names[part], name, namelen) == 0)
				break;
		if (part == (int) lengthof(part_names))
			JP_SYNTAX(&lx, errdetail("Unknown part \"%.*s\".", Min(namelen, 40), name),
							 errhint("Parts are occupation, skills, region, latitude, longitude, wage, hours, shifts, education, experience and target_groups."));
		if (seen & (1u << part))
			JP_SYNTAX(&lx, errdetail("Part \"%s\" is given twice.", part_names[part]));
		seen |= 1u << part;
		if (*lx.p != '=')
			JP_SYNTAX(&lx, errdetail("Expected \"=\" after \"%s\".", part_names[part]));
		lx.p++;
		switch (part)
		{
			case 0:
				ok = jp_lex_element(&lx, &el, &len, false) &&
					jp_set_occupation(pp, el, len, err);
				break;
			case 1:
				ok = jp_lex_list(&lx, pp, JP_LIST_SKILLS);
				break;
			case 2:
				ok = jp_lex_element(&lx, &el, &len, false) &&
					jp_set_region(pp, el, len, err);
				break;
			case 3:
				ok = jp_parse_double(&lx, "latitude", &lat);
				has_lat = true;
				break;
			case 4:
				ok = jp_parse_double(&lx, "longitude", &lon);
				has_lon = true;
				break;
			case 5:
				ok = jp_parse_int(&lx, "wage", pp);
				break;
			case 6:
				ok = jp_parse_int(&lx, "hours", pp);
				break;
			case 7:
				ok = jp_lex_list(&lx, pp, JP_LIST_SHIFTS);
				break;
			case 8:
				ok = jp_lex_element(&lx, &el, &len, false) &&
					jp_set_education(pp, el, len, err);
				break;
			case 9:
				ok = jp_parse_int(&lx, "experience", pp);
				break;
			case 10:
				ok = jp_lex_list(&lx, pp, JP_LIST_TARGETS);
				break;
		}
		if (!ok)
			return false;
		if (*lx.p && !JP_ISSPACE(*lx.p))
			JP_SYNTAX(&lx, errdetail("Junk after part \"%s\".", part_names[part]));
	}
	if (has_lat != has_lon)
		JP_SYNTAX(&lx, errdetail("Latitude and longitude go together."));
	if (has_lat && !jp_set_coords(pp, lat, lon, err))
		return false;
	return true;
}

PG_FUNCTION_INFO_V1(jobprofile_in);
Datum
jobprofile_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	JobProfileParts *pp = palloc0(sizeof(JobProfileParts));
	JpErr		err;
	struct varlena *result;

	err.code = ERRCODE_INVALID_TEXT_REPRESENTATION;
	err.escontext = NULL;
#if PG_VERSION_NUM >= 160000
	err.escontext = fcinfo->context;
#endif
	if (!jp_parse_text(str, pp, &err))
		PG_RETURN_NULL();
	result = jobprofile_build(pp, &err);
	if (result == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(result);
}

PG_FUNCTION_INFO_V1(jobprofile_out);
Datum
jobprofile_out(PG_FUNCTION_ARGS)
{
	struct varlena *p = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));

	PG_RETURN_CSTRING(jobprofile_to_cstring(p));
}

/* ---------------------------------------------------------------------
 * Binary form (version 1):
 *   uint8 version, uint16 parts, uint8 occ_len + digits, int64 region code,
 *   float8 latitude, float8 longitude, int32 wage, int16 hours,
 *   uint8 education, int16 experience, uint8 shifts, uint16 targets,
 *   uint16 nskills, then per skill int32 length, text (client encoding),
 *   float4 weight.  Absent parts are sent as zero and ignored on receipt.
 * ---------------------------------------------------------------------
 */

/* Check that n more bytes are there, so a short message is 22P03 */
static void
jp_recv_need(StringInfo buf, int n)
{
	if (n < 0 || buf->len - buf->cursor < n)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external jobprofile value: truncated")));
}

PG_FUNCTION_INFO_V1(jobprofile_recv);
Datum
jobprofile_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	JobProfileParts *pp = palloc0(sizeof(JobProfileParts));
	JpErr		err = {ERRCODE_INVALID_BINARY_REPRESENTATION, NULL};
	int			version;
	int			parts;
	int			occ_len;
	char		occ[8];
	int64		region;
	double		lat,
				lon;
	int32		wage;
	int			hours,
				education,
				experience,
				shifts,
				targets,
				nskills,
				i;

	jp_recv_need(buf, 1 + 2 + 1);
	version = pq_getmsgint(buf, 1);
	if (version != JOBPROFILE_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external jobprofile value: unknown version %d", version)));
	parts = pq_getmsgint(buf, 2);
	if (parts & ~JP_ALL_PARTS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external jobprofile value: unknown parts 0x%x", parts)));
	occ_len = pq_getmsgint(buf, 1);
	if (occ_len > 6)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external jobprofile value: occupation of %d digits", occ_len)));
	jp_recv_need(buf, occ_len + 8 + 8 + 8 + 4 + 2 + 1 + 2 + 1 + 2 + 2);
	pq_copymsgbytes(buf, occ, occ_len);
	region = pq_getmsgint64(buf);
	lat = pq_getmsgfloat8(buf);
	lon = pq_getmsgfloat8(buf);
	wage = pq_getmsgint(buf, 4);
	hours = (int16) pq_getmsgint(buf, 2);
	education = pq_getmsgint(buf, 1);
	experience = (int16) pq_getmsgint(buf, 2);
	shifts = pq_getmsgint(buf, 1);
	targets = pq_getmsgint(buf, 2);
	nskills = pq_getmsgint(buf, 2);

	if ((parts & JP_HAS_OCCUPATION) && !jp_set_occupation(pp, occ, occ_len, &err))
		PG_RETURN_NULL();
	if (parts & JP_HAS_REGION)
	{
		char		digits[32];

		if (region < 0 || region > INT64CONST(9999999999))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid external jobprofile value: region code " INT64_FORMAT, region)));
		snprintf(digits, sizeof(digits), "%010lld", (long long) region);
		jp_set_region(pp, digits, 10, &err);
	}
	if (parts & JP_HAS_COORDS)
		jp_set_coords(pp, lat, lon, &err);
	if (parts & JP_HAS_WAGE)
		jp_set_int(pp, "wage", wage, &err);
	if (parts & JP_HAS_HOURS)
		jp_set_int(pp, "hours", hours, &err);
	if (parts & JP_HAS_EXPERIENCE)
		jp_set_int(pp, "experience", experience, &err);
	if (parts & JP_HAS_EDUCATION)
	{
		if (education >= JP_NEDUCATION)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid external jobprofile value: education level %d", education)));
		pp->education = education;
		pp->parts |= JP_HAS_EDUCATION;
	}
	if ((shifts & ~((1 << JP_NSHIFTS) - 1)) || (targets & ~((1 << JP_NTARGETS) - 1)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external jobprofile value: unknown shift or target group bits")));
	pp->shifts = (uint8) shifts;
	pp->targets = (uint16) targets;
	if (nskills > JOBPROFILE_MAX_SKILLS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many skills in a jobprofile"),
				 errdetail("A jobprofile holds at most %d skills.", JOBPROFILE_MAX_SKILLS)));
	for (i = 0; i < nskills; i++)
	{
		int			len;
		int			nbytes;
		char	   *s;
		float4		w;

		jp_recv_need(buf, 4);
		len = pq_getmsgint(buf, 4);
		jp_recv_need(buf, len);
		s = pq_getmsgtext(buf, len, &nbytes);
		jp_recv_need(buf, 4);
		w = pq_getmsgfloat4(buf);
		jp_add_skill(pp, s, nbytes, w, &err);
	}
	if (buf->cursor != buf->len)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external jobprofile value: %d bytes of junk at the end",
						buf->len - buf->cursor)));
	PG_RETURN_POINTER(jobprofile_build(pp, &err));
}

PG_FUNCTION_INFO_V1(jobprofile_send);
Datum
jobprofile_send(PG_FUNCTION_ARGS)
{
	struct varlena *p = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	JobProfileView v;
	StringInfoData buf;
	const char *t;
	int			i;
	int64		region = 0;

	jp_view(&v, p);
	if (v.h.parts & JP_HAS_REGION)
		region = (int64) v.h.sido * INT64CONST(100000000) + (int64) v.h.sigungu * 100000 +
			(int64) v.h.emd * 100 + v.h.ri;
	pq_begintypsend(&buf);
	pq_sendint8(&buf, JOBPROFILE_VERSION);
	pq_sendint16(&buf, v.h.parts & ~JP_HAS_SKILL_WEIGHTS);
	pq_sendint8(&buf, v.h.occ_len);
	pq_sendbytes(&buf, v.h.occ, v.h.occ_len);
	pq_sendint64(&buf, region);
	pq_sendfloat8(&buf, v.h.latitude);
	pq_sendfloat8(&buf, v.h.longitude);
	pq_sendint32(&buf, v.h.wage);
	pq_sendint16(&buf, v.h.hours);
	pq_sendint8(&buf, v.h.education);
	pq_sendint16(&buf, v.h.experience);
	pq_sendint8(&buf, v.h.shifts);
	pq_sendint16(&buf, v.h.targets);
	pq_sendint16(&buf, v.h.nskills);
	t = v.texts;
	for (i = 0; i < v.h.nskills; i++)
	{
		const char *local = jp_from_utf8(t);
		char	   *client = pg_server_to_client(local, strlen(local));

		pq_sendint32(&buf, strlen(client));
		pq_sendbytes(&buf, client, strlen(client));
		pq_sendfloat4(&buf, jp_weight_at(&v, i));
		t += strlen(t) + 1;
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* The binary form as bytea, decoded: for tools that kept send output */
PG_FUNCTION_INFO_V1(jobprofile_from_binary);
Datum
jobprofile_from_binary(PG_FUNCTION_ARGS)
{
	return jobs_ext_recv_bytea(jobprofile_recv, PG_GETARG_BYTEA_PP(0), "jobprofile");
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

/* ---------------------------------------------------------------------
 * jsonb: the constructor's argument names as keys
 * ---------------------------------------------------------------------
 */

static void
jp_json_fail(const char *key, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("jsonb key \"%s\" of a jobprofile must be %s", key, what)));
}

static double
jp_json_number(const JsonbValue *v, const char *key)
{
	if (v->type != jbvNumeric)
		jp_json_fail(key, "a number");
	return DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(v->val.numeric)));
}

static int64
jp_json_integer(const JsonbValue *v, const char *key)
{
	double		d = jp_json_number(v, key);

	if (d != floor(d) || d < -1e15 || d > 1e15)
		jp_json_fail(key, "an integer");
	return (int64) d;
}

/* A string, or a number written as digits (codes may be given as numbers) */
static char *
jp_json_string(const JsonbValue *v, const char *key, bool number_ok)
{
	if (v->type == jbvString)
		return pnstrdup(v->val.string.val, v->val.string.len);
	if (number_ok && v->type == jbvNumeric)
		return DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v->val.numeric)));
	jp_json_fail(key, "a string");
	return NULL;
}

/* Elements of a jsonb array value (jbvBinary) */
static JsonbValue *
jp_json_array(const JsonbValue *v, const char *key, int *n)
{
	JsonbIterator *it;
	JsonbValue	el;
	JsonbIteratorToken tok;
	JsonbValue *out;
	int			cap = 8;

	if (v->type != jbvBinary || !JsonContainerIsArray(v->val.binary.data))
		jp_json_fail(key, "an array");
	out = palloc(sizeof(JsonbValue) * cap);
	*n = 0;
	it = JsonbIteratorInit(v->val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &el, true)) != WJB_DONE)
	{
		if (tok != WJB_ELEM)
			continue;
		if (*n >= JOBPROFILE_MAX_SKILLS * 4)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("jsonb array \"%s\" is too long for a jobprofile", key)));
		if (*n == cap)
		{
			cap *= 2;
			out = repalloc(out, sizeof(JsonbValue) * cap);
		}
		out[(*n)++] = el;
	}
	return out;
}

PG_FUNCTION_INFO_V1(jobprofile_from_jsonb);
Datum
jobprofile_from_jsonb(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	JobProfileParts *pp = palloc0(sizeof(JobProfileParts));
	JpErr		err = {ERRCODE_INVALID_PARAMETER_VALUE, NULL};
	JsonbIterator *it;
	JsonbValue	k,
				v;
	JsonbIteratorToken tok;
	JsonbValue *skills = NULL,
			   *weights = NULL;
	int			nskills = 0,
				nweights = 0,
				i;
	bool		skills_object = false;
	double		lat = 0,
				lon = 0;
	bool		has_lat = false,
				has_lon = false;

	if (!JB_ROOT_IS_OBJECT(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a jobprofile in jsonb must be an object")));
	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &k, true)) != WJB_DONE)
	{
		char	   *key;

		if (tok != WJB_KEY)
			continue;
		key = pnstrdup(k.val.string.val, k.val.string.len);
		tok = JsonbIteratorNext(&it, &v, true);
		Assert(tok == WJB_VALUE);
		if (v.type == jbvNull)
			continue;
		if (strcmp(key, "occupation") == 0)
		{
			char	   *s = jp_json_string(&v, key, true);

			jp_set_occupation(pp, s, strlen(s), &err);
		}
		else if (strcmp(key, "skills") == 0)
		{
			if (v.type == jbvBinary && JsonContainerIsObject(v.val.binary.data))
			{
				/* {"skill": weight, ...} */
				JsonbIterator *it2 = JsonbIteratorInit(v.val.binary.data);
				JsonbValue	sk,
							sw;

				skills_object = true;
				while ((tok = JsonbIteratorNext(&it2, &sk, true)) != WJB_DONE)
				{
					if (tok != WJB_KEY)
						continue;
					JsonbIteratorNext(&it2, &sw, true);
					jp_add_skill(pp, sk.val.string.val, sk.val.string.len,
								 jp_json_number(&sw, "skills"), &err);
				}
			}
			else
				skills = jp_json_array(&v, key, &nskills);
		}
		else if (strcmp(key, "skill_weights") == 0)
			weights = jp_json_array(&v, key, &nweights);
		else if (strcmp(key, "region") == 0)
		{
			char	   *s = jp_json_string(&v, key, true);

			jp_set_region(pp, s, strlen(s), &err);
		}
		else if (strcmp(key, "latitude") == 0)
		{
			lat = jp_json_number(&v, key);
			has_lat = true;
		}
		else if (strcmp(key, "longitude") == 0)
		{
			lon = jp_json_number(&v, key);
			has_lon = true;
		}
		else if (strcmp(key, "wage") == 0 || strcmp(key, "hours") == 0 ||
				 strcmp(key, "experience") == 0)
			jp_set_int(pp, key, jp_json_integer(&v, key), &err);
		else if (strcmp(key, "education") == 0)
		{
			char	   *s = jp_json_string(&v, key, false);

			jp_set_education(pp, s, strlen(s), &err);
		}
		else if (strcmp(key, "shifts") == 0 || strcmp(key, "target_groups") == 0)
		{
			int			n;
			JsonbValue *els = jp_json_array(&v, key, &n);

			for (i = 0; i < n; i++)
			{
				char	   *s = jp_json_string(&els[i], key, false);

				if (key[0] == 's')
					jp_add_shift(pp, s, strlen(s), &err);
				else
					jp_add_target(pp, s, strlen(s), &err);
			}
		}
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown jobprofile part \"%s\"", key),
					 errhint("Parts are occupation, skills, skill_weights, region, latitude, longitude, wage, hours, shifts, education, experience and target_groups.")));
	}
	if (weights && (skills_object || nweights != nskills))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("skill_weights must be an array as long as the skills array")));
	if (nskills > JOBPROFILE_MAX_SKILLS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many skills in a jobprofile"),
				 errdetail("A jobprofile holds at most %d skills; %d were given.",
						   JOBPROFILE_MAX_SKILLS, nskills)));
	for (i = 0; i < nskills; i++)
	{
		char	   *s = jp_json_string(&skills[i], "skills", false);

		jp_add_skill(pp, s, strlen(s),
					 weights ? jp_json_number(&weights[i], "skill_weights") : 1.0, &err);
	}
	if (has_lat != has_lon)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("latitude and longitude go together")));
	if (has_lat)
		jp_set_coords(pp, lat, lon, &err);
	PG_RETURN_POINTER(jobprofile_build(pp, &err));
}

static void
jp_json_bits(StringInfo buf, const char *key, unsigned bits, const char *const *names, int n)
{
	bool		first = true;
	int			i;

	appendStringInfo(buf, ", \"%s\": [", key);
	for (i = 0; i < n; i++)
	{
		if (!(bits & (1u << i)))
			continue;
		if (!first)
			appendStringInfoString(buf, ", ");
		escape_json(buf, names[i]);
		first = false;
	}
	appendStringInfoChar(buf, ']');
}

PG_FUNCTION_INFO_V1(jobprofile_to_jsonb);
Datum
jobprofile_to_jsonb(PG_FUNCTION_ARGS)
{
	struct varlena *p = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	JobProfileView v;
	StringInfoData buf;

	jp_view(&v, p);
	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	if (v.h.parts & JP_HAS_OCCUPATION)
	{
		char		occ[7];

		memcpy(occ, v.h.occ, v.h.occ_len);
		occ[v.h.occ_len] = '\0';
		appendStringInfo(&buf, ", \"occupation\": \"%s\"", occ);
	}
	if (v.h.nskills > 0)
	{
		const char **texts;
		int		   *order = jp_skill_order(&v, &texts);
		int			i;

		appendStringInfoString(&buf, ", \"skills\": [");
		for (i = 0; i < v.h.nskills; i++)
		{
			if (i > 0)
				appendStringInfoString(&buf, ", ");
			escape_json(&buf, jp_from_utf8(texts[order[i]]));
		}
		appendStringInfoChar(&buf, ']');
		if (v.weights)
		{
			appendStringInfoString(&buf, ", \"skill_weights\": [");
			for (i = 0; i < v.h.nskills; i++)
			{
				if (i > 0)
					appendStringInfoString(&buf, ", ");
				jp_out_float4(&buf, jp_weight_at(&v, order[i]));
			}
			appendStringInfoChar(&buf, ']');
		}
	}
	if (v.h.parts & JP_HAS_REGION)
		appendStringInfo(&buf, ", \"region\": \"%s\"", jp_region_string(&v.h));
	if (v.h.parts & JP_HAS_COORDS)
	{
		appendStringInfoString(&buf, ", \"latitude\": ");
		jp_out_float8(&buf, v.h.latitude);
		appendStringInfoString(&buf, ", \"longitude\": ");
		jp_out_float8(&buf, v.h.longitude);
	}
	if (v.h.parts & JP_HAS_WAGE)
		appendStringInfo(&buf, ", \"wage\": %d", v.h.wage);
	if (v.h.parts & JP_HAS_HOURS)
		appendStringInfo(&buf, ", \"hours\": %d", v.h.hours);
	if (v.h.shifts)
		jp_json_bits(&buf, "shifts", v.h.shifts, jp_shift_names, JP_NSHIFTS);
	if (v.h.parts & JP_HAS_EDUCATION)
		appendStringInfo(&buf, ", \"education\": \"%s\"", jp_education_names[v.h.education]);
	if (v.h.parts & JP_HAS_EXPERIENCE)
		appendStringInfo(&buf, ", \"experience\": %d", v.h.experience);
	if (v.h.targets)
		jp_json_bits(&buf, "target_groups", v.h.targets, jp_target_names, JP_NTARGETS);
	appendStringInfoChar(&buf, '}');
	/* every key above was written with a leading ", "; drop the first */
	if (buf.len > 2)
	{
		memmove(buf.data + 1, buf.data + 3, buf.len - 2);
		buf.len -= 2;
	}
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}

/* ---------------------------------------------------------------------
 * Accessors
 * ---------------------------------------------------------------------
 */

#define JP_GET_VIEW(v) \
	JobProfileView v; \
	jp_view(&v, PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0)))

static Datum
jp_text_array(const char **items, int n)
{
	Datum	   *d = palloc(sizeof(Datum) * Max(n, 1));
	int			i;

	for (i = 0; i < n; i++)
		d[i] = PointerGetDatum(cstring_to_text(items[i]));
	return PointerGetDatum(construct_array(d, n, TEXTOID, -1, false, TYPALIGN_INT));
}

static Datum
jp_bits_array(unsigned bits, const char *const *names, int nnames)
{
	const char *items[16];
	int			n = 0,
				i;

	for (i = 0; i < nnames; i++)
		if (bits & (1u << i))
			items[n++] = names[i];
	return jp_text_array(items, n);
}

PG_FUNCTION_INFO_V1(jobprofile_occupation);
Datum
jobprofile_occupation(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!(v.h.parts & JP_HAS_OCCUPATION))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(v.h.occ, v.h.occ_len));
}

PG_FUNCTION_INFO_V1(jobprofile_skills);
Datum
jobprofile_skills(PG_FUNCTION_ARGS)
{
	const char **texts;
	const char **out;
	int		   *order;
	int			i;

	JP_GET_VIEW(v);
	if (v.h.nskills == 0)
		PG_RETURN_NULL();
	order = jp_skill_order(&v, &texts);
	out = palloc(sizeof(char *) * v.h.nskills);
	for (i = 0; i < v.h.nskills; i++)
		out[i] = jp_from_utf8(texts[order[i]]);
	PG_RETURN_DATUM(jp_text_array(out, v.h.nskills));
}

PG_FUNCTION_INFO_V1(jobprofile_skill_weights);
Datum
jobprofile_skill_weights(PG_FUNCTION_ARGS)
{
	const char **texts;
	int		   *order;
	Datum	   *d;
	int			i;

	JP_GET_VIEW(v);
	if (v.h.nskills == 0)
		PG_RETURN_NULL();
	order = jp_skill_order(&v, &texts);
	d = palloc(sizeof(Datum) * v.h.nskills);
	for (i = 0; i < v.h.nskills; i++)
		d[i] = Float4GetDatum(jp_weight_at(&v, order[i]));
	PG_RETURN_ARRAYTYPE_P(construct_array(d, v.h.nskills, FLOAT4OID, sizeof(float4),
										  true, TYPALIGN_INT));
}

PG_FUNCTION_INFO_V1(jobprofile_region);
Datum
jobprofile_region(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!(v.h.parts & JP_HAS_REGION))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(jp_region_string(&v.h)));
}

PG_FUNCTION_INFO_V1(jobprofile_latitude);
Datum
jobprofile_latitude(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!(v.h.parts & JP_HAS_COORDS))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v.h.latitude);
}

PG_FUNCTION_INFO_V1(jobprofile_longitude);
Datum
jobprofile_longitude(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!(v.h.parts & JP_HAS_COORDS))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v.h.longitude);
}

PG_FUNCTION_INFO_V1(jobprofile_wage);
Datum
jobprofile_wage(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!(v.h.parts & JP_HAS_WAGE))
		PG_RETURN_NULL();
	PG_RETURN_INT32(v.h.wage);
}

PG_FUNCTION_INFO_V1(jobprofile_hours);
Datum
jobprofile_hours(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!(v.h.parts & JP_HAS_HOURS))
		PG_RETURN_NULL();
	PG_RETURN_INT32(v.h.hours);
}

PG_FUNCTION_INFO_V1(jobprofile_shifts);
Datum
jobprofile_shifts(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!v.h.shifts)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(jp_bits_array(v.h.shifts, jp_shift_names, JP_NSHIFTS));
}

PG_FUNCTION_INFO_V1(jobprofile_education);
Datum
jobprofile_education(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!(v.h.parts & JP_HAS_EDUCATION))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(jp_education_names[v.h.education]));
}

PG_FUNCTION_INFO_V1(jobprofile_experience);
Datum
jobprofile_experience(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!(v.h.parts & JP_HAS_EXPERIENCE))
		PG_RETURN_NULL();
	PG_RETURN_INT32(v.h.experience);
}

PG_FUNCTION_INFO_V1(jobprofile_target_groups);
Datum
jobprofile_target_groups(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!v.h.targets)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(jp_bits_array(v.h.targets, jp_target_names, JP_NTARGETS));
}

/* Stored size in bytes; also the trivial C function of the benchmarks */
PG_FUNCTION_INFO_V1(jobprofile_size);
Datum
jobprofile_size(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) VARSIZE_ANY(DatumGetPointer(PG_GETARG_DATUM(0))));
}

/* ---------------------------------------------------------------------
 * Equality and hashing: values are canonical, so bytes decide
 * ---------------------------------------------------------------------
 */

static bool
jp_equal(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	struct varlena *b = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));

	return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
}

PG_FUNCTION_INFO_V1(jobprofile_eq);
Datum
jobprofile_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(jp_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(jobprofile_ne);
Datum
jobprofile_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!jp_equal(fcinfo));
}

/*
 * A total order for sorting, grouping, merge joins and unique indexes: by
 * stored bytes, then length.  Stable, but not a ranking of any kind.
 */
static int
jp_compare(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	struct varlena *b = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));
	Size		la = VARSIZE_ANY_EXHDR(a);
	Size		lb = VARSIZE_ANY_EXHDR(b);
	int			c = memcmp(VARDATA_ANY(a), VARDATA_ANY(b), Min(la, lb));

	if (c != 0)
		return c < 0 ? -1 : 1;
	return (la > lb) - (la < lb);
}

PG_FUNCTION_INFO_V1(jobprofile_cmp);
Datum
jobprofile_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(jp_compare(fcinfo));
}

PG_FUNCTION_INFO_V1(jobprofile_lt);
Datum
jobprofile_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(jp_compare(fcinfo) < 0);
}

PG_FUNCTION_INFO_V1(jobprofile_le);
Datum
jobprofile_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(jp_compare(fcinfo) <= 0);
}

PG_FUNCTION_INFO_V1(jobprofile_gt);
Datum
jobprofile_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(jp_compare(fcinfo) > 0);
}

PG_FUNCTION_INFO_V1(jobprofile_ge);
Datum
jobprofile_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(jp_compare(fcinfo) >= 0);
}

PG_FUNCTION_INFO_V1(jobprofile_hash);
Datum
jobprofile_hash(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));

	return hash_any((const unsigned char *) VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a));
}

PG_FUNCTION_INFO_V1(jobprofile_hash_extended);
Datum
jobprofile_hash_extended(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));

	return hash_any_extended((const unsigned char *) VARDATA_ANY(a),
							 VARSIZE_ANY_EXHDR(a), PG_GETARG_INT64(1));
}
