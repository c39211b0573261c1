/**
 * Recursive-descent parser for the Redshift CREATE TABLE grammar (AWS "CREATE TABLE" reference) and
 * COMMENT ON. It is deliberately independent of the DDL generator so a test can prove that what the
 * generator writes is something Redshift would accept, not just what the generator meant to write.
 */
import { splitStatementRanges } from '@/db/sql-text';
import { TokenCursor, lineColumn, tokenize, type Token } from './redshift-ddl-tokens';
import type { DdlColumn, DdlComment, DdlDataType, DdlStatement, DdlTable, DdlTableConstraint, DdlTableRef, DistStyle } from './redshift-ddl-types';

export { DdlParseError } from './redshift-ddl-tokens';

const COLUMN_CONSTRAINT_WORDS = new Set([
  'DEFAULT', 'IDENTITY', 'GENERATED', 'ENCODE', 'DISTKEY', 'SORTKEY', 'NOT', 'NULL', 'UNIQUE', 'PRIMARY',
  'REFERENCES', 'COLLATE',
]);

class Parser extends TokenCursor {
  tableRef(): DdlTableRef {
    const parts = this.qualifiedName(3, 'a table name');
    const table = parts.at(-1) ?? '';
    return parts.length > 1 ? { schema: parts.at(-2), table } : { table };
  }

  private dataType(): DdlDataType {
    const first = this.peek();
    if (first?.kind !== 'word') this.fail('a data type');
    this.pos++;
    let name = first.value;
    const follow = (...words: string[]) => {
      for (const w of words) this.expectWord(w);
      name += ' ' + words.join(' ');
    };
    if (name === 'DOUBLE') follow('PRECISION');
    else if ((name === 'CHARACTER' || name === 'CHAR' || name === 'BINARY') && this.isWord('VARYING')) follow('VARYING');
    else if (name === 'NATIONAL') {
      this.expectWord('CHARACTER', 'CHAR');
      name = this.acceptWord('VARYING') ? 'NATIONAL CHARACTER VARYING' : 'NATIONAL CHARACTER';
    }
    const params: (number | 'MAX')[] = [];
    if (this.isPunct('(')) {
      this.pos++;
      do {
        if (this.acceptWord('MAX')) params.push('MAX');
        else params.push(this.integer());
      } while (this.isPunct(',') && this.take());
      this.expectPunct(')');
    }
    if ((name === 'TIME' || name === 'TIMESTAMP') && (this.isWord('WITH') || this.isWord('WITHOUT'))) {
      name += ' ' + this.expectWord('WITH', 'WITHOUT');
      follow('TIME', 'ZONE');
    }
    let array = false;
    while (this.isPunct('[')) {
      this.pos++;
      if (this.peek()?.kind === 'number') this.pos++;
      this.expectPunct(']');
      array = true;
    }
    const last = this.tokens[this.pos - 1] ?? first;
    return { name, params, array, text: this.sql.slice(first.start, last.end) };
  }

  /** A DEFAULT expression: balanced tokens up to the next column constraint, ',' or ')'. */
  private defaultExpression(): string {
    const startToken = this.peek();
    if (!startToken) this.fail('a DEFAULT expression');
    let depth = 0;
    let first = true;
    while (!this.done) {
      const t = this.peek();
      if (!t) break;
      if (depth === 0 && !first) {
        if (t.kind === 'punct' && (t.value === ',' || t.value === ')')) break;
        if (t.kind === 'word' && COLUMN_CONSTRAINT_WORDS.has(t.value)) break;
      }
      if (depth === 0 && first && t.kind === 'punct' && (t.value === ',' || t.value === ')')) this.fail('a DEFAULT expression');
      if (t.kind === 'punct' && t.value === '(') depth++;
      if (t.kind === 'punct' && t.value === ')') depth--;
      this.pos++;
      first = false;
    }
    const last = this.tokens[this.pos - 1] ?? startToken;
    return this.sql.slice(startToken.start, last.end);
  }

  private identitySpec(): { seed: number; step: number } {
    this.expectPunct('(');
    const seed = this.integer();
    this.expectPunct(',');
    const step = this.integer();
    this.expectPunct(')');
    return { seed, step };
  }

