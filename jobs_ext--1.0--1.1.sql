/* jobs_ext--1.0--1.1.sql: update a database from jobs_ext 1.0 to 1.1 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION jobs_ext UPDATE TO '1.1'" to load this file. \quit

-- What 1.1 changes in the SQL surface, in the order one would apply it by
-- hand.  Every statement here has its twin in jobs_ext--1.1.sql, the full
-- install script of 1.1; test/checks/upgrade.sh requires that 1.0 updated
-- with this script and a fresh 1.1 hold the same objects
-- (test/upgrade/jobs_ext--1.1.objects).  Names of our objects inside bodies
-- and queries are written @extschema@-qualified, as in the install script.
--
-- So far 1.1 changes no SQL object, only the C library; values stored by 1.0
-- are read as they are (each carries its format version), so no data needs
-- rewriting.
