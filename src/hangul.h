/*
 * hangul.h
 *		Korean text as jamo letters and syllable units, shared by hangul.c,
 *		hangul_fold.c, hangul_similarity.c, hangul_gin.c, hangul_romanize.c
 *		and hangul_word.c.
 *
 * Every function of the Korean text layer first turns its input into one
 * canonical form, a sequence of letters: each modern Hangul jamo is written
 * as its compatibility jamo (U+3131..U+3163, so an initial and a final ㄱ are
 * the same letter), everything else as its code point.  Composed, decomposed
 * (NFD, macOS) and compatibility-jamo input all give the same letters.  The
 * letters are then grouped back into units (syllables, lone jamo, other
 * characters) with the rule a Korean keyboard uses: a consonant followed by
 * a vowel starts a syllable, and a consonant after a vowel that is not
 * followed by one closes it.  In display mode a syllable of old Hangul (one
 * with an archaic jamo) stays as its conjoining jamo, letters that are not
 * compatibility jamo (hangul.c, "Old Hangul").
 */
#ifndef HANGUL_H
#define HANGUL_H

#include "postgres.h"

#include <unicode/unorm2.h>

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/guc.h"

/* Hangul syllable arithmetic (Unicode 15, section 3.12) */
#define HANGUL_SBASE	0xAC00
#define HANGUL_LCOUNT	19
#define HANGUL_VCOUNT	21
#define HANGUL_TCOUNT	28
#define HANGUL_NCOUNT	(HANGUL_VCOUNT * HANGUL_TCOUNT)
#define HANGUL_SCOUNT	(HANGUL_LCOUNT * HANGUL_NCOUNT)

/* Modern compatibility jamo: consonants U+3131..U+314E, vowels ..U+3163 */
#define HANGUL_COMPAT_FIRST		0x3131
#define HANGUL_COMPAT_LAST		0x3163
#define HANGUL_COMPAT_VOWEL0	0x314F

static inline bool
hangul_is_compat(uint32 c)
{
	return c >= HANGUL_COMPAT_FIRST && c <= HANGUL_COMPAT_LAST;
}

static inline bool
hangul_is_consonant(uint32 c)
{
	return c >= HANGUL_COMPAT_FIRST && c < HANGUL_COMPAT_VOWEL0;
}

static inline bool
hangul_is_vowel(uint32 c)
{
	return c >= HANGUL_COMPAT_VOWEL0 && c <= HANGUL_COMPAT_LAST;
}

/* Loops over a text check for interrupts once per this many steps */
#define HANGUL_CHUNK		65536

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

/* Normalisation modes of hangul_letters() */
#define HANGUL_DISPLAY	0		/* NFC, case kept, spacing folded to one ' ' */
#define HANGUL_KEY		1		/* NFKC_Casefold, spacing and separators dropped */

/* A unit of text: a syllable, a lone jamo, or another character */
typedef enum HangulUnitKind
{
	HANGUL_UNIT_SYLLABLE,
	HANGUL_UNIT_CONSONANT,		/* a lone consonant, such as a 초성 query */
	HANGUL_UNIT_VOWEL,			/* a lone vowel */
	HANGUL_UNIT_OTHER
} HangulUnitKind;

typedef struct HangulUnit
{
	uint32		cp;				/* the character (syllable composed) */
	uint8		kind;			/* HangulUnitKind */
	int8		l;				/* syllable: initial 0..18 */
	int8		v;				/* syllable: vowel 0..20 */
	int8		t;				/* syllable: final 0..27, 0 for none */
} HangulUnit;

/* hangul.c */
extern void hangul_tables_init(void);
extern int8 hangul_compat_l[];	/* compat jamo - 0x3131 -> initial index or -1 */
extern int8 hangul_compat_t[];	/* ... -> final index or -1 */
extern uint32 hangul_l_compat[];	/* initial index -> compat jamo */
extern uint32 hangul_t_compat[];	/* final index -> compat jamo (0 for none) */
extern int8 hangul_t_first[];	/* final -> what stays before a vowel */
extern int8 hangul_t_second_l[];	/* final -> initial that moves over */

