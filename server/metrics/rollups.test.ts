import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rollupFromFactSelect } from '@/db/rollup-sql';
import { audienceDayFromFactSelect, sessionLengthFromFactSelect, viewerDayFromFactSelect } from '@/db/viewer-rollup-sql';
import { getRollup, rollupDeclarations } from '@/db/schema/rollups';
import type { SqlRunner, Warehouse } from '@/db/warehouse';
import { loadDataset } from '@/pipeline/load/load-dataset';
import { transformFiles } from '@/pipeline/load/transforms';
import { writeDataset, type DatasetParts } from '@/test/support/dataset';
import { NOW } from '@/test/support/metric-cases';
import { rollupLoads } from '@/test/support/rollup-cases';
import { rollupSnapshot } from '@/test/support/snapshot';
import { describeEachEngine, type EngineHarness } from '@/test/support/test-warehouse';

import { runMetric, type MetricName } from './index';
import type { FilterName } from './params';
import { FILTERS } from '@/types/dashboard';

type BarFilter = (typeof FILTERS)[number];

const REBUILDS: Record<string, () => string> = {
  agg_viewer_day: () => viewerDayFromFactSelect(),
  agg_audience_day: () => audienceDayFromFactSelect(),
  agg_session_length: () => sessionLengthFromFactSelect(),
};

/** Every rollup as its table holds it, and as summed from the fact table now. */
async function rollupsAndRebuild(warehouse: SqlRunner) {
  return {
    stored: await rollupSnapshot(warehouse),
    rebuilt: await rollupSnapshot(warehouse, (name) => `(${REBUILDS[name]?.() ?? rollupFromFactSelect(getRollup(name))})`),
  };
}

async function expectRollupsExact(warehouse: SqlRunner, label: string) {
  const { stored, rebuilt } = await rollupsAndRebuild(warehouse);
  expect(stored, label).toEqual(rebuilt);
}

/**
 * Filter values present in the data: one that selects s3 under each filter (u_tok is basic in JP from the
 * second load, premium from the third), and lists that mix inferred members' `Unknown` with real values.
 */
const FILTER_VALUES: Record<BarFilter, string>[] = [
  { device_type: 'tv', genre: 'Sci-Fi', content_type: 'episode', subscription_plan: 'basic,premium', country: 'JP' },
  {
    device_type: 'tv,web',
    genre: 'Unknown,Drama,Thriller,Comedy',
    content_type: 'movie,Unknown',
    subscription_plan: 'Unknown,premium,standard',
    country: 'Unknown,US,GB,IE',
  },
];

/** Every subset of the five filters of the bar (2^5). */
const FILTER_SUBSETS: BarFilter[][] = Array.from({ length: 1 << FILTERS.length }, (_, mask) => FILTERS.filter((_f, i) => mask & (1 << i)));

/** The title and season filters, alone and with others: s_x is a series (e_1, e_2 in season 1), m_ghost inferred. */
const CONTENT_FILTER_CASES: Partial<Record<FilterName, string>>[] = [
  { title_id: 's_x' },
  { title_id: 's_x,m_a', device_type: 'tv' },
  { title_id: 'm_ghost,m_b', country: 'Unknown,JP,US' },
  { season_number: '1' },
  { season_number: '1,2', genre: 'Sci-Fi', subscription_plan: 'basic,premium' },
  { title_id: 's_x', season_number: '1', content_type: 'episode' },
];

/** October; a Fri–Sun span where dates cross midnight between zones; a wide span; the default period (no from/to). */
const PERIODS: Record<string, string>[] = [
  { from: '2026-10-01', to: '2026-10-31' },
  { from: '2026-10-09', to: '2026-10-11' },
  { from: '2026-09-30', to: '2026-11-02' },
  {},
];

const EXTRA: Record<MetricName, Record<string, string>[]> = {
  'peak-hours': [{}],
  completion: [{ min_sessions: '1' }, { min_sessions: '2', limit: '2' }, { level: 'season', min_sessions: '1' }, { level: 'title', min_sessions: '1' }],
  'watch-time': [{ by: 'genre' }, { by: 'device_type' }, { by: 'user', limit: '3' }, { by: 'title' }],
  'session-duration': [{}],
  'rating-popularity': [{ min_ratings: '1' }],
  overview: [{}, { compare: 'previous' }, { compare: 'year' }],
  trend: [{ grain: 'day' }, { grain: 'week' }, { grain: 'month' }],
  'top-titles': [{}, { limit: '2' }],
};
const METRICS = Object.keys(EXTRA) as MetricName[];
const SOURCES = [...rollupDeclarations.map((r) => r.name), 'agg_viewer_day', 'agg_audience_day', 'agg_session_length', 'first rows by previous date'].sort();

