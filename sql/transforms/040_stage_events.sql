-- Deduplication: an event_id is kept once, however often and however late it arrives. Within a load the
-- first copy (by file, then line) wins; an event_id already staged by an earlier load is a duplicate.

create temp table tmp_new_event as
with numbered as (
    select
        batch.*,
        row_number() over (partition by batch.event_id order by batch.source_file, batch.source_line) as copy_number
    from tmp_event as batch
),

first_copies as (
    select * from numbered where copy_number = 1
)

select
    first_copies.event_id,
    first_copies.event_type,
    first_copies.event_ts,
    first_copies.event_epoch_ms,
    first_copies.user_id,
    first_copies.session_id,
    first_copies.content_id,
    first_copies.device_id,
    first_copies.device_type,
    first_copies.os,
    first_copies.app_version,
    first_copies.position_seconds,
    first_copies.rating,
    first_copies.source_file,
    first_copies.source_line
from first_copies
where not exists (select 1 from stg_player_event as staged where staged.event_id = first_copies.event_id);

insert into stg_player_event (
    event_id, event_type, event_ts, event_epoch_ms, user_id, session_id, content_id,
    device_id, device_type, os, app_version, position_seconds, rating, load_id, source_file, source_line
)
select
    event_id, event_type, event_ts, event_epoch_ms, user_id, session_id, content_id,
    device_id, device_type, os, app_version, position_seconds, rating, cast(:load_id as integer), source_file, source_line
from tmp_new_event;
