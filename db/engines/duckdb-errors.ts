/** What the app's error mapping reads as "the statement timeout cut the query" (PostgreSQL's query_canceled). */
export function statementTimeoutError(timeoutMs: number, cause: unknown): Error {
  return Object.assign(new Error(`canceling statement due to statement timeout (${timeoutMs} ms)`, { cause }), { code: '57014' });
}

/** Thrown when another process holds the embedded database file; its message is meant for the user. */
export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
  readonly code = 'database_in_use';
}

/**
 * DuckDB lets one process open a file for writing. Its refusal names the process that holds the file; the
 * user gets that as a sentence with what to do, instead of an IO error.
 */
export function explainOpenError(path: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (!/Could not set lock on file|Conflicting lock/i.test(message)) return error instanceof Error ? error : new Error(message);
  const pid = /PID (\d+)/.exec(message)?.[1];
  const holder = pid ? `process ${pid}` : 'another process';
  return new DatabaseInUseError(
    `The embedded warehouse ${path} is open in ${holder} (the app, or another npm run command); DuckDB lets one process ` +
      `write a database file at a time. Stop that process and run this again. While the app runs, \`npm run data:load\` ` +
      `hands its load to the app instead.`,
    { cause: error },
  );
}
