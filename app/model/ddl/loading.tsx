import { ModelPageSkeleton } from '@/components/model/page-skeleton';

export default function Loading() {
  return <ModelPageSkeleton label="Loading the DDL…" />;
}
