/*
 * hangul.c
 *		Korean text handling through ICU.
 *
 * hangul_fold_key turns what a user types into a lookup key for jobcat: NFKC
 * with case folding (so NFD Hangul from macOS composes, full-width digits and
 * letters narrow, Latin folds case), then spacing and the various middle dots
 * and separators removed.  Labels and user input go through the same
 * function, so they compare equal whenever a person would say they are.
 * An input function first brings its text to UTF-8 with
 * hangul_cstring_to_utf8, which reports text that has no UTF-8 form as bad
 * input (softly, on 16 and later).
 *
 * The rest is the Korean text layer (see hangul.h and doc/hangul.md):
 * text as jamo letters and syllable units, hangul_nfc, jamo, choseong,
 * choseong_match and hangul_similarity with its %% operator.  The hot path
 * (hangul_decode) reads Hangul syllables, conjoining and compatibility jamo
 * and ASCII directly, decomposing syllables arithmetically into stack
 * buffers; only text with other characters (archaic jamo among them) goes
 * through ICU normalisation.  Limits on time and memory: "Cost bounds" below.
 * The GIN operator class is in hangul_gin.c, romanize in hangul_romanize.c,
 * word similarity (<%% and %%>) in hangul_word.c.
 */
#include "postgres.h"

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"

#include "hangul.h"
#include "jobs_ext.h"
#include "setting_guard.h"

/* Characters that separate words in a label and carry no meaning of their own */
static bool
hangul_is_separator(UChar32 c)
{
	switch (c)
	{
		case '.':
		case '-':
		case '_':
		case 0x00B7:			/* MIDDLE DOT */
		case 0x0387:			/* GREEK ANO TELEIA (NFC of U+00B7 in places) */
		case 0x119E:			/* HANGUL JUNGSEONG ARAEA: NFKC of U+318D ㆍ */
		case 0x2022:			/* BULLET */
		case 0x2027:			/* HYPHENATION POINT */
		case 0x2219:			/* BULLET OPERATOR */
		case 0x22C5:			/* DOT OPERATOR */
		case 0x30FB:			/* KATAKANA MIDDLE DOT (NFKC of U+FF65) */
		case 0x318D:			/* HANGUL LETTER ARAEA ㆍ */
			return true;
		default:
			return u_isUWhiteSpace(c);
	}
}

static void
hangul_check_icu(UErrorCode status, const char *what)
{
	if (U_FAILURE(status))
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("ICU %s failed: %s", what, u_errorName(status))));
}

/*
 * The bytes of an input value that cannot be read: "0x.." for each byte of
 * the character at s (at most 8, never past the len bytes left), as the
 * server's own encoding errors print them.
 */
static char *
hangul_bad_bytes(int encoding, const char *s, int len)
{
	StringInfoData buf;
	int			n = Min(Min(pg_encoding_mblen(encoding, s), len), 8);
	int			i;

	initStringInfo(&buf);
	for (i = 0; i < n; i++)
		appendStringInfo(&buf, "%s0x%02x", i > 0 ? " " : "", (unsigned char) s[i]);
	return buf.data;
}

/*
 * An input function's text (len bytes in the database encoding) as
 * NUL-terminated UTF-8, for folding.  Text that has no UTF-8 form (bytes of
 * a SQL_ASCII database that are not UTF-8, a character without a Unicode
 * mapping) is bad input: reported through escontext, NULL after a soft
 * error.  The messages and SQLSTATEs are the server's own for those cases.
 */
char *
hangul_cstring_to_utf8(const char *str, int len, Node *escontext)
{
	int			encoding = GetDatabaseEncoding();
	Oid			proc;
	Size		cap;
	unsigned char *out;
	int			done;

	if (encoding == PG_UTF8)
		return pnstrdup(str, len);
	if (encoding == PG_SQL_ASCII)
	{
		/* bytes of no declared encoding are taken only when they are UTF-8 */
		done = pg_encoding_verifymbstr(PG_UTF8, str, len);
		if (done < len)
			JOBS_EXT_INPUT_ERROR(escontext, NULL,
								 (errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
								  errmsg("invalid byte sequence for encoding \"%s\": %s",
										 pg_enc2name_tbl[PG_UTF8].name,
										 hangul_bad_bytes(PG_UTF8, str + done, len - done))));
		return pnstrdup(str, len);
	}

	proc = FindDefaultConversionProc(encoding, PG_UTF8);
	if (!OidIsValid(proc))
	{
		/* a broken installation, not bad input: the server says what is missing */
		return (char *) pg_do_encoding_conversion((unsigned char *) pnstrdup(str, len),
												  len, encoding, PG_UTF8);
	}
	cap = (Size) len * MAX_CONVERSION_GROWTH + 1;
	out = palloc(cap);
	done = pg_do_encoding_conversion_buf(proc, encoding, PG_UTF8,
										 (unsigned char *) str, len,
										 out, (int) cap, true);
	if (done < len)
		JOBS_EXT_INPUT_ERROR(escontext, NULL,
							 (errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
							  errmsg("character with byte sequence %s in encoding \"%s\" has no equivalent in encoding \"%s\"",
									 hangul_bad_bytes(encoding, str + done, len - done),
									 pg_enc2name_tbl[encoding].name,
									 pg_enc2name_tbl[PG_UTF8].name)));
	return (char *) out;
}

/*
 * Cost bounds (doc/hangul.md, "Cost on any input").  Every loop over a text
 * checks for interrupts once per HANGUL_CHUNK bytes, letters or comparisons,
 * and ICU normalises a text in pieces of about HANGUL_CHUNK bytes cut at
 * normalisation boundaries, so no single step runs for more than a
 * millisecond or so and statement_timeout cancels at once.  Memory is linear:
 * besides the input and the result, 4 bytes of letters per input byte
 * (hangul_nfc, jamo, choseong; choseong_match for each argument, its units
 * written over its letters), 12 for romanize (letters and units), and one
 * more copy of the text while ICU normalises it.  The trigram functions
 * (hangul_similarity, %%, gin_hangul_ops) keep letters, trigrams, 초성
 * bigrams and a sort buffer, up to about 30 bytes per byte of each text, so
 * they take texts of at most HANGUL_MAX_GRAMS_INPUT bytes.
 */

/* Longest text the Korean text functions take, in bytes */
#define HANGUL_MAX_INPUT	(64 * 1024 * 1024)

/* Longest text the trigram functions take, in bytes */
#define HANGUL_MAX_GRAMS_INPUT	(1024 * 1024)

/*
 * Longest run of code points with no normalisation boundary (combining marks
 * on one base, conjoining vowels): ICU reorders such a run in one call, in
 * time quadratic in its length.  Unicode's stream-safe text format allows 30.
 */
#define HANGUL_MAX_UNBROKEN	4096

/* Refuse a text longer than max bytes, with 54000 */
static void
hangul_check_length(int len, int max, bool grams)
{
	if (len <= max)
		return;
	if (grams)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("text is too long for Korean trigram similarity"),
				 errdetail("The text is %d bytes long; hangul_similarity, the %%%% operator and gin_hangul_ops take at most %d bytes.",
						   len, max),
				 errhint("Compare or index a part of the text, such as left(col, 100000).")));
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("text is too long for the Korean text functions"),
			 errdetail("The text is %d bytes long; the limit is %d bytes.", len, max),
			 errhint("Split the text, for example with regexp_split_to_table(), and apply the function to each part.")));
}

/* Refuse a text too long for the trigram functions (gin_hangul_ops too) */
void
hangul_check_grams_input(int len)
{
	hangul_check_length(len, HANGUL_MAX_GRAMS_INPUT, true);
}

