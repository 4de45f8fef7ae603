--
-- Cost of the Korean text functions on any input (doc/hangul.md, "Cost on
-- any input"): statement_timeout cancels them at once, and the size caps
-- answer 54000.
--
SET extra_float_digits = 0;

-- 54000: the trigram functions take at most 1 MB (1,048,576 bytes) a text
SELECT hangul_similarity(repeat('가', 349525), '가') AS at_the_cap;  -- 1,048,575 bytes
SELECT hangul_similarity(repeat('가', 349526), '가');                -- 1,048,578 bytes
SELECT '가' %% repeat('가', 349526);
CREATE TABLE hangul_long (t text);
CREATE INDEX ON hangul_long USING gin (t gin_hangul_ops);
INSERT INTO hangul_long VALUES (repeat('가', 349525));
INSERT INTO hangul_long VALUES (repeat('가', 349526));
SELECT count(*) FROM hangul_long WHERE t %% repeat('가', 349526);
DROP TABLE hangul_long;
-- the others take 64 MB
SELECT length(jamo(repeat('a', 64 * 1024 * 1024 + 1)));
-- and no more than 4096 combining characters in a row, which ICU would
-- reorder in quadratic time (the first string is a + 4096 marks: NFC composes
-- the first with the a)
SELECT length(hangul_nfc('a' || repeat(U&'\0301', 4096))) AS at_the_cap;
SELECT hangul_nfc('a' || repeat(U&'\0301\0316', 2049));
-- ICU normalises a long text in pieces of 64 kB, cut where nothing combines
-- across: the result is the NFC of the whole (half a megabyte of letters,
-- combining marks and precomposed letters in pseudo-random order)
SELECT hangul_nfc(s) = normalize(s, NFC) AS same_as_nfc, octet_length(s) AS bytes
FROM (SELECT string_agg((ARRAY[U&'\0301', 'e', U&'\0323', 'a', U&'\0308', U&'\00C5',
							   U&'\1E0B', U&'\0307', 'o', U&'\031B', U&'\0345'])
						[1 + abs(hashint4(i)) % 11], '' ORDER BY i) AS s
	  FROM generate_series(1, 300000) AS i) AS t;

-- 57014: a short statement_timeout on inputs each function takes far longer
-- than that on (before interrupts were checked in their loops, 1 to 10
-- seconds, cancelled only at the end).  Each line says how the statement
-- ended and whether it was within a second of its start.  (The trigram
-- functions are bounded by their 1 MB cap: tens of milliseconds a call.)
CREATE FUNCTION pg_temp.outcome(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'finished';
EXCEPTION WHEN query_canceled THEN
	RETURN SQLSTATE || CASE WHEN clock_timestamp() - statement_timestamp() < interval '1 s'
						   THEN ' within 1 s' ELSE ' after more than 1 s' END;
END $$;
SET statement_timeout = '100ms';
-- 150,000-letter pattern against a 300,000-syllable text: 10^10 comparisons
SELECT pg_temp.outcome($q$SELECT choseong_match(repeat('가', 300000), repeat('ㄱ', 150000) || 'ㄴ')$q$) AS choseong_match;
-- 60 MB of Hangul, through ICU (é) and not
SELECT pg_temp.outcome($q$SELECT length(hangul_nfc(repeat('가나다 é', 5000000)))$q$) AS hangul_nfc;
SELECT pg_temp.outcome($q$SELECT length(jamo(repeat('가나다라마', 4000000)))$q$) AS jamo;
SELECT pg_temp.outcome($q$SELECT length(choseong(repeat('가나다 é', 5000000)))$q$) AS choseong;
SELECT pg_temp.outcome($q$SELECT length(romanize(repeat('가나다라마', 4000000)))$q$) AS romanize;
RESET statement_timeout;
