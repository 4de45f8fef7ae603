--
-- romanize(text, style) against the Revised Romanization of Korean (국어의
-- 로마자 표기법, Ministry of Culture and Tourism notice 2000-8): every
-- example the standard prints, in Chapter 2 and in Articles 1 to 8 of
-- Chapter 3 (Article 7 prints none), then hand-worked cases for each rule
-- (doc/hangul.md, "Romanisation").
--
-- "official" is the romanisation as the standard prints it; "expected" is
-- the same string, changed only where a column "convention" says so:
--   capital    romanize capitalises every word (the standard, only proper
--              nouns, Article 3): beotkkot is Beotkkot;
--   reading    "1(il)-dong" shows how the digit is read: the text is 1-dong;
--   unit kept  the note to Article 5 lets 시, 군, 읍 be left out (청주시
--              Cheongju); romanize writes what it is given: 청주 is Cheongju
--              (checked after the list).
-- The style is the one the article is about: word for the sound rules and
-- Articles 3 and 6, word-hyphen for the optional hyphen of Article 2, name
-- and name-hyphen for Article 4 (it prints both forms), place for Article
-- 5, translit for Article 8.
--
CREATE TEMP TABLE rr_official (
	n serial,
	article text,				-- chapter.article[.item] of the standard
	hangul text,
	style text,
	official text,
	expected text,
	convention text DEFAULT ''
);
INSERT INTO rr_official (article, hangul, style, official, expected, convention) VALUES
	-- Chapter 2, Article 1, note 1: ㅢ is ui even when said as ㅣ
	('2.1', '광희문', 'word', 'Gwanghuimun', 'Gwanghuimun', ''),
	-- Chapter 2, Article 2, note 1: ㄱ ㄷ ㅂ are g d b before a vowel, k t p
	-- before a consonant or at the end ([] pronunciations as printed)
	('2.2', '구미', 'word', 'Gumi', 'Gumi', ''),
	('2.2', '영동', 'word', 'Yeongdong', 'Yeongdong', ''),
	('2.2', '백암', 'word', 'Baegam', 'Baegam', ''),
	('2.2', '옥천', 'word', 'Okcheon', 'Okcheon', ''),
	('2.2', '합덕', 'word', 'Hapdeok', 'Hapdeok', ''),
	('2.2', '호법', 'word', 'Hobeop', 'Hobeop', ''),
	('2.2', '월곶', 'word', 'Wolgot', 'Wolgot', ''),			-- [월곧]
	('2.2', '벚꽃', 'word', 'beotkkot', 'Beotkkot', 'capital'),	-- [벋꼳]
	('2.2', '한밭', 'word', 'Hanbat', 'Hanbat', ''),			-- [한받]
	-- note 2: ㄹ is r before a vowel, l before a consonant or at the end; ㄹㄹ ll
	('2.2', '구리', 'word', 'Guri', 'Guri', ''),
	('2.2', '설악', 'word', 'Seorak', 'Seorak', ''),
	('2.2', '칠곡', 'word', 'Chilgok', 'Chilgok', ''),
	('2.2', '임실', 'word', 'Imsil', 'Imsil', ''),
	('2.2', '울릉', 'word', 'Ulleung', 'Ulleung', ''),
	('2.2', '대관령', 'word', 'Daegwallyeong', 'Daegwallyeong', ''),	-- [대괄령]
	-- Chapter 3, Article 1.1: assimilation between consonants
	('3.1.1', '백마', 'word', 'Baengma', 'Baengma', ''),		-- [뱅마]
	('3.1.1', '신문로', 'word', 'Sinmunno', 'Sinmunno', ''),	-- [신문노]
	('3.1.1', '종로', 'word', 'Jongno', 'Jongno', ''),			-- [종노]
	('3.1.1', '왕십리', 'word', 'Wangsimni', 'Wangsimni', ''),	-- [왕심니]
	('3.1.1', '별내', 'word', 'Byeollae', 'Byeollae', ''),		-- [별래]
	('3.1.1', '신라', 'word', 'Silla', 'Silla', ''),			-- [실라]
	-- 1.2: ㄴ or ㄹ inserted
	('3.1.2', '학여울', 'word', 'Hangnyeoul', 'Hangnyeoul', ''),	-- [항녀울]
	('3.1.2', '알약', 'word', 'allyak', 'Allyak', 'capital'),		-- [알략]
	-- 1.3: palatalisation (맞히다 in the notice of 2000, 굳히다 since its
	-- revision of 2014)
	('3.1.3', '해돋이', 'word', 'haedoji', 'Haedoji', 'capital'),	-- [해도지]
	('3.1.3', '같이', 'word', 'gachi', 'Gachi', 'capital'),			-- [가치]
	('3.1.3', '맞히다', 'word', 'machida', 'Machida', 'capital'),	-- [마치다]
	('3.1.3', '굳히다', 'word', 'guchida', 'Guchida', 'capital'),	-- [구치다]
	-- 1.4: ㄱ ㄷ ㅂ ㅈ with ㅎ make an aspirate ...
	('3.1.4', '좋고', 'word', 'joko', 'Joko', 'capital'),			-- [조코]
	('3.1.4', '놓다', 'word', 'nota', 'Nota', 'capital'),			-- [노타]
	('3.1.4', '잡혀', 'word', 'japyeo', 'Japyeo', 'capital'),		-- [자펴]
	('3.1.4', '낳지', 'word', 'nachi', 'Nachi', 'capital'),			-- [나치]
	-- ... but in nouns the h after ㄱ ㄷ ㅂ is written
	('3.1.4', '묵호', 'word', 'Mukho', 'Mukho', ''),
	('3.1.4', '집현전', 'word', 'Jiphyeonjeon', 'Jiphyeonjeon', ''),
	-- note: tensing is not written
	('3.1', '압구정', 'word', 'Apgujeong', 'Apgujeong', ''),
	('3.1', '낙동강', 'word', 'Nakdonggang', 'Nakdonggang', ''),
	('3.1', '죽변', 'word', 'Jukbyeon', 'Jukbyeon', ''),
	('3.1', '낙성대', 'word', 'Nakseongdae', 'Nakseongdae', ''),
	('3.1', '합정', 'word', 'Hapjeong', 'Hapjeong', ''),
	('3.1', '팔당', 'word', 'Paldang', 'Paldang', ''),
	('3.1', '샛별', 'word', 'saetbyeol', 'Saetbyeol', 'capital'),
	('3.1', '울산', 'word', 'Ulsan', 'Ulsan', ''),
	-- Article 2: a hyphen may part syllables that could be misread
	('3.2', '중앙', 'word-hyphen', 'Jung-ang', 'Jung-ang', ''),
	('3.2', '반구대', 'word-hyphen', 'Ban-gudae', 'Ban-gudae', ''),
	('3.2', '세운', 'word-hyphen', 'Se-un', 'Se-un', ''),
	('3.2', '해운대', 'word-hyphen', 'Hae-undae', 'Hae-undae', ''),
	-- Article 3: proper nouns start with a capital
	('3.3', '부산', 'word', 'Busan', 'Busan', ''),
	('3.3', '세종', 'word', 'Sejong', 'Sejong', ''),
	-- Article 4: surname, then the given name in one word (a hyphen between
	-- its syllables allowed) ...
	('3.4', '민용하', 'name', 'Min Yongha (Min Yong-ha)', 'Min Yongha', ''),
	('3.4', '민용하', 'name-hyphen', 'Min Yongha (Min Yong-ha)', 'Min Yong-ha', ''),
	('3.4', '송나리', 'name', 'Song Nari (Song Na-ri)', 'Song Nari', ''),
	('3.4', '송나리', 'name-hyphen', 'Song Nari (Song Na-ri)', 'Song Na-ri', ''),
	-- ... with no sound change inside the given name
	('3.4.1', '한복남', 'name', 'Han Boknam (Han Bok-nam)', 'Han Boknam', ''),
	('3.4.1', '한복남', 'name-hyphen', 'Han Boknam (Han Bok-nam)', 'Han Bok-nam', ''),
	('3.4.1', '홍빛나', 'name', 'Hong Bitna (Hong Bit-na)', 'Hong Bitna', ''),
	('3.4.1', '홍빛나', 'name-hyphen', 'Hong Bitna (Hong Bit-na)', 'Hong Bit-na', ''),
	-- Article 5: a hyphen before 도 시 군 구 읍 면 리 동 and 가, with no sound
	-- change across it
	('3.5', '충청북도', 'place', 'Chungcheongbuk-do', 'Chungcheongbuk-do', ''),
	('3.5', '제주도', 'place', 'Jeju-do', 'Jeju-do', ''),
	('3.5', '의정부시', 'place', 'Uijeongbu-si', 'Uijeongbu-si', ''),
	('3.5', '양주군', 'place', 'Yangju-gun', 'Yangju-gun', ''),
	('3.5', '도봉구', 'place', 'Dobong-gu', 'Dobong-gu', ''),
	('3.5', '신창읍', 'place', 'Sinchang-eup', 'Sinchang-eup', ''),
	('3.5', '삼죽면', 'place', 'Samjuk-myeon', 'Samjuk-myeon', ''),
	('3.5', '인왕리', 'place', 'Inwang-ri', 'Inwang-ri', ''),
	('3.5', '당산동', 'place', 'Dangsan-dong', 'Dangsan-dong', ''),
	('3.5', '봉천 1동', 'place', 'Bongcheon 1(il)-dong', 'Bongcheon 1-dong', 'reading'),
	('3.5', '종로 2가', 'place', 'Jongno 2(i)-ga', 'Jongno 2-ga', 'reading'),
	('3.5', '퇴계로 3가', 'place', 'Toegyero 3(sam)-ga', 'Toegyero 3-ga', 'reading'),
	-- note: 시, 군, 읍 may be left out
	('3.5', '청주시', 'place', 'Cheongju', 'Cheongju-si', 'unit kept'),
	('3.5', '함평군', 'place', 'Hampyeong', 'Hampyeong-gun', 'unit kept'),
	('3.5', '순창읍', 'place', 'Sunchang', 'Sunchang-eup', 'unit kept'),
	-- Article 6: natural features, cultural properties and structures, in
	-- one word without a hyphen
	('3.6', '남산', 'word', 'Namsan', 'Namsan', ''),
	('3.6', '속리산', 'word', 'Songnisan', 'Songnisan', ''),
	('3.6', '금강', 'word', 'Geumgang', 'Geumgang', ''),
	('3.6', '독도', 'word', 'Dokdo', 'Dokdo', ''),
	('3.6', '경복궁', 'word', 'Gyeongbokgung', 'Gyeongbokgung', ''),
	('3.6', '무량수전', 'word', 'Muryangsujeon', 'Muryangsujeon', ''),
	('3.6', '연화교', 'word', 'Yeonhwagyo', 'Yeonhwagyo', ''),
	('3.6', '극락전', 'word', 'Geungnakjeon', 'Geungnakjeon', ''),
	('3.6', '안압지', 'word', 'Anapji', 'Anapji', ''),
	('3.6', '남한산성', 'word', 'Namhansanseong', 'Namhansanseong', ''),
	('3.6', '화랑대', 'word', 'Hwarangdae', 'Hwarangdae', ''),
	('3.6', '불국사', 'word', 'Bulguksa', 'Bulguksa', ''),
	('3.6', '현충사', 'word', 'Hyeonchungsa', 'Hyeonchungsa', ''),
	('3.6', '독립문', 'word', 'Dongnimmun', 'Dongnimmun', ''),
	('3.6', '오죽헌', 'word', 'Ojukheon', 'Ojukheon', ''),
	('3.6', '촉석루', 'word', 'Chokseongnu', 'Chokseongnu', ''),
	('3.6', '종묘', 'word', 'Jongmyo', 'Jongmyo', ''),
	('3.6', '다보탑', 'word', 'Dabotap', 'Dabotap', ''),
	-- Article 8: transliteration of the spelling, for restoring the Hangul
	('3.8', '집', 'translit', 'jib', 'jib', ''),
	('3.8', '짚', 'translit', 'jip', 'jip', ''),
	('3.8', '밖', 'translit', 'bakk', 'bakk', ''),
	('3.8', '값', 'translit', 'gabs', 'gabs', ''),
	('3.8', '붓꽃', 'translit', 'buskkoch', 'buskkoch', ''),
	('3.8', '먹는', 'translit', 'meogneun', 'meogneun', ''),
	('3.8', '독립', 'translit', 'doglib', 'doglib', ''),
	('3.8', '문리', 'translit', 'munli', 'munli', ''),
	('3.8', '물엿', 'translit', 'mul-yeos', 'mul-yeos', ''),
	('3.8', '굳이', 'translit', 'gud-i', 'gud-i', ''),
	('3.8', '좋다', 'translit', 'johda', 'johda', ''),
	('3.8', '가곡', 'translit', 'gagog', 'gagog', ''),
	('3.8', '조랑말', 'translit', 'jolangmal', 'jolangmal', ''),
	('3.8', '없었습니다', 'translit', 'eobs-eoss-seubnida', 'eobs-eoss-seubnida', '');