/*
 * Normalise UTF-8 text (len bytes) with ICU; returns palloc'd, NUL-terminated
 * UTF-8 and its length.  unorm2_normalize() cannot be interrupted, so the
 * text goes to it in pieces of about HANGUL_CHUNK bytes, each ending where ICU
 * says a normalisation boundary is (normalising the pieces one by one gives
 * what normalising the whole does).  Working memory is a few hundred kB on top
 * of the result.  Text that is not UTF-8, or has a longer run of combining
 * characters than HANGUL_MAX_UNBROKEN, is reported through escontext (NULL
 * after a soft error; callers outside input functions pass NULL).
 */
static char *
hangul_icu_normalize(const UNormalizer2 *normalizer, const char *str, int len,
					 int *outlen, Node *escontext)
{
	StringInfoData out;
	UChar	   *src;
	UChar	   *norm;
	int32_t		srccap;
	int32_t		normcap;
	int			start = 0;

	initStringInfo(&out);
	enlargeStringInfo(&out, len);
	/* a piece is HANGUL_CHUNK bytes plus at most one unbroken run */
	srccap = HANGUL_CHUNK + 4 * (HANGUL_MAX_UNBROKEN + 1);
	src = palloc(srccap * sizeof(UChar));
	normcap = 2 * srccap;
	norm = palloc(normcap * sizeof(UChar));

	while (start < len)
	{
		UErrorCode	status = U_ZERO_ERROR;
		int			i = start;
		int			run = 0;
		int			run_start = 0;
		int32_t		srclen;
		int32_t		normlen;
		int32_t		u8len;

		CHECK_FOR_INTERRUPTS();
		/* the piece ends at the first boundary HANGUL_CHUNK bytes on */
		while (i < len)
		{
			unsigned char b = (unsigned char) str[i];
			int			l = 1;
			bool		boundary = true;

			if (IS_HIGHBIT_SET(b))
			{
				UChar32		c;

				l = pg_utf_mblen(&b);
				if (i + l > len || !pg_utf8_islegal((const unsigned char *) str + i, l))
					JOBS_EXT_INPUT_ERROR(escontext, NULL,
										 (errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
										  errmsg("invalid UTF-8 in input")));
				c = utf8_to_unicode((const unsigned char *) str + i);
				boundary = unorm2_hasBoundaryBefore(normalizer, c);
			}
			if (boundary)
			{
				if (i - start >= HANGUL_CHUNK)
					break;
				run = 0;
			}
			else if (run++ == 0)
				run_start = i;
			else if (run > HANGUL_MAX_UNBROKEN)
				JOBS_EXT_INPUT_ERROR(escontext, NULL,
									 (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
									  errmsg("text has a run of more than %d combining characters",
											 HANGUL_MAX_UNBROKEN),
									  errdetail("The run starts at byte %d of the text.", run_start + 1),
									  errhint("Unicode's stream-safe text format allows 30 combining characters in a row.")));
			i += l;
		}

		u_strFromUTF8(src, srccap, &srclen, str + start, i - start, &status);
		if (status == U_INVALID_CHAR_FOUND || status == U_ILLEGAL_CHAR_FOUND)
			JOBS_EXT_INPUT_ERROR(escontext, NULL,
								 (errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
								  errmsg("invalid UTF-8 in input")));
		hangul_check_icu(status, "conversion from UTF-8");
		normlen = unorm2_normalize(normalizer, src, srclen, norm, normcap, &status);
		if (status == U_BUFFER_OVERFLOW_ERROR)
		{
			/* NFKC can grow a piece up to 18 times (U+FDFA) */
			status = U_ZERO_ERROR;
			normcap = normlen + 1;
			norm = repalloc(norm, normcap * sizeof(UChar));
			normlen = unorm2_normalize(normalizer, src, srclen, norm, normcap, &status);
		}
		hangul_check_icu(status, "normalization");

		/* each UTF-16 unit becomes at most 3 bytes of UTF-8 */
		hangul_check_length(out.len + normlen, HANGUL_MAX_INPUT, false);
		enlargeStringInfo(&out, 3 * normlen);
		u_strToUTF8(out.data + out.len, out.maxlen - out.len, &u8len, norm, normlen, &status);
		hangul_check_icu(status, "conversion to UTF-8");
		out.len += u8len;
		hangul_check_length(out.len, HANGUL_MAX_INPUT, false);
		start = i;
	}
	out.data[out.len] = '\0';
	pfree(src);
	pfree(norm);
	*outlen = out.len;
	return out.data;
}

/*
 * Fold str (UTF-8, len bytes) into a lookup key, returned palloc'd and
 * NUL-terminated.  Pure ASCII, the common case for codes, skips ICU.  Text
 * that is not UTF-8 is bad input, reported through escontext (NULL after a
 * soft error); a failure inside ICU is an internal error.
 */
char *
hangul_fold_key(const char *str, int len, Node *escontext)
{
	bool		ascii = true;
	char	   *key;
	int			i;

	hangul_check_length(len, HANGUL_MAX_INPUT, false);
	for (i = 0; i < len; i++)
	{
		if (IS_HIGHBIT_SET(str[i]))
		{
			ascii = false;
			break;
		}
	}

	if (ascii)
	{
		int			n = 0;

		key = palloc(len + 1);
		for (i = 0; i < len; i++)
		{
			unsigned char ch = (unsigned char) str[i];

			if ((i & (HANGUL_CHUNK - 1)) == 0)
				CHECK_FOR_INTERRUPTS();
			if (hangul_is_separator(ch) || ch == '\t' || ch == '\n' ||
				ch == '\r' || ch == '\f' || ch == '\v')
				continue;
			key[n++] = pg_ascii_tolower(ch);
		}
		key[n] = '\0';
		return key;
	}
	else
	{
		UErrorCode	status = U_ZERO_ERROR;
		const UNormalizer2 *nfkc_cf;
		int			normlen;
		int			outlen = 0;

		nfkc_cf = unorm2_getNFKCCasefoldInstance(&status);
		hangul_check_icu(status, "normalizer lookup");
		key = hangul_icu_normalize(nfkc_cf, str, len, &normlen, escontext);
		if (key == NULL)
			return NULL;

		/* drop separators in place */
		i = 0;
		while (i < normlen)
		{
			int			l = pg_utf_mblen((const unsigned char *) key + i);

			if ((i & (HANGUL_CHUNK - 1)) < 4)
				CHECK_FOR_INTERRUPTS();
			if (!hangul_is_separator(utf8_to_unicode((const unsigned char *) key + i)))
			{
				memmove(key + outlen, key + i, l);
				outlen += l;
			}
			i += l;
		}
		key[outlen] = '\0';
		return key;
	}
}

/* Decode a NUL-terminated UTF-8 string into code points; returns the count */
static int
utf8_to_codepoints(const char *s, pg_wchar *out, int max)
{
	int			n = 0;

	while (*s && n < max)
	{
		int			l = pg_utf_mblen((const unsigned char *) s);

		out[n++] = utf8_to_unicode((const unsigned char *) s);
		s += l;
	}
	return n;
}

/*
 * Levenshtein distance between two UTF-8 strings, counted in code points.
 * Used for "did you mean" hints over short keys; inputs are capped by the
 * callers, so the quadratic table stays small.
 */
int
text_edit_distance(const char *a, const char *b)
{
	int			alen_bytes = strlen(a);
	int			blen_bytes = strlen(b);
	pg_wchar   *wa = palloc((alen_bytes + 1) * sizeof(pg_wchar));
	pg_wchar   *wb = palloc((blen_bytes + 1) * sizeof(pg_wchar));
	int			na = utf8_to_codepoints(a, wa, alen_bytes);
	int			nb = utf8_to_codepoints(b, wb, blen_bytes);
	int		   *prev = palloc((nb + 1) * sizeof(int));
	int		   *cur = palloc((nb + 1) * sizeof(int));
	int			i,
				j,
				result;

	for (j = 0; j <= nb; j++)
		prev[j] = j;
	for (i = 1; i <= na; i++)
	{
		int		   *swap;

		CHECK_FOR_INTERRUPTS();
		cur[0] = i;
		for (j = 1; j <= nb; j++)
		{
			int			best = prev[j - 1] + (wa[i - 1] == wb[j - 1] ? 0 : 1);

			best = Min(best, prev[j] + 1);
			best = Min(best, cur[j - 1] + 1);
			cur[j] = best;
		}
		swap = prev;
		prev = cur;
		cur = swap;
	}
	result = prev[nb];
	pfree(wa);
	pfree(wb);
	pfree(prev);
	pfree(cur);
	return result;
}

