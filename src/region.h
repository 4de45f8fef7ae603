/*
 * region.h
 *		법정동 region codes, shared by jobprofile (a person's or a posting's
 *		region) and eligwin (the region prefixes of a residency condition).
 *
 * A code has four levels: sido 2 digits, sigungu 3, eupmyeondong 3, ri 2;
 * a prefix gives the first 2, 5, 8 or 10 digits.  Jeonbuk (45 -> 52, 2024)
 * and Gangwon (42 -> 51, 2023) were renumbered: the old and the new sido
 * codes name the same area, compared through region_sido_area().
 */
#ifndef REGION_H
#define REGION_H

#include "postgres.h"

typedef struct RegionCode
{
	int			sido;			/* as typed: 45 stays 45 */
	int			sigungu;
	int			emd;
	int			ri;
	int			depth;			/* levels given: 1..4 */
} RegionCode;

typedef enum RegionParseResult
{
	REGION_OK,
	REGION_BAD_FORM,			/* not 2, 5, 8 or 10 digits */
	REGION_BAD_SIDO,			/* no such sido */
	REGION_BAD_LEVELS			/* a level given below an empty one */
} RegionParseResult;

/* The area of a sido code: the renumbered codes for the old ones */
static inline int
region_sido_area(int sido)
{
	return sido == 45 ? 52 : sido == 42 ? 51 : sido;
}

extern bool region_sido_is_valid(int sido);
extern RegionParseResult region_parse(const char *s, int len, RegionCode *rc);

#endif							/* REGION_H */
