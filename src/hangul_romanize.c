/*
 * hangul_romanize.c
 *		romanize(text): the Revised Romanization of Korean (국어의 로마자
 *		표기법, Ministry of Culture and Tourism notice 2000-8).
 *
 * Letters come from ICU's Hangul-Latin transliteration, which writes each
 * jamo the way the standard's tables do (가 ga, 의 ui) but letter by letter
 * (용접 yongjeob).  On top of it this file applies what the standard asks:
 * romanise the pronunciation, not the spelling (Article 1), within each run
 * of Hangul syllables:
 *   - finals are one of the seven representative sounds, written k n t l m
 *	   p ng (ㄱ, ㄷ, ㅂ "before a consonant or at the end of a word": 옥천
 *	   Okcheon, 벚꽃 beotkkot, 한밭 Hanbat);
 *   - a final before a vowel moves over (liaison: 백암 Baegam, 설악 Seorak),
 *	   ㄹ before a vowel is r, ㄹㄹ is ll (울릉 Ulleung);
 *   - Section 3, Article 1: nasalisation (백마 Baengma, 종로 Jongno, 왕십리
 *	   Wangsimni), liquidisation (신라 Silla, 별내 Byeollae), palatalisation
 *	   (해돋이 haedoji, 같이 gachi) and aspiration with ㅎ (좋고 joko, 놓다
 *	   nota), except that in nouns ㄱ, ㄷ, ㅂ before ㅎ keep the h (묵호 Mukho,
 *	   집현전 Jiphyeonjeon): names are what this function is for, so the
 *	   noun rule always applies;
 *   - tensing is not written (압구정 Apgujeong);
 *   - proper nouns start with a capital (Article 3): every word that starts
 *	   with Hangul is capitalised, so 군산 is Gunsan.
 * ㄴ+로 at the end of a word (a road, 路) is pronounced ㄴㄴ, as the standard's
 * own example 신문로 Sinmunno shows; other ㄴ+ㄹ become ll (대관령
 * Daegwallyeong).  Not done, as they need a dictionary: inserted ㄴ (학여울
 * Hangnyeoul), the optional hyphen (중앙 Jung-ang), hyphens before
 * administrative units (Article 5), and names of persons (Article 4).
 */
#include "postgres.h"

#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/memutils.h"

#include "hangul.h"
#include "jobs_ext.h"

/* Jamo indices (Unicode order) the rules below refer to */
#define L_G		0				/* ㄱ */
#define L_N		2				/* ㄴ */
#define L_D		3				/* ㄷ */
#define L_R		5				/* ㄹ */
#define L_M		6				/* ㅁ */
#define L_S		9				/* ㅅ */
#define L_NG	11				/* ㅇ */
#define L_J		12				/* ㅈ */
#define L_CH	14				/* ㅊ */
#define L_K		15				/* ㅋ */
#define L_T		16				/* ㅌ */
#define L_H		18				/* ㅎ */
#define V_O		8				/* ㅗ */
#define V_I		20				/* ㅣ */
#define T_K		1				/* ㄱ */
#define T_N		4				/* ㄴ */
#define T_NH	6				/* ㄶ */
#define T_D		7				/* ㄷ */
#define T_L		8				/* ㄹ */
#define T_LH	15				/* ㅀ */
#define T_M		16				/* ㅁ */
#define T_B		17				/* ㅂ */
#define T_NG	21				/* ㅇ */
#define T_H		27				/* ㅎ */

/* Romanised initials and vowels, from ICU at first use */
static char *romanize_initial[HANGUL_LCOUNT];
static char *romanize_vowel[HANGUL_VCOUNT];

/* Transliterate one syllable with ICU into palloc'd lower-case ASCII */
static char *
romanize_icu_syllable(UTransliterator *trans, uint32 syllable)
{
	UErrorCode	status = U_ZERO_ERROR;
	UChar		buf[16];
	int32_t		len = 1;
	int32_t		limit = 1;
	char		out[16];
	int32_t		outlen;

	buf[0] = (UChar) syllable;
	utrans_transUChars(trans, buf, &len, lengthof(buf), 0, &limit, &status);
	if (U_SUCCESS(status))
		u_strToUTF8(out, sizeof(out), &outlen, buf, len, &status);
	if (U_FAILURE(status) || outlen >= (int32_t) sizeof(out))
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("ICU Hangul-Latin transliteration failed: %s", u_errorName(status))));
	out[outlen] = '\0';
	return MemoryContextStrdup(TopMemoryContext, out);
}