/* ------------------------------------------------------------------------
 * The Korean text layer: letters, units, 초성, similarity
 * ------------------------------------------------------------------------
 */

/* Inputs up to this many bytes are decoded into stack buffers */
#define HANGUL_STACK_LETTERS	256

double		hangul_similarity_threshold = 0.3;
GucSource	hangul_similarity_threshold_source = PGC_S_DEFAULT;

/*
 * Jamo tables, built once per backend from ICU's character names: the
 * compatibility jamo U+3131.. named "HANGUL LETTER X" is the letter of the
 * conjoining jamo "HANGUL CHOSEONG X", "HANGUL JUNGSEONG X" and "HANGUL
 * JONGSEONG X".  (Looking names up from code points is fast; the reverse,
 * u_charFromName, scans every name.)
 */
#define HANGUL_NCOMPAT	(HANGUL_COMPAT_LAST - HANGUL_COMPAT_FIRST + 1)

int8		hangul_compat_l[HANGUL_NCOMPAT];
int8		hangul_compat_t[HANGUL_NCOMPAT];
uint32		hangul_l_compat[HANGUL_LCOUNT];
uint32		hangul_t_compat[HANGUL_TCOUNT];
int8		hangul_t_first[HANGUL_TCOUNT];
int8		hangul_t_second_l[HANGUL_TCOUNT];
static bool hangul_tables_ready = false;

/*
 * NFKC maps a few compatibility jamo to archaic conjoining ones (ㅄ to U+1121
 * CHOSEONG PIEUP-SIOS); text that went through ICU reads them back as letters.
 */
static uint32 hangul_nfkc_back[0x100];

/* Archaic initials U+1113..U+115E -> their compatibility jamo (ᅀ ㅿ), or 0 */
static uint32 hangul_old_initial[0x60];

/*
 * The name of c less its prefix ("HANGUL LETTER ", "HANGUL CHOSEONG " ...)
 * into buf; fails if the name does not start with prefix.
 */
static void
hangul_jamo_name(uint32 c, const char *prefix, char *buf, int buflen)
{
	UErrorCode	status = U_ZERO_ERROR;
	char		name[128];
	int			plen = strlen(prefix);

	u_charName(c, U_UNICODE_CHAR_NAME, name, sizeof(name), &status);
	hangul_check_icu(status, "character name lookup");
	if (strncmp(name, prefix, plen) != 0)
		elog(ERROR, "unexpected name \"%s\" of U+%04X", name, c);
	strlcpy(buf, name + plen, buflen);
}

void
hangul_tables_init(void)
{
	char		compat[HANGUL_NCOMPAT][48];
	char		lname[HANGUL_LCOUNT][48];
	char		tname[HANGUL_TCOUNT][48];
	char		vname[48];
	int			i,
				j;

	if (hangul_tables_ready)
		return;
	for (i = 0; i < HANGUL_NCOMPAT; i++)
	{
		hangul_jamo_name(HANGUL_COMPAT_FIRST + i, "HANGUL LETTER ", compat[i], sizeof(compat[i]));
		hangul_compat_l[i] = -1;
		hangul_compat_t[i] = -1;
	}
	/* initials and finals: the compatibility jamo of the same name */
	for (i = 0; i < HANGUL_LCOUNT + HANGUL_TCOUNT - 1; i++)
	{
		bool		initial = (i < HANGUL_LCOUNT);
		int			k = initial ? i : i - HANGUL_LCOUNT + 1;
		char	   *name = initial ? lname[k] : tname[k];

		if (initial)
			hangul_jamo_name(0x1100 + k, "HANGUL CHOSEONG ", name, 48);
		else
			hangul_jamo_name(0x11A7 + k, "HANGUL JONGSEONG ", name, 48);
		for (j = 0; j < HANGUL_NCOMPAT; j++)
		{
			if (strcmp(compat[j], name) == 0)
				break;
		}
		if (j == HANGUL_NCOMPAT)
			elog(ERROR, "no compatibility jamo for %s", name);
		if (initial)
		{
			hangul_compat_l[j] = k;
			hangul_l_compat[k] = HANGUL_COMPAT_FIRST + j;
		}
		else
		{
			hangul_compat_t[j] = k;
			hangul_t_compat[k] = HANGUL_COMPAT_FIRST + j;
		}
	}
	hangul_t_compat[0] = 0;
	memset(hangul_nfkc_back, 0, sizeof(hangul_nfkc_back));
	for (i = 0; i < HANGUL_NCOMPAT; i++)
	{
		UErrorCode	status = U_ZERO_ERROR;
		const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
		UChar		d[4];
		int32_t		dlen;

		hangul_check_icu(status, "normalizer lookup");
		dlen = unorm2_getDecomposition(nfkc, HANGUL_COMPAT_FIRST + i, d, lengthof(d), &status);
		if (U_SUCCESS(status) && dlen == 1 && d[0] >= 0x1100 && d[0] < 0x1200)
			hangul_nfkc_back[d[0] - 0x1100] = HANGUL_COMPAT_FIRST + i;
	}
	/* archaic initials: the compatibility jamo U+3165..U+318E whose NFKC they are */
	memset(hangul_old_initial, 0, sizeof(hangul_old_initial));
	for (i = 0x3131; i <= 0x318E; i++)
	{
		UErrorCode	status = U_ZERO_ERROR;
		const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
		UChar		d[4];
		int32_t		dlen;

		hangul_check_icu(status, "normalizer lookup");
		dlen = unorm2_getDecomposition(nfkc, i, d, lengthof(d), &status);
		if (U_SUCCESS(status) && dlen == 1 && d[0] >= 0x1100 + HANGUL_LCOUNT && d[0] < 0x115F)
			hangul_old_initial[d[0] - 0x1100] = i;
	}
	/* vowels are in the same order in both blocks */
	for (i = 0; i < HANGUL_VCOUNT; i++)
	{
		hangul_jamo_name(0x1161 + i, "HANGUL JUNGSEONG ", vname, sizeof(vname));
		if (strcmp(vname, compat[HANGUL_COMPAT_VOWEL0 - HANGUL_COMPAT_FIRST + i]) != 0)
			elog(ERROR, "vowel jamo %s and %s do not correspond", vname,
				 compat[HANGUL_COMPAT_VOWEL0 - HANGUL_COMPAT_FIRST + i]);
	}

	/*
	 * A final splits in two when a vowel follows (liaison): a compound final
	 * such as KIYEOK-SIOS keeps its first part and moves the second, a simple
	 * one moves whole.
	 */
	hangul_t_first[0] = 0;
	hangul_t_second_l[0] = -1;
	for (i = 1; i < HANGUL_TCOUNT; i++)
	{
		char	   *dash = strchr(tname[i], '-');

		hangul_t_first[i] = 0;
		hangul_t_second_l[i] = -1;
		if (dash == NULL)
		{
			hangul_t_second_l[i] = hangul_compat_l[hangul_t_compat[i] - HANGUL_COMPAT_FIRST];
			continue;
		}
		for (j = 1; j < HANGUL_TCOUNT; j++)
		{
			if (strncmp(tname[j], tname[i], dash - tname[i]) == 0 &&
				tname[j][dash - tname[i]] == '\0')
				hangul_t_first[i] = j;
		}
		for (j = 0; j < HANGUL_LCOUNT; j++)
		{
			if (strcmp(lname[j], dash + 1) == 0)
				hangul_t_second_l[i] = j;
		}
		if (hangul_t_first[i] == 0 || hangul_t_second_l[i] < 0)
			elog(ERROR, "cannot split the final jamo %s", tname[i]);
	}
	hangul_tables_ready = true;
}

