-- Production ingestion on Redshift: streaming ingestion from the player's Kinesis data stream.
-- Run once by a DBA (not by `npm run db:migrate`: it needs an IAM role and a stream that only exist in AWS).
-- The view lands each record in Redshift seconds after the player sent it; the micro-batch in
-- 020_stage_stream_batch.sql then feeds the same transforms (sql/transforms/) as a file load.

CREATE EXTERNAL SCHEMA kinesis_player
FROM KINESIS
IAM_ROLE 'arn:aws:iam::123456789012:role/streamflix-redshift-streaming';

-- AUTO REFRESH keeps the view minutes behind the stream at most; records that are not JSON are kept
-- (payload is null) so that the batch can reject them with their raw text instead of losing them.
CREATE MATERIALIZED VIEW mv_player_event_stream
DISTSTYLE EVEN
SORTKEY (approximate_arrival_timestamp)
AUTO REFRESH YES
AS
SELECT
    approximate_arrival_timestamp,
    shard_id,
    sequence_number,
    refresh_time,
    CAN_JSON_PARSE(kinesis_data) AS is_json,
    CASE WHEN CAN_JSON_PARSE(kinesis_data) THEN JSON_PARSE(kinesis_data) END AS payload,
    CASE WHEN NOT CAN_JSON_PARSE(kinesis_data) THEN FROM_VARBYTE(kinesis_data, 'utf-8') END AS raw_text
FROM kinesis_player."streamflix-player-events";
