/**
 * Tokenizer for the Redshift DDL parser. It reads the masked text (see maskSql) to find where strings,
 * quoted identifiers and comments end, so quoting rules live in one place, and takes token values from
 * the original text. TokenCursor holds the generic look-ahead/expect helpers the grammar is written with.
 */
import { maskSql } from '@/db/sql-text';

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'punct' | 'op';

export interface Token {
  kind: TokenKind;
  /** Upper-cased for words, unescaped contents for strings and quoted identifiers, raw text otherwise. */
  value: string;
  /** Absolute offsets into the whole script. */
  start: number;
  end: number;
}

export class DdlParseError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`Redshift DDL parse error at line ${line}, column ${column}: expected ${expected} but found ${found}`);
    this.name = 'DdlParseError';
  }
}

/** 1-based line and column of an offset, for error messages that point into the DDL file. */
export function lineColumn(sql: string, offset: number): { line: number; column: number } {
  const before = sql.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
const OP_CHAR = /[+\-*/<>=~!@#%^&|`?:]/;
const PUNCT = new Set(['(', ')', ',', '.', '[', ']', ';']);

/** Tokenize `sql.slice(start, end)`, reporting offsets relative to the whole of `sql`. */
export function tokenize(sql: string, start = 0, end = sql.length): Token[] {
  const masked = maskSql(sql.slice(start, end));
  const original = sql.slice(start, end);
  const tokens: Token[] = [];
  const push = (kind: TokenKind, from: number, to: number, value: string) =>
    tokens.push({ kind, value, start: start + from, end: start + to });

  let i = 0;
  while (i < masked.length) {
    const ch = masked.charAt(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'" || ch === '"') {
      const close = masked.indexOf(ch, i + 1);
      const to = close === -1 ? masked.length : close + 1;
      const inner = original.slice(i + 1, close === -1 ? masked.length : close);
      push(ch === "'" ? 'string' : 'quoted', i, to, inner.replaceAll(ch + ch, ch));
      i = to;
    } else if (ch === '$' && /^\$(?:[A-Za-z_]\w*)?\$/.test(masked.slice(i))) {
      const tag = /^\$(?:[A-Za-z_]\w*)?\$/.exec(masked.slice(i))?.[0] ?? '$$';
      const close = masked.indexOf(tag, i + tag.length);
      const to = close === -1 ? masked.length : close + tag.length;
      push('string', i, to, original.slice(i + tag.length, close === -1 ? masked.length : close));
      i = to;
    } else if (WORD_START.test(ch)) {
      let j = i + 1;
      while (j < masked.length && WORD_CHAR.test(masked.charAt(j))) j++;
      push('word', i, j, masked.slice(i, j).toUpperCase());
      i = j;
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(masked.charAt(i + 1)))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(masked.slice(i));
      const len = m?.[0].length ?? 1;
      push('number', i, i + len, masked.slice(i, i + len));
      i += len;
    } else if (PUNCT.has(ch)) {
      push('punct', i, i + 1, ch);
      i++;
    } else if (ch === '$') {
      // A bind parameter such as $1; never valid in DDL, but the parser should say so, not the tokenizer.
      let j = i + 1;
      while (j < masked.length && /[0-9]/.test(masked.charAt(j))) j++;
      push('op', i, j, masked.slice(i, j));
      i = j;
    } else if (OP_CHAR.test(ch)) {
      let j = i + 1;
      while (j < masked.length && OP_CHAR.test(masked.charAt(j))) j++;
      push('op', i, j, masked.slice(i, j));
      i = j;
    } else {
      const { line, column } = lineColumn(sql, start + i);
      throw new DdlParseError(line, column, 'a SQL token', JSON.stringify(ch));
    }
  }
  return tokens;
}

/** Position-tracking helpers over one statement's tokens; the grammar lives in the parser that extends it. */
export class TokenCursor {
  protected pos = 0;

  constructor(
    protected readonly sql: string,
    protected readonly tokens: Token[],
    protected readonly statementEnd: number,
  ) {}

  protected peek(ahead = 0): Token | undefined {
    return this.tokens[this.pos + ahead];
  }

  protected isWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t?.kind === 'word' && t.value === word;
  }

  protected isPunct(p: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t?.kind === 'punct' && t.value === p;
  }

  fail(expected: string): never {
    const t = this.peek();
    const { line, column } = lineColumn(this.sql, t?.start ?? this.statementEnd);
    throw new DdlParseError(line, column, expected, t ? JSON.stringify(this.sql.slice(t.start, t.end)) : 'end of statement');
  }

  protected take(): Token {
    const t = this.peek();
    if (!t) this.fail('more input');
    this.pos++;
    return t;
  }

  protected acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.pos++;
    return true;
  }

  protected expectWord(...words: string[]): string {
    const t = this.peek();
    if (t?.kind !== 'word' || !words.includes(t.value)) this.fail(words.join(' or '));
    this.pos++;
    return t.value;
  }

  protected expectPunct(p: string): void {
    if (!this.isPunct(p)) this.fail(`'${p}'`);
    this.pos++;
  }

  get done(): boolean {
    return this.pos >= this.tokens.length;
  }

  /** Redshift folds identifiers to lower case, quoted ones included unless case sensitivity is enabled. */
  identifier(what = 'an identifier'): string {
    const t = this.peek();
    if (t?.kind !== 'word' && t?.kind !== 'quoted') this.fail(what);
    this.pos++;
    return t.value.toLowerCase();
  }

  qualifiedName(maxParts: number, what: string): string[] {
    const parts = [this.identifier(what)];
    while (this.isPunct('.') && parts.length < maxParts) {
      this.pos++;
      parts.push(this.identifier(what));
    }
    return parts;
  }


  protected columnList(): string[] {
    this.expectPunct('(');
    const cols = [this.identifier('a column name')];
    while (this.isPunct(',')) {
      this.pos++;
      cols.push(this.identifier('a column name'));
    }
    this.expectPunct(')');
    return cols;
  }

  protected integer(): number {
    const negative = this.peek()?.kind === 'op' && this.peek()?.value === '-';
    if (negative) this.pos++;
    const t = this.peek();
    if (t?.kind !== 'number' || !/^\d+$/.test(t.value)) this.fail('an integer');
    this.pos++;
    return negative ? -Number(t.value) : Number(t.value);
  }
}
