--
-- Korean text: hangul_nfc, jamo, choseong, choseong_match, hangul_similarity,
-- %%, romanize and the gin_hangul_ops index
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
RESET client_min_messages;
SET extra_float_digits = 0;

-- composed, decomposed (NFD, macOS) and compatibility-jamo spellings of 군산
CREATE TEMP TABLE spellings (form text, s text);
INSERT INTO spellings VALUES
	('NFC', '군산'),
	('NFD', normalize('군산', NFD)),
	('compatibility jamo', 'ㄱㅜㄴㅅㅏㄴ'),
	('spaced, full-width space', ' 군　산 ');
SELECT form, length(s) AS chars, hangul_nfc(s), jamo(s), choseong(s), romanize(s),
	hangul_similarity(s, '군산') AS sim, choseong_match(s, 'ㄱㅅ') AS match
FROM spellings ORDER BY form COLLATE "C";

-- the examples of the issue
SELECT jamo('군산'), choseong('용접기능사'), choseong_match('용접기능사', 'ㅇㅈ기');
SELECT hangul_similarity('용접', '용젭') AS hangul, similarity('용접', '용젭') AS trgm;

-- hangul_nfc: NFC, spacing folded to one space, letter-by-letter jamo composed
SELECT hangul_nfc(normalize('용접 기능사', NFD)) = '용접 기능사' AS nfd_composes;
SELECT hangul_nfc(E'\t 직업\u3000상담사 \n') AS spacing,
	hangul_nfc('ㅇㅈ ㄱㄴㅅ') AS choseong_stays,
	hangul_nfc('ㄱㅏㅂㅅ ㄷㅏㄹㄱ') AS letters,
	hangul_nfc('Café ＡＢＣ') AS other_scripts;

-- jamo and choseong keep everything that is not Hangul
SELECT jamo('용접 기능사'), jamo('닭값 과외'), jamo('IT 개발자 (경력 3년)');
SELECT choseong('용접 기능사'), choseong('IT 개발자 (경력 3년)'), choseong('ㅠㅠ 아'),
	choseong(normalize('요양보호사', NFD));

-- choseong_match: lone consonants match any syllable with that initial,
-- syllables and other letters match themselves; spacing and case ignored
SELECT p, choseong_match('용접기능사 (특수용접)', p) AS matches
FROM unnest(ARRAY['ㅇㅈ', 'ㅇㅈ기', 'ㅇ접', '용접', 'ㄱㄴㅅ', 'ㅇㅈ 기', 'ㅅㅌ', 'ㅌㅅ',
				  'ㅇㅈㄱㄴㅅㅌㅅ', 'ㅇㅈ가', 'ㄱ', '', ' ', '용저',
				  normalize('ㅇ접기', NFD), 'ㅇㅈㄱㄴㅅㅇㅈㄱㄴㅅ']) AS p;
SELECT choseong_match('Java 개발자', 'java ㄱㅂ') AS latin_case,
	choseong_match('Java 개발자', 'JAVAㄱ') AS latin_upper,
	choseong_match('', 'ㅇ') AS empty_text,
	choseong_match('', '') AS both_empty,
	'용접기능사' ^% 'ㅇㅈㄱ' AS operator;

-- hangul_similarity: normalisation form, spacing and case do not matter
SELECT hangul_similarity('용접 기능사', '용접기능사') AS spacing,
	hangul_similarity(normalize('용접기능사', NFD), '용접기능사') AS nfd,
	hangul_similarity('JAVA 개발자', 'java개발자') AS latin_case,
	hangul_similarity('ＩＴ 지원', 'it지원') AS full_width;
-- typos: one wrong jamo costs less than one wrong syllable does in pg_trgm
SELECT a, b, hangul_similarity(a, b) AS hangul, similarity(a, b) AS trgm
FROM (VALUES ('용접', '용젭'), ('요양보호사', '요양보오사'), ('지게차 운전원', '지개차운전원'),
			 ('간호조무사', '간호 조무사'), ('용접', '배관'), ('용접기능사', '용접산업기사')) AS t(a, b);
