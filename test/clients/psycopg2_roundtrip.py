#!/usr/bin/env python3
"""test/clients/psycopg2_roundtrip.py: every type of test/types.tsv written and
read through psycopg2 (Debian's python3-psycopg2), as a Python BI tool does:

- text protocol: a query parameter in, the value as a string out, which must
  be the server's canonical text form;
- binary: COPY ... (FORMAT binary) out, parsed here, each field must be the
  bytes of <type>_send(v), and written back with COPY FROM (FORMAT binary)
  must give equal values.

Connects through PGHOST/PGPORT/PGUSER to the database named as argument.
Prints "psycopg2: N values, M failures"; exits 1 on a failure.
"""
import io
import os
import struct
import sys

import psycopg2

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
failures = 0


def fail(msg):
    global failures
    failures += 1
    print('psycopg2 FAIL: ' + msg)


def parse_copy_binary(data):
    """Rows of a COPY binary stream, each a list of bytes or None"""
    assert data[:11] == b'PGCOPY\n\xff\r\n\x00', 'bad COPY signature'
    pos = 11
    _flags, extlen = struct.unpack('!ii', data[pos:pos + 8])
    pos += 8 + extlen
    rows = []
    while True:
        (nfields,) = struct.unpack('!h', data[pos:pos + 2])
        pos += 2
        if nfields == -1:
            return rows
        row = []
        for _ in range(nfields):
            (n,) = struct.unpack('!i', data[pos:pos + 4])
            pos += 4
            if n == -1:
                row.append(None)
            else:
                row.append(data[pos:pos + n])
                pos += n
        rows.append(row)


def main():
    types = {}
    with open(os.path.join(TOP, 'test', 'types.tsv'), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line and not line.startswith('#'):
                t, v = line.split('\t', 1)
                types.setdefault(t, []).append(v)
    conn = psycopg2.connect(dbname=sys.argv[1])
    conn.autocommit = True
    cur = conn.cursor()
    nvalues = 0
    for t, values in types.items():
        cur.execute('DROP TABLE IF EXISTS py_%s, py_%s_back' % (t, t))
        cur.execute('CREATE TABLE py_%s (id int, v %s)' % (t, t))
        cur.execute('CREATE TABLE py_%s_back (id int, v %s)' % (t, t))
        for i, value in enumerate(values, 1):
            nvalues += 1
            cur.execute('INSERT INTO py_%s VALUES (%%s, %%s)' % t, (i, value))
            cur.execute('SELECT v, v::text, %s_send(v), %%s::text::%s::text FROM py_%s WHERE id = %%s'
                        % (t, t, t), (value, i))
            got, as_text, _sent, canonical = cur.fetchone()
            if got != canonical or as_text != canonical:
                fail('%s %r: text protocol read %r, expected %r' % (t, value, got, canonical))
        # binary: COPY out, compare with send(), COPY back in
        out = io.BytesIO()
        cur.copy_expert('COPY (SELECT id, v FROM py_%s ORDER BY id) TO STDOUT (FORMAT binary)' % t, out)
        rows = parse_copy_binary(out.getvalue())
        cur.execute('SELECT id, %s_send(v) FROM py_%s ORDER BY id' % (t, t))
        expected = [(struct.pack('!i', i), bytes(b)) for i, b in cur.fetchall()]
        if [(r[0], r[1]) for r in rows] != expected:
            fail('%s: COPY binary fields differ from %s_send()' % (t, t))
        out.seek(0)
        cur.copy_expert('COPY py_%s_back FROM STDIN (FORMAT binary)' % t, out)
        # by their text forms: a state type may have no =
        cur.execute('SELECT count(*) FROM py_%s a FULL JOIN py_%s_back b USING (id) '
                    'WHERE a.v::text IS DISTINCT FROM b.v::text' % (t, t))
        (n,) = cur.fetchone()
        if n:
            fail('%s: %d values differ after a binary round trip' % (t, n))
        cur.execute('DROP TABLE py_%s, py_%s_back' % (t, t))
    print('psycopg2: %d values, text protocol and COPY binary, %d failures' % (nvalues, failures))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
