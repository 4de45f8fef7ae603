#!/usr/bin/env python3
"""test/fuzz/fuzz.py: malformed input for every jobs_ext type, then sqlsmith.

    python3 test/fuzz/fuzz.py [--quick] [--seed N] [--smith-queries N]

Connects through the usual PGHOST/PGPORT/PGUSER (a superuser) and works in a
database of its own, jobs_ext_fuzz, which it creates anew.

1. Text input.  For every type in test/types.tsv, the sample values there,
   the malformed inputs in test/fuzz/<type>/*.txt and mutations of both
   (truncated, huge, deeply nested, numbers out of range, invalid UTF-8,
   NUL-free garbage) are fed to the type's input function, one
   COPY ... FROM STDIN (FORMAT text) each.
2. Binary input.  The send() form of every sample value and mutations of it
   (truncated, extended, bytes flipped, counts and lengths set to extremes,
   random bytes) are fed to the type's recv function, one
   COPY ... FROM STDIN (FORMAT binary) each.
   Each input must be either rejected with an expected SQLSTATE (text:
   22P02 invalid_text_representation, 22021 character_not_in_repertoire for
   bad UTF-8, 54000 program_limit_exceeded; binary: 22P03
   invalid_binary_representation, 54000) or accepted into a value that
   round-trips: its text output reads back equal and prints the same, and
   its binary output (COPY TO/FROM binary) reads back equal.  The sample
   values must all be accepted.
3. sqlsmith (Debian package sqlsmith) runs a fixed number of random queries
   against the Gunsan sample and one table per type, as an unprivileged role
   with a statement timeout.

A crash or assertion failure in the server log (JOBS_EXT_SERVER_LOG), a lost
connection, an unexpected SQLSTATE or a failed round trip is a failure.
Prints the counts and exits non-zero on any failure.
"""
import argparse
import io
import os
import random
import re
import struct
import subprocess
import sys
import time

import psycopg2
import psycopg2.extensions

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DB = 'jobs_ext_fuzz'
SMITH_ROLE = 'jobs_ext_fuzzer'

TEXT_OK = {'22P02', '22021', '54000'}
# (binary strings in the wrong encoding: 22021, as PostgreSQL's text recv)
BINARY_OK = {'22P03', '54000', '22021'}
# functions: also invalid_parameter_value and numeric_value_out_of_range
FUNCTION_OK = {'22P02', '22021', '54000', '22023', '22003'}
# with edge values: also datetime_field_overflow / datetime out of range
# (22008), and 0A000 for what a function refuses by design (a transition
# function called outside an aggregate, an unbounded window turned into days)
SIGNATURE_OK = FUNCTION_OK | {'22008', '0A000'} | {
    # a relation or column argument naming nothing suitable (match_batch)
    '42P01', '42703', '42804', '42846', '42501',
    # a NULL where the function needs a value (22004 null_value_not_allowed)
    '22004',
    # *_from_binary(bytea) reject bad bytes as recv does; an empty column name
    # makes the query match_batch builds (quoted) a syntax error
    '22P03', '42601'}
