-- The accumulating snapshot: every session this load brought events for is rebuilt from all of its
-- staged events, old and new, and its row replaced. Rebuilding rather than patching is what makes a
-- late, out-of-order or duplicated event give the same row as an orderly stream.

create temp table tmp_touched_session as
select distinct
    new_events.session_id
from tmp_new_event as new_events
where new_events.event_type <> 'rate';

-- The row being replaced keeps the load that first built it.
create temp table tmp_session_history as
select
    fact.session_id,
    fact.first_load_id
from fact_viewing_session as fact
inner join tmp_touched_session as touched
    on touched.session_id = fact.session_id;

delete from fact_viewing_session
where session_id in (select session_id from tmp_touched_session);

insert into fact_viewing_session (
    session_id, user_key, content_key, device_key, start_date_key, start_time_of_day_key, session_status,
    session_start_ts, last_event_ts, stop_ts, session_end_ts, local_start_ts, session_length_seconds,
    watch_seconds, start_position_seconds, max_position_seconds, is_completed, pause_count, seek_count,
    event_count, events_after_stop, first_load_id, last_load_id
)
with session_events as (
    select
        staged.session_id,
        staged.event_type,
        staged.event_ts,
        staged.event_epoch_ms,
        staged.user_id,
        staged.content_id,
        staged.device_id,
        staged.device_type,
        staged.os,
        staged.app_version,
        staged.position_seconds,
        row_number() over (partition by staged.session_id order by staged.event_ts, staged.event_id) as seq,
        count(*) over (partition by staged.session_id) as all_events
    from stg_player_event as staged
    inner join tmp_touched_session as touched
        on touched.session_id = staged.session_id
    where staged.event_type <> 'rate'
),

-- One pass in event order gives each event its session's first stop, the time of the next event and the
-- playback state after it. The events that count (up to the first stop) are a prefix of the session, so
-- over them these agree with the same windows computed on the counted events alone; the one difference,
-- the stop's own successor, adds nothing, since nothing plays after a stop.
-- The state after an event is set by the latest play, pause or stop at or before it (a seek leaves it as
-- it was): seq * 2 + is_play ranks those events by seq and carries their type in the last bit, so a running
-- MAX finds the latest one without IGNORE NULLS, which PostgreSQL lacks.
sequenced as (
    select
        session_events.*,
        min(case when session_events.event_type = 'stop' then session_events.seq end) over (
            partition by session_events.session_id
        ) as stop_seq,
        lead(session_events.event_epoch_ms) over (
            partition by session_events.session_id order by session_events.seq
        ) as next_epoch_ms,
        max(
            case
                when session_events.event_type in ('play', 'pause', 'stop')
                    then session_events.seq * 2 + case when session_events.event_type = 'play' then 1 else 0 end
            end
        ) over (
            partition by session_events.session_id order by session_events.seq
            rows between unbounded preceding and current row
        ) as state_marker
    from session_events
),

-- A session ends at its first stop: later events count for nothing.
counted_events as (
    select * from sequenced where stop_seq is null or seq <= stop_seq
),

-- One pass per session; its user, content and device are those of its first event (seq 1).
measures as (
    select
        session_id,
        max(case when seq = 1 then user_id end) as user_id,
        max(case when seq = 1 then content_id end) as content_id,
        max(case when seq = 1 then device_id end) as device_id,
        max(case when seq = 1 then device_type end) as device_type,
        max(case when seq = 1 then os end) as os,
        max(case when seq = 1 then app_version end) as app_version,
        max(case when seq = 1 then position_seconds end) as start_position_seconds,
        min(event_epoch_ms) as start_epoch_ms,
        max(event_epoch_ms) as end_epoch_ms,
        min(event_ts) as session_start_ts,
        max(event_ts) as last_event_ts,
        max(case when event_type = 'stop' then event_ts end) as stop_ts,
        sum(
            case
                when mod(state_marker, 2) = 1 and next_epoch_ms is not null then next_epoch_ms - event_epoch_ms
                else 0
            end
        ) as watch_ms,
        max(position_seconds) as max_position_seconds,
        sum(case when event_type = 'pause' then 1 else 0 end) as pause_count,
        sum(case when event_type = 'seek' then 1 else 0 end) as seek_count,
        count(*) as event_count,
        max(all_events) as all_events
    from counted_events
    group by session_id
),

localized as (
    select
        measures.*,
        users.user_key,
        content.content_key,
        content.runtime_seconds,
        devices.device_key,
        convert_timezone('UTC', users.time_zone, measures.session_start_ts) as local_start_ts
    from measures
    inner join dim_user as users
        on users.user_id = measures.user_id
    inner join dim_content as content
        on content.content_id = measures.content_id
    inner join dim_device as devices
        on devices.device_id = measures.device_id
        and devices.device_type = measures.device_type
        and devices.os = measures.os
        and devices.app_version = measures.app_version
)

select
    localized.session_id,
    localized.user_key,
    localized.content_key,
    localized.device_key,
    f_date_key(localized.local_start_ts),
    f_time_of_day_key(localized.local_start_ts),
    case when localized.stop_ts is null then 'open' else 'closed' end,
    localized.session_start_ts,
    localized.last_event_ts,
    localized.stop_ts,
    localized.last_event_ts,
    localized.local_start_ts,
    cast(cast(localized.end_epoch_ms - localized.start_epoch_ms as decimal(18, 3)) / 1000 as decimal(12, 3)),
    cast(cast(localized.watch_ms as decimal(18, 3)) / 1000 as decimal(12, 3)),
    localized.start_position_seconds,
    localized.max_position_seconds,
    -- The credits threshold, 95 % of the runtime, compared in whole hundredths so no rounding decides it.
    localized.runtime_seconds is not null and localized.max_position_seconds * 100 >= localized.runtime_seconds * 95,
    localized.pause_count,
    localized.seek_count,
    localized.event_count,
    localized.all_events - localized.event_count,
    coalesce(history.first_load_id, cast(:load_id as integer)),
    cast(:load_id as integer)
from localized
left join tmp_session_history as history
    on history.session_id = localized.session_id;
