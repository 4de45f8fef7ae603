/*
 * hangul_romanize.c
 *		romanize(text [, style]): the Revised Romanization of Korean (국어의
 *		로마자 표기법, Ministry of Culture and Tourism notice 2000-8).
 *
 * Letters come from ICU's Hangul-Latin transliteration, which writes each
 * jamo the way the standard's tables do (가 ga, 의 ui) but letter by letter
 * (용접 yongjeob).  On top of it this file applies what the standard asks,
 * within each run of Hangul syllables (a word), in one of these styles:
 *
 * word (the default, and romanize(text)): the standard pronunciation
 * (Chapter 3, Article 1), as the standard pronunciation rules (표준 발음법,
 * cited as "P" and the article) give it:
 *   - finals are one of the seven representative sounds, written k n t l m
 *	   p ng (P 8-11; ㄱ, ㄷ, ㅂ "before a consonant or at the end of a word":
 *	   옥천 Okcheon, 벚꽃 beotkkot, 한밭 Hanbat); ㄼ is l except in 밟- and
 *	   넓죽-, 넓둥- (P 10: 밟는 Bamneun), ㄺ is k except before ㄱ in a verb
 *	   stem (P 11: 맑게 malge; the nouns 닭, 흙, 칡, 삵 keep k);
 *   - a final before a vowel moves over (P 13-14: 백암 Baegam, 설악
 *	   Seorak), ㄹ before a vowel is r, ㄹㄹ is ll (울릉 Ulleung);
 *   - nasalisation (P 18-19: 백마 Baengma, 종로 Jongno, 왕십리 Wangsimni),
 *	   ㄴ next to ㄹ (P 20: 신라 Silla, 별내 Byeollae, but 신문로 Sinmunno,
 *	   below), palatalisation (P 17: 해돋이 haedoji, 같이 gachi, 굳히다
 *	   guchida);
 *   - aspiration with ㅎ (P 12: 좋고 joko, 놓다 nota, 잡혀 japyeo, 앉히다
 *	   anchida), except that in nouns ㄱ, ㄷ, ㅂ before ㅎ keep the h (묵호
 *	   Mukho, 집현전 Jiphyeonjeon).  Which is a noun the letters do not
 *	   say: the ㅎ syllable is taken as part of a verb or adjective when it is
 *	   the suffix 히 (히 혀 혔 힌 힐 힙) or 했, or 하 한 할 합 해 followed by an
 *	   ending (하다, 한다, 합니다, 해서 ...); anything else keeps the h, so 북한
 *	   is Bukhan, and an adjective that ends the word (착한) is taken for a
 *	   noun too;
 *   - ㄴ insertion, 사이시옷 before 이, and the ㄴㄴ or ㄹㄹ of ㄴ + ㄹ depend on
 *	   the word: a small word list decides them (hangul_lexicon.c: 학여울
 *	   Hangnyeoul, 깻잎 kkaennip, 난로 Nallo); else ㄴ + ㄹ is ll, or nn where
 *	   a suffix 란 량 력 례 로 론 료 류 follows a stem of two syllables or more
 *	   (신문로 Sinmunno, 생산량 saengsannyang);
 *   - tensing is not written (압구정 Apgujeong), nor is 사이시옷 before a
 *	   plain consonant (P 30.1 allows [ㄷ] there, as the standard's 샛별
 *	   saetbyeol does);
 *   - every word that starts with Hangul starts with a capital (Article 3
 *	   capitalises proper nouns; romanize is meant for names).
 * word-hyphen: the same, with the hyphen Article 2 allows where a syllable
 *	   boundary could be read elsewhere (중앙 Jung-ang, 반구대 Ban-gudae, 세운
 *	   Se-un, 해운대 Hae-undae); kk, pp, tt are not split (they sound alike
 *	   either way).
 * name, name-hyphen (Article 4): a word is a person's name, surname first
 *	   (one syllable; two for 남궁 황보 제갈 사공 선우 서문 독고 동방 in a name of
 *	   four syllables or more, or written apart), then the given name with no
 *	   sound change between its syllables: each is written as it stands at
 *	   the end of a word (한복남 Han Boknam, Han Bok-nam with hyphens; 홍빛나
 *	   Hong Bitna).  A surname written apart (김 철수) goes with the next
 *	   word.  Surnames are written by the tables (김 Gim, 이 I, 박 Bak): the
 *	   standard leaves their spelling to a later rule, and usual spellings
 *	   (Kim, Lee, Park) need a table of their own.
 * place (Article 5): as word, but an administrative unit ending a word (도
 *	   시 군 구 읍 면 리 동 가, and 특별시 광역시 특별자치시 특별자치도) is set off by
 *	   a hyphen, with no sound change across it (의정부시 Uijeongbu-si, 삼죽면
 *	   Samjuk-myeon, 종로 2가 Jongno 2-ga).
 * translit (Article 8): the spelling letter by letter, for texts that must
 *	   be turned back into Hangul: ㄱ ㄷ ㅂ ㄹ are always g d b l, finals as
 *	   spelt (짚 jip, 값 gabs, 붓꽃 buskkoch), a silent ㅇ inside a word is a
 *	   hyphen (물엿 mul-yeos), and a hyphen separates syllables whose letters
 *	   could be split elsewhere (없었습니다 eobs-eoss-seubnida); lower case.
 *
 * Memory: besides the letters and units (hangul.c), 5 bytes per syllable of
 * the longest word; loops check for interrupts every HANGUL_CHUNK steps.
 */
