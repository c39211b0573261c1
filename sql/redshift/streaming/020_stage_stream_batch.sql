-- One streaming micro-batch, scheduled every few minutes inside the load's transaction, after
-- sql/transforms/010_batch_tables.sql and before the remaining transforms (the same ones a file load runs).
-- :window_start overlaps the previous batch on purpose: staging deduplicates by event_id, so a record read
-- twice is counted once and a late record is never skipped.

create temp table tmp_stream_record as
with candidates as (
    select
        stream.shard_id,
        stream.sequence_number,
        stream.is_json,
        stream.raw_text,
        stream.payload,
        cast(stream.payload.event_id as varchar(128)) as event_id,
        cast(stream.payload.event_type as varchar(5)) as event_type,
        cast(stream.payload.event_ts as varchar(64)) as event_ts_text,
        cast(stream.payload.user_id as varchar(64)) as user_id,
        cast(stream.payload.session_id as varchar(128)) as session_id,
        cast(stream.payload.content_id as varchar(64)) as content_id,
        cast(stream.payload.device.device_id as varchar(64)) as device_id,
        cast(stream.payload.device.device_type as varchar(8)) as device_type,
        cast(stream.payload.device.os as varchar(64)) as os,
        cast(stream.payload.device.app_version as varchar(64)) as app_version,
        cast(stream.payload.position_seconds as double precision) as position_seconds,
        cast(stream.payload.rating as integer) as rating,
        -- The cast would truncate 3.5 to 3; the contract wants an integer, so its JSON type decides.
        coalesce(is_integer(stream.payload.rating), false) as rating_is_integer
    from mv_player_event_stream as stream
    where stream.approximate_arrival_timestamp >= cast(:window_start as timestamp)
)

select
    candidates.*,
    case
        when not candidates.is_json then 'not valid JSON'
        when candidates.event_id is null then 'event_id: is required'
        when candidates.event_type is null or candidates.event_type not in ('play', 'pause', 'seek', 'stop', 'rate')
            then 'event_type: must be one of play, pause, seek, stop, rate'
        when candidates.event_ts_text is null
            or candidates.event_ts_text !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})$'
            then 'event_ts: must be an ISO-8601 timestamp with Z or an offset'
        when candidates.user_id is null then 'user_id: is required'
        when candidates.content_id is null then 'content_id: is required'
        when candidates.device_id is null then 'device.device_id: is required'
        when candidates.device_type is null or candidates.device_type not in ('tv', 'mobile', 'web', 'tablet', 'console')
            then 'device.device_type: must be one of tv, mobile, web, tablet, console'
        when candidates.event_type <> 'rate' and candidates.session_id is null then 'session_id: is required'
        when candidates.event_type <> 'rate' and (candidates.position_seconds is null or candidates.position_seconds < 0)
            then 'position_seconds: must be a number at least 0'
        when candidates.event_type = 'rate'
            and (not candidates.rating_is_integer or candidates.rating < 1 or candidates.rating > 5)
            then 'rating: must be an integer from 1 to 5'
    end as reject_reason
from candidates;

insert into etl_reject (load_id, source_file, line_number, record_kind, reason, raw_line)
select
    cast(:load_id as integer),
    'kinesis:' || shard_id,
    0,
    'event',
    reject_reason,
    left(coalesce(raw_text, json_serialize(payload)), 65535)
from tmp_stream_record
where reject_reason is not null;

-- The stream's sequence number orders copies of a record the way a file's line number does.
insert into tmp_event (
    event_id, event_type, event_ts, event_epoch_ms, user_id, session_id, content_id, device_id,
    device_type, os, app_version, position_seconds, rating, source_file, source_line
)
select
    event_id,
    event_type,
    convert_timezone('UTC', cast(event_ts_text as timestamptz)),
    datediff(ms, cast('1970-01-01' as timestamp), convert_timezone('UTC', cast(event_ts_text as timestamptz))),
    user_id,
    session_id,
    content_id,
    device_id,
    device_type,
    coalesce(os, ''),
    coalesce(app_version, ''),
    case when event_type <> 'rate' then position_seconds end,
    case when event_type = 'rate' then rating end,
    'kinesis:' || shard_id,
    row_number() over (partition by shard_id order by sequence_number)
from tmp_stream_record
where reject_reason is null;

drop table tmp_stream_record;
