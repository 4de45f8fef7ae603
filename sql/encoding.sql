--
-- A database of another encoding: the install scripts hold Korean text and
-- are read as UTF-8 (encoding = UTF8 in the control file), so the extension
-- installs in an EUC_KR database, and Korean text goes in and out through
-- the client encoding as it does for the built-in types.
--
SELECT current_database() AS regress_db \gset
SET client_min_messages = warning;
DROP DATABASE IF EXISTS regress_jobs_ext_euc_kr;
RESET client_min_messages;
CREATE DATABASE regress_jobs_ext_euc_kr TEMPLATE template0 ENCODING 'EUC_KR'
	LOCALE_PROVIDER libc LOCALE 'C';
\c regress_jobs_ext_euc_kr
SET client_encoding = 'UTF8';
SET client_min_messages = warning;
CREATE EXTENSION jobs_ext;
RESET client_min_messages;
SELECT getdatabaseencoding();
-- labels from the install script, read back through EUC_KR
SELECT jobcat_label('60') AS ko, jobcat_label('811', 'en') AS en,
	'희망일자리'::jobcat AS alias, '8.1.1'::jobcat AS dotted;
SELECT '{[2018-04-05,2019-04-04],[2019-04-05,2022-12-31]} age 15..34'::eligwin AS w;
SELECT jamo('군산') AS jamo, choseong('용접기능사') AS choseong,
	romanize('군산') AS romanized, '지게차운전' <%% '방문 지게차운전 (단시간)' AS word;
SELECT jobprofile(skills => ARRAY['지게차운전']) AS profile;
-- a character EUC_KR has no place for is refused by the server before
-- any input function sees it, as for text
SELECT 'ᄒᆞᆫ글'::jobcat;
\c :regress_db
DROP DATABASE regress_jobs_ext_euc_kr;
