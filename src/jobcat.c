/*
 * jobcat.c
 *		The jobcat type: a node of the OECD/Eurostat labour-market-policy (LMP)
 *		programme taxonomy, with Korean and English labels.
 *
 * A jobcat is stored as its OECD code (10, 11, ..., 811, 812, ...) in an int2,
 * passed by value, so stored data never depends on the order of the table
 * below.  Comparison follows the taxonomy's pre-order (a parent sorts before
 * its children), which is the order of jobcat_nodes[].
 *
 * Text input accepts the OECD code, the Eurostat dotted code (either may be
 * prefixed with its numbering, 'oecd:' or 'eurostat:'; a dotted code that
 * means different nodes in the two is refused without one), the Korean or
 * English label and documented aliases, all folded through ICU first
 * (hangul_fold_key), so NFD Hangul, full-width digits, spacing and middle-dot
 * variants are accepted.  Text output is chosen by jobs_ext.jobcat_output.
 */
#include "postgres.h"

#include "access/hash.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/sortsupport.h"
#include "utils/tuplestore.h"

#include "jobs_ext.h"
#include "setting_guard.h"
#include "jobcat.h"

typedef struct JobcatNode
{
	int16		code;			/* OECD LMP code */
	int16		parent;			/* OECD code of the parent, 0 at the top */
	const char *label_ko;
	const char *label_en;
} JobcatNode;

/*
 * The taxonomy in pre-order.  Codes and English labels follow the OECD/Eurostat
 * LMP methodology; Korean labels of the top levels are Korea's six types of
 * government-funded job programme (재정지원 일자리사업).  Job rotation and job
 * sharing, Eurostat's category 3, is 43 under employment incentives, as the
 * OECD codes it (doc/jobcat.md says why).
 *
 * The taxonomy stops where the OECD's codes stop: Eurostat's finer
 * sub-categories (1.1.1, 1.1.2, 1.2.1, 1.2.2) have no OECD code to store, so
 * they read as the node that holds them (jobcat_eurostat[] below).
 */
static const JobcatNode jobcat_nodes[] = {
	{10, 0, "고용서비스", "PES and administration"},
	{11, 10, "취업알선 및 관련 서비스", "Placement and related services"},
	{12, 10, "급여 행정", "Benefit administration"},
	{13, 10, "기타 고용서비스", "Other PES activities"},
	{20, 0, "직업훈련", "Training"},
	{21, 20, "기관 훈련", "Institutional training"},
	{22, 20, "현장 훈련", "Workplace training"},
	{23, 20, "일학습 병행 훈련", "Alternate training"},
	{24, 20, "도제 특별지원", "Special support for apprenticeship"},
	{40, 0, "고용장려금", "Employment incentives"},
	{41, 40, "채용장려금", "Recruitment incentives"},
	{411, 41, "정규직 채용장려금", "Permanent recruitment incentives"},
	{412, 41, "한시 채용장려금", "Temporary recruitment incentives"},
	{42, 40, "고용유지장려금", "Employment maintenance incentives"},
	{43, 40, "직무순환·일자리 나누기", "Job rotation and job sharing"},
	{50, 0, "지원고용·재활", "Supported employment and rehabilitation"},
	{51, 50, "보호·지원고용", "Sheltered and supported employment"},
	{52, 50, "직업재활", "Rehabilitation"},
	{60, 0, "직접일자리", "Direct job creation"},
	{70, 0, "창업지원", "Start-up incentives"},
	{80, 0, "실업소득 유지·지원", "Out-of-work income maintenance and support"},
	{81, 80, "완전실업급여", "Full unemployment benefits"},
	{811, 81, "실업보험", "Unemployment insurance"},
	{812, 81, "실업부조", "Unemployment assistance"},
	{82, 80, "부분실업급여", "Partial unemployment benefits"},
	{83, 80, "단시간 실업급여", "Part-time unemployment benefits"},
	{84, 80, "해고보상", "Redundancy compensation"},
	{85, 80, "도산보상", "Bankruptcy compensation"},
	{90, 0, "조기퇴직", "Early retirement"},
	{91, 90, "완전 조기퇴직", "Full early retirement"},
	{92, 90, "부분 조기퇴직", "Partial early retirement"},
};

#define JOBCAT_NNODES	lengthof(jobcat_nodes)
#define JOBCAT_MAXCODE	999

/*
 * Eurostat's numbering of the LMP methodology, each number with the node it
 * reads as and why (listed by jobcat_eurostat(), documented in
 * doc/jobcat.md).
 */
typedef struct JobcatEurostat
{
	const char *number;			/* dotted, as Eurostat writes it */
	int16		code;			/* the node it reads as */
	const char *title;			/* Eurostat's title */
	const char *note;
} JobcatEurostat;