#include "postgres.h"

#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "hangul.h"
#include "hangul_romanize.h"
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
#define L_P		17				/* ㅍ */
#define L_H		18				/* ㅎ */
#define V_YEO	6				/* ㅕ */
#define V_I		20				/* ㅣ */
#define T_K		1				/* ㄱ */
#define T_KK	2				/* ㄲ */
#define T_GS	3				/* ㄳ */
#define T_N		4				/* ㄴ */
#define T_NJ	5				/* ㄵ */
#define T_NH	6				/* ㄶ */
#define T_D		7				/* ㄷ */
#define T_L		8				/* ㄹ */
#define T_LG	9				/* ㄺ */
#define T_LB	11				/* ㄼ */
#define T_LH	15				/* ㅀ */
#define T_M		16				/* ㅁ */
#define T_B		17				/* ㅂ */
#define T_BS	18				/* ㅄ */
#define T_S		19				/* ㅅ */
#define T_SS	20				/* ㅆ */
#define T_NG	21				/* ㅇ */
#define T_J		22				/* ㅈ */
#define T_CH	23				/* ㅊ */
#define T_KH	24				/* ㅋ */
#define T_TH	25				/* ㅌ */
#define T_PH	26				/* ㅍ */
#define T_H		27				/* ㅎ */

typedef enum RomanizeStyle
{
	ROMANIZE_WORD,
	ROMANIZE_WORD_HYPHEN,
	ROMANIZE_NAME,
	ROMANIZE_NAME_HYPHEN,
	ROMANIZE_PLACE,
	ROMANIZE_TRANSLIT
} RomanizeStyle;

/* The style names, in RomanizeStyle order */
static const char *const romanize_style_names[] = {
	"word", "word-hyphen", "name", "name-hyphen", "place", "translit"
};

/* Romanised initials and vowels, from ICU at first use */
static const char *romanize_initial[HANGUL_LCOUNT];
static const char *romanize_vowel[HANGUL_VCOUNT];

/* The seven final sounds as written (word style), for the hyphen of Article 2 */
static const char *const romanize_word_finals[] = {"k", "n", "t", "l", "m", "p", "ng"};

/* Article 8: finals as spelt (Chapter 2's letters, ㄱ ㄷ ㅂ ㄹ as g d b l) */
static const char *const romanize_translit_final[HANGUL_TCOUNT] = {
	"", "g", "kk", "gs", "n", "nj", "nh", "d", "l", "lg", "lm", "lb", "ls", "lt",
	"lp", "lh", "m", "b", "bs", "s", "ss", "ng", "j", "ch", "k", "t", "p", "h"
};

/* Article 8: initials, the same as romanize_initial but ㄹ is l */
static const char *romanize_translit_initial[HANGUL_LCOUNT];

/*
 * Where a hyphen goes, worked out once from the letters above: between a
 * final sound (word styles) or final (translit) and the next initial, and
 * between two vowels with a silent ㅇ between them (word styles)
 */
