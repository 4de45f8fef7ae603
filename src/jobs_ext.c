/*
 * jobs_ext.c
 *		Module entry point: registers the settings of every part of jobs_ext.
 */
#include "postgres.h"

#include "fmgr.h"

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