static const JobcatEurostat jobcat_eurostat[] = {
	{"1", 10, "Labour market services", "OECD 10"},
	{"1.1", 11, "Client services", "OECD 11"},
	{"1.1.1", 11, "Information services", "part of 1.1; the OECD has no finer code"},
	{"1.1.2", 11, "Individual case management", "part of 1.1; the OECD has no finer code"},
	{"1.2", 10, "Other activities of the PES", "the OECD splits it into 12 and 13, so it reads as their parent"},
	{"1.2.1", 10, "Administration of LMP measures", "part of 1.2, which spans OECD 12 and 13"},
	{"1.2.2", 10, "Other services/activities", "part of 1.2, which spans OECD 12 and 13"},
	{"2", 20, "Training", "OECD 20"},
	{"2.1", 21, "Institutional training", "OECD 21"},
	{"2.2", 22, "Workplace training", "OECD 22"},
	{"2.3", 23, "Integrated training", "OECD 23"},
	{"2.4", 24, "Special support for apprenticeship", "OECD 24"},
	{"3", 43, "Job rotation and job sharing", "its own category in Eurostat's numbering; OECD 43, under employment incentives"},
	{"3.1", 43, "Job rotation", "part of 3; the OECD has no finer code"},
	{"3.2", 43, "Job sharing", "part of 3; the OECD has no finer code"},
	{"4", 40, "Employment incentives", "OECD 40"},
	{"4.1", 41, "Recruitment incentives", "OECD 41"},
	{"4.1.1", 411, "Permanent recruitment incentives", "OECD 411"},
	{"4.1.2", 412, "Temporary recruitment incentives", "OECD 412"},
	{"4.2", 42, "Employment maintenance incentives", "OECD 42"},
	{"5", 50, "Sheltered and supported employment and rehabilitation", "OECD 50"},
	{"5.1", 51, "Sheltered and supported employment", "OECD 51"},
	{"5.2", 52, "Rehabilitation", "OECD 52"},
	{"6", 60, "Direct job creation", "OECD 60"},
	{"7", 70, "Start-up incentives", "OECD 70"},
	{"8", 80, "Out-of-work income maintenance and support", "OECD 80"},
	{"8.1", 81, "Full unemployment benefits", "OECD 81"},
	{"8.1.1", 811, "Unemployment insurance", "OECD 811"},
	{"8.1.2", 812, "Unemployment assistance", "OECD 812"},
	{"8.2", 82, "Partial unemployment benefits", "OECD 82"},
	{"8.3", 83, "Part-time unemployment benefits", "OECD 83"},
	{"8.4", 84, "Redundancy compensation", "OECD 84"},
	{"8.5", 85, "Bankruptcy compensation", "OECD 85"},
	{"9", 90, "Early retirement", "OECD 90"},
	{"9.1", 91, "Full early retirement", "OECD 91"},
	{"9.2", 92, "Partial early retirement", "OECD 92"},
};

/*
 * Other names users type for a category, each with the reason it reads as
 * that node (listed by jobcat_aliases(), documented in doc/jobcat.md).
 * Numbers are not aliases: jobcat_parse_number() reads them.
 */
typedef struct JobcatAlias
{
	const char *name;
	int16		code;
	const char *note;
} JobcatAlias;

