/*
 * hangul_lexicon.c
 *		The small word list romanize() consults where the spelling alone does
 *		not tell how a word is pronounced.
 *
 * The romanisation standard writes the standard pronunciation (Article 1):
 * 학여울 is Hangnyeoul because it is pronounced [항녀울].  Most of the
 * pronunciation follows from the letters (hangul_romanize.c applies those
 * rules); three kinds of sound depend on the word, and for them this list
 * holds the words of the standard pronunciation rules themselves (표준
 * 발음법, part 2 of the 1988 Korean language regulations, 표준어 규정) and a
 * few more, each with its pronunciation:
 *   - ㄴ insertion in compounds (Article 29): a word that ends in a consonant
 *	   followed by one that starts with 이, 야, 여, 요, 유 takes a ㄴ (after ㄹ,
 *	   an ㄹ): 솜이불 [솜ː니불], 알약 [알략];
 *   - 사이시옷 before 이 (Article 30.3): [ㄴㄴ], 깻잎 [깬닙];
 *   - ㄴ next to ㄹ (Article 20): ㄹㄹ as a rule, 난로 [날ː로], but ㄴㄴ in the
 *	   words its proviso lists, 생산량 [생산냥].  romanize() itself writes
 *	   ㄴㄴ where a Sino-Korean suffix 란 량 력 례 로 론 료 류 follows a stem
 *	   of two or more syllables (the proviso's pattern: 신문로 [신문노]), and
 *	   ㄹㄹ elsewhere; the entries here settle the words where that guess is
 *	   wrong (동원령, and 난로 inside a compound such as 전기난로).
 * A word of the list is found anywhere inside a longer word (서울역 in
 * 서울역앞); where entries overlap, the longest decides.  Long vowels (ː)
 * are shown as the rules print them; the romanisation does not write them
 * (Chapter 2, Article 1, note 2).
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/memutils.h"

#include "hangul_romanize.h"

typedef struct RomanizeLexEntry
{
	const char *word;			/* the spelling, UTF-8 */
	int			at;				/* the syllable (from 0) whose initial changes */
	RomanizeLex rule;
	const char *pron;			/* its standard pronunciation */
} RomanizeLexEntry;

static const RomanizeLexEntry romanize_words[] = {
	/* Article 29: ㄴ inserted in compounds */
	{"솜이불", 1, ROMANIZE_LEX_N, "솜ː니불"},
	{"홑이불", 1, ROMANIZE_LEX_N, "혼니불"},
	{"막일", 1, ROMANIZE_LEX_N, "망닐"},
	{"맨입", 1, ROMANIZE_LEX_N, "맨닙"},
	{"꽃잎", 1, ROMANIZE_LEX_N, "꼰닙"},
	{"내복약", 2, ROMANIZE_LEX_N, "내ː봉냑"},
	{"한여름", 1, ROMANIZE_LEX_N, "한녀름"},
	{"신여성", 1, ROMANIZE_LEX_N, "신녀성"},
	{"색연필", 1, ROMANIZE_LEX_N, "생년필"},
	{"직행열차", 2, ROMANIZE_LEX_N, "지캥녈차"},
	{"늑막염", 2, ROMANIZE_LEX_N, "능망념"},
	{"콩엿", 1, ROMANIZE_LEX_N, "콩녇"},
	{"담요", 1, ROMANIZE_LEX_N, "담ː뇨"},
	{"눈요기", 1, ROMANIZE_LEX_N, "눈뇨기"},
	{"영업용", 2, ROMANIZE_LEX_N, "영엄뇽"},
	{"식용유", 2, ROMANIZE_LEX_N, "시굥뉴"},
	{"백분율", 2, ROMANIZE_LEX_N, "백뿐뉼"},
	/* ... after ㄹ, an ㄹ (Article 29, note 1) */
	{"들일", 1, ROMANIZE_LEX_N, "들ː릴"},
	{"솔잎", 1, ROMANIZE_LEX_N, "솔립"},
	{"물약", 1, ROMANIZE_LEX_N, "물략"},
	{"불여우", 1, ROMANIZE_LEX_N, "불려우"},
	{"서울역", 2, ROMANIZE_LEX_N, "서울력"},
	{"물엿", 1, ROMANIZE_LEX_N, "물렫"},
	{"휘발유", 2, ROMANIZE_LEX_N, "휘발류"},
	/* the romanisation standard's own examples (Chapter 3, Article 1.2) */
	{"학여울", 1, ROMANIZE_LEX_N, "항녀울"},
	{"알약", 1, ROMANIZE_LEX_N, "알략"},
	/* Article 30.3: 사이시옷 before 이 is [ㄴㄴ] */
	{"깻잎", 1, ROMANIZE_LEX_N, "깬닙"},
	{"나뭇잎", 2, ROMANIZE_LEX_N, "나문닙"},
	{"베갯잇", 2, ROMANIZE_LEX_N, "베갠닏"},
	{"도리깻열", 3, ROMANIZE_LEX_N, "도리깬녈"},
	{"뒷윷", 1, ROMANIZE_LEX_N, "뒨ː뉻"},
	/* Article 20, proviso: ㄴ + ㄹ pronounced [ㄴㄴ] */
	{"의견란", 2, ROMANIZE_LEX_NN, "의ː견난"},
	{"임진란", 2, ROMANIZE_LEX_NN, "임ː진난"},
	{"생산량", 2, ROMANIZE_LEX_NN, "생산냥"},
	{"결단력", 2, ROMANIZE_LEX_NN, "결딴녁"},
	{"공권력", 2, ROMANIZE_LEX_NN, "공꿘녁"},
	{"동원령", 2, ROMANIZE_LEX_NN, "동ː원녕"},
	{"상견례", 2, ROMANIZE_LEX_NN, "상견녜"},
	{"횡단로", 2, ROMANIZE_LEX_NN, "횡단노"},
	{"이원론", 2, ROMANIZE_LEX_NN, "이ː원논"},
	{"입원료", 2, ROMANIZE_LEX_NN, "이붠뇨"},
	{"구근류", 2, ROMANIZE_LEX_NN, "구근뉴"},
	/* the romanisation standard's example (Chapter 3, Article 1.1) */
	{"신문로", 2, ROMANIZE_LEX_NN, "신문노"},
	/* Article 20: ㄴ + ㄹ pronounced [ㄹㄹ], the rule's own examples */
	{"난로", 1, ROMANIZE_LEX_LL, "날ː로"},
	{"신라", 1, ROMANIZE_LEX_LL, "실라"},
	{"천리", 1, ROMANIZE_LEX_LL, "철리"},
	{"광한루", 2, ROMANIZE_LEX_LL, "광ː할루"},
	{"대관령", 2, ROMANIZE_LEX_LL, "대ː괄령"},
	/* ... and words the suffix guess would get wrong inside a compound */
	{"권력", 1, ROMANIZE_LEX_LL, "궐력"},
	{"분류", 1, ROMANIZE_LEX_LL, "불류"},
	{"원료", 1, ROMANIZE_LEX_LL, "월료"},
	{"혼란", 1, ROMANIZE_LEX_LL, "홀ː란"},
	{"논란", 1, ROMANIZE_LEX_LL, "놀란"},
};

