-- Every fact gets a dimension row to point at. A user or an item the dimension does not know yet becomes
-- an inferred member (attributes Unknown, time zone UTC) that its record completes later; a device
-- profile is new whenever the player reports a new combination.

insert into dim_user (user_id, signup_date, country, time_zone, age_band, subscription_plan, is_inferred, updated_at)
select
    unknown_users.user_id,
    cast(null as date),
    'Unknown',
    'UTC',
    'Unknown',
    'Unknown',
    true,
    cast(:loaded_at as timestamp)
from (select distinct user_id from tmp_new_event) as unknown_users
where not exists (select 1 from dim_user as existing where existing.user_id = unknown_users.user_id);

insert into dim_content (
    content_id, content_type, title, genre, release_year, runtime_seconds, maturity_rating,
    series_id, series_title, season_number, episode_number, title_id, title_name, is_inferred, updated_at
)
select
    unknown_content.content_id,
    'Unknown',
    'Unknown',
    'Unknown',
    cast(null as smallint),
    cast(null as integer),
    'Unknown',
    cast(null as varchar(64)),
    cast(null as varchar(512)),
    cast(null as smallint),
    cast(null as smallint),
    unknown_content.content_id,
    'Unknown',
    true,
    cast(:loaded_at as timestamp)
from (select distinct content_id from tmp_new_event) as unknown_content
where not exists (select 1 from dim_content as existing where existing.content_id = unknown_content.content_id);

insert into dim_device (device_id, device_type, os, app_version, updated_at)
select
    profiles.device_id,
    profiles.device_type,
    profiles.os,
    profiles.app_version,
    cast(:loaded_at as timestamp)
from (select distinct device_id, device_type, os, app_version from tmp_new_event) as profiles
where not exists (
    select 1
    from dim_device as existing
    where existing.device_id = profiles.device_id
        and existing.device_type = profiles.device_type
        and existing.os = profiles.os
        and existing.app_version = profiles.app_version
);
