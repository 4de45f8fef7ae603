/*
 * hangul.c
 *		The Korean text layer (see hangul.h and doc/hangul.md): text as jamo
 *		letters and syllable units, and the functions that rewrite a text by
 *		them, hangul_nfc, jamo, choseong and choseong_match.
 *
 * The hot path (hangul_decode) reads Hangul syllables, conjoining and
 * compatibility jamo and ASCII directly, decomposing syllables
 * arithmetically into stack buffers; only text with other characters
 * (archaic jamo among them) goes through ICU normalisation (hangul_fold.c).
 * Limits on time and memory: "Cost bounds" in hangul.h.  Trigram similarity
 * (hangul_similarity, %%) is in hangul_similarity.c, the GIN operator class
 * in hangul_gin.c, romanize in hangul_romanize.c, word similarity (<%% and
 * %%>) in hangul_word.c, the planner support of choseong_match with the
 * other operators' function forms in hangul_opfunc.c.
 */
#include "postgres.h"

#include <unicode/unorm2.h>
#include <unicode/uchar.h>

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "hangul.h"
#include "jobs_ext.h"

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
