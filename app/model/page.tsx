import type { Metadata } from 'next';
import { Suspense } from 'react';

import { ErdCanvas } from '@/components/erd/erd-canvas';
import { ErdSkeleton } from '@/components/erd/erd-skeleton';
import { layoutTables } from '@/components/erd/layout';
import { selectTables } from '@/components/erd/to-flow';
import { ModelNav } from '@/components/model/model-nav';
import { PageHeader } from '@/components/ui/page-header';
import { getMetricLineages } from '@/server/metric-lineage';
import { getModelCatalog } from '@/server/model-catalog';

export const metadata: Metadata = { title: 'Warehouse model' };

/** Static: the layout and the lineages are computed once, at build time, from the schema and the metric SQL. */
export default async function ModelPage() {
  const tables = getModelCatalog();
  const [galaxy, all] = await Promise.all([layoutTables(selectTables(tables, false)), layoutTables(tables)]);

  return (
    <>
      <PageHeader eyebrow="Redshift galaxy schema" title="Warehouse model">
        The two fact tables in the middle, the conformed dimensions they share around them. Select a table for its grain,
        distribution and sort key with the reasons, a relationship for the columns it joins on, or trace a business
        question to see exactly what its SQL reads.
      </PageHeader>
      <ModelNav />
      {/* The canvas reads ?trace= from the URL, so it renders in the browser. */}
      <Suspense fallback={<ErdSkeleton />}>
        <ErdCanvas tables={tables} layouts={{ galaxy, all }} lineages={getMetricLineages()} />
      </Suspense>
    </>
  );
}