  column(): DdlColumn {
    const line = lineColumn(this.sql, this.peek()?.start ?? 0).line;
    const col: DdlColumn = {
      name: this.identifier('a column name'),
      type: this.dataType(),
      distkey: false,
      sortkey: false,
      unique: false,
      primaryKey: false,
      line,
    };
    const seen = new Set<string>();
    for (;;) {
      const t = this.peek();
      if (t?.kind !== 'word' || !COLUMN_CONSTRAINT_WORDS.has(t.value)) break;
      // NULL and NOT NULL are one choice; GENERATED and IDENTITY are two spellings of one.
      const slot = t.value === 'NOT' ? 'NULL' : t.value === 'GENERATED' ? 'IDENTITY' : t.value;
      if (seen.has(slot)) this.fail(`no second ${slot === 'NULL' ? 'NULL/NOT NULL' : slot} on column ${col.name}`);
      seen.add(slot);
      this.pos++;
      switch (t.value) {
        case 'DEFAULT':
          col.default = this.defaultExpression();
          break;
        case 'IDENTITY':
          col.identity = this.identitySpec();
          break;
        case 'GENERATED':
          this.expectWord('BY');
          this.expectWord('DEFAULT');
          this.expectWord('AS');
          this.expectWord('IDENTITY');
          col.identity = this.identitySpec();
          break;
        case 'ENCODE':
          col.encode = this.identifier('an encoding').toUpperCase();
          break;
        case 'DISTKEY':
          col.distkey = true;
          break;
        case 'SORTKEY':
          col.sortkey = true;
          break;
        case 'NOT':
          this.expectWord('NULL');
          col.nullable = false;
          break;
        case 'NULL':
          col.nullable = true;
          break;
        case 'UNIQUE':
          col.unique = true;
          break;
        case 'PRIMARY':
          this.expectWord('KEY');
          col.primaryKey = true;
          break;
        case 'REFERENCES': {
          const table = this.tableRef();
          col.references = { table, columns: this.isPunct('(') ? this.columnList() : [] };
          break;
        }
        case 'COLLATE':
          col.collate = this.expectWord('CASE_SENSITIVE', 'CASE_INSENSITIVE');
          break;
      }
    }
    return col;
  }

  tableConstraint(): DdlTableConstraint {
    const name = this.acceptWord('CONSTRAINT') ? this.identifier('a constraint name') : undefined;
    const kind = this.expectWord('PRIMARY', 'UNIQUE', 'FOREIGN');
    if (kind === 'UNIQUE') return { kind: 'unique', name, columns: this.columnList() };
    this.expectWord('KEY');
    if (kind === 'PRIMARY') return { kind: 'primary-key', name, columns: this.columnList() };
    const columns = this.columnList();
    this.expectWord('REFERENCES');
    const table = this.tableRef();
    return { kind: 'foreign-key', name, columns, references: { table, columns: this.isPunct('(') ? this.columnList() : [] } };
  }

  tableAttributes(table: DdlTable): void {
    const seen = new Set<string>();
    const once = (slot: string) => {
      if (seen.has(slot)) this.fail(`no second ${slot} clause`);
      seen.add(slot);
    };
    while (!this.done) {
      if (this.isWord('BACKUP')) {
        once('BACKUP');
        this.pos++;
        table.backup = this.expectWord('YES', 'NO') === 'YES';
      } else if (this.isWord('DISTSTYLE')) {
        once('DISTSTYLE');
        this.pos++;
        table.diststyle = this.expectWord('AUTO', 'EVEN', 'KEY', 'ALL') as DistStyle;
      } else if (this.isWord('DISTKEY')) {
        once('DISTKEY');
        this.pos++;
        this.expectPunct('(');
        table.distkey = this.identifier('a column name');
        this.expectPunct(')');
      } else if (this.isWord('COMPOUND') || this.isWord('INTERLEAVED') || this.isWord('SORTKEY')) {
        once('SORTKEY');
        const style = this.isWord('SORTKEY') ? 'COMPOUND' : (this.take().value as 'COMPOUND' | 'INTERLEAVED');
        this.expectWord('SORTKEY');
        if (style === 'COMPOUND' && this.isWord('AUTO')) {
          this.pos++;
          table.sortkey = { style: 'AUTO', columns: [] };
        } else table.sortkey = { style, columns: this.columnList() };
      } else if (this.isWord('ENCODE')) {
        once('ENCODE');
        this.pos++;
        this.expectWord('AUTO');
        table.encodeAuto = true;
      } else this.fail('a table attribute (BACKUP, DISTSTYLE, DISTKEY, SORTKEY, ENCODE AUTO) or end of statement');
    }
  }

