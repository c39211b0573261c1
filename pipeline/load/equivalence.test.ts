import { expect, it } from 'vitest';

import type { Warehouse } from '@/db/warehouse';
import { writeDataset, type DatasetParts, type Line } from '@/test/support/dataset';
import { content, eventFiles, lateDimensions, users } from '@/test/support/session-cases';
import { warehouseSnapshot } from '@/test/support/snapshot';
import { describeEachEngine, type EngineHarness } from '@/test/support/test-warehouse';

import { loadDataset } from './load-dataset';

const NOW = new Date('2026-11-01T00:00:00Z');
const allUsers = [...users, ...lateDimensions.users];
const allContent = [...content, ...lateDimensions.content];
const whole: DatasetParts = { users: allUsers, content: allContent, events: eventFiles };
const eventLines: Line[] = Object.values(eventFiles).flat();

async function loadAll(harness: EngineHarness, parts: DatasetParts[]): Promise<Awaited<ReturnType<typeof warehouseSnapshot>>> {
  const warehouse: Warehouse = await harness.migrated();
  try {
    for (const part of parts) await loadDataset(warehouse, writeDataset(part), { now: NOW });
    return await warehouseSnapshot(warehouse);
  } finally {
    await warehouse.close();
  }
}

/** Splits the stream at `at` lines: dimensions go with one half or the other. */
function split(at: number, dimensionsFirst: boolean): [DatasetParts, DatasetParts] {
  const first: DatasetParts = { events: { 'events-1.jsonl': eventLines.slice(0, at) } };
  const second: DatasetParts = { events: { 'events-2.jsonl': eventLines.slice(at) } };
  Object.assign(dimensionsFirst ? first : second, { users: allUsers, content: allContent });
  return [first, second];
}

describeEachEngine('incremental loads', (harness) => {
  let reference: Awaited<ReturnType<typeof warehouseSnapshot>>;

  it('loads the whole dataset at once', async () => {
    reference = await loadAll(harness, [whole]);
    expect(reference.sessions).toHaveLength(16);
    expect(reference.users.every((u) => u.is_inferred === false)).toBe(true);
  });

  it.each([
    [7, true],
    [7, false],
    [23, true],
    [40, false],
  ])('gives the same warehouse split after %i lines (dimensions in the first part: %s), in either order', async (at, dimensionsFirst) => {
    const [a, b] = split(at, dimensionsFirst);
    expect(await loadAll(harness, [a, b])).toEqual(reference);
    expect(await loadAll(harness, [b, a])).toEqual(reference);
  });

  it('changes nothing when the same directory is loaded twice', async () => {
    expect(await loadAll(harness, [whole, whole])).toEqual(reference);
  });

  it('gives the same warehouse when events come first and their users and catalog later', async () => {
    expect(await loadAll(harness, [{ events: eventFiles }, { users: allUsers, content: allContent }])).toEqual(reference);
  });
});
