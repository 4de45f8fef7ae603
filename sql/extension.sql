--
-- Extension-wide catalogue checks: every object documented, every function
-- marked as the project promises.
--

-- Every function, aggregate, type and operator of jobs_ext has a COMMENT
-- (an array type is documented by its element type's; from PostgreSQL 17 on
-- array types are members of the extension too).
SELECT p.oid::regprocedure AS undocumented_function
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON d.refobjid = e.oid AND e.extname = 'jobs_ext'
WHERE obj_description(p.oid, 'pg_proc') IS NULL
ORDER BY 1;
SELECT t.oid::regtype AS undocumented_type
FROM pg_type t
JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
JOIN pg_extension e ON d.refobjid = e.oid AND e.extname = 'jobs_ext'
WHERE obj_description(t.oid, 'pg_type') IS NULL
  AND NOT EXISTS (SELECT FROM pg_type elem WHERE elem.typarray = t.oid)
ORDER BY 1;
-- and so has every operator, cast, operator class and operator family
SELECT pg_describe_object(d.classid, d.objid, 0) AS undocumented_member
FROM pg_depend d
JOIN pg_extension e ON d.refobjid = e.oid AND e.extname = 'jobs_ext'
WHERE d.deptype = 'e'
  AND d.classid IN ('pg_operator'::regclass, 'pg_cast'::regclass,
					'pg_opclass'::regclass, 'pg_opfamily'::regclass)
  AND obj_description(d.objid, d.classid::regclass::name) IS NULL
ORDER BY 1;

-- Every function is PARALLEL SAFE, SECURITY INVOKER, and not VOLATILE; the
-- one exception is match_batch, PARALLEL RESTRICTED because it reads the
-- relations it is given, which may be temporary tables.
SELECT p.oid::regprocedure AS marked_otherwise, p.proparallel, p.provolatile, p.prosecdef
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON d.refobjid = e.oid AND e.extname = 'jobs_ext'
WHERE p.proparallel <> 's' OR p.provolatile = 'v' OR p.prosecdef
ORDER BY 1;

-- Every aggregate has a combine function and a state of a real type
-- (not internal), so parallel query and Citus can split it.
SELECT a.aggfnoid::regprocedure AS aggregate_not_splittable, a.aggtranstype::regtype, a.aggcombinefn
FROM pg_aggregate a
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = a.aggfnoid AND d.deptype = 'e'
JOIN pg_extension e ON d.refobjid = e.oid AND e.extname = 'jobs_ext'
WHERE a.aggcombinefn = 0 OR a.aggtranstype = 'internal'::regtype
ORDER BY 1;

-- The version installed is the control file's default, 1.1; 1.0 is released
-- and updates to it with jobs_ext--1.0--1.1.sql.
SELECT extversion FROM pg_extension WHERE extname = 'jobs_ext';
SELECT source, target, path FROM pg_extension_update_paths('jobs_ext')
WHERE path IS NOT NULL ORDER BY source, target;
SELECT version, installed, superuser, trusted, requires
FROM pg_available_extension_versions WHERE name = 'jobs_ext' ORDER BY version;
