-- Catalog items: the newest load wins. title_id rolls an episode up to its series.

-- Items whose sessions' completion must be recomputed: inferred until now, or a new runtime.
create temp table tmp_changed_content as
select
    existing.content_key
from dim_content as existing
inner join tmp_content as incoming
    on incoming.content_id = existing.content_id
where existing.is_inferred
    or existing.runtime_seconds is null
    or existing.runtime_seconds <> incoming.runtime_seconds;

-- Items whose sessions move to other rows of the rollups (075): re-judged as above, or a new genre or type.
create temp table tmp_regrouped_content as
select
    existing.content_key
from dim_content as existing
inner join tmp_content as incoming
    on incoming.content_id = existing.content_id
where existing.is_inferred
    or existing.runtime_seconds is null
    or existing.runtime_seconds <> incoming.runtime_seconds
    or existing.genre <> incoming.genre
    or existing.content_type <> incoming.content_type;

update dim_content
set
    content_type = incoming.content_type,
    title = incoming.title,
    genre = incoming.genre,
    release_year = incoming.release_year,
    runtime_seconds = incoming.runtime_seconds,
    maturity_rating = incoming.maturity_rating,
    series_id = incoming.series_id,
    series_title = incoming.series_title,
    season_number = incoming.season_number,
    episode_number = incoming.episode_number,
    title_id = case when incoming.content_type = 'episode' then incoming.series_id else incoming.content_id end,
    title_name = case when incoming.content_type = 'episode' then incoming.series_title else incoming.title end,
    is_inferred = false,
    updated_at = cast(:loaded_at as timestamp)
from tmp_content as incoming
where dim_content.content_id = incoming.content_id;

insert into dim_content (
    content_id, content_type, title, genre, release_year, runtime_seconds, maturity_rating,
    series_id, series_title, season_number, episode_number, title_id, title_name, is_inferred, updated_at
)
select
    incoming.content_id,
    incoming.content_type,
    incoming.title,
    incoming.genre,
    incoming.release_year,
    incoming.runtime_seconds,
    incoming.maturity_rating,
    incoming.series_id,
    incoming.series_title,
    incoming.season_number,
    incoming.episode_number,
    case when incoming.content_type = 'episode' then incoming.series_id else incoming.content_id end,
    case when incoming.content_type = 'episode' then incoming.series_title else incoming.title end,
    false,
    cast(:loaded_at as timestamp)
from tmp_content as incoming
where not exists (select 1 from dim_content as existing where existing.content_id = incoming.content_id);
