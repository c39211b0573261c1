import { maskSql } from '@/db/sql-text';

/**
 * Just enough of a SELECT parser to say which tables, columns and joins a statement reads: scopes
 * (the statement, each CTE and each subquery), their FROM/JOIN sources with aliases, `alias.column`
 * references and the equalities of ON clauses. It does not validate SQL; the warehouse does that.
 */

type Token = { kind: 'word' | 'punct' | 'other'; text: string };

interface Group {
  items: (Token | Group)[];
}

function isGroup(item: Token | Group | undefined): item is Group {
  return item !== undefined && 'items' in item;
}

/** Words that are syntax, never a table alias or a column; types appear after CAST(… AS. */
const KEYWORDS = new Set(
  (
    'select distinct from where and or not between in is null group by order asc desc having limit as case when then ' +
    'else end join left right inner outer cross full on with union all within over partition rows range unbounded ' +
    'preceding following current row double precision varchar char integer int bigint smallint decimal numeric ' +
    'timestamp date boolean true false like ilike exists any some nulls first last offset cast'
  ).split(' '),
);

/** Words that end an ON condition. */
const CLAUSE_END = new Set(['join', 'left', 'right', 'inner', 'cross', 'full', 'where', 'group', 'order', 'having', 'limit', 'union']);

function tokenize(sql: string): Token[] {
  const masked = maskSql(sql);
  const tokens: Token[] = [];
  const pattern = /\s+|'[^']*'|"[^"]*"|\$\d+|\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*|[().,=]|[^\s]/g;
  for (const m of masked.matchAll(pattern)) {
    const text = m[0];
    if (/^\s/.test(text)) continue;
    if (/^[A-Za-z_]/.test(text)) tokens.push({ kind: 'word', text: text.toLowerCase() });
    else if (/^[().,=]$/.test(text)) tokens.push({ kind: 'punct', text });
    else tokens.push({ kind: 'other', text });
  }
  return tokens;
}

function nest(tokens: readonly Token[]): Group {
  const root: Group = { items: [] };
  const stack: Group[] = [root];
  for (const token of tokens) {
    const top = stack[stack.length - 1] ?? root;
    if (token.text === '(' && token.kind === 'punct') {
      const group: Group = { items: [] };
      top.items.push(group);
      stack.push(group);
    } else if (token.text === ')' && token.kind === 'punct') {
      if (stack.length === 1) throw new Error('unbalanced parentheses: ")" without "("');
      stack.pop();
    } else top.items.push(token);
  }
  if (stack.length !== 1) throw new Error('unbalanced parentheses: "(" without ")"');
  return root;
}

const word = (item: Token | Group | undefined): string | undefined => (item && !isGroup(item) && item.kind === 'word' ? item.text : undefined);
const punct = (item: Token | Group | undefined, text: string): boolean => !!item && !isGroup(item) && item.kind === 'punct' && item.text === text;

function isQuery(group: Group): boolean {
  const first = word(group.items[0]);
  return first === 'select' || first === 'with';
}

/** What a FROM/JOIN item names: a table of the warehouse, a CTE, or a subquery. */
export type SourceKind = 'table' | 'cte' | 'derived';

export interface ParsedSource {
  alias: string;
  kind: SourceKind;
  /** The table or CTE name; absent for a subquery. */
  name?: string;
}

export interface ParsedScope {
  sources: ParsedSource[];
  /** `qualifier.column` as written. */
  qualified: { qualifier: string; column: string }[];
  /** Bare names that are not syntax, functions, aliases being defined or sources. */
  unqualified: string[];
  /** `a.x = b.y` inside ON clauses. */
  joinEqualities: { left: { qualifier: string; column: string }; right: { qualifier: string; column: string } }[];
  /** Names defined by AS in this scope (output columns), which ORDER BY may reuse. */
  outputAliases: string[];
  children: ParsedScope[];
  /** CTE names this scope defines. */
  ctes: string[];
}

/** Flattens a scope: parentheses that hold expressions are inlined, subqueries become child scopes. */
function flatten(group: Group, children: ParsedScope[], visibleCtes: ReadonlySet<string>): (Token | ParsedScope)[] {
  const out: (Token | ParsedScope)[] = [];
  for (const item of group.items) {
    if (!isGroup(item)) out.push(item);
    else if (isQuery(item)) {
      const child = parseScope(item, visibleCtes);
      children.push(child);
      out.push(child);
    } else {
      out.push({ kind: 'punct', text: '(' });
      out.push(...flatten(item, children, visibleCtes));
      out.push({ kind: 'punct', text: ')' });
    }
  }
  return out;
}

