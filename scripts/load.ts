/** `npm run data:load -- DIR [--json]`: loads a dataset directory into the configured warehouse. */
import { parseArgs } from 'node:util';

import { closeWarehouse, getWarehouse } from '../db';
import { ConfigError } from '../db/env';
import { migrate } from '../db/migrate';
import { formatReport } from '../pipeline/load/format-report';
import { loadDataset } from '../pipeline/load/load-dataset';

const usage = 'Usage: npm run data:load -- DIR [--json]\n  DIR     a directory with users.jsonl, content.jsonl and/or events*.jsonl\n  --json  end with the events account as one JSON line';

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
  const warehouse = await getWarehouse();
  await migrate(warehouse);
  const started = Date.now();
  const report = await loadDataset(warehouse, dir, {
    onProgress: (p) => {
      const lines = p.linesRead.toLocaleString('en-US');
      // A terminal gets one line rewritten in place; a log file gets a line per step.
      if (p.phase === 'reading') process.stderr.write(process.stderr.isTTY ? `\r  reading ${p.file}: ${lines} lines   ` : `  reading ${p.file}: ${lines} lines\n`);
      if (p.phase === 'transforming') process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}  sessionizing ${lines} lines in the warehouse…\n`);
    },
  });
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
    console.error(error instanceof ConfigError ? error.message : `Load failed, nothing was changed: ${(error as Error).message}`);
    process.exitCode = 1;
  })
  .finally(() => closeWarehouse());