-- the list, each line with the article it is printed under
SELECT article, hangul, style, official, romanize(hangul, style) AS romanized, convention,
	CASE WHEN romanize(hangul, style) = expected THEN 'ok'
		 ELSE 'DIFFERENT, expected ' || expected END AS check
FROM rr_official ORDER BY n;

-- how many: examples (Article 4 prints two forms of each name), and how many
-- come out exactly as printed, or as printed but for a convention above
SELECT count(DISTINCT (article, hangul)) AS examples,
	count(*) AS checks,
	count(*) FILTER (WHERE romanize(hangul, style) = expected) AS as_expected,
	count(*) FILTER (WHERE romanize(hangul, style) = official) AS letter_for_letter,
	count(*) FILTER (WHERE romanize(hangul, style) = expected AND convention = 'capital') AS but_capital,
	count(*) FILTER (WHERE romanize(hangul, style) = expected AND convention = 'reading') AS but_reading,
	count(*) FILTER (WHERE romanize(hangul, style) = expected AND convention = 'unit kept') AS but_unit,
	count(*) FILTER (WHERE romanize(hangul, style) = expected AND convention = '' AND
					 official LIKE '%(%') AS one_of_two_forms
FROM rr_official;

-- Article 5, note: the unit left out of the Hangul is left out of the
-- romanisation, as the standard prints it
SELECT hangul, romanize(hangul, 'place') AS romanized FROM unnest(ARRAY['청주', '함평', '순창']) AS hangul;