#define ROMANIZE_NWORDS		lengthof(romanize_words)
#define ROMANIZE_MAXLEN		4		/* syllables in the longest entry */

/* The entries as syllables, and which syllables start one */
static uint32 romanize_word_cps[ROMANIZE_NWORDS][ROMANIZE_MAXLEN];
static uint8 romanize_word_len[ROMANIZE_NWORDS];
static uint8 romanize_first[(HANGUL_SCOUNT + 7) / 8];
static bool romanize_lexicon_ready = false;

static void
romanize_lexicon_init(void)
{
	int			i;

	memset(romanize_first, 0, sizeof(romanize_first));
	for (i = 0; i < (int) ROMANIZE_NWORDS; i++)
	{
		const unsigned char *p = (const unsigned char *) romanize_words[i].word;
		int			k = 0;

		while (*p)
		{
			uint32		c = utf8_to_unicode(p);

			if (k >= ROMANIZE_MAXLEN || c < HANGUL_SBASE || c >= HANGUL_SBASE + HANGUL_SCOUNT)
				elog(ERROR, "bad romanize word list entry \"%s\"", romanize_words[i].word);
			romanize_word_cps[i][k++] = c;
			p += pg_utf_mblen(p);
		}
		if (romanize_words[i].at < 1 || romanize_words[i].at >= k)
			elog(ERROR, "bad romanize word list entry \"%s\"", romanize_words[i].word);
		romanize_word_len[i] = k;
		romanize_first[(romanize_word_cps[i][0] - HANGUL_SBASE) / 8] |=
			1 << ((romanize_word_cps[i][0] - HANGUL_SBASE) % 8);
	}
	romanize_lexicon_ready = true;
}

void
romanize_lexicon(const HangulUnit *u, int n, int8 *lex, uint8 *matchlen)
{
	int			p;

	if (!romanize_lexicon_ready)
		romanize_lexicon_init();
	memset(lex, ROMANIZE_LEX_NONE, n);
	memset(matchlen, 0, n);
	for (p = 0; p + 1 < n; p++)
	{
		uint32		c = u[p].cp - HANGUL_SBASE;
		int			i;

		if ((p & (HANGUL_CHUNK - 1)) == HANGUL_CHUNK - 1)
			CHECK_FOR_INTERRUPTS();
		if ((romanize_first[c / 8] & (1 << (c % 8))) == 0)
			continue;
		for (i = 0; i < (int) ROMANIZE_NWORDS; i++)
		{
			int			len = romanize_word_len[i];
			int			at = p + romanize_words[i].at;
			int			k;

			if (romanize_word_cps[i][0] != u[p].cp || p + len > n)
				continue;
			for (k = 1; k < len; k++)
			{
				if (u[p + k].cp != romanize_word_cps[i][k])
					break;
			}
			if (k < len || len <= matchlen[at])
				continue;
			lex[at] = romanize_words[i].rule;
			matchlen[at] = len;
		}
	}
}
