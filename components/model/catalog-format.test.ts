import { describe, expect, it } from 'vitest';

import type { ColumnModel, TableModel } from '@/db/schema/model-types';

import { describeDistribution, describeSortKey, orderTables, physicalRoles } from './catalog-format';

function table(name: string, kind: TableModel['kind']): TableModel {
  return {
    name,
    kind,
    description: '',
    grain: '',
    distribution: { style: 'AUTO', why: '' },
    columns: [],
    primaryKey: [],
    foreignKeys: [],
  };
}

const column: ColumnModel = {
  name: 'user_key',
  redshiftType: 'INTEGER',
  postgresType: 'integer',
  nullable: false,
  primaryKey: false,
  identity: false,
  isDistKey: false,
  description: '',
  encode: 'AZ64',
};

describe('orderTables', () => {
  it('puts facts first, then dimensions, staging and audit, keeping catalog order within a kind', () => {
    const ordered = orderTables([
      table('dim_date', 'dimension'),
      table('etl_load', 'audit'),
      table('fact_b', 'fact'),
      table('stg_event', 'staging'),
      table('dim_user', 'dimension'),
      table('fact_a', 'fact'),
    ]);
    expect(ordered.map((t) => t.name)).toEqual(['fact_b', 'fact_a', 'dim_date', 'dim_user', 'stg_event', 'etl_load']);
  });
});

describe('physical design labels', () => {
  it('spells distribution and sort keys as the DDL does', () => {
    expect(describeDistribution({ style: 'KEY', key: 'user_key', why: '' })).toBe('DISTSTYLE KEY (user_key)');
    expect(describeDistribution({ style: 'ALL', why: '' })).toBe('DISTSTYLE ALL');
    expect(describeSortKey({ type: 'COMPOUND', columns: ['date_key', 'content_key'], why: '' })).toBe(
      'COMPOUND SORTKEY (date_key, content_key)',
    );
  });

  it('lists a column’s DISTKEY and SORTKEY position', () => {
    expect(physicalRoles(column)).toEqual([]);
    expect(physicalRoles({ ...column, isDistKey: true, sortKeyPosition: 2 })).toEqual(['DISTKEY', 'SORTKEY 2']);
  });
});
