#!/usr/bin/env bash
# test/checks/python_operators.sh: the Korean search operators from Python
# with query parameters (test/clients/psycopg2_hangul_ops.py): psycopg2's
# pyformat turns %% into %, so the function forms hangul_similar,
# hangul_word_similar and choseong_match must give the operators' rows
# through the gin_hangul_ops index (doc/hangul.md, "From Python").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bin=${JOBS_EXT_PGBIN:-$(pg_config --bindir)}
export PGOPTIONS="-c client_min_messages=warning"
db=jobs_ext_python_ops
trap '"$bin/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" || true' EXIT
"$bin/psql" -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
"$bin/psql" -X -q -v ON_ERROR_STOP=1 -d $db -c "CREATE EXTENSION jobs_ext"
"${PYTHON:-/usr/bin/python3}" test/clients/psycopg2_hangul_ops.py $db
