/*
 * hangul_word.c
 *		Word similarity of Korean text: how well a query matches the best part
 *		of a text (hangul_word_similarity, the <%% and %%> operators).
 *
 * Definition (doc/hangul.md, "Word similarity").  Both texts are read as
 * letters in key mode, as hangul_similarity reads them, so normalisation
 * form, spacing and case do not matter.  The query's grams are the set Q of
 * its trigrams of three consecutive letters, without padding (m = |Q|); the
 * text's grams are its trigrams of three consecutive letters, in order.  The
 * score is the greatest |Q ∩ E| / |Q ∪ E| over the sets E of trigrams of the
 * contiguous extents of the text, as pg_trgm's word_similarity defines it on
 * its own trigrams.  So a query found letter for letter in the text scores
 * 1, wherever it stands.  A query of one or two letters has no trigram: its
 * one gram is itself, and it scores 1 in a text that contains it, else 0.
 * When either text is 초성 only (Hangul consonants without a vowel), the
 * grams are bigrams of 초성 instead (as for hangul_similarity, a syllable
 * stands for its initial and punctuation for nothing), and a one-unit query
 * is its own gram.
 *
 * Algorithm.  Each distinct trigram of the text gets a number (a sorted copy
 * and binary search).  A best extent can be taken to begin and end on a
 * query trigram (cutting any other trigram off an end never lowers the
 * score), and an extent from position i that reaches the next occurrence of
 * the trigram at i has the same set as the one from i + 1.  So from each
 * position i holding a query trigram, j runs forward, counting the distinct
 * trigrams u and query trigrams c of [i, j] with a stamp per trigram, and
 * scores each new query trigram; it stops at the next occurrence of the
 * trigram at i, when c = m (going on only adds to u), or when u >= m and
 * m / u <= best (no extension can do better than m / u).  Score 1 ends the
 * search.  The result is the exact maximum.
 *
 * Cost, for a text of n trigrams and a query of m: O(n log n) to number the
 * trigrams, then at most one step per (start, j) pair, each start running
 * at most up to the next occurrence of its trigram and past no more than
 * max(m, m / best) distinct trigrams; O(n * min(n, m^2)) in the worst case,
 * a few times n for titles.  Interrupts are checked every HANGUL_CHUNK
 * steps; past HANGUL_WORD_MAX_STEPS steps (about two seconds) the call stops
 * with 54000.  Memory: besides the letters (4 bytes each), 29 bytes per
 * trigram of the text (the sequence, its sorted copy, numbers, next
 * occurrences, stamps, flags), in one allocation, on the stack for texts up
 * to HANGUL_WORD_STACK letters; texts are limited to 1 MB as for
 * hangul_similarity.
 */
#include "postgres.h"

#include <unicode/uchar.h>

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/guc.h"

#include "hangul.h"
#include "jobs_ext.h"
#include "setting_guard.h"

double		hangul_word_similarity_threshold = 0.6;
GucSource	hangul_word_similarity_threshold_source = PGC_S_DEFAULT;

/* Texts of up to this many letters are worked on in stack buffers */
#define HANGUL_WORD_STACK	256

/* Steps of the extent scan after which a call gives up, with 54000 */
#define HANGUL_WORD_MAX_STEPS	(INT64CONST(1) << 29)

/* Grams of order k (1 to 3 symbols), as packed by hangul_letter_grams */
static inline uint64
hangul_word_mask(int k)
{
	return (k >= 3) ? ~(UINT64CONST(1) << 63) :
		(UINT64CONST(1) << (HANGUL_GRAM_BITS * k)) - 1;
}

/*
 * The ordered grams of k consecutive symbols of s[0..n) into seq (room for
 * n), each symbol packed as its code + 1, tag or'ed in; returns their count.
 * For letters (k = 3) and 초성 (k = 2, tag HANGUL_KEY_CHOSEONG) these are
 * the inner keys gin_hangul_ops stores.
 */
static int
hangul_word_seq(const uint32 *s, int n, int k, uint64 tag, uint64 *seq)
{
	uint64		mask = hangul_word_mask(k);
	uint64		g = 0;
	int			cnt = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		g = ((g << HANGUL_GRAM_BITS) | ((uint64) s[i] + 1)) & mask;
		if (i >= k - 1)
			seq[cnt++] = g | tag;
	}
	return cnt;
}

