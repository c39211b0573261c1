-- Deduplication: an event_id is kept once, however often and however late it arrives. Within a load the
-- first copy (by file, then line) wins; an event_id already staged by an earlier load is a duplicate.

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
-- Copies are rare (about 1 %): an anti-join on event_id costs a hash, where numbering every row would
-- cost a sort of the whole batch.
where not exists (
    select 1
    from tmp_event as earlier
    where earlier.event_id = batch.event_id
        and (
            earlier.source_file < batch.source_file
            or (earlier.source_file = batch.source_file and earlier.source_line < batch.source_line)
        )
)
    and not exists (select 1 from stg_player_event as staged where staged.event_id = batch.event_id);
