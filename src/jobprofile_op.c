/*
 * jobprofile_op.c
 *		The accessors of jobprofile (one function per part) and its equality,
 *		total order and hashing, which compare the canonical stored bytes.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "jobs_ext.h"
#include "jobprofile.h"

/* ---------------------------------------------------------------------
 * Accessors
 * ---------------------------------------------------------------------
 */

#define JP_GET_VIEW(v) \
	JobProfileView v; \
	jp_view(&v, PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0)))

static Datum
jp_text_array(const char **items, int n)
{
	Datum	   *d = palloc(sizeof(Datum) * Max(n, 1));
	int			i;

	for (i = 0; i < n; i++)
		d[i] = PointerGetDatum(cstring_to_text(items[i]));
	return PointerGetDatum(construct_array(d, n, TEXTOID, -1, false, TYPALIGN_INT));
}

static Datum
jp_bits_array(unsigned bits, const char *const *names, int nnames)
{
	const char *items[16];
	int			n = 0,
				i;

	for (i = 0; i < nnames; i++)
		if (bits & (1u << i))
			items[n++] = names[i];
	return jp_text_array(items, n);
}

PG_FUNCTION_INFO_V1(jobprofile_occupation);
Datum
jobprofile_occupation(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!(v.h.parts & JP_HAS_OCCUPATION))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text_with_len(v.h.occ, v.h.occ_len));
}

PG_FUNCTION_INFO_V1(jobprofile_skills);
Datum
jobprofile_skills(PG_FUNCTION_ARGS)
{
	const char **texts;
	const char **out;
	int		   *order;
	int			i;

	JP_GET_VIEW(v);
	if (v.h.nskills == 0)
		PG_RETURN_NULL();
	order = jp_skill_order(&v, &texts);
	out = palloc(sizeof(char *) * v.h.nskills);
	for (i = 0; i < v.h.nskills; i++)
		out[i] = jp_from_utf8(texts[order[i]]);
	PG_RETURN_DATUM(jp_text_array(out, v.h.nskills));
}

PG_FUNCTION_INFO_V1(jobprofile_skill_weights);
Datum
jobprofile_skill_weights(PG_FUNCTION_ARGS)
{
	const char **texts;
	int		   *order;
	Datum	   *d;
	int			i;

	JP_GET_VIEW(v);
	if (v.h.nskills == 0)
		PG_RETURN_NULL();
	order = jp_skill_order(&v, &texts);
	d = palloc(sizeof(Datum) * v.h.nskills);
	for (i = 0; i < v.h.nskills; i++)
		d[i] = Float4GetDatum(jp_weight_at(&v, order[i]));
	PG_RETURN_ARRAYTYPE_P(construct_array(d, v.h.nskills, FLOAT4OID, sizeof(float4),
										  true, TYPALIGN_INT));
}

PG_FUNCTION_INFO_V1(jobprofile_region);
Datum
jobprofile_region(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!(v.h.parts & JP_HAS_REGION))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(jp_region_string(&v.h)));
}

PG_FUNCTION_INFO_V1(jobprofile_latitude);
Datum
jobprofile_latitude(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!(v.h.parts & JP_HAS_COORDS))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v.h.latitude);
}

PG_FUNCTION_INFO_V1(jobprofile_longitude);
Datum
jobprofile_longitude(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!(v.h.parts & JP_HAS_COORDS))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(v.h.longitude);
}

PG_FUNCTION_INFO_V1(jobprofile_wage);
Datum
jobprofile_wage(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!(v.h.parts & JP_HAS_WAGE))
		PG_RETURN_NULL();
	PG_RETURN_INT32(v.h.wage);
}

PG_FUNCTION_INFO_V1(jobprofile_hours);
Datum
jobprofile_hours(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!(v.h.parts & JP_HAS_HOURS))
		PG_RETURN_NULL();
	PG_RETURN_INT32(v.h.hours);
}

PG_FUNCTION_INFO_V1(jobprofile_shifts);
Datum
jobprofile_shifts(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!v.h.shifts)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(jp_bits_array(v.h.shifts, jp_shift_names, JP_NSHIFTS));
}

PG_FUNCTION_INFO_V1(jobprofile_education);
Datum
jobprofile_education(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!(v.h.parts & JP_HAS_EDUCATION))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(jp_education_names[v.h.education]));
}

PG_FUNCTION_INFO_V1(jobprofile_experience);
Datum
jobprofile_experience(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!(v.h.parts & JP_HAS_EXPERIENCE))
		PG_RETURN_NULL();
	PG_RETURN_INT32(v.h.experience);
}

PG_FUNCTION_INFO_V1(jobprofile_target_groups);
Datum
jobprofile_target_groups(PG_FUNCTION_ARGS)
{
	JP_GET_VIEW(v);
	if (!v.h.targets)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(jp_bits_array(v.h.targets, jp_target_names, JP_NTARGETS));
}

/* Stored size in bytes; also the trivial C function of the benchmarks */
PG_FUNCTION_INFO_V1(jobprofile_size);
Datum
jobprofile_size(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) VARSIZE_ANY(DatumGetPointer(PG_GETARG_DATUM(0))));
}

/* ---------------------------------------------------------------------
 * Equality and hashing: values are canonical, so bytes decide
 * ---------------------------------------------------------------------
 */

static bool
jp_equal(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	struct varlena *b = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));

	return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
		memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
}

PG_FUNCTION_INFO_V1(jobprofile_eq);
Datum
jobprofile_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(jp_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(jobprofile_ne);
Datum
jobprofile_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!jp_equal(fcinfo));
}

/*
 * A total order for sorting, grouping, merge joins and unique indexes: by
 * stored bytes, then length.  Stable, but not a ranking of any kind.
 */
static int
jp_compare(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	struct varlena *b = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(1));
	Size		la = VARSIZE_ANY_EXHDR(a);
	Size		lb = VARSIZE_ANY_EXHDR(b);
	int			c = memcmp(VARDATA_ANY(a), VARDATA_ANY(b), Min(la, lb));

	if (c != 0)
		return c < 0 ? -1 : 1;
	return (la > lb) - (la < lb);
}

PG_FUNCTION_INFO_V1(jobprofile_cmp);
Datum
jobprofile_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(jp_compare(fcinfo));
}

PG_FUNCTION_INFO_V1(jobprofile_lt);
Datum
jobprofile_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(jp_compare(fcinfo) < 0);
}

PG_FUNCTION_INFO_V1(jobprofile_le);
Datum
jobprofile_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(jp_compare(fcinfo) <= 0);
}

PG_FUNCTION_INFO_V1(jobprofile_gt);
Datum
jobprofile_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(jp_compare(fcinfo) > 0);
}

PG_FUNCTION_INFO_V1(jobprofile_ge);
Datum
jobprofile_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(jp_compare(fcinfo) >= 0);
}

PG_FUNCTION_INFO_V1(jobprofile_hash);
Datum
jobprofile_hash(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));

	return hash_any((const unsigned char *) VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a));
}

PG_FUNCTION_INFO_V1(jobprofile_hash_extended);
Datum
jobprofile_hash_extended(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));

	return hash_any_extended((const unsigned char *) VARDATA_ANY(a),
							 VARSIZE_ANY_EXHDR(a), PG_GETARG_INT64(1));
}