-- 초성 queries compare initial consonants
SELECT hangul_similarity('ㅇㅈㄱㄴㅅ', '용접기능사') AS exact,
	hangul_similarity('용접기능사', 'ㅇㅈㄱㄴㅅ') AS symmetric,
	hangul_similarity('ㅇㅈㄱㄴㅅ', '용접기능장') AS one_off,
	hangul_similarity('ㅇㅈ', 'ㅇㅈ') AS both;
-- edges
SELECT hangul_similarity('', '') AS empty, hangul_similarity('', '용접') AS one_empty,
	hangul_similarity('   ', ' ') AS blanks, hangul_similarity('abc', 'abc') AS latin,
	hangul_similarity('東京', '東京') AS han, hangul_similarity('용접', 'welding') AS unrelated;

-- %% uses jobs_ext.hangul_similarity_threshold
SHOW jobs_ext.hangul_similarity_threshold;
SELECT '용접' %% '용젭' AS default_threshold;
SET jobs_ext.hangul_similarity_threshold = 0.5;
SELECT '용접' %% '용젭' AS at_half;
SET jobs_ext.hangul_similarity_threshold = 1.5;
RESET jobs_ext.hangul_similarity_threshold;

-- every function on empty, blank, non-Hangul, mixed-script and lone-jamo text
SELECT s, hangul_nfc(s), jamo(s), choseong(s), romanize(s),
	hangul_similarity(s, s) AS self_sim, choseong_match(s, s) AS self_match
FROM (VALUES (''), ('   '), ('Café Ωμέγα'), ('東京 タワー'), ('ｶﾀｶﾅ ①'), ('서울Seoul 123'),
			 ('ㄱ'), ('ㅏ'), ('ㅋㅋ ㅠㅠ'), ('한글·漢字')) AS t(s);

-- jobcat input hints at the closest label by hangul_similarity, 초성 too
SELECT 'ㅈㅈㅇㅈㄹ'::jobcat;
SELECT '고용유지지원굼'::jobcat;

-- compatibility jamo that NFKC maps to archaic jamo (ㅄ, ㅀ) stay letters
-- when other characters (here full-width Ａ) send the text through ICU
SELECT hangul_similarity('ㅄㅀ Ａ', 'ㅄㅀ a') AS through_icu,
	choseong_match('값 Ａ', 'ㄱ a') AS match_through_icu;

-- generated strings of syllables, conjoining, compatibility and archaic
-- jamo, ASCII, combining marks, full-width forms and U+3000: nothing fails,
-- and the identities that should hold do
CREATE TEMP TABLE fuzz AS
SELECT i, (SELECT string_agg(chr(CASE (i % 5 * 7 + k) % 9
			WHEN 0 THEN 44032 + ((i * 131 + k * 977) % 11172)
			WHEN 1 THEN 4352 + ((i + k * 13) % 256)
			WHEN 2 THEN 12593 + ((i * 3 + k) % 94)
			WHEN 3 THEN 32 + ((i + k * 7) % 95)
			WHEN 4 THEN 768 + ((i + k) % 112)
			WHEN 5 THEN 65281 + ((i + k) % 94)
			WHEN 6 THEN 43360 + ((i + k) % 29)
			WHEN 7 THEN 55216 + ((i + k) % 75)
			ELSE 12288 END), '')
		   FROM generate_series(1, 1 + i % 23) AS k) AS s
FROM generate_series(1, 3000) AS i;
SELECT count(*) AS strings,
	count(*) FILTER (WHERE jamo(hangul_nfc(s)) <> jamo(s)) AS nfc_changes_letters,
	count(*) FILTER (WHERE hangul_nfc(hangul_nfc(s)) <> hangul_nfc(s)) AS nfc_not_idempotent,
	count(*) FILTER (WHERE hangul_similarity(s, s) = 1 AND
					 (hangul_similarity(s, normalize(s, NFD)) < 1 OR
					  hangul_similarity(s, hangul_nfc(s)) < 1)) AS form_matters,
	count(*) FILTER (WHERE NOT choseong_match(s, s) OR NOT choseong_match(s, hangul_nfc(s))) AS no_self_match,
	count(*) FILTER (WHERE romanize(s) ~ '[가-힣]') AS syllables_left_by_romanize,
	count(*) FILTER (WHERE choseong(s) ~ '[가-힣]') AS syllables_left_by_choseong
