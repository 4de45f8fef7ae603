/*
 * hangul.c
 *		Korean text handling through ICU.
 *
 * For now this holds the folding that turns what a user types into a lookup
 * key: NFKC with case folding (so NFD Hangul from macOS composes, full-width
 * digits and letters narrow, Latin folds case), then spacing and the various
 * middle dots and separators removed.  Labels and user input go through the
 * same function, so they compare equal whenever a person would say they are.
 */
#include "postgres.h"

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>

#include "mb/pg_wchar.h"

#include "jobs_ext.h"

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
 * Fold str (UTF-8, len bytes) into a lookup key, returned palloc'd and
 * NUL-terminated.  Pure ASCII, the common case for codes, skips ICU.
 */
char *
hangul_fold_key(const char *str, int len)
{
	bool		ascii = true;
	char	   *key;
	int			i;

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
		UChar	   *src;
		UChar	   *norm;
		int32_t		srclen;
		int32_t		normlen;
		int32_t		normcap;
		int32_t		pos;
		int32_t		outlen;
		int32_t		keycap;

		/* UTF-16 never needs more code units than UTF-8 has bytes */
		src = palloc((len + 1) * sizeof(UChar));
		u_strFromUTF8(src, len + 1, &srclen, str, len, &status);
		if (status == U_INVALID_CHAR_FOUND || status == U_ILLEGAL_CHAR_FOUND)
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("invalid UTF-8 in input")));
		hangul_check_icu(status, "conversion from UTF-8");

		nfkc_cf = unorm2_getNFKCCasefoldInstance(&status);
		hangul_check_icu(status, "normalizer lookup");

		/* NFKC with case folding rarely grows text; retry once if it does */
		normcap = srclen * 2 + 8;
		norm = palloc(normcap * sizeof(UChar));
		normlen = unorm2_normalize(nfkc_cf, src, srclen, norm, normcap, &status);
		if (status == U_BUFFER_OVERFLOW_ERROR)
		{
			status = U_ZERO_ERROR;
			normcap = normlen + 1;
			norm = repalloc(norm, normcap * sizeof(UChar));
			normlen = unorm2_normalize(nfkc_cf, src, srclen, norm, normcap, &status);
		}
		hangul_check_icu(status, "normalization");

		/* drop separators in place */
		outlen = 0;
		pos = 0;
		while (pos < normlen)
		{
			int32_t		start = pos;
			UChar32		c;

			U16_NEXT(norm, pos, normlen, c);
			if (hangul_is_separator(c))
				continue;
			while (start < pos)
				norm[outlen++] = norm[start++];
		}

		/* each UTF-16 unit becomes at most 3 bytes of UTF-8 */
		keycap = outlen * 3 + 1;
		key = palloc(keycap);
		u_strToUTF8(key, keycap, NULL, norm, outlen, &status);
		hangul_check_icu(status, "conversion to UTF-8");
		pfree(src);
		pfree(norm);
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