extern int	hangul_letters(const char *str, int len, int mode, uint32 **letters);
extern int	hangul_letters_buf(const char *str, int len, int mode, uint32 *buf,
							   int bufcap, uint32 **letters);
extern int	hangul_units(const uint32 *letters, int nletters, HangulUnit *units);
extern uint32 hangul_choseong_of(const HangulUnit *u);
extern char *hangul_text_to_utf8(text *t, int *len);
extern text *hangul_utf8_to_text(const char *s, int len);
extern void hangul_put_utf8(StringInfo buf, uint32 c);

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

/* hangul_fold.c: ICU and the cost bounds */
extern bool hangul_is_separator(UChar32 c);
extern void hangul_check_icu(UErrorCode status, const char *what);
extern void hangul_check_length(int len, int max, bool grams);
extern void hangul_check_grams_input(int len);
extern char *hangul_icu_normalize(const UNormalizer2 *normalizer,
								  const char *str, int len, int *outlen,
								  Node *escontext);

/*
 * hangul_similarity.c: letter trigrams, 초성 bigrams and, for GIN keys, a mark
 * for pure 초성 values
 */
#define HANGUL_KEY_CHOSEONG		(UINT64CONST(1) << 63)
#define HANGUL_KEY_PURE			(UINT64CONST(3) << 62)

/* Bits of one letter (its code point + 1) in a packed gram */
#define HANGUL_GRAM_BITS	21

typedef struct HangulGrams
{
	uint64	   *grams;			/* sorted, unique */
	int			ngrams;
	bool		pure_choseong;	/* Hangul consonants, no vowel: 초성 */
} HangulGrams;

extern void hangul_letter_grams(const uint32 *letters, int n, HangulGrams *g);
extern void hangul_choseong_grams(const uint32 *letters, int n, bool pad,
								  HangulGrams *g);
extern float4 hangul_gram_similarity(const HangulGrams *a, const HangulGrams *b);
extern double hangul_similarity_threshold;
extern GucSource hangul_similarity_threshold_source;
extern int	hangul_sort_unique(uint64 *a, int n);

/* hangul_word.c: word similarity (<%% and %%>) */
extern double hangul_word_similarity_threshold;
extern GucSource hangul_word_similarity_threshold_source;

/* check and assign hooks that track a threshold's source (setting_guard.h) */
extern bool hangul_threshold_check(double *newval, void **extra, GucSource source);

/* Strategy numbers of gin_hangul_ops (hangul_gin.c, hangul_opfunc.c) */
#define HANGUL_STRATEGY_SIMILAR		1	/* text %% text */
#define HANGUL_STRATEGY_CHOSEONG	2	/* text ^% text */
#define HANGUL_STRATEGY_WORD		3	/* text %%> text */
#define HANGUL_STRATEGY_SIMILAR_Q	4	/* text %% hangul_query */
#define HANGUL_STRATEGY_WORD_Q		5	/* text %%> hangul_query */

/* The similarities of texts, with the caller's per-call-site cache */
extern float4 hangul_similarity_texts(FunctionCallInfo fcinfo, text *a, text *b);
extern float4 hangul_word_similarity_texts(FunctionCallInfo fcinfo, text *qt, text *tt);

/* hangul_query.c: a search text with its own threshold */
extern bool hangul_query_read(Datum query, text **qtext, float4 *threshold);

#define HANGUL_SIMILARITY_HINT \
	"Write the threshold in the query, as hangul_similar(a, b, 0.3) or a %% (b, 0.3)::hangul_query (both served by a gin_hangul_ops index)."
#define HANGUL_WORD_SIMILARITY_HINT \
	"Write the threshold in the query, as hangul_word_similar(query, t, 0.6) or t %%> (query, 0.6)::hangul_query (both served by a gin_hangul_ops index)."
extern void hangul_word_define_gucs(void);
extern bool hangul_word_query_keys(const uint32 *letters, int n, HangulGrams *g);

#endif							/* HANGUL_H */
