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
# `bash test/checks/upgrade.sh --accept` rewrites the list of the default
# version from a fresh install (only while that version is unreleased).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bin=${JOBS_EXT_PGBIN:-$(pg_config --bindir)}
export PGOPTIONS="-c client_min_messages=warning"
work=$(mktemp -d)
db=jobs_ext_upgrade
trap '"$bin/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" || true; rm -rf "$work"' EXIT
sql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

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
exit $failed
