/*
 * match.h
 *		The scoring kernel shared by match.c (match_score, match_explain, the
 *		weights) and match_batch.c (match_batch and the reports built on it).
 *
 * The score is a weighted mean of factor similarities in [0, 1] over the
 * factors both profiles give (doc/matching.md has the formulas):
 *
 *	 occupation  shared leading digits / digits of the posting's code
 *	 skills		 weighted share of the posting's skills the seeker has
 *	 region		 distance decay when both have coordinates, else shared
 *				 법정동 levels (45 = 52, 42 = 51)
 *	 wage		 1 when the offer meets the seeker's minimum, 0 at 30% short
 *	 hours		 1 - |difference| / 20 hours
 *	 shifts		 share of the posting's shifts the seeker accepts
 *	 education	 1 when met, 0.5 less per level short
 *	 experience  1 when met, else seeker's years / required years
 *
 * A posting with target groups takes only seekers of one of them (score 0
 * otherwise).  Every function here takes the weights as a MatchWeights
 * argument and reads no global setting, so the same inline code gives
 * match_score, match_explain and match_batch bit-identical scores whatever
 * the weights came from.
 */
#ifndef MATCH_H
#define MATCH_H

#include "postgres.h"

#include <math.h>

#include "port/pg_bitutils.h"
#include "utils/jsonb.h"

#include "jobprofile.h"

typedef enum MatchFactor
{
	MF_OCCUPATION,
	MF_SKILLS,
	MF_REGION,
	MF_WAGE,
	MF_HOURS,
	MF_SHIFTS,
	MF_EDUCATION,
	MF_EXPERIENCE,
	MF_NFACTORS
} MatchFactor;

/* the weight of each factor, indexed by MatchFactor (relative, 0 to 1e6) */
typedef struct MatchWeights
{
	double		w[MF_NFACTORS];
} MatchWeights;

#define MATCH_WAGE_SHORTFALL	0.30	/* wage similarity is 0 this far short */
#define MATCH_HOURS_SPAN		20.0	/* hours similarity is 0 this far off */
#define MATCH_NEAR_KM			5.0 /* distance similarity 1 up to here */
#define MATCH_FAR_KM			50.0	/* and 0 from here */
#define MATCH_EARTH_KM			6371.0088

/* match.c: names, lookup tables (filled at load), weights, explanations */
extern const char *const match_factor_names[MF_NFACTORS];
extern const double match_region_sim[4];
extern double match_shift_sim[16][16];
extern double match_occ_sim[7][7];
extern double match_hours_sim[JOBPROFILE_MAX_HOURS + 1];

extern void match_weights_from_guc(MatchWeights *w, const char *reader);
extern void match_weights_from_jsonb(Jsonb *jb, MatchWeights *w, const char *reader);
extern Datum match_explain_jsonb(const JobProfileView *s, const JobProfileView *p,
								 const MatchWeights *w);

/* What the cheap factors give; skills, the costly one, are added last */
typedef struct MatchAcc
{
	bool		filtered;		/* failed a target-group requirement */
	bool		has_skills;
	double		partial;		/* sum of weight * similarity, skills excluded */
	double		total_weight;	/* sum of the weights of the factors given */
	double		skills_weight;
	double		flag[MF_NFACTORS];	/* 1 when both profiles give the factor */
	double		sim[MF_NFACTORS];
} MatchAcc;

/* Distance in km between two profiles with coordinates (equirectangular) */
static inline double
match_distance_km(const JobProfileFixed *a, const JobProfileFixed *b)
{
	double		dy = a->latitude - b->latitude;
	double		dx = (a->longitude - b->longitude) *
		((double) a->coslat + (double) b->coslat) / 2.0;

	return MATCH_EARTH_KM * (M_PI / 180.0) * sqrt(dx * dx + dy * dy);
}

