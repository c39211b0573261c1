import { WarehouseStatusSkeleton } from '@/components/status/warehouse-status-skeleton';

export default function Loading() {
  return (
    <>
      <div className="page-header" aria-hidden="true">
        <span className="skeleton skeleton--w-25" />
        <span className="skeleton skeleton--title" />
        <span className="skeleton skeleton--w-50" />
      </div>
      <WarehouseStatusSkeleton />
    </>
  );
}
