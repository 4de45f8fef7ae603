-- test/data/gunsan2020_matching.sql: seeker and posting profiles for the
-- Gunsan 2020 sample (issue 5, job matching).
--
-- Load after test/data/gunsan2020.sql, which creates schema gunsan and
-- gunsan.person(person_id 1..8000).  Creates:
--   gunsan.match_posting(id, employer, title, profile)   job postings
--   gunsan.match_seeker(id, background, profile)          seekers; id is a person_id
-- Both have the columns id and profile that match_batch() reads by default.
--
-- Regions are 법정동 codes: Gunsan-si is sigungu 45130 before the 2024
-- renumbering of Jeonbuk and 52130 after; postings from 2024 on use 52, older
-- records 45, and match_score treats them as the same area.  Codes used (from
-- the 법정동코드 전체자료, as cited in test/data/gunsan2020.sql):
--   4513000000 군산시 (whole city)       4513010100 해망동   4513010600 오룡동
--   4513011000 문화동   4513013400 조촌동   4513014100 수송동   4513014200 미장동
--   4513014400 나운동   4513014500 미룡동   4513014600 소룡동   4513014700 오식도동
--   4513014800 비응도동 4513025000 옥구읍   4513031000 옥산면   4513035000 대야면
--   4513040000 옥서면   4511100000 전주시 완산구  4511300000 전주시 덕진구
--   4514000000 익산시   4521000000 김제시   4580000000 부안군
-- Seekers are people of gunsan.person: their region and target groups are
-- those of the person's profile (all of them live in Gunsan).
-- Occupations are 4-digit codes in the KECO 2018 major groups (8 설치·정비·
-- 생산, 7 건설, 6 운전·운송, 5 돌봄·서비스, 1 공학기술, 0 사무); finer digits
-- are illustrative, and shorter codes in postings ask for a whole group.
-- Coordinates: Saemangeum industrial complex about (35.93, 126.56),
-- 군산국가산업단지 (35.96, 126.62), city centre (35.97, 126.74).

SET client_min_messages = warning;
DROP TABLE IF EXISTS gunsan.match_seeker, gunsan.match_posting;

CREATE TABLE gunsan.match_posting (
	id bigint PRIMARY KEY,
	employer text NOT NULL,
	title text NOT NULL,
	profile jobprofile NOT NULL
);
COMMENT ON TABLE gunsan.match_posting IS 'job postings of the Gunsan sample, as jobprofile values (what the posting asks)';

INSERT INTO gunsan.match_posting VALUES
-- shipbuilding and steel: welders, fitters (the shipyard closed in 2017; its
-- suppliers and the steel-structure firms kept hiring)
(1, '군산국가산단 조선기자재 협력사', '선박 블록 CO2 용접원',
 'occupation=8240 skills={CO2용접:2,취부,선박조립,안전교육} region=4513014700 latitude=35.958 longitude=126.615 wage=3000000 hours=48 shifts={day} education=high experience=3'),
(2, '군산 철구조물 제작사', 'TIG·특수용접 기능공',
 'occupation=8240 skills={TIG용접:2,특수용접:2,도면해독} region=4513014600 wage=3400000 hours=45 shifts={day} education=high experience=5'),
(3, '해상풍력 하부구조물 제작사', '구조물 용접·사상 (신중년 우대)',
 'occupation=82 skills={용접,사상,취부} region=5213014700 latitude=35.955 longitude=126.600 wage=2900000 hours=45 shifts={day,rotating} experience=2 target_groups={older,crisis_jobless}'),
(4, '군산항 선박수리업체', '선박 배관·용접 수리공',
 'occupation=8240 skills={배관,용접,선박정비} region=4513010100 wage=3100000 hours=50 shifts={day,weekend} education=middle experience=5'),
(5, '군산 조선소 재가동 협력사', '선박 도장원',
 'occupation=8250 skills={선박도장:2,도장,고소작업} region=5213014700 latitude=35.961 longitude=126.606 wage=2800000 hours=48 shifts={day} experience=1'),