/*
 * Old Hangul.  Unicode writes a Hangul syllable as a precomposed syllable
 * (modern ones only) or as a sequence of conjoining jamo: initials (L),
 * vowels (V), finals (T).  Jamo that are not modern (archaic, or fillers)
 * build syllables that have no precomposed form, such as ᄒᆞᆫ; Unicode's
 * grapheme cluster rules say where such a syllable ends.  A syllable with an
 * archaic jamo stays as it is, in conjoining jamo: it is not turned into
 * compatibility letters, and NFC composes in it only what it composes
 * anywhere (a modern initial and vowel, plus a modern final).
 */
#define HANGUL_JAMO_NONE	0
#define HANGUL_JAMO_L		1
#define HANGUL_JAMO_V		2
#define HANGUL_JAMO_T		3
#define HANGUL_JAMO_LV		4
#define HANGUL_JAMO_LVT		5

/* Unicode's Hangul_Syllable_Type of c */
static inline int
hangul_jamo_type(uint32 c)
{
	if (c >= 0x1100 && c < 0x1200)
		return c < 0x1160 ? HANGUL_JAMO_L : c < 0x11A8 ? HANGUL_JAMO_V : HANGUL_JAMO_T;
	if (c >= HANGUL_SBASE && c < HANGUL_SBASE + HANGUL_SCOUNT)
		return (c - HANGUL_SBASE) % HANGUL_TCOUNT == 0 ? HANGUL_JAMO_LV : HANGUL_JAMO_LVT;
	if (c >= 0xA960 && c <= 0xA97C)
		return HANGUL_JAMO_L;
	if (c >= 0xD7B0 && c <= 0xD7C6)
		return HANGUL_JAMO_V;
	if (c >= 0xD7CB && c <= 0xD7FB)
		return HANGUL_JAMO_T;
	return HANGUL_JAMO_NONE;
}

/* Is c a conjoining jamo outside the modern set (L 1100..1112 ...)? */
static inline bool
hangul_jamo_is_old(uint32 c)
{
	if (c >= 0x1100 && c < 0x1200)
		return !(c < 0x1100 + HANGUL_LCOUNT ||
				 (c >= 0x1161 && c < 0x1161 + HANGUL_VCOUNT) ||
				 (c > 0x11A7 && c < 0x11A7 + HANGUL_TCOUNT));
	return (c >= 0xA960 && c <= 0xA97C) || (c >= 0xD7B0 && c <= 0xD7FB);
}

/* Does a jamo of type next continue a syllable ending in one of type prev? */
static inline bool
hangul_jamo_joins(int prev, int next)
{
	switch (prev)
	{
		case HANGUL_JAMO_L:
			return next == HANGUL_JAMO_L || next == HANGUL_JAMO_V ||
				next == HANGUL_JAMO_LV || next == HANGUL_JAMO_LVT;
		case HANGUL_JAMO_V:
		case HANGUL_JAMO_LV:
			return next == HANGUL_JAMO_V || next == HANGUL_JAMO_T;
		case HANGUL_JAMO_T:
		case HANGUL_JAMO_LVT:
			return next == HANGUL_JAMO_T;
		default:
			return false;
	}
}

/*
 * The syllable (grapheme cluster) of UTF-8 s that starts at byte p with a
 * jamo or syllable: sets *end past it and returns whether it has an archaic
 * jamo.  Every jamo and syllable is three bytes of UTF-8.
 */
static bool
hangul_old_syllable(const unsigned char *s, int p, int len, int *end)
{
	uint32		c = ((s[p] & 0x0F) << 12) | ((s[p + 1] & 0x3F) << 6) | (s[p + 2] & 0x3F);
	int			prev = hangul_jamo_type(c);
	bool		old = hangul_jamo_is_old(c);
	int			q = p + 3;

	while (q + 3 <= len && (s[q] & 0xF0) == 0xE0)
	{
		int			type;

		c = ((s[q] & 0x0F) << 12) | ((s[q + 1] & 0x3F) << 6) | (s[q + 2] & 0x3F);
		type = hangul_jamo_type(c);
		if (!hangul_jamo_joins(prev, type))
			break;
		old |= hangul_jamo_is_old(c);
		prev = type;
		q += 3;
		if (((q - p) & (HANGUL_CHUNK - 1)) < 3)
			CHECK_FOR_INTERRUPTS();
	}
	*end = q;
	return old;
}

/* Write the syllable s[p..end) as conjoining jamo (NFD) into out */
static int
hangul_old_letters(const unsigned char *s, int p, int end, uint32 *out)
{
	int			n = 0;

	for (; p < end; p += 3)
	{
		uint32		c = ((s[p] & 0x0F) << 12) | ((s[p + 1] & 0x3F) << 6) | (s[p + 2] & 0x3F);

		if (((p + 3) & (HANGUL_CHUNK - 1)) < 3)
			CHECK_FOR_INTERRUPTS();
		if (c >= HANGUL_SBASE && c < HANGUL_SBASE + HANGUL_SCOUNT)
		{
			uint32		sidx = c - HANGUL_SBASE;

			out[n++] = 0x1100 + sidx / HANGUL_NCOUNT;
			out[n++] = 0x1161 + (sidx % HANGUL_NCOUNT) / HANGUL_TCOUNT;
			if (sidx % HANGUL_TCOUNT != 0)
				out[n++] = 0x11A7 + sidx % HANGUL_TCOUNT;
		}
		else
			out[n++] = c;
	}
	return n;
}

/*
 * Decode UTF-8 into letters (see hangul.h).  Returns the number of letters,
 * at most len, or -1 when a character needs ICU normalisation first and
 * normalized is false: the common case of Hangul, jamo and ASCII never does.
 * In display mode a syllable with an archaic jamo (only in normalised text:
 * archaic jamo send text through ICU) is written as its conjoining jamo.
 * Inlined in its two calls, so that the first has no test for old Hangul.
 */
