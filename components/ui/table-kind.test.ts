import { describe, expect, it } from 'vitest';

import { splitInlineCode } from './inline-code';
import { groupByKind } from './table-kind';

describe('groupByKind', () => {
  it('groups in display order and drops kinds with no tables', () => {
    const groups = groupByKind([
      { name: 'etl_load', kind: 'audit' },
      { name: 'dim_user', kind: 'dimension' },
      { name: 'fact_a', kind: 'fact' },
    ] as const);
    expect(groups.map((g) => [g.kind, g.items.map((i) => i.name)])).toEqual([
      ['fact', ['fact_a']],
      ['dimension', ['dim_user']],
      ['audit', ['etl_load']],
    ]);
  });
});

describe('splitInlineCode', () => {
  it('marks backticked segments as code', () => {
    expect(splitInlineCode('`closed` once stopped, else `open`.')).toEqual([
      { code: true, text: 'closed' },
      { code: false, text: ' once stopped, else ' },
      { code: true, text: 'open' },
      { code: false, text: '.' },
    ]);
    expect(splitInlineCode('plain')).toEqual([{ code: false, text: 'plain' }]);
  });
});
