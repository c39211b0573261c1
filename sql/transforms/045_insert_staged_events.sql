-- The new events join the staging table, under the load that first received them. A separate step from
-- the deduplication so that PostgreSQL can set the staging indexes aside for a bulk insert in between
-- (pipeline/load/staging-indexes.ts); on Redshift the two simply run in sequence.

insert into stg_player_event (
    event_id, event_type, event_ts, event_epoch_ms, user_id, session_id, content_id,
    device_id, device_type, os, app_version, position_seconds, rating, load_id, source_file, source_line
)
select
    event_id, event_type, event_ts, event_epoch_ms, user_id, session_id, content_id,
    device_id, device_type, os, app_version, position_seconds, rating, cast(:load_id as integer), source_file, source_line
from tmp_new_event;
