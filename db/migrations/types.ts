import type { Engine } from '../warehouse';

export interface PlannedStatement {
  text: string;
  params?: unknown[];
  translated?: boolean;
}

export interface Migration {
  version: number;
  name: string;
  /** The statements for the given engine; pure, so the checksum of what ran can be recomputed. */
  plan(engine: Engine): PlannedStatement[];
}