-- the word style is romanize(text) of 1.0
SELECT count(*) FILTER (WHERE romanize(hangul) <> romanize(hangul, 'word')) AS word_differs
FROM rr_official;

--
-- Hand-worked cases, rule by rule: the pronunciation from the standard
-- pronunciation rules (표준 발음법, "P" and the article), then its
-- romanisation by the tables of Chapter 2 (capitalised, as romanize does).
--
CREATE TEMP TABLE rr_cases (n serial, rule text, hangul text, style text, said text, expected text);
INSERT INTO rr_cases (rule, hangul, style, said, expected) VALUES
	-- P 12.1, note 1: ㄱ(ㄺ) ㄷ ㅂ(ㄼ) ㅈ(ㄵ) + ㅎ in a verb or adjective
	('aspiration, predicate', '앉히다', 'word', '안치다', 'Anchida'),
	('aspiration, predicate', '넓히다', 'word', '널피다', 'Neolpida'),
	('aspiration, predicate', '밝히다', 'word', '발키다', 'Balkida'),
	('aspiration, predicate', '꽂히다', 'word', '꼬치다', 'Kkochida'),
	('aspiration, predicate', '먹히다', 'word', '머키다', 'Meokida'),
	('aspiration, predicate', '좁히다', 'word', '조피다', 'Jopida'),
	('aspiration, predicate', '급하다', 'word', '그파다', 'Geupada'),
	('aspiration, predicate', '깨끗하다', 'word', '깨끄타다', 'Kkaekkeutada'),
	('aspiration, predicate', '못합니다', 'word', '모탐니다', 'Motamnida'),
	('aspiration, predicate', '생각했다', 'word', '생가캗따', 'Saenggakaetda'),
	('aspiration, predicate', '넓죽하다', 'word', '넙쭈카다', 'Neopjukada'),
	-- P 12.1-3: ㅎ final before ㄱ ㄷ ㅈ, ㅅ, ㄴ
	('aspiration, ㅎ final', '많고', 'word', '만ː코', 'Manko'),
	('aspiration, ㅎ final', '싫다', 'word', '실타', 'Silta'),
	('aspiration, ㅎ final', '닿소', 'word', '다ː쏘', 'Daso'),
	('aspiration, ㅎ final', '놓는', 'word', '논는', 'Nonneun'),
	('aspiration, ㅎ final', '뚫는', 'word', '뚤른', 'Ttulleun'),
	-- Chapter 3, Article 1.4, proviso: in nouns the h stays
	('h kept in nouns', '북한', 'word', '부칸', 'Bukhan'),
	('h kept in nouns', '북한산', 'word', '부칸산', 'Bukhansan'),
	('h kept in nouns', '각하', 'word', '가카', 'Gakha'),
	('h kept in nouns', '맏형', 'word', '마텽', 'Mathyeong'),
	('h kept in nouns', '꽃향기', 'word', '꼬턍기', 'Kkothyanggi'),
	('h kept in nouns', '급행', 'word', '그팽', 'Geuphaeng'),
	-- P 17 and its note: ㄷ ㅌ before 이, and ㄷ + the suffix 히
	('palatalisation', '굳히다', 'word', '구치다', 'Guchida'),
	('palatalisation', '닫히다', 'word', '다치다', 'Dachida'),
	('palatalisation', '묻혀', 'word', '무처', 'Muchyeo'),
	('palatalisation', '붙이다', 'word', '부치다', 'Buchida'),
	('palatalisation', '밭이', 'word', '바치', 'Bachi'),
	-- P 29: ㄴ inserted in compounds (after ㄹ, ㄹ), from the word list
	('ㄴ insertion', '솜이불', 'word', '솜ː니불', 'Somnibul'),
	('ㄴ insertion', '꽃잎', 'word', '꼰닙', 'Kkonnip'),
	('ㄴ insertion', '색연필', 'word', '생년필', 'Saengnyeonpil'),
	('ㄴ insertion', '담요', 'word', '담ː뇨', 'Damnyo'),
	('ㄴ insertion', '식용유', 'word', '시굥뉴', 'Sigyongnyu'),
	('ㄴ insertion', '내복약', 'word', '내ː봉냑', 'Naebongnyak'),
	('ㄴ insertion', '휘발유', 'word', '휘발류', 'Hwiballyu'),
	('ㄴ insertion', '서울역', 'word', '서울력', 'Seoullyeok'),
	('ㄴ insertion', '물엿', 'word', '물렫', 'Mullyeot'),
	('ㄴ insertion', '꽃잎차', 'word', '꼰닙차', 'Kkonnipcha'),
	-- P 30: 사이시옷 ([ㄷ] allowed before a plain consonant, as 샛별
	-- saetbyeol; [ㄴ] before ㄴ ㅁ; [ㄴㄴ] before 이, from the word list)
	('사이시옷', '냇가', 'word', '낻ː까', 'Naetga'),
	('사이시옷', '콧날', 'word', '콘날', 'Konnal'),
	('사이시옷', '뱃머리', 'word', '밴머리', 'Baenmeori'),
	('사이시옷', '깻잎', 'word', '깬닙', 'Kkaennip'),
	('사이시옷', '나뭇잎', 'word', '나문닙', 'Namunnip'),
	('사이시옷', '베갯잇', 'word', '베갠닏', 'Begaennit'),
	-- P 20: ㄴ next to ㄹ
	('ㄴ and ㄹ', '난로', 'word', '날ː로', 'Nallo'),
	('ㄴ and ㄹ', '전기난로', 'word', '전ː기날ː로', 'Jeonginallo'),
	('ㄴ and ㄹ', '광한루', 'word', '광ː할루', 'Gwanghallu'),
	('ㄴ and ㄹ', '한라산', 'word', '할ː라산', 'Hallasan'),
	('ㄴ and ㄹ', '삼천리', 'word', '삼철리', 'Samcheolli'),
	('ㄴ and ㄹ', '권력', 'word', '궐력', 'Gwollyeok'),
	('ㄴ and ㄹ', '생산량', 'word', '생산냥', 'Saengsannyang'),
	('ㄴ and ㄹ', '의견란', 'word', '의ː견난', 'Uigyeonnan'),
	('ㄴ and ㄹ', '동원령', 'word', '동ː원녕', 'Dongwonnyeong'),
	('ㄴ and ㄹ', '공권력', 'word', '공꿘녁', 'Gonggwonnyeok'),
	('ㄴ and ㄹ', '횡단로', 'word', '횡단노', 'Hoengdanno'),
	-- P 10, P 11: ㄼ and ㄺ
	('ㄼ ㄺ', '밟는', 'word', '밤ː는', 'Bamneun'),
	('ㄼ ㄺ', '밟다', 'word', '밥ː따', 'Bapda'),
	('ㄼ ㄺ', '넓다', 'word', '널따', 'Neolda'),
	('ㄼ ㄺ', '여덟', 'word', '여덜', 'Yeodeol'),
	('ㄼ ㄺ', '맑게', 'word', '말께', 'Malge'),
	('ㄼ ㄺ', '읽고', 'word', '일꼬', 'Ilgo'),
	('ㄼ ㄺ', '읽다', 'word', '익따', 'Ikda'),
	('ㄼ ㄺ', '닭고기', 'word', '닥꼬기', 'Dakgogi'),
	-- Article 2: the optional hyphen, only where the reading would change
	('hyphen', '한강', 'word-hyphen', '한ː강', 'Han-gang'),
	('hyphen', '강원', 'word-hyphen', '강원', 'Gang-won'),
	('hyphen', '정읍', 'word-hyphen', '정읍', 'Jeong-eup'),
	('hyphen', '외', 'word-hyphen', '외ː', 'Oe'),
	('hyphen', '민용', 'word-hyphen', '미뇽', 'Minyong'),
	('hyphen', '오빠', 'word-hyphen', '오빠', 'Oppa'),
	('hyphen', '피아노', 'word-hyphen', '피아노', 'Piano'),
	-- Article 4: names, no sound change in the given name
	('name', '정석민', 'name', '정성민', 'Jeong Seokmin'),
	('name', '박달래', 'name', '박달래', 'Bak Dallae'),
	('name', '박달래', 'name-hyphen', '박달래', 'Bak Dal-rae'),
	('name', '이하늘', 'name', '이하늘', 'I Haneul'),
	('name', '황보라', 'name', '황보라', 'Hwang Bora'),
	('name', '남궁민수', 'name', '남궁민수', 'Namgung Minsu'),
	('name', '남궁민수', 'name-hyphen', '남궁민수', 'Namgung Min-su'),
	('name', '독고영재', 'name', '독꼬영재', 'Dokgo Yeongjae'),
	('name', '김 철수', 'name', '김철수', 'Gim Cheolsu'),
	('name', '남궁 민', 'name', '남궁민', 'Namgung Min'),
	('name', '한복남, 홍빛나', 'name', '한봉남, 홍빈나', 'Han Boknam, Hong Bitna'),
	-- Article 5: administrative units
	('place', '군산시', 'place', '군산시', 'Gunsan-si'),
	('place', '종로구', 'place', '종노구', 'Jongno-gu'),
	('place', '중구', 'place', '중구', 'Jung-gu'),
	('place', '신림동', 'place', '실림동', 'Sillim-dong'),
	('place', '전라북도 군산시 소룡동', 'place', '절라북또 군산시 소룡동', 'Jeollabuk-do Gunsan-si Soryong-dong'),
	('place', '서울특별시', 'place', '서울특뼐시', 'Seoul-teukbyeolsi'),
	('place', '부산광역시', 'place', '부산광역씨', 'Busan-gwangyeoksi'),
	('place', '제주특별자치도', 'place', '제주특뼐자치도', 'Jeju-teukbyeoljachido'),
	('place', '종로2가', 'place', '종노이가', 'Jongno2-ga'),
	-- Article 8: letters as spelt, a hyphen for a silent ㅇ inside a word and
	-- between letters that could be split elsewhere
	('translit', '중앙', 'translit', '', 'jung-ang'),
	('translit', '한국어', 'translit', '', 'hangug-eo'),
	('translit', '안녕하세요', 'translit', '', 'annyeonghase-yo'),
	('translit', '닭', 'translit', '', 'dalg'),
	('translit', '앉자', 'translit', '', 'anj-ja'),
	('translit', '안자', 'translit', '', 'anja'),
	('translit', '바까', 'translit', '', 'ba-kka'),
	('translit', '밬카', 'translit', '', 'bak-ka'),
	('translit', '난로', 'translit', '', 'nanlo'),
	('translit', '한복남 ㄱ ㅏ', 'translit', '', 'hanbognam g a');

