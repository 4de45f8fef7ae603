#!/usr/bin/env bash
# test/bench/run.sh — run the benchmarks in test/bench/*.bench against the
# database in $PGDATABASE (make bench sets one up) and print, for each, the
# median time of the jobs_ext way and of the plain-SQL or contrib way (run
# interleaved), and their ratio (baseline / jobs_ext: above 1 means jobs_ext
# is faster).
#
# A .bench file holds one or more blocks:
#
#   -- bench: what is measured
#   -- reps: N          (optional: N timed runs of this block instead of BENCH_REPS,
#                        for baselines that take minutes; at least 3)
#   -- setup
#   SQL run once (data generation; may span lines)
#   -- session
#   SQL run at the start of the timing session, untimed (SET commands)
#   -- requires: EXTENSION
#   skip the block, saying so, when EXTENSION is not installed on the server
#   -- state
#   one SQL query whose one-row, one-column answer is printed under the
#   timings (the memory a state takes, say)
#   -- jobs_ext
#   one SQL statement, the jobs_ext way
#   -- baseline: what the other way is
#   one SQL statement, the plain-SQL or contrib way
#
# Scripts test/bench/*.sh are run after the .bench files and print their own
# report (e.g. search quality rather than speed).
#
# Environment: BENCH_REPS (default 5) timed runs after one warm-up run;
# the first argument, if given, runs only files whose name contains it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
reps=${BENCH_REPS:-5}
only=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

psql_run() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# median_pair_ms FILE_A FILE_B [REPS [SESSION_FILE]]: time the statements of
# both files interleaved (A B A B …, after one warm-up run of each, in one
# session, so that drift in the machine's load hits both alike) REPS times
# each, after the untimed statements of SESSION_FILE; print the two medians
# in ms
median_pair_ms() {
	local a=$1 b=$2 reps=${3:-$reps} session=${4:-/dev/null}
	{
		cat "$session"
		echo
		echo '\timing on'
		echo '\o /dev/null'
		for _ in $(seq 0 "$reps"); do cat "$a"; echo; cat "$b"; echo; done
	} | psql_run -f - | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n "$((2 * reps))" >"$work/times"
	for parity in 1 0; do
		awk -v p="$parity" 'NR % 2 == p' "$work/times" | sort -g |
			awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
	done
}

printf '%-58s %12s %12s %8s\n' "benchmark (median of $reps)" "jobs_ext ms" "baseline ms" "ratio"
for bench in "$here"/*.bench; do
	case $(basename "$bench") in *"$only"*) ;; *) continue ;; esac
	rm -f "$work"/block.*
	awk -v dir="$work" '
		/^-- bench:/ { n++; part = "name"; sub(/^-- bench: */, ""); print > (dir "/block." n ".name"); next }
		/^-- reps:/ { print $3 > (dir "/block." n ".reps"); next }
		/^-- setup/ { part = "setup"; next }
		/^-- requires:/ { sub(/^-- requires: */, ""); print > (dir "/block." n ".requires"); next }
		/^-- session/ { part = "session"; next }
		/^-- state/ { part = "state"; next }
		/^-- jobs_ext/ { part = "jobs_ext"; next }
		/^-- baseline/ { part = "baseline"; sub(/^-- baseline:? */, ""); print > (dir "/block." n ".basename"); next }
		n && part != "name" { print > (dir "/block." n "." part) }
	' "$bench"
	# in file order: block.10 after block.9 (a glob would sort it after block.1)
	nblocks=$(find "$work" -maxdepth 1 -name 'block.*.name' | wc -l)
	for n in $(seq 1 "$nblocks"); do
		namefile=$work/block.$n.name
		[ -e "$namefile" ] || continue
		b=${namefile%.name}
		name=$(cat "$namefile")
		if [ -s "$b.requires" ] && [ "$(psql_run -At -c "SELECT count(*) FROM pg_available_extensions WHERE name = '$(cat "$b.requires")'")" = 0 ]; then
			printf '%-58s %s\n' "$name" "skipped: extension $(cat "$b.requires") is not installed (postgresql-NN-$(cat "$b.requires"))"
			continue
		fi
		if [ -s "$b.setup" ]; then
			printf '%s\n' "-- setting up: $name" >&2
			# from stdin: a message must not name the block file, removed at the end
			psql_run -f - <"$b.setup" >/dev/null
		fi
		block_reps=$reps
		[ -s "$b.reps" ] && block_reps=$(cat "$b.reps")
		session=/dev/null
		[ -s "$b.session" ] && session=$b.session
		{ read -r ours; read -r theirs; } < <(median_pair_ms "$b.jobs_ext" "$b.baseline" "$block_reps" "$session")
		ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { if (a > 0) printf "%.2fx", b / a; else print "n/a" }')
		[ "$block_reps" = "$reps" ] || name="$name (median of $block_reps)"
		printf '%-58s %12.1f %12.1f %8s\n' "$name" "$ours" "$theirs" "$ratio"
		printf '%-58s %12s %12s %8s\n' "  baseline: $(cat "$b.basename")" "" "" ""
		if [ -s "$b.state" ]; then
			printf '  state: %s\n' "$({ cat "$session"; echo; cat "$b.state"; } | psql_run -At -f -)"
		fi
	done
done

# Benchmarks that are scripts (test/bench/*.sh other than this one) print
# their own report, e.g. search quality rather than speed.
for script in "$here"/*.sh; do
	[ "$(basename "$script")" = run.sh ] && continue
	case $(basename "$script") in *"$only"*) ;; *) continue ;; esac
	printf '\n== %s\n' "$(basename "$script")"
	bash "$script"
done