FROM fuzz;

-- very long input
SELECT length(jamo(repeat('군산', 100000))) AS jamo_len,
	length(choseong(repeat('군산 ', 100000))) AS choseong_len,
	length(hangul_nfc(repeat(normalize('군산', NFD), 100000))) AS nfc_len,
	hangul_similarity(repeat('용접', 50000), repeat('용접', 50000)) AS sim,
	choseong_match(repeat('가', 100000) || '용접', 'ㅇㅈ') AS match,
	length(romanize(repeat('신라', 50000))) AS romanize_len;

-- romanize: the examples of the Revised Romanization of Korean (2000).  The
-- standard capitalises names only; romanize() treats every word as a name.
SELECT w, romanize(w) AS romanized, official,
	CASE WHEN romanize(w) = initcap(official) THEN 'ok' ELSE 'DIFFERENT' END AS check
FROM (VALUES
	-- Section 2, vowels and consonants
	('광희문', 'Gwanghuimun'), ('구미', 'Gumi'), ('영동', 'Yeongdong'), ('백암', 'Baegam'),
	('옥천', 'Okcheon'), ('합덕', 'Hapdeok'), ('호법', 'Hobeop'), ('월곶', 'Wolgot'),
	('벚꽃', 'beotkkot'), ('한밭', 'Hanbat'), ('구리', 'Guri'), ('설악', 'Seorak'),
	('칠곡', 'Chilgok'), ('임실', 'Imsil'), ('울릉', 'Ulleung'), ('대관령', 'Daegwallyeong'),
	-- Section 3, Article 1: assimilation
	('백마', 'Baengma'), ('신문로', 'Sinmunno'), ('종로', 'Jongno'), ('왕십리', 'Wangsimni'),
	('별내', 'Byeollae'), ('신라', 'Silla'),
	-- palatalisation
	('해돋이', 'haedoji'), ('같이', 'gachi'),
	-- aspiration with ㅎ, and the rule for nouns
	('좋고', 'joko'), ('놓다', 'nota'), ('낳지', 'nachi'), ('묵호', 'Mukho'), ('집현전', 'Jiphyeonjeon'),
	-- tensing is not written
	('압구정', 'Apgujeong'), ('낙동강', 'Nakdonggang'), ('죽변', 'Jukbyeon'), ('낙성대', 'Nakseongdae'),
	('합정', 'Hapjeong'), ('팔당', 'Paldang'), ('샛별', 'saetbyeol'), ('울산', 'Ulsan'),
	-- Article 3: proper nouns
	('부산', 'Busan'), ('세종', 'Sejong'),
	-- Article 6: natural features, cultural properties, structures
	('남산', 'Namsan'), ('속리산', 'Songnisan'), ('금강', 'Geumgang'), ('독도', 'Dokdo'),
	('경복궁', 'Gyeongbokgung'), ('무량수전', 'Muryangsujeon'), ('연화교', 'Yeonhwagyo'),
	('극락전', 'Geungnakjeon'), ('안압지', 'Anapji'), ('남한산성', 'Namhansanseong'),
	('화랑대', 'Hwarangdae'), ('불국사', 'Bulguksa'), ('현충사', 'Hyeonchungsa'),
	('독립문', 'Dongnimmun'), ('오죽헌', 'Ojukheon'), ('촉석루', 'Chokseongnu'),
	('종묘', 'Jongmyo'), ('다보탑', 'Dabotap'),
	-- the issue
	('군산', 'Gunsan'), ('용접', 'yongjeop')) AS t(w, official);
