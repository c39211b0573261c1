'use client';

import { useId, useState, type FormEvent } from 'react';

import type { DashboardOptions } from '@/types/dashboard';

import {
  COMPARE,
  COMPARE_LABELS,
  CONTENT_FILTER_LABELS,
  CONTENT_FILTERS,
  FILTER_LABELS,
  FILTERS,
  filterValues,
  PERIOD_LABELS,
  PERIOD_PRESETS,
  periodRange,
  withFilter,
  type DashboardState,
  type PeriodPreset,
} from './dashboard-state';
import styles from './dashboard.module.css';
import { MultiSelect } from './multi-select';

interface FilterBarProps {
  state: DashboardState;
  options: DashboardOptions;
  onChange: (next: DashboardState) => void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NO_COMPARISON = 'none';

function periodText(state: DashboardState, options: DashboardOptions): string {
  const { from, to } = periodRange(state, options.dataThrough);
  if (state.preset === 'last-month') return `${options.defaultPeriod.from} to ${options.defaultPeriod.to}`;
  if (from && to) return `${from} to ${to}`;
  return 'no data yet';
}

/** One filter bar for every panel; each change is a new URL, so back and forward undo it. */
export function FilterBar({ state, options, onChange }: FilterBarProps) {
  const active = [...FILTERS, ...CONTENT_FILTERS].filter((key) => filterValues(state, key).length > 0);
  const content = CONTENT_FILTERS.filter((key) => filterValues(state, key).length > 0);
  const bounds = { min: options.dataFrom ?? undefined, max: options.dataThrough ?? undefined };
  const compareId = useId();

  const setPreset = (preset: PeriodPreset) => {
    if (preset === 'custom') {
      const current = state.preset === 'last-month' ? options.defaultPeriod : periodRange(state, options.dataThrough);
      onChange({ ...state, preset, from: current.from ?? options.defaultPeriod.from, to: current.to ?? options.defaultPeriod.to });
    } else {
      onChange({ ...state, preset, from: undefined, to: undefined });
    }
  };

  return (
    <div className={styles.filterBar} role="search" aria-label="Dashboard filters">
      <div className={styles.periodGroup}>
        <label className={styles.field}>
          <span className={styles.filterLabel}>Period</span>
          <select className={styles.input} value={state.preset} onChange={(e) => setPreset(e.target.value as PeriodPreset)}>
            {PERIOD_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {PERIOD_LABELS[preset]}
              </option>
            ))}
          </select>
        </label>
        {state.preset === 'custom' ? (
          <CustomRange key={`${state.from}|${state.to}`} state={state} bounds={bounds} onChange={onChange} />
        ) : (
          <p className={styles.periodText} aria-live="polite">
            {periodText(state, options)}
          </p>
        )}
        {/* Not wrapped in its label: the options ("Previous period") would join its text, and "Period" would name two controls. */}
        <div className={styles.field}>
          <label htmlFor={compareId} className={styles.filterLabel}>
            Compare with
          </label>
          <select
            id={compareId}
            className={styles.input}
            value={state.compare ?? NO_COMPARISON}
            onChange={(e) => onChange({ ...state, compare: COMPARE.find((c) => c === e.target.value) })}
          >
            <option value={NO_COMPARISON}>No comparison</option>
            {COMPARE.map((compare) => (
              <option key={compare} value={compare}>
                {COMPARE_LABELS[compare]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className={styles.filterGroup}>
        {FILTERS.map((key) => (
          <MultiSelect
            key={key}
            label={FILTER_LABELS[key]}
            options={options.filters[key]}
            selected={filterValues(state, key)}
            onChange={(values) => onChange(withFilter(state, key, values))}
          />
        ))}
        {content.length > 0 ? (
          // Set by clicking a title; not a list to pick from, so shown as what it is, with a way to undo it.
          <ul className={styles.contentFilters} aria-label="Title filters">
            {content.map((key) => (
              <li key={key} className={styles.contentFilter} data-filter={key}>
                <span>
                  {CONTENT_FILTER_LABELS[key]}: {filterValues(state, key).join(', ')}
                </span>
                <button type="button" aria-label={`Remove the ${CONTENT_FILTER_LABELS[key].toLowerCase()} filter`} onClick={() => onChange(withFilter(state, key, []))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {active.length > 0 ? (
          <button
            type="button"
            className={styles.linkButton}
            onClick={() => onChange(active.reduce((next, key) => withFilter(next, key, []), state))}
          >
            Clear all filters
          </button>
        ) : null}
      </div>
      {options.dataThrough ? (
        <p className={styles.freshness}>
          Data from {options.dataFrom} through {options.dataThrough} (local dates of sessions).
        </p>
      ) : null}
    </div>
  );
}

function CustomRange({ state, bounds, onChange }: { state: DashboardState; bounds: { min?: string; max?: string }; onChange: (next: DashboardState) => void }) {
  const [from, setFrom] = useState(state.from ?? '');
  const [to, setTo] = useState(state.to ?? '');
  const invalid = !DATE.test(from) || !DATE.test(to) ? 'Enter both dates.' : from > to ? 'The start is after the end.' : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) onChange({ ...state, preset: 'custom', from, to });
  };

  return (
    <form className={styles.customRange} onSubmit={submit} aria-label="Custom range">
      <label className={styles.field}>
        <span className={styles.filterLabel}>From</span>
        <input className={styles.input} type="date" value={DATE.test(from) ? from : ''} min={bounds.min} max={bounds.max} onChange={(e) => setFrom(e.target.value)} required />
      </label>
      <label className={styles.field}>
        <span className={styles.filterLabel}>To</span>
        <input className={styles.input} type="date" value={DATE.test(to) ? to : ''} min={bounds.min} max={bounds.max} onChange={(e) => setTo(e.target.value)} required />
      </label>
      <button type="submit" className="button" disabled={invalid !== null}>
        Apply
      </button>
      {invalid && (from || to) ? <span className="muted">{invalid}</span> : null}
    </form>
  );
}
