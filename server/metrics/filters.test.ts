import { describe, expect, it } from 'vitest';

import { dimensionJoins } from './filters';

const joined = (sql: string) => [...sql.matchAll(/JOIN (dim_\w+)/g)].map((m) => m[1]);

describe('dimensionJoins', () => {
  it('joins no dimension when nothing reads one', () => {
    expect(dimensionJoins('f', {})).toBe('');
    // A filter given with no value restricts nothing and reads nothing.
    expect(dimensionJoins('f', { country: [] })).toBe('');
  });

  it('joins exactly the dimensions the filters and the statement read, each once, from the given fact', () => {
    expect(joined(dimensionJoins('f', { country: ['US'], subscription_plan: ['basic'] }))).toEqual(['dim_user']);
    expect(joined(dimensionJoins('f', { genre: ['Drama'] }, ['content']))).toEqual(['dim_content']);
    expect(joined(dimensionJoins('f', { device_type: ['tv'], content_type: ['movie'] }, ['user']))).toEqual(['dim_user', 'dim_content', 'dim_device']);
    expect(dimensionJoins('r', { device_type: ['tv'] })).toBe('JOIN dim_device AS d ON d.device_key = r.device_key');
  });
});
