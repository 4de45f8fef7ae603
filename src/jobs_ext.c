/*
 * jobs_ext.c
 *		Module entry point: registers the settings of every part of jobs_ext.
 */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/guc.h"
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

	/*
	 * Only once every setting is defined: reserving the prefix removes the
	 * placeholders of the names not yet defined, and with them a value SET
	 * (or propagated by Citus) before the library was loaded.
	 */
	MarkGUCPrefixReserved("jobs_ext");
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

/*
 * A stored value of one of our varlena types whose version byte (or size)
 * this build cannot read: written by a later release, or damaged.  Every
 * type checks the byte wherever it reads a stored value, so such a value
 * stops here instead of being read with the wrong layout.
 */
void
jobs_ext_unsupported_version(const char *type_name, int version, int supported,
							 Size size)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("%s value has unsupported version %d or size %u",
					type_name, version, (unsigned) size),
			 errdetail("This build of jobs_ext reads %s version %d; the value was written by a later release of jobs_ext, or is damaged.",
					   type_name, supported)));
}
