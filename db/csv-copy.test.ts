import { describe, expect, it } from 'vitest';

import { toCsv } from './csv-copy';

describe('CSV for COPY', () => {
  it('keeps NULL, the empty string and special characters apart', () => {
    expect(toCsv([[null, '', 'plain', 'a,b', 'say "hi"', 'two\nlines', 'back\\slash', 1.5, true, false]])).toBe(
      ',"",plain,"a,b","say ""hi""","two\nlines","back\\slash",1.5,t,f\n',
    );
  });
});
