#!/usr/bin/env bash
# test/harness.sh — the set-up behind `make test`, `make demo` and `make bench`.
#
#   bash test/harness.sh test       install what is missing, build, install, run
#                                   every regression suite on a throw-away cluster
#   bash test/harness.sh demo       same set-up, load the Gunsan sample, print the
#                                   showcase report, leave the cluster running
#   bash test/harness.sh demo-stop  stop and remove the demo cluster
#   bash test/harness.sh bench      same set-up, run test/bench/*.bench
#
# The cluster is created with initdb -E UTF8 --locale-provider=icu
# --icu-locale=ko-KR and listens only on a Unix socket in a temporary directory.
# initdb refuses to run as root, so as root the server runs as the Debian
# 'postgres' user (created by the postgresql-common package).
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"

PG_MAJOR=15
DEBIAN_PACKAGES=(postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR libicu-dev pkg-config)
DEMO_DIR=${JOBS_EXT_DEMO_DIR:-/tmp/jobs_ext_demo}
DEMO_DB=gunsan
LOCK_FILE=/tmp/jobs_ext.install.lock

say() { printf '%s\n' "$*"; }
die() { printf 'harness: %s\n' "$*" >&2; exit 1; }

pg_config_path() {
	if [ -n "${PG_CONFIG:-}" ]; then
		printf '%s\n' "$PG_CONFIG"
	elif [ -x /usr/lib/postgresql/$PG_MAJOR/bin/pg_config ]; then
		printf '%s\n' /usr/lib/postgresql/$PG_MAJOR/bin/pg_config
	else
		printf '%s\n' pg_config
	fi
}

# Install the Debian packages that are missing; skipped when PG_CONFIG points
# at a complete installation of the user's own.
ensure_packages() {
	local pgc missing=() p
	pgc=$(pg_config_path)
	if command -v "$pgc" >/dev/null 2>&1 && [ -f "$("$pgc" --pgxs 2>/dev/null)" ] &&
		pkg-config --exists icu-uc icu-i18n 2>/dev/null &&
		[ -x "$("$pgc" --bindir)/initdb" ]; then
		return 0
	fi
	command -v dpkg-query >/dev/null 2>&1 ||
		die "PostgreSQL $PG_MAJOR server headers or ICU not found and this is not Debian; set PG_CONFIG"
	for p in "${DEBIAN_PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		die "missing Debian packages: ${missing[*]}; run: sudo apt-get install ${missing[*]}"
	fi
	say "== installing Debian packages: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build_and_install() {
	local pgc
	pgc=$(pg_config_path)
	say "== building and installing jobs_ext"
	make -s -C "$top" PG_CONFIG="$pgc" all >/dev/null
	make -s -C "$top" PG_CONFIG="$pgc" install >/dev/null
}

# Run a command as the owner of the cluster.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		(cd / && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

# cluster_start DIR: initdb into DIR/data and start it on a socket in DIR.
cluster_start() {
	local dir=$1 bindir
	bindir=$("$(pg_config_path)" --bindir)
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 || die "as root the cluster runs as user 'postgres', which does not exist"
		chown postgres "$dir"
	fi
	chmod 755 "$dir"
	as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
		--locale=C.UTF-8 --locale-provider=icu --icu-locale=ko-KR --no-sync \
		>"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
	as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s \
		-o "-c listen_addresses='' -k $dir -c fsync=off -c synchronous_commit=off -c max_parallel_workers_per_gather=2" \
		start || { cat "$dir/server.log" >&2; die "the server did not start"; }
	export PGHOST=$dir PGPORT=5432 PGUSER=postgres
}

cluster_stop() {
	local dir=$1 bindir
	bindir=$("$(pg_config_path)" --bindir)
	[ -f "$dir/data/postmaster.pid" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" -s -m fast stop || true
}

# pg_regress prints "All N tests passed." or "M of N tests failed."; set
# regress_total and regress_failed from that.
count_regress() {
	local out=$1 line
	if line=$(grep -Eo 'All [0-9]+ tests passed' "$out" | tail -n 1) && [ -n "$line" ]; then
		regress_total=$(grep -Eo '[0-9]+' <<<"$line")
		regress_failed=0
	elif line=$(grep -Eo '[0-9]+ of [0-9]+ tests (failed|passed)' "$out" | tail -n 1) && [ -n "$line" ]; then
		read -r regress_failed regress_total < <(awk '{print $1, $3}' <<<"$line")
		case $line in *passed) regress_failed=$((regress_total - regress_failed)) ;; esac
	else
		# pg_regress stopped before its summary: count it as one failure
		regress_total=1
		regress_failed=1
	fi
}

