import type { LoadReport } from './load-dataset';

const n = (value: number) => value.toLocaleString('en-US');

/** The account a person reads at the end of a load, per file and in total. */
export function formatReport(report: LoadReport): string {
  const lines = [`Load ${report.loadId} of ${report.source}`];
  const width = Math.max(...report.files.map((f) => f.file.length), 5);
  lines.push(`  ${'file'.padEnd(width)}  ${'read'.padStart(11)}  ${'kept'.padStart(11)}  ${'duplicates'.padStart(11)}  ${'rejected'.padStart(9)}`);
  for (const f of report.files) {
    lines.push(`  ${f.file.padEnd(width)}  ${n(f.lines_read).padStart(11)}  ${n(f.kept).padStart(11)}  ${n(f.duplicates).padStart(11)}  ${n(f.rejected).padStart(9)}`);
  }
  const e = report.events;
  lines.push(
    `Events: ${n(e.lines_read)} lines read = ${n(e.events_kept)} kept + ${n(e.duplicates)} duplicates + ${n(e.rejected)} rejected`,
    `Users: ${n(report.users.applied)} applied, ${n(report.users.rejected)} rejected; content: ${n(report.content.applied)} applied, ${n(report.content.rejected)} rejected`,
    `Sessions rebuilt: ${n(report.sessionsRebuilt)}`,
  );
  if (e.rejected + report.users.rejected + report.content.rejected > 0) {
    lines.push(`Rejected lines are in etl_reject (load_id = ${report.loadId}) with their reason.`);
  }
  if (report.ignoredFiles.length > 0) lines.push(`Ignored (not a dataset file): ${report.ignoredFiles.join(', ')}`);
  return lines.join('\n');
}