static pg_attribute_always_inline int
hangul_decode(const unsigned char *s, int len, int mode, bool normalized,
			  uint32 *out)
{
	int			n = 0;
	int			i = 0;
	bool		space = false;
	bool		old_hangul = normalized && mode == HANGUL_DISPLAY;
	int			modern_until = 0;	/* end of a syllable known to be modern */

	while (i < len)
	{
		int			stop = (len - i > HANGUL_CHUNK) ? i + HANGUL_CHUNK : len;

		CHECK_FOR_INTERRUPTS();
		while (i < stop)
		{
			uint32		c = s[i];

			if (c < 0x80)
			{
				i++;
				if (c == ' ' || (c >= '\t' && c <= '\r') ||
					(mode == HANGUL_KEY && (c == '.' || c == '-' || c == '_')))
				{
					space = (n > 0);
					continue;
				}
				if (mode == HANGUL_KEY && c >= 'A' && c <= 'Z')
					c += 'a' - 'A';
			}
			else
			{
				int			l;

				if ((c & 0xE0) == 0xC0)
					l = 2;
				else if ((c & 0xF0) == 0xE0)
					l = 3;
				else if ((c & 0xF8) == 0xF0)
					l = 4;
				else
					l = 0;
				if (l == 0 || i + l > len)
					ereport(ERROR,
							(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
							 errmsg("invalid UTF-8 in input")));
				if (l == 3)
					c = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
				else if (l == 2)
					c = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
				else
					c = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) |
						((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
				i += l;

				if (old_hangul && c >= 0x1100 && i - 3 >= modern_until &&
					hangul_jamo_type(c) != HANGUL_JAMO_NONE)
				{
					int			end;

					if (hangul_old_syllable(s, i - 3, len, &end))
					{
						if (space)
							out[n++] = ' ';
						space = false;
						n += hangul_old_letters(s, i - 3, end, out + n);
						i = end;
						continue;
					}
					modern_until = end;
				}

				if (c >= HANGUL_SBASE && c < HANGUL_SBASE + HANGUL_SCOUNT)
				{
					uint32		sidx = c - HANGUL_SBASE;
					uint32		t = sidx % HANGUL_TCOUNT;

					if (space && mode == HANGUL_DISPLAY)
						out[n++] = ' ';
					space = false;
					out[n++] = hangul_l_compat[sidx / HANGUL_NCOUNT];
					out[n++] = HANGUL_COMPAT_VOWEL0 + (sidx % HANGUL_NCOUNT) / HANGUL_TCOUNT;
					if (t != 0)
						out[n++] = hangul_t_compat[t];
					continue;
				}
				else if (c >= 0x1100 && c < 0x1100 + HANGUL_LCOUNT)
					c = hangul_l_compat[c - 0x1100];
				else if (c >= 0x1161 && c < 0x1161 + HANGUL_VCOUNT)
					c = HANGUL_COMPAT_VOWEL0 + (c - 0x1161);
				else if (c > 0x11A7 && c < 0x11A7 + HANGUL_TCOUNT)
					c = hangul_t_compat[c - 0x11A7];
				else if (hangul_is_compat(c))
					 /* already a letter */ ;
				else if (!normalized)
					return -1;
				else if (c >= 0x1100 && c < 0x1200 && hangul_nfkc_back[c - 0x1100] != 0)
					c = hangul_nfkc_back[c - 0x1100];
				else if (mode == HANGUL_KEY ? hangul_is_separator(c) : u_isUWhiteSpace(c))
				{
					space = (n > 0);
					continue;
				}
			}
			if (space && mode == HANGUL_DISPLAY)
				out[n++] = ' ';
			space = false;
			out[n++] = c;
		}
	}
	return n;
}

/*
 * Turn UTF-8 text into letters.  *letters is set to buf when the text fits
 * in bufcap letters, otherwise to palloc'd memory.
 */
int
hangul_letters_buf(const char *str, int len, int mode, uint32 *buf, int bufcap,
				   uint32 **letters)
{
	uint32	   *out = buf;
	int			n;

	hangul_check_length(len, HANGUL_MAX_INPUT, false);
	hangul_tables_init();
	if (len + 1 > bufcap)
		out = palloc((Size) (len + 1) * sizeof(uint32));
	n = hangul_decode((const unsigned char *) str, len, mode, false, out);
	if (n < 0)
	{
		UErrorCode	status = U_ZERO_ERROR;
		const UNormalizer2 *normalizer;
		int			normlen;
		char	   *norm;

		if (mode == HANGUL_KEY)
			normalizer = unorm2_getNFKCCasefoldInstance(&status);
		else
			normalizer = unorm2_getNFCInstance(&status);
		hangul_check_icu(status, "normalizer lookup");
		norm = hangul_icu_normalize(normalizer, str, len, &normlen, NULL);
		if (normlen + 1 > bufcap && normlen > len)
		{
			if (out != buf)
				pfree(out);
			out = palloc((Size) (normlen + 1) * sizeof(uint32));
		}
		n = hangul_decode((const unsigned char *) norm, normlen, mode, true, out);
		pfree(norm);
	}
	*letters = out;
	return n;
}

int
hangul_letters(const char *str, int len, int mode, uint32 **letters)
{
	return hangul_letters_buf(str, len, mode, NULL, 0, letters);
}

/*
 * The unit of letters x[i..] into *u, the way a Korean keyboard composes
 * letters; returns the index of the letter after it.
 */
static inline int
hangul_next_unit(const uint32 *x, int n, int i, HangulUnit *u)
{
	uint32		c = x[i];

	u->cp = c;
	u->l = u->v = u->t = 0;
	if (hangul_is_consonant(c))
	{
		int			l = hangul_compat_l[c - HANGUL_COMPAT_FIRST];

		u->kind = HANGUL_UNIT_CONSONANT;
		i++;
		if (l >= 0 && i < n && hangul_is_vowel(x[i]))
		{
			int			v = x[i] - HANGUL_COMPAT_VOWEL0;
			int			t = 0;

			i++;
			/* a consonant closes the syllable unless it starts the next */
			if (i < n && hangul_is_consonant(x[i]) &&
				hangul_compat_t[x[i] - HANGUL_COMPAT_FIRST] > 0 &&
				!(i + 1 < n && hangul_is_vowel(x[i + 1]) &&
				  hangul_compat_l[x[i] - HANGUL_COMPAT_FIRST] >= 0))
			{
				t = hangul_compat_t[x[i] - HANGUL_COMPAT_FIRST];
				i++;
			}
			u->kind = HANGUL_UNIT_SYLLABLE;
			u->l = l;
			u->v = v;
			u->t = t;
			u->cp = HANGUL_SBASE + (l * HANGUL_VCOUNT + v) * HANGUL_TCOUNT + t;
		}
		return i;
	}
	u->kind = hangul_is_vowel(c) ? HANGUL_UNIT_VOWEL : HANGUL_UNIT_OTHER;
	return i + 1;
}

/*
 * Group letters into units the way a Korean keyboard composes them; units
 * must have room for nletters entries.  Returns the number of units.
 */
int
hangul_units(const uint32 *x, int n, HangulUnit *units)
{
	int			i = 0;
	int			k = 0;

	while (i < n)
	{
		if ((k & (HANGUL_CHUNK - 1)) == 0)
			CHECK_FOR_INTERRUPTS();
		i = hangul_next_unit(x, n, i, &units[k++]);
	}
	return k;
}

/*
 * Group letters into units in place, each unit as its code point (a
 * syllable composed): for choseong_match, which needs no more than that,
 * since letters never hold a precomposed syllable.  Returns the count.
 */
static int
hangul_units_in_place(uint32 *x, int n)
{
	int			i = 0;
	int			k = 0;
	HangulUnit	u;

	while (i < n)
	{
		if ((k & (HANGUL_CHUNK - 1)) == 0)
			CHECK_FOR_INTERRUPTS();
		i = hangul_next_unit(x, n, i, &u);
		x[k++] = u.cp;
	}
	return k;
}

/* The 초성 of a unit: the initial of a syllable, anything else itself */
uint32
hangul_choseong_of(const HangulUnit *u)
{
	if (u->kind == HANGUL_UNIT_SYLLABLE)
		return hangul_l_compat[(int) u->l];
	return u->cp;
}

/* Append one code point to buf as UTF-8 */
void
hangul_put_utf8(StringInfo buf, uint32 c)
{
	unsigned char tmp[4];

	unicode_to_utf8(c, tmp);
	appendBinaryStringInfo(buf, (const char *) tmp, pg_utf_mblen(tmp));
}

/* A text argument as UTF-8, converted from the database encoding if need be */
char *
hangul_text_to_utf8(text *t, int *len)
{
	char	   *s = VARDATA_ANY(t);
	int			l = VARSIZE_ANY_EXHDR(t);

	if (GetDatabaseEncoding() != PG_UTF8)
	{
		s = (char *) pg_do_encoding_conversion((unsigned char *) s, l,
											   GetDatabaseEncoding(), PG_UTF8);
		if (s != VARDATA_ANY(t))
			l = strlen(s);
	}
	*len = l;
	return s;
}

/* UTF-8 to a text value in the database encoding */
text *
hangul_utf8_to_text(const char *s, int len)
{
	if (GetDatabaseEncoding() != PG_UTF8)
	{
		char	   *conv = (char *) pg_do_encoding_conversion((unsigned char *) s, len,
															  PG_UTF8,
															  GetDatabaseEncoding());

		if (conv != s)
			return cstring_to_text(conv);
	}
	return cstring_to_text_with_len(s, len);
}

static int
hangul_gram_cmp(const void *a, const void *b)
{
	uint64		x = *(const uint64 *) a;
	uint64		y = *(const uint64 *) b;

	return (x > y) - (x < y);
}

/* Sort and deduplicate grams in place; returns the new count */
static int
hangul_sort_unique_run(uint64 *a, int n)
{
	int			i,
				j;

	if (n <= 48)
	{
		for (i = 1; i < n; i++)
		{
			uint64		x = a[i];

			for (j = i; j > 0 && a[j - 1] > x; j--)
				a[j] = a[j - 1];
			a[j] = x;
		}
	}
	else
		qsort(a, n, sizeof(uint64), hangul_gram_cmp);
	if (n <= 1)
		return n;
	for (i = 1, j = 1; i < n; i++)
	{
		if (a[i] != a[j - 1])
			a[j++] = a[i];
	}
	return j;
}

/* Grams sorted by one qsort() call: about a millisecond */
#define HANGUL_SORT_RUN		16384

/*
 * Sort and deduplicate grams in place; returns the new count.  Many grams
 * are sorted in runs of HANGUL_SORT_RUN, then merged run by run, so that
 * interrupts are checked every millisecond or so.
 */
int
hangul_sort_unique(uint64 *a, int n)
{
	uint64	   *tmp;
	int		   *runlen;
	int			nruns;
	int			r;
	int			k;

	if (n <= HANGUL_SORT_RUN)
		return hangul_sort_unique_run(a, n);
	nruns = (n + HANGUL_SORT_RUN - 1) / HANGUL_SORT_RUN;
	runlen = palloc(nruns * sizeof(int));
	for (r = 0; r < nruns; r++)
	{
		int			start = r * HANGUL_SORT_RUN;

		CHECK_FOR_INTERRUPTS();
		runlen[r] = hangul_sort_unique_run(a + start, Min(HANGUL_SORT_RUN, n - start));
	}

	/* merge neighbouring runs (each at the start of its slot) until one is left */
	tmp = palloc((Size) n * sizeof(uint64));
	for (k = 1; k < nruns; k *= 2)
	{
		for (r = 0; r + k < nruns; r += 2 * k)
		{
			uint64	   *x = a + (Size) r * HANGUL_SORT_RUN;
			uint64	   *y = a + (Size) (r + k) * HANGUL_SORT_RUN;
			int			nx = runlen[r],
						ny = runlen[r + k];
			int			i = 0,
						j = 0,
						m = 0;

			CHECK_FOR_INTERRUPTS();
			while (i < nx && j < ny)
			{
				uint64		v = (x[i] <= y[j]) ? x[i] : y[j];

				if (x[i] <= y[j])
					i++;
				if (y[j] == v)
					j++;
				tmp[m++] = v;
			}
			while (i < nx)
				tmp[m++] = x[i++];
			while (j < ny)
				tmp[m++] = y[j++];
			memcpy(x, tmp, (Size) m * sizeof(uint64));
			runlen[r] = m;
		}
	}
	k = runlen[0];
	pfree(tmp);
	pfree(runlen);
	return k;
}

/* Letter n-grams: trigrams, padded with two blanks in front and one behind */

/*
 * Letter trigrams of letters (key mode) into g->grams, which must have room
 * for n + 1 grams.  Callers take at most HANGUL_MAX_GRAMS_INPUT bytes, a few
 * milliseconds here; the sort checks for interrupts.  A letter is its code point + 1, so 0 is the padding; three
 * 21-bit letters pack into the low 63 bits of a gram without collisions.
 */
void
hangul_letter_grams(const uint32 *x, int n, HangulGrams *g)
{
	uint64		p1 = 0,
				p2 = 0;
	bool		consonant = false;
	bool		vowel = false;
	int			i;
	int			k = 0;

	for (i = 0; i < n; i++)
	{
		uint64		c = (uint64) x[i] + 1;

		if (hangul_is_consonant(x[i]))
			consonant = true;
		else if (hangul_is_vowel(x[i]))
			vowel = true;
		g->grams[k++] = (p2 << (2 * HANGUL_GRAM_BITS)) | (p1 << HANGUL_GRAM_BITS) | c;
		p2 = p1;
		p1 = c;
	}
	if (n > 0)
		g->grams[k++] = (p2 << (2 * HANGUL_GRAM_BITS)) | (p1 << HANGUL_GRAM_BITS);
	g->ngrams = hangul_sort_unique(g->grams, k);
	/* Hangul consonants and no vowel: a 초성 query, such as ㅇㅈ or CNC ㄱㄱㅇ */
	g->pure_choseong = consonant && !vowel;
}

/*
 * 초성 bigrams of letters (key mode): every syllable stands for its initial,
 * letters and digits for themselves, punctuation for nothing.  With pad, the bigrams with a blank before the
 * first and after the last are included (for similarity); without, only the
 * inner ones (what a 초성 pattern needs in the text).  g->grams must have room
 * for n + 1 grams.
 */
void
hangul_choseong_grams(const uint32 *x, int n, bool pad, HangulGrams *g)
{
	uint64		prev = 0;
	int			i = 0;
	int			k = 0;
	HangulUnit	u;

	while (i < n)
	{
		uint64		c;

		i = hangul_next_unit(x, n, i, &u);
		c = (uint64) hangul_choseong_of(&u) + 1;
		/* nobody types punctuation in a 초성 query */
		if (u.kind == HANGUL_UNIT_OTHER &&
			!(u.cp < 0x80 ? isalnum((unsigned char) u.cp) : u_isalnum(u.cp)))
			continue;
		if (pad || prev != 0)
			g->grams[k++] = HANGUL_KEY_CHOSEONG | (prev << HANGUL_GRAM_BITS) | c;
		prev = c;
	}
	if (pad && prev != 0)
		g->grams[k++] = HANGUL_KEY_CHOSEONG | (prev << HANGUL_GRAM_BITS);
	g->ngrams = hangul_sort_unique(g->grams, k);
	g->pure_choseong = false;
}

/* Shared grams over all distinct grams of either, as pg_trgm counts */
float4
hangul_gram_similarity(const HangulGrams *a, const HangulGrams *b)
{
	int			i = 0,
				j = 0,
				shared = 0;

	if (a->ngrams == 0 || b->ngrams == 0)
		return 0.0f;
	while (i < a->ngrams && j < b->ngrams)
	{
		if (a->grams[i] < b->grams[j])
			i++;
		else if (a->grams[i] > b->grams[j])
			j++;
		else
		{
			shared++;
			i++;
			j++;
		}
	}
	return (float4) shared / (float4) (a->ngrams + b->ngrams - shared);
}

/* One side of a similarity: its letters and grams */
typedef struct HangulSide
{
	uint32	   *letters;
	int			nletters;
	HangulGrams grams;			/* letter trigrams */
	HangulGrams cgrams;			/* 초성 bigrams, when computed */
	bool		has_cgrams;
} HangulSide;

/* Compute a side; buffers may be NULL to palloc in the current context */
static void
hangul_side_compute(const char *s, int len, HangulSide *side,
					uint32 *lbuf, int lcap, uint64 *gbuf, int gcap)
{
	hangul_check_length(len, HANGUL_MAX_GRAMS_INPUT, true);
	side->nletters = hangul_letters_buf(s, len, HANGUL_KEY, lbuf, lcap, &side->letters);
	if (side->nletters + 1 <= gcap)
		side->grams.grams = gbuf;
	else
		side->grams.grams = palloc((Size) (side->nletters + 1) * sizeof(uint64));
	hangul_letter_grams(side->letters, side->nletters, &side->grams);
	side->has_cgrams = false;
}

static void
hangul_side_choseong(HangulSide *side)
{
	if (side->has_cgrams)
		return;
	side->cgrams.grams = palloc((Size) (side->nletters + 1) * sizeof(uint64));
	hangul_choseong_grams(side->letters, side->nletters, true, &side->cgrams);
	side->has_cgrams = true;
}

/*
 * Similarity of two sides: on letter trigrams, or on 초성 bigrams when either
 * side is a pure 초성 query such as ㅇㅈㄱㄴㅅ.
 */
static float4
hangul_side_similarity(HangulSide *a, HangulSide *b)
{
	if (a->grams.pure_choseong || b->grams.pure_choseong)
	{
		hangul_side_choseong(a);
		hangul_side_choseong(b);
		return hangul_gram_similarity(&a->cgrams, &b->cgrams);
	}
	return hangul_gram_similarity(&a->grams, &b->grams);
}

/* Similarity of two UTF-8 strings, for callers in C such as jobcat hints */
float4
hangul_similarity_cstr(const char *a, int alen, const char *b, int blen)
{
	HangulSide	sa,
				sb;

	hangul_side_compute(a, alen, &sa, NULL, 0, NULL, 0);
	hangul_side_compute(b, blen, &sb, NULL, 0, NULL, 0);
	return hangul_side_similarity(&sa, &sb);
}

/*
 * Per-call-site cache: an argument that stays the same from row to row (the
 * query in col %% 'query') is decoded once.  An argument seen to change is
 * not cached again.
 */
typedef struct HangulSimCache
{
	bool		tried[2];
	bool		varies[2];
	int			len[2];
	char	   *bytes[2];
	HangulSide side[2];
} HangulSimCache;

static float4
hangul_similarity_fc(FunctionCallInfo fcinfo)
{
	HangulSimCache *cache = (HangulSimCache *) fcinfo->flinfo->fn_extra;
	HangulSide	local[2];
	HangulSide *sides[2];
	uint32		lbuf[2][HANGUL_STACK_LETTERS];
	uint64		gbuf[2][HANGUL_STACK_LETTERS + 2];
	float4		result;
	int			i;

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(HangulSimCache));
		fcinfo->flinfo->fn_extra = cache;
	}
	for (i = 0; i < 2; i++)
	{
		text	   *t = PG_GETARG_TEXT_PP(i);
		int			len;
		char	   *s = hangul_text_to_utf8(t, &len);

		if (cache->tried[i] && !cache->varies[i] && cache->len[i] == len &&
			memcmp(cache->bytes[i], s, len) == 0)
		{
			sides[i] = &cache->side[i];
			continue;
		}
		if (cache->tried[i])
			cache->varies[i] = true;
		if (!cache->tried[i])
		{
			MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

			/* cached only once computed: an error (54000) leaves no half */
			hangul_side_compute(s, len, &cache->side[i], NULL, 0, NULL, 0);
			hangul_side_choseong(&cache->side[i]);
			cache->bytes[i] = palloc(len + 1);
			memcpy(cache->bytes[i], s, len);
			cache->len[i] = len;
			cache->tried[i] = true;
			MemoryContextSwitchTo(old);
			sides[i] = &cache->side[i];
			continue;
		}
		hangul_side_compute(s, len, &local[i], lbuf[i], HANGUL_STACK_LETTERS,
							gbuf[i], HANGUL_STACK_LETTERS + 2);
		sides[i] = &local[i];
	}
	result = hangul_side_similarity(sides[0], sides[1]);
	return result;
}

