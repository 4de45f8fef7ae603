#!/usr/bin/env bash
# test/checks/clients.sh: every type read and written by real client drivers,
# in the text and the binary protocol: psycopg2 (test/clients/psycopg2_roundtrip.py)
# over the Unix socket, and JDBC (test/clients/TypesRoundTrip.java) over TCP on
# 127.0.0.1:$PGTCPPORT, as BI tools connect.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bin=${JOBS_EXT_PGBIN:-$(pg_config --bindir)}
export PGOPTIONS="-c client_min_messages=warning"
db=jobs_ext_clients
work=$(mktemp -d)
trap '"$bin/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" || true; rm -rf "$work"' EXIT
"$bin/psql" -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
"$bin/psql" -X -q -v ON_ERROR_STOP=1 -d $db -c "CREATE EXTENSION jobs_ext"
rc=0
"${PYTHON:-/usr/bin/python3}" test/clients/psycopg2_roundtrip.py $db || rc=1
jar=/usr/share/java/postgresql.jar
if [ -z "${PGTCPPORT:-}" ]; then
	echo "clients: JDBC needs the server on TCP (PGTCPPORT unset)"
	exit 1
fi
# -XX:-UsePerfData: no /tmp/hsperfdata_$USER left behind
javac -J-XX:-UsePerfData -nowarn -cp "$jar" -d "$work" test/clients/TypesRoundTrip.java
java -XX:-UsePerfData -cp "$jar:$work" TypesRoundTrip "jdbc:postgresql://127.0.0.1:$PGTCPPORT/$db?user=${PGUSER:-postgres}" test/types.tsv || rc=1
exit $rc