static const JobcatAlias jobcat_aliases[] = {
	/* the ministry's written forms of its six types */
	{"실업소득 유지 및 지원", 80, "the ministry's name of its sixth type of job programme"},
	{"실업소득 유지", 80, "the ministry's short form of its sixth type"},
	/* Korean names of categories */
	{"공공고용서비스", 10, "the public employment service"},
	{"취업알선", 11, "placement"},
	{"직업능력개발", 20, "vocational skills development: training"},
	{"직업능력개발훈련", 20, "vocational skills development training"},
	{"일학습병행", 23, "work and learning alternating between firm and training centre"},
	{"도제훈련", 24, "apprenticeship"},
	{"채용지원금", 41, "a subsidy to the employer for hiring"},
	{"고용유지지원", 42, "short form of 고용유지지원금"},
	{"일자리 나누기", 43, "job sharing"},
	{"장애인 지원고용", 51, "supported employment of disabled people"},
	{"공공일자리", 60, "public-sector jobs created for the jobless"},
	{"직접일자리사업", 60, "the ministry's direct job creation programmes"},
	{"창업", 70, "start-up"},
	{"체당금", 85, "wages paid by the state when the employer is insolvent (old name)"},
	{"대지급금", 85, "wages paid by the state when the employer is insolvent (name since 2021)"},
	/* programme names job centres use */
	{"내일배움카드", 21, "training voucher for courses at training institutions"},
	{"국민내일배움카드", 21, "the training voucher's name since 2020"},
	{"지역고용촉진지원금", 41, "paid to employers who hire job seekers living in a designated region"},
	{"청년내일채움공제", 411, "paid for young people hired on open-ended (정규직) contracts who stay two years"},
	{"고용유지지원금", 42, "paid to the employer who keeps workers on paid leave or short hours"},
	{"공공근로", 60, "public works for the jobless and low-income"},
	{"공공근로사업", 60, "public works for the jobless and low-income"},
	{"희망근로", 60, "public works of 2009-2010, and the name reused since"},
	{"희망일자리", 60, "temporary public jobs of 2020 for those who lost work to COVID-19"},
	{"생활방역 일자리", 60, "COVID-19 quarantine jobs of 2020, part of 희망일자리"},
	{"지역공동체 일자리", 60, "jobs in local community projects for the jobless"},
	{"지역공동체 일자리사업", 60, "jobs in local community projects for the jobless"},
	{"노인일자리", 60, "jobs created in public and non-profit bodies for older people"},
	{"노인일자리사업", 60, "jobs created in public and non-profit bodies for older people"},
	{"실업급여", 811, "benefits of the Employment Insurance Act, financed by contributions"},
	{"구직급여", 811, "the main insurance benefit for the jobless"},
	{"고용보험 실업급여", 811, "benefits of the Employment Insurance Act, financed by contributions"},
	{"국민취업지원제도", 812, "means-tested allowance, with services, for job seekers without insurance"},
	{"구직촉진수당", 812, "the allowance of 국민취업지원제도"},
	{"청년구직활동지원금", 812, "means-tested allowance for young job seekers, not insurance"},
	{"긴급고용안정지원금", 80, "paid to workers on unpaid leave and to freelancers, who have no employer: no one sub-category of 8"},
	{"무급휴직 지원금", 82, "paid to workers on unpaid leave, who keep their job"},
	{"무급휴직자 지원금", 82, "paid to workers on unpaid leave, who keep their job"},
	{"무급휴업·휴직 고용유지지원금", 82, "paid to the worker on unpaid leave, not to the employer"},
	/* English */
	{"PES", 10, "public employment service"},
	{"Public employment services", 10, "the PES"},
	{"Labour market services", 10, "Eurostat's title of category 1"},
	{"Placement", 11, "placement"},
	{"Client services", 11, "Eurostat's title of 1.1"},
	{"Integrated training", 23, "Eurostat's title of 2.3"},
	{"Apprenticeship", 24, "apprenticeship"},
	{"Job rotation", 43, "Eurostat's 3.1"},
	{"Job sharing", 43, "Eurostat's 3.2"},
	{"Sheltered and supported employment and rehabilitation", 50, "Eurostat's title of category 5"},
	{"Public works", 60, "direct job creation"},
	{"Start-up", 70, "start-up incentives"},
	{"Unemployment benefits", 80, "out-of-work income"},
	{"Out-of-work income maintenance", 80, "short form of the title"},
};

/* Longest text input looked at, in bytes */
#define JOBCAT_MAX_INPUT	200

/* A folded name and the category it means, for binary search */
typedef struct JobcatKey
{
	char	   *key;
	const char *name;			/* as written in the tables above */
	int16		code;
} JobcatKey;

/* Pre-order position of each code, -1 for codes that are not categories */
static int8 jobcat_rank_of_code[JOBCAT_MAXCODE + 1];

/* Sorted lookup keys, built on first text input */
static JobcatKey *jobcat_keys = NULL;
static int	jobcat_nkeys = 0;

/* jobs_ext.jobcat_output */
typedef enum JobcatOutputFormat
{
	JOBCAT_OUTPUT_CODE,
	JOBCAT_OUTPUT_KO,
	JOBCAT_OUTPUT_EN
} JobcatOutputFormat;

static const struct config_enum_entry jobcat_output_options[] = {
	{"code", JOBCAT_OUTPUT_CODE, false},
	{"ko", JOBCAT_OUTPUT_KO, false},
	{"en", JOBCAT_OUTPUT_EN, false},
	{NULL, 0, false}
};

static int	jobcat_output_format = JOBCAT_OUTPUT_CODE;
static GucSource jobcat_output_source = PGC_S_DEFAULT;

/* keep the source of the value for setting_guard() */
static bool
jobcat_output_check(int *newval, void **extra, GucSource source)
{
	*extra = setting_source_extra(source);
	return *extra != NULL;
}

static void
jobcat_output_assign(int newval, void *extra)
{
	jobcat_output_source = ((SettingSource *) extra)->source;
}

void
jobcat_define_gucs(void)
{
	int			i;

	memset(jobcat_rank_of_code, -1, sizeof(jobcat_rank_of_code));
	for (i = 0; i < (int) JOBCAT_NNODES; i++)
		jobcat_rank_of_code[jobcat_nodes[i].code] = i;

	DefineCustomEnumVariable("jobs_ext.jobcat_output",
							 "Sets the text output of jobcat values.",
							 "code prints the OECD code (60), ko the Korean label, en the English label. Input accepts every form.",
							 &jobcat_output_format,
							 JOBCAT_OUTPUT_CODE,
							 jobcat_output_options,
							 PGC_USERSET,
							 0,
							 jobcat_output_check,
							 jobcat_output_assign,
							 NULL);
}

static inline const JobcatNode *
jobcat_node(int16 code)
{
	return &jobcat_nodes[jobcat_rank_of_code[code]];
}