static bool romanize_hyphen_word[HANGUL_TCOUNT][HANGUL_LCOUNT];
static bool romanize_hyphen_vowels[HANGUL_VCOUNT][HANGUL_VCOUNT];
static bool romanize_hyphen_translit[HANGUL_TCOUNT][HANGUL_LCOUNT];

static void romanize_hyphen_init(void);

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
			romanize_translit_initial[i] = (i == L_R) ? "l" : s;
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
	romanize_hyphen_init();
}

/* Is the syllable c one of the syllables of list (UTF-8)? */
static bool
romanize_syllable_in(uint32 c, const char *list)
{
	const unsigned char *p = (const unsigned char *) list;

	while (*p)
	{
		if (utf8_to_unicode(p) == c)
			return true;
		p += pg_utf_mblen(p);
	}
	return false;
}

/* Is s[0..len) one of the nset strings of set? */
static bool
romanize_in_set(const char *s, int len, const char *const *set, int nset)
{
	int			i;

	for (i = 0; i < nset; i++)
	{
		if ((int) strlen(set[i]) == len && strncmp(set[i], s, len) == 0)
			return true;
	}
	return false;
}

/*
 * Could the letters f (a final) and i (the next initial) be read with the
 * syllable boundary elsewhere?  In translit, an initial is never empty (a
 * silent ㅇ is written as a hyphen anyway).  In the other styles a reading
 * counts only if it sounds different: "minyong" read as min-yong is still
 * [미뇽], but "jungang" read as jun-gang is not [중앙].
 */
static bool
romanize_split_ambiguous(const char *f, const char *i, bool translit)
{
	char		c[16];
	int			lf = strlen(f);
	int			n;
	int			k;

	n = snprintf(c, sizeof(c), "%s%s", f, i);
	if (!translit && n == 2 && c[0] == c[1] &&
		(c[0] == 'k' || c[0] == 't' || c[0] == 'p'))
		return false;
	for (k = 0; k <= n; k++)
	{
		bool		fin_ok,
					ini_ok;

		if (k == lf)
			continue;
		if (translit)
		{
			fin_ok = k == 0 || romanize_in_set(c, k, romanize_translit_final, HANGUL_TCOUNT);
			ini_ok = n > k && romanize_in_set(c + k, n - k, romanize_translit_initial, HANGUL_LCOUNT);
		}
		else
		{
			fin_ok = k == 0 || romanize_in_set(c, k, romanize_word_finals,
											   lengthof(romanize_word_finals));
			ini_ok = romanize_in_set(c + k, n - k, romanize_initial, HANGUL_LCOUNT) ||
				(n - k == 1 && c[k] == 'l' && k > 0 && c[k - 1] == 'l');
			/* before a vowel any final but ng would be said as an initial */
			if (k == n && !(k == 2 && c[0] == 'n' && c[1] == 'g'))
				ini_ok = false;
		}
		if (fin_ok && ini_ok)
			return true;
	}
	return false;
}

/* Could the vowels a and b of two syllables in a row be read otherwise? */
static bool
romanize_vowels_ambiguous(const char *a, const char *b)
{
	char		j[16];
	int			la = strlen(a);
	int			n;
	int			k;

	n = snprintf(j, sizeof(j), "%s%s", a, b);
	if (romanize_in_set(j, n, romanize_vowel, HANGUL_VCOUNT))
		return true;
	for (k = 1; k < n; k++)
	{
		if (k != la && romanize_in_set(j, k, romanize_vowel, HANGUL_VCOUNT) &&
			romanize_in_set(j + k, n - k, romanize_vowel, HANGUL_VCOUNT))
			return true;
	}
	return false;
}

/* The representative sound of a final before a consonant or at the end */
static int
romanize_sound(int t)
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

/*
 * The representative sound of the final fin of syllable i, before the
 * initial next_l (-1 at the end of the word), where the word matters: ㄼ is
 * [ㅂ] in 밟- and in 넓죽-, 넓둥- (P 10), ㄺ is [ㄹ] before ㄱ in a verb or
 * adjective stem (P 11: 맑게 [말께]) but not in the nouns 닭, 흙, 칡, 삵.
 */
