--
-- jobcat_lmp: the taxonomy against the LMP methodology (issue 11, item 5):
-- Eurostat's numbering with its sub-categories, numbers that mean different
-- categories in the two numberings, job rotation and job sharing, and the
-- Korean programme names job centres use.  Expected values are worked out
-- from the methodology's classification (doc/jobcat.md, "Eurostat's
-- numbering"), not printed by the code.
--
\pset null '(null)'

-- Eurostat's numbers, by hand: n is OECD n0 and n.m.k is nmk where the two
-- agree; 1.1.1 and 1.1.2 are parts of client services (11); 1.2 and its
-- parts span OECD 12 and 13, so they read as 10; 3 (job rotation and job
-- sharing), 3.1 and 3.2 are the OECD's 43.
SELECT input, input::jobcat AS parsed, input::jobcat = expected::jobcat AS ok
FROM (VALUES ('1', 10), ('1.1', 11), ('1.1.1', 11), ('1.1.2', 11),
             ('eurostat:1.2', 10), ('1.2.1', 10), ('1.2.2', 10),
             ('2', 20), ('2.1', 21), ('2.2', 22), ('2.3', 23), ('2.4', 24),
             ('3', 43), ('3.1', 43), ('3.2', 43),
             ('4', 40), ('4.1', 41), ('4.1.1', 411), ('4.1.2', 412), ('4.2', 42),
             ('5', 50), ('5.1', 51), ('5.2', 52), ('6', 60), ('7', 70),
             ('8', 80), ('8.1', 81), ('8.1.1', 811), ('8.1.2', 812), ('8.2', 82),
             ('8.3', 83), ('8.4', 84), ('8.5', 85),
             ('9', 90), ('9.1', 91), ('9.2', 92)) AS t(input, expected);

-- jobcat_eurostat() lists exactly those 36 numbers, each reading as its row's
-- category with or without the prefix (1.2 only with it).
SELECT count(*) AS numbers,
       bool_and(('eurostat:' || eurostat)::jobcat = code) AS prefixed,
       bool_and(eurostat = '1.2' OR eurostat::jobcat = code) AS plain,
       count(DISTINCT code) AS categories
FROM jobcat_eurostat();
-- every category but 12 and 13 has a Eurostat number (the OECD splits 1.2)
SELECT array_agg(code ORDER BY code) AS without_eurostat_number
FROM jobcat_taxonomy() WHERE code NOT IN (SELECT code FROM jobcat_eurostat());

-- Examples from doc/jobcat.md.
SELECT eurostat, code, title, note FROM jobcat_eurostat() WHERE eurostat LIKE '1%' OR eurostat LIKE '3%';
SELECT 'eurostat:1.2'::jobcat AS eurostat, 'oecd:1.2'::jobcat AS oecd_dotted,
       'OECD: 12'::jobcat AS oecd, '1.1.1'::jobcat AS information_services, '1.3'::jobcat AS other;
SELECT '1.2'::jobcat;

-- A dotted code whose two readings differ is refused (22P02), whatever its
-- form; one with a single reading, or the same in both, is read.
SELECT '１．２'::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT '1·2'::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT ' 1 . 2 '::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT '12'::jobcat AS oecd_plain, '1.1'::jobcat AS same_in_both, '4.3'::jobcat AS oecd_only,
       'Eurostat：１．１．１'::jobcat AS full_width, 'EUROSTAT:8.2'::jobcat AS upper_case,
       'eurostat: 111'::jobcat AS undotted_after_prefix, 'oecd:８１２'::jobcat AS oecd_full_width;
-- plain digits are OECD codes; Eurostat's are written with dots
SELECT '111'::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT 'oecd:111'::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT 'eurostat:1.3'::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT 'oecd:Training'::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT 'eurostat:'::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT 'oecd:3'::jobcat;
\echo :LAST_ERROR_SQLSTATE
SELECT 'oecd:012'::jobcat;
\echo :LAST_ERROR_SQLSTATE

-- Job rotation and job sharing stays under employment incentives (43 <@ 40).
SELECT 'Job rotation'::jobcat AS rotation, '3.2'::jobcat AS sharing,
       '4.3'::jobcat <@ '40' AS under_incentives, jobcat_parent('43') AS parent;

-- Korean programme names and the ministry's forms of its six types, by hand
-- (doc/jobcat.md gives the reason for each).
SELECT alias, alias::jobcat AS parsed, alias::jobcat = expected::jobcat AS ok
FROM (VALUES ('직접일자리', 60), ('직업훈련', 20), ('고용서비스', 10), ('고용장려금', 40),
             ('창업지원', 70), ('실업소득 유지 및 지원', 80), ('실업소득 유지·지원', 80),
             ('실업소득 유지', 80), ('직접 일자리', 60), ('창업 지원', 70),
             ('긴급고용안정지원금', 80), ('무급휴직 지원금', 82), ('무급휴직자 지원금', 82),
             ('무급휴업·휴직 고용유지지원금', 82), ('고용유지지원금', 42),
             ('청년구직활동지원금', 812), ('국민취업지원제도', 812), ('구직촉진수당', 812),
             ('실업급여', 811), ('구직급여', 811), ('고용보험 실업급여', 811),
             ('노인일자리', 60), ('노인일자리사업', 60), ('지역공동체 일자리', 60),
             ('지역공동체 일자리사업', 60), ('희망근로', 60), ('희망일자리', 60),
             ('생활방역 일자리', 60), ('공공근로사업', 60),
             ('지역고용촉진지원금', 41), ('청년내일채움공제', 411),
             ('내일배움카드', 21), ('국민내일배움카드', 21)) AS t(alias, expected);

-- Every alias jobcat_aliases() lists reads as its row's category, and the
-- list holds each of the names above.
SELECT count(*) AS aliases, bool_and(alias::jobcat = code) AS all_read,
       count(*) FILTER (WHERE alias IN ('긴급고용안정지원금', '청년구직활동지원금', '노인일자리',
                                        '지역고용촉진지원금', '지역공동체 일자리', '희망근로',
                                        '희망일자리', '국민취업지원제도', '내일배움카드',
                                        '고용유지지원금', '청년내일채움공제', '실업급여',
                                        '구직급여', '실업소득 유지 및 지원')) AS named_in_issue
FROM jobcat_aliases();

-- Example from doc/jobcat.md: the whole alias list.
SELECT code, alias, note FROM jobcat_aliases() ORDER BY code, alias COLLATE "ko-KR-x-icu";

-- Unpaid-leave support is a benefit to the worker (8.2), not an incentive to
-- the employer (4.2): the two sit in different top categories.
SELECT jobcat_top('무급휴직 지원금') AS unpaid_leave_top, jobcat_top('고용유지지원금') AS maintenance_top,
       '긴급고용안정지원금'::jobcat @> '무급휴직 지원금' AS emergency_grant_holds_it;
