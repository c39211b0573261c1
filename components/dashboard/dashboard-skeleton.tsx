import styles from './dashboard.module.css';

const PANELS = ['watch-time', 'peak-hours', 'session-duration', 'completion', 'rating-popularity'] as const;

/** The overview's shape while the filter values are read: the five panels, loading. */
export function DashboardSkeleton() {
  return (
    <div className={styles.dashboard} aria-busy="true">
      <div className={styles.filterBar}>
        <span className="skeleton skeleton--w-75" />
      </div>
      <div className={styles.panels}>
        {PANELS.map((metric) => (
          <section key={metric} className={`card ${styles.panel}`} data-metric={metric} data-state="loading" aria-label="Loading">
            <div className="skeleton-card" aria-hidden="true">
              <span className="skeleton skeleton--title" />
              <span className="skeleton skeleton--block" />
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
