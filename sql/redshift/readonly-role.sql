-- The dashboards' own login on Redshift: it reads the warehouse and can change nothing.
--
-- The app (`next start`) only ever reads: the metrics, their CSV exports (a cursor inside a
-- transaction) and the status page. Migrations and loads keep using the owner's login, so point
-- DATABASE_URL at this user only for the server process, e.g.
--   DATABASE_URL=postgres://streamflix_reader:…@cluster.region.redshift.amazonaws.com:5439/dev?sslmode=require npx next start
--
-- Run as the owner of the warehouse tables, after `npm run db:migrate`. Redshift wants a password of 8 to
-- 64 characters with an upper-case letter, a lower-case letter and a digit: choose your own.

CREATE USER streamflix_reader PASSWORD 'Change-me-1';

-- Tables are found and read; nothing is written. The same two GRANTs as on PostgreSQL.
GRANT USAGE ON SCHEMA public TO streamflix_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO streamflix_reader;

-- Tables that later migrations create (as this same owner) are readable too, without a new GRANT.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO streamflix_reader;

-- Unlike PostgreSQL 15, Redshift lets PUBLIC create tables in the public schema, so a reader could still
-- create (and fill) tables of its own. Refuse that to everyone but the owner; the loader's user, if it is
-- not the owner, then needs its own `GRANT CREATE ON SCHEMA public TO <loader>`.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- Scalar SQL UDFs (f_date_key, f_time_of_day_key) are executable by PUBLIC by default on Redshift too.
