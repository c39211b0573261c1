const BLOCKS = ['first', 'second'] as const;

/** A model page's header and two content blocks, while the route loads. */
export function ModelPageSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true">
      <p role="status" className="visually-hidden">
        {label}
      </p>
      <div className="page-header" aria-hidden="true">
        <span className="skeleton skeleton--w-25" />
        <span className="skeleton skeleton--title" />
        <span className="skeleton skeleton--w-75" />
      </div>
      <div className="stack" aria-hidden="true">
        {BLOCKS.map((block) => (
          <div key={block} className="card skeleton-card">
            <span className="skeleton skeleton--title" />
            <span className="skeleton skeleton--w-75" />
            <span className="skeleton skeleton--block" />
          </div>
        ))}
      </div>
    </div>
  );
}