static void
romanize_init(void)
{
	UErrorCode	status = U_ZERO_ERROR;
	UTransliterator *trans;
	UChar		id[] = {'H', 'a', 'n', 'g', 'u', 'l', '-', 'L', 'a', 't', 'i', 'n', 0};
	int			i;

	if (romanize_vowel[0] != NULL)
		return;
	hangul_tables_init();
	trans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
	if (U_FAILURE(status))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("ICU has no Hangul-Latin transliterator: %s", u_errorName(status))));
	PG_TRY();
	{
		for (i = 0; i < HANGUL_LCOUNT; i++)
		{
			/* the syllable with ㅏ, less the a */
			char	   *s = romanize_icu_syllable(trans, HANGUL_SBASE + i * HANGUL_NCOUNT);
			int			len = strlen(s);

			if (len < 1 || s[len - 1] != 'a')
				elog(ERROR, "unexpected ICU romanisation \"%s\"", s);
			s[len - 1] = '\0';
			/* ICU writes ㄹ as l throughout; the standard, r before a vowel */
			if (i == L_R)
				s[0] = 'r';
			romanize_initial[i] = s;
		}
		for (i = HANGUL_VCOUNT - 1; i >= 0; i--)
			romanize_vowel[i] = romanize_icu_syllable(trans,
													  HANGUL_SBASE + (L_NG * HANGUL_VCOUNT + i) * HANGUL_TCOUNT);
	}
	PG_FINALLY();
	{
		utrans_close(trans);
	}
	PG_END_TRY();
}

/* The representative sound of a final before a consonant or at the end */
static int
romanize_final_sound(int t)
{
	switch (t)
	{
		case 0:
			return 0;
		case 1:					/* ㄱ */
		case 2:					/* ㄲ */
		case 3:					/* ㄳ */
		case 9:					/* ㄺ */
		case 24:				/* ㅋ */
			return T_K;
		case 4:					/* ㄴ */
		case 5:					/* ㄵ */
		case 6:					/* ㄶ */
			return T_N;
		case 8:					/* ㄹ */
		case 11:				/* ㄼ */
		case 12:				/* ㄽ */
		case 13:				/* ㄾ */
		case 15:				/* ㅀ */
			return T_L;
		case 10:				/* ㄻ */
		case 16:				/* ㅁ */
			return T_M;
		case 14:				/* ㄿ */
		case 17:				/* ㅂ */
		case 18:				/* ㅄ */
		case 26:				/* ㅍ */
			return T_B;
		case 21:				/* ㅇ */
			return T_NG;
		default:				/* ㄷ ㅅ ㅆ ㅈ ㅊ ㅌ ㅎ */
			return T_D;
	}
}

static const char *
romanize_final(int sound)
{
	switch (sound)
	{
		case T_K:
			return "k";
		case T_N:
			return "n";
		case T_D:
			return "t";
		case T_L:
			return "l";
		case T_M:
			return "m";
		case T_B:
			return "p";
		case T_NG:
			return "ng";
		default:
			return "";
	}
}

/*
 * Apply the sound changes between syllable i and i + 1 of a word: t[i] (a
 * final) and l[i + 1] (an initial) become what is pronounced.  t[i] is
 * left as a representative sound or 0.
 */
static void
romanize_boundary(int *l, const int *v, int *t, int i, bool last_is_ro)
{
	int			fin = t[i];
	int			ini = l[i + 1];

	if (fin == 0)
		return;
	if (ini == L_NG)
	{
		/* liaison: the final, or its second part, moves over */
		if (fin == T_H)
		{
			t[i] = 0;
			return;
		}
		if (fin == T_NH || fin == T_LH)
			fin = hangul_t_first[fin];	/* ㅎ is silent before a vowel */
		if (fin == T_NG)
		{
			t[i] = T_NG;
			return;
		}
		t[i] = hangul_t_first[fin];
		ini = hangul_t_second_l[fin];
		/* palatalisation: ㄷ, ㅌ before 이 */
		if (v[i + 1] == V_I && (ini == L_D || ini == L_T))
			ini = (ini == L_D) ? L_J : L_CH;
		l[i + 1] = ini;
		t[i] = romanize_final_sound(t[i]);
		return;
	}
	if (fin == T_H || fin == T_NH || fin == T_LH)
	{
		int			rest = hangul_t_first[fin];

		/* aspiration: ㅎ with ㄱ, ㄷ, ㅈ */
		if (ini == L_G || ini == L_D || ini == L_J)
		{
			l[i + 1] = (ini == L_G) ? L_K : (ini == L_D) ? L_T : L_CH;
			t[i] = rest;
			return;
		}
		if (ini == L_S)
		{
			t[i] = rest;
			return;
		}
		if (ini == L_N)
		{
			t[i] = (fin == T_LH) ? T_L : T_N;
			if (fin == T_LH)
				l[i + 1] = L_R;
			return;
		}
	}
	fin = romanize_final_sound(fin);
	/* in nouns ㄱ, ㄷ, ㅂ before ㅎ keep the h: 묵호 Mukho */
	if (ini == L_H)
	{
		t[i] = fin;
		return;
	}
	/* ㄹ after a final other than ㄴ, ㄹ is pronounced ㄴ */
	if (ini == L_R && fin != T_N && fin != T_L)
		ini = L_N;
	/* nasalisation */
	if ((ini == L_N || ini == L_M) && (fin == T_K || fin == T_D || fin == T_B))
		fin = (fin == T_K) ? T_NG : (fin == T_D) ? T_N : T_M;
	/* liquidisation, except ㄴ+로 (a road) at the end of a word */
	if (fin == T_N && ini == L_R)
	{
		if (last_is_ro)
			ini = L_N;
		else
			fin = T_L;
	}
	else if (fin == T_L && ini == L_N)
		ini = L_R;
	t[i] = fin;
	l[i + 1] = ini;
}

