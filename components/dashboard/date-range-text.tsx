import styles from './dashboard.module.css';

/** "2026-11-01 to 2026-11-30", each date kept whole when the line wraps. */
export function DateRangeText({ from, to }: { from: string; to: string }) {
  return (
    <>
      <span className={styles.date}>{from}</span> to <span className={styles.date}>{to}</span>
    </>
  );
}
