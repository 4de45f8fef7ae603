/*
 * hangul_similarity.c
 *		Trigram similarity of Korean text: hangul_similarity, the %% operator
 *		and its threshold setting, and the grams that gin_hangul_ops and word
 *		similarity (hangul_word.c) build on.
 *
 * Both texts are read as letters in key mode (hangul.c), so normalisation
 * form, spacing and case do not matter; their similarity is the share of
 * distinct letter trigrams they have in common, as pg_trgm counts it, or of
 * 초성 bigrams when either is a 초성 query such as ㅇㅈㄱㄴㅅ.
 */
#include "postgres.h"

#include <unicode/uchar.h>

#include "miscadmin.h"
#include "utils/guc.h"

#include "hangul.h"
#include "jobs_ext.h"
#include "setting_guard.h"

/* Inputs up to this many bytes are decoded into stack buffers */
#define HANGUL_STACK_LETTERS	256

double		hangul_similarity_threshold = 0.3;
GucSource	hangul_similarity_threshold_source = PGC_S_DEFAULT;

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

/*
 * hangul_similarity of a and b, with the per-call-site cache of fcinfo
 * (the texts may come from the arguments or from within one)
 */
float4
hangul_similarity_texts(FunctionCallInfo fcinfo, text *a, text *b)
{
	HangulSimCache *cache = (HangulSimCache *) fcinfo->flinfo->fn_extra;
	text	   *args[2] = {a, b};
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
		int			len;
		char	   *s = hangul_text_to_utf8(args[i], &len);

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

static float4
hangul_similarity_fc(FunctionCallInfo fcinfo)
{
	return hangul_similarity_texts(fcinfo, PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1));
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
