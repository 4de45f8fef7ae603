/*
 * sanitizer_options.c
 *		Compiled into the build of `make sanitize` only (the harness copies
 *		it into the sanitized tree's src/): the sanitizers' options.
 *
 * The options cannot come from ASAN_OPTIONS: the runtime reads them from
 * /proc/self/environ, which a PostgreSQL backend has overwritten with its
 * process title.  The ASan runtime is loaded with the extension (not
 * preloaded: see doc/development.md), hence verify_asan_link_order=0.
 * JOBS_EXT_SAN_LOG is the prefix of the report files.
 */
#ifndef JOBS_EXT_SAN_LOG
#define JOBS_EXT_SAN_LOG "/tmp/jobs_ext_san"
#endif

const char *__asan_default_options(void);
const char *__ubsan_default_options(void);

const char *
__asan_default_options(void)
{
	return "detect_leaks=0:verify_asan_link_order=0:detect_odr_violation=0:"
		"log_path=" JOBS_EXT_SAN_LOG ".asan";
}

const char *
__ubsan_default_options(void)
{
	return "print_stacktrace=1:log_path=" JOBS_EXT_SAN_LOG ".ubsan";
}

/*
 * The canary: make sanitize calls it last, with arguments that overflow a
 * stack buffer (ASan) and shift too far (UBSan), to prove that a report
 * reaches the files it reads.
 */
#include "postgres.h"
#include "fmgr.h"

PG_FUNCTION_INFO_V1(jobs_ext_sanitizer_canary);
Datum		jobs_ext_sanitizer_canary(PG_FUNCTION_ARGS);

Datum
jobs_ext_sanitizer_canary(PG_FUNCTION_ARGS)
{
	int32		i = PG_GETARG_INT32(0);
	int32		shift = PG_GETARG_INT32(1);
	char		buf[8];
	volatile char *p = buf;
	int32		one = 1;

	memset(buf, 0, sizeof(buf));
	if (shift > 0)
		one = one << shift;
	p[i] = (char) one;
	PG_RETURN_INT32(p[0]);
}
