/**
 * `npx tsx scripts/generate.ts --out DIR [--users N] [--days D] [--end YYYY-MM-DD] [--seed S]`:
 * writes a realistic, deterministic StreamFlix dataset. Progress goes to stderr (one line per
 * day file), the summary to stdout. Exit codes: 0 done, 1 failed, 2 bad usage.
 */
import { parseCliArgs, USAGE } from '../pipeline/generate/cli-args';
import { generateDataset, todayUtc, type GenerateSummary } from '../pipeline/generate/index';

const count = (n: number) => n.toLocaleString('en-US');

function report(summary: GenerateSummary, seconds: number): string {
  const eventFiles = summary.files.length - 2;
  const mb = process.resourceUsage().maxRSS / 1024;
  return [
    `dataset written to ${summary.outDir} (seed ${summary.seed}, sessions on local dates ${summary.firstDay} .. ${summary.lastDay})`,
    `  files              ${count(summary.files.length)} (users.jsonl, content.jsonl, ${eventFiles} events-*.jsonl)`,
    `  users              ${count(summary.users)} (${count(summary.devices)} devices)`,
    `  content items      ${count(summary.contentItems)} (${count(summary.movies)} movies, ${count(summary.episodes)} episodes of ${count(summary.series)} series)`,
    `  sessions           ${count(summary.sessions)} (${count(summary.openSessions)} open: no stop)`,
    `  events             ${count(summary.events)} distinct (${count(summary.ratings)} ratings)`,
    `  event lines        ${count(summary.eventLines)} = events + duplicates + malformed`,
    `  duplicates         ${count(summary.duplicates)} injected`,
    `  malformed lines    ${count(summary.malformed)} injected`,
    `  time               ${seconds.toFixed(1)} s (${count(Math.round(summary.eventLines / seconds))} event lines/s), peak RSS ${count(Math.round(mb))} MB`,
  ].join('\n');
}

async function main(): Promise<number> {
  const command = parseCliArgs(process.argv.slice(2), todayUtc());
  if (command.kind === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command.kind === 'error') {
    console.error(`${command.message}\nRun with --help for usage.`);
    return 2;
  }
  const started = performance.now();
  const summary = await generateDataset({
    ...command.options,
    onDayWritten: (done) => process.stderr.write(`wrote ${done.file} (${count(done.lines)} lines)\n`),
  });
  console.log(report(summary, (performance.now() - started) / 1000));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
