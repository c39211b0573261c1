import { ErdSkeleton } from '@/components/erd/erd-skeleton';

export default function Loading() {
  return (
    <div aria-busy="true">
      <div className="page-header" aria-hidden="true">
        <span className="skeleton skeleton--w-25" />
        <span className="skeleton skeleton--title" />
        <span className="skeleton skeleton--w-75" />
      </div>
      <ErdSkeleton />
    </div>
  );
}