cmd_test() {
	local dir out rc=0
	ensure_packages
	exec 9>"$LOCK_FILE"
	flock 9
	build_and_install
	dir=$(mktemp -d /tmp/jobs_ext_test.XXXXXX)
	trap 'cluster_stop "'"$dir"'"; rm -rf "'"$dir"'"' EXIT
	cluster_start "$dir"
	say "== running the regression suites on an ICU ko-KR cluster"
	out="$dir/regress.out"
	rm -f regression.diffs regression.out
	make -C "$top" PG_CONFIG="$(pg_config_path)" installcheck 2>&1 | tee "$out" || rc=$?
	if [ -s regression.diffs ]; then
		say "== regression.diffs"
		cat regression.diffs
		rc=1
	fi
	count_regress "$out"
	# the documentation's examples count as one more test
	say "== checking the examples in doc/ against the expected output"
	regress_total=$((regress_total + 1))
	bash test/check_docs.sh || regress_failed=$((regress_failed + 1))
	[ "$regress_failed" -eq 0 ] || rc=1
	printf '%d passed, %d failed\n' "$((regress_total - regress_failed))" "$regress_failed"
	return $rc
}

cmd_demo() {
	ensure_packages
	exec 9>"$LOCK_FILE"
	flock 9
	build_and_install
	if [ -d "$DEMO_DIR" ]; then
		cluster_stop "$DEMO_DIR"
		rm -rf "$DEMO_DIR"
	fi
	mkdir -p "$DEMO_DIR"
	cluster_start "$DEMO_DIR"
	say "== loading the Gunsan 2020 sample"
	psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $DEMO_DB"
	psql -X -q -v ON_ERROR_STOP=1 -d "$DEMO_DB" -c "CREATE EXTENSION jobs_ext"
	# the base sample first, then what each part of the extension adds to it
	for f in test/data/gunsan2020.sql test/data/gunsan2020_*.sql; do
		[ -e "$f" ] && psql -X -q -v ON_ERROR_STOP=1 -d "$DEMO_DB" -f "$f"
	done
	for f in test/demo.sql test/demo_*.sql; do
		[ -e "$f" ] && psql -X -q -v ON_ERROR_STOP=1 -d "$DEMO_DB" -f "$f"
	done
	flock -u 9
	cat <<EOF

The demo cluster is running (ICU ko-KR, Unix socket only). Open it with:
    psql -h $DEMO_DIR -U postgres $DEMO_DB
Stop and remove it with:
    make demo-stop
EOF
}

cmd_demo_stop() {
	if [ -d "$DEMO_DIR" ]; then
		cluster_stop "$DEMO_DIR"
		rm -rf "$DEMO_DIR"
		say "demo cluster in $DEMO_DIR stopped and removed"
	else
		say "no demo cluster in $DEMO_DIR"
	fi
}

# Extensions the benchmarks compare against (hll, for people() in
# catstats.bench); installed when missing, as the server packages are.
BENCH_PACKAGES=(postgresql-$PG_MAJOR-hll)

ensure_bench_packages() {
	local missing=() p
	command -v dpkg-query >/dev/null 2>&1 || return 0
	for p in "${BENCH_PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		say "== ${missing[*]} not installed: the benchmarks against it will fail (sudo apt-get install ${missing[*]})"
		return 0
	fi
	say "== installing benchmark baselines: ${missing[*]}"
	DEBIAN_FRONTEND=noninteractive apt-get update -qq || true
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
		say "== could not install ${missing[*]}; the benchmarks against it will fail"
}

cmd_bench() {
	local dir
	ensure_packages
	ensure_bench_packages
	exec 9>"$LOCK_FILE"
	flock 9
	build_and_install
	dir=$(mktemp -d /tmp/jobs_ext_bench.XXXXXX)
	trap 'cluster_stop "'"$dir"'"; rm -rf "'"$dir"'"' EXIT
	cluster_start "$dir"
	# the lock stays held: a benchmark must not see another checkout's library
	psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE bench"
	psql -X -q -v ON_ERROR_STOP=1 -d bench -c "CREATE EXTENSION jobs_ext"
	PGDATABASE=bench bash test/bench/run.sh "${BENCH_ONLY:-}"
}

case ${1:-} in
test) cmd_test ;;
demo) cmd_demo ;;
demo-stop) cmd_demo_stop ;;
bench) cmd_bench ;;
*) die "usage: harness.sh test|demo|demo-stop|bench" ;;
esac
