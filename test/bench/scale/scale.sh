#!/usr/bin/env bash
# test/bench/scale/scale.sh — the figures of doc/scaling.md "Scale on one
# machine": load and query times at SCALE_ROWS enrolments (default
# 100,000,000 of 20,000,003 people, five each), serial and with 2 parallel
# workers, and the sizes of the states that a cluster would move.  Not part
# of `make bench` (it takes 15 to 30 minutes and about 6 GB of disk while it
# runs): run it with
#
#     make bench-scale                      # a throw-away cluster, as make bench
#     PGDATABASE=bench bash test/bench/scale/scale.sh   # an existing database
#
# The table is dropped at the end, also when the script fails.
# SCALE_ROWS=10000000 gives the same report at 10M rows in a few minutes.
set -euo pipefail
rows=${SCALE_ROWS:-100000000}
people=$((rows / 5 + 3))
reps=${SCALE_REPS:-3}
psql_run() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
trap 'psql_run -c "DROP TABLE IF EXISTS bench_scale" >/dev/null 2>&1 || true' EXIT

# ms SQL: wall time of one statement in ms
ms() {
	{ echo '\timing on'; echo '\o /dev/null'; echo "$1;"; } | psql_run -f - |
		sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n 1
}

# median_ms SQL: median of reps runs, after a warm-up run
median_ms() {
	local i
	ms "$1" >/dev/null
	for i in $(seq 1 "$reps"); do ms "$1"; done | sort -g |
		awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

echo "== $rows enrolments of $people people, 31 categories (load: $(cut -d' ' -f1-3 /proc/loadavg))"
psql_run -c "DROP TABLE IF EXISTS bench_scale" >/dev/null 2>&1
t_load=$(ms "CREATE TABLE bench_scale AS
SELECT 1 + (i * 611953) % $people AS person, t.code AS category
FROM generate_series(1::bigint, $rows) AS i
JOIN (SELECT row_number() OVER () - 1 AS k, code FROM jobcat_taxonomy()) AS t
  ON t.k = (i * 7919 + i / 7) % 31")
t_vacuum=$(ms "VACUUM (FREEZE, ANALYZE) bench_scale")
size=$(psql_run -At -c "SELECT pg_size_pretty(pg_total_relation_size('bench_scale'))")
printf '%-52s %12.1f s\n' "load (CREATE TABLE AS from generate_series)" "$(awk -v t="$t_load" 'BEGIN { print t / 1000 }')"
printf '%-52s %12.1f s\n' "VACUUM (FREEZE, ANALYZE)" "$(awk -v t="$t_vacuum" 'BEGIN { print t / 1000 }')"
printf '%-52s %14s\n' "table size" "$size"

printf '\n%-40s %12s %12s %8s\n' "query (median of $reps)" "serial s" "2 workers s" "gain"
for q in "SELECT count(*) FROM bench_scale" \
	"SELECT people(person) FROM bench_scale" \
	"SELECT count(DISTINCT person) FROM bench_scale" \
	"SELECT people(catstats(person, category)) FROM bench_scale"; do
	if [ "$q" = "SELECT count(DISTINCT person) FROM bench_scale" ]; then
		# no parallel plan for DISTINCT aggregates: serial, once
		s=$(ms "SET max_parallel_workers_per_gather = 0; $q")
		printf '%-40s %12.1f %12s %8s\n' "${q#SELECT }" "$(awk -v t="$s" 'BEGIN { print t / 1000 }')" "-" "-"
		continue
	fi
	s=$(median_ms "SET max_parallel_workers_per_gather = 0; $q")
	p=$(median_ms "SET max_parallel_workers_per_gather = 2; $q")
	awk -v q="${q#SELECT }" -v s="$s" -v p="$p" 'BEGIN { printf "%-40s %12.1f %12.1f %7.2fx\n", substr(q, 1, 40), s / 1000, p / 1000, s / p }'
done

echo
echo "== states (what a node hands to the coordinator)"
psql_run -At <<'SQL'
SET max_parallel_workers_per_gather = 0;
WITH x AS MATERIALIZED (SELECT peopleset_agg(person) AS s FROM bench_scale)
SELECT format('%-52s %14s', 'peopleset of all people, stored', pg_size_pretty(pg_column_size(s)::bigint)) FROM x
UNION ALL
SELECT format('%-52s %14s', 'peopleset of all people, binary', pg_size_pretty(length(peopleset_send(s))::bigint)) FROM x;
SQL

# Ten nodes' partial states, as a cluster distributed by person would have
# them (each node one tenth of the people), merged as a coordinator does
echo
echo "== ten partial states (person % 10), merged"
psql_run <<'SQL'
SET max_parallel_workers_per_gather = 0;
DROP TABLE IF EXISTS bench_scale_parts;
CREATE TABLE bench_scale_parts AS
SELECT person % 10 AS node, peopleset_agg(person) AS ps, catstats(person, category) AS cs
FROM bench_scale GROUP BY 1;
SQL
psql_run -At <<'SQL'
SELECT format('%-52s %14s', 'peopleset, 10 states, stored', pg_size_pretty(sum(pg_column_size(ps)))) FROM bench_scale_parts
UNION ALL
SELECT format('%-52s %14s', 'peopleset, 10 states, binary', pg_size_pretty(sum(length(peopleset_send(ps))))) FROM bench_scale_parts
UNION ALL
SELECT format('%-52s %14s', 'peopleset, 10 states, text', pg_size_pretty(sum(length(ps::text)))) FROM bench_scale_parts
UNION ALL
SELECT format('%-52s %14s', 'catstats, 10 states, stored', pg_size_pretty(sum(pg_column_size(cs)))) FROM bench_scale_parts
UNION ALL
SELECT format('%-52s %14s', 'catstats, 10 states, binary', pg_size_pretty(sum(length(catstats_send(cs))))) FROM bench_scale_parts;
SQL
t_pm=$(median_ms "SELECT people(people_merge(ps)) FROM bench_scale_parts")
t_cm=$(median_ms "SELECT people(catstats_merge(cs)) FROM bench_scale_parts")
t_pt=$(median_ms "SELECT people(people_merge(ps::text::peopleset)) FROM bench_scale_parts")
printf '%-52s %12.2f s\n' "people(people_merge(10 states))" "$(awk -v t="$t_pm" 'BEGIN { print t / 1000 }')"
printf '%-52s %12.2f s\n' "  the same, states read from text first" "$(awk -v t="$t_pt" 'BEGIN { print t / 1000 }')"
printf '%-52s %12.2f s\n' "people(catstats_merge(10 states))" "$(awk -v t="$t_cm" 'BEGIN { print t / 1000 }')"
psql_run -c "DROP TABLE bench_scale_parts" >/dev/null
