--
-- Security: the install script cannot be hijacked through search_path (as
-- contrib/seg's security test checks), nothing runs as its definer, and no
-- function can build SQL from its arguments.
--
-- jobs_ext is trusted (doc/security.md): a database owner who is no
-- superuser may install it, and the script then runs as a superuser.  Here
-- such an owner plants decoys for every catalogue function the script names
-- without a schema, in a schema of their own put first on search_path and
-- chosen as the extension's schema, and installs the extension into it.
--
-- The owner never logs in: the superuser that runs the suites connects to
-- the owner's database and becomes the owner with SET SESSION AUTHORIZATION,
-- so this works under any authentication (peer on Debian's stock clusters).
-- A run that stopped half-way may have left the role and the database: they
-- go first, and at the end whatever happened in between.
SELECT current_database() AS regress_db \gset
SET client_min_messages = warning;
DROP DATABASE IF EXISTS regress_jobs_ext_security WITH (FORCE);
DROP ROLE IF EXISTS regress_jobs_ext_owner;
RESET client_min_messages;
CREATE ROLE regress_jobs_ext_owner NOLOGIN;
CREATE DATABASE regress_jobs_ext_security OWNER regress_jobs_ext_owner TEMPLATE template0;
\c regress_jobs_ext_security
SET SESSION AUTHORIZATION regress_jobs_ext_owner;
-- From here on the session is the owner, who is no superuser.
SELECT session_user, current_user, rolsuper, d.datname IS NOT NULL AS owns_database
FROM pg_roles r LEFT JOIN pg_database d ON d.datdba = r.oid AND d.datname = current_database()
WHERE r.rolname = current_user;
SET client_min_messages = warning;
CREATE SCHEMA hostile;
-- Decoys for what the script names without a schema: overloaded operators
-- and functions on the built-in types it uses.  (The estimators it names take
-- internal, which only a superuser can declare, so they cannot be decoyed.)
CREATE FUNCTION hostile.decoy_eq(text, text) RETURNS boolean
	LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'hostile = called by %', current_user; END$$;
CREATE OPERATOR hostile.= (LEFTARG = text, RIGHTARG = text, PROCEDURE = hostile.decoy_eq);
CREATE FUNCTION hostile.decoy_lt(date, date) RETURNS boolean
	LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'hostile < called by %', current_user; END$$;
CREATE OPERATOR hostile.< (LEFTARG = date, RIGHTARG = date, PROCEDURE = hostile.decoy_lt);
CREATE FUNCTION hostile.int4(text) RETURNS integer
	LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'hostile int4 called by %', current_user; END$$;
CREATE FUNCTION hostile.daterange(date, date) RETURNS daterange
	LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'hostile daterange called by %', current_user; END$$;
CREATE FUNCTION hostile.lower(daterange) RETURNS date
	LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'hostile lower called by %', current_user; END$$;
SET search_path = hostile, public;
CREATE EXTENSION jobs_ext SCHEMA hostile;
RESET client_min_messages;

-- No object of the extension refers to a decoy: everything its members
-- depend on is one of them or lives in pg_catalog.
SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS member,
	   pg_describe_object(d.refclassid, d.refobjid, d.refobjsubid) AS refers_outside
FROM pg_depend d
JOIN pg_depend m ON m.classid = d.classid AND m.objid = d.objid AND m.deptype = 'e'
JOIN pg_extension e ON e.oid = m.refobjid AND e.extname = 'jobs_ext'
WHERE d.deptype = 'n'
  AND d.refclassid <> 'pg_namespace'::regclass
  AND (pg_identify_object(d.refclassid, d.refobjid, 0)).schema IS DISTINCT FROM 'pg_catalog'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x
				  WHERE x.classid = d.refclassid AND x.objid = d.refobjid
					AND x.deptype = 'e' AND x.refobjid = e.oid)
  -- the array type of one of its types
  AND NOT EXISTS (SELECT 1 FROM pg_type a
				  JOIN pg_depend x ON x.classid = 'pg_type'::regclass AND x.objid = a.typelem
					AND x.deptype = 'e' AND x.refobjid = e.oid
				  WHERE d.refclassid = 'pg_type'::regclass AND a.oid = d.refobjid)
ORDER BY 1, 2;

-- The operators estimate with pg_catalog's functions, so planning works.
SELECT count(*) FROM (VALUES ('60'::jobcat), ('811')) v(c) WHERE c = '60' AND c <> '70' AND c < '90';
SELECT count(*) FROM (VALUES ('{[2020-01-01,2020-12-31]}'::eligwin)) v(w)
WHERE w @> '2020-06-01'::date AND w && '{[2020-12-01,)}';

-- The script ran as the bootstrap superuser, which owns the objects; the
-- extension itself belongs to the one who asked.
SELECT DISTINCT r.rolsuper AS owned_by_superuser, r.rolname = current_user AS owned_by_asker
FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON d.refobjid = e.oid AND e.extname = 'jobs_ext';
SELECT extowner::regrole AS extension_owner FROM pg_extension WHERE extname = 'jobs_ext';

-- Nothing runs as its definer or with settings of its own, and every
-- function is C or internal: none is written in a language that could run
-- SQL built from its arguments.
SELECT p.oid::regprocedure AS suspicious, l.lanname, p.prosecdef, p.proconfig
FROM pg_proc p
JOIN pg_language l ON l.oid = p.prolang
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON d.refobjid = e.oid AND e.extname = 'jobs_ext'
WHERE p.prosecdef OR p.proconfig IS NOT NULL OR l.lanname NOT IN ('c', 'internal')
ORDER BY 1;

-- The owner can drop what they installed.
DROP EXTENSION jobs_ext;
-- A new connection, as the superuser again; FORCE in case the old one has
-- not gone yet.
\c :regress_db
DROP DATABASE regress_jobs_ext_security WITH (FORCE);
DROP ROLE regress_jobs_ext_owner;