static inline bool
jobcat_code_is_valid(int code)
{
	return code >= 0 && code <= JOBCAT_MAXCODE && jobcat_rank_of_code[code] >= 0;
}

static int
jobcat_key_cmp(const void *a, const void *b)
{
	return strcmp(((const JobcatKey *) a)->key, ((const JobcatKey *) b)->key);
}

static void
jobcat_add_key(JobcatKey *keys, int *n, const char *name, int16 code)
{
	keys[*n].key = hangul_fold_key(name, strlen(name), NULL);
	keys[*n].name = name;
	keys[*n].code = code;
	(*n)++;
}

/* Build the sorted key table once per backend, in TopMemoryContext */
static void
jobcat_build_keys(void)
{
	MemoryContext oldcxt;
	JobcatKey  *keys;
	char		codebuf[JOBCAT_NNODES][8];
	int			n = 0;
	int			i;

	oldcxt = MemoryContextSwitchTo(TopMemoryContext);
	keys = palloc(sizeof(JobcatKey) * (3 * JOBCAT_NNODES + lengthof(jobcat_aliases)));
	for (i = 0; i < (int) JOBCAT_NNODES; i++)
	{
		snprintf(codebuf[i], sizeof(codebuf[i]), "%d", jobcat_nodes[i].code);
		jobcat_add_key(keys, &n, codebuf[i], jobcat_nodes[i].code);
		keys[n - 1].name = jobcat_nodes[i].label_ko;
		jobcat_add_key(keys, &n, jobcat_nodes[i].label_ko, jobcat_nodes[i].code);
		jobcat_add_key(keys, &n, jobcat_nodes[i].label_en, jobcat_nodes[i].code);
	}
	for (i = 0; i < (int) lengthof(jobcat_aliases); i++)
		jobcat_add_key(keys, &n, jobcat_aliases[i].name, jobcat_aliases[i].code);
	qsort(keys, n, sizeof(JobcatKey), jobcat_key_cmp);

	/* two names folding to one key must mean the same category */
	for (i = 1; i < n; i++)
	{
		if (strcmp(keys[i - 1].key, keys[i].key) == 0 &&
			keys[i - 1].code != keys[i].code)
			elog(ERROR, "jobcat names \"%s\" and \"%s\" fold to the same key",
				 keys[i - 1].name, keys[i].name);
	}
	MemoryContextSwitchTo(oldcxt);
	jobcat_keys = keys;
	jobcat_nkeys = n;
}

/*
 * The category whose name is closest to a folded key, for error hints: the
 * most similar by jamo (hangul_similarity, which also reads 초성 such as
 * ㅈㅈㅇㅈㄹ), ties broken by the smaller edit distance.
 */
static const JobcatNode *
jobcat_closest(const char *key)
{
	float4		best_sim = -1.0f;
	int			best = INT_MAX;
	int16		best_code = jobcat_nodes[0].code;
	int			i;

	for (i = 0; i < jobcat_nkeys; i++)
	{
		float4		sim = hangul_similarity_cstr(key, strlen(key), jobcat_keys[i].key,
												 strlen(jobcat_keys[i].key));
		int			d = text_edit_distance(key, jobcat_keys[i].key);

		if (sim > best_sim || (sim == best_sim && d < best))
		{
			best_sim = sim;
			best = d;
			best_code = jobcat_keys[i].code;
		}
	}
	return jobcat_node(best_code);
}

#define JOBCAT_INPUT_HINT \
	"Write a category as its OECD code (60), Eurostat code (8.1.1), or Korean or English label; jobcat_taxonomy() lists them all."

/* Which numbering a code is read in */
typedef enum JobcatNumbering
{
	JOBCAT_NUMBERING_ANY,		/* no prefix: plain is OECD, dotted is Eurostat */
	JOBCAT_NUMBERING_OECD,		/* 'oecd:' */
	JOBCAT_NUMBERING_EUROSTAT	/* 'eurostat:' */
} JobcatNumbering;

/* The Eurostat number whose digits are these (1.1.1 for "111"), or NULL */
static const JobcatEurostat *
jobcat_eurostat_find(const char *digits)
{
	int			i;

	for (i = 0; i < (int) lengthof(jobcat_eurostat); i++)
	{
		const char *n = jobcat_eurostat[i].number;
		const char *d = digits;

		for (; *n != '\0'; n++)
		{
			if (*n == '.')
				continue;
			if (*n != *d)
				break;
			d++;
		}
		if (*n == '\0' && *d == '\0')
			return &jobcat_eurostat[i];
	}
	return NULL;
}

/* Digits written as Eurostat writes them: "13" as "1.3" */
static char *
jobcat_dotted(const char *digits)
{
	StringInfoData buf;
	const char *d;

	initStringInfo(&buf);
	for (d = digits; *d != '\0'; d++)
	{
		if (d != digits)
			appendStringInfoChar(&buf, '.');
		appendStringInfoChar(&buf, *d);
	}
	return buf.data;
}

