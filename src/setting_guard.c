/*
 * setting_guard.c
 *		Refuse to read a jobs_ext.* setting in a Citus worker's part of a
 *		distributed query unless the value came with the query.
 *
 * Citus runs each shard's part of a distributed query in a backend of the
 * worker that it opened itself; that backend has the worker's settings, not
 * those of the user's session on the coordinator.  A SET on the coordinator
 * reaches it only as a SET LOCAL that Citus propagates (inside a transaction
 * block, with citus.propagate_set_commands = 'local'), which arrives as a SET
 * in the worker's session (source PGC_S_SESSION).  A value from anywhere else
 * there (the built-in default, postgresql.conf, ALTER DATABASE or ROLE ...
 * SET) may differ from what the coordinator's session uses, and reading it
 * gave wrong answers without an error; now it is an error that says how to
 * carry the value in the query instead.
 *
 * Parallel workers get their leader's settings, sources and application_name,
 * so they decide as their leader does.  Folding the setting into the query on
 * the coordinator (a planner support function) was not taken: a cached plan
 * (prepared statements, PL/pgSQL) would keep the value it was planned with
 * after a later SET.
 */
#include "postgres.h"

#include "utils/guc.h"

#include "setting_guard.h"

/* Citus names the connections it opens between nodes so (13.x, 12.x, 11.x) */
#define CITUS_INTERNAL_APPLICATION_NAME "citus_internal gpid="

/* Is this backend running part of a distributed query for a Citus node? */
bool
setting_in_citus_worker_query(void)
{
	return application_name != NULL &&
		strncmp(application_name, CITUS_INTERNAL_APPLICATION_NAME,
				sizeof(CITUS_INTERNAL_APPLICATION_NAME) - 1) == 0;
}

void
setting_refuse(const char *setting, const char *reader, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("%s reads the setting %s, which does not reach Citus workers",
					reader, setting),
			 errdetail("This is a Citus worker running part of a distributed query, and %s was not SET in its session: the value the coordinator's session uses is not known here.",
					   setting),
			 errhint("%s Or SET LOCAL %s inside a transaction block with citus.propagate_set_commands = 'local'.",
					 hint, setting)));
}

/*
 * The extra a setting's check hook returns: the source of the value being
 * set.  PostgreSQL keeps it with the value, so the assign hook sees the
 * right source also when a SET LOCAL is undone at the end of a transaction.
 */
void *
setting_source_extra(GucSource source)
{
	SettingSource *s;

	/* PostgreSQL 16 keeps GUC memory in a context and frees it with guc_free */
#if PG_VERSION_NUM >= 160000
	s = guc_malloc(LOG, sizeof(SettingSource));
#else
	s = malloc(sizeof(SettingSource));
#endif
	if (s != NULL)
		s->source = source;
	return s;
}
