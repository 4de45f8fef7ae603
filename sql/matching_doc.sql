-- The examples of doc/matching.md, in order; the outputs in the document are
-- those of expected/matching_doc.out.
SET client_min_messages = warning;

-- Example 1: a seeker and a posting
SELECT jobprofile(occupation => '8240', skills => ARRAY['CO2 용접', 'TIG 용접', '취부'],
                  region => '4513013900', wage => 2800000, hours => 48,
                  education => '고졸', experience => 12,
                  target_groups => ARRAY['crisis_jobless', 'older']) AS seeker;
SELECT 'occupation=82 skills={co2용접:2,사상,취부} region=5213014200 wage=2900000 hours=45 shifts={day,rotating} experience=2 target_groups={older,crisis_jobless}'::jobprofile AS posting;

-- Example 2: the score and its explanation
CREATE TEMP TABLE doc_pair AS SELECT
	'occupation=8240 skills={co2용접,tig용접,취부} region=4513013900 wage=2800000 hours=48 education=high experience=12 target_groups={older,crisis_jobless}'::jobprofile AS seeker,
	'occupation=82 skills={co2용접:2,사상,취부} region=5213014200 wage=2900000 hours=45 shifts={day,rotating} experience=2 target_groups={older,crisis_jobless}'::jobprofile AS posting;
SELECT match_score(seeker, posting) FROM doc_pair;
SELECT key AS factor, value->'similarity' AS similarity, value->'weight' AS weight,
       value->'contribution' AS contribution
FROM doc_pair, jsonb_each(match_explain(seeker, posting))
WHERE key <> 'score' ORDER BY key;

-- Example 3: other weights
SELECT match_score(seeker, posting, '{"skills": 1, "region": 0}') AS skills_first FROM doc_pair;
SET jobs_ext.match_weights = 'skills=1, region=0';
SELECT match_score(seeker, posting) AS skills_first_by_guc FROM doc_pair;
RESET jobs_ext.match_weights;

-- Example 4: a hard filter
SELECT match_score('occupation=8240 target_groups={older}', 'occupation=8240 target_groups={youth}') AS youth_only;

-- Example 5: topk and match_batch
CREATE TEMP TABLE seekers (id bigint, profile jobprofile);
CREATE TEMP TABLE postings (id bigint, profile jobprofile);
INSERT INTO seekers VALUES
	(1, 'occupation=8240 skills={co2용접,취부} region=4513013900 wage=2800000'),
	(2, 'occupation=5510 skills={요양보호사,운전} region=4513014000 wage=1800000 target_groups={woman_returning}');
INSERT INTO postings VALUES
	(10, 'occupation=8240 skills={co2용접,선박조립} region=5213014200 wage=3000000'),
	(11, 'occupation=5510 skills={요양보호사} region=5213013900 wage=2200000'),
	(12, 'occupation=82 skills={취부,사상} region=4513014100 wage=2600000'),
	(13, 'occupation=5510 skills={요양보호사,운전} region=4513000000 wage=1300000 target_groups={woman_returning,older}');
SELECT s.id, topk(p.id, match_score(s.profile, p.profile), 2)
FROM seekers s, postings p GROUP BY s.id ORDER BY s.id;
SELECT * FROM match_batch('seekers', 'postings', 2);
SELECT * FROM match_batch('seekers', 'postings', 1, by_posting => true);
SELECT 'k=2 {(11,0.9),(13,0.6)}'::topk_state AS state,
       topk_final(topk_combine('k=2 {(11,0.9),(13,0.6)}', 'k=2 {(12,0.75)}')) AS merged;

-- Example 6: every row of a batch explained, and what decided each top-1
CREATE TEMP TABLE welders (id bigint, profile jobprofile);
CREATE TEMP TABLE welding_jobs (id bigint, profile jobprofile);
INSERT INTO welders VALUES
	(1, 'occupation=7430 skills={용접,취부} region=5213010100 target_groups={older}'),
	(2, 'occupation=7430 skills={용접,도장} region=5213010100 target_groups={older}'),
	(3, 'occupation=7430 skills={용접,취부} region=5213010100 target_groups={youth}'),
	(4, 'occupation=7430 skills={용접,취부} region=5214010100');
INSERT INTO welding_jobs VALUES
	(10, 'occupation=7430 skills={용접,취부} region=5213010100'),
	(11, 'occupation=7431 skills={용접,취부} region=5213010100'),
	(12, 'occupation=7430 skills={용접,도장} region=5213010100'),
	(13, 'occupation=7430 skills={용접,취부} region=5213010100 target_groups={youth}'),
	(14, 'occupation=7430 skills={용접,취부} region=5214010100');
SELECT seeker_id, posting_id, rank, score,
       explanation->'occupation'->'similarity' AS occupation,
       explanation->'skills'->'matched' AS skills_matched,
       explanation->'region'->'similarity' AS region
FROM match_batch_explain('welders', 'welding_jobs', 2)
ORDER BY seeker_id, rank;
WITH e AS (SELECT * FROM match_batch_explain('welders', 'welding_jobs', 2))
SELECT a.seeker_id, a.posting_id AS best, a.score, b.posting_id AS runner_up, b.score AS runner_up_score,
       match_deciding_factor(a.explanation, b.explanation) AS decided_by
FROM e a JOIN e b ON b.seeker_id = a.seeker_id AND b.rank = 2
WHERE a.rank = 1
ORDER BY a.seeker_id;
SELECT factor, decided, share, round(mean_difference::numeric, 4) AS mean_difference
FROM match_factor_summary('welders', 'welding_jobs');
SELECT factor, decided, share, round(mean_difference::numeric, 4) AS mean_difference
FROM match_factor_summary('welders', 'welding_jobs', by_posting => true)
WHERE decided > 0 OR mean_difference <> 0;
SELECT s.id AS seeker_id, x.posting_id, x.score, match_explain(s.profile, p.profile)->'skills'->'matched' AS matched
FROM welders s
JOIN match_batch('welders', 'welding_jobs', 1) x ON x.seeker_id = s.id
JOIN welding_jobs p ON p.id = x.posting_id
ORDER BY s.id;