-- car plants and parts makers (the GM plant closed in 2018; electric-vehicle
-- makers moved into the site)
(6, '전기차 완성차 공장', '생산직 조립원 (교대)',
 'occupation=8140 skills={자동차조립:2,품질검사,설비보전} region=5213014600 latitude=35.973 longitude=126.625 wage=2900000 hours=44 shifts={day,night,rotating} education=high'),
(7, '자동차부품 1차 협력사', '프레스·용접 설비 오퍼레이터',
 'occupation=8140 skills={설비보전,프레스,PLC,용접} region=4513014600 wage=2700000 hours=46 shifts={rotating} education=high experience=2'),
(8, '군산 트럭 공장 협력사', '품질검사원',
 'occupation=81 skills={품질검사:2,측정기,엑셀} region=4513014600 wage=2500000 hours=40 shifts={day} education=college experience=1'),
(9, '자동차 부품 물류센터', '부품 입출고 지게차 운전원',
 'occupation=6320 skills={지게차운전기능사:2,물류,상하차} region=4513014500 wage=2500000 hours=45 shifts={day,night} education=none'),
-- logistics at the port and the industrial complex
(10, '군산항 물류회사', '항만 지게차·리치스태커 운전원',
 'occupation=6320 skills={지게차운전기능사:2,굴삭기운전기능사,물류} region=4513010600 wage=2800000 hours=48 shifts={day,night,weekend} experience=2'),
(11, '새만금 물류창고', '상하차·지게차 보조 (청년)',
 'occupation=63 skills={지게차운전기능사,상하차} region=5213040000 wage=2200000 hours=40 shifts={day} target_groups={youth}'),
(12, '군산 식품공장', '창고 관리원',
 'occupation=6330 skills={물류,재고관리,엑셀} region=4513035000 wage=2300000 hours=40 shifts={day} education=high'),
-- renewable energy at Saemangeum
(13, '새만금 태양광 발전소 O&M', '태양광 발전설비 유지보수 기술자',
 'occupation=8330 skills={태양광:2,전기기능사:2,전기산업기사,고소작업} region=5213040000 latitude=35.930 longitude=126.560 wage=3200000 hours=40 shifts={day,rotating} education=college experience=2'),
(14, '새만금 수상태양광 시공사', '태양광 설치 기능공 (청년 우대)',
 'occupation=83 skills={태양광,전기공사,고소작업} region=5213040000 latitude=35.925 longitude=126.570 wage=2700000 hours=45 shifts={day} education=high'),
(15, '해상풍력 지원항 운영사', '풍력 발전기 정비원',
 'occupation=8330 skills={풍력:2,전기산업기사,GWO안전교육,영어} region=5213014800 latitude=35.942 longitude=126.528 wage=3600000 hours=42 shifts={day,rotating} education=college experience=3'),
(16, '새만금 에너지 스타트업', '신재생에너지 설비 설계 (CAD)',
 'occupation=1330 skills={CAD:2,태양광,전기기사} region=5213014400 wage=3000000 hours=40 shifts={day} education=bachelor experience=0 target_groups={youth}'),
-- care work
(17, '군산시 노인요양원', '요양보호사 (주야 교대)',
 'occupation=5510 skills={요양보호사:3,치매케어} region=4513014400 wage=2200000 hours=40 shifts={day,night,rotating} education=none'),
(18, '재가노인복지센터', '방문 요양보호사 (단시간)',
 'occupation=5510 skills={요양보호사:2,운전} region=4513000000 wage=1300000 hours=24 shifts={day,weekend} target_groups={woman_returning,older}'),
(19, '군산 장애인복지관', '장애인 활동지원사',
 'occupation=5520 skills={장애인활동지원,운전} region=4513014100 wage=2000000 hours=36 shifts={day} education=high'),
(20, '군산 어린이집', '보육교사',
 'occupation=2410 skills={보육교사자격:3,유아교육} region=4513014200 wage=2300000 hours=40 shifts={day} education=college'),
-- construction and plant maintenance
(21, '군산 산단 플랜트 정비업체', '기계 설비 보전원',
 'occupation=8150 skills={설비보전:2,용접,배관,공조냉동} region=4513014700 wage=3100000 hours=45 shifts={day,rotating} education=high experience=3'),
(22, '전주 건설사', '건축 현장 안전관리자',
 'occupation=7010 skills={산업안전기사:3,안전관리} region=4511100000 wage=3300000 hours=45 shifts={day} education=college experience=3'),
