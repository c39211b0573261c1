-- Deduplication: an event_id is kept once, however often and however late it arrives. Within a load the
-- first copy (by file, then line) wins; an event_id already staged by an earlier load is a duplicate.

-- Copies are rare (about 1 %): one pass groups the batch by event_id and keeps the ids seen more than
-- once; only their rows are then ranked by file and line, and every copy but the first is set aside. An
-- anti-join of the batch with itself on an inequality, or numbering every row, costs a sort or a range
-- join of the whole batch instead (minutes at 32M events on DuckDB).
create temp table tmp_later_copy as
with copied as (
    select
        batch.event_id,
        min(batch.source_file) as first_file
    from tmp_event as batch
    group by batch.event_id
    having count(*) > 1
),

first_line as (
    select
        batch.event_id,
        min(batch.source_line) as first_line
    from tmp_event as batch
    inner join copied
        on copied.event_id = batch.event_id
        and copied.first_file = batch.source_file
    group by batch.event_id
)

select
    batch.event_id,
    batch.source_file,
    batch.source_line
from tmp_event as batch
inner join copied
    on copied.event_id = batch.event_id
inner join first_line
    on first_line.event_id = batch.event_id
where batch.source_file <> copied.first_file
    or batch.source_line <> first_line.first_line;

create temp table tmp_new_event as
select
    batch.event_id,
    batch.event_type,
    batch.event_ts,
    batch.event_epoch_ms,
    batch.user_id,
    batch.session_id,
    batch.content_id,
    batch.device_id,
    batch.device_type,
    batch.os,
    batch.app_version,
    batch.position_seconds,
    batch.rating,
    batch.source_file,
    batch.source_line
from tmp_event as batch
where not exists (
    select 1
    from tmp_later_copy as later
    where later.event_id = batch.event_id
        and later.source_file = batch.source_file
        and later.source_line = batch.source_line
)
    and not exists (select 1 from stg_player_event as staged where staged.event_id = batch.event_id);
