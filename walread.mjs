import { DuckDBInstance } from '@duckdb/node-api';
const db = await DuckDBInstance.create(process.argv[2]);
const c = await db.connect();
console.log((await c.runAndReadAll('select count(*) from dim_date')).getRows());