(23, '익산 식품클러스터 공장', '식품 생산 오퍼레이터',
 'occupation=8710 skills={식품위생,포장,설비보전} region=4514000000 wage=2400000 hours=44 shifts={rotating} education=high'),
-- office, young graduates
(24, '군산시 일자리센터 (공공일자리)', '청년 행정 인턴',
 'occupation=0230 skills={엑셀,문서작성,컴퓨터활용능력} region=5213011000 wage=2060000 hours=40 shifts={day} education=college target_groups={youth}'),
(25, '군산 중소기업', '회계·총무 사무원',
 'occupation=0230 skills={전산회계:2,엑셀,문서작성} region=4513014400 wage=2400000 hours=40 shifts={day} education=college experience=1'),
(26, '새만금개발 관련 공공기관', '데이터 분석 청년 채용',
 'occupation=1340 skills={파이썬:2,SQL:2,엑셀} region=5213014800 wage=2800000 hours=40 shifts={day} education=bachelor target_groups={youth}'),
(27, '김제 스마트팜 단지', '스마트팜 운영 요원 (청년)',
 'occupation=9010 skills={스마트팜,농업기계,엑셀} region=4521000000 wage=2300000 hours=40 shifts={day,weekend} education=high target_groups={youth}'),
-- crisis-region support: jobs for unpaid-leave workers and freelancers
(28, '군산시 희망일자리 (직접일자리)', '공공시설 방역·환경 정비',
 'occupation=5610 skills={환경정비} region=4513000000 wage=1800000 hours=30 shifts={day} target_groups={unpaid_leave,freelancer,crisis_jobless}'),
(29, '군산 택배 대리점', '택배 배송 기사',
 'occupation=6310 skills={운전:2,1종보통면허} region=4513000000 wage=2600000 hours=50 shifts={day,weekend}'),
(30, '부안 해상풍력 협력사', '선박 운항·승선 보조',
 'occupation=6400 skills={소형선박조종사,GWO안전교육} region=4580000000 latitude=35.730 longitude=126.560 wage=3000000 hours=48 shifts={rotating} experience=1'),
(31, '군산 대형마트', '매장 판매원 (경력단절 여성 우대)',
 'occupation=6110 skills={판매,고객응대,POS} region=4513014400 wage=2000000 hours=35 shifts={day,weekend} target_groups={woman_returning}'),
(32, '군산 직업전문학교', '용접 훈련교사 (신중년)',
 'occupation=2510 skills={용접:2,특수용접,용접기능장,교육} region=4513013400 wage=3000000 hours=40 shifts={day} education=high experience=10 target_groups={older}');

CREATE TABLE gunsan.match_seeker (
	id bigint PRIMARY KEY REFERENCES gunsan.person (person_id),
	background text NOT NULL,
	profile jobprofile NOT NULL
);
COMMENT ON TABLE gunsan.match_seeker IS 'job seekers of the Gunsan sample, as jobprofile values (what the seeker offers); id is a person_id';

-- 600 seekers from eight backgrounds, varied deterministically by n; the
-- seeker of number n is the (n / 8 + 1)-th person, by person_id, of the people
-- of background n % 8 (by their 2020 programme and groups), with that
-- person's region and target groups.
INSERT INTO gunsan.match_seeker
SELECT p.person_id AS id, a.background,
	jobprofile(
		occupation => a.occ,
		-- the background's core skill, then others picked by n
		skills => a.skills[1:1] || (SELECT array_agg(a.skills[2 + (n * (j + 3) + j * j) % (cardinality(a.skills) - 1)])
		                            FROM generate_series(1, a.nskills + n % 2) j),
		region => jobprofile_region(p.profile),
		latitude => CASE WHEN n % 5 = 0 THEN 35.95 + (n % 7) * 0.005 END,
		longitude => CASE WHEN n % 5 = 0 THEN 126.60 + (n % 11) * 0.01 END,
		wage => a.wage + ((n * 37) % 7 - 3) * 100000,
		hours => a.hours + (n % 3) * 4 - 4,
		shifts => a.shifts,
		education => a.education,
		experience => a.experience + n % 5,
		target_groups => jobprofile_target_groups(p.profile))
