/*
 * hangul_fold.c
 *		Text through ICU: input brought to UTF-8, normalised in pieces, and
 *		folded into lookup keys.
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
 * The Korean text layer (hangul.c) normalises through hangul_icu_normalize
 * too, under the same cost bounds (hangul.h).  text_edit_distance, for the
 * "did you mean" hints over lookup keys, is here as well.
 */
#include "postgres.h"

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>

#include "catalog/namespace.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"

#include "hangul.h"
#include "jobs_ext.h"

/* Characters that separate words in a label and carry no meaning of their own */
bool
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

void
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
 * Longest run of code points with no normalisation boundary (combining marks
 * on one base, conjoining vowels): ICU reorders such a run in one call, in
 * time quadratic in its length.  Unicode's stream-safe text format allows 30.
 */
#define HANGUL_MAX_UNBROKEN	4096

/* Refuse a text longer than max bytes, with 54000 */
void
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
char *
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
