import { describe, expect, it } from 'vitest';

import { getEtlStages, leadingComment, listEtlSqlFiles } from './etl-example-sources';

describe('the ETL story', () => {
  it('walks through every transform and streaming script exactly once', () => {
    const told = getEtlStages().flatMap((s) => s.files.map((f) => f.path.replace(/^sql\//, '')));
    expect(told).toEqual(listEtlSqlFiles());
    expect(new Set(told).size).toBe(told.length);
  });

  it('tells the stages in the order a load runs them, each file with its own summary', () => {
    const stages = getEtlStages();
    expect(stages.map((s) => s.id)).toEqual(['ingest', 'dimensions', 'stage', 'members', 'sessionize', 'late', 'ratings', 'cleanup']);
    expect(stages[0]?.files.map((f) => f.path)).toEqual(['sql/redshift/streaming/010_kinesis_source.sql', 'sql/redshift/streaming/020_stage_stream_batch.sql', 'sql/transforms/010_batch_tables.sql']);
    expect(stages.find((s) => s.id === 'stage')?.files[0]?.path).toBe('sql/transforms/040_stage_events.sql');
    const transforms = stages.flatMap((s) => s.files.map((f) => f.path)).filter((p) => p.startsWith('sql/transforms/'));
    expect(transforms).toEqual([...transforms].sort());
    for (const file of stages.flatMap((s) => s.files)) expect(file.summary.length, file.path).toBeGreaterThan(20);
    const sessions = stages.find((s) => s.id === 'sessionize')?.files[0];
    expect(sessions?.summary).toMatch(/^The accumulating snapshot: every session this load brought events for is rebuilt/);
    expect(sessions?.text).toContain('delete from fact_viewing_session');
  });

  it('reads a file’s opening comment block as one paragraph', () => {
    expect(leadingComment('-- One.\n--   Two,\n-- three.\n\n-- Not this.\nselect 1;')).toBe('One. Two, three.');
    expect(leadingComment('select 1;')).toBe('');
  });
});
