#!/usr/bin/env bash
# test/harness.sh — the set-up behind `make test`, `make demo` and `make bench`.
#
#   bash test/harness.sh test       install what is missing, build, install, run
#                                   every regression suite on a throw-away cluster
#   bash test/harness.sh demo       same set-up, load the Gunsan sample, print the
#                                   showcase report, leave the cluster running
#   bash test/harness.sh demo-stop  stop and remove the demo cluster
#   bash test/harness.sh bench      same set-up, run test/bench/*.bench
#   bash test/harness.sh bench-scale  same set-up, run test/bench/scale/scale.sh (100M rows)
#   bash test/harness.sh fuzz       same set-up, the long fuzz run (test/fuzz/fuzz.py)
#   bash test/harness.sh sanitize   the regression suites and test/checks/ against
#                                   the extension built with ASan and UBSan
#   bash test/harness.sh packages   only install the Debian packages that
#                                   make test needs (test/matrix.sh, in its roots)
# (a valgrind run of the suites is described in doc/development.md)
#
# The cluster is created with initdb -E UTF8 --locale-provider=icu
# --icu-locale=ko-KR and listens on a Unix socket in a temporary directory
# (for make test and make sanitize also on 127.0.0.1 at a free port, for JDBC).
# initdb refuses to run as root, so as root the server runs as the Debian
# 'postgres' user (created by the postgresql-common package).
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"

# The PostgreSQL major version: PG_MAJOR when given (test/matrix.sh passes it
# into its Debian roots), else 15 where this system has or offers it, else
# the newest one installed, else the one Debian's 'postgresql' package names.
default_pg_major() {
	local v="" d
	if [ -x /usr/lib/postgresql/15/bin/pg_config ]; then
		echo 15
		return
	fi
	for d in /usr/lib/postgresql/*/bin/pg_config; do
		[ -x "$d" ] || continue
		d=${d#/usr/lib/postgresql/}
		d=${d%%/*}
		if [ -z "$v" ] || [ "$d" -gt "$v" ]; then v=$d; fi
	done
	if [ -z "$v" ] && command -v apt-cache >/dev/null 2>&1; then
		if apt-cache show postgresql-15 >/dev/null 2>&1; then
			v=15
		else
			v=$(apt-cache show --no-all-versions postgresql 2>/dev/null |
				sed -n 's/^Depends:.*postgresql-\([0-9][0-9]*\).*/\1/p' | head -n 1)
		fi
	fi
	echo "${v:-15}"
}
PG_MAJOR=${PG_MAJOR:-$(default_pg_major)}
case $PG_MAJOR in
'' | *[!0-9]*) printf 'harness: PG_MAJOR must be a number, not %s\n' "$PG_MAJOR" >&2; exit 1 ;;
esac
DEBIAN_PACKAGES=(postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR libicu-dev pkg-config)
# what the checks in test/checks/ need on top: the fuzzer and the client drivers
CHECK_PACKAGES=(python3-psycopg2 sqlsmith libpostgresql-jdbc-java default-jdk-headless)
FUZZ_PACKAGES=(python3-psycopg2 sqlsmith)
# gcc's sanitizer runtimes (build-essential's gcc pulls them in, named for clarity)
SANITIZE_PACKAGES=(python3-psycopg2 sqlsmith libasan8 libubsan1)
# the Debian python, which has python3-psycopg2 whatever python3 is first in PATH
PYTHON=/usr/bin/python3
DEMO_DIR=${JOBS_EXT_DEMO_DIR:-/tmp/jobs_ext_demo}
DEMO_DB=gunsan
# serialises installs into the shared PostgreSQL; a private PG_CONFIG may name its own
LOCK_FILE=${JOBS_EXT_LOCK:-/tmp/jobs_ext.install.lock}

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