/** Runs every request shape through the rollup (auto) path and the fact path and compares the answers. */
async function expectPathsEqual(warehouse: SqlRunner, label: string): Promise<{ compared: number; sources: Set<string> }> {
  let compared = 0;
  const sources = new Set<string>();
  for (const metric of METRICS) {
    for (const period of PERIODS) {
      for (const extra of EXTRA[metric]) {
        for (const values of FILTER_VALUES) {
          for (const subset of FILTER_SUBSETS) {
            const raw = { ...period, ...extra, ...Object.fromEntries(subset.map((f) => [f, values[f]])) };
            const where = `${label} ${metric} ${JSON.stringify(raw)}`;
            const auto = await runMetric(metric, raw, warehouse, { now: NOW });
            const fact = await runMetric(metric, raw, warehouse, { now: NOW, source: 'fact' });
            sources.add(/FROM (agg_\w+) AS a/.exec(auto.sql)?.[1] ?? 'none');
            if (/previous_date_\w+ < \$1/.test(auto.sql)) sources.add('first rows by previous date');
            expect(fact.sql, where).toMatch(/FROM fact_viewing_session AS f/);
            expect(fact.sql, where).not.toMatch(/agg_/);
            expect(auto.rows, where).toEqual(fact.rows);
            expect({ ...auto, sql: '' }, where).toEqual({ ...fact, sql: '' });
            compared++;
          }
        }
        for (const filters of CONTENT_FILTER_CASES) {
          const raw = { ...period, ...extra, ...filters };
          const where = `${label} ${metric} ${JSON.stringify(raw)}`;
          const auto = await runMetric(metric, raw, warehouse, { now: NOW });
          const fact = await runMetric(metric, raw, warehouse, { now: NOW, source: 'fact' });
          expect({ ...auto, sql: '' }, where).toEqual({ ...fact, sql: '' });
          compared++;
        }
      }
    }
  }
  return { compared, sources };
}

async function loadInto(warehouse: Warehouse, part: DatasetParts): Promise<void> {
  await loadDataset(warehouse, writeDataset(part), { now: NOW });
}

describeEachEngine('rollups answer exactly what the fact table answers', (harness) => {
  let warehouse: Warehouse;
  beforeAll(async () => {
    warehouse = await harness.migrated();
  });
  afterAll(async () => {
    await warehouse?.close();
  });

  it.each([1, 2, 3])('after load %i: every rollup equals its rebuild from the fact, and both paths agree on every filter combination and period', { timeout: 240_000 }, async (n) => {
    await loadInto(warehouse, rollupLoads[n - 1] ?? {});
    await expectRollupsExact(warehouse, `after load ${n}`);
    const { compared, sources } = await expectPathsEqual(warehouse, `after load ${n}`);
    const shapes = METRICS.reduce((n, m) => n + EXTRA[m].length, 0);
    expect(compared).toBe(shapes * PERIODS.length * (FILTER_VALUES.length * FILTER_SUBSETS.length + CONTENT_FILTER_CASES.length));
    expect([...sources].sort()).toEqual(SOURCES);
  });

  it('holds what the loads changed: re-dated, re-judged and regrouped sessions are in their new rows', async () => {
    const [s3] = await warehouse.query(
      "SELECT SUM(sessions) AS n FROM agg_peak_hour_full WHERE start_date_key = 20261010 AND hour_of_day = 1 AND subscription_plan = 'premium' AND country = 'JP'",
    );
    expect(s3?.n).toBe(1);
    expect(await warehouse.query('SELECT start_date_key FROM agg_peak_hour_audience WHERE start_date_key IN (20261006, 20261009, 20261030) ORDER BY 1')).toEqual([]);
    const [ireland] = await warehouse.query("SELECT SUM(sessions) AS n FROM agg_peak_hour_audience WHERE country = 'IE' AND subscription_plan = 'standard'");
    expect(ireland?.n).toBe(3); // s5, s7, s11
    const [tokyo] = await warehouse.query("SELECT SUM(sessions) AS n FROM agg_completion_full WHERE country = 'JP' AND subscription_plan = 'premium'");
    expect(tokyo?.n).toBe(4); // s3, s4, s10, s12
    const [thriller] = await warehouse.query("SELECT SUM(sessions) AS n FROM agg_peak_hour_content_device WHERE genre = 'Thriller'");
    expect(thriller?.n).toBe(3); // s1, s2, s7
    const [bravo] = await warehouse.query(
      "SELECT SUM(a.completed_sessions) AS n FROM agg_completion_content AS a JOIN dim_content AS c ON c.content_key = a.content_key WHERE c.content_id = 'm_b'",
    );
    expect(bravo?.n).toBe(1); // s10, judged once m_b's runtime arrived
  });
});

