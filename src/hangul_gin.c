/*
 * hangul_gin.c
 *		GIN operator class gin_hangul_ops over text, for hangul_similarity's
 *		%% operator, hangul_word_similarity's %%> operator (each with the
 *		setting's threshold or with a hangul_query's) and for 초성 search
 *		(^% and choseong_match()).
 *
 * A text is indexed under int8 keys that name, without collisions:
 *   - its letter trigrams (hangul_letter_grams), sign bit clear;
 *   - its 초성 bigrams, padded (hangul_choseong_grams), sign bit set;
 *   - HANGUL_KEY_PURE when the text is 초성, Hangul consonants without a
 *	   vowel (a value such as 'ㅇㅈ' compares with every text through 초성,
 *	   so a %% query must always look at such rows).
 * Every strategy is lossy: the operator is rechecked on every candidate,
 * so an index scan returns exactly what a sequential scan does.  %% and
 * %%> with a hangul_query on the right (hangul_query.c) look up the keys
 * of its text and bound by its threshold instead of the setting's.
 */
#include "postgres.h"

#include "access/gin.h"
#include "access/stratnum.h"
#include "fmgr.h"

#include "hangul.h"
#include "jobs_ext.h"
#include "setting_guard.h"

/*
 * Text argument as letters in key mode.  Texts longer than the trigram
 * functions take (1 MB) cannot be indexed: 54000, as a B-tree refuses a
 * row too large for it.
 */
static int
hangul_gin_letters(text *t, uint32 **letters)
{
	int			len;
	char	   *s = hangul_text_to_utf8(t, &len);

	hangul_check_grams_input(len);
	return hangul_letters(s, len, HANGUL_KEY, letters);
}

PG_FUNCTION_INFO_V1(hangul_gin_extract_value);
Datum
hangul_gin_extract_value(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	uint32	   *letters;
	int			n = hangul_gin_letters(t, &letters);
	HangulGrams lg,
				cg;
	Datum	   *entries;
	int			k = 0;
	int			i;

	lg.grams = palloc((Size) (n + 1) * sizeof(uint64));
	cg.grams = palloc((Size) (n + 1) * sizeof(uint64));
	hangul_letter_grams(letters, n, &lg);
	hangul_choseong_grams(letters, n, true, &cg);
	entries = palloc((Size) (lg.ngrams + cg.ngrams + 1) * sizeof(Datum));
	for (i = 0; i < lg.ngrams; i++)
		entries[k++] = Int64GetDatum((int64) lg.grams[i]);
	for (i = 0; i < cg.ngrams; i++)
		entries[k++] = Int64GetDatum((int64) cg.grams[i]);
	if (lg.pure_choseong)
		entries[k++] = Int64GetDatum((int64) HANGUL_KEY_PURE);
	*nentries = k;
	PG_RETURN_POINTER(entries);
}

/*
 * For %%, a query that is pure 초성 looks up its 초성 bigrams; any other
 * query looks up HANGUL_KEY_PURE first, then its letter trigrams.  For %%>
 * the same, with the query's inner grams only (no padding; hangul_word.c),
 * and a query too short to have one (one or two letters, one 초성) looks at
 * every row.  For ^%, the pattern's inner 초성 bigrams must all be in the
 * text.
 */
PG_FUNCTION_INFO_V1(hangul_gin_extract_query);
Datum
hangul_gin_extract_query(PG_FUNCTION_ARGS)
{
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	Pointer   **extra_data = (Pointer **) PG_GETARG_POINTER(4);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	text	   *t;
	double		threshold = 0.0;
	double	   *threshold_copy = NULL;
	uint32	   *letters;
	int			n;
	HangulGrams g;
	Datum	   *entries;
	int			k = 0;
	int			i;

	*nentries = 0;
	/* the consistent functions bound by the threshold: it must be the user's */
	if (strategy == HANGUL_STRATEGY_SIMILAR)
	{
		setting_guard(hangul_similarity_threshold_source,
					  "jobs_ext.hangul_similarity_threshold", "the %% operator",
					  HANGUL_SIMILARITY_HINT);
		threshold = hangul_similarity_threshold;
	}
	else if (strategy == HANGUL_STRATEGY_WORD)
	{
		setting_guard(hangul_word_similarity_threshold_source,
					  "jobs_ext.hangul_word_similarity_threshold", "the %%> operator",
					  HANGUL_WORD_SIMILARITY_HINT);
		threshold = hangul_word_similarity_threshold;
	}
	if (strategy == HANGUL_STRATEGY_SIMILAR_Q || strategy == HANGUL_STRATEGY_WORD_Q)
	{
		float4		qthreshold;

		/* a query with a NULL part matches no row, as the operator */
		if (!hangul_query_read(PG_GETARG_DATUM(0), &t, &qthreshold))
			PG_RETURN_POINTER(NULL);
		threshold = qthreshold;
		/* the consistent functions find the threshold in the first key's extra data */
		threshold_copy = palloc(sizeof(double));
		*threshold_copy = threshold;
		strategy = (strategy == HANGUL_STRATEGY_SIMILAR_Q) ?
			HANGUL_STRATEGY_SIMILAR : HANGUL_STRATEGY_WORD;
	}
	else
		t = PG_GETARG_TEXT_PP(0);
	if ((strategy == HANGUL_STRATEGY_SIMILAR || strategy == HANGUL_STRATEGY_WORD) &&
		threshold <= 0.0)
	{
		/* everything is similar enough */
		*searchMode = GIN_SEARCH_MODE_ALL;
		PG_RETURN_POINTER(NULL);
	}
	n = hangul_gin_letters(t, &letters);
	g.grams = palloc((Size) (n + 1) * sizeof(uint64));
	if (strategy == HANGUL_STRATEGY_SIMILAR)
	{
		hangul_letter_grams(letters, n, &g);
		if (g.pure_choseong)
			hangul_choseong_grams(letters, n, true, &g);
		else if (g.ngrams > 0)
			k = 1;
	}
	else if (strategy == HANGUL_STRATEGY_CHOSEONG)
		hangul_choseong_grams(letters, n, false, &g);
	else if (strategy == HANGUL_STRATEGY_WORD)
	{
		if (!hangul_word_query_keys(letters, n, &g))
		{
			/* too short for a key: every row may match (an empty query, none) */
			if (g.ngrams > 0)
				*searchMode = GIN_SEARCH_MODE_ALL;
			PG_RETURN_POINTER(NULL);
		}
		if (!g.pure_choseong && g.ngrams > 0)
			k = 1;
	}
	else
		elog(ERROR, "unrecognized strategy number: %d", strategy);

	if (g.ngrams == 0)
	{
		/* an empty %% query matches nothing; a short pattern, anything */
		if (strategy == HANGUL_STRATEGY_CHOSEONG)
			*searchMode = GIN_SEARCH_MODE_ALL;
		PG_RETURN_POINTER(NULL);
	}
	entries = palloc((Size) (g.ngrams + 1) * sizeof(Datum));
	if (k == 1)
		entries[0] = Int64GetDatum((int64) HANGUL_KEY_PURE);
	for (i = 0; i < g.ngrams; i++)
		entries[k++] = Int64GetDatum((int64) g.grams[i]);
	*nentries = k;
	if (threshold_copy != NULL)
	{
		*extra_data = palloc0(sizeof(Pointer) * (Size) k);
		(*extra_data)[0] = (Pointer) threshold_copy;
	}
	PG_RETURN_POINTER(entries);
}

