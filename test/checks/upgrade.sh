#!/usr/bin/env bash
# test/checks/upgrade.sh: the upgrade path.
#   1. A fresh install of the default version must hold exactly the objects
#      listed in test/upgrade/jobs_ext--<version>.objects (written by
#      test/upgrade/objects.sql).  Once a version is released its list never
#      changes: a change to the SQL surface goes into a new version with an
#      update script jobs_ext--A--B.sql (see doc/development.md).
#   2. Every older version that has an install script and an update path to
#      the default one is installed, updated with ALTER EXTENSION jobs_ext
#      UPDATE, and must then hold the same objects as a fresh install.
#   3. Stored values: for each released version of test/upgrade/releases,
#      its library is built from the commit it was released from (git
#      archive, PGXS, against this server) and installed in place of the
#      current one; a database created with it stores every value of
#      test/types.tsv, large (compressed and TOASTed) values and every index
#      the types have (test/upgrade/stored_values.sql).  Then the current
#      library goes back, ALTER EXTENSION jobs_ext UPDATE runs in a new
#      connection, and every value must print as the old library printed it
#      and equal its own text form read back, every index must answer as a
#      sequential scan does (and pass amcheck where it applies), and the
#      objects must be those of a fresh install.
# Step 3 writes into the server's library directory: it is skipped, saying
# so, when that is not writable (not root), when this is not a git checkout
# with the release commits, or on a PostgreSQL major the release does not
# build on.  Whatever happens, the current library is put back at the end.
# `bash test/checks/upgrade.sh --accept` rewrites the list of the default
# version from a fresh install (only while that version is unreleased).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
top=$(pwd)
bin=${JOBS_EXT_PGBIN:-$(pg_config --bindir)}
pgc=${JOBS_EXT_PG_CONFIG:-$bin/pg_config}
[ -x "$pgc" ] || pgc=$(command -v pg_config)
# (no JIT: the bitcode installed is the current build's, whatever library runs)
export PGOPTIONS="-c client_min_messages=warning -c jit=off"
work=$(mktemp -d)
chmod 755 "$work"
db=jobs_ext_upgrade
stored_db=jobs_ext_upgrade_stored
libdir=$("$pgc" --pkglibdir)
lib=$libdir/jobs_ext.so
started=$SECONDS
sql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