/* The OECD code these digits write, or -1 */
static int16
jobcat_oecd_find(const char *digits)
{
	int			len = strlen(digits);

	if (len < 2 || len > 3 || digits[0] == '0')
		return -1;
	if (!jobcat_code_is_valid(atoi(digits)))
		return -1;
	return (int16) atoi(digits);
}

/*
 * Was a code written with separators between its digits (8.1.1, ８．１．１)?
 * The input folded to digits alone, so anything in it but digits (ASCII or
 * full-width) and ASCII white space is a separator.  Only the part after a
 * numbering prefix counts, but a prefixed code never asks.
 */
static bool
jobcat_input_dotted(const char *utf8)
{
	const unsigned char *p = (const unsigned char *) utf8;

	while (*p != '\0')
	{
		if (isdigit(*p) || *p == ' ' || *p == '\t' || *p == '\n' ||
			*p == '\r' || *p == '\f' || *p == '\v')
			p++;
		else if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99)
			p += 3;				/* U+FF10..U+FF19, full-width digits */
		else
			return true;
	}
	return false;
}

/*
 * Read a code: digits, folded from the input utf8 (the original text str is
 * for messages).  Without a prefix, plain digits are an OECD code (a single
 * digit, which the OECD does not use, is Eurostat's category), and dotted
 * digits are Eurostat's number, or the OECD's code written with dots as the
 * OECD's own tables do (1.1 for 11); when the two readings name different
 * nodes (1.2: Eurostat's other activities of the PES, OECD's benefit
 * administration) the input is refused, never read one way silently.
 */
static int16
jobcat_parse_number(const char *str, const char *utf8, const char *digits,
					JobcatNumbering numbering, Node *escontext)
{
	const JobcatEurostat *euro = jobcat_eurostat_find(digits);
	int16		oecd = jobcat_oecd_find(digits);

	if (numbering == JOBCAT_NUMBERING_OECD && oecd < 0)
		JOBS_EXT_INPUT_ERROR(escontext, -1,
							 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							  errmsg("invalid input syntax for type %s: \"%s\"", "jobcat", str),
							  errdetail("%s is not an OECD category code.", digits),
							  errhint("jobcat_taxonomy() lists the OECD codes.")));
	if (numbering == JOBCAT_NUMBERING_OECD)
		return oecd;
	if (numbering == JOBCAT_NUMBERING_EUROSTAT && euro == NULL)
		JOBS_EXT_INPUT_ERROR(escontext, -1,
							 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							  errmsg("invalid input syntax for type %s: \"%s\"", "jobcat", str),
							  errdetail("Eurostat has no category %s.", jobcat_dotted(digits)),
							  errhint("jobcat_eurostat() lists Eurostat's numbers.")));
	if (numbering == JOBCAT_NUMBERING_EUROSTAT)
		return euro->code;

	if (strlen(digits) == 1 && euro != NULL)
		return euro->code;
	if (!jobcat_input_dotted(utf8))
	{
		if (oecd >= 0)
			return oecd;
		if (euro != NULL)
			JOBS_EXT_INPUT_ERROR(escontext, -1,
								 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
								  errmsg("invalid input syntax for type %s: \"%s\"", "jobcat", str),
								  errdetail("%s is not an OECD category code.", digits),
								  errhint("For Eurostat's %s \"%s\" (category %d), write '%s' or 'eurostat:%s'.",
										  euro->number, euro->title, euro->code,
										  euro->number, euro->number)));
	}
	else
	{
		if (euro != NULL && oecd >= 0 && euro->code != oecd)
			JOBS_EXT_INPUT_ERROR(escontext, -1,
								 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
								  errmsg("invalid input syntax for type %s: \"%s\"", "jobcat", str),
								  errdetail("The code is ambiguous: in Eurostat's numbering %s is \"%s\" (category %d); as the OECD writes it, it is %d \"%s\".",
											euro->number, euro->title, euro->code,
											oecd, jobcat_node(oecd)->label_en),
								  errhint("Write 'eurostat:%s' or 'oecd:%d'.", euro->number, oecd)));
		if (euro != NULL)
			return euro->code;
		if (oecd >= 0)
			return oecd;
	}
	return -2;					/* no category: the caller names the closest */
}

/* Does s hold ASCII digits only (and at least one)? */
static bool
jobcat_all_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
	{
		if (!isdigit((unsigned char) *s))
			return false;
	}
	return true;
}

/*
 * Parse text input into an OECD code.  Returns -1 after a soft error.
 */
