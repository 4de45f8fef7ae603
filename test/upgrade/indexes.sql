-- test/upgrade/indexes.sql: an index of every default operator class on
-- each table v_<type> of test/checks/upgrade.sh.  Run by stored_values.sql
-- with the released library, and again after ALTER EXTENSION UPDATE, when it
-- adds the indexes of operator classes the update brought (for example the
-- btree and hash classes of peopleset, catstats and topk_state, new in
-- 1.1), built over the values the old library stored.  Written for the SQL
-- of 1.0.
SET search_path = public;

-- every index the types have; a btree index entry is at most about 2.7 kB
-- (after compression), so the large values stay out of the btree ones
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN
		SELECT c.relname, am.amname
		FROM pg_class c
		JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'v'
		JOIN pg_opclass o ON o.opcintype = a.atttypid AND o.opcdefault
		JOIN pg_am am ON am.oid = o.opcmethod
		WHERE c.relname LIKE 'v\_%' AND c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
		ORDER BY 1, 2
	LOOP
		EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I USING %s (v)%s', r.relname || '_' || r.amname, r.relname, r.amname,
			CASE WHEN r.amname = 'btree' THEN ' WHERE id < 1000' ELSE '' END);
	END LOOP;
END
$$;