/* digits the two occupation codes share from the left */
static inline int
match_occ_shared(const JobProfileFixed *s, const JobProfileFixed *p)
{
	uint64		a = 0,
				b = 0,
				x;
	int			d;

	memcpy(&a, s->occ, sizeof(s->occ));
	memcpy(&b, p->occ, sizeof(p->occ));
	x = a ^ b;
#ifdef WORDS_BIGENDIAN
	d = x ? (63 - pg_leftmost_one_pos64(x)) / 8 : 6;
#else
	d = x ? pg_rightmost_one_pos64(x) / 8 : 6;
#endif
	return Min(d, Min(s->occ_len, p->occ_len));
}

/* region similarity by 법정동 code: containment 1, else levels shared */
static inline double
match_region_code_sim(const JobProfileFixed *s, const JobProfileFixed *p)
{
	int			upto = Min(Min(s->region_depth, p->region_depth), 3);
	int			e1 = s->sido_area == p->sido_area;
	int			e2 = e1 & (s->sigungu == p->sigungu) & (upto >= 2);
	int			e3 = e2 & (s->emd == p->emd) & (upto >= 3);
	int			shared = e1 + e2 + e3;

	return shared >= upto ? 1.0 : match_region_sim[shared];
}

/* wage similarity of a seeker's minimum and a posting's offer */
static inline double
match_wage_sim(int32 seeker_wage, int32 posting_wage)
{
	double		shortfall = (double) Max(seeker_wage - posting_wage, 0);
	double		v = 1.0 - shortfall / (MATCH_WAGE_SHORTFALL * Max(seeker_wage, 1));

	return v < 0.0 ? 0.0 : v;
}

/* education similarity: 1 when met, 0.5 less per level short */
static inline double
match_education_sim(int seeker_level, int posting_level)
{
	double		v = 1.0 - 0.5 * Max(posting_level - seeker_level, 0);

	return v < 0.0 ? 0.0 : v;
}

/* experience similarity: 1 when met, else the share of the years asked */
static inline double
match_experience_sim(int seeker_years, int posting_years)
{
	return seeker_years >= posting_years ? 1.0 :
		(double) seeker_years / Max(posting_years, 1);
}

/*
 * The factors other than skills, in two stages: stage 1 the filter, which
 * factors both profiles give, the total weight, and the heavy factors
 * occupation, region and wage; stage 2 hours, shifts, education and
 * experience.  Written without data-dependent branches where it matters: a
 * factor one profile lacks is computed on zeros and multiplied by 0, which
 * adds exactly 0.  The partial sum is taken in factor order (occupation,
 * region, wage, hours, shifts, education, experience), so every caller gets
 * the same bits, and match_batch can bound the sum after stage 1.
 */
static pg_attribute_always_inline void
match_stage1(const JobProfileFixed *s, const JobProfileFixed *p,
			 const MatchWeights *mw, MatchAcc *acc)
{
	const double *w = mw->w;
	uint16		both = s->parts & p->parts;
	double		total = 0.0;
	int			f;

	acc->filtered = (p->targets != 0 && (s->targets & p->targets) == 0);
	acc->flag[MF_OCCUPATION] = (both & JP_HAS_OCCUPATION) != 0;
	acc->flag[MF_SKILLS] = s->nskills > 0 && p->nskills > 0;
	acc->flag[MF_REGION] = (both & (JP_HAS_REGION | JP_HAS_COORDS)) != 0;
	acc->flag[MF_WAGE] = (both & JP_HAS_WAGE) != 0;
	acc->flag[MF_HOURS] = (both & JP_HAS_HOURS) != 0;
	acc->flag[MF_SHIFTS] = s->shifts != 0 && p->shifts != 0;
	acc->flag[MF_EDUCATION] = (both & JP_HAS_EDUCATION) != 0;
	acc->flag[MF_EXPERIENCE] = (both & JP_HAS_EXPERIENCE) != 0;
	for (f = 0; f < MF_NFACTORS; f++)
		total += w[f] * acc->flag[f];
	acc->total_weight = total;
	acc->has_skills = acc->flag[MF_SKILLS] != 0.0;
	acc->skills_weight = w[MF_SKILLS];

	/* occupation: shared leading digits / digits of the posting's code */
	acc->sim[MF_OCCUPATION] = match_occ_sim[match_occ_shared(s, p)][Min(p->occ_len, 6)];

	/* region: distance decay with coordinates, else shared levels */
	if ((both & JP_HAS_COORDS))
	{
		double		km = match_distance_km(s, p);

		acc->sim[MF_REGION] = km <= MATCH_NEAR_KM ? 1.0 : km >= MATCH_FAR_KM ? 0.0 :
			(MATCH_FAR_KM - km) / (MATCH_FAR_KM - MATCH_NEAR_KM);
	}
	else
		acc->sim[MF_REGION] = match_region_code_sim(s, p);

	/* wage: 1 when the offer meets the minimum, 0 at 30% short */
	acc->sim[MF_WAGE] = match_wage_sim(s->wage, p->wage);

	acc->partial = w[MF_OCCUPATION] * acc->sim[MF_OCCUPATION] * acc->flag[MF_OCCUPATION];
	acc->partial += w[MF_REGION] * acc->sim[MF_REGION] * acc->flag[MF_REGION];
	acc->partial += w[MF_WAGE] * acc->sim[MF_WAGE] * acc->flag[MF_WAGE];
}