# (an aggregate's support function called directly fails with XX000 "called
# in non-aggregate context", as PostgreSQL's own do: accepted)
# edge values of the built-in types that functions of jobs_ext take
EDGE_VALUES = {
    'date': ['-infinity', 'infinity', '4713-11-24 BC', '5874897-12-31', '2000-02-29',
             '2001-02-28', '2020-04-05', '1970-01-01'],
    'integer': ['-2147483648', '-1', '0', '1', '15', '200', '201', '2147483647'],
    'smallint': ['-32768', '-1', '0', '1', '32767'],
    'bigint': ['-9223372036854775808', '-1', '0', '1', '9223372036854775807'],
    'real': ['-Infinity', '-1', '0', '0.5', '1', 'Infinity', 'NaN'],
    'double precision': ['-Infinity', '-1', '0', '0.5', '1', 'Infinity', 'NaN'],
    'boolean': ['true', 'false'],
    'text': ['', 'ko', 'en', 'code', 'x', '직접일자리', 'ㅇㅈ'],
    'daterange': ['empty', '(,)', '[2020-01-01,2020-12-31]', '(2020-01-01,2020-01-02)',
                  '[4713-11-24 BC,5874897-12-31]', '[-infinity,infinity]'],
    'datemultirange': ['{}', '{(,)}', '{[2020-01-01,2020-01-31],[2020-03-01,)}',
                       '{[4713-11-24 BC,5874897-12-31]}'],
    'jsonb': ['{}', '[]', 'null', '"x"', '1', '{"wage": -1}', '{"skills": 1}',
              '{"occupation": "7430", "skills": ["용접"], "region": "4513010100"}',
              '{"latitude": 1e308, "longitude": 0}', '{"skills": 1, "region": 0}',
              '{"skills": -1}', '{"skills": "NaN"}', '{"colour": 1}'],
    'bytea': ['\\x', '\\x00', '\\x01', '\\x0100000000', '\\xffffffffffffffff'],
    'text[]': ['{}', '{NULL}', '{""}', '{용접,CAD}', '{day,night}', '{youth}', '{a,a}'],
    'real[]': ['{}', '{NULL}', '{1}', '{0}', '{-1}', '{NaN}', '{Infinity}', '{1,2}'],
    # match_batch reads tables by name: sample_jobprofile (v) exists in the fuzz database
    'regclass': ['pg_class', 'sample_jobprofile', 'sample_jobcat', '99999', '0'],
    'name': ['v', 'id', 'profile', 'x"y', ''],
}
CRASH_RE = re.compile(r'terminated by signal|TRAP:|terminated by exception|PANIC:|'
                      r'AddressSanitizer|runtime error:|exited with exit code')

failures = []


def fail(msg):
    failures.append(msg)
    if len(failures) <= 30:
        print('FAIL: ' + msg, flush=True)


