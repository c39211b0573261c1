-- A dimension record that arrives after its facts changes what they mean: an inferred user's sessions
-- and ratings were dated in UTC, an inferred item had no runtime to judge completion by. Bring every
-- such fact up to date, so that whichever file comes first the warehouse ends the same.

-- The local dates the re-dating moves sessions away from: their rollup rows are summed again (075).
create temp table tmp_redated_from as
select distinct
    fact.start_date_key
from fact_viewing_session as fact
where fact.user_key in (select user_key from tmp_changed_user);

update fact_viewing_session
set
    local_start_ts = convert_timezone('UTC', users.time_zone, fact_viewing_session.session_start_ts),
    start_date_key = f_date_key(convert_timezone('UTC', users.time_zone, fact_viewing_session.session_start_ts)),
    start_time_of_day_key = f_time_of_day_key(convert_timezone('UTC', users.time_zone, fact_viewing_session.session_start_ts))
from dim_user as users
where users.user_key = fact_viewing_session.user_key
    and users.user_key in (select user_key from tmp_changed_user);

update fact_content_rating
set
    local_rated_at = convert_timezone('UTC', users.time_zone, fact_content_rating.rated_at),
    rating_date_key = f_date_key(convert_timezone('UTC', users.time_zone, fact_content_rating.rated_at)),
    rating_time_of_day_key = f_time_of_day_key(convert_timezone('UTC', users.time_zone, fact_content_rating.rated_at))
from dim_user as users
where users.user_key = fact_content_rating.user_key
    and users.user_key in (select user_key from tmp_changed_user);

update fact_viewing_session
set
    is_completed = content.runtime_seconds is not null
        and fact_viewing_session.max_position_seconds * 100 >= content.runtime_seconds * 95
from dim_content as content
where content.content_key = fact_viewing_session.content_key
    and content.content_key in (select content_key from tmp_changed_content);