/* The bound of the partial sum after stage 2 with every stage-2 similarity 1 */
static inline double
match_stage2_bound(const MatchAcc *acc, const MatchWeights *mw)
{
	double		b = acc->partial;
	int			f;

	for (f = MF_HOURS; f <= MF_EXPERIENCE; f++)
		b += mw->w[f] * 1.0 * acc->flag[f];
	return b;
}

static pg_attribute_always_inline void
match_stage2(const JobProfileFixed *s, const JobProfileFixed *p,
			 const MatchWeights *mw, MatchAcc *acc)
{
	int			f;

	/* hours: 1 - |difference| / 20 */
	acc->sim[MF_HOURS] = match_hours_sim[Min(abs((int) s->hours - (int) p->hours), JOBPROFILE_MAX_HOURS)];

	/* shifts: share of the posting's shifts the seeker accepts */
	acc->sim[MF_SHIFTS] = match_shift_sim[s->shifts & 15][p->shifts & 15];

	acc->sim[MF_EDUCATION] = match_education_sim(s->education, p->education);
	acc->sim[MF_EXPERIENCE] = match_experience_sim(s->experience, p->experience);

	for (f = MF_HOURS; f <= MF_EXPERIENCE; f++)
		acc->partial += mw->w[f] * acc->sim[f] * acc->flag[f];
}

/* Both stages; sims and present (may be NULL) receive each factor */
static pg_attribute_always_inline void
match_cheap(const JobProfileFixed *s, const JobProfileFixed *p,
			const MatchWeights *w, MatchAcc *acc, double *sims, bool *present)
{
	int			f;

	match_stage1(s, p, w, acc);
	/* a filtered pair scores 0; only match_explain wants its factors */
	if (acc->filtered && sims == NULL)
		return;
	match_stage2(s, p, w, acc);
	if (sims)
	{
		for (f = 0; f < MF_NFACTORS; f++)
		{
			sims[f] = f == MF_SKILLS ? 0.0 : acc->sim[f];
			present[f] = acc->flag[f] != 0.0;
		}
	}
}

/*
 * Skills: sum over the posting's skills the seeker has of the posting's
 * weight times min(1, the seeker's weight), in hash order, over the
 * posting's weight sum.  One merge of the two sorted hash arrays.
 */
static inline double
match_skills(const JobProfileView *s, const JobProfileView *p)
{
	int			i = 0,
				j = 0;
	int			ns = s->h.nskills,
				np = p->h.nskills;
	double		matched = 0.0;

	/* no skill in common for sure: the signatures share no bit */
	if (ns == 0 || np == 0 || (s->h.skill_sig & p->h.skill_sig) == 0)
		return 0.0;

	/*
	 * Walk the posting's skills; most are ruled out by one bit of the
	 * seeker's signature, the others are looked up in the seeker's sorted
	 * hashes from where the last lookup ended (both ascend).  Matches are
	 * added in ascending hash order, as the inverted index of match_batch
	 * adds them.
	 */
	for (j = 0; j < np; j++)
	{
		uint64		hp = jp_hash_at(p, j);
		uint64		hs = 0;

		if ((s->h.skill_sig & (UINT64CONST(1) << (hp >> 58))) == 0)
			continue;
		for (; i < ns; i++)
		{
			hs = jp_hash_at(s, i);
			if (hs >= hp)
				break;
		}
		if (i >= ns)
			break;
		if (hs == hp)
		{
			float4		v = jp_weight_at(s, i);

			matched += (double) jp_weight_at(p, j) * (v < 1.0f ? (double) v : 1.0);
		}
	}
	return matched / p->h.skill_weight_sum;
}

