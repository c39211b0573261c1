import styles from './dashboard.module.css';

const PANELS = ['overview', 'trend', 'watch-time', 'top-titles', 'peak-hours', 'session-duration', 'completion', 'rating-popularity'] as const;
/** The panels that span both columns, so the page does not reflow when they arrive. */
const WIDE = new Set<string>(['overview', 'trend', 'watch-time', 'top-titles', 'completion', 'rating-popularity']);

/** The dashboards' shape while the filter values are read: every panel, loading. */
export function DashboardSkeleton() {
  return (
    <div className={styles.dashboard} aria-busy="true">
      <div className={styles.filterBar}>
        <span className="skeleton skeleton--w-75" />
      </div>
      <div className={styles.panels}>
        {PANELS.map((metric) => (
          <section key={metric} className={`card ${styles.panel} ${WIDE.has(metric) ? styles.wide : ''}`} data-metric={metric} data-state="loading" aria-label="Loading">
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
