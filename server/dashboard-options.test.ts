import { expect, it } from 'vitest';

import { loadDataset } from '@/pipeline/load/load-dataset';
import { writeDataset } from '@/test/support/dataset';
import { content, events, NOW, users } from '@/test/support/metric-cases';
import { describeEachEngine } from '@/test/support/test-warehouse';

import { getDashboardOptions } from './dashboard-options';

describeEachEngine('dashboard options', (harness) => {
  it('offers the values present in the warehouse, Unknown included, and the data range', async () => {
    const warehouse = await harness.migrated();
    try {
      const empty = await getDashboardOptions(warehouse, NOW);
      expect(empty.dataThrough).toBeNull();
      expect(empty.defaultPeriod).toEqual({ from: '2026-10-01', to: '2026-10-31' });
      // Only the unknown members before any load.
      expect(empty.filters.genre).toEqual(['Unknown']);

      await loadDataset(warehouse, writeDataset({ users, content, events }), { now: NOW });
      const options = await getDashboardOptions(warehouse, NOW);
      expect(options.filters).toEqual({
        device_type: ['Unknown', 'mobile', 'tv', 'web'],
        genre: ['Comedy', 'Drama', 'Sci-Fi', 'Unknown'],
        content_type: ['Unknown', 'episode', 'movie'],
        subscription_plan: ['Unknown', 'basic', 'premium', 'standard'],
        country: ['GB', 'JP', 'US', 'Unknown'],
      });
      // s10 starts 2026-10-01 01:00 in Tokyo; s11 on 09-30 in London; s9 on 11-02 in New York.
      expect(options.dataFrom).toBe('2026-09-30');
      expect(options.dataThrough).toBe('2026-11-02');
      expect(options.defaultPeriod).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    } finally {
      await warehouse.close();
    }
  });
});
