/** `npm run data:load -- DIR [--json]`: loads a dataset directory into the configured warehouse. */
import { parseArgs } from 'node:util';

import { closeWarehouse, getWarehouse } from '../db';
import { DatabaseInUseError } from '../db/engines/duckdb-errors';
import { ConfigError, parseServerEnv } from '../db/env';
import { migrate } from '../db/migrate';
import { formatReport } from '../pipeline/load/format-report';
import { inboxDir, InboxNotWatchedError, requestLoad } from '../pipeline/load/inbox';
import { loadDataset, type LoadReport } from '../pipeline/load/load-dataset';

const usage = 'Usage: npm run data:load -- DIR [--json]\n  DIR     a directory with users.jsonl, content.jsonl and/or events*.jsonl\n  --json  end with the events account as one JSON line';

async function loadHere(dir: string): Promise<LoadReport> {
  const warehouse = await getWarehouse();
  await migrate(warehouse);
  return loadDataset(warehouse, dir, {
    onProgress: (p) => {
      const lines = p.linesRead.toLocaleString('en-US');
      // A terminal gets one line rewritten in place; a log file gets a line per step.
      if (p.phase === 'reading') process.stderr.write(process.stderr.isTTY ? `\r  reading ${p.file}: ${lines} lines   ` : `  reading ${p.file}: ${lines} lines\n`);
      if (p.phase === 'transforming') process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}  sessionizing ${lines} lines in the warehouse…\n`);
    },
  });
}

/** The running app owns the embedded file: it runs the load in its process (pipeline/load/inbox.ts). */
async function loadThroughApp(dir: string, refusal: DatabaseInUseError): Promise<LoadReport> {
  const inbox = inboxDir(parseServerEnv().DUCKDB_PATH);
  process.stderr.write(`  the embedded warehouse is open in another process; handing the load to it through ${inbox}…\n`);
  try {
    return await requestLoad(inbox, dir);
  } catch (error) {
    // Not the app (another command holds the file): the refusal says what to do.
    if (error instanceof InboxNotWatchedError) throw refusal;
    throw error;
  }
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (args.values.help || args.positionals.length !== 1) {
    console.error(usage);
    process.exitCode = args.values.help ? 0 : 2;
    return;
  }
  const [dir] = args.positionals as [string];
  const started = Date.now();
  let report: LoadReport;
  try {
    report = await loadHere(dir);
  } catch (error) {
    if (!(error instanceof DatabaseInUseError)) throw error;
    report = await loadThroughApp(dir, error);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(formatReport(report));
  const { readMs, transformMs } = report.timings;
  console.log(`Read and staged in ${(readMs / 1000).toFixed(1)} s, transformed in ${(transformMs / 1000).toFixed(1)} s.`);
  console.log(`Done in ${seconds.toFixed(1)} s (${Math.round(report.events.lines_read / Math.max(seconds, 0.001)).toLocaleString('en-US')} event lines/s).`);
  console.log(`Peak memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB.`);
  if (args.values.json) console.log(JSON.stringify(report.events));
}

main()
  .catch((error: unknown) => {
    const known = error instanceof ConfigError || error instanceof DatabaseInUseError;
    console.error(known ? (error as Error).message : `Load failed, nothing was changed: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(() => closeWarehouse());
