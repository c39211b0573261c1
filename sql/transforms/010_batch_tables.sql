-- The rows of one load, bulk-loaded here by the loader (COPY on PostgreSQL, the appender on DuckDB,
-- multi-row INSERT on Redshift; on Redshift in production the Kinesis streaming view fills tmp_event).
-- Temporary: they live inside the load's transaction and disappear with it.

create temp table tmp_user (
    user_id varchar(64) not null,
    signup_date date not null,
    country varchar(8) not null,
    time_zone varchar(64) not null,
    age_band varchar(8) not null,
    subscription_plan varchar(8) not null
);

create temp table tmp_content (
    content_id varchar(64) not null,
    content_type varchar(8) not null,
    title varchar(512) not null,
    genre varchar(64) not null,
    release_year smallint not null,
    runtime_seconds integer not null,
    maturity_rating varchar(16) not null,
    series_id varchar(64),
    series_title varchar(512),
    season_number smallint,
    episode_number smallint
);

create temp table tmp_event (
    event_id varchar(128) not null,
    event_type varchar(5) not null,
    event_ts timestamp not null,
    event_epoch_ms bigint not null,
    user_id varchar(64) not null,
    session_id varchar(128),
    content_id varchar(64) not null,
    device_id varchar(64) not null,
    device_type varchar(8) not null,
    os varchar(64) not null,
    app_version varchar(64) not null,
    position_seconds double precision,
    rating smallint,
    source_file varchar(1024) not null,
    source_line bigint not null
);