PG_FUNCTION_INFO_V1(hangul_similarity);
Datum
hangul_similarity(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4(hangul_similarity_fc(fcinfo));
}

PG_FUNCTION_INFO_V1(hangul_similarity_op);
Datum
hangul_similarity_op(PG_FUNCTION_ARGS)
{
	setting_guard(hangul_similarity_threshold_source,
				  "jobs_ext.hangul_similarity_threshold", "the %% operator",
				  HANGUL_SIMILARITY_HINT);
	PG_RETURN_BOOL(hangul_similarity_fc(fcinfo) >= (float4) hangul_similarity_threshold);
}

/* Both thresholds keep the source of their value for setting_guard() */
bool
hangul_threshold_check(double *newval, void **extra, GucSource source)
{
	*extra = setting_source_extra(source);
	return *extra != NULL;
}

static void
hangul_similarity_threshold_assign(double newval, void *extra)
{
	hangul_similarity_threshold_source = ((SettingSource *) extra)->source;
}

void
hangul_define_gucs(void)
{
	DefineCustomRealVariable("jobs_ext.hangul_similarity_threshold",
							 "Sets the threshold used by the %% operator.",
							 "Two texts are similar when hangul_similarity() is at least this value.",
							 &hangul_similarity_threshold,
							 0.3,
							 0.0,
							 1.0,
							 PGC_USERSET,
							 0,
							 hangul_threshold_check,
							 hangul_similarity_threshold_assign,
							 NULL);
	hangul_word_define_gucs();
}

