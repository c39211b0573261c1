import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';

import { ErdCanvas } from '@/components/erd/erd-canvas';
import { ErdSkeleton } from '@/components/erd/erd-skeleton';
import { layoutTables } from '@/components/erd/layout';
import { syntheticSchema } from '@/components/erd/synthetic-schema';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Diagram at 60 tables', robots: { index: false } };

/** The same canvas over a made-up 60-table galaxy: how the diagram behaves as the model grows, and what the benchmark measures. */
export default async function SyntheticModelPage() {
  const tables = syntheticSchema();
  const layout = await layoutTables(tables);
  return (
    <>
      <PageHeader eyebrow="Synthetic schema" title="Diagram at 60 tables">
        Ten facts and fifty dimensions, generated, laid out and drawn exactly as the <Link href="/model">warehouse model</Link> is,
        to show that the diagram stays smooth as a galaxy grows. The tables here are not the warehouse&apos;s.
      </PageHeader>
      <Suspense fallback={<ErdSkeleton />}>
        <ErdCanvas tables={tables} layouts={{ galaxy: layout, all: layout }} lineages={[]} />
      </Suspense>
    </>
  );
}
