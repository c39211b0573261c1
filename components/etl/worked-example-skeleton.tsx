export function WorkedExampleSkeleton() {
  return (
    <div className="stack" aria-busy="true">
      <p role="status" className="visually-hidden">
        Reading a session from the warehouse…
      </p>
      <span className="skeleton skeleton--w-75" aria-hidden="true" />
      <div className="card skeleton-card" aria-hidden="true">
        <span className="skeleton skeleton--title" />
        <span className="skeleton skeleton--block" />
      </div>
    </div>
  );
}
