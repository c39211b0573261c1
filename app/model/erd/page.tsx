import type { Metadata } from 'next';

import { ErdCanvas } from '@/components/erd/erd-canvas';
import { layoutTables } from '@/components/erd/layout';
import { selectTables } from '@/components/erd/to-flow';
import { ModelNav } from '@/components/model/model-nav';
import { PageHeader } from '@/components/ui/page-header';
import { getModelCatalog } from '@/server/model-catalog';

export const metadata: Metadata = { title: 'Warehouse diagram' };

export default async function ErdPage() {
  const tables = getModelCatalog();
  const [galaxy, all] = await Promise.all([layoutTables(selectTables(tables, false)), layoutTables(tables)]);

  return (
    <>
      <PageHeader eyebrow="Redshift galaxy schema" title="Warehouse diagram">
        The two fact tables in the middle, the conformed dimensions they share on either side. Select a table for its
        grain, distribution and sort key with the reasons; select a relationship to see the columns it joins on.
      </PageHeader>
      <ModelNav />
      <ErdCanvas tables={tables} layouts={{ galaxy, all }} />
    </>
  );
}
