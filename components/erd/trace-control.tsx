'use client';

import { useId } from 'react';

import type { MetricLineage } from '@/server/metric-lineage-types';

import styles from './erd.module.css';

interface TraceControlProps {
  lineages: readonly MetricLineage[];
  value: string | null;
  onChange: (metric: string | null) => void;
}

/** Picks one of the five business questions whose SQL the diagram then traces. */
export function TraceControl({ lineages, value, onChange }: TraceControlProps) {
  const id = useId();
  return (
    <div className={styles.trace}>
      <label htmlFor={id}>Trace a metric</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">None</option>
        {lineages.map((l) => (
          <option key={l.metric} value={l.metric}>
            {l.question}
          </option>
        ))}
      </select>
    </div>
  );
}