SELECT rule, hangul, style, said, romanize(hangul, style) AS romanized,
	CASE WHEN romanize(hangul, style) = expected THEN 'ok'
		 ELSE 'DIFFERENT, expected ' || expected END AS check
FROM rr_cases ORDER BY n;

-- the misfires of 1.0: 난로 Nanno, 밟는 Balleun, and the predicates with ㅎ
-- after ㄵ ㄼ ㄺ ㅈ ㄷ (Anhida, Neolhida, Bakhida, Kkothida, Guthida)
SELECT romanize('난로') AS nallo, romanize('밟는') AS bamneun, romanize('앉히다') AS anchida,
	romanize('넓히다') AS neolpida, romanize('밝히다') AS balkida, romanize('꽂히다') AS kkochida,
	romanize('굳히다') AS guchida;

-- style names: any case; a bad one is 22023 and lists the styles
CREATE FUNCTION pg_temp.error_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	msg text;
	hint text;
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, hint = PG_EXCEPTION_HINT;
	RETURN SQLSTATE || ': ' || msg || ' (' || hint || ')';
END $$;
SELECT romanize('한복남', 'NAME') AS upper_case, romanize('한복남', style => 'name-hyphen') AS named,
	romanize(NULL, 'name') AS null_text, romanize('한복남', NULL) AS null_style;