/*
 * Output of hangul_nfc, jamo and choseong: a text value written in place,
 * with room for 4 bytes of UTF-8 per letter (every output character comes
 * from at least one letter); only what is written takes memory.
 */
static char *
hangul_out_begin(int nletters)
{
	return palloc((Size) VARHDRSZ + (Size) 4 * nletters + 1);
}

static inline char *
hangul_out_put(char *p, uint32 c)
{
	if (c < 0x80)
		*p++ = (char) c;
	else if (c < 0x800)
	{
		*p++ = (char) (0xC0 | (c >> 6));
		*p++ = (char) (0x80 | (c & 0x3F));
	}
	else if (c < 0x10000)
	{
		*p++ = (char) (0xE0 | (c >> 12));
		*p++ = (char) (0x80 | ((c >> 6) & 0x3F));
		*p++ = (char) (0x80 | (c & 0x3F));
	}
	else
	{
		*p++ = (char) (0xF0 | (c >> 18));
		*p++ = (char) (0x80 | ((c >> 12) & 0x3F));
		*p++ = (char) (0x80 | ((c >> 6) & 0x3F));
		*p++ = (char) (0x80 | (c & 0x3F));
	}
	return p;
}

static text *
hangul_out_end(char *buf, char *p)
{
	int			len = p - (buf + VARHDRSZ);

	if (GetDatabaseEncoding() != PG_UTF8)
		return hangul_utf8_to_text(buf + VARHDRSZ, len);
	SET_VARSIZE(buf, VARHDRSZ + len);
	return (text *) buf;
}

/*
 * Would letter c join the syllable u (composed from compatibility letters)
 * if u were written composed?  A conjoining vowel or final joins a syllable
 * without a final, a conjoining final one with a final.
 */
static inline bool
hangul_joins_syllable(const HangulUnit *u, uint32 c)
{
	int			type;

	if (c < 0x1160 || (c >= 0x1200 && c < 0xD7B0))
		return false;
	type = hangul_jamo_type(c);
	return type == HANGUL_JAMO_T || (type == HANGUL_JAMO_V && u->t == 0);
}

