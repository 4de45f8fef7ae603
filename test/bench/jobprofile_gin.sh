#!/usr/bin/env bash
# test/bench/jobprofile_gin.sh — the skills index (jobprofile_gin_ops) against
# a sequential scan, on 1,000,000 profiles, for queries selecting about 0.1 %.
#
# Each profile holds 2 to 4 skills of 40 common ones and one of 1,000 rare
# ones ('기술0' .. '기술999', each in exactly 0.1 % of the rows, one row in
# a thousand, so each on a heap page of its own).  Each query runs in one
# session, in turn through the index (the planner's choice: a bitmap scan),
# as a sequential scan in one process (enable_indexscan, enable_bitmapscan
# and max_parallel_workers_per_gather off: the same resources as the index
# scan), and as the sequential scan the planner picks when parallel workers
# are allowed (the server's max_parallel_workers_per_gather); one warm-up
# round first, then BENCH_REPS (default 5, at least 3) timed rounds, and the
# median of each is printed with the ratios.  The plans are checked and all
# three must count the same rows, else the script fails.  The target is 50x
# the one-process sequential scan for the 0.1 % query ('?').
#
# Run by test/bench/run.sh (make bench) against $PGDATABASE; alone:
#   PGDATABASE=... bash test/bench/jobprofile_gin.sh
set -euo pipefail
reps=${BENCH_REPS:-5}
[ "$reps" -ge 3 ] || reps=3
target=50

psql_run() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

printf '%s\n' "-- setting up: 1,000,000 profiles and their GIN index" >&2
psql_run <<'SQL'
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_skills;
CREATE TABLE bench_skills AS
SELECT i AS id,
       jobprofile(skills => ARRAY(
           SELECT (ARRAY['용접', '특수용접', 'CO2 용접', 'TIG 용접', '배관', '도장', '지게차운전', '굴착기', '크레인',
                         '전기', '전기기능사', '자동차정비', '조립', '품질검사', 'CNC', 'CAD', '요양보호', '간호조무',
                         '조리', '운전', '태양광', '풍력', '안전관리', '엑셀', '회계', '영업', '물류', '포장',
                         '선박조립', '취부', '사상', '비계', '철근', '목공', '미장', '방수', '보일러', '냉동공조',
                         '설비보전', 'PLC'])[1 + abs(hashint4(i * 8 + j)) % 40]
           FROM generate_series(1, 2 + abs(hashint4(i)) % 3) j)
         || ('기술' || (i % 1000))) AS profile
FROM generate_series(1, 1000000) i;
CREATE INDEX bench_skills_gin ON bench_skills USING gin (profile);
VACUUM ANALYZE bench_skills;
SQL

# each query is SELECT count(*) FROM bench_skills WHERE condition
names=(
	"? one rare skill (0.1 %)"
	"?| two rare skills (0.2 %)"
	"?& a common and a rare skill (0.008 %)"
)
conds=(
	"profile ? '기술 123'"
	"profile ?| '{기술 123, 기술 456}'"
	"profile ?& '{용접, 기술 123}'"
)
seqscan="SET enable_indexscan = off; SET enable_bitmapscan = off;"
serial="SET max_parallel_workers_per_gather = 0;"
reset="RESET enable_indexscan; RESET enable_bitmapscan; RESET max_parallel_workers_per_gather;"

median() {
	sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.1fx", b / a; else print "n/a" }'; }

printf '%-50s %9s %10s %7s %12s %7s\n' "skills index, 1M profiles (median of $reps)" "index ms" "seqscan ms" "ratio" "parallel ms" "ratio"
status=0
for i in "${!names[@]}"; do
	name=${names[$i]}
	cond=${conds[$i]}
	sql="SELECT count(*) FROM bench_skills WHERE $cond;"

	# the plans, and the same count all three ways
	plan_index=$(psql_run -At -c "EXPLAIN (COSTS OFF) $sql")
	plan_seq=$(psql_run -At -c "$seqscan $serial" -c "EXPLAIN (COSTS OFF) $sql")
	plan_par=$(psql_run -At -c "$seqscan" -c "EXPLAIN (COSTS OFF) $sql")
	count_index=$(psql_run -At -c "$sql")
	count_seq=$(psql_run -At -c "$seqscan $serial" -c "$sql")
	count_par=$(psql_run -At -c "$seqscan" -c "$sql")
	if ! grep -q 'Bitmap Index Scan on bench_skills_gin' <<<"$plan_index" || grep -q 'Seq Scan' <<<"$plan_index"; then
		printf 'FAIL %s: the index is not used:\n%s\n' "$name" "$plan_index"
		status=1
		continue
	fi
	if ! grep -q 'Seq Scan' <<<"$plan_seq" || grep -q 'Gather' <<<"$plan_seq" ||
		! grep -q 'Seq Scan' <<<"$plan_par"; then
		printf 'FAIL %s: no sequential scan:\n%s\n%s\n' "$name" "$plan_seq" "$plan_par"
		status=1
		continue
	fi
	if [ "$count_index" != "$count_seq" ] || [ "$count_index" != "$count_par" ]; then
		printf 'FAIL %s: the index counts %s rows, the scans %s and %s\n' "$name" "$count_index" "$count_seq" "$count_par"
		status=1
		continue
	fi

	# rounds of index, one-process scan, parallel scan; one warm-up round
	times=$({
		echo '\o /dev/null'
		for _ in $(seq 0 "$reps"); do
			printf '\\timing on\n%s\n\\timing off\n' "$sql"
			printf '%s\n\\timing on\n%s\n\\timing off\n%s\n' "$seqscan $serial" "$sql" "$reset"
			printf '%s\n\\timing on\n%s\n\\timing off\n%s\n' "$seqscan" "$sql" "$reset"
		done
	} | psql_run -f - | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n $((3 * reps)))
	t_index=$(awk 'NR % 3 == 1' <<<"$times" | median)
	t_seq=$(awk 'NR % 3 == 2' <<<"$times" | median)
	t_par=$(awk 'NR % 3 == 0' <<<"$times" | median)
	printf '%-50s %9.2f %10.1f %7s %12.1f %7s\n' "$name, $count_index rows" "$t_index" "$t_seq" \
		"$(ratio "$t_index" "$t_seq")" "$t_par" "$(ratio "$t_index" "$t_par")"
	[ -n "${first_ratio:-}" ] || first_ratio=$(awk -v a="$t_index" -v b="$t_seq" 'BEGIN { print (a > 0 ? b / a : 0) }')
done
# the 0.1 % query against its target
met=$(awk -v r="${first_ratio:-0}" -v t="$target" 'BEGIN { print (r >= t ? "met" : "NOT met") }')
printf '  target: the 0.1 %% query (%s) at least %dx the one-process sequential scan: %s\n' "${conds[0]}" "$target" "$met"
psql_run -c "DROP TABLE bench_skills"
exit $status
