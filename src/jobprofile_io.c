/*
 * jobprofile_io.c
 *		The text, binary and jsonb forms of jobprofile.
 *
 * Each reader collects a JobProfileParts through the checking helpers of
 * jobprofile.c and ends in jobprofile_build(), with its own SQLSTATE for bad
 * values (22P02 text, 22P03 binary, 22023 jsonb); the writers read a value
 * through a JobProfileView and list the parts in one fixed order, so text
 * output reads back to the same bytes.
 */
#include "postgres.h"

#include <math.h>

#include "common/shortest_dec.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "jobs_ext.h"
#include "jobprofile.h"
#include "jobprofile_parts.h"

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
