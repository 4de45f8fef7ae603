#!/usr/bin/env bash
# test/check_docs.sh — every ```psql example in doc/*.md must appear, query
# and output, verbatim in an expected/*.out file, so the documented output is
# the output a regression suite checks.  Prints one line per failing example
# and "doc examples: N checked, M not found"; exits non-zero if M > 0.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
expected=$(cat expected/*.out)
checked=0
missing=0
for doc in doc/*.md; do
	[ -e "$doc" ] || continue
	rm -f "$work"/ex.*
	awk -v dir="$work" '
		/^```psql[ \t]*$/ { n++; inside = 1; start = NR; next }
		/^```[ \t]*$/ && inside { inside = 0; next }
		inside { print > (dir "/ex." n) ; lines[n] = start }
		END { for (i = 1; i <= n; i++) print lines[i] > (dir "/line." i) }
	' "$doc"
	for ex in "$work"/ex.*; do
		[ -e "$ex" ] || continue
		checked=$((checked + 1))
		block=$(cat "$ex")
		if [[ "$expected" != *"$block"* ]]; then
			missing=$((missing + 1))
			printf 'doc example not found in expected output: %s:%s\n' "$doc" "$(cat "$work/line.${ex##*.}")"
		fi
	done
done
printf 'doc examples: %d checked, %d not found\n' "$checked" "$missing"
[ "$missing" -eq 0 ]
