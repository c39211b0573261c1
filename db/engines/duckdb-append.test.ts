import { afterEach, beforeEach, expect, it } from 'vitest';

import type { SqlRunner, Warehouse } from '@/db/warehouse';
import { describeEachEngine } from '@/test/support/test-warehouse';

const PROBE_COLUMNS = ['label', 'plays', 'rating', 'views', 'score', 'started_at', 'day', 'is_active'];

/** Rows as the loader hands them over: timestamps as UTC wall-clock text, dates as `YYYY-MM-DD`. */
const PROBE_ROWS: unknown[][] = [
  ['alpha', 1, 5, 9007199254740991, 1.25, '2026-10-15 10:00:00.123', '2026-10-15', true],
  ['comma, "quote"\nnewline', -2_147_483_648, -32_768, -1, -0.5, '2026-10-15 23:59:59.999', '2026-02-28', false],
  ['', 0, 0, 0, 0, '2026-01-01 00:00:00', '2026-01-01', false],
  [null, null, null, null, null, null, null, null],
];

/** What reading them back gives, on every engine. */
const PROBE_READ = [
  { label: 'alpha', plays: 1, rating: 5, views: 9007199254740991, score: 1.25, started_at: '2026-10-15T10:00:00.123Z', day: '2026-10-15', is_active: true },
  {
    label: 'comma, "quote"\nnewline',
    plays: -2_147_483_648,
    rating: -32_768,
    views: -1,
    score: -0.5,
    started_at: '2026-10-15T23:59:59.999Z',
    day: '2026-02-28',
    is_active: false,
  },
  { label: '', plays: 0, rating: 0, views: 0, score: 0, started_at: '2026-01-01T00:00:00.000Z', day: '2026-01-01', is_active: false },
  { label: null, plays: null, rating: null, views: null, score: null, started_at: null, day: null, is_active: null },
];

function bulkInsert(runner: SqlRunner, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  if (!runner.bulkInsert) throw new Error(`${runner.engine} has no bulkInsert`);
  return runner.bulkInsert(table, columns, rows);
}

/** bulkInsert is DuckDB's appender there and COPY on PostgreSQL: the same rows must land the same. */
describeEachEngine('bulkInsert', (harness) => {
  let warehouse: Warehouse;

  beforeEach(async () => {
    warehouse = await harness.empty();
    await warehouse.exec(`
      CREATE TABLE append_probe (
        label VARCHAR(64),
        plays INTEGER,
        rating SMALLINT,
        views BIGINT,
        score DOUBLE PRECISION,
        started_at TIMESTAMP,
        day DATE,
        is_active BOOLEAN
      )
    `);
  });

  afterEach(async () => {
    await warehouse.close();
  });

  const readProbe = (runner: SqlRunner = warehouse) => runner.query(`SELECT ${PROBE_COLUMNS.join(', ')} FROM append_probe ORDER BY plays DESC NULLS LAST`);

  it('lands every column type and null exactly', async () => {
    await bulkInsert(warehouse, 'append_probe', PROBE_COLUMNS, PROBE_ROWS);
    expect(await readProbe()).toEqual([PROBE_READ[0], PROBE_READ[2], PROBE_READ[1], PROBE_READ[3]]);
  });

  it('writes inside the transaction: seen there, gone after a rollback, kept after a commit', async () => {
    const failed = warehouse.transaction(async (tx) => {
      await bulkInsert(tx, 'append_probe', PROBE_COLUMNS, PROBE_ROWS);
      expect(await readProbe(tx)).toHaveLength(4);
      throw new Error('the load failed');
    });
    await expect(failed).rejects.toThrow('the load failed');
    expect(await readProbe()).toEqual([]);

    await warehouse.transaction((tx) => bulkInsert(tx, 'append_probe', PROBE_COLUMNS, PROBE_ROWS.slice(0, 1)));
    expect(await readProbe()).toEqual([PROBE_READ[0]]);
  });

  it('fills a column left out of the list with its default (a sequence key), load after load', async () => {
    await warehouse.exec(
      `CREATE SEQUENCE keyed_probe_seq;
       CREATE TABLE keyed_probe (probe_id BIGINT DEFAULT nextval('keyed_probe_seq'), label VARCHAR(16), day DATE)`,
      { translated: true },
    );
    await bulkInsert(warehouse, 'keyed_probe', ['label', 'day'], [
      ['first', '2026-10-15'],
      ['second', null],
    ]);
    await warehouse.transaction((tx) => bulkInsert(tx, 'keyed_probe', ['label', 'day'], [['third', '2026-10-16']]));
    expect(await warehouse.query('SELECT probe_id, label, day FROM keyed_probe ORDER BY probe_id')).toEqual([
      { probe_id: 1, label: 'first', day: '2026-10-15' },
      { probe_id: 2, label: 'second', day: null },
      { probe_id: 3, label: 'third', day: '2026-10-16' },
    ]);
  });

  it('keeps text exactly: spaces, the word NULL, backslashes, quotes, separators, line breaks, and an empty string apart from null', async () => {
    const texts = ['  padded  ', 'NULL', '\\N', 'back\\slash', '"quoted"', 'a,b;c\td', 'line\r\nbreak', '\\.', 'ünïcødé ✓', '', null];
    await warehouse.exec('CREATE TABLE text_probe (position INTEGER, body VARCHAR(64))');
    await bulkInsert(warehouse, 'text_probe', ['position', 'body'], texts.map((body, position) => [position, body]));
    const rows = await warehouse.query<{ body: string | null }>('SELECT body FROM text_probe ORDER BY position');
    expect(rows.map((row) => row.body)).toEqual(texts);
  });

  it('inserts nothing for no rows', async () => {
    await bulkInsert(warehouse, 'append_probe', PROBE_COLUMNS, []);
    expect(await readProbe()).toEqual([]);
  });
});
