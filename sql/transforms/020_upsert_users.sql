-- Users: the newest load wins (type 1). An inferred member is completed in place, keeping its key.

-- Users whose facts must be re-dated: they were inferred (dated in UTC) or their time zone moved.
create temp table tmp_changed_user as
select
    existing.user_key
from dim_user as existing
inner join tmp_user as incoming
    on incoming.user_id = existing.user_id
where existing.is_inferred
    or existing.time_zone <> incoming.time_zone;

-- Users whose sessions move to other rows of the rollups (075): re-dated as above, or a new plan or country.
create temp table tmp_regrouped_user as
select
    existing.user_key
from dim_user as existing
inner join tmp_user as incoming
    on incoming.user_id = existing.user_id
where existing.is_inferred
    or existing.time_zone <> incoming.time_zone
    or existing.subscription_plan <> incoming.subscription_plan
    or existing.country <> incoming.country;

update dim_user
set
    signup_date = incoming.signup_date,
    country = incoming.country,
    time_zone = incoming.time_zone,
    age_band = incoming.age_band,
    subscription_plan = incoming.subscription_plan,
    is_inferred = false,
    updated_at = cast(:loaded_at as timestamp)
from tmp_user as incoming
where dim_user.user_id = incoming.user_id;

insert into dim_user (user_id, signup_date, country, time_zone, age_band, subscription_plan, is_inferred, updated_at)
select
    incoming.user_id,
    incoming.signup_date,
    incoming.country,
    incoming.time_zone,
    incoming.age_band,
    incoming.subscription_plan,
    false,
    cast(:loaded_at as timestamp)
from tmp_user as incoming
where not exists (select 1 from dim_user as existing where existing.user_id = incoming.user_id);
