import { bindNamed, readSqlFolder } from '@/db/sql-files';
import type { SqlRunner } from '@/db/warehouse';

export interface TransformParams {
  load_id: number;
  loaded_at: string;
}

let cached: { file: string; statements: string[] }[] | undefined;

/** sql/transforms/, the ELT every load runs: the same statements on Redshift, PostgreSQL and PGlite. */
export function transformFiles(): { file: string; statements: string[] }[] {
  cached ??= readSqlFolder('transforms');
  return cached;
}

/** Runs the transform files whose names satisfy `select`, in order. */
export async function runTransforms(
  runner: SqlRunner,
  params: TransformParams,
  select: (file: string) => boolean,
): Promise<void> {
  for (const { file, statements } of transformFiles()) {
    if (!select(file)) continue;
    for (const statement of statements) {
      const bound = bindNamed(statement, params as unknown as Record<string, unknown>);
      try {
        await runner.query(bound.text, bound.params);
      } catch (error) {
        throw new Error(`transform ${file} failed: ${(error as Error).message}`, { cause: error });
      }
    }
  }
}