/*
 * The 초성 of the units of letters x[0..n) into out (room for n), as
 * hangul_choseong_grams reads them: punctuation is left out.  units is a
 * work buffer with room for n.  Returns the count.
 */
static int
hangul_word_initials(const uint32 *x, int n, HangulUnit *units, uint32 *out)
{
	int			nunits = hangul_units(x, n, units);
	int			k = 0;
	int			i;

	for (i = 0; i < nunits; i++)
	{
		const HangulUnit *u = &units[i];

		if (u->kind == HANGUL_UNIT_OTHER &&
			!(u->cp < 0x80 ? isalnum((unsigned char) u->cp) : u_isalnum(u->cp)))
			continue;
		out[k++] = hangul_choseong_of(u);
	}
	return k;
}

/* Hangul consonants and no vowel: a 초성 text, such as ㅇㅈ */
static bool
hangul_word_is_choseong(const uint32 *x, int n)
{
	bool		consonant = false;
	int			i;

	for (i = 0; i < n; i++)
	{
		if (hangul_is_vowel(x[i]))
			return false;
		if (hangul_is_consonant(x[i]))
			consonant = true;
	}
	return consonant;
}

/*
 * The query's gram set, for letters (cho false) or 초성: sorted, unique,
 * palloc'd in the current context.  Sets *order to the gram order used
 * (3 or 2 when the query is long enough, else its length).
 */
static int
hangul_word_query_set(const uint32 *x, int n, bool cho, int *order,
					  uint64 **grams)
{
	uint32	   *sym = (uint32 *) x;
	int			nsym = n;
	int			k;
	int			cnt;

	if (cho)
	{
		HangulUnit *units = palloc((Size) (n + 1) * sizeof(HangulUnit));

		sym = palloc((Size) (n + 1) * sizeof(uint32));
		nsym = hangul_word_initials(x, n, units, sym);
		pfree(units);
	}
	k = Min(cho ? 2 : 3, nsym);
	*grams = palloc((Size) (nsym + 1) * sizeof(uint64));
	cnt = (k > 0) ? hangul_word_seq(sym, nsym, k, cho ? HANGUL_KEY_CHOSEONG : 0, *grams) : 0;
	if (sym != x)
		pfree(sym);
	*order = k;
	return hangul_sort_unique(*grams, cnt);
}

/*
 * GIN: the query's keys for %%>, sorted and unique, into g (room for n + 1);
 * g->pure_choseong says whether they are 초성 bigrams.  Returns false when
 * the query is too short to have a key of full order (then every row must
 * be looked at).
 */
bool
hangul_word_query_keys(const uint32 *letters, int n, HangulGrams *g)
{
	uint64	   *grams;
	int			order;

	g->pure_choseong = hangul_word_is_choseong(letters, n);
	g->ngrams = hangul_word_query_set(letters, n, g->pure_choseong, &order, &grams);
	memcpy(g->grams, grams, (Size) g->ngrams * sizeof(uint64));
	pfree(grams);
	return order == (g->pure_choseong ? 2 : 3);
}

/*
 * Greatest similarity of the query set q (m grams, sorted) to an extent of
 * seq (n grams, in order); see the head of the file.  work has room for
 * 29 * n bytes, 8-aligned.
 */