static int16
jobcat_parse(const char *str, Node *escontext)
{
	int			len = strlen(str);
	char	   *utf8;
	char	   *key;
	char	   *name;
	JobcatNumbering numbering = JOBCAT_NUMBERING_ANY;
	JobcatKey	probe;
	JobcatKey  *found = NULL;

	if (len > JOBCAT_MAX_INPUT)
		JOBS_EXT_INPUT_ERROR(escontext, -1,
							 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							  errmsg("invalid input syntax for type %s", "jobcat"),
							  errdetail("Input is %d bytes long; the longest accepted is %d bytes.",
										len, JOBCAT_MAX_INPUT),
							  errhint(JOBCAT_INPUT_HINT)));

	if (jobcat_keys == NULL)
		jobcat_build_keys();

	utf8 = hangul_cstring_to_utf8(str, len, escontext);
	if (utf8 == NULL)
		return -1;
	key = hangul_fold_key(utf8, strlen(utf8), escontext);
	if (key == NULL)
		return -1;

	if (key[0] == '\0')
		JOBS_EXT_INPUT_ERROR(escontext, -1,
							 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							  errmsg("invalid input syntax for type %s: \"%s\"", "jobcat", str),
							  errdetail("The input is empty."),
							  errhint(JOBCAT_INPUT_HINT)));

	/* a numbering prefix, folded: 'Eurostat: 1.2' is "eurostat:12" */
	name = key;
	if (strncmp(key, "eurostat:", 9) == 0)
	{
		numbering = JOBCAT_NUMBERING_EUROSTAT;
		name = key + 9;
	}
	else if (strncmp(key, "oecd:", 5) == 0)
	{
		numbering = JOBCAT_NUMBERING_OECD;
		name = key + 5;
	}

	if (jobcat_all_digits(name))
	{
		int16		code = jobcat_parse_number(str, utf8, name, numbering, escontext);

		if (code != -2)
		{
			pfree(key);
			return code;
		}
	}
	else if (numbering != JOBCAT_NUMBERING_ANY)
		JOBS_EXT_INPUT_ERROR(escontext, -1,
							 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							  errmsg("invalid input syntax for type %s: \"%s\"", "jobcat", str),
							  errdetail("After \"%s:\" comes a category code.",
										numbering == JOBCAT_NUMBERING_OECD ? "oecd" : "eurostat"),
							  errhint("Write, for example, 'eurostat:1.2' or 'oecd:12'.")));
	else
	{
		probe.key = key;
		found = bsearch(&probe, jobcat_keys, jobcat_nkeys, sizeof(JobcatKey), jobcat_key_cmp);
	}

	if (found == NULL)
	{
		const JobcatNode *closest = jobcat_closest(key);

		JOBS_EXT_INPUT_ERROR(escontext, -1,
							 (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
							  errmsg("invalid input syntax for type %s: \"%s\"", "jobcat", str),
							  errhint("The closest known category is %d \"%s\" (%s).",
									  closest->code, closest->label_ko, closest->label_en)));
	}
	pfree(key);
	return found->code;
}

static inline int16
jobcat_check_code(int code)
{
	if (!jobcat_code_is_valid(code))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%d is not a jobcat code", code),
				 errhint("jobcat_taxonomy() lists the codes.")));
	return (int16) code;
}

/* The label in one language; lang is already checked */
static const char *
jobcat_label_cstring(int16 code, bool korean)
{
	const JobcatNode *node = jobcat_node(code);

	return korean ? node->label_ko : node->label_en;
}

/* Labels are written in UTF-8 here; convert to the database encoding */
static text *
jobcat_utf8_to_text(const char *s)
{
	return cstring_to_text((const char *) pg_do_encoding_conversion((unsigned char *) s,
																	strlen(s),
																	PG_UTF8,
																	GetDatabaseEncoding()));
}

PG_FUNCTION_INFO_V1(jobcat_in);
Datum
jobcat_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	Node	   *escontext = NULL;
	int16		code;

#if PG_VERSION_NUM >= 160000
	escontext = fcinfo->context;
#endif
	code = jobcat_parse(str, escontext);
	if (code < 0)
		PG_RETURN_NULL();
	PG_RETURN_INT16(code);
}

PG_FUNCTION_INFO_V1(jobcat_out);
Datum
jobcat_out(PG_FUNCTION_ARGS)
{
	int16		code = PG_GETARG_INT16(0);

	/*
	 * A cast to text in a query (fn_expr is set only there) makes text whose
	 * form the setting chooses; a value sent back to the coordinator (no
	 * fn_expr) is read there whatever its form and printed by its setting.
	 */
	if (fcinfo->flinfo != NULL && fcinfo->flinfo->fn_expr != NULL)
		setting_guard(jobcat_output_source, "jobs_ext.jobcat_output",
					  "a cast of jobcat to text",
					  "Write jobcat_code(c)::text or jobcat_label(c, 'ko') in the query instead.");
	switch (jobcat_output_format)
	{
		case JOBCAT_OUTPUT_KO:
		case JOBCAT_OUTPUT_EN:
			{
				const char *label = jobcat_label_cstring(code,
														 jobcat_output_format == JOBCAT_OUTPUT_KO);

				PG_RETURN_CSTRING((char *) pg_do_encoding_conversion((unsigned char *) label,
																	 strlen(label),
																	 PG_UTF8,
																	 GetDatabaseEncoding()));
			}
		default:
			PG_RETURN_CSTRING(psprintf("%d", code));
	}
}