/*
 * The threshold a %% or %%> query compares with: the setting's, or one
 * written in the query (kept in the first key's extra data)
 */
static double
hangul_gin_threshold(StrategyNumber strategy, const Pointer *extra_data, int32 nkeys)
{
	switch (strategy)
	{
		case HANGUL_STRATEGY_SIMILAR:
			return hangul_similarity_threshold;
		case HANGUL_STRATEGY_WORD:
			return hangul_word_similarity_threshold;
		case HANGUL_STRATEGY_SIMILAR_Q:
		case HANGUL_STRATEGY_WORD_Q:
			if (nkeys > 0 && extra_data != NULL && extra_data[0] != NULL)
				return *(const double *) extra_data[0];
			/* no key: every row may match (a threshold of 0) */
			return 0.0;
		default:
			return 0.0;
	}
}

/*
 * Can the row match, given which of the nkeys query keys it may have
 * (npresent of them, key 0 among them when key0_present)?
 * hangul_similarity = shared / (nquery + nrow - shared) >= t needs
 * shared >= t * nquery, since nrow >= shared.  The same holds for
 * hangul_word_similarity, c / (m + u - c) with u >= c, for its own
 * threshold: the best extent holds at least t * m of the query's m grams,
 * so the row does.
 *
 * The callers count from their own array (bool for consistent, ternary for
 * triconsistent) rather than converting one into the other.
 */
static bool
hangul_gin_may_match(StrategyNumber strategy, double threshold, int32 nkeys,
					 const Datum *queryKeys, bool key0_present, int npresent)
{
	int			first = 0;

	/* 초성: every bigram of the query must be there */
	if (strategy == HANGUL_STRATEGY_CHOSEONG)
		return npresent == nkeys;
	if (nkeys > 0 && (uint64) DatumGetInt64(queryKeys[0]) == HANGUL_KEY_PURE)
	{
		if (key0_present)
			return true;
		first = 1;
	}
	/* a little slack so that float rounding can never lose a row */
	return (double) npresent + 1e-6 >= threshold * (nkeys - first);
}

PG_FUNCTION_INFO_V1(hangul_gin_consistent);
Datum
hangul_gin_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);
	Datum	   *queryKeys = (Datum *) PG_GETARG_POINTER(6);
	int			npresent = 0;
	int			i;

	for (i = 0; i < nkeys; i++)
	{
		if (check[i])
			npresent++;
	}
	*recheck = true;
	PG_RETURN_BOOL(hangul_gin_may_match(strategy,
										hangul_gin_threshold(strategy, extra_data, nkeys),
										nkeys, queryKeys, nkeys > 0 && check[0], npresent));
}

PG_FUNCTION_INFO_V1(hangul_gin_triconsistent);
Datum
hangul_gin_triconsistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	Datum	   *queryKeys = (Datum *) PG_GETARG_POINTER(5);
	int			npresent = 0;
	int			i;

	/* GIN_MAYBE counts as present: the answer is never more than MAYBE */
	for (i = 0; i < nkeys; i++)
	{
		if (check[i] != GIN_FALSE)
			npresent++;
	}
	if (hangul_gin_may_match(strategy, hangul_gin_threshold(strategy, extra_data, nkeys),
							 nkeys, queryKeys, nkeys > 0 && check[0] != GIN_FALSE, npresent))
		PG_RETURN_GIN_TERNARY_VALUE(GIN_MAYBE);
	PG_RETURN_GIN_TERNARY_VALUE(GIN_FALSE);
}