SELECT pg_temp.error_of($q$SELECT romanize('군산', 'names')$q$) AS bad_style;
SELECT pg_temp.error_of($q$SELECT romanize('군산', '')$q$) AS empty_style;

-- other text passes through in every style; long words and texts
SELECT style, romanize('IT 개발자 (3명), ㅇㅈ ㅏ Café', style) AS mixed
FROM unnest(ARRAY['word', 'word-hyphen', 'name', 'name-hyphen', 'place', 'translit']) AS style;
SELECT style, length(romanize(repeat('신라', 50000), style)) AS one_word,
	length(romanize(repeat('학여울 ', 50000), style)) AS words
FROM unnest(ARRAY['word', 'word-hyphen', 'name', 'name-hyphen', 'place', 'translit']) AS style;

-- translit can be turned back into Hangul: 가 with each of the 28 finals (or
-- none) before each of the 19 initials with ㅏ gives 532 different strings
SELECT count(*) AS words, count(DISTINCT romanize(w, 'translit')) AS different
FROM (SELECT chr(44032 + t) || chr(44032 + l * 588) AS w
	  FROM generate_series(0, 27) AS t, generate_series(0, 18) AS l) AS x;

-- every style on 3,000 pseudo-random strings of syllables, compatibility and
-- conjoining jamo (old Hangul among them), Latin letters, digits and spaces:
-- nothing fails and no syllable is left
CREATE TEMP TABLE rr_fuzz AS
SELECT i, string_agg(chr(CASE (i * 7 + k * 13) % 6
						 WHEN 0 THEN 44032 + (i * 31 + k * 977) % 11172
						 WHEN 1 THEN 12593 + (i + k) % 51
						 WHEN 2 THEN 4352 + (i + k * 3) % 256
						 WHEN 3 THEN 97 + (i + k) % 26
						 WHEN 4 THEN 32
						 ELSE 48 + (i + k) % 10 END), '' ORDER BY k) AS s
