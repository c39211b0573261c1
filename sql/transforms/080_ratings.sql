-- Ratings are transactional: each new rate event is one row, dated in the rater's time zone.

insert into fact_content_rating (
    rating_event_id, user_key, content_key, device_key, rating_date_key, rating_time_of_day_key,
    session_id, rated_at, local_rated_at, rating, load_id
)
with localized as (
    select
        new_events.event_id,
        new_events.session_id,
        new_events.event_ts,
        new_events.rating,
        users.user_key,
        content.content_key,
        devices.device_key,
        convert_timezone('UTC', users.time_zone, new_events.event_ts) as local_ts
    from tmp_new_event as new_events
    inner join dim_user as users
        on users.user_id = new_events.user_id
    inner join dim_content as content
        on content.content_id = new_events.content_id
    inner join dim_device as devices
        on devices.device_id = new_events.device_id
        and devices.device_type = new_events.device_type
        and devices.os = new_events.os
        and devices.app_version = new_events.app_version
    where new_events.event_type = 'rate'
)

select
    localized.event_id,
    localized.user_key,
    localized.content_key,
    localized.device_key,
    f_date_key(localized.local_ts),
    f_time_of_day_key(localized.local_ts),
    localized.session_id,
    localized.event_ts,
    localized.local_ts,
    localized.rating,
    cast(:load_id as integer)
from localized
-- In SORTKEY order (rating_date_key, content_key), as 060 writes the session fact.
order by 5, 3;
