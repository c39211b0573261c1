import { StatusSection } from './status-section';

const STAT_CARDS = ['engine', 'rows', 'tables', 'version'] as const;

export function WarehouseStatusSkeleton() {
  return (
    <StatusSection state="loading">
      <p role="status" className="visually-hidden">
        Checking the warehouse…
      </p>
      <div className="stack" aria-hidden="true">
        <div className="grid grid--stats">
          {STAT_CARDS.map((card) => (
            <div key={card} className="card stat">
              <span className="skeleton skeleton--w-50" />
              <span className="skeleton skeleton--value" />
              <span className="skeleton skeleton--w-75" />
            </div>
          ))}
        </div>
        <div className="grid grid--halves">
          <div className="card skeleton-card">
            <span className="skeleton skeleton--w-25" />
            <span className="skeleton skeleton--block" />
          </div>
          <div className="card skeleton-card">
            <span className="skeleton skeleton--w-25" />
            <span className="skeleton skeleton--block" />
          </div>
        </div>
      </div>
    </StatusSection>
  );
}