/* Romanise a word of n syllables into buf */
static void
romanize_word(StringInfo buf, const HangulUnit *u, int n)
{
	int			lbuf[64],
				vbuf[64],
				tbuf[64];
	int		   *l = lbuf,
			   *v = vbuf,
			   *t = tbuf;
	int			start = buf->len;
	int			i;

	if (n <= 0)
		return;
	if (n > (int) lengthof(lbuf))
	{
		l = palloc(n * sizeof(int));
		v = palloc(n * sizeof(int));
		t = palloc(n * sizeof(int));
	}
	for (i = 0; i < n; i++)
	{
		l[i] = u[i].l;
		v[i] = u[i].v;
		t[i] = u[i].t;
	}
	for (i = 0; i + 1 < n; i++)
	{
		/* a word may be the whole text: check for interrupts in it too */
		if ((i & 0xFFFF) == 0xFFFF)
			CHECK_FOR_INTERRUPTS();
		romanize_boundary(l, v, t, i,
						  i + 2 == n && l[n - 1] == L_R && v[n - 1] == V_O && t[n - 1] == 0);
	}
	t[n - 1] = romanize_final_sound(t[n - 1]);

	for (i = 0; i < n; i++)
	{
		if ((i & 0xFFFF) == 0xFFFF)
			CHECK_FOR_INTERRUPTS();
		if (l[i] == L_R && i > 0 && t[i - 1] == T_L)
			appendStringInfoChar(buf, 'l');
		else
			appendStringInfoString(buf, romanize_initial[l[i]]);
		appendStringInfoString(buf, romanize_vowel[v[i]]);
		appendStringInfoString(buf, romanize_final(t[i]));
	}
	/* a name: capital first letter */
	if (buf->len > start && buf->data[start] >= 'a' && buf->data[start] <= 'z')
		buf->data[start] += 'A' - 'a';
	if (l != lbuf)
	{
		pfree(l);
		pfree(v);
		pfree(t);
	}
}

PG_FUNCTION_INFO_V1(romanize);
Datum
romanize(PG_FUNCTION_ARGS)
{
	int			len;
	char	   *s = hangul_text_to_utf8(PG_GETARG_TEXT_PP(0), &len);
	uint32	   *letters;
	HangulUnit *units;
	int			n,
				nu,
				i;
	StringInfoData buf;

	romanize_init();
	n = hangul_letters(s, len, HANGUL_DISPLAY, &letters);
	units = palloc((Size) (n + 1) * sizeof(HangulUnit));
	nu = hangul_units(letters, n, units);
	initStringInfo(&buf);
	i = 0;
	while (i < nu)
	{
		const HangulUnit *u = &units[i];

		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();

		if (u->kind == HANGUL_UNIT_SYLLABLE)
		{
			int			j = i;
			bool		word_start = (buf.len == 0 || buf.data[buf.len - 1] == ' ');
			int			before = buf.len;

			while (j < nu && units[j].kind == HANGUL_UNIT_SYLLABLE)
				j++;
			romanize_word(&buf, u, j - i);
			/* capitals only where a word starts, not after a digit (3가) */
			if (!word_start && buf.data[before] >= 'A' && buf.data[before] <= 'Z')
				buf.data[before] += 'a' - 'A';
			i = j;
			continue;
		}
		if (u->kind == HANGUL_UNIT_CONSONANT)
		{
			int			l = hangul_compat_l[u->cp - HANGUL_COMPAT_FIRST];
			int			t = hangul_compat_t[u->cp - HANGUL_COMPAT_FIRST];

			/* a lone consonant: as an initial if it can be one */
			if (l >= 0 && l != L_NG)
				appendStringInfoString(&buf, romanize_initial[l]);
			else if (t > 0)
				appendStringInfoString(&buf, romanize_final(romanize_final_sound(t)));
		}
		else if (u->kind == HANGUL_UNIT_VOWEL)
			appendStringInfoString(&buf, romanize_vowel[u->cp - HANGUL_COMPAT_VOWEL0]);
		else
			hangul_put_utf8(&buf, u->cp);
		i++;
	}
	PG_RETURN_TEXT_P(hangul_utf8_to_text(buf.data, buf.len));
}
