-- The dashboards' rollups (db/schema/rollups.ts) stay exact: every local date on which this load changed
-- a session, or what a session is grouped by, is summed again from the fact table, and its rows replace
-- the old ones. A date is affected when a session row was replaced (060: its old date and its new one), a
-- session was re-dated or re-judged (070: the date it left and the date it has), or a user's plan, country
-- or time zone or an item's genre, type or runtime changed (020, 030: every date of their sessions).
-- The two _full rollups are summed from the fact; the coarser ones from them, a sum of sums being exact.

create temp table tmp_rollup_date as
select history.start_date_key
from tmp_session_history as history
union
select redated.start_date_key
from tmp_redated_from as redated
union
select fact.start_date_key
from fact_viewing_session as fact
where fact.session_id in (select session_id from tmp_touched_session)
union
select fact.start_date_key
from fact_viewing_session as fact
where fact.user_key in (select user_key from tmp_regrouped_user)
union
select fact.start_date_key
from fact_viewing_session as fact
where fact.content_key in (select content_key from tmp_regrouped_content);

delete from agg_peak_hour_full
where start_date_key in (select start_date_key from tmp_rollup_date);

insert into agg_peak_hour_full (
    start_date_key, hour_of_day, genre, content_type, device_type, subscription_plan, country, sessions, watch_seconds
)
select
    fact.start_date_key,
    clock.hour_of_day,
    content.genre,
    content.content_type,
    devices.device_type,
    users.subscription_plan,
    users.country,
    count(*),
    sum(fact.watch_seconds)
from fact_viewing_session as fact
inner join dim_time_of_day as clock
    on clock.time_of_day_key = fact.start_time_of_day_key
inner join dim_content as content
    on content.content_key = fact.content_key
inner join dim_device as devices
    on devices.device_key = fact.device_key
inner join dim_user as users
    on users.user_key = fact.user_key
where fact.start_date_key in (select start_date_key from tmp_rollup_date)
group by
    fact.start_date_key, clock.hour_of_day, content.genre, content.content_type, devices.device_type,
    users.subscription_plan, users.country;

delete from agg_peak_hour_content_device
where start_date_key in (select start_date_key from tmp_rollup_date);

insert into agg_peak_hour_content_device (start_date_key, hour_of_day, genre, content_type, device_type, sessions, watch_seconds)
select
    full_rollup.start_date_key,
    full_rollup.hour_of_day,
    full_rollup.genre,
    full_rollup.content_type,
    full_rollup.device_type,
    sum(full_rollup.sessions),
    sum(full_rollup.watch_seconds)
from agg_peak_hour_full as full_rollup
where full_rollup.start_date_key in (select start_date_key from tmp_rollup_date)
group by
    full_rollup.start_date_key, full_rollup.hour_of_day, full_rollup.genre, full_rollup.content_type, full_rollup.device_type;

delete from agg_peak_hour_audience
where start_date_key in (select start_date_key from tmp_rollup_date);

insert into agg_peak_hour_audience (start_date_key, hour_of_day, subscription_plan, country, sessions, watch_seconds)
select
    full_rollup.start_date_key,
    full_rollup.hour_of_day,
    full_rollup.subscription_plan,
    full_rollup.country,
    sum(full_rollup.sessions),
    sum(full_rollup.watch_seconds)
from agg_peak_hour_full as full_rollup
where full_rollup.start_date_key in (select start_date_key from tmp_rollup_date)
group by full_rollup.start_date_key, full_rollup.hour_of_day, full_rollup.subscription_plan, full_rollup.country;

delete from agg_completion_full
where start_date_key in (select start_date_key from tmp_rollup_date);

insert into agg_completion_full (start_date_key, content_key, device_type, subscription_plan, country, sessions, completed_sessions)
select
    fact.start_date_key,
    fact.content_key,
    devices.device_type,
    users.subscription_plan,
    users.country,
    count(*),
    sum(case when fact.is_completed then 1 else 0 end)
from fact_viewing_session as fact
inner join dim_device as devices
    on devices.device_key = fact.device_key
inner join dim_user as users
    on users.user_key = fact.user_key
where fact.start_date_key in (select start_date_key from tmp_rollup_date)
group by fact.start_date_key, fact.content_key, devices.device_type, users.subscription_plan, users.country;

delete from agg_completion_content_device
where start_date_key in (select start_date_key from tmp_rollup_date);

insert into agg_completion_content_device (start_date_key, content_key, device_type, sessions, completed_sessions)
select
    full_rollup.start_date_key,
    full_rollup.content_key,
    full_rollup.device_type,
    sum(full_rollup.sessions),
    sum(full_rollup.completed_sessions)
from agg_completion_full as full_rollup
where full_rollup.start_date_key in (select start_date_key from tmp_rollup_date)
group by full_rollup.start_date_key, full_rollup.content_key, full_rollup.device_type;

delete from agg_completion_audience
where start_date_key in (select start_date_key from tmp_rollup_date);

insert into agg_completion_audience (start_date_key, content_key, subscription_plan, country, sessions, completed_sessions)
select
    full_rollup.start_date_key,
    full_rollup.content_key,
    full_rollup.subscription_plan,
    full_rollup.country,
    sum(full_rollup.sessions),
    sum(full_rollup.completed_sessions)
from agg_completion_full as full_rollup
where full_rollup.start_date_key in (select start_date_key from tmp_rollup_date)
group by full_rollup.start_date_key, full_rollup.content_key, full_rollup.subscription_plan, full_rollup.country;

delete from agg_completion_content
where start_date_key in (select start_date_key from tmp_rollup_date);

insert into agg_completion_content (start_date_key, content_key, sessions, completed_sessions)
select
    full_rollup.start_date_key,
    full_rollup.content_key,
    sum(full_rollup.sessions),
    sum(full_rollup.completed_sessions)
from agg_completion_full as full_rollup
where full_rollup.start_date_key in (select start_date_key from tmp_rollup_date)
group by full_rollup.start_date_key, full_rollup.content_key;
