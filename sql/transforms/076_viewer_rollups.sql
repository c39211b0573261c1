-- Generated from db/viewer-rollup-sql.ts by `npm run db:ddl`; do not edit.
-- agg_session_length: every local date this load changed (075's tmp_rollup_date) is rewritten from the fact.
-- agg_viewer_day: a viewer's previous dates depend on all of their rows, so every viewer with a row on a
-- changed date, before or after this load, has all of their rows rewritten. That covers each session that
-- was added, rebuilt, re-dated or moved, and each viewer whose plan or country or whose items' title, genre
-- or type changed, since 075 counts all the dates of those sessions as changed. agg_audience_day's
-- previous dates are kept the same way, for the same viewers: it holds the same sessions.

delete from agg_session_length
where start_date_key in (select start_date_key from tmp_rollup_date);

INSERT INTO agg_session_length (start_date_key, content_key, device_type, subscription_plan, country, session_length_milliseconds, watch_milliseconds)
SELECT
  f.start_date_key, f.content_key, d.device_type, u.subscription_plan, u.country,
  CAST(f.session_length_seconds * 1000 AS BIGINT) AS session_length_milliseconds,
  CAST(f.watch_seconds * 1000 AS BIGINT) AS watch_milliseconds
FROM fact_viewing_session AS f
  JOIN dim_device AS d ON d.device_key = f.device_key
  JOIN dim_user AS u ON u.user_key = f.user_key
WHERE f.start_date_key in (select start_date_key from tmp_rollup_date);

create temp table tmp_viewer_user as
select fact.user_key
from fact_viewing_session as fact
where fact.start_date_key in (select start_date_key from tmp_rollup_date)
union
select viewer.user_key
from agg_viewer_day as viewer
where viewer.start_date_key in (select start_date_key from tmp_rollup_date);

delete from agg_viewer_day
where user_key in (select user_key from tmp_viewer_user);

INSERT INTO agg_viewer_day (start_date_key, user_key, content_key, device_type, subscription_plan, country, sessions, watch_milliseconds, previous_date_genre, previous_date_genre_content_type, previous_date_genre_device_type, previous_date_genre_content_type_device_type, previous_date_device_type, previous_date_content_type_device_type, previous_date_title_id, previous_date_title_id_genre, previous_date_title_id_content_type, previous_date_title_id_genre_content_type, previous_date_title_id_device_type, previous_date_title_id_genre_device_type, previous_date_title_id_content_type_device_type, previous_date_title_id_genre_content_type_device_type)
SELECT
  v.start_date_key, v.user_key, v.content_key, v.device_type, v.subscription_plan, v.country, v.sessions, v.watch_milliseconds,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.genre ORDER BY v.start_date_key, v.content_key, v.device_type), 0) AS previous_date_genre,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.genre, v.content_type ORDER BY v.start_date_key, v.content_key, v.device_type), 0) AS previous_date_genre_content_type,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.genre, v.device_type ORDER BY v.start_date_key, v.content_key, v.device_type), 0) AS previous_date_genre_device_type,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.genre, v.content_type, v.device_type ORDER BY v.start_date_key, v.content_key, v.device_type), 0) AS previous_date_genre_content_type_device_type,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.device_type ORDER BY v.start_date_key, v.content_key, v.device_type), 0) AS previous_date_device_type,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.content_type, v.device_type ORDER BY v.start_date_key, v.content_key, v.device_type), 0) AS previous_date_content_type_device_type,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.title_id ORDER BY v.start_date_key, v.content_key, v.device_type), 0) AS previous_date_title_id,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.title_id, v.genre ORDER BY v.start_date_key, v.content_key, v.device_type), 0) AS previous_date_title_id_genre,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.title_id, v.content_type ORDER BY v.start_date_key, v.content_key, v.device_type), 0) AS previous_date_title_id_content_type,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.title_id, v.genre, v.content_type ORDER BY v.start_date_key, v.content_key, v.device_type), 0) AS previous_date_title_id_genre_content_type,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.title_id, v.device_type ORDER BY v.start_date_key, v.content_key, v.device_type), 0) AS previous_date_title_id_device_type,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.title_id, v.genre, v.device_type ORDER BY v.start_date_key, v.content_key, v.device_type), 0) AS previous_date_title_id_genre_device_type,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.title_id, v.content_type, v.device_type ORDER BY v.start_date_key, v.content_key, v.device_type), 0) AS previous_date_title_id_content_type_device_type,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.title_id, v.genre, v.content_type, v.device_type ORDER BY v.start_date_key, v.content_key, v.device_type), 0) AS previous_date_title_id_genre_content_type_device_type
