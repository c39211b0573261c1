import styles from '@/components/model/model.module.css';

const CARDS = ['first', 'second'] as const;

export default function Loading() {
  return (
    <div aria-busy="true">
      <p role="status" className="visually-hidden">
        Loading the warehouse model…
      </p>
      <div className="page-header" aria-hidden="true">
        <span className="skeleton skeleton--w-25" />
        <span className="skeleton skeleton--title" />
        <span className="skeleton skeleton--w-75" />
      </div>
      <div className={styles.layout} aria-hidden="true">
        <div className="stack">
          <span className="skeleton skeleton--w-50" />
          <span className="skeleton skeleton--w-75" />
          <span className="skeleton skeleton--w-75" />
          <span className="skeleton skeleton--w-50" />
        </div>
        <div className="stack">
          {CARDS.map((card) => (
            <div key={card} className="card skeleton-card">
              <span className="skeleton skeleton--title" />
              <span className="skeleton skeleton--w-75" />
              <span className="skeleton skeleton--block" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
