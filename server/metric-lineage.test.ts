import { describe, expect, it } from 'vitest';

import { getMetricLineages, metricLineage, statementLineage, type MetricLineage } from './metric-lineage';

const tablesOf = (l: MetricLineage) => l.tables.map((t) => t.table);
const columnsOf = (l: MetricLineage, role: 'used' | 'filter') => l.columns.filter((c) => c.role === role).map((c) => `${c.table}.${c.column}`);
const joinsOf = (l: MetricLineage) => l.joins.map((j) => `${j.table}.${j.columns.join(',')}->${j.references.table}.${j.references.columns.join(',')}`);

const SESSION_DIMENSION_JOINS = [
  'fact_viewing_session.content_key->dim_content.content_key',
  'fact_viewing_session.device_key->dim_device.device_key',
  'fact_viewing_session.user_key->dim_user.user_key',
];
const FILTER_COLUMNS = ['dim_user.subscription_plan', 'dim_user.country'];

describe('metricLineage, from the SQL buildMetricQuery sends', () => {
  it('watch time reads the viewing fact and the three dimensions its grouping and filters need', () => {
    const lineage = metricLineage('watch-time');
    expect(lineage.question).toBe('Watch time by user, genre or device type');
    expect(tablesOf(lineage)).toEqual(['dim_content', 'dim_device', 'dim_user', 'fact_viewing_session']);
    // Every grouping the question offers counts as used: by user, by genre, by device type.
    expect(columnsOf(lineage, 'used')).toEqual(
      expect.arrayContaining(['fact_viewing_session.watch_seconds', 'fact_viewing_session.start_date_key', 'dim_user.user_id', 'dim_content.genre', 'dim_device.device_type']),
    );
    expect(columnsOf(lineage, 'filter').sort()).toEqual(['dim_content.content_type', ...FILTER_COLUMNS].sort());
    expect(joinsOf(lineage)).toEqual(SESSION_DIMENSION_JOINS);
    expect(lineage.joins.every((j) => j.role === 'used')).toBe(true);
  });

  it('peak hours adds the calendar and the clock, read through joins and through its own CTEs', () => {
    const lineage = metricLineage('peak-hours');
    expect(tablesOf(lineage)).toEqual(['dim_content', 'dim_date', 'dim_device', 'dim_time_of_day', 'dim_user', 'fact_viewing_session']);
    // day_counts and grid read dim_date and dim_time_of_day without an alias.
    expect(columnsOf(lineage, 'used')).toEqual(expect.arrayContaining(['dim_date.day_type', 'dim_date.date_key', 'dim_time_of_day.hour_of_day', 'fact_viewing_session.start_time_of_day_key']));
    expect(columnsOf(lineage, 'filter')).toEqual(expect.arrayContaining(['dim_content.genre', 'dim_device.device_type', ...FILTER_COLUMNS]));
    expect(joinsOf(lineage)).toEqual([
      ...SESSION_DIMENSION_JOINS.slice(0, 2),
      'fact_viewing_session.start_date_key->dim_date.date_key',
      'fact_viewing_session.start_time_of_day_key->dim_time_of_day.time_of_day_key',
      SESSION_DIMENSION_JOINS[2],
    ]);
  });

  it('completion reads is_completed and the content attributes it lists', () => {
    const lineage = metricLineage('completion');
    expect(tablesOf(lineage)).toEqual(['dim_content', 'dim_device', 'dim_user', 'fact_viewing_session']);
    expect(columnsOf(lineage, 'used')).toEqual(expect.arrayContaining(['fact_viewing_session.is_completed', 'dim_content.content_id', 'dim_content.series_title', 'dim_content.episode_number']));
    // content_type and genre are output columns here, so they are used, not filter-only.
    expect(columnsOf(lineage, 'used')).toEqual(expect.arrayContaining(['dim_content.content_type', 'dim_content.genre']));
    expect(columnsOf(lineage, 'used')).not.toContain('fact_viewing_session.watch_seconds');
  });

  it('session duration reads session length and watch time', () => {
    const lineage = metricLineage('session-duration');
    expect(tablesOf(lineage)).toEqual(['dim_content', 'dim_device', 'dim_user', 'fact_viewing_session']);
    expect(columnsOf(lineage, 'used')).toEqual(expect.arrayContaining(['fact_viewing_session.session_length_seconds', 'fact_viewing_session.watch_seconds']));
    expect(columnsOf(lineage, 'used')).not.toContain('dim_content.genre');
  });

  it('rating vs popularity reads both facts, each joined to the shared dimensions', () => {
    const lineage = metricLineage('rating-popularity');
    expect(tablesOf(lineage)).toEqual(['dim_content', 'dim_device', 'dim_user', 'fact_content_rating', 'fact_viewing_session']);
    expect(columnsOf(lineage, 'used')).toEqual(
      expect.arrayContaining(['fact_content_rating.rating', 'fact_content_rating.rating_date_key', 'dim_content.title_id', 'dim_content.title_name', 'fact_viewing_session.user_key']),
    );
    expect(joinsOf(lineage)).toEqual([
      'fact_content_rating.content_key->dim_content.content_key',
      'fact_content_rating.device_key->dim_device.device_key',
      'fact_content_rating.user_key->dim_user.user_key',
      ...SESSION_DIMENSION_JOINS,
    ]);
  });

  it('covers the eight metrics in the API order', () => {
    expect(getMetricLineages().map((l) => l.metric)).toEqual(['overview', 'trend', 'watch-time', 'peak-hours', 'completion', 'session-duration', 'rating-popularity', 'top-titles']);
  });
});

