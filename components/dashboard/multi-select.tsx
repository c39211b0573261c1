'use client';

import { useEffect, useId, useRef, useState } from 'react';

import styles from './dashboard.module.css';

interface MultiSelectProps {
  label: string;
  options: readonly string[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
}

/**
 * A disclosure of checkboxes: native <details> makes it keyboard- and screen-reader-operable without a
 * custom listbox. Long lists get a search box.
 */
export function MultiSelect({ label, options, selected, onChange }: MultiSelectProps) {
  const details = useRef<HTMLDetailsElement>(null);
  const [search, setSearch] = useState('');
  const id = useId();

  useEffect(() => {
    const close = (event: MouseEvent | KeyboardEvent) => {
      const node = details.current;
      if (!node?.open) return;
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !node.contains(event.target as Node)) {
        node.open = false;
        if (event instanceof KeyboardEvent) node.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);

  const chosen = new Set(selected);
  // Values in the URL that the warehouse does not hold stay visible, so they can be unticked.
  const all = [...options, ...selected.filter((v) => !options.includes(v))];
  const needle = search.trim().toLowerCase();
  const shown = needle ? all.filter((v) => v.toLowerCase().includes(needle)) : all;
  const summary = selected.length === 0 ? 'All' : selected.length <= 2 ? selected.join(', ') : `${selected.length} selected`;

  const toggle = (value: string) => onChange(chosen.has(value) ? selected.filter((v) => v !== value) : [...selected, value]);

  return (
    <details ref={details} className={styles.multiSelect}>
      <summary className={styles.filterButton} data-active={selected.length > 0 ? 'true' : undefined}>
        <span className={styles.filterLabel}>{label}</span>
        <span className={styles.filterValue}>{summary}</span>
      </summary>
      <div className={styles.popover}>
        {all.length > 8 ? (
          <input
            type="search"
            className={styles.input}
            placeholder={`Search ${label.toLowerCase()}`}
            aria-label={`Search ${label.toLowerCase()}`}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        ) : null}
        <fieldset className={styles.optionList}>
          <legend className="visually-hidden">{label}</legend>
          {shown.map((value) => (
            <label key={value} className={styles.option}>
              <input type="checkbox" checked={chosen.has(value)} onChange={() => toggle(value)} name={`${id}-${label}`} value={value} />
              <span>{value}</span>
            </label>
          ))}
          {shown.length === 0 ? <p className="muted">No match.</p> : null}
        </fieldset>
        {selected.length > 0 ? (
          <button type="button" className={styles.linkButton} onClick={() => onChange([])}>
            Clear {label.toLowerCase()}
          </button>
        ) : null}
      </div>
    </details>
  );
}
