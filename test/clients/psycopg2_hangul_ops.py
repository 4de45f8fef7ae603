#!/usr/bin/env python3
"""test/clients/psycopg2_hangul_ops.py: the Korean search operators from
Python with query parameters, as an application or BI tool writes them.

psycopg2 formats a query that has parameters in the "pyformat" style, where
%% stands for one %: the operator a %% b reaches the server as a % b, which is
pg_trgm's operator when pg_trgm is installed (this script installs it to show
that).  The function forms, hangul_similar(a, b) for %%,
hangul_word_similar(query, t) for <%% and %%>, and choseong_match(t, p) for
^%, hold no % at all.  For each, with the query text as a parameter:

- the query psycopg2 sent holds no % (cursor.query);
- EXPLAIN shows the gin_hangul_ops index used, with the operator as its
  index condition;
- the rows are those of the operator, written without parameters;
- with enable_seqscan on or off, the same rows.

Connects through PGHOST/PGPORT/PGUSER to the database named as argument.
Prints "psycopg2 operators: N checks, M failures"; exits 1 on a failure.
"""
import sys

import psycopg2

failures = 0
checks = 0


def check(ok, msg):
    global failures, checks
    checks += 1
    if not ok:
        failures += 1
        print('psycopg2 operators FAIL: ' + msg)


TITLES = ['방문 요양보호사 (단시간)', '군산 요양보호사', '요양 보호사 모집', '군산 요양보오사',
          '간호조무사', '요양원 조리원', '용접기능사', '용접원 (야간)', '지게차 운전원',
          '익산 사무보조원']
QUERIES = ['요양보호사', '군산 요양보오사', '용접', '간호 조무사', '지게차']
PATTERNS = ['ㅇㅈ', 'ㅇㅈㄱ', 'ㅇㅇㅂㅎㅅ']


def rows(cur, sql, params=None):
    cur.execute(sql, params)
    return sorted(r[0] for r in cur.fetchall())


def plan(cur, sql, params):
    cur.execute('EXPLAIN (COSTS OFF) ' + sql, params)
    return '\n'.join(r[0] for r in cur.fetchall())


def main():
    conn = psycopg2.connect(dbname=sys.argv[1])
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    cur.execute('DROP TABLE IF EXISTS py_postings')
    cur.execute('CREATE TABLE py_postings (id serial PRIMARY KEY, title text)')
    cur.executemany('INSERT INTO py_postings (title) VALUES (%s)', [(t,) for t in TITLES])
    cur.execute('CREATE INDEX py_postings_title ON py_postings USING gin (title gin_hangul_ops)')
    cur.execute('ANALYZE py_postings')

    # the trap: %% with parameters is pg_trgm's %
    cur.execute('SELECT title FROM py_postings WHERE title %% %s', ('요양보호사',))
    check(b'%%' not in cur.query and b'title % ' in cur.query,
          'psycopg2 sent %r; expected %%%% to arrive as %%' % cur.query)

    forms = []
    for q in QUERIES:
        forms.append(('hangul_similar(title, %s)', q,
                      "title %%%% '%s'" % q, 'title %% '))
        forms.append(('hangul_similar(%s, title)', q,
                      "'%s' %%%% title" % q, 'title %% '))
        forms.append(('hangul_word_similar(%s, title)', q,
                      "'%s' <%%%% title" % q, 'title %%> '))
    for p in PATTERNS:
        forms.append(('choseong_match(title, %s)', p,
                      "title ^%% '%s'" % p, 'title ^% '))

    nonempty = 0
    for func, arg, op, cond in forms:
        sql = 'SELECT title FROM py_postings WHERE ' + func
        # the operator, in a query without parameters, which psycopg2 sends
        # as it is (so %% reaches the server as %%)
        expected = rows(cur, 'SELECT title FROM py_postings WHERE ' + op)
        check(b'%%' in cur.query or b'^%' in cur.query,
              'the operator query was sent as %r' % cur.query)
        cur.execute('SET enable_seqscan = off')
        got = rows(cur, sql, (arg,))
        check(b'%' not in cur.query,
              '%s: the query sent holds a %%: %r' % (func, cur.query))
        check(got == expected, '%s with %r: %r, the operator gives %r' % (func, arg, got, expected))
        p = plan(cur, sql, (arg,))
        check('Bitmap Index Scan on py_postings_title' in p and ('Index Cond: (' + cond) in p,
              '%s with %r does not use the index:\n%s' % (func, arg, p))
        cur.execute('SET enable_seqscan = on')
        cur.execute('SET enable_bitmapscan = off')
        cur.execute('SET enable_indexscan = off')
        check(rows(cur, sql, (arg,)) == expected,
              '%s with %r: a sequential scan gives other rows' % (func, arg))
        cur.execute('RESET enable_bitmapscan')
        cur.execute('RESET enable_indexscan')
        nonempty += 1 if expected else 0
    # most queries must find rows, or the comparisons prove little
    check(nonempty >= len(forms) - 3, 'only %d of %d queries find rows' % (nonempty, len(forms)))

    cur.execute('DROP TABLE py_postings')
    cur.execute('DROP EXTENSION pg_trgm')
    conn.close()
    print('psycopg2 operators: %d queries (%d finding rows), %d checks, %d failures'
          % (len(forms), nonempty, checks, failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
