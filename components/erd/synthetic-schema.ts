import type { ColumnModel, TableModel } from '@/db/schema/model-types';

function column(name: string): ColumnModel {
  return { name, redshiftType: 'INTEGER', postgresType: 'integer', nullable: false, primaryKey: false, identity: false, isDistKey: false, description: name, encode: 'AZ64' };
}

/**
 * A made-up galaxy of `facts` facts and `dimensions` dimensions (60 tables by default) for layout tests and
 * the benchmark: each fact references five dimensions, spread so that many are shared and a few are
 * referenced by no fact yet; the dimensions vary in height as real ones do.
 */
export function syntheticSchema(facts = 10, dimensions = 50): TableModel[] {
  const dims: TableModel[] = Array.from({ length: dimensions }, (_, i) => ({
    name: `dim_${i}`,
    kind: 'dimension',
    description: '',
    grain: '',
    distribution: { style: 'ALL', why: '' },
    columns: [{ ...column(`dim_${i}_key`), primaryKey: true }, ...Array.from({ length: (i % 7) + 1 }, (_, c) => column(`attr_${c}`))],
    primaryKey: [`dim_${i}_key`],
    foreignKeys: [],
  }));
  const factTables: TableModel[] = Array.from({ length: facts }, (_, f) => {
    const refs = [...new Set(Array.from({ length: 5 }, (_, r) => (f * 5 + r * 7) % dimensions))];
    return {
      name: `fact_${f}`,
      kind: 'fact',
      description: '',
      grain: '',
      distribution: { style: 'EVEN', why: '' },
      columns: [column(`fact_${f}_id`), ...refs.map((r) => column(`dim_${r}_key`)), column('measure')],
      primaryKey: [],
      foreignKeys: refs.map((r) => ({ columns: [`dim_${r}_key`], references: { table: `dim_${r}`, columns: [`dim_${r}_key`] }, cardinality: 'many-to-one' as const })),
    };
  });
  return [...dims, ...factTables];
}
