-- Keys of dim_date and dim_time_of_day for a local wall-clock time. The same text is valid on Redshift
-- (scalar SQL UDFs take positional arguments $1) and PostgreSQL, so the facts and every late-dimension
-- update key local time the same way.

-- YYYYMMDD, or the unknown member (-1) outside the seeded calendar 2015-01-01..2035-12-31.
CREATE OR REPLACE FUNCTION f_date_key (timestamp)
RETURNS integer
IMMUTABLE
AS $$
  SELECT CASE
    WHEN $1 >= CAST('2015-01-01' AS timestamp) AND $1 < CAST('2036-01-01' AS timestamp)
      THEN CAST(TO_CHAR($1, 'YYYYMMDD') AS integer)
    ELSE -1
  END
$$ LANGUAGE sql;

-- Minute of the day, hour * 60 + minute.
CREATE OR REPLACE FUNCTION f_time_of_day_key (timestamp)
RETURNS smallint
IMMUTABLE
AS $$
  SELECT CAST(EXTRACT(HOUR FROM $1) * 60 + EXTRACT(MINUTE FROM $1) AS smallint)
$$ LANGUAGE sql;
