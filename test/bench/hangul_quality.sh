#!/usr/bin/env bash
# test/bench/hangul_quality.sh — search quality of hangul_similarity against
# pg_trgm on 2,432 Korean job titles (test/data/job_titles.sql) with an
# evaluation set of typos, spacing, NFD and 초성 queries
# (test/bench/hangul_quality.sql).  Run by run.sh on the database in
# $PGDATABASE; prints recall@1 and recall@5 for both side by side.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
psql -X -q -v ON_ERROR_STOP=1 -f "$top/test/data/job_titles.sql"
psql -X -q -v ON_ERROR_STOP=1 -P footer=off -f "$top/test/bench/hangul_quality.sql"