def load_types():
    """test/types.tsv -> {type: [sample text values]}, in file order"""
    types = {}
    with open(os.path.join(TOP, 'test', 'types.tsv'), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            name, value = line.split('\t', 1)
            types.setdefault(name, []).append(value)
    return types


def unescape(line):
    r"""A corpus line as bytes: \xNN is a raw byte, \\ a backslash"""
    out = bytearray()
    raw = line.encode('utf-8')
    i = 0
    while i < len(raw):
        if raw[i:i + 2] == b'\\x' and i + 4 <= len(raw):
            out.append(int(raw[i + 2:i + 4], 16))
            i += 4
        elif raw[i:i + 2] == b'\\\\':
            out.append(0x5c)
            i += 2
        else:
            out.append(raw[i])
            i += 1
    return bytes(out)


def load_corpus(typ):
    inputs = []
    d = os.path.join(TOP, 'test', 'fuzz', typ)
    if not os.path.isdir(d):
        return inputs
    for name in sorted(os.listdir(d)):
        if not name.endswith('.txt'):
            continue
        with open(os.path.join(d, name), encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n')
                if line.startswith('#'):
                    continue
                inputs.append(unescape(line))
    return inputs


BAD_UTF8 = [b'\xff', b'\xc3', b'\xed\xa0\x80', b'\xe1\x84', b'\xf4\x90\x80\x80', b'\xc0\xaf']
BIG_NUMBERS = [b'0', b'-1', b'2147483647', b'2147483648', b'-2147483649', b'32768',
               b'99999999999999999999', b'4294967296', b'00000000000000000001']
PUNCT = b'{}[](),.:;- \t age..\\"\'0123456789'


def text_mutations(seed, others, rng, nrandom):
    """Malformed variants of one valid text input (bytes)"""
    n = len(seed)
    for i in range(n):                          # every truncation
        yield seed[:i]
    yield seed + seed                           # doubled
    yield seed[::-1]                            # reversed
    yield seed * max(1, 200000 // max(n, 1))    # huge
    for depth in (64, 10000):                   # deep nesting
        yield b'{' * depth + seed + b'}' * depth
        yield b'[' * depth + seed + b']' * depth
    for m in re.finditer(rb'[0-9]+', seed):     # numbers out of range
        for big in BIG_NUMBERS:
            yield seed[:m.start()] + big + seed[m.end():]
    for _ in range(nrandom):
        k = rng.randrange(9)
        pos = rng.randrange(n + 1)
        if k == 0:
            yield seed[:pos] + rng.choice(BAD_UTF8) + seed[pos:]
        elif k == 1 and n:
            yield seed[:pos] + seed[pos + 1:]
        elif k == 2:
            yield seed[:pos] + bytes([rng.choice(PUNCT)]) + seed[pos:]
        elif k == 3 and n:
            p2 = rng.randrange(n)
            b = bytearray(seed)
            b[min(pos, n - 1)], b[p2] = b[p2], b[min(pos, n - 1)]
            yield bytes(b)
        elif k == 4:
            other = rng.choice(others)
            a = rng.randrange(len(other) + 1)
            yield seed[:pos] + other[a:a + rng.randrange(1, 40)] + seed[pos:]
        elif k == 5:                            # NUL-free printable garbage
            yield bytes(rng.randrange(32, 127) for _ in range(rng.randrange(1, 80)))
        elif k == 6:                            # garbage from the syntax's own characters
            yield bytes(rng.choice(PUNCT) for _ in range(rng.randrange(1, 80)))
        elif k == 7 and n:
            yield seed[:pos] + seed[pos:][:rng.randrange(1, n + 1)] * rng.randrange(2, 50) + seed[pos:]
        else:                                   # random non-NUL bytes
            yield bytes(rng.randrange(1, 256) for _ in range(rng.randrange(1, 40)))


EXTREMES4 = [b'\x7f\xff\xff\xff', b'\x80\x00\x00\x00', b'\xff\xff\xff\xff', b'\x00\x00\x00\x00',
             b'\x00\x00\x00\x01', b'\x00\x01\x00\x00', b'\x7f\xff\xff\xfe', b'\xff\xff\xff\xfe']
EXTREMES2 = [b'\x7f\xff', b'\x80\x00', b'\xff\xff', b'\x00\x00', b'\x00\xc9', b'\x00\xca']


def binary_mutations(seed, rng, nrandom):
    """Malformed variants of one valid binary (send) form"""
    n = len(seed)
    for i in range(n):                          # every truncation
        yield seed[:i]
    yield seed + b'\x00'
    yield seed + seed
    for i in range(n):                          # every byte flipped
        b = bytearray(seed)
        b[i] ^= 0xff
        yield bytes(b)
    for i in range(0, max(n - 3, 0)):           # int4 fields at extremes
        for e in EXTREMES4:
            yield seed[:i] + e + seed[i + 4:]
    for i in range(0, max(n - 1, 0)):           # int2 fields at extremes
        for e in EXTREMES2:
            yield seed[:i] + e + seed[i + 2:]
    for _ in range(nrandom):
        k = rng.randrange(4)
        if k == 0 and n:
            b = bytearray(seed)
            for _ in range(rng.randrange(1, 4)):
                b[rng.randrange(n)] ^= 1 << rng.randrange(8)
            yield bytes(b)
        elif k == 1:
            yield seed + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 9)))
        elif k == 2 and n:
            pos = rng.randrange(n)
            yield seed[:pos] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 9))) + seed[pos:]
        else:
            yield bytes(rng.randrange(256) for _ in range(rng.randrange(0, 64)))


def copy_text_row(ident, value):
    """One COPY text line: backslash, tab, newline and carriage return escaped"""
    v = (value.replace(b'\\', b'\\\\').replace(b'\t', b'\\t')
         .replace(b'\n', b'\\n').replace(b'\r', b'\\r'))
    return str(ident).encode() + b'\t' + v + b'\n'


def copy_binary_row(ident, value):
    """A whole COPY binary stream of one row (id int4, v <type>)"""
    return (b'PGCOPY\n\xff\r\n\x00' + struct.pack('!ii', 0, 0) +
            struct.pack('!hii', 2, 4, ident) + struct.pack('!i', len(value)) + value +
            struct.pack('!h', -1))


