import styles from './erd.module.css';

/** Holds the canvas's place while the diagram starts in the browser. */
export function ErdSkeleton() {
  return (
    <div className={styles.erd} aria-busy="true">
      <p role="status" className="visually-hidden">
        Loading the diagram…
      </p>
      <div className={styles.toolbar} aria-hidden="true">
        <span className="skeleton skeleton--w-25" />
        <span className="skeleton skeleton--w-25" />
      </div>
      <div className={`${styles.canvas} ${styles.canvasSkeleton}`} aria-hidden="true" />
    </div>
  );
}
