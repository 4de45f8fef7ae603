/*
 * setting_guard.h
 *		Settings that must not be silently ignored on a Citus worker
 *		(setting_guard.c, doc/scaling.md "Settings on a cluster").
 *
 * A function whose result depends on a jobs_ext.* setting calls
 * setting_guard() with the source of the setting's current value before
 * reading it.  In a backend that Citus opened to run part of a distributed
 * query the value the user set on the coordinator does not arrive unless
 * Citus propagated it (SET LOCAL with citus.propagate_set_commands = 'local'),
 * so there reading a value that was not SET in the session is an error.
 */
#ifndef SETTING_GUARD_H
#define SETTING_GUARD_H

#include "postgres.h"

#include "utils/guc.h"

/* what a setting's check hook keeps in its extra: the source of the value */
typedef struct SettingSource
{
	GucSource	source;
} SettingSource;

extern bool setting_in_citus_worker_query(void);
extern void setting_refuse(const char *setting, const char *reader,
						   const char *hint);
extern void *setting_source_extra(GucSource source);

/*
 * Error out when a setting of this source would be read in a Citus worker's
 * part of a distributed query; nothing to do otherwise (one comparison in the
 * usual case, a prefix test of application_name when not SET).
 */
static inline void
setting_guard(GucSource source, const char *setting, const char *reader,
			  const char *hint)
{
	if (source != PGC_S_SESSION && setting_in_citus_worker_query())
		setting_refuse(setting, reader, hint);
}

#endif							/* SETTING_GUARD_H */