const isScope = (item: Token | ParsedScope | undefined): item is ParsedScope => item !== undefined && 'sources' in item;
const w = (item: Token | ParsedScope | undefined): string | undefined => (item && !isScope(item) && item.kind === 'word' ? item.text : undefined);
const p = (item: Token | ParsedScope | undefined, text: string): boolean => !!item && !isScope(item) && item.kind === 'punct' && item.text === text;

/** CTE names of a `WITH a AS (…), b AS (…)` head, in order. */
function cteNames(group: Group): string[] {
  if (word(group.items[0]) !== 'with') return [];
  const names: string[] = [];
  let i = 1;
  while (i + 2 < group.items.length) {
    const name = word(group.items[i]);
    if (!name || word(group.items[i + 1]) !== 'as' || !isGroup(group.items[i + 2])) break;
    names.push(name);
    i += 3;
    if (!punct(group.items[i], ',')) break;
    i += 1;
  }
  return names;
}

function parseScope(group: Group, inheritedCtes: ReadonlySet<string>): ParsedScope {
  const ctes = cteNames(group);
  const visible = new Set([...inheritedCtes, ...ctes]);
  const scope: ParsedScope = { sources: [], qualified: [], unqualified: [], joinEqualities: [], outputAliases: [], children: [], ctes };
  const items = flatten(group, scope.children, visible);
  const consumed = new Set<number>();

  const readSource = (at: number): number => {
    const target = items[at];
    let kind: SourceKind;
    let name: string | undefined;
    if (isScope(target)) kind = 'derived';
    else {
      name = w(target);
      if (!name) throw new Error(`expected a table after FROM/JOIN, found ${target ? JSON.stringify(target) : 'the end'}`);
      kind = visible.has(name) ? 'cte' : 'table';
    }
    consumed.add(at);
    let next = at + 1;
    let alias = name;
    if (w(items[next]) === 'as') {
      alias = w(items[next + 1]);
      consumed.add(next + 1);
      next += 2;
    } else {
      const bare = w(items[next]);
      if (bare && !KEYWORDS.has(bare)) {
        alias = bare;
        consumed.add(next);
        next += 1;
      }
    }
    if (!alias) throw new Error('a subquery in FROM needs an alias');
    scope.sources.push({ alias, kind, ...(name ? { name } : {}) });
    return next;
  };

  for (let i = 0; i < items.length; i++) {
    const current = w(items[i]);
    if (current === 'from' || current === 'join') {
      let next = readSource(i + 1);
      while (current === 'from' && p(items[next], ',')) next = readSource(next + 1);
    } else if (current === 'on') {
      for (let j = i + 1; j < items.length && !CLAUSE_END.has(w(items[j]) ?? ''); j++) {
        const [a, dotA, colA, eq, b, dotB, colB] = items.slice(j, j + 7);
        const qa = w(a);
        const ca = w(colA);
        const qb = w(b);
        const cb = w(colB);
        if (qa && ca && qb && cb && p(dotA, '.') && p(eq, '=') && p(dotB, '.')) {
          scope.joinEqualities.push({ left: { qualifier: qa, column: ca }, right: { qualifier: qb, column: cb } });
        }
      }
    }
  }

  for (let i = 0; i < items.length; i++) {
    const name = w(items[i]);
    if (!name || consumed.has(i)) continue;
    if (p(items[i + 1], '.')) {
      const column = w(items[i + 2]);
      if (column) {
        scope.qualified.push({ qualifier: name, column });
        i += 2;
      }
      continue;
    }
    if (w(items[i - 1]) === 'as') {
      if (!KEYWORDS.has(name)) scope.outputAliases.push(name);
      continue;
    }
    if (KEYWORDS.has(name) || p(items[i + 1], '(') || ctes.includes(name)) continue;
    scope.unqualified.push(name);
  }
  return scope;
}

/** Parses one SELECT (optionally WITH …) statement into its scopes. */
export function parseSelect(sql: string): ParsedScope {
  const root = nest(tokenize(sql));
  if (!isQuery(root)) throw new Error('not a SELECT statement');
  return parseScope(root, new Set());
}
