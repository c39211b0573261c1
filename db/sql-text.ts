/**
 * Lexical helpers shared by the SQL lint and the DDL parser. Everything here works on raw text so it
 * behaves the same for PostgreSQL, PGlite and Redshift scripts, and never needs a database.
 */

const IDENT_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
const TAG_START = /[A-Za-z_\u0080-\uffff]/;
const TAG_CHAR = /[A-Za-z0-9_\u0080-\uffff]/;

/** Blank a character while keeping line breaks, so offsets, line numbers and columns survive masking. */
function blank(ch: string): string {
  return ch === '\n' || ch === '\r' ? ch : ' ';
}

/** `$tag$` opening a dollar-quoted string at `i`, or undefined when the `$` is something else (`$1`, `a$b`). */
function dollarTagAt(sql: string, i: number): string | undefined {
  const prev = i > 0 ? sql.charAt(i - 1) : '';
  if (prev && IDENT_CHAR.test(prev)) return undefined;
  let j = i + 1;
  if (j < sql.length && TAG_START.test(sql.charAt(j))) {
    j++;
    while (j < sql.length && TAG_CHAR.test(sql.charAt(j))) j++;
  }
  return sql.charAt(j) === '$' ? sql.slice(i, j + 1) : undefined;
}

/**
 * Same-length copy of `sql` with the contents of string literals, dollar-quoted bodies, quoted
 * identifiers and comments replaced by spaces. Quote characters and dollar tags stay so the
 * statement's shape is still visible; comments vanish entirely. Unterminated constructs run to the end.
 */
export function maskSql(sql: string): string {
  let out = '';
  let i = 0;
  const n = sql.length;
  const blankRange = (from: number, to: number) => {
    for (let k = from; k < to; k++) out += blank(sql.charAt(k));
  };

  while (i < n) {
    const ch = sql.charAt(i);
    const next = sql.charAt(i + 1);

    if (ch === '-' && next === '-') {
      let j = i;
      while (j < n && sql.charAt(j) !== '\n') j++;
      blankRange(i, j);
      i = j;
    } else if (ch === '/' && next === '*') {
      // PostgreSQL nests block comments, so `/* a /* b */ c */` is one comment.
      let depth = 0;
      let j = i;
      while (j < n) {
        if (sql.startsWith('/*', j)) {
          depth++;
          j += 2;
        } else if (sql.startsWith('*/', j)) {
          depth--;
          j += 2;
          if (depth === 0) break;
        } else j++;
      }
      blankRange(i, Math.min(j, n));
      i = j;
    } else if (ch === "'") {
      const prev = sql.charAt(i - 1);
      const escapes = (prev === 'e' || prev === 'E') && !IDENT_CHAR.test(sql.charAt(i - 2) || ' ');
      out += ch;
      let j = i + 1;
      while (j < n) {
        const c = sql.charAt(j);
        if (escapes && c === '\\') {
          j += 2;
        } else if (c === "'" && sql.charAt(j + 1) === "'") {
          j += 2;
        } else if (c === "'") {
          break;
        } else j++;
      }
      const end = Math.min(j, n);
      blankRange(i + 1, end);
      if (end < n) out += "'";
      i = end + 1;
    } else if (ch === '"') {
      out += ch;
      let j = i + 1;
      while (j < n) {
        if (sql.charAt(j) === '"' && sql.charAt(j + 1) === '"') j += 2;
        else if (sql.charAt(j) === '"') break;
        else j++;
      }
      const end = Math.min(j, n);
      blankRange(i + 1, end);
      if (end < n) out += '"';
      i = end + 1;
    } else if (ch === '$' && dollarTagAt(sql, i) !== undefined) {
      const tag = dollarTagAt(sql, i) ?? '$$';
      out += tag;
      const close = sql.indexOf(tag, i + tag.length);
      const end = close === -1 ? n : close;
      blankRange(i + tag.length, end);
      if (close !== -1) out += tag;
      i = close === -1 ? n : close + tag.length;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

export interface StatementRange {
  /** The statement's original text, trimmed, without its terminating semicolon. */
  text: string;
  /** Offset of `text` in the input, so callers can report positions against the whole script. */
  start: number;
}

/** Like {@link splitStatements} but also reports where each statement starts in the input. */
export function splitStatementRanges(sql: string): StatementRange[] {
  const masked = maskSql(sql);
  const ranges: StatementRange[] = [];
  let from = 0;
  const push = (to: number) => {
    // Masking blanks comments, so a piece that is only whitespace after masking held nothing executable.
    if (masked.slice(from, to).trim() === '') return;
    const raw = sql.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    ranges.push({ text: raw.trim(), start: from + lead });
  };
  for (let i = 0; i < masked.length; i++) {
    if (masked.charAt(i) === ';') {
      push(i);
      from = i + 1;
    }
  }
  push(masked.length);
  return ranges;
}

/**
 * Split a script on top-level semicolons. Statements keep their original text (comments included),
 * trimmed and without the semicolon; empty and comment-only pieces are dropped.
 */
export function splitStatements(sql: string): string[] {
  return splitStatementRanges(sql).map((r) => r.text);
}