  createTable(line: number): DdlTable | undefined {
    this.expectWord('CREATE');
    this.acceptWord('LOCAL');
    const temporary = this.acceptWord('TEMP') || this.acceptWord('TEMPORARY');
    this.expectWord('TABLE');
    const ifNotExists = this.acceptWord('IF');
    if (ifNotExists) {
      this.expectWord('NOT');
      this.expectWord('EXISTS');
    }
    const ref = this.tableRef();
    // CREATE TABLE ... AS / LIKE copy another table's shape; there is no column list to check.
    if (!this.isPunct('(') || this.isWord('LIKE', 1)) return undefined;
    const table: DdlTable = {
      kind: 'table',
      ...(ref.schema === undefined ? {} : { schema: ref.schema }),
      name: ref.table,
      temporary,
      ifNotExists,
      columns: [],
      constraints: [],
      encodeAuto: false,
      line,
    };
    this.expectPunct('(');
    do {
      if (this.isWord('CONSTRAINT') || this.isWord('PRIMARY') || this.isWord('UNIQUE') || this.isWord('FOREIGN')) {
        table.constraints.push(this.tableConstraint());
      } else if (this.isWord('CHECK') || this.isWord('EXCLUDE')) {
        this.fail('a column definition or PRIMARY KEY/UNIQUE/FOREIGN KEY constraint (Redshift has no CHECK/EXCLUDE)');
      } else table.columns.push(this.column());
      if (!this.isPunct(',') && !this.isPunct(')')) this.fail("a column constraint, ',' or ')'");
    } while (this.isPunct(',') && this.take());
    this.expectPunct(')');
    this.tableAttributes(table);
    return table;
  }

  comment(line: number): DdlComment | undefined {
    this.expectWord('COMMENT');
    this.expectWord('ON');
    if (!this.isWord('TABLE') && !this.isWord('COLUMN')) return undefined;
    const target = this.take().value === 'TABLE' ? 'table' : 'column';
    const parts = this.qualifiedName(target === 'table' ? 2 : 3, `a ${target} name`);
    if (target === 'column' && parts.length < 2) this.fail("'.' and a column name");
    this.expectWord('IS');
    let text: string | null = null;
    if (!this.acceptWord('NULL')) {
      const t = this.peek();
      if (t?.kind !== 'string') this.fail('a string literal or NULL');
      this.pos++;
      text = t.value;
    }
    if (!this.done) this.fail('end of statement');
    const [a, b, c] = parts as [string, string?, string?];
    if (target === 'table') return { kind: 'comment', target, ...(b ? { schema: a, table: b } : { table: a }), text, line };
    return { kind: 'comment', target, ...(c ? { schema: a, table: b ?? '', column: c } : { table: a, column: b }), text, line };
  }
}

/** True when a top-level AS follows: CREATE TABLE ... AS query, which has no column definitions. */
function isCreateTableAs(tokens: Token[]): boolean {
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'punct' && t.value === '(') depth++;
    else if (t.kind === 'punct' && t.value === ')') depth--;
    else if (depth === 0 && t.kind === 'word' && t.value === 'AS') return true;
  }
  return false;
}

export function parseRedshiftDdl(sql: string): DdlStatement[] {
  return splitStatementRanges(sql).map(({ text, start }): DdlStatement => {
    const tokens = tokenize(sql, start, start + text.length);
    const line = lineColumn(sql, tokens[0]?.start ?? start).line;
    const parser = new Parser(sql, tokens, start + text.length);
    const words = tokens.slice(0, 4).map((t) => (t.kind === 'word' ? t.value : ''));
    const createsTable = words[0] === 'CREATE' && words.slice(1).includes('TABLE');
    if (createsTable && !isCreateTableAs(tokens)) {
      const modifiers = words.slice(1, words.indexOf('TABLE'));
      if (modifiers.every((w) => ['LOCAL', 'TEMP', 'TEMPORARY'].includes(w))) {
        const table = parser.createTable(line);
        if (table) return table;
      }
    }
    if (words[0] === 'COMMENT') {
      const comment = parser.comment(line);
      if (comment) return comment;
    }
    return { kind: 'other', text, line };
  });
}
