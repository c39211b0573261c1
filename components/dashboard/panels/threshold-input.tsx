'use client';

import { useState, type FormEvent } from 'react';

import styles from '../dashboard.module.css';

interface ThresholdInputProps {
  label: string;
  /** As in the URL (the API judges it); undefined = the API's default. */
  value: string | undefined;
  defaultValue: number;
  onChange: (value: string | undefined) => void;
}

/** A minimum-count control applied on submit, so typing "25" does not send "2" first. */
export function ThresholdInput({ label, value, defaultValue, onChange }: ThresholdInputProps) {
  const [draft, setDraft] = useState(value ?? String(defaultValue));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    onChange(text === '' || text === String(defaultValue) ? undefined : text);
  };
  return (
    <form className={styles.inlineField} onSubmit={submit}>
      <label className={styles.inlineField}>
        <span>{label}</span>
        <input className={`${styles.input} ${styles.numberInput}`} type="number" min={1} step={1} inputMode="numeric" value={draft} onChange={(e) => setDraft(e.target.value)} />
      </label>
      <button type="submit" className="button button--secondary">
        Apply
      </button>
    </form>
  );
}