FROM generate_series(1, 3000) AS i, generate_series(1, 1 + i % 17) AS k
GROUP BY i;
SELECT style, count(*) AS strings, count(*) FILTER (WHERE romanize(s, style) ~ '[가-힣]') AS syllables_left
FROM rr_fuzz, unnest(ARRAY['word', 'word-hyphen', 'name', 'name-hyphen', 'place', 'translit']) AS style
GROUP BY style ORDER BY style COLLATE "C";

-- 57014: statement_timeout cancels every style at once on 60 MB of Hangul
-- (one word of 20 million syllables; sql/hangul_limits.sql does the word
-- style), each call a statement of its own; and 54000 past the 64 MB cap
CREATE FUNCTION pg_temp.outcome(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	RETURN 'finished';
EXCEPTION WHEN query_canceled THEN
	RETURN SQLSTATE || CASE WHEN clock_timestamp() - statement_timestamp() < interval '1 s'
						   THEN ' within 1 s' ELSE ' after more than 1 s' END;
END $$;
SET statement_timeout = '100ms';
SELECT pg_temp.outcome($q$SELECT length(romanize(repeat('학여울난로', 4000000), 'word-hyphen'))$q$) AS "word-hyphen";
SELECT pg_temp.outcome($q$SELECT length(romanize(repeat('학여울난로', 4000000), 'name'))$q$) AS "name";
SELECT pg_temp.outcome($q$SELECT length(romanize(repeat('학여울난로', 4000000), 'name-hyphen'))$q$) AS "name-hyphen";
SELECT pg_temp.outcome($q$SELECT length(romanize(repeat('학여울난로', 4000000), 'place'))$q$) AS "place";
SELECT pg_temp.outcome($q$SELECT length(romanize(repeat('학여울난로', 4000000), 'translit'))$q$) AS "translit";
RESET statement_timeout;
SELECT left(pg_temp.error_of($q$SELECT length(romanize(repeat('a', 64 * 1024 * 1024 + 1), 'translit'))$q$), 5) AS over_the_cap;

-- the examples of doc/hangul.md, "Romanisation"
SELECT t, style, romanize(t, style)
FROM (VALUES ('한복남', 'word'), ('한복남', 'name'), ('한복남', 'name-hyphen'),
             ('전라북도 군산시 소룡동', 'place'), ('중앙', 'word'), ('중앙', 'word-hyphen'),
             ('붓꽃', 'word'), ('붓꽃', 'translit')) AS v(t, style);

SELECT w, romanize(w)
FROM unnest(ARRAY['잡혀', '앉히다', '굳히다', '집현전', '북한', '학여울', '깻잎', '난로',
                  '신문로', '밟는']) AS w;

SELECT romanize('군산', 'roman');
