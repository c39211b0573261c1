-- StreamFlix engagement warehouse: the DuckDB translation of the Redshift DDL.
-- Generated from db/schema by `npm run db:ddl`; edit the schema, not this file.
-- DISTSTYLE and DISTKEY are dropped (one node); ENCODE gives way to automatic compression; a SORTKEY pays off as
-- the order rows are written in (the fact loads sort by it), which row-group zone maps skip by; identity columns take a sequence; keys are
-- informational as on Redshift; Redshift functions the SQL relies on are macros with Redshift semantics.

CREATE OR REPLACE MACRO convert_timezone(source_zone, target_zone, ts) AS
    CAST(timezone(target_zone, timezone(source_zone, CAST(ts AS TIMESTAMP))) AS TIMESTAMP);

CREATE TABLE dim_date (
    date_key INTEGER NOT NULL,
    full_date DATE,
    year_number SMALLINT NOT NULL,
    quarter_number SMALLINT NOT NULL,
    month_number SMALLINT NOT NULL,
    month_name VARCHAR(9) NOT NULL,
    year_month VARCHAR(7) NOT NULL,
    day_of_month SMALLINT NOT NULL,
    day_of_year SMALLINT NOT NULL,
    day_of_week SMALLINT NOT NULL,
    day_name VARCHAR(9) NOT NULL,
    iso_week SMALLINT NOT NULL,
    is_weekend BOOLEAN NOT NULL,
    day_type VARCHAR(7) NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_dim_date PRIMARY KEY (date_key)
    -- Redshift SORTKEY (date_key): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE dim_date IS 'The calendar. Facts point at the local date of the user (the user''s time zone), so "weekday" and "last month" mean what the viewer lived. Seeded for 2015-01-01..2035-12-31. Grain: One row per calendar day, plus the unknown member (date_key −1).';
COMMENT ON COLUMN dim_date.date_key IS 'Smart key YYYYMMDD (e.g. 20261003); −1 is the unknown member.';
COMMENT ON COLUMN dim_date.full_date IS 'The date; null for the unknown member.';
COMMENT ON COLUMN dim_date.year_number IS 'Calendar year; −1 for the unknown member.';
COMMENT ON COLUMN dim_date.quarter_number IS 'Quarter 1–4.';
COMMENT ON COLUMN dim_date.month_number IS 'Month 1–12.';
COMMENT ON COLUMN dim_date.month_name IS 'January … December.';
COMMENT ON COLUMN dim_date.year_month IS 'YYYY-MM, for monthly grouping.';
COMMENT ON COLUMN dim_date.day_of_month IS 'Day 1–31.';
COMMENT ON COLUMN dim_date.day_of_year IS 'Day 1–366.';
COMMENT ON COLUMN dim_date.day_of_week IS 'ISO day of week: 1 = Monday … 7 = Sunday.';
COMMENT ON COLUMN dim_date.day_name IS 'Monday … Sunday.';
COMMENT ON COLUMN dim_date.iso_week IS 'ISO 8601 week number 1–53.';
COMMENT ON COLUMN dim_date.is_weekend IS 'Saturday or Sunday.';
COMMENT ON COLUMN dim_date.day_type IS '`weekday` (Monday–Friday) or `weekend` (Saturday, Sunday).';

CREATE TABLE dim_time_of_day (
    time_of_day_key SMALLINT NOT NULL,
    hour_of_day SMALLINT NOT NULL,
    minute_of_hour SMALLINT NOT NULL,
    time_label VARCHAR(7) NOT NULL,
    hour_label VARCHAR(7) NOT NULL,
    day_part VARCHAR(9) NOT NULL,
    is_prime_time BOOLEAN NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_dim_time_of_day PRIMARY KEY (time_of_day_key)
    -- Redshift SORTKEY (time_of_day_key): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE dim_time_of_day IS 'Local time of day at minute grain. Peak-hour analysis reads hour_of_day, but minute grain costs only 1,440 rows and lets an analyst ask for quarter hours or "just before 9 pm" without a new dimension; the hour is one column away. Grain: One row per minute of the day (0–1439), plus the unknown member (time_of_day_key −1).';
COMMENT ON COLUMN dim_time_of_day.time_of_day_key IS 'Minute of the day, hour × 60 + minute; −1 is the unknown member.';
COMMENT ON COLUMN dim_time_of_day.hour_of_day IS 'Local hour 0–23; −1 for the unknown member.';
COMMENT ON COLUMN dim_time_of_day.minute_of_hour IS 'Minute 0–59.';
COMMENT ON COLUMN dim_time_of_day.time_label IS 'HH:MM.';
COMMENT ON COLUMN dim_time_of_day.hour_label IS 'HH:00, for hourly grouping.';
COMMENT ON COLUMN dim_time_of_day.day_part IS 'night (00–05), morning (06–11), afternoon (12–17) or evening (18–23).';
COMMENT ON COLUMN dim_time_of_day.is_prime_time IS 'Between 19:00 and 22:59, the evening peak of streaming.';

CREATE SEQUENCE seq_dim_user_user_key START 1;
CREATE TABLE dim_user (
    user_key INTEGER DEFAULT nextval('seq_dim_user_user_key') NOT NULL,
    user_id VARCHAR(64) NOT NULL,
    signup_date DATE,
    country VARCHAR(8) NOT NULL,
    time_zone VARCHAR(64) NOT NULL,
    age_band VARCHAR(8) NOT NULL,
    subscription_plan VARCHAR(8) NOT NULL,
    is_inferred BOOLEAN NOT NULL,
    updated_at TIMESTAMP NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_dim_user PRIMARY KEY (user_key)
    -- informational, as on Redshift: CONSTRAINT uq_dim_user_user_id UNIQUE (user_id)
    -- Redshift SORTKEY (user_id): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE dim_user IS 'Subscribers: demographics, country, plan and the time zone in which their viewing is dated. Type 1: the newest load of a user overwrites the attributes. Grain: One row per subscriber (user_id), plus the unknown member (user_key −1).';

CREATE SEQUENCE seq_dim_content_content_key START 1;
CREATE TABLE dim_content (
    content_key INTEGER DEFAULT nextval('seq_dim_content_content_key') NOT NULL,
    content_id VARCHAR(64) NOT NULL,
    content_type VARCHAR(8) NOT NULL,
    title VARCHAR(512) NOT NULL,
    genre VARCHAR(64) NOT NULL,
    release_year SMALLINT,
    runtime_seconds INTEGER,
    maturity_rating VARCHAR(16) NOT NULL,
    series_id VARCHAR(64),
    series_title VARCHAR(512),
    season_number SMALLINT,
    episode_number SMALLINT,
    title_id VARCHAR(64) NOT NULL,
    title_name VARCHAR(512) NOT NULL,
    is_inferred BOOLEAN NOT NULL,
    updated_at TIMESTAMP NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_dim_content PRIMARY KEY (content_key)
    -- informational, as on Redshift: CONSTRAINT uq_dim_content_content_id UNIQUE (content_id)
    -- Redshift SORTKEY (content_id): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE dim_content IS 'The playable catalog: movies and episodes. The Series → Season → Episode hierarchy is flattened into each episode row, and title_id rolls episodes up to their series, so "per title" analysis is a GROUP BY, not a join. A snowflake (series and season tables) would add two joins to every content query for a catalog small enough to copy to every node; a bridge table is for many-to-many hierarchies, and an episode belongs to exactly one season of one series. Grain: One row per playable item (content_id): a movie or an episode, plus the unknown member (content_key −1).';

CREATE SEQUENCE seq_dim_device_device_key START 1;
CREATE TABLE dim_device (
    device_key INTEGER DEFAULT nextval('seq_dim_device_device_key') NOT NULL,
    device_id VARCHAR(64) NOT NULL,
    device_type VARCHAR(8) NOT NULL,
    os VARCHAR(64) NOT NULL,
    app_version VARCHAR(64) NOT NULL,
    updated_at TIMESTAMP NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_dim_device PRIMARY KEY (device_key)
    -- informational, as on Redshift: CONSTRAINT uq_dim_device_profile UNIQUE (device_id, device_type, os, app_version)
    -- Redshift SORTKEY (device_id): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE dim_device IS 'The device profile a session was played on, as the player reported it. A new app version or OS makes a new row, so a session keeps the profile of its first event however the device changes later, and no load order can change it. Grain: One row per distinct (device_id, device_type, os, app_version), plus the unknown member (device_key −1).';

CREATE TABLE fact_viewing_session (
    session_id VARCHAR(128) NOT NULL,
    user_key INTEGER NOT NULL,
    content_key INTEGER NOT NULL,
    device_key INTEGER NOT NULL,
    start_date_key INTEGER NOT NULL,
    start_time_of_day_key SMALLINT NOT NULL,
    session_status VARCHAR(6) NOT NULL,
    session_start_ts TIMESTAMP NOT NULL,
    last_event_ts TIMESTAMP NOT NULL,
    stop_ts TIMESTAMP,
    session_end_ts TIMESTAMP NOT NULL,
    local_start_ts TIMESTAMP NOT NULL,
    session_length_seconds DECIMAL(12,3) NOT NULL,
    watch_seconds DECIMAL(12,3) NOT NULL,
    start_position_seconds DOUBLE NOT NULL,
    max_position_seconds DOUBLE NOT NULL,
    is_completed BOOLEAN NOT NULL,
    pause_count INTEGER NOT NULL,
    seek_count INTEGER NOT NULL,
    event_count INTEGER NOT NULL,
    events_after_stop INTEGER NOT NULL,
    first_load_id INTEGER NOT NULL,
    last_load_id INTEGER NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_fact_viewing_session PRIMARY KEY (session_id)
    -- informational, as on Redshift: CONSTRAINT fk_fact_viewing_session_user_key FOREIGN KEY (user_key) REFERENCES dim_user (user_key)
    -- informational, as on Redshift: CONSTRAINT fk_fact_viewing_session_content_key FOREIGN KEY (content_key) REFERENCES dim_content (content_key)
    -- informational, as on Redshift: CONSTRAINT fk_fact_viewing_session_device_key FOREIGN KEY (device_key) REFERENCES dim_device (device_key)
    -- informational, as on Redshift: CONSTRAINT fk_fact_viewing_session_start_date_key FOREIGN KEY (start_date_key) REFERENCES dim_date (date_key)
    -- informational, as on Redshift: CONSTRAINT fk_fact_viewing_session_start_time_of_day_key FOREIGN KEY (start_time_of_day_key) REFERENCES dim_time_of_day (time_of_day_key)
    -- Redshift SORTKEY (start_date_key, content_key): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE fact_viewing_session IS 'The lifecycle of one playback session: when it started and stopped, how long it lasted, how much was actually watched, how far the playhead got, and whether the viewer reached the credits. Built from the play, pause, seek and stop events of the player stream. Grain: One row per viewing session (session_id).';
COMMENT ON COLUMN fact_viewing_session.session_id IS 'Natural key of the session from the player (degenerate dimension).';
COMMENT ON COLUMN fact_viewing_session.user_key IS 'The viewer: the user of the session''s first event.';
COMMENT ON COLUMN fact_viewing_session.content_key IS 'What was played: the content of the first event.';
COMMENT ON COLUMN fact_viewing_session.device_key IS 'Device profile of the first event.';
COMMENT ON COLUMN fact_viewing_session.start_date_key IS 'Local date (user''s time zone) of session_start_ts. Recomputed when an inferred user''s time zone arrives.';
COMMENT ON COLUMN fact_viewing_session.start_time_of_day_key IS 'Local minute of day of session_start_ts.';
COMMENT ON COLUMN fact_viewing_session.session_status IS '`closed` once a stop event is seen, else `open` (the row is updated when later events arrive).';
COMMENT ON COLUMN fact_viewing_session.session_start_ts IS 'UTC time of the first event (milestone).';
COMMENT ON COLUMN fact_viewing_session.last_event_ts IS 'UTC time of the last event that counts: the first stop, or the latest event of an open session (milestone).';
COMMENT ON COLUMN fact_viewing_session.stop_ts IS 'UTC time of the first stop event; null while the session is open (milestone).';
COMMENT ON COLUMN fact_viewing_session.session_end_ts IS 'stop_ts when closed, else last_event_ts.';
COMMENT ON COLUMN fact_viewing_session.local_start_ts IS 'session_start_ts as wall-clock time in the user''s zone.';
COMMENT ON COLUMN fact_viewing_session.session_length_seconds IS 'session_end_ts − session_start_ts, pauses included, to the millisecond.';
COMMENT ON COLUMN fact_viewing_session.watch_seconds IS 'Time spent playing: the sum of the gaps after each event that left the player playing, up to the last counted event, to the millisecond.';
COMMENT ON COLUMN fact_viewing_session.start_position_seconds IS 'Playhead of the first event.';
COMMENT ON COLUMN fact_viewing_session.max_position_seconds IS 'Largest playhead among the counted events.';
COMMENT ON COLUMN fact_viewing_session.is_completed IS 'The runtime is known and max_position_seconds ≥ 95 % of it (the credits threshold). Recomputed when an inferred item''s runtime arrives.';
COMMENT ON COLUMN fact_viewing_session.pause_count IS 'Number of pause events counted.';
COMMENT ON COLUMN fact_viewing_session.seek_count IS 'Number of seek events counted.';
COMMENT ON COLUMN fact_viewing_session.event_count IS 'Events counted: up to and including the first stop.';
COMMENT ON COLUMN fact_viewing_session.events_after_stop IS 'Events that arrived for the session after its first stop; kept for data quality, counted in no measure.';
COMMENT ON COLUMN fact_viewing_session.first_load_id IS 'Load that first built the row (audit).';
COMMENT ON COLUMN fact_viewing_session.last_load_id IS 'Load that last rebuilt the row (audit).';

CREATE TABLE fact_content_rating (
    rating_event_id VARCHAR(128) NOT NULL,
    user_key INTEGER NOT NULL,
    content_key INTEGER NOT NULL,
    device_key INTEGER NOT NULL,
    rating_date_key INTEGER NOT NULL,
    rating_time_of_day_key SMALLINT NOT NULL,
    session_id VARCHAR(128),
    rated_at TIMESTAMP NOT NULL,
    local_rated_at TIMESTAMP NOT NULL,
    rating SMALLINT NOT NULL,
    load_id INTEGER NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_fact_content_rating PRIMARY KEY (rating_event_id)
    -- informational, as on Redshift: CONSTRAINT fk_fact_content_rating_user_key FOREIGN KEY (user_key) REFERENCES dim_user (user_key)
    -- informational, as on Redshift: CONSTRAINT fk_fact_content_rating_content_key FOREIGN KEY (content_key) REFERENCES dim_content (content_key)
    -- informational, as on Redshift: CONSTRAINT fk_fact_content_rating_device_key FOREIGN KEY (device_key) REFERENCES dim_device (device_key)
    -- informational, as on Redshift: CONSTRAINT fk_fact_content_rating_rating_date_key FOREIGN KEY (rating_date_key) REFERENCES dim_date (date_key)
    -- informational, as on Redshift: CONSTRAINT fk_fact_content_rating_rating_time_of_day_key FOREIGN KEY (rating_time_of_day_key) REFERENCES dim_time_of_day (time_of_day_key)
    -- Redshift SORTKEY (rating_date_key, content_key): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE fact_content_rating IS 'Star ratings (1–5) given by viewers. Each rate event is one rating: a user who rates the same item twice counts twice. Ratings of episodes roll up to their series through dim_content.title_id. Grain: One row per rate event (event_id).';
COMMENT ON COLUMN fact_content_rating.rating_event_id IS 'event_id of the rate event (degenerate dimension).';
COMMENT ON COLUMN fact_content_rating.user_key IS 'The rater.';
COMMENT ON COLUMN fact_content_rating.content_key IS 'The movie or episode rated.';
COMMENT ON COLUMN fact_content_rating.device_key IS 'Device profile the rating was given on.';
COMMENT ON COLUMN fact_content_rating.rating_date_key IS 'Local date (rater''s time zone) of the rating.';
COMMENT ON COLUMN fact_content_rating.rating_time_of_day_key IS 'Local minute of day of the rating.';
COMMENT ON COLUMN fact_content_rating.session_id IS 'Viewing session the rating was given in, when the player sent one.';
COMMENT ON COLUMN fact_content_rating.rated_at IS 'UTC time of the rate event.';
COMMENT ON COLUMN fact_content_rating.local_rated_at IS 'rated_at as wall-clock time in the rater''s zone.';
COMMENT ON COLUMN fact_content_rating.rating IS 'Stars, 1–5.';
COMMENT ON COLUMN fact_content_rating.load_id IS 'Load that brought the rating (audit).';

CREATE TABLE stg_player_event (
    event_id VARCHAR(128) NOT NULL,
    event_type VARCHAR(5) NOT NULL,
    event_ts TIMESTAMP NOT NULL,
    event_epoch_ms BIGINT NOT NULL,
    user_id VARCHAR(64) NOT NULL,
    session_id VARCHAR(128),
    content_id VARCHAR(64) NOT NULL,
    device_id VARCHAR(64) NOT NULL,
    device_type VARCHAR(8) NOT NULL,
    os VARCHAR(64) NOT NULL,
    app_version VARCHAR(64) NOT NULL,
    position_seconds DOUBLE,
    rating SMALLINT,
    load_id INTEGER NOT NULL,
    source_file VARCHAR(1024) NOT NULL,
    source_line BIGINT NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_stg_player_event PRIMARY KEY (event_id)
    -- Redshift SORTKEY (session_id, event_ts): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE stg_player_event IS 'Every valid player event ever received, once each (deduplicated by event_id). The facts are rebuilt from it: a late event re-sessionizes its session from all of that session''s events, old and new. On Redshift the Kinesis streaming-ingestion view feeds it. Grain: One row per distinct event_id.';
COMMENT ON COLUMN stg_player_event.event_id IS 'Unique id of the event; the stream is at-least-once, so it is the deduplication key.';
COMMENT ON COLUMN stg_player_event.event_type IS 'play, pause, seek, stop or rate.';
COMMENT ON COLUMN stg_player_event.event_ts IS 'When it happened on the device, normalized to UTC, millisecond precision.';
COMMENT ON COLUMN stg_player_event.event_epoch_ms IS 'event_ts as milliseconds since 1970-01-01 UTC: durations are integer arithmetic, exact on every engine.';
COMMENT ON COLUMN stg_player_event.user_id IS 'User natural key as sent.';
COMMENT ON COLUMN stg_player_event.session_id IS 'Playback session; null only for rate events sent outside a session.';
COMMENT ON COLUMN stg_player_event.content_id IS 'Content natural key as sent.';
COMMENT ON COLUMN stg_player_event.device_id IS 'Device identifier.';
COMMENT ON COLUMN stg_player_event.device_type IS 'tv, mobile, web, tablet or console.';
COMMENT ON COLUMN stg_player_event.os IS 'Operating system.';
COMMENT ON COLUMN stg_player_event.app_version IS 'Player app version.';
COMMENT ON COLUMN stg_player_event.position_seconds IS 'Playhead after the action; null for rate events.';
COMMENT ON COLUMN stg_player_event.rating IS 'Stars 1–5 for rate events, else null.';
COMMENT ON COLUMN stg_player_event.load_id IS 'Load that first received the event.';
COMMENT ON COLUMN stg_player_event.source_file IS 'File the event was read from.';
COMMENT ON COLUMN stg_player_event.source_line IS 'Line number in that file.';

CREATE SEQUENCE seq_etl_load_load_id START 1;
CREATE TABLE etl_load (
    load_id INTEGER DEFAULT nextval('seq_etl_load_load_id') NOT NULL,
    source VARCHAR(1024) NOT NULL,
    status VARCHAR(16) NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    lines_read BIGINT NOT NULL,
    events_kept BIGINT NOT NULL,
    duplicates BIGINT NOT NULL,
    rejected BIGINT NOT NULL,
    dimension_records BIGINT NOT NULL,
    sessions_rebuilt BIGINT NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_etl_load PRIMARY KEY (load_id)
);
COMMENT ON TABLE etl_load IS 'One row per run of the loader, with its account: lines read = events kept + duplicates + rejected. Grain: One row per load.';

CREATE SEQUENCE seq_etl_reject_reject_id START 1;
CREATE TABLE etl_reject (
    reject_id BIGINT DEFAULT nextval('seq_etl_reject_reject_id') NOT NULL,
    load_id INTEGER NOT NULL,
    source_file VARCHAR(1024) NOT NULL,
    line_number BIGINT NOT NULL,
    record_kind VARCHAR(8) NOT NULL,
    reason VARCHAR(1024) NOT NULL,
    raw_line VARCHAR(65535) NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_etl_reject PRIMARY KEY (reject_id)
    -- informational, as on Redshift: CONSTRAINT fk_etl_reject_load_id FOREIGN KEY (load_id) REFERENCES etl_load (load_id)
    -- Redshift SORTKEY (load_id): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE etl_reject IS 'Every input line the loader refused, with the raw text and the reason, so that nothing is silently dropped. Grain: One row per rejected line.';

CREATE TABLE schema_migration (
    version INTEGER NOT NULL,
    name VARCHAR(128) NOT NULL,
    checksum VARCHAR(64) NOT NULL,
    applied_at TIMESTAMP NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_schema_migration PRIMARY KEY (version)
);
COMMENT ON TABLE schema_migration IS 'Migrations applied to this warehouse; `npm run db:migrate` skips the ones listed here. Grain: One row per applied migration.';
COMMENT ON COLUMN schema_migration.version IS 'Migration number.';
COMMENT ON COLUMN schema_migration.name IS 'Migration name.';
COMMENT ON COLUMN schema_migration.checksum IS 'SHA-256 of the statements applied, to notice a migration edited after it ran.';
COMMENT ON COLUMN schema_migration.applied_at IS 'UTC time it was applied.';

CREATE TABLE agg_completion_content (
    start_date_key INTEGER NOT NULL,
    content_key INTEGER NOT NULL,
    sessions INTEGER NOT NULL,
    completed_sessions INTEGER NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_agg_completion_content PRIMARY KEY (start_date_key, content_key)
    -- informational, as on Redshift: CONSTRAINT fk_agg_completion_content_start_date_key FOREIGN KEY (start_date_key) REFERENCES dim_date (date_key)
    -- informational, as on Redshift: CONSTRAINT fk_agg_completion_content_content_key FOREIGN KEY (content_key) REFERENCES dim_content (content_key)
    -- Redshift SORTKEY (start_date_key, content_key): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE agg_completion_content IS 'Rollup of fact_viewing_session for the dashboards: sessions, completed_sessions per start_date_key × content_key. Completion rate per content item, unfiltered or filtered by genre or content type (attributes of content_key, read through dim_content). Kept exact by the ELT: every load sums again, from the fact, each local date whose sessions it changed. Grain: One row per (start_date_key, content_key) with at least one session.';
COMMENT ON COLUMN agg_completion_content.start_date_key IS 'Local date (the user''s time zone) of the sessions summed, as fact_viewing_session.start_date_key.';
COMMENT ON COLUMN agg_completion_content.content_key IS 'The movie or episode played; its genre, type and titles are read through dim_content, so they are always current.';
COMMENT ON COLUMN agg_completion_content.sessions IS 'Viewing sessions in the group: COUNT(*) of fact_viewing_session.';
COMMENT ON COLUMN agg_completion_content.completed_sessions IS 'Sessions of the group with is_completed.';

CREATE TABLE agg_peak_hour_audience (
    start_date_key INTEGER NOT NULL,
    hour_of_day SMALLINT NOT NULL,
    subscription_plan VARCHAR(8) NOT NULL,
    country VARCHAR(8) NOT NULL,
    sessions INTEGER NOT NULL,
    watch_seconds DECIMAL(18,3) NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_agg_peak_hour_audience PRIMARY KEY (start_date_key, hour_of_day, subscription_plan, country)
    -- informational, as on Redshift: CONSTRAINT fk_agg_peak_hour_audience_start_date_key FOREIGN KEY (start_date_key) REFERENCES dim_date (date_key)
    -- Redshift SORTKEY (start_date_key, hour_of_day): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE agg_peak_hour_audience IS 'Rollup of fact_viewing_session for the dashboards: sessions, watch_seconds per start_date_key × hour_of_day × subscription_plan × country. Peak viewing hours, unfiltered or filtered by subscription plan and country. Kept exact by the ELT: every load sums again, from the fact, each local date whose sessions it changed. Grain: One row per (start_date_key, hour_of_day, subscription_plan, country) with at least one session.';
COMMENT ON COLUMN agg_peak_hour_audience.start_date_key IS 'Local date (the user''s time zone) of the sessions summed, as fact_viewing_session.start_date_key.';
COMMENT ON COLUMN agg_peak_hour_audience.hour_of_day IS 'Local start hour 0–23 of the sessions summed (dim_time_of_day.hour_of_day).';
COMMENT ON COLUMN agg_peak_hour_audience.subscription_plan IS 'dim_user.subscription_plan of the viewer, or `Unknown`.';
COMMENT ON COLUMN agg_peak_hour_audience.country IS 'dim_user.country of the viewer, or `Unknown`.';
COMMENT ON COLUMN agg_peak_hour_audience.sessions IS 'Viewing sessions in the group: COUNT(*) of fact_viewing_session.';
COMMENT ON COLUMN agg_peak_hour_audience.watch_seconds IS 'Σ fact_viewing_session.watch_seconds of the group, to the millisecond (exact: summing it again gives the fact''s sum).';

CREATE TABLE agg_peak_hour_content_device (
    start_date_key INTEGER NOT NULL,
    hour_of_day SMALLINT NOT NULL,
    genre VARCHAR(64) NOT NULL,
    content_type VARCHAR(8) NOT NULL,
    device_type VARCHAR(8) NOT NULL,
    sessions INTEGER NOT NULL,
    watch_seconds DECIMAL(18,3) NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_agg_peak_hour_content_device PRIMARY KEY (start_date_key, hour_of_day, genre, content_type, device_type)
    -- informational, as on Redshift: CONSTRAINT fk_agg_peak_hour_content_device_start_date_key FOREIGN KEY (start_date_key) REFERENCES dim_date (date_key)
    -- Redshift SORTKEY (start_date_key, hour_of_day): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE agg_peak_hour_content_device IS 'Rollup of fact_viewing_session for the dashboards: sessions, watch_seconds per start_date_key × hour_of_day × genre × content_type × device_type. Peak viewing hours filtered by genre, content type or device type. Kept exact by the ELT: every load sums again, from the fact, each local date whose sessions it changed. Grain: One row per (start_date_key, hour_of_day, genre, content_type, device_type) with at least one session.';
COMMENT ON COLUMN agg_peak_hour_content_device.start_date_key IS 'Local date (the user''s time zone) of the sessions summed, as fact_viewing_session.start_date_key.';
COMMENT ON COLUMN agg_peak_hour_content_device.hour_of_day IS 'Local start hour 0–23 of the sessions summed (dim_time_of_day.hour_of_day).';
COMMENT ON COLUMN agg_peak_hour_content_device.genre IS 'dim_content.genre of the item played, or `Unknown`.';
COMMENT ON COLUMN agg_peak_hour_content_device.content_type IS 'dim_content.content_type: `movie`, `episode` or `Unknown`.';
COMMENT ON COLUMN agg_peak_hour_content_device.device_type IS 'dim_device.device_type of the session''s device profile, or `Unknown`.';
COMMENT ON COLUMN agg_peak_hour_content_device.sessions IS 'Viewing sessions in the group: COUNT(*) of fact_viewing_session.';
COMMENT ON COLUMN agg_peak_hour_content_device.watch_seconds IS 'Σ fact_viewing_session.watch_seconds of the group, to the millisecond (exact: summing it again gives the fact''s sum).';

CREATE TABLE agg_completion_content_device (
    start_date_key INTEGER NOT NULL,
    content_key INTEGER NOT NULL,
    device_type VARCHAR(8) NOT NULL,
    sessions INTEGER NOT NULL,
    completed_sessions INTEGER NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_agg_completion_content_device PRIMARY KEY (start_date_key, content_key, device_type)
    -- informational, as on Redshift: CONSTRAINT fk_agg_completion_content_device_start_date_key FOREIGN KEY (start_date_key) REFERENCES dim_date (date_key)
    -- informational, as on Redshift: CONSTRAINT fk_agg_completion_content_device_content_key FOREIGN KEY (content_key) REFERENCES dim_content (content_key)
    -- Redshift SORTKEY (start_date_key, content_key): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE agg_completion_content_device IS 'Rollup of fact_viewing_session for the dashboards: sessions, completed_sessions per start_date_key × content_key × device_type. Completion rate per content item filtered by device type (and by genre or content type). Kept exact by the ELT: every load sums again, from the fact, each local date whose sessions it changed. Grain: One row per (start_date_key, content_key, device_type) with at least one session.';
COMMENT ON COLUMN agg_completion_content_device.start_date_key IS 'Local date (the user''s time zone) of the sessions summed, as fact_viewing_session.start_date_key.';
COMMENT ON COLUMN agg_completion_content_device.content_key IS 'The movie or episode played; its genre, type and titles are read through dim_content, so they are always current.';
COMMENT ON COLUMN agg_completion_content_device.device_type IS 'dim_device.device_type of the session''s device profile, or `Unknown`.';
COMMENT ON COLUMN agg_completion_content_device.sessions IS 'Viewing sessions in the group: COUNT(*) of fact_viewing_session.';
COMMENT ON COLUMN agg_completion_content_device.completed_sessions IS 'Sessions of the group with is_completed.';

CREATE TABLE agg_completion_audience (
    start_date_key INTEGER NOT NULL,
    content_key INTEGER NOT NULL,
    subscription_plan VARCHAR(8) NOT NULL,
    country VARCHAR(8) NOT NULL,
    sessions INTEGER NOT NULL,
    completed_sessions INTEGER NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_agg_completion_audience PRIMARY KEY (start_date_key, content_key, subscription_plan, country)
    -- informational, as on Redshift: CONSTRAINT fk_agg_completion_audience_start_date_key FOREIGN KEY (start_date_key) REFERENCES dim_date (date_key)
    -- informational, as on Redshift: CONSTRAINT fk_agg_completion_audience_content_key FOREIGN KEY (content_key) REFERENCES dim_content (content_key)
    -- Redshift SORTKEY (start_date_key, content_key): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE agg_completion_audience IS 'Rollup of fact_viewing_session for the dashboards: sessions, completed_sessions per start_date_key × content_key × subscription_plan × country. Completion rate per content item filtered by subscription plan or country (and by genre or content type). Kept exact by the ELT: every load sums again, from the fact, each local date whose sessions it changed. Grain: One row per (start_date_key, content_key, subscription_plan, country) with at least one session.';
COMMENT ON COLUMN agg_completion_audience.start_date_key IS 'Local date (the user''s time zone) of the sessions summed, as fact_viewing_session.start_date_key.';
COMMENT ON COLUMN agg_completion_audience.content_key IS 'The movie or episode played; its genre, type and titles are read through dim_content, so they are always current.';
COMMENT ON COLUMN agg_completion_audience.subscription_plan IS 'dim_user.subscription_plan of the viewer, or `Unknown`.';
COMMENT ON COLUMN agg_completion_audience.country IS 'dim_user.country of the viewer, or `Unknown`.';
COMMENT ON COLUMN agg_completion_audience.sessions IS 'Viewing sessions in the group: COUNT(*) of fact_viewing_session.';
COMMENT ON COLUMN agg_completion_audience.completed_sessions IS 'Sessions of the group with is_completed.';

CREATE TABLE agg_peak_hour_full (
    start_date_key INTEGER NOT NULL,
    hour_of_day SMALLINT NOT NULL,
    genre VARCHAR(64) NOT NULL,
    content_type VARCHAR(8) NOT NULL,
    device_type VARCHAR(8) NOT NULL,
    subscription_plan VARCHAR(8) NOT NULL,
    country VARCHAR(8) NOT NULL,
    sessions INTEGER NOT NULL,
    watch_seconds DECIMAL(18,3) NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_agg_peak_hour_full PRIMARY KEY (start_date_key, hour_of_day, genre, content_type, device_type, subscription_plan, country)
    -- informational, as on Redshift: CONSTRAINT fk_agg_peak_hour_full_start_date_key FOREIGN KEY (start_date_key) REFERENCES dim_date (date_key)
    -- Redshift SORTKEY (start_date_key, hour_of_day): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE agg_peak_hour_full IS 'Rollup of fact_viewing_session for the dashboards: sessions, watch_seconds per start_date_key × hour_of_day × genre × content_type × device_type × subscription_plan × country. Peak viewing hours under any combination of the five filters. Kept exact by the ELT: every load sums again, from the fact, each local date whose sessions it changed. Grain: One row per (start_date_key, hour_of_day, genre, content_type, device_type, subscription_plan, country) with at least one session.';
COMMENT ON COLUMN agg_peak_hour_full.start_date_key IS 'Local date (the user''s time zone) of the sessions summed, as fact_viewing_session.start_date_key.';
COMMENT ON COLUMN agg_peak_hour_full.hour_of_day IS 'Local start hour 0–23 of the sessions summed (dim_time_of_day.hour_of_day).';
COMMENT ON COLUMN agg_peak_hour_full.genre IS 'dim_content.genre of the item played, or `Unknown`.';
COMMENT ON COLUMN agg_peak_hour_full.content_type IS 'dim_content.content_type: `movie`, `episode` or `Unknown`.';
COMMENT ON COLUMN agg_peak_hour_full.device_type IS 'dim_device.device_type of the session''s device profile, or `Unknown`.';
COMMENT ON COLUMN agg_peak_hour_full.subscription_plan IS 'dim_user.subscription_plan of the viewer, or `Unknown`.';
COMMENT ON COLUMN agg_peak_hour_full.country IS 'dim_user.country of the viewer, or `Unknown`.';
COMMENT ON COLUMN agg_peak_hour_full.sessions IS 'Viewing sessions in the group: COUNT(*) of fact_viewing_session.';
COMMENT ON COLUMN agg_peak_hour_full.watch_seconds IS 'Σ fact_viewing_session.watch_seconds of the group, to the millisecond (exact: summing it again gives the fact''s sum).';

CREATE TABLE agg_completion_full (
    start_date_key INTEGER NOT NULL,
    content_key INTEGER NOT NULL,
    device_type VARCHAR(8) NOT NULL,
    subscription_plan VARCHAR(8) NOT NULL,
    country VARCHAR(8) NOT NULL,
    sessions INTEGER NOT NULL,
    completed_sessions INTEGER NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_agg_completion_full PRIMARY KEY (start_date_key, content_key, device_type, subscription_plan, country)
    -- informational, as on Redshift: CONSTRAINT fk_agg_completion_full_start_date_key FOREIGN KEY (start_date_key) REFERENCES dim_date (date_key)
    -- informational, as on Redshift: CONSTRAINT fk_agg_completion_full_content_key FOREIGN KEY (content_key) REFERENCES dim_content (content_key)
    -- Redshift SORTKEY (start_date_key, content_key): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE agg_completion_full IS 'Rollup of fact_viewing_session for the dashboards: sessions, completed_sessions per start_date_key × content_key × device_type × subscription_plan × country. Completion rate per content item under any combination of the five filters. Kept exact by the ELT: every load sums again, from the fact, each local date whose sessions it changed. Grain: One row per (start_date_key, content_key, device_type, subscription_plan, country) with at least one session.';
COMMENT ON COLUMN agg_completion_full.start_date_key IS 'Local date (the user''s time zone) of the sessions summed, as fact_viewing_session.start_date_key.';
COMMENT ON COLUMN agg_completion_full.content_key IS 'The movie or episode played; its genre, type and titles are read through dim_content, so they are always current.';
COMMENT ON COLUMN agg_completion_full.device_type IS 'dim_device.device_type of the session''s device profile, or `Unknown`.';
COMMENT ON COLUMN agg_completion_full.subscription_plan IS 'dim_user.subscription_plan of the viewer, or `Unknown`.';
COMMENT ON COLUMN agg_completion_full.country IS 'dim_user.country of the viewer, or `Unknown`.';
COMMENT ON COLUMN agg_completion_full.sessions IS 'Viewing sessions in the group: COUNT(*) of fact_viewing_session.';
COMMENT ON COLUMN agg_completion_full.completed_sessions IS 'Sessions of the group with is_completed.';

CREATE TABLE agg_viewer_day (
    start_date_key INTEGER NOT NULL,
    user_key INTEGER NOT NULL,
    content_key INTEGER NOT NULL,
    device_type VARCHAR(8) NOT NULL,
    subscription_plan VARCHAR(8) NOT NULL,
    country VARCHAR(8) NOT NULL,
    sessions INTEGER NOT NULL,
    watch_milliseconds BIGINT NOT NULL,
    previous_date_genre INTEGER NOT NULL,
    previous_date_genre_content_type INTEGER NOT NULL,
    previous_date_genre_device_type INTEGER NOT NULL,
    previous_date_genre_content_type_device_type INTEGER NOT NULL,
    previous_date_device_type INTEGER NOT NULL,
    previous_date_content_type_device_type INTEGER NOT NULL,
    previous_date_title_id INTEGER NOT NULL,
    previous_date_title_id_genre INTEGER NOT NULL,
    previous_date_title_id_content_type INTEGER NOT NULL,
    previous_date_title_id_genre_content_type INTEGER NOT NULL,
    previous_date_title_id_device_type INTEGER NOT NULL,
    previous_date_title_id_genre_device_type INTEGER NOT NULL,
    previous_date_title_id_content_type_device_type INTEGER NOT NULL,
    previous_date_title_id_genre_content_type_device_type INTEGER NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_agg_viewer_day PRIMARY KEY (start_date_key, user_key, content_key, device_type)
    -- informational, as on Redshift: CONSTRAINT fk_agg_viewer_day_start_date_key FOREIGN KEY (start_date_key) REFERENCES dim_date (date_key)
    -- informational, as on Redshift: CONSTRAINT fk_agg_viewer_day_user_key FOREIGN KEY (user_key) REFERENCES dim_user (user_key)
    -- informational, as on Redshift: CONSTRAINT fk_agg_viewer_day_content_key FOREIGN KEY (content_key) REFERENCES dim_content (content_key)
    -- Redshift SORTKEY (start_date_key, content_key): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE agg_viewer_day IS 'Distinct viewers without a distinct count: watch time''s viewers per genre or device type, its totals per user, and rating vs popularity''s viewers per title, under a plan or country filter of any values and genre, type or device filters of one value each. For each slice a viewer can be counted in, the previous date of their row in that slice: over a period, a viewer is counted by the one row in it whose previous date is before the period. Kept exact by the ELT: every load rewrites the rows of each viewer whose sessions, attributes or items changed. Grain: One row per (start_date_key, user_key, content_key, device_type) with at least one session.';
COMMENT ON COLUMN agg_viewer_day.start_date_key IS 'Local date (the user''s time zone) of the sessions, as fact_viewing_session.start_date_key.';
COMMENT ON COLUMN agg_viewer_day.user_key IS 'The viewer, as fact_viewing_session.user_key.';
COMMENT ON COLUMN agg_viewer_day.content_key IS 'The movie or episode played; its title, genre and type are read through dim_content.';
COMMENT ON COLUMN agg_viewer_day.device_type IS 'dim_device.device_type of the session''s device profile, or `Unknown`.';
COMMENT ON COLUMN agg_viewer_day.subscription_plan IS 'dim_user.subscription_plan of the viewer, or `Unknown` (rewritten when it changes).';
COMMENT ON COLUMN agg_viewer_day.country IS 'dim_user.country of the viewer, or `Unknown` (rewritten when it changes).';
COMMENT ON COLUMN agg_viewer_day.sessions IS 'Sessions in the group: COUNT(*) of fact_viewing_session.';
COMMENT ON COLUMN agg_viewer_day.watch_milliseconds IS 'Σ fact_viewing_session.watch_seconds × 1000: whole milliseconds, exact, and summed as integers.';
COMMENT ON COLUMN agg_viewer_day.previous_date_genre IS 'start_date_key of the viewer''s previous row with the same genre (rows ordered by date, content_key, device_type); 0 on their first.';
COMMENT ON COLUMN agg_viewer_day.previous_date_genre_content_type IS 'start_date_key of the viewer''s previous row with the same genre, content_type (rows ordered by date, content_key, device_type); 0 on their first.';
COMMENT ON COLUMN agg_viewer_day.previous_date_genre_device_type IS 'start_date_key of the viewer''s previous row with the same genre, device_type (rows ordered by date, content_key, device_type); 0 on their first.';
COMMENT ON COLUMN agg_viewer_day.previous_date_genre_content_type_device_type IS 'start_date_key of the viewer''s previous row with the same genre, content_type, device_type (rows ordered by date, content_key, device_type); 0 on their first.';
COMMENT ON COLUMN agg_viewer_day.previous_date_device_type IS 'start_date_key of the viewer''s previous row with the same device_type (rows ordered by date, content_key, device_type); 0 on their first.';
COMMENT ON COLUMN agg_viewer_day.previous_date_content_type_device_type IS 'start_date_key of the viewer''s previous row with the same content_type, device_type (rows ordered by date, content_key, device_type); 0 on their first.';
COMMENT ON COLUMN agg_viewer_day.previous_date_title_id IS 'start_date_key of the viewer''s previous row with the same title_id (rows ordered by date, content_key, device_type); 0 on their first.';
COMMENT ON COLUMN agg_viewer_day.previous_date_title_id_genre IS 'start_date_key of the viewer''s previous row with the same title_id, genre (rows ordered by date, content_key, device_type); 0 on their first.';
COMMENT ON COLUMN agg_viewer_day.previous_date_title_id_content_type IS 'start_date_key of the viewer''s previous row with the same title_id, content_type (rows ordered by date, content_key, device_type); 0 on their first.';
COMMENT ON COLUMN agg_viewer_day.previous_date_title_id_genre_content_type IS 'start_date_key of the viewer''s previous row with the same title_id, genre, content_type (rows ordered by date, content_key, device_type); 0 on their first.';
COMMENT ON COLUMN agg_viewer_day.previous_date_title_id_device_type IS 'start_date_key of the viewer''s previous row with the same title_id, device_type (rows ordered by date, content_key, device_type); 0 on their first.';
COMMENT ON COLUMN agg_viewer_day.previous_date_title_id_genre_device_type IS 'start_date_key of the viewer''s previous row with the same title_id, genre, device_type (rows ordered by date, content_key, device_type); 0 on their first.';
COMMENT ON COLUMN agg_viewer_day.previous_date_title_id_content_type_device_type IS 'start_date_key of the viewer''s previous row with the same title_id, content_type, device_type (rows ordered by date, content_key, device_type); 0 on their first.';
COMMENT ON COLUMN agg_viewer_day.previous_date_title_id_genre_content_type_device_type IS 'start_date_key of the viewer''s previous row with the same title_id, genre, content_type, device_type (rows ordered by date, content_key, device_type); 0 on their first.';

CREATE TABLE agg_session_length (
    start_date_key INTEGER NOT NULL,
    content_key INTEGER NOT NULL,
    device_type VARCHAR(8) NOT NULL,
    subscription_plan VARCHAR(8) NOT NULL,
    country VARCHAR(8) NOT NULL,
    session_length_milliseconds BIGINT NOT NULL,
    watch_milliseconds BIGINT NOT NULL
    -- informational, as on Redshift: CONSTRAINT fk_agg_session_length_start_date_key FOREIGN KEY (start_date_key) REFERENCES dim_date (date_key)
    -- informational, as on Redshift: CONSTRAINT fk_agg_session_length_content_key FOREIGN KEY (content_key) REFERENCES dim_content (content_key)
    -- Redshift SORTKEY (start_date_key): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE agg_session_length IS 'Session duration under any filters: each session''s length and watch time in whole milliseconds with the attributes the filters read, a seventh of the fact''s width and with no join to dim_device or dim_user, for the exact median and p90 that need every length of the period. Kept exact by the ELT: every load rewrites each local date whose sessions it changed. Grain: One row per viewing session (no key: sessions of the same date and attributes with the same lengths are interchangeable).';
COMMENT ON COLUMN agg_session_length.start_date_key IS 'Local date (the user''s time zone) of the sessions, as fact_viewing_session.start_date_key.';
COMMENT ON COLUMN agg_session_length.content_key IS 'The movie or episode played; its title, genre and type are read through dim_content.';
COMMENT ON COLUMN agg_session_length.device_type IS 'dim_device.device_type of the session''s device profile, or `Unknown`.';
COMMENT ON COLUMN agg_session_length.subscription_plan IS 'dim_user.subscription_plan of the viewer, or `Unknown` (rewritten when it changes).';
COMMENT ON COLUMN agg_session_length.country IS 'dim_user.country of the viewer, or `Unknown` (rewritten when it changes).';
COMMENT ON COLUMN agg_session_length.session_length_milliseconds IS 'fact_viewing_session.session_length_seconds × 1000: whole milliseconds, exact.';
COMMENT ON COLUMN agg_session_length.watch_milliseconds IS 'fact_viewing_session.watch_seconds × 1000: whole milliseconds, exact.';

CREATE TABLE agg_audience_day (
    start_date_key INTEGER NOT NULL,
    user_key INTEGER NOT NULL,
    genre VARCHAR(64) NOT NULL,
    content_type VARCHAR(8) NOT NULL,
    device_type VARCHAR(8) NOT NULL,
    subscription_plan VARCHAR(8) NOT NULL,
    country VARCHAR(8) NOT NULL,
    sessions INTEGER NOT NULL,
    completed_sessions INTEGER NOT NULL,
    watch_milliseconds BIGINT NOT NULL,
    previous_date INTEGER NOT NULL,
    previous_date_genre INTEGER NOT NULL,
    previous_date_content_type INTEGER NOT NULL,
    previous_date_device_type INTEGER NOT NULL,
    previous_date_genre_content_type INTEGER NOT NULL,
    previous_date_genre_device_type INTEGER NOT NULL,
    previous_date_content_type_device_type INTEGER NOT NULL,
    previous_date_genre_content_type_device_type INTEGER NOT NULL
    -- informational, as on Redshift: CONSTRAINT pk_agg_audience_day PRIMARY KEY (start_date_key, user_key, genre, content_type, device_type)
    -- informational, as on Redshift: CONSTRAINT fk_agg_audience_day_start_date_key FOREIGN KEY (start_date_key) REFERENCES dim_date (date_key)
    -- informational, as on Redshift: CONSTRAINT fk_agg_audience_day_user_key FOREIGN KEY (user_key) REFERENCES dim_user (user_key)
    -- Redshift SORTKEY (start_date_key): zone maps skip by it as far as rows are written in its order
);
COMMENT ON TABLE agg_audience_day IS 'The overview''s headline figures and the trend per day, week or month: sessions, completions, watch time and distinct viewers under any filters. For each combination of genre, type and device type, the previous date of the viewer''s row with the same values: over a period or a trend bucket, a viewer is counted by the one row in it whose previous date is before its first day. Kept exact by the ELT: every load rewrites the rows of each viewer whose sessions, attributes or items changed. Grain: One row per (start_date_key, user_key, genre, content_type, device_type) with at least one session.';
COMMENT ON COLUMN agg_audience_day.start_date_key IS 'Local date (the user''s time zone) of the sessions, as fact_viewing_session.start_date_key.';
COMMENT ON COLUMN agg_audience_day.user_key IS 'The viewer, as fact_viewing_session.user_key.';
COMMENT ON COLUMN agg_audience_day.genre IS 'dim_content.genre of the items played, or `Unknown` (rewritten when it changes).';
COMMENT ON COLUMN agg_audience_day.content_type IS 'dim_content.content_type of the items played: `movie`, `episode` or `Unknown`.';
COMMENT ON COLUMN agg_audience_day.device_type IS 'dim_device.device_type of the sessions'' device profile, or `Unknown`.';
COMMENT ON COLUMN agg_audience_day.subscription_plan IS 'dim_user.subscription_plan of the viewer, or `Unknown` (rewritten when it changes).';
COMMENT ON COLUMN agg_audience_day.country IS 'dim_user.country of the viewer, or `Unknown` (rewritten when it changes).';
COMMENT ON COLUMN agg_audience_day.sessions IS 'Sessions in the group: COUNT(*) of fact_viewing_session.';
COMMENT ON COLUMN agg_audience_day.completed_sessions IS 'Sessions of the group with is_completed.';
COMMENT ON COLUMN agg_audience_day.watch_milliseconds IS 'Σ fact_viewing_session.watch_seconds × 1000: whole milliseconds, exact, and summed as integers.';
COMMENT ON COLUMN agg_audience_day.previous_date IS 'start_date_key of the viewer''s previous row (rows ordered by date, genre, content_type, device_type); 0 on their first.';
COMMENT ON COLUMN agg_audience_day.previous_date_genre IS 'start_date_key of the viewer''s previous row with the same genre; 0 on their first.';
COMMENT ON COLUMN agg_audience_day.previous_date_content_type IS 'start_date_key of the viewer''s previous row with the same content_type; 0 on their first.';
COMMENT ON COLUMN agg_audience_day.previous_date_device_type IS 'start_date_key of the viewer''s previous row with the same device_type; 0 on their first.';
COMMENT ON COLUMN agg_audience_day.previous_date_genre_content_type IS 'start_date_key of the viewer''s previous row with the same genre, content_type; 0 on their first.';
COMMENT ON COLUMN agg_audience_day.previous_date_genre_device_type IS 'start_date_key of the viewer''s previous row with the same genre, device_type; 0 on their first.';
COMMENT ON COLUMN agg_audience_day.previous_date_content_type_device_type IS 'start_date_key of the viewer''s previous row with the same content_type, device_type; 0 on their first.';
COMMENT ON COLUMN agg_audience_day.previous_date_genre_content_type_device_type IS 'start_date_key of the viewer''s previous row with the same genre, content_type, device_type; 0 on their first.';
