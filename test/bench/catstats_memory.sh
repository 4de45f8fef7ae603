#!/usr/bin/env bash
# test/bench/catstats_memory.sh — peak memory of the catstats and people aggregates on
# 10,000,000 enrolments of 2,000,003 people (five categories each), one
# process.  Run it on the database server's host, as a user that can read
# the server's /proc/PID/status (root or the postgres user), against a
# database with jobs_ext:
#
#     PGDATABASE=bench bash test/bench/catstats_memory.sh
#
# Person numbers are dense (0..2000002, kept in a bitmap); multiplied by 7919
# they are scattered (kept in the sorted array).
#
# For each query it prints the backend's peak resident memory (VmHWM) after
# the query, and the same less that of count(person_id) over the same table,
# which touches the same shared buffers: the difference is what the
# aggregate itself took.
set -euo pipefail
psql_run() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

psql_run <<'SQL'
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_mem;
CREATE TABLE bench_mem AS
SELECT (i::bigint * 611953) % 2000003 AS person_id, t.code AS category
FROM generate_series(1, 10000000) AS i
JOIN (SELECT row_number() OVER () - 1 AS k, code FROM jobcat_taxonomy()) AS t
  ON t.k = (i::bigint * 7919 + i / 7) % 31;
VACUUM ANALYZE bench_mem;
SQL

# peak_kb QUERY: VmHWM in kB of a fresh backend after running QUERY serially
peak_kb() {
	psql_run -At <<SQL | tail -n 1
SET max_parallel_workers_per_gather = 0;
\o /dev/null
$1;
\o
SELECT pg_backend_pid() AS pid \gset
\setenv PID :pid
\! awk '/^VmHWM/ { print \$2 }' /proc/\$PID/status
SQL
}

base=$(peak_kb "SELECT count(person_id) FROM bench_mem")
printf '%-58s %10s %10s\n' "query (10M enrolments, 2M people)" "peak MB" "own MB"
for q in "SELECT people(person_id) FROM bench_mem" \
	"SELECT people(person_id * 7919) FROM bench_mem" \
	"SELECT people(c) FROM (SELECT catstats(person_id, category) AS c FROM bench_mem) s" \
	"SELECT count(DISTINCT person_id) FROM bench_mem"; do
	kb=$(peak_kb "$q")
	awk -v q="${q:0:58}" -v kb="$kb" -v base="$base" 'BEGIN { printf "%-58s %10.0f %10.0f\n", q, kb / 1024, (kb - base) / 1024 }'
done
printf '%-58s %10.0f\n' "SELECT count(person_id) FROM bench_mem (baseline)" "$(awk -v b="$base" 'BEGIN { print b / 1024 }')"
psql_run -c "DROP TABLE bench_mem"
