-- test/upgrade/objects.sql: every object of the installed jobs_ext, one line
-- each with what a user or the planner relies on, sorted, so two installs
-- (fresh, or an older version updated) can be compared with diff.
SET search_path = pg_catalog;
WITH members AS (
	SELECT d.classid, d.objid, d.objsubid
	FROM pg_depend d JOIN pg_extension e ON d.refobjid = e.oid
	WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' AND e.extname = 'jobs_ext'
		-- a type's array type comes with it (and is a member of its own only
		-- from PostgreSQL 17 on)
		AND NOT (d.classid = 'pg_type'::regclass
			AND EXISTS (SELECT FROM pg_type elem WHERE elem.typarray = d.objid))
), lines AS (
	-- every member, with its comment
	SELECT pg_describe_object(classid, objid, objsubid)
		|| coalesce(' -- ' || obj_description(objid, (SELECT relname FROM pg_class WHERE oid = classid)::name), '') AS line
	FROM members
	UNION ALL
	-- functions and aggregates
	SELECT format('function %s(%s) returns %s%s: %s %s strict=%s parallel=%s secdef=%s leakproof=%s cost=%s rows=%s config=%s',
		p.proname, pg_get_function_arguments(p.oid), CASE WHEN p.proretset THEN 'setof ' ELSE '' END,
		p.prorettype::regtype, p.prokind, p.provolatile, p.proisstrict, p.proparallel, p.prosecdef,
		p.proleakproof, p.procost, p.prorows, p.proconfig)
		|| CASE WHEN l.lanname = 'c' THEN ' symbol=' || p.prosrc ELSE ' body=' || md5(p.prosrc) END
	FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
	JOIN pg_language l ON l.oid = p.prolang
	UNION ALL
	SELECT format('aggregate %s: sfunc=%s stype=%s final=%s combine=%s serial=%s deserial=%s init=%s sortop=%s kind=%s finalmodify=%s',
		a.aggfnoid::regprocedure, a.aggtransfn, a.aggtranstype::regtype, a.aggfinalfn, a.aggcombinefn,
		a.aggserialfn, a.aggdeserialfn, a.agginitval, a.aggsortop::regoperator, a.aggkind, a.aggfinalmodify)
	FROM members m JOIN pg_aggregate a ON m.classid = 'pg_proc'::regclass AND a.aggfnoid = m.objid
	UNION ALL
	-- types
	SELECT format('type %s: len=%s byval=%s align=%s storage=%s category=%s in=%s out=%s recv=%s send=%s analyze=%s subscript=%s default=%s',
		t.oid::regtype, t.typlen, t.typbyval, t.typalign, t.typstorage, t.typcategory, t.typinput,
		t.typoutput, t.typreceive, t.typsend, t.typanalyze, t.typsubscript, t.typdefault)
	FROM members m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
	UNION ALL
	-- operators
	SELECT format('operator %s: proc=%s commutator=%s negator=%s restrict=%s join=%s hashes=%s merges=%s',
		o.oid::regoperator, o.oprcode, o.oprcom::regoperator, o.oprnegate::regoperator, o.oprrest,
		o.oprjoin, o.oprcanhash, o.oprcanmerge)
	FROM members m JOIN pg_operator o ON m.classid = 'pg_operator'::regclass AND o.oid = m.objid
	UNION ALL
	-- casts
	SELECT format('cast %s -> %s: func=%s context=%s method=%s',
		c.castsource::regtype, c.casttarget::regtype, c.castfunc::regprocedure, c.castcontext, c.castmethod)
	FROM members m JOIN pg_cast c ON m.classid = 'pg_cast'::regclass AND c.oid = m.objid
	UNION ALL
	-- operator classes and what their families hold
	SELECT format('opclass %s %s for %s: default=%s keytype=%s',
		am.amname, oc.opcname, oc.opcintype::regtype, oc.opcdefault, oc.opckeytype::regtype)
	FROM members m JOIN pg_opclass oc ON m.classid = 'pg_opclass'::regclass AND oc.oid = m.objid
	JOIN pg_am am ON am.oid = oc.opcmethod
	UNION ALL
	SELECT format('opfamily %s %s: operator %s %s purpose=%s sortfamily=%s',
		am.amname, f.opfname, ao.amopstrategy, ao.amopopr::regoperator, ao.amoppurpose, ao.amopsortfamily)
	FROM pg_opfamily f JOIN pg_am am ON am.oid = f.opfmethod
	JOIN pg_amop ao ON ao.amopfamily = f.oid
	WHERE f.oid IN (SELECT oc.opcfamily FROM members m JOIN pg_opclass oc ON m.classid = 'pg_opclass'::regclass AND oc.oid = m.objid)
	UNION ALL
	SELECT format('opfamily %s %s: function %s (%s, %s) %s',
		am.amname, f.opfname, ap.amprocnum, ap.amproclefttype::regtype, ap.amprocrighttype::regtype,
		ap.amproc::regprocedure)
	FROM pg_opfamily f JOIN pg_am am ON am.oid = f.opfmethod
	JOIN pg_amproc ap ON ap.amprocfamily = f.oid
	WHERE f.oid IN (SELECT oc.opcfamily FROM members m JOIN pg_opclass oc ON m.classid = 'pg_opclass'::regclass AND oc.oid = m.objid)
)
SELECT line FROM lines ORDER BY line COLLATE "C";
