const NEEDS_QUOTES = /[",\r\n\\]/;

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  // Quoted only when it must be: an empty string (unquoted it would read as NULL), a separator, a quote,
  // a line break, or a backslash (a bare `\.` line ends COPY data).
  // The bare form is the common case and saves the loader a copy of every string.
  if (text !== '' && !NEEDS_QUOTES.test(text)) return text;
  return `"${text.replaceAll('"', '""')}"`;
}

/** PostgreSQL CSV: NULL is an empty unquoted field, '' a quoted empty string. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  let csv = '';
  for (const row of rows) {
    let line = csvField(row[0]);
    for (let i = 1; i < row.length; i++) line += `,${csvField(row[i])}`;
    csv += `${line}\n`;
  }
  return csv;
}
