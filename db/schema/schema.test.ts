import { describe, expect, it } from 'vitest';

import { getTableModel, rollupDeclarations, warehouseModel } from '.';
import { isEncodingValid } from './redshift-types';

const byName = new Map(warehouseModel.map((t) => [t.name, t]));
const facts = warehouseModel.filter((t) => t.kind === 'fact');

describe('warehouse model (the source of truth)', () => {
  it('holds the galaxy: two facts sharing the five dimensions', () => {
    expect(facts.map((t) => t.name).sort()).toEqual(['fact_content_rating', 'fact_viewing_session']);
    for (const fact of facts) {
      expect(fact.foreignKeys.map((fk) => fk.references.table).sort()).toEqual(
        ['dim_content', 'dim_date', 'dim_device', 'dim_time_of_day', 'dim_user'].sort(),
      );
    }
  });

  it('documents every table and column, and every fact its grain and type with a reason', () => {
    for (const t of warehouseModel) {
      expect(t.description.length, t.name).toBeGreaterThan(20);
      expect(t.grain.length, t.name).toBeGreaterThan(5);
      expect(t.distribution.why.length, t.name).toBeGreaterThan(5);
      for (const c of t.columns) expect(c.description.trim(), `${t.name}.${c.name}`).not.toBe('');
    }
    expect(getTableModel('fact_viewing_session').factType?.type).toBe('accumulating snapshot');
    expect(getTableModel('fact_content_rating').factType?.type).toBe('transactional');
    for (const f of facts) expect(f.factType?.why.length).toBeGreaterThan(20);
  });

  it('declares a valid ENCODE for every column and leaves each leading sort key column RAW', () => {
    for (const t of warehouseModel) {
      for (const c of t.columns) expect(isEncodingValid(c.encode, c.redshiftType), `${t.name}.${c.name} ${c.encode} ${c.redshiftType}`).toBe(true);
      if (t.sortKey) {
        const leading = t.columns.find((c) => c.name === t.sortKey?.columns[0]);
        expect(leading?.encode, t.name).toBe('RAW');
      }
    }
  });

  it('gives every fact a sort key led by its date and the same distribution key as dim_user', () => {
    for (const f of facts) {
      expect(f.sortKey?.columns[0]).toMatch(/_date_key$/);
      expect(f.distribution).toMatchObject({ style: 'KEY', key: 'user_key' });
    }
    expect(getTableModel('dim_user').distribution).toMatchObject({ style: 'KEY', key: 'user_key' });
  });

  it('resolves every foreign key to the primary key of a table created before it', () => {
    const order = warehouseModel.map((t) => t.name);
    for (const t of warehouseModel) {
      for (const fk of t.foreignKeys) {
        const target = byName.get(fk.references.table);
        expect(target, `${t.name} → ${fk.references.table}`).toBeDefined();
        expect(target?.primaryKey).toEqual(fk.references.columns);
        expect(order.indexOf(fk.references.table)).toBeLessThan(order.indexOf(t.name));
        const own = t.columns.find((c) => c.name === fk.columns[0]);
        const referenced = target?.columns.find((c) => c.name === fk.references.columns[0]);
        expect(own?.redshiftType).toBe(referenced?.redshiftType);
      }
    }
  });

  it('keeps natural keys beside surrogate keys on the dimensions loaded from sources', () => {
    expect(getTableModel('dim_user').naturalKey?.columns).toEqual(['user_id']);
    expect(getTableModel('dim_content').naturalKey?.columns).toEqual(['content_id']);
    expect(getTableModel('dim_device').naturalKey?.columns).toEqual(['device_id', 'device_type', 'os', 'app_version']);
    for (const name of ['dim_user', 'dim_content', 'dim_device']) {
      expect(getTableModel(name).columns.find((c) => c.primaryKey)?.identity, name).toBe(true);
    }
  });

  it('uses only Redshift types (no TEXT, JSONB, SERIAL, UUID or arrays)', () => {
    for (const t of warehouseModel) {
      for (const c of t.columns) {
        expect(c.redshiftType, `${t.name}.${c.name}`).toMatch(
          /^(SMALLINT|INTEGER|BIGINT|BOOLEAN|DATE|TIMESTAMP|REAL|DOUBLE PRECISION|VARCHAR\(\d+\)|CHAR\(\d+\)|DECIMAL\(\d+,\d+\))$/,
        );
      }
    }
  });

  it('declares each rollup as a table: its grain the primary key, typed as the attributes it copies, EVEN, sorted by date first', () => {
    const source: Record<string, [string, string]> = {
      start_date_key: ['fact_viewing_session', 'start_date_key'],
      hour_of_day: ['dim_time_of_day', 'hour_of_day'],
      content_key: ['fact_viewing_session', 'content_key'],
      genre: ['dim_content', 'genre'],
      content_type: ['dim_content', 'content_type'],
      device_type: ['dim_device', 'device_type'],
      subscription_plan: ['dim_user', 'subscription_plan'],
      country: ['dim_user', 'country'],
    };
    for (const r of rollupDeclarations) {
      const t = getTableModel(r.name);
      expect(t.primaryKey, r.name).toEqual([...r.grain]);
      expect(t.columns.map((c) => c.name), r.name).toEqual([...r.grain, ...r.measures]);
      expect(t.columns.every((c) => !c.nullable), r.name).toBe(true);
      expect(t.distribution.style, r.name).toBe('EVEN');
      expect(t.sortKey?.columns[0], r.name).toBe('start_date_key');
      expect(t.aggregateOf).toBe('fact_viewing_session');
      expect(t.createdBy).toBe(r.name === 'agg_completion_audience' ? 7 : 5);
      for (const g of r.grain) {
        const [table = '', column = ''] = source[g] ?? [];
        const copied = getTableModel(table).columns.find((c) => c.name === column);
        expect(t.columns.find((c) => c.name === g)?.redshiftType, `${r.name}.${g}`).toBe(copied?.redshiftType);
      }
      expect(t.foreignKeys.map((fk) => fk.references.table).sort(), r.name).toEqual(
        (r.grain as readonly string[]).includes('content_key') ? ['dim_content', 'dim_date'] : ['dim_date'],
      );
    }
  });
});