-- words, other scripts and letters by themselves
SELECT romanize('군산시 고용복지플러스센터') AS words, romanize('종로2가') AS digits,
	romanize('IT 개발자 3명') AS mixed, romanize('') AS empty,
	romanize('많아 싫어 닭 값 앉아 읽어') AS compound_finals, romanize('ㅇㅈ ㅏ') AS lone_jamo;

-- GIN index: the same rows as a sequential scan
CREATE TABLE hangul_titles (id int PRIMARY KEY, title text);
INSERT INTO hangul_titles
SELECT row_number() OVER (), r || ' ' || o || s
FROM unnest(ARRAY['군산', '전주', '익산', '서울']) AS r,
	unnest(ARRAY['용접', '요양보호', '지게차 운전', '간호조무', '조리', '전기', '배관',
				 '경리', '사무보조', '웹 개발', 'Java 개발', '물류 관리']) AS o,
	unnest(ARRAY['사', '원', ' 기사', ' 보조원', '공']) AS s;
INSERT INTO hangul_titles VALUES (1000, ''), (1001, 'ㅇㅈ'), (1002, normalize('군산 용접사', NFD)),
	(1003, 'ㄱㅅ ㅇㅈㅅ');
CREATE INDEX hangul_titles_gin ON hangul_titles USING gin (title gin_hangul_ops);
ANALYZE hangul_titles;

CREATE FUNCTION hangul_same_rows(q text) RETURNS TABLE (plan text, n bigint, same boolean)
LANGUAGE plpgsql AS $$
DECLARE
	idx int[];
	seq int[];
	line text;
BEGIN
	SET LOCAL enable_seqscan = off;
	SET LOCAL enable_indexscan = off;
	plan := '';
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) SELECT id FROM hangul_titles WHERE ' || q LOOP
		IF line ~ 'Scan' THEN plan := plan || btrim(line); END IF;
	END LOOP;
	EXECUTE 'SELECT array_agg(id ORDER BY id) FROM hangul_titles WHERE ' || q INTO idx;
	SET LOCAL enable_seqscan = on;
	SET LOCAL enable_bitmapscan = off;
	EXECUTE 'SELECT array_agg(id ORDER BY id) FROM hangul_titles WHERE ' || q INTO seq;
	RESET enable_bitmapscan;
	RESET enable_indexscan;
	n := coalesce(cardinality(seq), 0);
	same := idx IS NOT DISTINCT FROM seq;
	RETURN NEXT;
END $$;

SELECT q, p.* FROM unnest(ARRAY[
	$q$title %% '용접사'$q$,
	$q$title %% '군산 용젭사'$q$,
	$q$title %% '요양 보호사'$q$,
	$q$title %% 'ㅇㅈㅅ'$q$,
	$q$title %% 'ㄱㅅ ㅇㅈ'$q$,
	$q$title %% ''$q$,
	$q$title %% 'java개발원'$q$,
	$q$title ^% 'ㅇㅈ'$q$,
	$q$title ^% 'ㄱㅅ ㅈㄱㅊ'$q$,
	$q$title ^% 'ㅇㅈ기'$q$,
	$q$choseong_match(title, 'ㅇㅈㅅ')$q$,
	$q$choseong_match(title, '전ㄱ')$q$,
	$q$title ^% 'ㅈ'$q$,
	$q$title ^% ''$q$]) AS q, hangul_same_rows(q) AS p;
-- thresholds at the edges
SET jobs_ext.hangul_similarity_threshold = 0;
SELECT * FROM hangul_same_rows($q$title %% '용접'$q$);
SET jobs_ext.hangul_similarity_threshold = 1;
SELECT * FROM hangul_same_rows($q$title %% '군산 용접사'$q$);
RESET jobs_ext.hangul_similarity_threshold;
-- the best matches for a typo, by similarity
SELECT title, hangul_similarity(title, '군산 요양보오사') AS sim
FROM hangul_titles WHERE title %% '군산 요양보오사'
ORDER BY sim DESC, id LIMIT 3;

DROP FUNCTION hangul_same_rows(text);
DROP TABLE hangul_titles;
