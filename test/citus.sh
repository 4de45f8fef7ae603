#!/usr/bin/env bash
# test/citus.sh — `make test-citus`: the Citus suite (test/citus/sql/*.sql) on
# a three-node Citus cluster on this machine.
#
# Builds and installs jobs_ext (nothing else), and when Citus is installed for
# the server (citus.so and citus.control; doc/scaling.md says how to build
# Citus 13.2.2 for PostgreSQL 15 to 17) starts a coordinator and two workers,
# each an ICU ko-KR cluster of test/harness.sh with shared_preload_libraries
# = citus, listening on a Unix socket in its own temporary directory and on
# 127.0.0.1 at a free port (the nodes reach each other over TCP); creates the
# database 'regression' with both extensions on every node, registers the
# workers, runs the suites with pg_regress against the coordinator and stops
# and removes the three clusters, whatever happens.  Ends with
# "N passed, N failed".
#
# Without Citus it prints "SKIP: …" with how to get it and exits 77 (the
# usual "skipped" status), so that a script can tell a skip from a pass.
# `make test` does not run this: CI machines have no Citus.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
JOBS_EXT_HARNESS_LIB=1
# shellcheck source=test/harness.sh
. test/harness.sh

SUITES=(citus)
DB=regression

cmd_test_citus() {
	local pgc libdir sharedir bindir dir node out rc=0 started
	local -A port
	started=$SECONDS
	ensure_packages
	pgc=$(pg_config_path)
	libdir=$("$pgc" --pkglibdir)
	sharedir=$("$pgc" --sharedir)
	bindir=$("$pgc" --bindir)
	if [ ! -f "$libdir/citus.so" ] || [ ! -f "$sharedir/extension/citus.control" ]; then
		say "SKIP: Citus is not installed for PostgreSQL $("$pgc" --version | awk '{print $2}')" \
			"(no $libdir/citus.so or $sharedir/extension/citus.control)."
		say "Citus 13.2 is not a Debian package: build it from its source release as" \
			"doc/scaling.md (\"Building Citus\") shows, then run make test-citus again."
		exit 77
	fi
	exec 9>"$LOCK_FILE"
	flock 9
	build_and_install
	dir=$(mktemp -d /tmp/jobs_ext_citus.XXXXXX)
	chmod 755 "$dir"
	trap 'for n in coordinator worker1 worker2; do cluster_stop "'"$dir"'/$n"; done; rm -rf "'"$dir"'"' EXIT
	CLUSTER_TCP=1
	# the nodes talk over 127.0.0.1 with trust authentication, without TLS
	CLUSTER_OPTS="-c shared_preload_libraries=citus -c citus.node_conninfo=sslmode=disable -c max_connections=60"
	for node in coordinator worker1 worker2; do
		mkdir "$dir/$node"
		cluster_start "$dir/$node"
		port[$node]=$PGPORT
		psql -X -q -v ON_ERROR_STOP=1 -h "$dir/$node" -p "$PGPORT" -d postgres \
			-c "CREATE DATABASE $DB" >/dev/null
		psql -X -q -v ON_ERROR_STOP=1 -h "$dir/$node" -p "$PGPORT" -d "$DB" \
			-c "SET client_min_messages = warning" -c "CREATE EXTENSION citus" >/dev/null
	done
	export PGHOST=$dir/coordinator PGPORT=${port[coordinator]} PGUSER=postgres
	export JOBS_EXT_SERVER_LOG=$dir/coordinator/server.log
	say "== Citus $(psql -X -A -t -d "$DB" -c "SELECT extversion FROM pg_extension WHERE extname = 'citus'")," \
		"coordinator on 127.0.0.1:${port[coordinator]}, workers on ${port[worker1]} and ${port[worker2]}"
	psql -X -q -v ON_ERROR_STOP=1 -d "$DB" >/dev/null <<EOF
SET client_min_messages = warning;
SELECT citus_set_coordinator_host('127.0.0.1', ${port[coordinator]});
SELECT citus_add_node('127.0.0.1', ${port[worker1]});
SELECT citus_add_node('127.0.0.1', ${port[worker2]});
CREATE EXTENSION jobs_ext;
EOF
	if [ -n "${JOBS_EXT_CITUS_HOLD:-}" ]; then
		# for working on the suite: keep the cluster until this script is stopped
		flock -u 9
		say "cluster held: psql -h $PGHOST -p $PGPORT -U postgres $DB"
		sleep "$JOBS_EXT_CITUS_HOLD"
		return 0
	fi
	say "== running the Citus suite"
	out="$dir/regress.out"
	mkdir "$dir/results"
	"$libdir/pgxs/src/test/regress/pg_regress" --use-existing --dbname="$DB" \
		--inputdir=test/citus --outputdir="$dir/results" --bindir="$bindir" \
		--host="$PGHOST" --port="$PGPORT" --user=postgres "${SUITES[@]}" 2>&1 | tee "$out" || rc=$?
	if [ -s "$dir/results/regression.diffs" ]; then
		say "== regression.diffs"
		cat "$dir/results/regression.diffs"
		cp "$dir/results/regression.diffs" "$top/citus.regression.diffs"
		say "== (kept as $top/citus.regression.diffs)"
		rc=1
	fi
	count_regress "$out"
	for node in coordinator worker1 worker2; do
		if [ -n "$(server_log_problems "$dir/$node/server.log")" ]; then
			say "== the $node's server log shows a crash:"
			server_log_problems "$dir/$node/server.log" | head -n 20
			regress_total=$((regress_total + 1))
			regress_failed=$((regress_failed + 1))
		fi
	done
	[ "$regress_failed" -eq 0 ] || rc=1
	printf 'make test-citus: %d s\n' "$((SECONDS - started))"
	printf '%d passed, %d failed\n' "$((regress_total - regress_failed))" "$regress_failed"
	return $rc
}

cmd_test_citus
