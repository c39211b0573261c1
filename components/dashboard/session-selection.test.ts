import { describe, expect, it } from 'vitest';

import { bucketParam, bucketParamName, BUCKETS } from './session-duration';
import { describeSelection, filterPhrases, readSelection, selectionKey, sessionsQuery, sessionsUrl, writeSelection } from './session-selection';

describe('sessions behind a figure', () => {
  it('round-trips a selection through the dashboard URL beside the dashboard’s own parameters', () => {
    const search = new URLSearchParams('genre=Drama,Comedy&sessions_genre=Drama&sessions_day_type=weekend&sessions_hour=20&other=1');
    const selection = readSelection(search);
    expect(selection).toEqual({ genre: 'Drama', day_type: 'weekend', hour: '20' });
    const written = new URLSearchParams();
    writeSelection(selection, written);
    expect(written.toString()).toBe('sessions_genre=Drama&sessions_day_type=weekend&sessions_hour=20');
    expect(readSelection(new URLSearchParams('genre=Drama&sessions_hour='))).toBeUndefined();
  });

  it('has one key per selection, whatever order it was built in', () => {
    expect(selectionKey({ hour: '3', day_type: 'weekday' })).toBe(selectionKey({ day_type: 'weekday', hour: '3' }));
    expect(selectionKey({ title_id: 's_0101', season_number: '2' })).toBe('title_id=s_0101&season_number=2');
  });

  it('narrows the dashboard’s period and filters: a selected value replaces the filter of the same name', () => {
    const base = new URLSearchParams('from=2026-11-01&to=2026-11-30&genre=Drama%2CComedy&country=JP');
    expect(sessionsQuery(base, { genre: 'Drama', completed: 'false' }).toString()).toBe('from=2026-11-01&to=2026-11-30&genre=Drama&country=JP&completed=false');
    // A trend bucket's dates replace the period; the default period sends none, so they are added.
    expect(sessionsQuery(new URLSearchParams('device_type=tv'), { from: '2026-11-02', to: '2026-11-08' }).toString()).toBe('device_type=tv&from=2026-11-02&to=2026-11-08');
  });

  it('pages with a cursor and downloads every session without one', () => {
    const query = new URLSearchParams('genre=Drama&limit=100');
    expect(sessionsUrl(query)).toBe('/api/sessions?genre=Drama&limit=100');
    expect(sessionsUrl(query, { cursor: 'abc.def' })).toBe('/api/sessions?genre=Drama&limit=100&cursor=abc.def');
    expect(sessionsUrl(new URLSearchParams('genre=Drama'), { format: 'csv', cursor: 'abc.def' })).toBe('/api/sessions?genre=Drama&format=csv');
    expect(sessionsUrl(new URLSearchParams())).toBe('/api/sessions');
  });

  it('says what was selected in words', () => {
    expect(describeSelection({ day_type: 'weekday', hour: '23' })).toEqual(['on weekdays, started 23:00–00:00']);
    expect(describeSelection({ from: '2026-11-02', to: '2026-11-08', genre: 'Drama' })).toEqual(['from 2026-11-02 to 2026-11-08', 'genre Drama']);
    expect(describeSelection({ from: '2026-11-02', to: '2026-11-02' })).toEqual(['on 2026-11-02']);
    expect(describeSelection({ title_id: 's_0101', season_number: '2', completed: 'true' })).toEqual(['title s_0101', 'season 2', 'completed']);
    expect(describeSelection({ content_id: 'm_0007', completed: 'false' })).toEqual(['content m_0007', 'not completed']);
    expect(describeSelection({ length_bucket: '120m+' })).toEqual(['lasting 2 h and more']);
    // A hand-edited link reads as written; the API is the judge of whether it is valid.
    expect(describeSelection({ hour: '99', length_bucket: 'forever' })).toEqual(['started in hour 99', 'lasting forever']);
  });

  it('lists the dashboard filters the selection keeps', () => {
    const base = new URLSearchParams('from=2026-11-01&genre=Drama%2CComedy&subscription_plan=premium&title_id=s_0101');
    expect(filterPhrases(base, { genre: 'Drama' })).toEqual(['plan premium', 'title s_0101']);
    expect(filterPhrases(base, {})).toEqual(['genre Drama, Comedy', 'plan premium', 'title s_0101']);
  });

  it('names each histogram bucket as the sessions API does', () => {
    expect(BUCKETS.map((b) => bucketParam(b.label))).toEqual(['0-5m', '5-15m', '15-30m', '30-60m', '60-120m', '120m+']);
    expect(bucketParam('[1h,2h)')).toBeUndefined();
    expect(bucketParamName('5-15m')).toBe('5–15 min');
    expect(bucketParamName('other')).toBe('other');
  });
});