/* hangul_nfc(text): composed syllables, spacing folded to single spaces */
PG_FUNCTION_INFO_V1(hangul_nfc);
Datum
hangul_nfc(PG_FUNCTION_ARGS)
{
	int			len;
	char	   *s = hangul_text_to_utf8(PG_GETARG_TEXT_PP(0), &len);
	uint32	   *letters;
	char	   *buf,
			   *p;
	int			n,
				i = 0,
				k = 0;

	n = hangul_letters(s, len, HANGUL_DISPLAY, &letters);
	buf = p = hangul_out_begin(n);
	p += VARHDRSZ;
	while (i < n)
	{
		HangulUnit	u;
		int			next = hangul_next_unit(letters, n, i, &u);

		if ((++k & (HANGUL_CHUNK - 1)) == 0)
			CHECK_FOR_INTERRUPTS();
		if (u.kind == HANGUL_UNIT_SYLLABLE && next < n &&
			hangul_joins_syllable(&u, letters[next]))
		{
			/* a conjoining vowel or final would join it: keep the letters */
			while (i < next)
				p = hangul_out_put(p, letters[i++]);
		}
		else if (u.kind == HANGUL_UNIT_OTHER && u.cp >= 0x1100 &&
				 u.cp < 0x1100 + HANGUL_LCOUNT && next < n &&
				 letters[next] >= 0x1161 && letters[next] < 0x1161 + HANGUL_VCOUNT)
		{
			/* old Hangul: compose what NFC composes, initial + vowel + final */
			uint32		c = HANGUL_SBASE +
				((u.cp - 0x1100) * HANGUL_VCOUNT + (letters[next] - 0x1161)) * HANGUL_TCOUNT;

			next++;
			if (next < n && letters[next] > 0x11A7 && letters[next] < 0x11A7 + HANGUL_TCOUNT)
				c += letters[next++] - 0x11A7;
			p = hangul_out_put(p, c);
		}
		else
			p = hangul_out_put(p, u.cp);
		i = next;
	}
	PG_RETURN_TEXT_P(hangul_out_end(buf, p));
}

/*
 * jamo(text): every syllable spelled out in compatibility jamo, a syllable
 * of old Hangul in conjoining jamo (NFD)
 */
PG_FUNCTION_INFO_V1(jamo);
Datum
jamo(PG_FUNCTION_ARGS)
{
	int			len;
	char	   *s = hangul_text_to_utf8(PG_GETARG_TEXT_PP(0), &len);
	uint32	   *letters;
	char	   *buf,
			   *p;
	int			n,
				i;

	n = hangul_letters(s, len, HANGUL_DISPLAY, &letters);
	buf = p = hangul_out_begin(n);
	p += VARHDRSZ;
	for (i = 0; i < n; i++)
	{
		if ((i & (HANGUL_CHUNK - 1)) == HANGUL_CHUNK - 1)
			CHECK_FOR_INTERRUPTS();
		p = hangul_out_put(p, letters[i]);
	}
	PG_RETURN_TEXT_P(hangul_out_end(buf, p));
}

/*
 * The initial consonant of old Hangul as a letter: a compatibility jamo
 * where Unicode has one (ᄒ ㅎ, ᅀ ㅿ), otherwise the conjoining jamo itself
 */
static uint32
hangul_initial_letter(uint32 c)
{
	if (c >= 0x1100 && c < 0x1100 + HANGUL_LCOUNT)
		return hangul_l_compat[c - 0x1100];
	if (c >= 0x1100 && c < 0x1160 && hangul_old_initial[c - 0x1100] != 0)
		return hangul_old_initial[c - 0x1100];
	return c;
}

/*
 * choseong(text): every syllable replaced by its initial consonant; a
 * syllable of old Hangul too (its initial as hangul_initial_letter gives
 * it), unless it has none (a vowel or final alone, or the initial filler)
 */
PG_FUNCTION_INFO_V1(choseong);
Datum
choseong(PG_FUNCTION_ARGS)
{
	int			len;
	char	   *s = hangul_text_to_utf8(PG_GETARG_TEXT_PP(0), &len);
	uint32	   *letters;
	char	   *buf,
			   *p;
	int			n,
				i = 0,
				k = 0;

	n = hangul_letters(s, len, HANGUL_DISPLAY, &letters);
	buf = p = hangul_out_begin(n);
	p += VARHDRSZ;
	while (i < n)
	{
		HangulUnit	u;
		int			next = hangul_next_unit(letters, n, i, &u);

		if ((++k & (HANGUL_CHUNK - 1)) == 0)
			CHECK_FOR_INTERRUPTS();
		if (u.kind == HANGUL_UNIT_OTHER && u.cp != 0x115F &&
			hangul_jamo_type(u.cp) == HANGUL_JAMO_L)
		{
			int			prev = HANGUL_JAMO_L;

			/* old Hangul: the initial, then skip the rest of the syllable */
			p = hangul_out_put(p, hangul_initial_letter(u.cp));
			while (next < n && hangul_jamo_joins(prev, hangul_jamo_type(letters[next])))
				prev = hangul_jamo_type(letters[next++]);
		}
		else
			p = hangul_out_put(p, hangul_choseong_of(&u));
		i = next;
	}
	PG_RETURN_TEXT_P(hangul_out_end(buf, p));
}

/*
 * Does text unit t match pattern unit p (both as hangul_units_in_place
 * writes them)?  A lone consonant matches any syllable with that initial.
 */
static inline bool
hangul_unit_matches(uint32 t, uint32 p)
{
	if (t == p)
		return true;
	return hangul_is_consonant(p) &&
		t >= HANGUL_SBASE && t < HANGUL_SBASE + HANGUL_SCOUNT &&
		hangul_l_compat[(t - HANGUL_SBASE) / HANGUL_NCOUNT] == p;
}

/*
 * choseong_match(text, pattern): does text contain pattern, where a lone
 * consonant of the pattern stands for any syllable with that initial and
 * anything else for itself?  Spacing and case are ignored.  Time is the
 * product of the lengths at worst, memory 4 bytes per input byte.
 */
PG_FUNCTION_INFO_V1(choseong_match);
Datum
choseong_match(PG_FUNCTION_ARGS)
{
	int			tlen,
				plen;
	char	   *ts = hangul_text_to_utf8(PG_GETARG_TEXT_PP(0), &tlen);
	char	   *ps = hangul_text_to_utf8(PG_GETARG_TEXT_PP(1), &plen);
	uint32	   *tu,
			   *pu;
	int			nt,
				np,
				i,
				j;
	int			work = 0;

	nt = hangul_letters(ts, tlen, HANGUL_KEY, &tu);
	np = hangul_letters(ps, plen, HANGUL_KEY, &pu);
	nt = hangul_units_in_place(tu, nt);
	np = hangul_units_in_place(pu, np);
	for (i = 0; i + np <= nt; i++)
	{
		for (j = 0; j < np; j++)
		{
			if (!hangul_unit_matches(tu[i + j], pu[j]))
				break;
		}
		if (j == np)
			PG_RETURN_BOOL(true);
		work += j + 1;
		if (work >= HANGUL_CHUNK)
		{
			CHECK_FOR_INTERRUPTS();
			work = 0;
		}
	}
	PG_RETURN_BOOL(false);
}

/*
 * Planner support for choseong_match(col, pattern): an index on col with
 * gin_hangul_ops serves it as col ^% pattern.
 */
#define HANGUL_STRATEGY_CHOSEONG	2

PG_FUNCTION_INFO_V1(choseong_match_support);
Datum
choseong_match_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestIndexCondition))
	{
		SupportRequestIndexCondition *req = (SupportRequestIndexCondition *) rawreq;
		Oid			opno;
		List	   *args;
		Node	   *pattern;

		if (!is_funcclause(req->node) || req->indexarg != 0)
			PG_RETURN_POINTER(NULL);
		args = ((FuncExpr *) req->node)->args;
		if (list_length(args) != 2)
			PG_RETURN_POINTER(NULL);
		pattern = (Node *) lsecond(args);
		if (!is_pseudo_constant_for_index(req->root, pattern, req->index))
			PG_RETURN_POINTER(NULL);
		opno = get_opfamily_member(req->opfamily, TEXTOID, TEXTOID,
								   HANGUL_STRATEGY_CHOSEONG);
		if (!OidIsValid(opno) || get_opcode(opno) != req->funcid)
			PG_RETURN_POINTER(NULL);
		req->lossy = false;
		PG_RETURN_POINTER(list_make1(make_opclause(opno, BOOLOID, false,
												   (Expr *) linitial(args),
												   (Expr *) pattern,
												   InvalidOid,
												   ((FuncExpr *) req->node)->inputcollid)));
	}
	PG_RETURN_POINTER(NULL);
}