class Fuzzer:
    def __init__(self, args):
        self.args = args
        # rejected inputs are the point: keep them out of the server log
        self.dsn = "dbname=%s options='-c log_min_messages=fatal -c log_min_error_statement=panic'" % DB
        self.conn = None
        self.tried = {'text': 0, 'binary': 0}
        self.has_eq = {}
        self.accepted = {'text': 0, 'binary': 0}
        self.connect()

    def connect(self):
        for _ in range(60):
            try:
                self.conn = psycopg2.connect(self.dsn)
                self.conn.autocommit = True
                return
            except psycopg2.OperationalError:
                time.sleep(1)
        raise SystemExit('fuzz: cannot connect to the server')

    def copy(self, sql, payload):
        """Run one COPY FROM STDIN; returns None if accepted, else the SQLSTATE"""
        try:
            with self.conn.cursor() as cur:
                cur.copy_expert(sql, io.BytesIO(payload))
            return None
        except psycopg2.Error as e:
            if self.conn.closed or e.pgcode is None:
                return 'lost connection: %s' % str(e).strip()
            return e.pgcode

    def feed(self, typ, kind, value, ident, must_accept=False):
        table = 'fuzz_%s_%s' % (kind, typ)
        if kind == 'text':
            res = self.copy('COPY %s (id, v) FROM STDIN (FORMAT text)' % table,
                            copy_text_row(ident, value))
            allowed = TEXT_OK
        else:
            res = self.copy('COPY %s (id, v) FROM STDIN (FORMAT binary)' % table,
                            copy_binary_row(ident, value))
            allowed = BINARY_OK
        self.tried[kind] += 1
        shown = value[:120]
        if res is None:
            self.accepted[kind] += 1
        elif res.startswith('lost connection'):
            fail('%s %s input %r: %s' % (typ, kind, shown, res))
            self.connect()
        elif must_accept:
            fail('%s sample %r rejected with SQLSTATE %s' % (typ, shown, res))
        elif res not in allowed:
            msg = ''
            try:
                with self.conn.cursor() as cur:
                    cur.execute('SELECT 1')
            except psycopg2.Error:
                pass
            fail('%s %s input %r: SQLSTATE %s, expected one of %s%s'
                 % (typ, kind, shown, res, ' '.join(sorted(allowed)), msg))

    def differ(self, typ, a, b):
        """SQL that is true when a and b (of type typ) differ: by = where the
        type has it (a state type may not), and by their text forms"""
        if typ not in self.has_eq:
            with self.conn.cursor() as cur:
                cur.execute("SELECT EXISTS (SELECT 1 FROM pg_operator WHERE oprname = '=' "
                            "AND oprleft = %s::regtype AND oprright = %s::regtype)", (typ, typ))
                self.has_eq[typ] = cur.fetchone()[0]
        text = '%s::text IS DISTINCT FROM %s::text' % (a, b)
        return '(%s IS DISTINCT FROM %s OR %s)' % (a, b, text) if self.has_eq[typ] else '(%s)' % text

    def check_round_trip(self, typ, kind):
        """Every accepted value reads back equal from its text and binary output"""
        table = 'fuzz_%s_%s' % (kind, typ)
        with self.conn.cursor() as cur:
            cur.execute('SELECT id, v::text FROM %s ORDER BY id' % table)
            rows = cur.fetchall()
        for ident, text in rows:
            try:
                with self.conn.cursor() as cur:
                    cur.execute('SELECT NOT %s FROM %s WHERE id = %%(id)s'
                                % (self.differ(typ, '%(t)s::' + typ, 'v'), table),
                                {'t': text, 'id': ident})
                    same = cur.fetchone()[0]
                    cur.execute('SELECT %%s::%s::text = %%s' % typ, (text, text))
                    same = same and cur.fetchone()[0]
            except psycopg2.Error as e:
                same = 'rejected with %s: %s' % (e.pgcode, str(e).strip().splitlines()[0])
                if self.conn.closed:
                    self.connect()
            if same is not True:
                fail('%s %s input %d: text output %r does not read back equal (%s)'
                     % (typ, kind, ident, text, same))
        with self.conn.cursor() as cur:
            out = io.BytesIO()
            cur.copy_expert('COPY %s (id, v) TO STDOUT (FORMAT binary)' % table, out)
            cur.execute('TRUNCATE fuzz_back')
            cur.execute('ALTER TABLE fuzz_back ALTER COLUMN v TYPE %s USING NULL' % typ)
            out.seek(0)
            try:
                cur.copy_expert('COPY fuzz_back (id, v) FROM STDIN (FORMAT binary)', out)
            except psycopg2.Error as e:
                fail('%s %s inputs: their binary output does not read back: %s'
                     % (typ, kind, str(e).strip().splitlines()[0]))
                return
            cur.execute('SELECT a.id, a.v::text FROM %s a LEFT JOIN fuzz_back b USING (id) '
                        'WHERE %s' % (table, self.differ(typ, 'a.v', 'b.v')))
            for ident, text in cur.fetchall():
                fail('%s %s input %d: binary output of %r does not read back equal' % (typ, kind, ident, text))

    def run_types(self, types):
        rng = random.Random(self.args.seed)
        nrandom = 60 if self.args.quick else 1000
        with self.conn.cursor() as cur:
            cur.execute('CREATE TABLE fuzz_back (id int, v int)')
            for typ in types:
                for kind in ('text', 'binary'):
                    cur.execute('CREATE TABLE fuzz_%s_%s (id int, v %s)' % (kind, typ, typ))
        for typ, samples in types.items():
            start = dict(self.tried)
            ident = 0
            seeds = [s.encode('utf-8') for s in samples]
            corpus = load_corpus(typ)
            for s in seeds:
                ident += 1
                self.feed(typ, 'text', s, ident, must_accept=True)
            for c in corpus:
                ident += 1
                self.feed(typ, 'text', c, ident)
            for s in seeds + corpus:
                for m in text_mutations(s, seeds + corpus, rng, nrandom):
                    ident += 1
                    self.feed(typ, 'text', m, ident)
            # binary: the send() form of each sample, then mutations of it
            with self.conn.cursor() as cur:
                cur.execute('SELECT DISTINCT %s_send(v::%s) FROM unnest(%%s::text[]) v' % (typ, typ),
                            (samples,))
                bseeds = sorted(bytes(r[0]) for r in cur.fetchall())
            ident = 0
            for s in bseeds:
                ident += 1
                self.feed(typ, 'binary', s, ident, must_accept=True)
            for s in bseeds:
                for m in binary_mutations(s, rng, nrandom):
                    ident += 1
                    self.feed(typ, 'binary', m, ident)
            for kind in ('text', 'binary'):
                self.check_round_trip(typ, kind)
            print('fuzz: %-10s %6d text inputs, %6d binary inputs'
                  % (typ, self.tried['text'] - start['text'], self.tried['binary'] - start['binary']),
                  flush=True)


    def run_functions(self, types):
        """Every function of jobs_ext whose arguments are all text, called
        with the text corpora (test/fuzz/*/*.txt) and their mutations"""
        rng = random.Random(self.args.seed)
        with self.conn.cursor() as cur:
            cur.execute("""
                SELECT p.oid::regprocedure::text, p.proname, p.pronargs
                FROM pg_proc p
                JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
                JOIN pg_extension e ON d.refobjid = e.oid AND e.extname = 'jobs_ext'
                WHERE p.prokind = 'f' AND p.pronargs > 0 AND NOT p.proretset
                  AND p.proargtypes::oid[] <@ ARRAY['text'::regtype::oid]
                ORDER BY 1""")
            functions = cur.fetchall()
        seeds = []
        for d in sorted(os.listdir(os.path.join(TOP, 'test', 'fuzz'))):
            seeds += load_corpus(d)
        for samples in types.values():
            seeds += [v.encode('utf-8') for v in samples]
        inputs = []
        per_seed = 8 if self.args.quick else 60
        for s in seeds:
            inputs.append(s)
            ms = list(text_mutations(s, seeds, rng, per_seed))
            inputs += rng.sample(ms, min(per_seed, len(ms)))
        texts = []
        for b in inputs:
            try:
                t = b.decode('utf-8')
            except UnicodeDecodeError:
                continue
            if '\0' not in t:
                texts.append(t)
        self.tried['function'] = 0
        for sig, name, nargs in functions:
            n = 0
            for t in texts:
                args = [t] + [rng.choice(texts) for _ in range(nargs - 1)]
                try:
                    with self.conn.cursor() as cur:
                        cur.execute('SELECT %s(%s)' % (name, ', '.join(['%s::text'] * nargs)), args)
                        cur.fetchall()
                except psycopg2.Error as e:
                    if self.conn.closed or e.pgcode is None:
                        fail('%s on %r: lost connection: %s' % (sig, [a[:60] for a in args], str(e).strip()))
                        self.connect()
                    elif e.pgcode not in FUNCTION_OK:
                        fail('%s on %r: SQLSTATE %s: %s' % (sig, [a[:60] for a in args], e.pgcode,
                                                           str(e).strip().splitlines()[0]))
                n += 1
            self.tried['function'] += n
            print('fuzz: %-36s %6d calls' % (sig, n), flush=True)


    def run_signatures(self, types):
        """Every other function of jobs_ext (not all-text, no internal or
        cstring argument) called with every combination of edge values of
        its argument types (a random subset when there are too many):
        test/types.tsv for the extension's types, EDGE_VALUES for built-in
        ones, and NULL for functions that are not strict"""
        rng = random.Random(self.args.seed)
        limit = 400 if self.args.quick else 5000
        with self.conn.cursor() as cur:
            cur.execute("""
                SELECT p.oid::regprocedure::text, p.oid::regproc::text, p.proisstrict,
                       array(SELECT format_type(t, NULL) FROM unnest(p.proargtypes::oid[]) t),
                       CASE WHEN NOT p.proretset THEN format_type(p.prorettype, NULL) END
                FROM pg_proc p
                JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
                JOIN pg_extension e ON d.refobjid = e.oid AND e.extname = 'jobs_ext'
                WHERE p.prokind = 'f' AND p.pronargs > 0
                  AND NOT p.proargtypes::oid[] <@ ARRAY['text'::regtype::oid]
                  AND NOT p.proargtypes::oid[] && ARRAY['internal'::regtype::oid, 'cstring'::regtype::oid]
                ORDER BY 1""")
            functions = cur.fetchall()
        values = dict(EDGE_VALUES)
        values.update(types)
        self.tried['signature'] = 0
        skipped = []
        for sig, name, strict, argtypes, rettype in functions:
            if any(t not in values for t in argtypes):
                skipped.append(sig)
                continue
            pools = [list(values[t]) + ([] if strict else [None]) for t in argtypes]
            total = 1
            for pool in pools:
                total *= len(pool)
            if total <= limit:
                combos = [[]]
                for pool in pools:
                    combos = [c + [v] for c in combos for v in pool]
            else:
                combos = [[rng.choice(pool) for pool in pools] for _ in range(limit)]
            call = 'SELECT (%s(%s))::text' % (name, ', '.join('%%s::%s' % t for t in argtypes))
            if rettype in types:
                # a value of ours that a function makes must read back equal
                call = ('SELECT r::text, NOT %s FROM (SELECT %s(%s) AS r) s'
                        % (self.differ(rettype, 'r::text::' + rettype, 'r'), name,
                           ', '.join('%%s::%s' % t for t in argtypes)))
            for args in combos:
                try:
                    with self.conn.cursor() as cur:
                        cur.execute(call, args)
                        for row in cur.fetchall():
                            if len(row) == 2 and row[1] is False:
                                fail('%s on %r: result %r does not read back equal' % (sig, args, row[0]))
                except psycopg2.Error as e:
                    if self.conn.closed or e.pgcode is None:
                        fail('%s on %r: lost connection: %s' % (sig, args, str(e).strip()))
                        self.connect()
                    elif e.pgcode not in SIGNATURE_OK and not (
                            e.pgcode == 'XX000' and 'called in non-aggregate context' in str(e)):
                        fail('%s on %r: SQLSTATE %s: %s' % (sig, args, e.pgcode,
                                                           str(e).strip().splitlines()[0]))
            self.tried['signature'] += len(combos)
        print('fuzz: %d calls of %d functions with edge values%s'
              % (self.tried['signature'], len(functions) - len(skipped),
                 ('; no edge values for the arguments of ' + ', '.join(skipped)) if skipped else ''),
              flush=True)


