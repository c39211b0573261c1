-- The accumulating snapshot: every session this load brought events for is rebuilt from all of its
-- staged events, old and new, and its row replaced. Rebuilding rather than patching is what makes a
-- late, out-of-order or duplicated event give the same row as an orderly stream.

-- The row being replaced keeps the load that first built it; its local date is one whose rollup rows the
-- load sums again (075).
create temp table tmp_session_history as
select
    fact.session_id,
    fact.first_load_id,
    fact.start_date_key
from fact_viewing_session as fact
inner join tmp_touched_session as touched
    on touched.session_id = fact.session_id;

delete from fact_viewing_session
where session_id in (select session_id from tmp_touched_session);

-- Each touched session's measures, from all of its events: this load's new ones from its batch, and the
-- earlier ones of the sessions it resumes (042) from staging. A bulk load's new sessions then cost no
-- read of staging at all, where PostgreSQL would otherwise walk staging in index order, a random read per
-- event. Kept in a table of its own so that the joins to the dimensions below are planned from its real
-- size rather than a guess.
create temp table tmp_session_measures as
with session_events as (
    select
        events.session_id,
        events.event_id,
        events.event_type,
        events.event_ts,
        events.event_epoch_ms,
        events.user_id,
        events.content_id,
        events.device_id,
        events.device_type,
        events.os,
        events.app_version,
        events.position_seconds,
        row_number() over (partition by events.session_id order by events.event_ts, events.event_id) as seq,
        lead(events.event_epoch_ms) over (partition by events.session_id order by events.event_ts, events.event_id) as next_epoch_ms
    from (
        select
            new_events.session_id, new_events.event_id, new_events.event_type, new_events.event_ts,
            new_events.event_epoch_ms, new_events.user_id, new_events.content_id, new_events.device_id,
            new_events.device_type, new_events.os, new_events.app_version, new_events.position_seconds
        from tmp_new_event as new_events
        where new_events.event_type <> 'rate'
        union all
        select
            staged.session_id, staged.event_id, staged.event_type, staged.event_ts,
            staged.event_epoch_ms, staged.user_id, staged.content_id, staged.device_id,
            staged.device_type, staged.os, staged.app_version, staged.position_seconds
        from stg_player_event as staged
        inner join tmp_resumed_session as resumed
            on resumed.session_id = staged.session_id
        where staged.event_type <> 'rate'
            and staged.load_id <> cast(:load_id as integer)
    ) as events
),

-- Both passes walk each session in event order: they share one sort, and each computes all of its
-- windows in one go (every window of a pass has the same definition). seq comes from the first pass
-- because the second needs it.
-- The state after an event is set by the latest play, pause or stop at or before it (a seek leaves it as
-- it was): seq * 2 + is_play ranks those events by seq and carries their type in the last bit, so a running
-- MAX finds the latest one without IGNORE NULLS, which PostgreSQL lacks.
-- A session ends at its first stop: an event counts when no stop comes before it, that is when the stops up
-- to and including it are none, or only itself.
sequenced as (
    select
        session_events.*,
        max(
            case
                when session_events.event_type in ('play', 'pause', 'stop')
                    then session_events.seq * 2 + case when session_events.event_type = 'play' then 1 else 0 end
            end
        ) over (
            partition by session_events.session_id order by session_events.event_ts, session_events.event_id
            rows between unbounded preceding and current row
        ) as state_marker,
        sum(case when session_events.event_type = 'stop' then 1 else 0 end) over (
            partition by session_events.session_id order by session_events.event_ts, session_events.event_id
            rows between unbounded preceding and current row
        ) as stops_so_far
    from session_events
),

counted_events as (
    select
        sequenced.*,
        case
            when sequenced.stops_so_far = 0 or (sequenced.stops_so_far = 1 and sequenced.event_type = 'stop') then 1
            else 0
        end as counts
    from sequenced
),

-- One pass per session; its user, content and device are those of its first event (seq 1), which always
-- counts. The measures read the counted events only; after the first stop the state is not playing, so
-- the stop's own successor adds no watch time.
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
        max(case when counts = 1 then event_epoch_ms end) as end_epoch_ms,
        min(event_ts) as session_start_ts,
        max(case when counts = 1 then event_ts end) as last_event_ts,
        max(case when counts = 1 and event_type = 'stop' then event_ts end) as stop_ts,
        sum(
            case
                when counts = 1 and mod(state_marker, 2) = 1 and next_epoch_ms is not null then next_epoch_ms - event_epoch_ms
                else 0
            end
        ) as watch_ms,
        max(case when counts = 1 then position_seconds end) as max_position_seconds,
        sum(case when counts = 1 and event_type = 'pause' then 1 else 0 end) as pause_count,
        sum(case when counts = 1 and event_type = 'seek' then 1 else 0 end) as seek_count,
        sum(counts) as event_count,
        count(*) as all_events
    from counted_events
    group by session_id
)

select * from measures;

insert into fact_viewing_session (
    session_id, user_key, content_key, device_key, start_date_key, start_time_of_day_key, session_status,
    session_start_ts, last_event_ts, stop_ts, session_end_ts, local_start_ts, session_length_seconds,
    watch_seconds, start_position_seconds, max_position_seconds, is_completed, pause_count, seek_count,
    event_count, events_after_stop, first_load_id, last_load_id
)
with localized as (
    select
        measures.*,
        users.user_key,
        content.content_key,
        content.runtime_seconds,
        devices.device_key,
        convert_timezone('UTC', users.time_zone, measures.session_start_ts) as local_start_ts
    from tmp_session_measures as measures
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
    on history.session_id = localized.session_id
-- In SORTKEY order: on DuckDB the rows' order is what its zone maps skip by; on Redshift the batch lands
-- sorted in the unsorted region.
order by 5, 3;