# put the current library back (atomically: a running backend may have the
# file mapped, so it is replaced by rename, never rewritten in place); the
# saved copy in $work says that it is out
restore_library() {
	if [ -f "$work/current.so" ]; then
		cp -p "$work/current.so" "$libdir/.jobs_ext.so.upgrade.$$"
		mv -f "$libdir/.jobs_ext.so.upgrade.$$" "$lib"
		rm -f "$work/current.so"
	fi
}
cleanup() {
	local rc=$?
	restore_library || { echo "upgrade: could not put $lib back: run make install"; rc=1; }
	"$bin/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "DROP DATABASE IF EXISTS $stored_db" >/dev/null 2>&1 || true
	rm -rf "$work"
	exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

default=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" jobs_ext.control)
list=test/upgrade/jobs_ext--$default.objects

# install_objects FILE [VERSION]: objects of a fresh install (of VERSION,
# updated to the default one when given) into FILE
install_objects() {
	sql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
	if [ -n "${2:-}" ]; then
		sql -d $db -c "CREATE EXTENSION jobs_ext VERSION '$2'" -c "ALTER EXTENSION jobs_ext UPDATE"
	else
		sql -d $db -c "CREATE EXTENSION jobs_ext"
	fi
	[ "$(sql -d $db -At -c "SELECT extversion FROM pg_extension WHERE extname = 'jobs_ext'")" = "$default" ] ||
		{ echo "upgrade: not at version $default after the update"; return 1; }
	sql -d $db -At -f test/upgrade/objects.sql >"$1"
}

install_objects "$work/fresh"
if [ "${1:-}" = --accept ]; then
	cp "$work/fresh" "$list"
	echo "upgrade: wrote $list"
	exit 0
fi
failed=0
if ! diff -u "$list" "$work/fresh"; then
	echo "upgrade: a fresh install of $default differs from $list (+ is the install)."
	echo "upgrade: while $default is unreleased, accept it with: bash test/checks/upgrade.sh --accept"
	failed=1
fi

# every older version with an install script and a path to the default one
olds=$(sql -d $db -At -c "
	SELECT v.version FROM pg_available_extension_versions v
	JOIN pg_extension_update_paths('jobs_ext') p ON p.source = v.version AND p.target = '$default'
	WHERE v.name = 'jobs_ext' AND v.version <> '$default' AND p.path IS NOT NULL
	ORDER BY 1")
updated=0
for old in $olds; do
	install_objects "$work/from-$old" "$old"
	updated=$((updated + 1))
	if ! diff -u "$work/fresh" "$work/from-$old"; then
		echo "upgrade: $old updated to $default differs from a fresh install of $default (+ is the updated one)"
		failed=1
	fi
done
echo "upgrade: fresh install of $default matches $list ($(wc -l <"$work/fresh") lines); $updated older versions updated and compared"

# ---------------------------------------------------------------------------
# 3. values stored by each released library, read by the current one
# ---------------------------------------------------------------------------
types=$(awk -F'\t' '!/^#/ && NF == 2 { print $1 }' test/types.tsv | awk '!seen[$0]++')

# the inode of jobs_ext.so as mapped by a new backend of DB, after a call
# into the library; empty when the backend's memory map cannot be read
loaded_inode() {
	sql -d "$1" -At <<-'EOF' | awk 'NF >= 6 { print $5; exit }'
		SELECT '10'::jobcat \g /dev/null
		SELECT pg_backend_pid() AS pid \gset
		\set maps `grep -s '/jobs_ext.so' /proc/:pid/maps | head -n 1`
		SELECT :'maps';
	EOF
}

# wait until no backend is connected to DB (those that ran the old library)
wait_disconnected() {
	local n i
	for i in $(seq 1 100); do
		n=$(sql -d postgres -At -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$1'")
		[ "$n" = 0 ] && return 0
		sleep 0.1
	done
	echo "upgrade: $n backends still connected to $1 after the library changed"
	return 1
}

# the text form of every stored value, and its binary form's digest
snapshot() {
	local t
	for t in $types; do
		sql -d $stored_db -At -c "SELECT '$t', id, v::text, md5(${t}_send(v)) FROM v_$t ORDER BY id"
	done
	sql -d $stored_db -At -c "SELECT 'hangul', id, t FROM v_hangul ORDER BY id"
}

# rows whose value differs from its own text form read back (by = where the
# type has it, always by the text form)
reparse_failures() {
	local t has_eq cond n total=0
	for t in $types; do
		has_eq=$(sql -d $stored_db -At -c "SELECT EXISTS (SELECT 1 FROM pg_operator WHERE oprname = '=' AND oprleft = '$t'::regtype AND oprright = '$t'::regtype)")
		cond="v::text::$t::text IS DISTINCT FROM v::text"
		[ "$has_eq" = t ] && cond="$cond OR v::text::$t IS DISTINCT FROM v"
		n=$(sql -d $stored_db -At -c "SELECT count(*) FROM v_$t WHERE $cond")
		[ "$n" = 0 ] || echo "upgrade: $n values of $t differ from their text form read back" >&2
		total=$((total + n))
	done
	echo $total
}

# probe INDEX QUERY: QUERY gives the same rows through INDEX (which the plan
# must use) as through a sequential scan
probes=0
probe_rows=0
probe() {
	local index=$1 query=$2 plan
	# (no materialising either: the inner side of a join must search the index)
	local idx="SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off; SET enable_sort = off; SET enable_material = off;"
	local seq="SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off;"
	probes=$((probes + 1))
	plan=$(sql -d $stored_db -At -c "$idx EXPLAIN (COSTS OFF) $query")
	if ! grep -qw "$index" <<<"$plan"; then
		echo "upgrade: the plan does not use $index for: $query"
		echo "$plan"
		return 1
	fi
	sql -d $stored_db -At -c "$idx $query" >"$work/probe.index"
	sql -d $stored_db -At -c "$seq $query" >"$work/probe.seq"
	if ! cmp -s "$work/probe.index" "$work/probe.seq"; then
		echo "upgrade: $index answers differently from a sequential scan: $query"
		diff "$work/probe.seq" "$work/probe.index" | head -n 10 || true
		return 1
	fi
	if [ ! -s "$work/probe.seq" ]; then
		echo "upgrade: no row answers (so the probe proves nothing): $query"
		return 1
	fi
	probe_rows=$((probe_rows + $(wc -l <"$work/probe.seq")))
}

check_indexes() {
	local rel am index bad=0 q
	while IFS='|' read -r rel am index; do
		case $am in
		btree)
			# (the index's order as it is, not re-sorted: equal values print alike)
			probe "$index" "SELECT v::text AS txt FROM $rel WHERE id < 1000 AND v IS NOT NULL ORDER BY v" || bad=1
			probe "$index" "SELECT a.id, b.id FROM $rel a JOIN $rel b ON b.v = a.v WHERE a.id < 1000 AND b.id < 1000 ORDER BY 1, 2" || bad=1
			probe "$index" "SELECT a.id, b.id FROM $rel a JOIN $rel b ON b.v < a.v WHERE a.id < 1000 AND b.id < 1000 ORDER BY 1, 2" || bad=1
			;;
		hash)
			probe "$index" "SELECT a.id, b.id FROM $rel a JOIN $rel b ON b.v = a.v ORDER BY 1, 2" || bad=1
			;;
		gist)
			for q in "b.v && a.v" "b.v @> a.v"; do
				probe "$index" "SELECT a.id, b.id FROM $rel a JOIN $rel b ON $q ORDER BY 1, 2" || bad=1
			done
			probe "$index" "SELECT d, id FROM unnest('{-infinity,4713-11-24 BC,2018-04-05,2019-04-04,2020-01-01,2020-02-29,2021-06-30,5874897-12-31,1995-07-01,2010-10-10}'::date[]) AS d, $rel WHERE v @> d ORDER BY 1, 2" || bad=1
			;;
		gin)
			if [ "$rel" = v_jobprofile ]; then
				# jobprofile_gin_ops (skill search, new in 1.1) over the stored profiles
				for q in "v ? '용접'" "v ?| '{지게차,도장}'" "v ?& '{CO2 용접,TIG 용접}'" "v ?& '{}'" "has_skill(v, '지 게 차')"; do
					probe "$index" "SELECT id FROM $rel WHERE $q ORDER BY 1" || bad=1
				done
			else
				for q in "%% '용접'" "%% '지게차 운전'" "%% '군산'" "^% 'ㅇㅈ'" "^% 'ㅈㄱㅊ'" "^% 'ㄱㅅ'"; do
					probe "$index" "SELECT id FROM $rel WHERE t $q ORDER BY 1" || bad=1
				done
			fi
			;;
		*)
			echo "upgrade: no probe for a $am index ($index)"
			bad=1
			;;
		esac
	done < <(sql -d $stored_db -At -F '|' -c "
		SELECT t.relname, am.amname, c.relname FROM pg_index i
		JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
		JOIN pg_am am ON am.oid = c.relam
		WHERE t.relname LIKE 'v\_%' ORDER BY 1, 3")
	return $bad
}