# build_complete PG_CONFIG: true when everything the build and the tests take
# is there: PGXS, the server headers (postgres.h, which Debian ships apart
# from pgxs.mk, in postgresql-server-dev-N), ICU's pkg-config files and
# headers, a C compiler and initdb.
build_complete() {
	local pgc=$1 icu_inc
	command -v "$pgc" >/dev/null 2>&1 || return 1
	[ -f "$("$pgc" --pgxs 2>/dev/null)" ] || return 1
	[ -f "$("$pgc" --includedir-server 2>/dev/null)/postgres.h" ] || return 1
	[ -x "$("$pgc" --bindir 2>/dev/null)/initdb" ] || return 1
	command -v pkg-config >/dev/null 2>&1 || return 1
	pkg-config --exists icu-uc icu-i18n 2>/dev/null || return 1
	icu_inc=$(pkg-config --variable=includedir icu-uc 2>/dev/null)
	[ -f "${icu_inc:-/usr/include}/unicode/uchar.h" ] || return 1
	command -v "${CC:-gcc}" >/dev/null 2>&1 || return 1
}

# ensure_packages [PACKAGE...]: install the Debian packages that are missing,
# the build's own and the extra ones named.  The build's are skipped when
# PG_CONFIG points at a complete installation of the user's own.
ensure_packages() {
	local pgc missing=() p wanted=("$@")
	pgc=$(pg_config_path)
	if ! build_complete "$pgc"; then
		command -v dpkg-query >/dev/null 2>&1 ||
			die "PostgreSQL $PG_MAJOR server headers or ICU not found and this is not Debian; set PG_CONFIG"
		wanted+=("${DEBIAN_PACKAGES[@]}")
	fi
	[ ${#wanted[@]} -eq 0 ] && return 0
	command -v dpkg-query >/dev/null 2>&1 || die "not Debian: install ${wanted[*]} by hand"
	for p in "${wanted[@]}"; do
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
# CLUSTER_ENV (NAME=VALUE words) is the server's extra environment; with
# CLUSTER_TCP=1 it also listens on 127.0.0.1 at a free port (for JDBC), which
# is exported as PGTCPPORT.  The server must not inherit the install lock
# (fd 9), or it holds it for as long as it runs.
CLUSTER_ENV=()
CLUSTER_TCP=${CLUSTER_TCP:-0}
# CLUSTER_OPTS: more "-c name=value" server options (test/citus.sh preloads Citus)
CLUSTER_OPTS=${CLUSTER_OPTS:-}
cluster_start() {
	local dir=$1 bindir listen="''" port=5432 try
	bindir=$("$(pg_config_path)" --bindir)
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 || die "as root the cluster runs as user 'postgres', which does not exist"
		chown postgres "$dir"
	fi
	chmod 755 "$dir"
	as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
		--locale=C.UTF-8 --locale-provider=icu --icu-locale=ko-KR --no-sync \
		>"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
	for try in 1 2 3 4 5 6; do
		if [ "$CLUSTER_TCP" = 1 ]; then
			listen=127.0.0.1
			port=$((20000 + RANDOM % 30000))
		fi
		if as_owner env ${CLUSTER_ENV[@]+"${CLUSTER_ENV[@]}"} "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s \
			-o "-c listen_addresses=$listen -p $port -k $dir -c fsync=off -c synchronous_commit=off -c max_parallel_workers_per_gather=2 $CLUSTER_OPTS" \
			start 9>&-; then
			export PGHOST=$dir PGPORT=$port PGUSER=postgres
			[ "$CLUSTER_TCP" = 1 ] && export PGTCPPORT=$port
			export JOBS_EXT_SERVER_LOG=$dir/server.log
			return 0
		fi
		# another server may have taken the port: try another
		[ "$CLUSTER_TCP" = 1 ] && grep -q 'could not bind\|could not create listen' "$dir/server.log" && continue
		break
	done
	cat "$dir/server.log" >&2
	die "the server did not start"
}

# server_log_problems FILE: the lines of a server log that tell of a crash or
# a sanitizer report; nothing when there are none.
server_log_problems() {
	grep -aE -A1 'terminated by signal|TRAP:|terminated by exception|PANIC:|AddressSanitizer|runtime error:|server process .* exited with exit code' "$1" || true
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
	local dir out rc=0 started waited
	started=$SECONDS
	ensure_packages "${CHECK_PACKAGES[@]}"
	CLUSTER_TCP=1
	exec 9>"$LOCK_FILE"
	waited=$SECONDS
	flock 9
	waited=$((SECONDS - waited))
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
	run_checks
	[ "$regress_failed" -eq 0 ] || rc=1
	# the wall time (the count stays the last line: CI reads it)
	if [ "$waited" -gt 0 ]; then
		printf 'make test: %d s (%d s of it waiting for the install lock)\n' "$((SECONDS - started))" "$waited"
	else
		printf 'make test: %d s\n' "$((SECONDS - started))"
	fi
	printf '%d passed, %d failed\n' "$((regress_total - regress_failed))" "$regress_failed"
	return $rc
}

# run_checks: every test/checks/*.sh counts as one more test.  Each runs
# against the cluster of PGHOST/PGPORT as the superuser, under the install
# lock (upgrade.sh swaps the installed library for a released one and back);
# JOBS_EXT_QUICK=1 asks for the short version (the fuzz check runs about a
# minute).
run_checks() {
	local check name
	for check in test/checks/*.sh; do
		[ -e "$check" ] || continue
		name=$(basename "$check" .sh)
		say "== check $name"
		regress_total=$((regress_total + 1))
		if ! JOBS_EXT_QUICK=${JOBS_EXT_QUICK:-1} PYTHON=$PYTHON \
			JOBS_EXT_PGBIN="$("$(pg_config_path)" --bindir)" JOBS_EXT_PG_CONFIG="$(pg_config_path)" \
			bash "$check"; then
			say "check $name FAILED"
			regress_failed=$((regress_failed + 1))
		fi
	done
	if [ -n "$(server_log_problems "$JOBS_EXT_SERVER_LOG")" ]; then
		say "== the server log shows a crash or a sanitizer report:"
		server_log_problems "$JOBS_EXT_SERVER_LOG" | head -n 20
		regress_total=$((regress_total + 1))
		regress_failed=$((regress_failed + 1))
	fi
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
	if [ "${1:-}" = scale ]; then
		PGDATABASE=bench bash test/bench/scale/scale.sh
	else
		PGDATABASE=bench bash test/bench/run.sh "${BENCH_ONLY:-}"
	fi
}

# make fuzz: the long run of test/fuzz/fuzz.py (FUZZ_SEED, FUZZ_QUERIES change it)
cmd_fuzz() {
	local dir rc=0
	ensure_packages "${FUZZ_PACKAGES[@]}"
	exec 9>"$LOCK_FILE"
	flock 9
	build_and_install
	dir=$(mktemp -d /tmp/jobs_ext_fuzz.XXXXXX)
	trap 'cluster_stop "'"$dir"'"; rm -rf "'"$dir"'"' EXIT
	cluster_start "$dir"
	say "== fuzzing every type's input and running sqlsmith"
	"$PYTHON" test/fuzz/fuzz.py ${FUZZ_SEED:+--seed "$FUZZ_SEED"} \
		${FUZZ_QUERIES:+--smith-queries "$FUZZ_QUERIES"} || rc=1
	if [ -n "$(server_log_problems "$dir/server.log")" ]; then
		server_log_problems "$dir/server.log" | head -n 20
		rc=1
	fi
	printf '%d passed, %d failed\n' "$((1 - rc))" "$rc"
	return $rc
}

# make sanitize: a copy of the tree built with AddressSanitizer and
# UndefinedBehaviorSanitizer (gcc), installed and loaded into the stock
# server; the regression suites and the short fuzz run against it, and any
# sanitizer report (written to DIR/san.*) or crash fails.  The ASan runtime
# comes in with the extension (DT_NEEDED libasan.so.8) rather than through
# LD_PRELOAD, which deadlocks Debian 12's postgres in glibc's locale locks
# before main (doc/development.md); test/sanitize/sanitizer_options.c sets the
# options, which a backend cannot read from its environment.  The normal
# build is installed again at the end.
cmd_sanitize() {
	local dir pgc out rc=0 reports
	ensure_packages "${SANITIZE_PACKAGES[@]}"
	pgc=$(pg_config_path)
	CLUSTER_TCP=1
	exec 9>"$LOCK_FILE"
	flock 9
	dir=$(mktemp -d /tmp/jobs_ext_sanitize.XXXXXX)
	trap 'cluster_stop "'"$dir"'"; rm -rf "'"$dir"'"; say "== installing the normal build again"; build_and_install' EXIT
	say "== building jobs_ext with -fsanitize=address,undefined"
	mkdir "$dir/tree"
	cp -a Makefile jobs_ext.control jobs_ext--*.sql src sql expected test "$dir/tree/"
	[ -d doc ] && cp -a doc "$dir/tree/"
	cp test/sanitize/sanitizer_options.c "$dir/tree/src/"
	make -s -C "$dir/tree" PG_CONFIG="$pgc" \
		COPT="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize=alignment -DJOBS_EXT_SAN_LOG='\"$dir/san\"'" \
		all install >/dev/null
	# ASan must hear of every siglongjmp (an ERROR), or it reports false
	# overflows in frames the jump abandoned: test/sanitize/longjmp_shim.c
	"${CC:-gcc}" -shared -fPIC -O2 -Wall -Werror -o "$dir/longjmp_shim.so" test/sanitize/longjmp_shim.c -ldl
	CLUSTER_ENV=("LD_PRELOAD=$dir/longjmp_shim.so")
	cluster_start "$dir"
	say "== running the regression suites against the sanitized build"
	out="$dir/regress.out"
	rm -f "$dir/tree/regression.diffs"
	make -C "$dir/tree" PG_CONFIG="$pgc" installcheck 2>&1 | tee "$out" || rc=1
	if [ -s "$dir/tree/regression.diffs" ]; then
		cat "$dir/tree/regression.diffs"
		# the copied tree goes at the end: keep the differences where make test does
		cp "$dir/tree/regression.diffs" regression.diffs
		say "== (the sanitized tree is removed at the end; its regression.diffs is kept as $top/regression.diffs)"
		rc=1
	fi
	count_regress "$out"
	say "== the checks of test/checks (the short fuzz among them) against the sanitized build"
	run_checks
	regress_total=$((regress_total + 1))
	reports=$(cat "$dir"/san.* "$dir/server.log" 2>/dev/null | grep -c 'ERROR: AddressSanitizer\|runtime error:' || true)
	if [ "$reports" -ne 0 ] || [ -n "$(server_log_problems "$dir/server.log")" ]; then
		say "== sanitizer reports or crashes:"
		cat "$dir"/san.* 2>/dev/null | head -n 80
		server_log_problems "$dir/server.log" | head -n 20
		regress_failed=$((regress_failed + 1))
	fi
	# the canary proves that reports reach the files read above
	say "== sanitizer self-check: a deliberate shift too far and stack overflow"
	regress_total=$((regress_total + 1))
	psql -X -q -d postgres -c "CREATE FUNCTION pg_temp.canary(int, int) RETURNS int
		AS '$("$pgc" --pkglibdir)/jobs_ext', 'jobs_ext_sanitizer_canary' LANGUAGE C STRICT" \
		-c "SELECT pg_temp.canary(0, 40)" -c "SELECT pg_temp.canary(8, 0)" >/dev/null 2>&1 || true
	# (ASan writes to its file as the process dies; UBSan, recovering,
	# may write to the server's stderr, the server log)
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		grep -qs 'ERROR: AddressSanitizer' "$dir"/san.* && break
		sleep 1
	done
	if grep -qs 'ERROR: AddressSanitizer: stack-buffer-overflow' "$dir"/san.* &&
		grep -qs 'runtime error: shift exponent' "$dir"/san.* "$dir/server.log"; then
		say "the canary's two errors were reported"
	else
		say "the canary's errors were NOT reported: the sanitizers are not working"
		ls -la "$dir"; head -n 5 "$dir"/san.* || true
		regress_failed=$((regress_failed + 1))
	fi
	say "sanitize: $regress_total checks, $reports sanitizer reports (before the canary)"
	[ "$regress_failed" -eq 0 ] || rc=1
	printf '%d passed, %d failed\n' "$((regress_total - regress_failed))" "$regress_failed"
	return $rc
}

# test/citus.sh sources this file for its functions and runs no command
[ "${JOBS_EXT_HARNESS_LIB:-0}" = 1 ] && return 0

case ${1:-} in
test) cmd_test ;;
demo) cmd_demo ;;
demo-stop) cmd_demo_stop ;;
bench) cmd_bench ;;
bench-scale) cmd_bench scale ;;
fuzz) cmd_fuzz ;;
sanitize) cmd_sanitize ;;
packages) ensure_packages "${CHECK_PACKAGES[@]}" ;;
*) die "usage: harness.sh test|demo|demo-stop|bench|bench-scale|fuzz|sanitize|packages" ;;
esac
