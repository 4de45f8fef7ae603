/*
 * region.c
 *		법정동 region codes: parsing and the sido codes (see region.h).
 */
#include "postgres.h"

#include "region.h"

/* sido codes of the 법정동 scheme, including the renumbered 42/45 */
bool
region_sido_is_valid(int sido)
{
	switch (sido)
	{
		case 11: case 26: case 27: case 28: case 29: case 30: case 31:
		case 36: case 41: case 42: case 43: case 44: case 45: case 46:
		case 47: case 48: case 50: case 51: case 52:
			return true;
		default:
			return false;
	}
}

/* A code or prefix of 2, 5, 8 or 10 digits at s, split into its levels */
RegionParseResult
region_parse(const char *s, int len, RegionCode *rc)
{
	char		buf[11];
	int			i;

	if (len != 2 && len != 5 && len != 8 && len != 10)
		return REGION_BAD_FORM;
	for (i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return REGION_BAD_FORM;
	memset(buf, '0', 10);
	memcpy(buf, s, len);
	buf[10] = '\0';
	rc->sido = (buf[0] - '0') * 10 + (buf[1] - '0');
	rc->sigungu = (buf[2] - '0') * 100 + (buf[3] - '0') * 10 + (buf[4] - '0');
	rc->emd = (buf[5] - '0') * 100 + (buf[6] - '0') * 10 + (buf[7] - '0');
	rc->ri = (buf[8] - '0') * 10 + (buf[9] - '0');
	/* levels of zeros are not given: 5213000000 is the sigungu 52130 */
	rc->depth = 1 + (rc->sigungu != 0) + (rc->emd != 0) + (rc->ri != 0);
	if (!region_sido_is_valid(rc->sido))
		return REGION_BAD_SIDO;
	if ((rc->sigungu == 0 && (rc->emd != 0 || rc->ri != 0)) ||
		(rc->emd == 0 && rc->ri != 0))
		return REGION_BAD_LEVELS;
	return REGION_OK;
}