FROM (
  SELECT
    f.start_date_key, f.user_key, f.content_key, d.device_type, u.subscription_plan, u.country, c.title_id, c.genre, c.content_type,
    COUNT(*) AS sessions,
    SUM(CAST(f.watch_seconds * 1000 AS BIGINT)) AS watch_milliseconds
  FROM fact_viewing_session AS f
    JOIN dim_content AS c ON c.content_key = f.content_key
    JOIN dim_device AS d ON d.device_key = f.device_key
    JOIN dim_user AS u ON u.user_key = f.user_key
  WHERE f.user_key in (select user_key from tmp_viewer_user)
  GROUP BY f.start_date_key, f.user_key, f.content_key, d.device_type, u.subscription_plan, u.country, c.title_id, c.genre, c.content_type
) AS v;

delete from agg_audience_day
where user_key in (select user_key from tmp_viewer_user);

INSERT INTO agg_audience_day (start_date_key, user_key, genre, content_type, device_type, subscription_plan, country, sessions, completed_sessions, watch_milliseconds, previous_date, previous_date_genre, previous_date_content_type, previous_date_device_type, previous_date_genre_content_type, previous_date_genre_device_type, previous_date_content_type_device_type, previous_date_genre_content_type_device_type)
SELECT
  v.start_date_key, v.user_key, v.genre, v.content_type, v.device_type, v.subscription_plan, v.country, v.sessions, v.completed_sessions, v.watch_milliseconds,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key ORDER BY v.start_date_key, v.genre, v.content_type, v.device_type), 0) AS previous_date,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.genre ORDER BY v.start_date_key, v.genre, v.content_type, v.device_type), 0) AS previous_date_genre,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.content_type ORDER BY v.start_date_key, v.genre, v.content_type, v.device_type), 0) AS previous_date_content_type,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.device_type ORDER BY v.start_date_key, v.genre, v.content_type, v.device_type), 0) AS previous_date_device_type,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.genre, v.content_type ORDER BY v.start_date_key, v.genre, v.content_type, v.device_type), 0) AS previous_date_genre_content_type,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.genre, v.device_type ORDER BY v.start_date_key, v.genre, v.content_type, v.device_type), 0) AS previous_date_genre_device_type,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.content_type, v.device_type ORDER BY v.start_date_key, v.genre, v.content_type, v.device_type), 0) AS previous_date_content_type_device_type,
  COALESCE(LAG(v.start_date_key) OVER (PARTITION BY v.user_key, v.genre, v.content_type, v.device_type ORDER BY v.start_date_key, v.genre, v.content_type, v.device_type), 0) AS previous_date_genre_content_type_device_type
FROM (
  SELECT
    f.start_date_key, f.user_key, c.genre, c.content_type, d.device_type, u.subscription_plan, u.country,
    COUNT(*) AS sessions,
    SUM(CASE WHEN f.is_completed THEN 1 ELSE 0 END) AS completed_sessions,
    SUM(CAST(f.watch_seconds * 1000 AS BIGINT)) AS watch_milliseconds
  FROM fact_viewing_session AS f
    JOIN dim_content AS c ON c.content_key = f.content_key
    JOIN dim_device AS d ON d.device_key = f.device_key
    JOIN dim_user AS u ON u.user_key = f.user_key
  WHERE f.user_key in (select user_key from tmp_viewer_user)
  GROUP BY f.start_date_key, f.user_key, c.genre, c.content_type, d.device_type, u.subscription_plan, u.country
) AS v
ORDER BY 1;

drop table tmp_viewer_user;