/* The score from the cheap part and the skills similarity */
static inline float4
match_finish(const MatchAcc *acc, double skills_sim)
{
	double		total;
	double		score;

	if (acc->filtered || acc->total_weight <= 0.0)
		return 0.0f;
	total = acc->partial;
	if (acc->has_skills)
		total += acc->skills_weight * skills_sim;
	score = total / acc->total_weight;
	return (float4) (score > 1.0 ? 1.0 : score);
}

/* match_score of one pair */
static inline float4
match_compute(const JobProfileView *s, const JobProfileView *p, const MatchWeights *w)
{
	MatchAcc	acc;

	match_cheap(&s->h, &p->h, w, &acc, NULL, NULL);
	if (acc.filtered)
		return 0.0f;
	return match_finish(&acc, acc.has_skills ? match_skills(s, p) : 0.0);
}

/*
 * Each factor's contribution to the score (renormalised weight times
 * similarity, 0 for a factor that dropped out and for every factor of a
 * filtered pair), as match_explain reports it; returns the score.
 */
static inline float4
match_contributions(const JobProfileView *s, const JobProfileView *p,
					const MatchWeights *w, double *contrib, bool *filtered)
{
	double		sims[MF_NFACTORS];
	bool		present[MF_NFACTORS];
	MatchAcc	acc;
	double		skills_sim = 0.0;
	int			f;

	match_cheap(&s->h, &p->h, w, &acc, sims, present);
	if (acc.has_skills)
	{
		skills_sim = match_skills(s, p);
		sims[MF_SKILLS] = skills_sim;
	}
	for (f = 0; f < MF_NFACTORS; f++)
		contrib[f] = present[f] && !acc.filtered && acc.total_weight > 0 ?
			w->w[f] / acc.total_weight * sims[f] : 0.0;
	*filtered = acc.filtered;
	return match_finish(&acc, skills_sim);
}

/*
 * What decided between a pair and its runner-up (the two best of one
 * seeker, say): the factor whose contribution (match_contributions) gained
 * the most over the other pair's, the earlier factor on a tie; "target
 * groups" when only the lower pair failed the hard filter; "tie" when the
 * two scores are equal (the id decided).  Either pair may come first.
 */
#define MATCH_DECIDED_TARGETS	MF_NFACTORS
#define MATCH_DECIDED_TIE		(MF_NFACTORS + 1)
#define MATCH_DECIDED_N			(MF_NFACTORS + 2)

static inline int
match_decide(float4 score_a, const double *contrib_a, bool filtered_a,
			 float4 score_b, const double *contrib_b, bool filtered_b)
{
	int			best = 0;
	int			f;

	if (score_a == score_b)
		return MATCH_DECIDED_TIE;
	if (score_a < score_b)
	{
		const double *c = contrib_a;
		bool		t = filtered_a;

		contrib_a = contrib_b;
		contrib_b = c;
		filtered_a = filtered_b;
		filtered_b = t;
	}
	if (filtered_b && !filtered_a)
		return MATCH_DECIDED_TARGETS;
	for (f = 1; f < MF_NFACTORS; f++)
		if (contrib_a[f] - contrib_b[f] > contrib_a[best] - contrib_b[best])
			best = f;
	return best;
}

static inline const char *
match_decided_name(int d)
{
	return d < MF_NFACTORS ? match_factor_names[d] :
		d == MATCH_DECIDED_TARGETS ? "target_groups" : "tie";
}

#endif							/* MATCH_H */
