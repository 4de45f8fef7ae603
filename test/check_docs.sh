#!/usr/bin/env bash
# test/check_docs.sh — every ```psql example in doc/*.md must show a query and
# its whole output exactly as a regression suite's expected/*.out file does,
# so the documented output is output a suite checks.
#
# An example matches when its lines (trailing blank lines aside) are a run of
# whole lines of one expected file that
#   - starts where a statement starts (the first line of a query that the
#     suite's sql/*.sql file runs, not the middle of one or its output), and
#   - ends where that statement's output ends: what follows in the expected
#     file, up to the next line of the suite's input, is blank.
# So an example cannot stop after its query, its column headers or some of its
# rows, and cannot start in the middle of a query.  The input lines are found
# by walking sql/NAME.sql through expected/NAME.out and expected/NAME_N.out
# (pg_regress echoes every input line, in order, with each statement's output
# after its last line).
#
# Prints one line per failing example and "doc examples: N checked, M failed";
# exits non-zero if M > 0.  Only awk (any POSIX awk) is needed.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"

pairs=()
for out in expected/*.out; do
	[ -e "$out" ] || continue
	name=$(basename "$out" .out)
	sql=sql/$name.sql
	[ -e "$sql" ] || sql=sql/${name%_[0-9]*}.sql
	[ -e "$sql" ] || { printf 'check_docs: no sql file for %s\n' "$out" >&2; exit 1; }
	pairs+=("$out" "$sql")
done
docs=(doc/*.md)
[ -e "${docs[0]}" ] || docs=()

awk -v npairs=$((${#pairs[@]} / 2)) '
# ends_statement(line): does this input line (not inside a dollar quote)
# complete a statement?  It ends in ";" (a trailing "--" comment aside) or in
# a \g-style command.
function ends_statement(line) {
	sub(/[ \t]+--[^'\'']*$/, "", line)
	sub(/[ \t]+$/, "", line)
	return line ~ /;$/ || line ~ /\\g[a-z]*([ \t].*)?$/
}
# the number of $$ or $tag$ quotes on a line: an odd number opens or closes one
function dollar_tokens(line) {
	return gsub(/\$[A-Za-z_]*\$/, "", line)
}
function blank(line) { return line ~ /^[ \t]*$/ }

# load(out, sql, f): the lines of expected file f, which of them echo an input
# line, which start a statement and which complete one
function load(out, sql, f,   nsql, s, line, q, p, pp, inside, dq, quiet, r) {
	nsql = 0
	while ((r = (getline line < sql)) > 0)
		s[++nsql] = line
	if (r < 0) { printf "check_docs: cannot read %s\n", sql > "/dev/stderr"; exit 2 }
	close(sql)
	nout[f] = 0
	while ((r = (getline line < out)) > 0)
		E[f, ++nout[f]] = line
	if (r < 0) { printf "check_docs: cannot read %s\n", out > "/dev/stderr"; exit 2 }
	close(out)
	fname[f] = out
	# what each input line is
	inside = 0; dq = 0; quiet = 0
	for (q = 1; q <= nsql; q++) {
		line = s[q]
		sstart[q] = 0; sdone[q] = 0
		# psql does not echo an empty line outside a quote, nor anything
		# between \set ECHO none and \set ECHO all
		sskip[q] = (line == "" && !dq) || quiet
		if (line ~ /^\\set ECHO none[ \t]*$/)
			quiet = 1
		else if (line ~ /^\\set ECHO all[ \t]*$/)
			quiet = 0
		if (!inside && !dq) {
			if (blank(line) || line ~ /^[ \t]*--/ || line ~ /^[ \t]*\\/) {
				sdone[q] = 1
				continue
			}
			sstart[q] = 1
		}
		inside = 1
		if (dollar_tokens(line) % 2)
			dq = !dq
		if (!dq && ends_statement(line)) {
			inside = 0
			sdone[q] = 1
		}
	}
	# walk the input through the expected file; an input line that is not
	# there (after a \quit, in a skip variant) is passed over
	p = 1
	for (q = 1; q <= nsql; q++) {
		if (sskip[q])
			continue
		for (pp = p; pp <= nout[f]; pp++)
			if (E[f, pp] == s[q])
				break
		if (pp > nout[f])
			continue
		echo[f, pp] = 1
		start[f, pp] = sstart[q]
		done[f, pp] = sdone[q]
		if (sstart[q]) {
			nstarts[E[f, pp]]++
			starts[E[f, pp], nstarts[E[f, pp]]] = f SUBSEP pp
		}
		p = pp + 1
	}
}

# matches(f, i, n): do the n example lines X[1..n] match E[f, i..] as a whole?
# Sets why[] to the reason when they match as lines but not as a whole.
function matches(f, i, n,   k, j) {
	for (k = 1; k <= n; k++)
		if (i + k - 1 > nout[f] || E[f, i + k - 1] != X[k])
			return 0
	j = i + n - 1
	# the last line: output, or an input line that completes a statement
	if (echo[f, j] && !done[f, j]) {
		why = "stops inside a statement (" fname[f] ":" j ")"
		return 0
	}
	for (k = j + 1; k <= nout[f] && !echo[f, k]; k++)
		if (!blank(E[f, k])) {
			why = "stops before the end of the output (" fname[f] ":" j + 1 ": " E[f, j + 1] ")"
			return 0
		}
	return 1
}

BEGIN {
	for (f = 1; f <= npairs; f++)
		load(ARGV[2 * f - 1], ARGV[2 * f], f)
	checked = 0; failed = 0
	for (a = 2 * npairs + 1; a < ARGC; a++) {
		doc = ARGV[a]
		inblock = 0; ln = 0
		while ((r = (getline line < doc)) > 0) {
			ln++
			if (!inblock && line ~ /^```psql[ \t]*$/) {
				inblock = 1; n = 0; at = ln + 1
				continue
			}
			if (inblock && line ~ /^```[ \t]*$/) {
				inblock = 0
				while (n > 0 && blank(X[n]))
					n--
				checked++
				ok = 0; why = ""
				if (n == 0)
					why = "empty example"
				for (c = 1; n > 0 && !ok && c <= nstarts[X[1]]; c++) {
					split(starts[X[1], c], fp, SUBSEP)
					ok = matches(fp[1] + 0, fp[2] + 0, n)
				}
				if (!ok) {
					failed++
					if (why == "")
						why = "not found in expected output, or not from the start of a statement"
					printf "doc example %s:%d: %s\n", doc, at, why
				}
				continue
			}
			if (inblock)
				X[++n] = line
		}
		close(doc)
		if (inblock) {
			failed++
			printf "doc example %s:%d: no closing fence\n", doc, at
		}
	}
	printf "doc examples: %d checked, %d failed\n", checked, failed
	exit failed > 0
}
' "${pairs[@]}" ${docs[@]+"${docs[@]}"}