def psql(db, *args, **kw):
    return subprocess.run(['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db] + list(args),
                          check=True, **kw)


def setup_database(types):
    conn = psycopg2.connect('dbname=postgres')
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute('DROP DATABASE IF EXISTS %s' % DB)
        cur.execute('CREATE DATABASE %s' % DB)
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (SMITH_ROLE,))
        if cur.fetchone() is None:
            cur.execute('CREATE ROLE %s LOGIN' % SMITH_ROLE)
    conn.close()
    psql(DB, '-c', 'CREATE EXTENSION jobs_ext')
    data = os.path.join(TOP, 'test', 'data')
    files = sorted(f for f in os.listdir(data) if re.match(r'gunsan2020.*\.sql$', f))
    files.sort(key=lambda f: f != 'gunsan2020.sql')
    for f in files:
        psql(DB, '-f', os.path.join(data, f), stdout=subprocess.DEVNULL,
             env=dict(os.environ, PGOPTIONS='-c client_min_messages=warning'))
    # one table per type, holding the samples, with every index the type has
    conn = psycopg2.connect('dbname=' + DB)
    conn.autocommit = True
    with conn.cursor() as cur:
        for typ, samples in types.items():
            cur.execute('CREATE TABLE sample_%s (v %s)' % (typ, typ))
            cur.execute('INSERT INTO sample_%s SELECT v::%s FROM unnest(%%s::text[]) v' % (typ, typ),
                        (samples,))
            cur.execute('INSERT INTO sample_%s SELECT NULL' % typ)
            # each access method's default operator class, and by name the
            # others (eligwin_exact_ops)
            cur.execute("SELECT DISTINCT am.amname, CASE WHEN o.opcdefault THEN '' ELSE o.opcname END "
                        "FROM pg_opclass o JOIN pg_am am ON am.oid = o.opcmethod "
                        "WHERE o.opcintype = %s::regtype", (typ,))
            for am, opc in cur.fetchall():
                cur.execute('CREATE INDEX ON sample_%s USING %s (v %s)' % (typ, am, opc))
        # text with every index the extension offers for text (GIN for Korean)
        cur.execute('CREATE TABLE sample_text (t text)')
        seeds = load_corpus('text')
        cur.execute('INSERT INTO sample_text SELECT unnest(%s::text[])',
                    ([b.decode('utf-8') for b in seeds],))
        cur.execute("""
            SELECT am.amname, o.opcname FROM pg_opclass o JOIN pg_am am ON am.oid = o.opcmethod
            JOIN pg_depend d ON d.classid = 'pg_opclass'::regclass AND d.objid = o.oid AND d.deptype = 'e'
            JOIN pg_extension e ON d.refobjid = e.oid AND e.extname = 'jobs_ext'
            WHERE o.opcintype = 'text'::regtype""")
        for am, opc in cur.fetchall():
            cur.execute('CREATE INDEX ON sample_text USING %s (t %s)' % (am, opc))
        cur.execute('ANALYZE')
        # the fuzzer role reads everything and cannot stop itself or others,
        # sleep, or change its own limits
        cur.execute("SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'")
        for (nsp,) in cur.fetchall():
            cur.execute('GRANT USAGE ON SCHEMA %s TO %s' % (nsp, SMITH_ROLE))
            cur.execute('GRANT SELECT ON ALL TABLES IN SCHEMA %s TO %s' % (nsp, SMITH_ROLE))
        for fn in ('pg_terminate_backend(integer, bigint)', 'pg_cancel_backend(integer)',
                   'pg_sleep(double precision)', 'pg_sleep_for(interval)',
                   'pg_sleep_until(timestamp with time zone)', 'set_config(text, text, boolean)',
                   'pg_advisory_lock(bigint)', 'pg_advisory_lock_shared(bigint)',
                   'pg_advisory_lock(integer, integer)', 'pg_advisory_lock_shared(integer, integer)',
                   'pg_advisory_xact_lock(bigint)', 'pg_advisory_xact_lock_shared(bigint)',
                   'pg_advisory_xact_lock(integer, integer)',
                   'pg_advisory_xact_lock_shared(integer, integer)', 'pg_notify(text, text)'):
            cur.execute('REVOKE EXECUTE ON FUNCTION pg_catalog.%s FROM PUBLIC' % fn)
        cur.execute("ALTER ROLE %s SET statement_timeout = '2s'" % SMITH_ROLE)
        cur.execute("ALTER ROLE %s SET work_mem = '4MB'" % SMITH_ROLE)
        cur.execute("ALTER ROLE %s SET temp_file_limit = '64MB'" % SMITH_ROLE)
        cur.execute("ALTER ROLE %s SET max_parallel_workers_per_gather = 0" % SMITH_ROLE)
        cur.execute("ALTER ROLE %s SET log_min_messages = fatal" % SMITH_ROLE)
        cur.execute("ALTER ROLE %s SET log_min_error_statement = panic" % SMITH_ROLE)
    conn.close()