/* Binary form: the OECD code as int2 */
PG_FUNCTION_INFO_V1(jobcat_recv);
Datum
jobcat_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			code;

	if (buf->len - buf->cursor != sizeof(int16))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external jobcat value: %d bytes instead of %d",
						buf->len - buf->cursor, (int) sizeof(int16))));
	code = (int16) pq_getmsgint(buf, sizeof(int16));
	if (!jobcat_code_is_valid(code))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external jobcat value: %d is not a category code", code)));
	PG_RETURN_INT16((int16) code);
}

PG_FUNCTION_INFO_V1(jobcat_send);
Datum
jobcat_send(PG_FUNCTION_ARGS)
{
	int16		code = PG_GETARG_INT16(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint16(&buf, code);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Casts with integer: the OECD code */
PG_FUNCTION_INFO_V1(jobcat_from_int4);
Datum
jobcat_from_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT16(jobcat_check_code(PG_GETARG_INT32(0)));
}

PG_FUNCTION_INFO_V1(jobcat_to_int4);
Datum
jobcat_to_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) PG_GETARG_INT16(0));
}

/* Comparison in taxonomy pre-order */
static inline int
jobcat_compare(int16 a, int16 b)
{
	int			ra = jobcat_rank_of_code[a];
	int			rb = jobcat_rank_of_code[b];

	return (ra > rb) - (ra < rb);
}

PG_FUNCTION_INFO_V1(jobcat_cmp);
Datum
jobcat_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(jobcat_compare(PG_GETARG_INT16(0), PG_GETARG_INT16(1)));
}

PG_FUNCTION_INFO_V1(jobcat_eq);
Datum
jobcat_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) == PG_GETARG_INT16(1));
}

PG_FUNCTION_INFO_V1(jobcat_ne);
Datum
jobcat_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(PG_GETARG_INT16(0) != PG_GETARG_INT16(1));
}

PG_FUNCTION_INFO_V1(jobcat_lt);
Datum
jobcat_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(jobcat_compare(PG_GETARG_INT16(0), PG_GETARG_INT16(1)) < 0);
}

PG_FUNCTION_INFO_V1(jobcat_le);
Datum
jobcat_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(jobcat_compare(PG_GETARG_INT16(0), PG_GETARG_INT16(1)) <= 0);
}

PG_FUNCTION_INFO_V1(jobcat_gt);
Datum
jobcat_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(jobcat_compare(PG_GETARG_INT16(0), PG_GETARG_INT16(1)) > 0);
}

PG_FUNCTION_INFO_V1(jobcat_ge);
Datum
jobcat_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(jobcat_compare(PG_GETARG_INT16(0), PG_GETARG_INT16(1)) >= 0);
}

PG_FUNCTION_INFO_V1(jobcat_smaller);
Datum
jobcat_smaller(PG_FUNCTION_ARGS)
{
	int16		a = PG_GETARG_INT16(0);
	int16		b = PG_GETARG_INT16(1);

	PG_RETURN_INT16(jobcat_compare(a, b) <= 0 ? a : b);
}

PG_FUNCTION_INFO_V1(jobcat_larger);
Datum
jobcat_larger(PG_FUNCTION_ARGS)
{
	int16		a = PG_GETARG_INT16(0);
	int16		b = PG_GETARG_INT16(1);

	PG_RETURN_INT16(jobcat_compare(a, b) >= 0 ? a : b);
}

static int
jobcat_fastcmp(Datum a, Datum b, SortSupport ssup)
{
	return jobcat_compare(DatumGetInt16(a), DatumGetInt16(b));
}

PG_FUNCTION_INFO_V1(jobcat_sortsupport);
Datum
jobcat_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = jobcat_fastcmp;
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(jobcat_hash);
Datum
jobcat_hash(PG_FUNCTION_ARGS)
{
	return hash_uint32((uint32) PG_GETARG_INT16(0));
}

PG_FUNCTION_INFO_V1(jobcat_hash_extended);
Datum
jobcat_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended((uint32) PG_GETARG_INT16(0), PG_GETARG_INT64(1));
}

/* Is ancestor an ancestor of descendant, or the same category? */
static bool
jobcat_is_ancestor_or_self(int16 ancestor, int16 descendant)
{
	int16		code = descendant;

	while (code != 0)
	{
		if (code == ancestor)
			return true;
		code = jobcat_node(code)->parent;
	}
	return false;
}

PG_FUNCTION_INFO_V1(jobcat_contains);
Datum
jobcat_contains(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(jobcat_is_ancestor_or_self(PG_GETARG_INT16(0), PG_GETARG_INT16(1)));
}

PG_FUNCTION_INFO_V1(jobcat_contained);
Datum
jobcat_contained(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(jobcat_is_ancestor_or_self(PG_GETARG_INT16(1), PG_GETARG_INT16(0)));
}