/** Loads the parts in order into a fresh warehouse, checking the rollups against their rebuild after each. */
async function loadChecked(harness: EngineHarness, parts: DatasetParts[], label: string): Promise<void> {
  const warehouse = await harness.migrated();
  try {
    for (const [i, part] of parts.entries()) {
      await loadInto(warehouse, part);
      await expectRollupsExact(warehouse, `${label}, after load ${i + 1}`);
    }
  } finally {
    await warehouse.close();
  }
}

describeEachEngine('rollups maintained by the incremental ELT', (harness) => {
  it.each([
    ['3, 2, 1', [2, 1, 0]],
    ['2, 3, 1', [1, 2, 0]],
    ['1, 3, 2', [0, 2, 1]],
  ])('equal their rebuild from the fact after every load, in the order %s', async (label, order) => {
    await loadChecked(harness, order.map((i) => rollupLoads[i] ?? {}), label);
  });

  it('equal their rebuild after the same load twice and after everything at once', async () => {
    const all: DatasetParts = {
      users: rollupLoads.flatMap((p) => p.users ?? []),
      content: rollupLoads.flatMap((p) => p.content ?? []),
      events: Object.assign({}, ...rollupLoads.map((p) => p.events)),
    };
    await loadChecked(harness, [rollupLoads[0] ?? {}, rollupLoads[0] ?? {}, all], 'repeated');
  });
});

/**
 * Mutation check: the dataset is tricky enough that forgetting any one source of affected dates in
 * 075_rollups.sql leaves some rollup row stale. Each branch of tmp_rollup_date is dropped in turn (in this
 * file's copy of the transforms only) and the three loads must then disagree with the rebuild.
 */
describeEachEngine('rollup maintenance, each source of affected dates dropped in turn', (harness) => {
  const rollups = transformFiles().find((f) => f.file === '075_rollups.sql');
  const original = rollups?.statements[0] ?? '';
  const branches = original.split(/\nunion\n/);

  it('finds the five sources in the statement that collects the dates', () => {
    expect(original).toMatch(/^\s*(--[^\n]*\n)*\s*create temp table tmp_rollup_date as/);
    expect(branches.map((b) => b.match(/tmp_\w+/g)?.pop())).toEqual([
      'tmp_session_history',
      'tmp_redated_from',
      'tmp_touched_session',
      'tmp_regrouped_user',
      'tmp_regrouped_content',
    ]);
  });

  it.each([0, 1, 2, 3, 4])('without source %i the rollups go stale', async (dropped) => {
    if (!rollups) throw new Error('no 075_rollups.sql');
    const kept = branches.filter((_b, i) => i !== dropped);
    // The first branch carries the CREATE; dropping it means the second one starts the statement.
    const head = 'create temp table tmp_rollup_date as\n';
    const body = kept.map((b) => (b.includes(head) ? b.slice(b.indexOf(head) + head.length) : b)).join('\nunion\n');
    rollups.statements[0] = `${head}${body}`;
    const warehouse = await harness.migrated();
    try {
      let stale = false;
      for (const part of rollupLoads) {
        await loadInto(warehouse, part);
        const { stored, rebuilt } = await rollupsAndRebuild(warehouse);
        if (JSON.stringify(stored) !== JSON.stringify(rebuilt)) stale = true;
      }
      expect(stale).toBe(true);
    } finally {
      rollups.statements[0] = original;
      await warehouse.close();
    }
  });

  it('and with every source the same loads keep them exact', async () => {
    expect(rollups?.statements[0]).toBe(original);
    await loadChecked(harness, rollupLoads, 'unmutated');
  });
});

describe('rollup declarations and tables', () => {
  it('every declared rollup is maintained by 075_rollups.sql', () => {
    const text = transformFiles().find((f) => f.file === '075_rollups.sql')?.statements.join('\n') ?? '';
    for (const r of rollupDeclarations) {
      expect(text, r.name).toContain(`delete from ${r.name}\n`);
      expect(text, r.name).toContain(`insert into ${r.name} (`);
    }
  });
});
