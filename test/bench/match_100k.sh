#!/usr/bin/env bash
# test/bench/match_100k.sh — match_batch at city scale: the top 5 of
# 100,000 postings for each of 100,000 seekers, and the top 5 seekers for
# each posting, on the profiles of match.bench made ten times as many (its
# setup block, run with 100,000 in place of 10,000).  Each direction runs
# BENCH_100K_REPS times (default 1) and prints the median.  The LATERAL form
# is not run on all 10^10 pairs (about three hours): its cost per pair is
# measured on 100 seekers (postings) against all 100,000 postings (seekers),
# median of 3, and multiplied out.  BENCH_MATCH_100K=0 skips this script
# (the data take about 15 s to make, the whole about 2-3 minutes).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ "${BENCH_MATCH_100K:-1}" = 0 ]; then
	echo "skipped (BENCH_MATCH_100K=0)"
	exit 0
fi
reps=${BENCH_100K_REPS:-1}
slice=100
psql_run() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# the setup of match.bench, for 100,000 profiles a side, into big_* tables
setup=$(awk '/^-- setup/ { on = 1; next } /^-- jobs_ext/ { exit } on' "$here/match.bench" |
	sed -e 's/bench_/big_/g' -e 's/generate_series(1, 10000)/generate_series(1, 100000)/g')
grep -q 'generate_series(1, 100000)' <<<"$setup" || { echo "match_100k: cannot find the generator in match.bench" >&2; exit 1; }
SECONDS=0
psql_run -c "SET client_min_messages = warning" -f - <<<"$setup" >/dev/null
psql_run -c "CREATE TABLE big_seeker_slice AS SELECT id, profile FROM big_seeker WHERE id <= $slice" \
	-c "CREATE TABLE big_posting_slice AS SELECT id, profile FROM big_posting WHERE id <= $slice" \
	-c "VACUUM ANALYZE big_seeker_slice, big_posting_slice"
printf 'data: %s seekers, %s postings, made in %d s\n' \
	"$(psql_run -At -c 'SELECT count(*) FROM big_seeker')" "$(psql_run -At -c 'SELECT count(*) FROM big_posting')" "$SECONDS"

# median_ms SQL N: the median time of N runs of SQL in one session
median_ms() {
	{
		echo '\timing on'
		echo '\o /dev/null'
		for _ in $(seq 1 "$2"); do echo "$1"; done
	} | psql_run -f - | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | sort -g |
		awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

printf '%-22s %14s %16s %18s %8s\n' "top 5, 100k x 100k" "match_batch s" "LATERAL us/pair" "LATERAL est. s" "ratio"
for dir in seekers postings; do
	if [ $dir = seekers ]; then
		ours="SELECT count(*) FROM match_batch('big_seeker', 'big_posting', 5);"
		theirs="SELECT count(*) FROM big_seeker_slice s, LATERAL (SELECT p.id FROM big_posting p ORDER BY match_score(s.profile, p.profile) DESC, p.id LIMIT 5) x;"
		label="seekers -> postings"
	else
		ours="SELECT count(*) FROM match_batch('big_seeker', 'big_posting', 5, by_posting => true);"
		theirs="SELECT count(*) FROM big_posting_slice p, LATERAL (SELECT s.id FROM big_seeker s ORDER BY match_score(s.profile, p.profile) DESC, s.id LIMIT 5) x;"
		label="postings -> seekers"
	fi
	ms=$(median_ms "$ours" "$reps")
	lat=$(median_ms "$theirs" 3)
	awk -v label="$label" -v ms="$ms" -v lat="$lat" -v slice=$slice 'BEGIN {
		per_pair = lat / (slice * 100000.0)          # ms per pair
		est = per_pair * 1e10 / 1000                 # s for 10^10 pairs
		printf "%-22s %14.1f %16.3f %18.0f %7.0fx\n", label, ms / 1000, per_pair * 1000, est, est / (ms / 1000)
	}'
done
echo "(LATERAL est.: its time on $slice x 100,000 pairs, median of 3, times 100,000 / $slice)"
psql_run -c "DROP TABLE big_seeker, big_posting, big_skill, big_seeker_1k, big_seeker_slice, big_posting_slice"
