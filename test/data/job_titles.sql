-- test/data/job_titles.sql — 2,432 realistic Korean job-posting titles for the
-- quality evaluation of hangul_similarity (test/bench/hangul_quality.sh).
--
-- Built combinatorially and deterministically: 152 occupations as WorkNet
-- postings name them, each in 16 titles that add a region of Jeonbuk or a
-- metropolitan city, an experience or shift word, and an employment type,
-- e.g. '군산 경력 용접원 (정규직)'.  Creates job_occupations(o, name) and
-- job_titles(id, title); the speed benchmark builds its million titles from
-- the same occupations.
SET client_min_messages = warning;
DROP TABLE IF EXISTS job_titles;
DROP TABLE IF EXISTS job_occupations;
RESET client_min_messages;
CREATE TABLE job_occupations (o integer PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE job_titles (id integer PRIMARY KEY, title text NOT NULL UNIQUE);

INSERT INTO job_occupations
	SELECT o, name
	FROM unnest(ARRAY[
		'용접원', '특수용접원', '배관공', '전기기사', '전기공사기사', '전기설비 관리원',
		'지게차 운전원', '굴삭기 운전원', '크레인 운전원', '화물차 운전기사', '택배 배송기사',
		'버스 운전기사', '택시 운전기사', '물류 관리원', '창고 관리원', '상하차 작업원',
		'포장원', '생산직 사원', '기계조립원', '선반 가공원', '밀링 가공원', 'CNC 가공원',
		'금형원', '도장원', '선박 용접원', '자동차 정비원', '건설기계 정비원', '건축 목공',
		'철근공', '타일공', '미장공', '방수공', '도배사', '인테리어 기사', '건축기사',
		'토목기사', '측량사', '안전관리자', '보건관리자', '환경관리원', '청소원', '경비원',
		'시설 관리원', '건물 관리인', '조리사', '한식 조리사', '양식 조리사', '중식 조리사',
		'제과제빵사', '바리스타', '홀 서빙원', '주방 보조원', '급식 조리원', '영양사',
		'요양보호사', '간호사', '간호조무사', '물리치료사', '작업치료사', '방사선사',
		'임상병리사', '치과위생사', '사회복지사', '보육교사', '유치원 교사', '방과후 교사',
		'학원 강사', '직업상담사', '취업 컨설턴트', '심리상담사', '사무보조원', '경리',
		'회계 사무원', '세무 사무원', '총무 사무원', '인사 담당자', '영업 사원', '판매원',
		'매장 관리자', '편의점 점원', '마트 계산원', '콜센터 상담원', '고객 상담원',
		'텔레마케터', '웹 개발자', '앱 개발자', '자바 개발자', '데이터 분석가', '서버 관리자',
		'네트워크 엔지니어', '정보보안 전문가', '그래픽 디자이너', '웹 디자이너',
		'영상 편집자', '사진 작가', '번역가', '통역사', '기자', '마케팅 담당자',
		'홍보 담당자', '상품 기획자', '무역 사무원', '구매 담당자', '품질 관리원',
		'생산 관리자', '연구원', '화학 분석원', '실험실 보조원', '농업 기술자',
		'축산 관리원', '어선 선원', '수산물 가공원', '식품 가공원', '제빵 생산원', '봉제원',
		'미용사', '네일 아티스트', '피부 관리사', '호텔 프런트 직원', '여행 가이드',
		'항공 승무원', '주차 관리원', '아파트 관리소장', '부동산 중개보조원', '보험 설계사',
		'은행 창구 직원', '간병인', '장애인 활동지원사', '산후 도우미', '가사 도우미',
		'베이비시터', '방문 요양보호사', '노인 생활지원사', '환경미화원', '공공근로 참여자',
		'희망일자리 참여자', '산불 감시원', '방역 요원', '학교 보안관', '도서관 사서',
		'행정 보조원', '민원 안내원', '통계 조사원', '전화 조사원', '태양광 설치기사',
		'풍력 정비원', '전기차 정비원', '용접 강사', '드론 조종사', '로봇 운영원',
		'반도체 장비 엔지니어', '배터리 생산직']) WITH ORDINALITY AS t(name, o);

WITH occupation AS (SELECT o, name FROM job_occupations),
region(r, name) AS (
	SELECT r::integer, name
	FROM unnest(ARRAY['군산', '익산', '전주', '김제', '정읍', '남원', '완주', '부안',
					  '고창', '서울', '부산', '인천', '대전', '광주']) WITH ORDINALITY AS t(name, r)
),
titles AS (
	SELECT o.o, k,
		concat_ws(' ',
				  CASE WHEN k < 12 THEN (SELECT name FROM region WHERE r = 1 + (o.o * 7 + k) % 14) END,
				  (ARRAY[NULL, '신입', '경력', '주간', '야간'])[1 + (o.o + k) % 5],
				  o.name,
				  (ARRAY[NULL, '(정규직)', '(계약직)', '(시간제)', '모집', '채용'])[1 + (o.o * 3 + k) % 6]) AS title
	FROM occupation o, generate_series(0, 15) AS k
)
INSERT INTO job_titles
SELECT row_number() OVER (ORDER BY o, k), title
FROM (SELECT DISTINCT ON (title) o, k, title FROM titles ORDER BY title, o, k) AS d;
