#!/usr/bin/env bash
# test/checks/dump_restore.sh: nothing a user stores is lost.  Fills one table
# per type of test/types.tsv (every sample value, edge values included, and a
# NULL, with every index the type has), then
#   - pg_dump in plain format restored with psql, and in custom format
#     restored with pg_restore, each into a new database;
#   - the same plain dump taken with jobs_ext.jobcat_output = ko, so the
#     labels, not the codes, are in the dump;
#   - COPY TO and FROM in text and in binary format;
# and checks that every row reads back equal, by = and by its text form.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bin=${JOBS_EXT_PGBIN:-$(pg_config --bindir)}
work=$(mktemp -d)
chmod 755 "$work"
src=jobs_ext_dump
restored=()
cleanup() {
	local db
	for db in "$src" "${restored[@]}"; do
		"$bin/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" 2>/dev/null || true
	done
	rm -rf "$work"
}
trap cleanup EXIT
export PGOPTIONS="-c client_min_messages=warning"
sql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

types=$(awk -F'\t' '!/^#/ && NF == 2 { print $1 }' test/types.tsv | awk '!seen[$0]++')
sql -d postgres -c "DROP DATABASE IF EXISTS $src" -c "CREATE DATABASE $src"
sql -d $src -c "CREATE EXTENSION jobs_ext"
for t in $types; do
	sql -d $src -c "CREATE TABLE t_$t (id serial PRIMARY KEY, v $t)"
	# (COPY text reads backslashes as escapes: double them)
	awk -F'\t' -v t="$t" '!/^#/ && $1 == t { print $2 }' test/types.tsv | sed 's/\\/\\\\/g' |
		sql -d $src -c "COPY t_$t (v) FROM STDIN"
	sql -d $src -c "INSERT INTO t_$t (v) VALUES (NULL)"
	# every index the type has (each access method's default operator class,
	# and by name the others, such as eligwin_exact_ops), so the dump
	# recreates them too
	for idx in $(sql -d $src -At -c "SELECT DISTINCT am.amname || CASE WHEN o.opcdefault THEN '' ELSE ':' || o.opcname END FROM pg_opclass o JOIN pg_am am ON am.oid = o.opcmethod WHERE o.opcintype = '$t'::regtype ORDER BY 1"); do
		opc=""
		case $idx in *:*) opc=${idx#*:} ;; esac
		sql -d $src -c "CREATE INDEX ON t_$t USING ${idx%%:*} (v $opc)"
	done
done

# differ T A B: SQL true when A and B of type T differ, by = where T has
# one (a state type may not) and by their text forms
differ() {
	local has_eq
	has_eq=$(sql -d $src -At -c "SELECT EXISTS (SELECT 1 FROM pg_operator WHERE oprname = '=' AND oprleft = '$1'::regtype AND oprright = '$1'::regtype)")
	if [ "$has_eq" = t ]; then
		echo "($2 IS DISTINCT FROM $3 OR $2::text IS DISTINCT FROM $3::text)"
	else
		echo "($2::text IS DISTINCT FROM $3::text)"
	fi
}

# rows of every table as text, to compare databases
snapshot() {
	local db=$1 t
	for t in $types; do
		sql -d "$db" -At -c "SELECT '$t', id, v::text FROM t_$t ORDER BY id"
	done
}
# and compared by =, which text alone could hide (two values printing alike)
compare_eq() {
	local db=$1 t bad=0 n
	for t in $types; do
		n=$(sql -d "$db" -At -c "SELECT count(*) FROM t_$t a FULL JOIN (SELECT id, v::text::$t AS v FROM t_$t) b USING (id) WHERE $(differ $t a.v b.v)")
		[ "$n" = 0 ] || { echo "dump_restore: $db.t_$t: $n rows differ after a text round trip"; bad=1; }
	done
	return $bad
}
snapshot $src >"$work/source.txt"
failed=0
check_db() {
	local db=$1 what=$2
	snapshot "$db" >"$work/$db.txt"
	if ! diff -u "$work/source.txt" "$work/$db.txt"; then
		echo "dump_restore: $what does not restore every row"
		failed=1
	fi
	compare_eq "$db" || failed=1
	# the indexes came back, and are valid
	if [ "$(sql -d "$db" -At -c "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relname LIKE 't\_%' AND NOT i.indisvalid")" != 0 ]; then
		echo "dump_restore: $what left invalid indexes"
		failed=1
	fi
}

restore_plain() {
	local db=$1 file=$2
	restored+=("$db")
	sql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
	sql -d "$db" -f "$file" >/dev/null
}
"$bin/pg_dump" -Fp -d $src -f "$work/plain.sql"
restore_plain jobs_ext_dump_plain "$work/plain.sql"
check_db jobs_ext_dump_plain "pg_dump -Fp | psql"

"$bin/pg_dump" -Fc -d $src -f "$work/custom.dump"
restored+=(jobs_ext_dump_custom)
sql -d postgres -c "DROP DATABASE IF EXISTS jobs_ext_dump_custom" -c "CREATE DATABASE jobs_ext_dump_custom"
"$bin/pg_restore" --exit-on-error -d jobs_ext_dump_custom "$work/custom.dump"
check_db jobs_ext_dump_custom "pg_dump -Fc | pg_restore"

PGOPTIONS="$PGOPTIONS -c jobs_ext.jobcat_output=ko" "$bin/pg_dump" -Fp -d $src -f "$work/ko.sql"
grep -q '직접일자리' "$work/ko.sql" || { echo "dump_restore: the ko dump holds no Korean label"; failed=1; }
restore_plain jobs_ext_dump_ko "$work/ko.sql"
check_db jobs_ext_dump_ko "pg_dump with jobcat_output = ko"

# COPY text and binary, out of one table and into a copy of it
for t in $types; do
	for fmt in text binary; do
		sql -d $src -c "CREATE TABLE copy_$t (LIKE t_$t)"
		sql -d $src -c "COPY t_$t TO STDOUT (FORMAT $fmt)" >"$work/copy"
		sql -d $src -c "COPY copy_$t FROM STDIN (FORMAT $fmt)" <"$work/copy"
		n=$(sql -d $src -At -c "SELECT count(*) FROM t_$t a FULL JOIN copy_$t b USING (id) WHERE $(differ $t a.v b.v)")
		[ "$n" = 0 ] || { echo "dump_restore: COPY $fmt of $t: $n rows differ"; failed=1; }
		sql -d $src -c "DROP TABLE copy_$t"
	done
done
rows=$(wc -l <"$work/source.txt")
echo "dump_restore: $rows rows of $(wc -w <<<"$types") types through pg_dump -Fp, -Fc, -Fp with Korean labels, COPY text and binary"
exit $failed
