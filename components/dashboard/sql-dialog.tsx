'use client';

import { useId, useMemo, useRef, useState } from 'react';

import { SqlCode } from '@/components/model/sql-code';

import styles from './dashboard.module.css';
import { formatStatement, statementWithValues } from './statement-text';

interface SqlDialogProps {
  title: string;
  sql: string;
  values: readonly unknown[];
}

/** "View SQL": the exact statement a panel's numbers come from, formatted, with its bind values. */
export function SqlDialog({ title, sql, values }: SqlDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const formatted = useMemo(() => formatStatement(sql), [sql]);
  const titleId = useId();

  async function copy() {
    try {
      await navigator.clipboard.writeText(statementWithValues(formatted, values));
      setCopied('done');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setCopied('idle');
          dialog.current?.showModal();
        }}
      >
        View SQL
      </button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={titleId}>
        <div className={styles.dialogHeader}>
          <h3 id={titleId}>SQL behind “{title}”</h3>
          <button type="button" className="icon-button" aria-label="Close" onClick={() => dialog.current?.close()}>
            ×
          </button>
        </div>
        <p className="muted">The exact statement this panel sent to the warehouse. Values travel as bind parameters.</p>
        <SqlCode code={formatted} label={`SQL of ${title}`} />
        {values.length > 0 ? (
          <table className={`data-table ${styles.bindTable}`}>
            <caption className="visually-hidden">Bind values</caption>
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {values.map((value, i) => (
                <tr key={i}>
                  <td className="mono">${i + 1}</td>
                  <td className="mono">{JSON.stringify(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <div className="button-row">
          <button type="button" className="button" onClick={copy}>
            Copy SQL with values
          </button>
          <span role="status" className="muted">
            {copied === 'done' ? 'Copied to the clipboard.' : copied === 'failed' ? 'The browser refused the clipboard; select the text instead.' : ''}
          </span>
        </div>
      </dialog>
    </>
  );
}