# amcheck on every btree index: order by the current comparison functions,
# and every heap row present (heapallindexed)
amcheck_btrees() {
	if ! sql -d $stored_db -c "CREATE EXTENSION IF NOT EXISTS amcheck" 2>/dev/null; then
		echo "upgrade: amcheck is not available (postgresql-contrib): btree indexes checked by queries only"
		return 0
	fi
	sql -d $stored_db -At -c "
		SELECT count(bt_index_parent_check(c.oid, true, true)) FROM pg_index i
		JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
		JOIN pg_am am ON am.oid = c.relam
		WHERE t.relname LIKE 'v\_%' AND am.amname = 'btree'"
}

# stored_values VERSION COMMIT: step 3 for one release
stored_values() {
	local ver=$1 commit=$2 src=$work/build-$1 inode n t count compressed toasted indexes new_indexes checked err bad=0
	local proof="the backends' memory maps could not be read"
	if [ ! -w "$libdir" ]; then
		echo "upgrade: SKIPPED the stored values of $ver: $libdir is not writable (run as root, as make test does)"
		return 0
	fi
	if ! err=$(git -C "$top" cat-file -e "$commit^{commit}" 2>&1); then
		echo "upgrade: SKIPPED the stored values of $ver: commit $commit is not in this checkout (a git clone with its history has it): ${err:-not found}" | head -n 2
		return 0
	fi
	if ! git -C "$top" show "$commit:jobs_ext--$ver.sql" | cmp -s - "jobs_ext--$ver.sql"; then
		echo "upgrade: jobs_ext--$ver.sql differs from the one released at $commit: a released script never changes"
		return 1
	fi
	mkdir "$src"
	git -C "$top" archive "$commit" | tar -x -C "$src"
	# old code is built as it was, without today's -Werror (PGXS, no bitcode)
	if ! make -s -C "$src" PG_CONFIG="$pgc" with_llvm=no PG_CFLAGS=-w all >"$work/build.log" 2>&1; then
		if [ "$("$pgc" --version | sed -n 's/^PostgreSQL \([0-9]*\).*/\1/p')" != 15 ]; then
			echo "upgrade: SKIPPED the stored values of $ver: its library does not build on $("$pgc" --version), so no database can hold its values here"
			tail -n 5 "$work/build.log"
			return 0
		fi
		echo "upgrade: the library of $ver (commit $commit) does not build:"
		tail -n 20 "$work/build.log"
		return 1
	fi

	# the released library in place of the current one
	cp -p "$lib" "$work/current.so"
	cp "$src/jobs_ext.so" "$libdir/.jobs_ext.so.upgrade.$$"
	mv -f "$libdir/.jobs_ext.so.upgrade.$$" "$lib"
	sql -d postgres -c "DROP DATABASE IF EXISTS $stored_db" -c "CREATE DATABASE $stored_db"
	sql -d $stored_db -c "CREATE EXTENSION jobs_ext VERSION '$ver'"
	inode=$(loaded_inode $stored_db)
	if [ -n "$inode" ] && [ "$inode" != "$(stat -c %i "$lib")" ]; then
		echo "upgrade: the backend did not load the library of $ver"
		return 1
	fi
	[ -n "$inode" ] && proof="a backend mapped the $ver build (inode $inode)"
	for t in $types; do
		sql -d $stored_db -c "CREATE TABLE v_$t (id int, v $t) WITH (autovacuum_enabled = off)"
		# (COPY text reads backslashes as escapes: double them)
		awk -F'\t' -v t="$t" '!/^#/ && $1 == t { print NR "\t" $2 }' test/types.tsv | sed 's/\\/\\\\/g' |
			sql -d $stored_db -c "COPY v_$t (id, v) FROM STDIN"
		sql -d $stored_db -c "INSERT INTO v_$t (id, v) VALUES (999, NULL)"
	done
	sql -d $stored_db -f test/upgrade/stored_values.sql
	read -r count compressed toasted indexes < <(sql -d $stored_db -At -F ' ' -c "
		SELECT (SELECT count(*) FROM v_hangul) + $(for t in $types; do printf '(SELECT count(*) FROM v_%s) + ' "$t"; done) 0,
			(SELECT count(*) FROM v_hangul WHERE pg_column_compression(t) IS NOT NULL)
			+ $(for t in $types; do printf '(SELECT count(*) FROM v_%s WHERE pg_column_compression(v) IS NOT NULL) + ' "$t"; done) 0,
			(SELECT count(*) FROM pg_class WHERE relname LIKE 'v\_%' AND relkind = 'r' AND pg_relation_size(reltoastrelid) > 0),
			(SELECT count(*) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid WHERE t.relname LIKE 'v\_%')")
	if [ "$compressed" = 0 ] || [ "$toasted" = 0 ]; then
		echo "upgrade: the stored values include no compressed ($compressed) or no out-of-line ($toasted tables) value"
		bad=1
	fi
	snapshot >"$work/stored-$ver.txt"

	# the current library back; no backend that ran the old one is reused
	restore_library
	wait_disconnected $stored_db
	sql -d $stored_db -c "ALTER EXTENSION jobs_ext UPDATE"
	inode=$(loaded_inode $stored_db)
	if [ -n "$inode" ] && [ "$inode" != "$(stat -c %i "$lib")" ]; then
		echo "upgrade: the backend did not load the current library after the update"
		return 1
	fi
	[ -n "$inode" ] && proof="$proof, a new one the current build (inode $inode)"
	[ "$(sql -d $stored_db -At -c "SELECT extversion FROM pg_extension WHERE extname = 'jobs_ext'")" = "$default" ] ||
		{ echo "upgrade: the database of $ver is not at $default after the update"; bad=1; }
	snapshot >"$work/read-$ver.txt"
	if ! cmp -s "$work/stored-$ver.txt" "$work/read-$ver.txt"; then
		echo "upgrade: values stored by $ver read back differently after the update (- as $ver printed them, + as read now):"
		diff "$work/stored-$ver.txt" "$work/read-$ver.txt" | cut -c 1-300 | head -n 20 || true
		bad=1
	fi
	n=$(reparse_failures)
	[ "$n" = 0 ] || bad=1
	# the indexes of operator classes the update added, over the old values
	sql -d $stored_db -f test/upgrade/indexes.sql
	new_indexes=$(sql -d $stored_db -At -c "
		SELECT count(*) - $indexes FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid WHERE t.relname LIKE 'v\_%'")
	check_indexes || bad=1
	checked=$(amcheck_btrees) || bad=1
	sql -d $stored_db -At -f test/upgrade/objects.sql >"$work/stored-objects-$ver"
	if ! diff -u "$work/fresh" "$work/stored-objects-$ver"; then
		echo "upgrade: the database of $ver updated to $default differs from a fresh install of $default (+ is the updated one)"
		bad=1
	fi
	[ "$bad" = 0 ] || return 1
	echo "upgrade: $count values stored by the $ver library (commit ${commit:0:12}; $compressed compressed, out-of-line values in $toasted tables) read back equal after ALTER EXTENSION UPDATE to $default; $indexes indexes (and $new_indexes built after the update) answer as sequential scans ($probes queries, $probe_rows rows), ${checked:-0} btree indexes pass amcheck; objects match a fresh install; $proof"
}

# (each release in a subshell of its own, where set -e holds)
mapfile -t release_lines < <(grep -v '^#' test/upgrade/releases | grep .)
[ ${#release_lines[@]} -gt 0 ] || { echo "upgrade: test/upgrade/releases names no release"; failed=1; }
for line in ${release_lines[@]+"${release_lines[@]}"}; do
	read -r ver commit <<<"$line"
	set +e
	(set -e; stored_values "$ver" "$commit")
	rc=$?
	set -e
	restore_library
	if [ "$rc" != 0 ]; then
		echo "upgrade: the values stored by $ver FAILED (above)"
		failed=1
	fi
done
echo "upgrade: done in $((SECONDS - started)) s"
exit $failed