static int
romanize_final_sound(const HangulUnit *u, int n, int i, int fin, int next_l)
{
	if (fin == T_LB &&
		(romanize_syllable_in(u[i].cp, "밟") ||
		 (romanize_syllable_in(u[i].cp, "넓") && i + 1 < n &&
		  romanize_syllable_in(u[i + 1].cp, "죽둥"))))
		return T_B;
	if (fin == T_LG && next_l == L_G && !romanize_syllable_in(u[i].cp, "닭흙칡삵"))
		return T_L;
	return romanize_sound(fin);
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

static void
romanize_hyphen_init(void)
{
	int			t,
				l,
				v;

	for (t = 0; t < HANGUL_TCOUNT; t++)
	{
		for (l = 0; l < HANGUL_LCOUNT; l++)
		{
			const char *ini = (l == L_R && t == T_L) ? "l" : romanize_initial[l];

			romanize_hyphen_word[t][l] = (t != 0 || l != L_NG) &&
				romanize_split_ambiguous(romanize_final(t), ini, false);
			romanize_hyphen_translit[t][l] =
				romanize_split_ambiguous(romanize_translit_final[t],
										 romanize_translit_initial[l], true);
		}
	}
	for (t = 0; t < HANGUL_VCOUNT; t++)
	{
		for (v = 0; v < HANGUL_VCOUNT; v++)
			romanize_hyphen_vowels[t][v] =
				romanize_vowels_ambiguous(romanize_vowel[t], romanize_vowel[v]);
	}
}

/*
 * Is the ㅎ syllable k of a word part of a verb or adjective (so that a
 * final before it and the ㅎ make one aspirate, P 12) rather than of a noun?
 * The suffix 히 and its forms, 했, and 하 한 할 합 해 before an ending.
 */
static bool
romanize_predicate_h(const HangulUnit *u, int n, int k)
{
	static const char *const endings[][2] = {
		{"하", "다고게지여면니며기는던도세시자죠네냐든라"},
		{"한", "다데"},
		{"할", "지게까"},
		{"합", "니시"},
		{"해", "서도요야라지진"},
	};
	int			e;

	if (romanize_syllable_in(u[k].cp, "히혀혔힌힐힙했"))
		return true;
	if (k + 1 >= n)
		return false;
	for (e = 0; e < (int) lengthof(endings); e++)
	{
		if (romanize_syllable_in(u[k].cp, endings[e][0]))
			return romanize_syllable_in(u[k + 1].cp, endings[e][1]);
	}
	return false;
}

/*
 * Apply the sound changes between syllable i and i + 1 of a word: t[i] (a
 * final) and l[i + 1] (an initial) become what is pronounced; lex is what
 * the word list says of this boundary.  t[i] is left as a representative
 * sound or 0.
 */
static void
romanize_boundary(const HangulUnit *u, int n, int8 *l, const int8 *v, int8 *t,
				  int i, int lex)
{
	int			fin = t[i];
	int			ini = l[i + 1];

	if (fin == 0)
		return;
	/* ㄴ inserted (P 29, P 30.3: 학여울 [항녀울], 깻잎 [깬닙]) */
	if (lex == ROMANIZE_LEX_N && ini == L_NG)
		ini = L_N;
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
		t[i] = romanize_sound(t[i]);
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
	/* a verb or adjective: ㄱ ㄷ ㅂ ㅈ (also in ㄺ ㄼ ㄵ) and ㅎ make one sound */
	if (ini == L_H && romanize_predicate_h(u, n, i + 1))
	{
		int			asp = -1;
		int			rest = 0;

		switch (fin)
		{
			case T_K:
			case T_KK:
			case T_GS:
			case T_KH:
				asp = L_K;
				break;
			case T_LG:
				asp = L_K;
				rest = T_L;
				break;
			case T_D:
			case T_S:
			case T_SS:
			case T_CH:
			case T_TH:
				asp = L_T;
				break;
			case T_J:
				asp = L_CH;
				break;
			case T_NJ:
				asp = L_CH;
				rest = T_N;
				break;
			case T_B:
			case T_BS:
			case T_PH:
				asp = L_P;
				break;
			case T_LB:
				asp = L_P;
				rest = T_L;
				break;
		}
		if (asp >= 0)
		{
			/* ㄷ + the suffix 히 is [치] (P 17, note: 굳히다 [구치다]) */
			if (fin == T_D && (v[i + 1] == V_I || v[i + 1] == V_YEO))
				asp = L_CH;
			t[i] = rest;
			l[i + 1] = asp;
			return;
		}
	}
	fin = romanize_final_sound(u, n, i, fin, ini);
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
	/* ㄴ next to ㄹ: ㄹㄹ, or ㄴㄴ after a stem before a Sino-Korean suffix */
	if (fin == T_N && ini == L_R)
	{
		if (lex == ROMANIZE_LEX_NN ||
			(lex != ROMANIZE_LEX_LL && i >= 1 &&
			 romanize_syllable_in(u[i + 1].cp, "란량력례로론료류")))
			ini = L_N;
		else
			fin = T_L;
	}
	else if (fin == T_L && ini == L_N)
		ini = L_R;
	t[i] = fin;
	l[i + 1] = ini;
}

/* Room for the pronunciation of a word: 5 bytes a syllable */
typedef struct RomanizeWork
{
	int8	   *l;
	int8	   *v;
	int8	   *t;
	int8	   *lex;
	uint8	   *scratch;
} RomanizeWork;

#define ROMANIZE_STACK_WORD	64

/*
 * Romanise a word of n syllables into buf, in lower case, as pronounced;
 * with hyphens where Article 2 allows them.
 */
static void
romanize_word(StringInfo buf, const HangulUnit *u, int n, bool hyphens)
{
	char		stack[5 * ROMANIZE_STACK_WORD];
	char	   *mem = stack;
	int8	   *l,
			   *v,
			   *t,
			   *lex;
	uint8	   *scratch;
	int			i;

	if (n <= 0)
		return;
	if (n > ROMANIZE_STACK_WORD)
		mem = palloc((Size) n * 5);
	l = (int8 *) mem;
	v = l + n;
	t = v + n;
	lex = t + n;
	scratch = (uint8 *) (lex + n);
	for (i = 0; i < n; i++)
	{
		l[i] = u[i].l;
		v[i] = u[i].v;
		t[i] = u[i].t;
	}
	romanize_lexicon(u, n, lex, scratch);
	for (i = 0; i + 1 < n; i++)
	{
		/* a word may be the whole text: check for interrupts in it too */
		if ((i & (HANGUL_CHUNK - 1)) == HANGUL_CHUNK - 1)
			CHECK_FOR_INTERRUPTS();
		romanize_boundary(u, n, l, v, t, i, lex[i + 1]);
	}
	t[n - 1] = romanize_final_sound(u, n, n - 1, t[n - 1], -1);

	for (i = 0; i < n; i++)
	{
		const char *ini;

		if ((i & (HANGUL_CHUNK - 1)) == HANGUL_CHUNK - 1)
			CHECK_FOR_INTERRUPTS();
		ini = (l[i] == L_R && i > 0 && t[i - 1] == T_L) ? "l" : romanize_initial[l[i]];
		if (hyphens && i > 0 &&
			((t[i - 1] == 0 && l[i] == L_NG) ?
			 romanize_hyphen_vowels[v[i - 1]][v[i]] :
			 romanize_hyphen_word[t[i - 1]][l[i]]))
			appendStringInfoChar(buf, '-');
		appendStringInfoString(buf, ini);
		appendStringInfoString(buf, romanize_vowel[v[i]]);
		appendStringInfoString(buf, romanize_final(t[i]));
	}
	if (mem != stack)
		pfree(mem);
}

/*
 * A given name (Article 4): no sound change between its syllables, each as
 * at the end of a word; ㄹㄹ is ll unless hyphens part them.
 */
static void
romanize_given_name(StringInfo buf, const HangulUnit *u, int n, bool hyphens)
{
	int			i;

	for (i = 0; i < n; i++)
	{
		if ((i & (HANGUL_CHUNK - 1)) == HANGUL_CHUNK - 1)
			CHECK_FOR_INTERRUPTS();
		if (i > 0 && hyphens)
			appendStringInfoChar(buf, '-');
		if (u[i].l == L_R && i > 0 && !hyphens && romanize_sound(u[i - 1].t) == T_L)
			appendStringInfoChar(buf, 'l');
		else
			appendStringInfoString(buf, romanize_initial[(int) u[i].l]);
		appendStringInfoString(buf, romanize_vowel[(int) u[i].v]);
		appendStringInfoString(buf, romanize_final(romanize_sound(u[i].t)));
	}
}

/* How many syllables at the end of u[0..n-1] spell s (UTF-8), or 0 */
static int
romanize_ends_with(const HangulUnit *u, int n, const char *s)
{
	const unsigned char *p = (const unsigned char *) s;
	uint32		cps[8];
	int			k = 0;
	int			i;

	while (*p && k < (int) lengthof(cps))
	{
		cps[k++] = utf8_to_unicode(p);
		p += pg_utf_mblen(p);
	}
	if (k > n)
		return 0;
	for (i = 0; i < k; i++)
	{
		if (u[n - k + i].cp != cps[i])
			return 0;
	}
	return k;
}

/* The length of the administrative unit ending u[0..n-1] (Article 5), or 0 */
static int
romanize_place_unit(const HangulUnit *u, int n)
{
	static const char *const units[] = {"특별자치시", "특별자치도", "특별시", "광역시"};
	int			i;

	for (i = 0; i < (int) lengthof(units); i++)
	{
		int			k = romanize_ends_with(u, n, units[i]);

		if (k > 0)
			return k;
	}
	return (n > 0 && romanize_syllable_in(u[n - 1].cp, "도시군구읍면리동가")) ? 1 : 0;
}

/* The two-syllable surnames */
static bool
romanize_double_surname(const HangulUnit *u, int n)
{
	static const char *const surnames[] = {
		"남궁", "황보", "제갈", "사공", "선우", "서문", "독고", "동방"
	};
	int			i;

	for (i = 0; i < (int) lengthof(surnames); i++)
	{
		if (n >= 2 && romanize_ends_with(u, 2, surnames[i]) == 2)
			return true;
	}
	return false;
}

/* Article 8: the letters as spelt, a hyphen for a silent ㅇ or a doubtful split */
static void
romanize_translit(StringInfo buf, const HangulUnit *u, int n)
{
	int			i;

	for (i = 0; i < n; i++)
	{
		if ((i & (HANGUL_CHUNK - 1)) == HANGUL_CHUNK - 1)
			CHECK_FOR_INTERRUPTS();
		if (i > 0 &&
			(u[i].l == L_NG || romanize_hyphen_translit[(int) u[i - 1].t][(int) u[i].l]))
			appendStringInfoChar(buf, '-');
		appendStringInfoString(buf, romanize_translit_initial[(int) u[i].l]);
		appendStringInfoString(buf, romanize_vowel[(int) u[i].v]);
		appendStringInfoString(buf, romanize_translit_final[(int) u[i].t]);
	}
}

/* Capitalise the letter at buf->data[at], if it is one */
static void
romanize_capitalise(StringInfo buf, int at)
{
	if (at < buf->len && buf->data[at] >= 'a' && buf->data[at] <= 'z')
		buf->data[at] += 'A' - 'a';
}

static bool
romanize_is_syllable_at(const HangulUnit *units, int nu, int i)
{
	return i < nu && units[i].kind == HANGUL_UNIT_SYLLABLE;
}

static text *
romanize_text(text *arg, RomanizeStyle style)
{
	int			len;
	char	   *s = hangul_text_to_utf8(arg, &len);
	uint32	   *letters;
	HangulUnit *units;
	int			n,
				nu,
				i;
	bool		given_next = false;
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

		if ((i & (HANGUL_CHUNK - 1)) == 0)
			CHECK_FOR_INTERRUPTS();

		if (u->kind == HANGUL_UNIT_SYLLABLE)
		{
			int			j = i;
			int			w;
			bool		word_start = (buf.len == 0 || buf.data[buf.len - 1] == ' ');
			bool		after_digit = (i > 0 && units[i - 1].kind == HANGUL_UNIT_OTHER &&
									   units[i - 1].cp >= '0' && units[i - 1].cp <= '9');
			int			before = buf.len;

			while (j < nu && units[j].kind == HANGUL_UNIT_SYLLABLE)
				j++;
			w = j - i;
			switch (style)
			{
				case ROMANIZE_WORD:
				case ROMANIZE_WORD_HYPHEN:
					romanize_word(&buf, u, w, style == ROMANIZE_WORD_HYPHEN);
					if (word_start)
						romanize_capitalise(&buf, before);
					break;
				case ROMANIZE_NAME:
				case ROMANIZE_NAME_HYPHEN:
					{
						bool		hyphens = (style == ROMANIZE_NAME_HYPHEN);
						bool		apart = (j + 1 < nu && units[j].cp == ' ' &&
											 romanize_is_syllable_at(units, nu, j + 1));
						int			sur;

						if (given_next)
						{
							/* the given name after a surname written apart */
							romanize_given_name(&buf, u, w, hyphens);
							romanize_capitalise(&buf, before);
							given_next = false;
							break;
						}
						sur = (romanize_double_surname(u, w) &&
							   (w >= 4 || (w == 2 && apart))) ? 2 : 1;
						romanize_word(&buf, u, sur, false);
						romanize_capitalise(&buf, before);
						if (w > sur)
						{
							appendStringInfoChar(&buf, ' ');
							before = buf.len;
							romanize_given_name(&buf, u + sur, w - sur, hyphens);
							romanize_capitalise(&buf, before);
						}
						else
							given_next = apart;
					}
					break;
				case ROMANIZE_PLACE:
					{
						int			k = romanize_place_unit(u, w);

						if (k > 0 && (k < w || after_digit))
						{
							romanize_word(&buf, u, w - k, false);
							if (word_start)
								romanize_capitalise(&buf, before);
							appendStringInfoChar(&buf, '-');
							romanize_word(&buf, u + w - k, k, false);
						}
						else
						{
							romanize_word(&buf, u, w, false);
							if (word_start)
								romanize_capitalise(&buf, before);
						}
					}
					break;
				case ROMANIZE_TRANSLIT:
					romanize_translit(&buf, u, w);
					break;
			}
			i = j;
			continue;
		}
		if (style == ROMANIZE_NAME || style == ROMANIZE_NAME_HYPHEN)
		{
			/* a surname apart goes with the very next word only */
			if (!(u->cp == ' ' && romanize_is_syllable_at(units, nu, i + 1)))
				given_next = false;
		}
		if (u->kind == HANGUL_UNIT_CONSONANT)
		{
			int			l = hangul_compat_l[u->cp - HANGUL_COMPAT_FIRST];
			int			t = hangul_compat_t[u->cp - HANGUL_COMPAT_FIRST];

			/* a lone consonant: as an initial if it can be one */
			if (l >= 0 && l != L_NG)
				appendStringInfoString(&buf, style == ROMANIZE_TRANSLIT ?
									   romanize_translit_initial[l] : romanize_initial[l]);
			else if (t > 0)
				appendStringInfoString(&buf, style == ROMANIZE_TRANSLIT ?
									   romanize_translit_final[t] :
									   romanize_final(romanize_sound(t)));
		}
		else if (u->kind == HANGUL_UNIT_VOWEL)
			appendStringInfoString(&buf, romanize_vowel[u->cp - HANGUL_COMPAT_VOWEL0]);
		else
			hangul_put_utf8(&buf, u->cp);
		i++;
	}
	return hangul_utf8_to_text(buf.data, buf.len);
}

/* The style named s, or an error listing the styles */
static RomanizeStyle
romanize_parse_style(text *style)
{
	char	   *s = text_to_cstring(style);
	int			i;

	for (i = 0; i < (int) lengthof(romanize_style_names); i++)
	{
		if (pg_strcasecmp(s, romanize_style_names[i]) == 0)
			return (RomanizeStyle) i;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid romanization style \"%s\"", s),
			 errhint("The styles are word, word-hyphen, name, name-hyphen, place and translit.")));
	return ROMANIZE_WORD;		/* keep the compiler quiet */
}

/* romanize(text): the word style (1.0) */
PG_FUNCTION_INFO_V1(romanize);
Datum
romanize(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(romanize_text(PG_GETARG_TEXT_PP(0), ROMANIZE_WORD));
}

/* romanize(text, style) */
PG_FUNCTION_INFO_V1(romanize_style);
Datum
romanize_style(PG_FUNCTION_ARGS)
{
	RomanizeStyle style = romanize_parse_style(PG_GETARG_TEXT_PP(1));

	PG_RETURN_TEXT_P(romanize_text(PG_GETARG_TEXT_PP(0), style));
}