static float4
hangul_word_best(const uint64 *q, int m, const uint64 *seq, int n, char *work)
{
	uint64	   *dist = (uint64 *) work;
	int32	   *ids = (int32 *) (dist + n);
	int32	   *next = ids + n;
	int32	   *stamp = next + n;
	bool	   *inq = (bool *) (stamp + n);
	int			ndist;
	int			i,
				j;
	int64		steps = 0;
	double		best = 0.0;
	bool		any = false;

	if (m == 0 || n == 0)
		return 0.0f;

	/* number the distinct grams; mark those of the query */
	memcpy(dist, seq, (Size) n * sizeof(uint64));
	ndist = hangul_sort_unique(dist, n);
	for (i = 0, j = 0; i < ndist; i++)
	{
		while (j < m && q[j] < dist[i])
			j++;
		inq[i] = (j < m && q[j] == dist[i]);
		any |= inq[i];
		stamp[i] = -1;
	}
	if (!any)
		return 0.0f;
	for (j = 0; j < n; j++)
	{
		int			lo = 0,
					hi = ndist - 1;

		if ((j & (HANGUL_CHUNK - 1)) == 0)
			CHECK_FOR_INTERRUPTS();
		while (lo < hi)
		{
			int			mid = (lo + hi) / 2;

			if (dist[mid] < seq[j])
				lo = mid + 1;
			else
				hi = mid;
		}
		ids[j] = lo;
	}
	/* next occurrence of each position's gram (stamp serves as last seen) */
	for (j = n - 1; j >= 0; j--)
	{
		next[j] = (stamp[ids[j]] >= 0) ? stamp[ids[j]] : n;
		stamp[ids[j]] = j;
	}
	for (i = 0; i < ndist; i++)
		stamp[i] = -1;

	for (i = 0; i < n; i++)
	{
		int			c = 0,
					u = 0;

		if (!inq[ids[i]])
			continue;
		for (j = i; j < next[i]; j++)
		{
			int			id = ids[j];

			if ((++steps & (HANGUL_CHUNK - 1)) == 0)
			{
				CHECK_FOR_INTERRUPTS();
				if (steps > HANGUL_WORD_MAX_STEPS)
					ereport(ERROR,
							(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
							 errmsg("texts are too long for Korean word similarity"),
							 errdetail("A query of %d trigrams against a text of %d trigrams takes more than " INT64_FORMAT " steps.",
									   m, n, HANGUL_WORD_MAX_STEPS),
							 errhint("Compare a shorter query or a part of the text.")));
			}
			if (stamp[id] == i)
				continue;		/* seen in this extent: nothing changes */
			stamp[id] = i;
			u++;
			if (inq[id])
			{
				double		s;

				c++;
				s = (double) c / (double) (m + u - c);
				if (s > best)
				{
					best = s;
					if (c == m && u == m)
						return 1.0f;
				}
				if (c == m)
					break;
			}
			else if (u >= m && (double) m <= best * u)
				break;
		}
	}
	return (float4) best;
}

/* The query, decoded: letters, whether it is 초성, and its two gram sets */
typedef struct HangulWordQuery
{
	bool		pure;
	int			order[2];		/* [0] letters, [1] 초성 */
	int			m[2];
	uint64	   *grams[2];
} HangulWordQuery;

static void
hangul_word_query_compute(const char *s, int len, HangulWordQuery *q)
{
	uint32	   *letters;
	int			n;

	hangul_check_grams_input(len);
	n = hangul_letters(s, len, HANGUL_KEY, &letters);
	q->pure = hangul_word_is_choseong(letters, n);
	q->m[0] = hangul_word_query_set(letters, n, false, &q->order[0], &q->grams[0]);
	q->m[1] = hangul_word_query_set(letters, n, true, &q->order[1], &q->grams[1]);
	pfree(letters);
}

/* Score of a decoded query against a text */
static float4
hangul_word_text(const HangulWordQuery *q, const char *s, int len)
{
	uint32		lbuf[HANGUL_WORD_STACK];
	uint64		wbuf[((HANGUL_WORD_STACK + 1) * 49 + 16) / 8 + 1];
	uint32	   *letters;
	uint32	   *sym;
	uint64	   *seq;
	char	   *work;
	int			n,
				nsym,
				nseq;
	bool		cho;
	float4		result;
	Size		need;

	hangul_check_grams_input(len);
	n = hangul_letters_buf(s, len, HANGUL_KEY, lbuf, HANGUL_WORD_STACK, &letters);
	cho = q->pure || hangul_word_is_choseong(letters, n);

	/*
	 * One buffer: the gram sequence (8 bytes a letter), the scan's 29, and
	 * for 초성 the units (8) and their initials (4).
	 */
	need = (Size) (n + 1) * (8 + 29 + (cho ? 12 : 0)) + 16;
	if (need <= sizeof(wbuf))
		work = (char *) wbuf;
	else
		work = palloc(need);
	seq = (uint64 *) work;
	sym = letters;
	nsym = n;
	if (cho)
	{
		HangulUnit *units = (HangulUnit *) (seq + n + 1);

		sym = (uint32 *) (units + n + 1);
		nsym = hangul_word_initials(letters, n, units, sym);
	}
	nseq = (q->order[cho] > 0) ?
		hangul_word_seq(sym, nsym, q->order[cho], cho ? HANGUL_KEY_CHOSEONG : 0, seq) : 0;
	/* the scan's arrays follow the sequence (over the units, used by now) */
	result = hangul_word_best(q->grams[cho], q->m[cho], seq, nseq,
							  (char *) (seq + n + 1));
	if (work != (char *) wbuf)
		pfree(work);
	if (letters != lbuf)
		pfree(letters);
	return result;
}

