-- The dashboards' own login on PostgreSQL: it reads the warehouse and can change nothing.
--
-- The app (`next start`) only ever reads: the metrics, their CSV exports (a cursor inside a
-- transaction) and the status page. Migrations and loads keep using the owner's login, so point
-- DATABASE_URL at this role only for the server process, e.g.
--   DATABASE_URL=postgres://streamflix_reader:…@host:5432/warehouse npx next start
-- (`npm start` also migrates first, which needs the owner.)
--
-- Run as the owner of the warehouse tables, after `npm run db:migrate`; choose your own password.

CREATE ROLE streamflix_reader LOGIN PASSWORD 'change-me';

-- Tables are found and read; nothing is written, created or dropped. Since PostgreSQL 15 the public
-- schema no longer lets every role create tables in it; on an older server also run
--   REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO streamflix_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO streamflix_reader;

-- Tables that later migrations create (as this same owner) are readable too, without a new GRANT.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO streamflix_reader;

-- The local-time functions the metrics call are executable by PUBLIC, PostgreSQL's default for functions.
