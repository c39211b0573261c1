import { describe, expect, it, vi } from 'vitest';

import type { MetricAnswer } from '@/types/dashboard';

import { pairQueries } from './paired-query';
import { panelState, type PanelQuery } from './panel';

const answer: MetricAnswer = { metric: 'trend', params: {}, columns: [], rows: [{}], summary: {}, sql: '', sql_params: [] };

const query = (over: Partial<PanelQuery<Record<string, unknown>>> = {}): PanelQuery<Record<string, unknown>> => ({
  data: answer,
  error: null,
  isPending: false,
  isError: false,
  isFetching: false,
  isPlaceholderData: false,
  refetch: vi.fn(),
  ...over,
});

const state = (q: PanelQuery<Record<string, unknown>>) => panelState(q, (a) => a.rows.length === 0);

describe('a panel of two requests', () => {
  it('is the primary alone without a companion', () => {
    const primary = query();
    expect(pairQueries(primary, null)).toBe(primary);
  });

  it('is ready only when both answers are in for the current settings', () => {
    expect(state(pairQueries(query(), query()))).toBe('ready');
    // The companion waits for the primary's period, or is still on the previous settings' answer.
    expect(state(pairQueries(query(), query({ data: undefined, isPending: true })))).toBe('loading');
    expect(state(pairQueries(query(), query({ isFetching: true, isPlaceholderData: true })))).toBe('loading');
    expect(state(pairQueries(query({ isFetching: true, isPlaceholderData: true }), query({ isPlaceholderData: true })))).toBe('loading');
    // A background refetch of fresh data is not a reload.
    expect(state(pairQueries(query({ isFetching: true }), query()))).toBe('ready');
  });

  it('fails when either fails, and retries only what failed', () => {
    const refused = new Error('grain must be one of day, week, month');
    const primary = query();
    const companion = query({ isError: true, error: refused });
    const paired = pairQueries(primary, companion);
    expect(state(paired)).toBe('error');
    expect(paired.error).toBe(refused);
    paired.refetch();
    expect(companion.refetch).toHaveBeenCalledOnce();
    expect(primary.refetch).not.toHaveBeenCalled();
  });
});