/*
 * Per-call-site cache of the query (the constant side of col %%> 'query'):
 * decoded once; a query seen to change is not cached again.
 */
typedef struct HangulWordCache
{
	bool		tried;
	bool		varies;
	int			len;
	char	   *bytes;
	HangulWordQuery query;
} HangulWordCache;

/*
 * hangul_word_similarity of query qt to text tt, with the per-call-site
 * cache of fcinfo
 */
float4
hangul_word_similarity_texts(FunctionCallInfo fcinfo, text *qt, text *tt)
{
	HangulWordCache *cache = (HangulWordCache *) fcinfo->flinfo->fn_extra;
	int			qlen,
				tlen;
	char	   *qs = hangul_text_to_utf8(qt, &qlen);
	char	   *ts = hangul_text_to_utf8(tt, &tlen);
	HangulWordQuery local;
	const HangulWordQuery *q;
	float4		result;

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(HangulWordCache));
		fcinfo->flinfo->fn_extra = cache;
	}
	if (cache->tried && !cache->varies && cache->len == qlen &&
		memcmp(cache->bytes, qs, qlen) == 0)
		q = &cache->query;
	else if (!cache->tried)
	{
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		/* cached only once computed: an error (54000) leaves no half */
		hangul_word_query_compute(qs, qlen, &cache->query);
		cache->bytes = palloc(qlen + 1);
		memcpy(cache->bytes, qs, qlen);
		cache->len = qlen;
		cache->tried = true;
		MemoryContextSwitchTo(old);
		q = &cache->query;
	}
	else
	{
		cache->varies = true;
		hangul_word_query_compute(qs, qlen, &local);
		q = &local;
	}
	result = hangul_word_text(q, ts, tlen);
	if (q == &local)
	{
		pfree(local.grams[0]);
		pfree(local.grams[1]);
	}
	return result;
}

static float4
hangul_word_similarity_fc(FunctionCallInfo fcinfo, int qarg)
{
	return hangul_word_similarity_texts(fcinfo, PG_GETARG_TEXT_PP(qarg),
										PG_GETARG_TEXT_PP(1 - qarg));
}

PG_FUNCTION_INFO_V1(hangul_word_similarity);
Datum
hangul_word_similarity(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4(hangul_word_similarity_fc(fcinfo, 0));
}

/* query <%% text */
PG_FUNCTION_INFO_V1(hangul_word_similarity_op);
Datum
hangul_word_similarity_op(PG_FUNCTION_ARGS)
{
	setting_guard(hangul_word_similarity_threshold_source,
				  "jobs_ext.hangul_word_similarity_threshold", "the <%% operator",
				  HANGUL_WORD_SIMILARITY_HINT);
	PG_RETURN_BOOL(hangul_word_similarity_fc(fcinfo, 0) >=
				   (float4) hangul_word_similarity_threshold);
}

/* text %%> query: the commutator, the form gin_hangul_ops indexes */
PG_FUNCTION_INFO_V1(hangul_word_similarity_commutator_op);
Datum
hangul_word_similarity_commutator_op(PG_FUNCTION_ARGS)
{
	setting_guard(hangul_word_similarity_threshold_source,
				  "jobs_ext.hangul_word_similarity_threshold", "the %%> operator",
				  HANGUL_WORD_SIMILARITY_HINT);
	PG_RETURN_BOOL(hangul_word_similarity_fc(fcinfo, 1) >=
				   (float4) hangul_word_similarity_threshold);
}

static void
hangul_word_similarity_threshold_assign(double newval, void *extra)
{
	hangul_word_similarity_threshold_source = ((SettingSource *) extra)->source;
}

void
hangul_word_define_gucs(void)
{
	DefineCustomRealVariable("jobs_ext.hangul_word_similarity_threshold",
							 "Sets the threshold used by the <%% and %%> operators.",
							 "A query is word-similar to a text when hangul_word_similarity() is at least this value.",
							 &hangul_word_similarity_threshold,
							 0.6,
							 0.0,
							 1.0,
							 PGC_USERSET,
							 0,
							 hangul_threshold_check,
							 hangul_word_similarity_threshold_assign,
							 NULL);
}
