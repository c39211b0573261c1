/**
 * Layout time of the ERD: the real schema (the galaxy the diagram opens on, and every table) and a
 * synthetic 60-table galaxy, each laid out once to warm ELK up and then timed over several runs.
 * The canvas itself renders in the browser; the layout is the part that grows with the schema.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

import { layoutTables } from '../../components/erd/layout';
import { syntheticSchema } from '../../components/erd/synthetic-schema';
import { selectTables, toFlow } from '../../components/erd/to-flow';
import { warehouseModel } from '../../db/schema';
import type { TableModel } from '../../db/schema/model-types';

export interface ErdLayoutTiming {
  schema: string;
  tables: number;
  edges: number;
  runs: number;
  medianMs: number;
  maxMs: number;
}

const RUNS = 7;

async function time(schema: string, tables: readonly TableModel[]): Promise<ErdLayoutTiming> {
  await layoutTables(tables);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await layoutTables(tables);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    schema,
    tables: tables.length,
    edges: toFlow(tables).edges.length,
    runs: RUNS,
    medianMs: round(samples[Math.floor(RUNS / 2)] ?? 0),
    maxMs: round(samples[RUNS - 1] ?? 0),
  };
}

/** Times the layouts, prints one line each and returns the figures. */
export async function measureErdLayout(): Promise<ErdLayoutTiming[]> {
  const timings = [
    await time('warehouse galaxy', selectTables(warehouseModel, false)),
    await time('warehouse, every table', warehouseModel),
    await time('synthetic galaxy', syntheticSchema()),
  ];
  for (const t of timings) {
    console.log(`ERD layout, ${t.schema} (${t.tables} tables, ${t.edges} edges): median ${t.medianMs} ms, max ${t.maxMs} ms over ${t.runs} runs`);
  }
  return timings;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await measureErdLayout();
