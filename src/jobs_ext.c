/*
 * jobs_ext.c
 *		Module entry point: registers the settings of every part of jobs_ext.
 */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#if PG_VERSION_NUM >= 160000
/* VARDATA_ANY and VARSIZE_ANY_EXHDR; postgres.h included them before 16 */
#include "varatt.h"
#endif

#include "jobs_ext.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	hangul_define_gucs();
	jobcat_define_gucs();
	match_define_gucs();
}

/*
 * Decode a value from its binary form held in a bytea, with the type's recv
 * function, so that values kept from send output can be read back in SQL.
 * recv validates the bytes; trailing bytes are refused here, as COPY does.
 */
Datum
jobs_ext_recv_bytea(PGFunction recv, bytea *bytes, const char *type_name)
{
	StringInfoData buf;
	Datum		result;

	buf.data = VARDATA_ANY(bytes);
	buf.len = VARSIZE_ANY_EXHDR(bytes);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	result = DirectFunctionCall1(recv, PointerGetDatum(&buf));
	if (buf.cursor != buf.len)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external %s value: %d bytes after the end",
						type_name, buf.len - buf.cursor)));
	return result;
}