PG_FUNCTION_INFO_V1(jobcat_parent);
Datum
jobcat_parent(PG_FUNCTION_ARGS)
{
	int16		parent = jobcat_node(PG_GETARG_INT16(0))->parent;

	if (parent == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT16(parent);
}

static int
jobcat_depth(int16 code)
{
	int			level = 0;

	while (code != 0)
	{
		level++;
		code = jobcat_node(code)->parent;
	}
	return level;
}

PG_FUNCTION_INFO_V1(jobcat_level);
Datum
jobcat_level(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(jobcat_depth(PG_GETARG_INT16(0)));
}

PG_FUNCTION_INFO_V1(jobcat_top);
Datum
jobcat_top(PG_FUNCTION_ARGS)
{
	int16		code = PG_GETARG_INT16(0);

	while (jobcat_node(code)->parent != 0)
		code = jobcat_node(code)->parent;
	PG_RETURN_INT16(code);
}

PG_FUNCTION_INFO_V1(jobcat_label);
Datum
jobcat_label(PG_FUNCTION_ARGS)
{
	int16		code = PG_GETARG_INT16(0);
	char	   *lang = text_to_cstring(PG_GETARG_TEXT_PP(1));
	bool		korean;

	if (pg_strcasecmp(lang, "ko") == 0)
		korean = true;
	else if (pg_strcasecmp(lang, "en") == 0)
		korean = false;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unsupported label language \"%s\"", lang),
				 errhint("Use 'ko' or 'en'.")));
	PG_RETURN_TEXT_P(jobcat_utf8_to_text(jobcat_label_cstring(code, korean)));
}

/* jobcat_taxonomy(): the whole tree, one row per category, in pre-order */
PG_FUNCTION_INFO_V1(jobcat_taxonomy);
Datum
jobcat_taxonomy(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcxt;
		TupleDesc	tupdesc;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcxt = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		funcctx->max_calls = JOBCAT_NNODES;
		MemoryContextSwitchTo(oldcxt);
	}

	funcctx = SRF_PERCALL_SETUP();
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		const JobcatNode *node = &jobcat_nodes[funcctx->call_cntr];
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};
		HeapTuple	tuple;

		values[0] = Int16GetDatum(node->code);
		values[1] = Int16GetDatum(node->parent);
		nulls[1] = (node->parent == 0);
		values[2] = Int32GetDatum(jobcat_depth(node->code));
		values[3] = PointerGetDatum(jobcat_utf8_to_text(node->label_ko));
		values[4] = PointerGetDatum(jobcat_utf8_to_text(node->label_en));
		tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}

/*
 * jobcat_eurostat(): Eurostat's numbers, each with the node it reads as,
 * Eurostat's title and why; jobcat_aliases(): the other names input takes.
 * Both are small fixed tables, returned whole in one tuplestore.
 */
PG_FUNCTION_INFO_V1(jobcat_eurostat_list);
Datum
jobcat_eurostat_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < (int) lengthof(jobcat_eurostat); i++)
	{
		const JobcatEurostat *e = &jobcat_eurostat[i];
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		values[0] = CStringGetTextDatum(e->number);
		values[1] = Int16GetDatum(e->code);
		values[2] = CStringGetTextDatum(e->title);
		values[3] = PointerGetDatum(jobcat_utf8_to_text(e->note));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(jobcat_aliases_list);
Datum
jobcat_aliases_list(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < (int) lengthof(jobcat_aliases); i++)
	{
		const JobcatAlias *a = &jobcat_aliases[i];
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = PointerGetDatum(jobcat_utf8_to_text(a->name));
		values[1] = Int16GetDatum(a->code);
		values[2] = PointerGetDatum(jobcat_utf8_to_text(a->note));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * Taxonomy access for other parts of jobs_ext (catstats.c), declared in
 * jobcat.h.  Ranks are positions in jobcat_nodes[], i.e. taxonomy pre-order;
 * they may change between releases, codes never do.
 */
int
jobcat_count(void)
{
	return (int) JOBCAT_NNODES;
}

/* Pre-order rank of a code, -1 when the code is not a category */
int
jobcat_rank(int code)
{
	if (!jobcat_code_is_valid(code))
		return -1;
	return jobcat_rank_of_code[code];
}

int16
jobcat_code_at_rank(int rank)
{
	Assert(rank >= 0 && rank < (int) JOBCAT_NNODES);
	return jobcat_nodes[rank].code;
}

/* OECD code of the parent, 0 at the top; code must be valid */
int16
jobcat_parent_code(int16 code)
{
	return jobcat_node(code)->parent;
}

/* Label in UTF-8, Korean or English; code must be valid */
const char *
jobcat_label_utf8(int16 code, bool korean)
{
	return jobcat_label_cstring(code, korean);
}

/* Label as text in the database encoding; code must be valid */
text *
jobcat_label_text(int16 code, bool korean)
{
	return jobcat_utf8_to_text(jobcat_label_cstring(code, korean));
}