describe('statementLineage', () => {
  it('resolves aliases, bare names of a single-table scope, and ignores CTE and subquery columns', () => {
    const lineage = statementLineage(`WITH recent AS (
  SELECT user_key, COUNT(*) AS n FROM fact_viewing_session WHERE session_status = 'x.y' GROUP BY user_key
)
SELECT u.country, r.n, s.total
FROM recent AS r
JOIN dim_user AS u ON u.user_key = r.user_key
CROSS JOIN (SELECT MAX(d.hour_of_day) AS total FROM dim_time_of_day AS d) AS s
ORDER BY n DESC`);
    expect([...lineage.tables].sort()).toEqual(['dim_time_of_day', 'dim_user', 'fact_viewing_session']);
    expect([...lineage.columns].sort()).toEqual([
      'dim_time_of_day.hour_of_day',
      'dim_user.country',
      'dim_user.user_key',
      'fact_viewing_session.session_status',
      'fact_viewing_session.user_key',
    ]);
    // The join is to a CTE, not between two tables: no foreign key to name.
    expect(lineage.joins.size).toBe(0);
  });

  it('names the foreign key a join between two tables follows, whichever side is written first', () => {
    const lineage = statementLineage('SELECT COUNT(*) FROM dim_date AS d JOIN fact_content_rating AS r ON d.date_key = r.rating_date_key');
    expect([...lineage.joins.values()]).toEqual([{ table: 'fact_content_rating', columns: ['rating_date_key'], references: { table: 'dim_date', columns: ['date_key'] } }]);
  });

  it('refuses what the model does not hold', () => {
    expect(() => statementLineage('SELECT f.user_key FROM fact_viewing AS f')).toThrow('unknown table fact_viewing');
    expect(() => statementLineage('SELECT f.no_such FROM fact_viewing_session AS f')).toThrow('unknown column fact_viewing_session.no_such');
    expect(() => statementLineage('SELECT no_such FROM dim_user')).toThrow('unknown column dim_user.no_such');
    expect(() => statementLineage('SELECT x.user_key FROM fact_viewing_session AS f')).toThrow('unknown table or alias x');
    expect(() => statementLineage('SELECT 1 FROM fact_viewing_session AS f JOIN fact_content_rating AS r ON r.session_id = f.session_id')).toThrow(
      'is not a foreign key of the model',
    );
  });
});
