-- The sessions this load brings playback events for, told apart before the events join the staging
-- table: a session none of whose events was staged before (most of a first load or a backfill) is rebuilt
-- from this load's events alone, and only a resumed one has to be read back from staging (060).

create temp table tmp_touched_session as
select distinct
    new_events.session_id
from tmp_new_event as new_events
where new_events.event_type <> 'rate';

create temp table tmp_resumed_session as
select
    touched.session_id
from tmp_touched_session as touched
where exists (
    select 1
    from stg_player_event as staged
    where staged.session_id = touched.session_id
        and staged.event_type <> 'rate'
);