FROM generate_series(0, 599) n
JOIN (VALUES
	(0, '조선소 협력사 실직 용접공', '8240', ARRAY['용접', 'CO2 용접', 'TIG 용접', '특수용접', '취부', '선박조립', '사상', '도면해독'], 3,
	 3000000, 48, ARRAY['day', 'rotating'], 'high', 8),
	(1, '완성차 공장 희망퇴직 조립원', '8140', ARRAY['자동차조립', '품질검사', '설비보전', '지게차운전기능사', 'PLC', '프레스'], 3,
	 2800000, 44, ARRAY['day', 'night', 'rotating'], 'high', 10),
	(2, '전문대·대학 졸업 청년', '1330', ARRAY['CAD', '엑셀', '전기기능사', '파이썬', 'SQL', '컴퓨터활용능력', '문서작성', '태양광'], 3,
	 2300000, 40, ARRAY['day'], 'bachelor', 0),
	(3, '요양보호사 자격 경력단절 여성', '5510', ARRAY['요양보호사', '치매케어', '운전', '장애인활동지원', '판매', '고객응대'], 2,
	 1800000, 32, ARRAY['day', 'weekend'], 'high', 2),
	(4, '지게차 운전원', '6320', ARRAY['지게차운전기능사', '굴삭기운전기능사', '물류', '상하차', '1종보통면허', '운전'], 2,
	 2500000, 46, ARRAY['day', 'night'], 'middle', 3),
	(5, '신재생에너지 전기 기술자', '8330', ARRAY['태양광', '전기기능사', '전기산업기사', '풍력', '고소작업', '전기공사', 'GWO안전교육'], 3,
	 3000000, 40, ARRAY['day', 'rotating'], 'college', 2),
	(6, '무급휴직·프리랜서 (코로나19)', '6310', ARRAY['운전', '1종보통면허', '판매', '고객응대', '환경정비', '엑셀'], 2,
	 2000000, 40, ARRAY['day', 'weekend'], 'high', 4),
	(7, '사무직 구직 중장년', '0230', ARRAY['엑셀', '전산회계', '문서작성', '컴퓨터활용능력', '재고관리'], 2,
	 2400000, 40, ARRAY['day'], 'bachelor', 12)
) AS a(k, background, occ, skills, nskills, wage, hours, shifts, education, experience)
	ON a.k = n % 8
-- the people of each background: shipyard welders from the shipbuilding
-- retraining (1), car-plant workers laid off (2, jobless), young graduates of
-- the youth programmes (9, 11, 12), women returning to work, forklift drivers
-- of the re-employment service (4), electricians of the job centre and
-- labour-relations programmes (5, 6), recipients of the emergency employment
-- stability grant (20), older office workers of the 신중년 jobs (17)
JOIN (SELECT ps.person_id, ps.profile, b.k,
             row_number() OVER (PARTITION BY b.k ORDER BY ps.person_id) - 1 AS j
      FROM gunsan.person ps
      CROSS JOIN LATERAL (
          SELECT CASE
                     WHEN 'woman_returning' = ANY (jobprofile_target_groups(ps.profile)) THEN 3
                     WHEN 1 = ANY (e.programmes) THEN 0
                     WHEN 2 = ANY (e.programmes) AND 'crisis_jobless' = ANY (jobprofile_target_groups(ps.profile)) THEN 1
                     WHEN e.programmes && ARRAY[9, 11, 12] THEN 2
                     WHEN 4 = ANY (e.programmes) THEN 4
                     WHEN e.programmes && ARRAY[5, 6] THEN 5
                     WHEN 20 = ANY (e.programmes) THEN 6
                     WHEN 17 = ANY (e.programmes) THEN 7
                 END AS k
          FROM (SELECT array_agg(en.programme_id) AS programmes
                FROM gunsan.enrolment en
                WHERE en.person_id = ps.person_id
                  AND en.start_date BETWEEN '2020-01-01' AND '2020-12-31') e) b
      WHERE b.k IS NOT NULL) p
	ON p.k = n % 8 AND p.j = n / 8;

ANALYZE gunsan.match_posting, gunsan.match_seeker;