def run_sqlsmith(args):
    target = 'host=%s port=%s dbname=%s user=%s' % (
        os.environ.get('PGHOST', '/var/run/postgresql'), os.environ.get('PGPORT', '5432'),
        DB, SMITH_ROLE)
    cmd = ['sqlsmith', '--target=' + target, '--seed=%d' % args.seed,
           '--max-queries=%d' % args.smith_queries, '--exclude-catalog']
    start = time.time()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       errors='replace')
    # sqlsmith prints a dot per query and an error summary at the end.  The
    # summary is printed here when sqlsmith fails: a file in the cluster's
    # directory would be removed with it.  JOBS_EXT_FUZZ_DIR, when set, names
    # a directory of the user's that keeps the whole output.
    summary = [line for line in p.stdout.splitlines() if line.strip() and set(line) - set('.SCet')]
    kept = ''
    if os.environ.get('JOBS_EXT_FUZZ_DIR'):
        log = os.path.join(os.environ['JOBS_EXT_FUZZ_DIR'], 'sqlsmith.out')
        try:
            with open(log, 'w') as f:
                f.write(p.stdout)
            kept = '; its output is in %s' % log
        except OSError as e:
            kept = '; could not keep its output: %s' % e
    if p.returncode != 0:
        for line in summary[-20:]:
            print('sqlsmith: ' + line, flush=True)
        fail('sqlsmith exited with status %d%s' % (p.returncode, kept))
    print('sqlsmith: %d queries run in %.0f s (seed %d)%s'
          % (args.smith_queries, time.time() - start, args.seed, kept), flush=True)


