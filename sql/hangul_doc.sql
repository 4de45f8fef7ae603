--
-- The examples of doc/hangul.md, checked by test/check_docs.sh against this
-- suite's expected output.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
RESET client_min_messages;
SET extra_float_digits = 0;

SELECT hangul_nfc(normalize('용접   기능사', NFD)) AS nfc, jamo('군산') AS jamo,
       choseong('용접기능사') AS choseong;

SELECT hangul_nfc('ㄱㅜㄴㅅㅏㄴ') AS letters, jamo('닭값 IT') AS compound,
       choseong('IT 개발자 (경력)') AS other;

SELECT choseong_match('용접기능사', 'ㅇㅈ기') AS mixed,
       choseong_match('용접기능사', 'ㄱㄴㅅ') AS inside,
       choseong_match('용접 기능사', 'ㅇㅈㄱ') AS spacing,
       '용접기능사' ^% 'ㄴㅅ' AS operator;

SELECT a, b, hangul_similarity(a, b), similarity(a, b) AS pg_trgm
FROM (VALUES ('용접', '용젭'),
             ('요양보호사', '요양 보오사'),
             ('요양보호사', normalize('요양보호사', NFD)),
             ('요양보호사', 'ㅇㅇㅂㅎㅅ'),
             ('JAVA 개발자', 'java개발자')) AS t(a, b);

SHOW jobs_ext.hangul_similarity_threshold;
SELECT '용접' %% '용젭' AS similar;

SET jobs_ext.hangul_similarity_threshold = 0.5;
SELECT '용접' %% '용젭' AS similar;
RESET jobs_ext.hangul_similarity_threshold;

SELECT w, romanize(w)
FROM unnest(ARRAY['군산', '용접', '백마', '신라', '독립문', '해돋이', '좋고', '묵호',
                  '압구정', '군산 고용센터']) AS w;

CREATE TABLE postings (id integer PRIMARY KEY, title text);
INSERT INTO postings
SELECT row_number() OVER (), r || ' ' || o
FROM unnest(ARRAY['군산', '익산', '전주']) AS r,
     unnest(ARRAY['요양보호사', '용접원', '지게차 운전원', '간호조무사', '사무보조원']) AS o;
CREATE INDEX postings_title ON postings USING gin (title gin_hangul_ops);
SET enable_seqscan = off;

EXPLAIN (COSTS OFF)
SELECT title FROM postings WHERE title %% '군산 요양보오사';

SELECT title, hangul_similarity(title, '군산 요양보오사') AS sim
FROM postings WHERE title %% '군산 요양보오사'
ORDER BY sim DESC, title;

EXPLAIN (COSTS OFF)
SELECT title FROM postings WHERE choseong_match(title, 'ㅇㅈㅇ');

SELECT title FROM postings WHERE choseong_match(title, 'ㅇㅈㅇ') ORDER BY id;

RESET enable_seqscan;
DROP TABLE postings;
