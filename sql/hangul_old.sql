--
-- Old Hangul: hangul_nfc, jamo and choseong keep archaic jamo (U+1100..U+11FF
-- beyond the modern ones, U+A960.., U+D7B0.., ㆍ) and the syllables built from
-- them, and compose only what Unicode's NFC composes.  Expected strings were
-- worked out with Python's unicodedata.normalize (Unicode 14), independently
-- of ICU and of PostgreSQL's normalize().
--
SET extra_float_digits = 0;

-- code points, to show what a string holds
CREATE FUNCTION pg_temp.cps(s text) RETURNS text LANGUAGE sql IMMUTABLE AS
$$SELECT string_agg(upper(to_hex(ascii(c))), ' ' ORDER BY i)
  FROM regexp_split_to_table(s, '') WITH ORDINALITY AS t(c, i)$$;

-- the example of doc/hangul.md, unaligned: psql versions count the width of
-- conjoining jamo differently
\pset format unaligned
SELECT s, hangul_nfc(s), jamo(s), choseong(s)
FROM (VALUES ('ᄒᆞᆫ글'), ('가ᇫ'), ('ᅀᆞᆷ'), ('ꥠᅡ'), ('ㆍ')) AS t(s);
\pset format aligned

-- the same as code points, one piece of old Hangul at a time
SELECT what, pg_temp.cps(s) AS input, pg_temp.cps(hangul_nfc(s)) AS hangul_nfc,
	pg_temp.cps(jamo(s)) AS jamo, pg_temp.cps(choseong(s)) AS choseong
FROM (VALUES
	('arae-a between modern initial and final', U&'\1112\119E\11AB'),
	('modern syllable + archaic final', U&'\AC00\11EB'),
	('the same decomposed', U&'\1100\1161\11EB'),
	('modern syllable with final + archaic final', U&'\AC01\11EB'),
	('archaic initial with a compatibility letter', U&'\1140\119E\11B7'),
	('archaic initial without one', U&'\A960\1161'),
	('vowel of U+D7B0..', U&'\1100\D7B0'),
	('final of U+D7CB..', U&'\AC00\D7CB'),
	('initial filler + arae-a', U&'\115F\119E'),
	('arae-a alone', U&'\119E'),
	('compatibility arae-a', U&'\318D'),
	('modern syllable with final + arae-a: two syllables', U&'\D55C\119E'),
	('compatibility letters + archaic final', U&'\3131\314F\11EB')) AS t(what, s);

-- against Unicode's NFC: every string of three pieces, old and modern
CREATE TEMP TABLE pieces (old boolean, p text);
INSERT INTO pieces VALUES
	(true, U&'\1112\119E\11AB'), (true, U&'\1100\119E'), (true, U&'\AC00\11EB'),
	(true, U&'\1100\1161\11EB'), (true, U&'\AC01\11EB'), (true, U&'\1140\119E\11B7'),
	(true, U&'\A960\1161'), (true, U&'\1100\D7B0'), (true, U&'\AC00\D7CB'),
	(true, U&'\115F\119E'), (true, U&'\119E'), (true, U&'\11EB'), (true, U&'\318D'),
	(true, U&'\1121\1161'), (true, U&'\1100\1160'),
	(false, '한'), (false, '가'), (false, normalize('한', NFD)), (false, 'a');
CREATE TEMP TABLE old_strings AS
SELECT a.old AND b.old AND c.old AS old, a.p || b.p || c.p AS s
FROM pieces a, pieces b, pieces c;
SELECT count(*) AS strings,
	count(*) FILTER (WHERE hangul_nfc(s) <> normalize(s, NFC)) AS not_nfc,
	count(*) FILTER (WHERE hangul_nfc(normalize(s, NFD)) <> normalize(s, NFC)) AS nfd_not_nfc,
	count(*) FILTER (WHERE hangul_nfc(hangul_nfc(s)) <> hangul_nfc(s)) AS not_idempotent,
	count(*) FILTER (WHERE old AND jamo(s) <> normalize(s, NFD)) AS old_jamo_not_nfd,
	count(*) FILTER (WHERE jamo(hangul_nfc(s)) <> jamo(s)) AS nfc_changes_letters,
	count(*) FILTER (WHERE choseong(s) ~ '[가-힣]') AS syllables_left_by_choseong
FROM old_strings;

-- similarity and 초성 search read old Hangul as before (the index keys do
-- not change): archaic jamo are letters of their own
SELECT hangul_similarity('ᄒᆞᆫ글', 'ᄒᆞᆫ글') AS self, choseong_match('ᄒᆞᆫ글 맞춤법', 'ㅁㅊ') AS match;