def server_log_crashes(path, offset):
    if not path or not os.path.exists(path):
        return []
    with open(path, 'rb') as f:
        f.seek(offset)
        text = f.read().decode('utf-8', 'replace')
    lines = text.splitlines()
    found = []
    for i, line in enumerate(lines):
        if CRASH_RE.search(line):
            found.append(line)
            # the next line names the statement that crashed
            if i + 1 < len(lines) and 'Failed process was running' in lines[i + 1]:
                found.append(lines[i + 1])
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--quick', action='store_true', help='the short run of make test')
    ap.add_argument('--seed', type=int, default=int(os.environ.get('FUZZ_SEED', '20200405')))
    ap.add_argument('--smith-queries', type=int, default=None)
    ap.add_argument('--only', help='fuzz only this type')
    args = ap.parse_args()
    if args.smith_queries is None:
        args.smith_queries = 1000 if args.quick else 30000

    server_log = os.environ.get('JOBS_EXT_SERVER_LOG')
    offset = os.path.getsize(server_log) if server_log and os.path.exists(server_log) else 0
    types = load_types()
    if args.only:
        types = {args.only: types[args.only]}
    start = time.time()
    setup_database(types)
    fz = Fuzzer(args)
    fz.run_types(types)
    fz.run_functions(types)
    fz.run_signatures(types)
    fz.conn.close()
    print('fuzz: %d text and %d binary inputs tried (%d and %d accepted), %d + %d function calls, in %.0f s'
          % (fz.tried['text'], fz.tried['binary'], fz.accepted['text'], fz.accepted['binary'],
             fz.tried['function'], fz.tried['signature'], time.time() - start), flush=True)
    if args.smith_queries > 0:
        run_sqlsmith(args)
    for line in server_log_crashes(server_log, offset):
        fail('server log: ' + line)
    print('fuzz: %d inputs tried, %d sqlsmith queries run, %d failures'
          % (sum(fz.tried.values()), args.smith_queries, len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
