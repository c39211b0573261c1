import type { Metadata } from 'next';
import { Suspense } from 'react';

import { EtlStages } from '@/components/etl/etl-stages';
import styles from '@/components/etl/etl.module.css';
import { ExampleErrorBoundary } from '@/components/etl/example-error-boundary';
import { WorkedExample } from '@/components/etl/worked-example';
import { WorkedExampleSkeleton } from '@/components/etl/worked-example-skeleton';
import { ModelNav } from '@/components/model/model-nav';
import { PageHeader } from '@/components/ui/page-header';
import { getEtlStages } from '@/server/etl-example-sources';

export const metadata: Metadata = { title: 'From the stream to the facts' };

/** `?session_id=` (from the sessions behind a figure) picks the worked example; one value, at most 128 characters. */
function requestedSession(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 128 ? value : undefined;
}

export default async function EtlPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sessionId = requestedSession((await searchParams).session_id);
  return (
    <>
      <PageHeader eyebrow="ELT" title="From the stream to the facts">
        How the player&apos;s play, pause, seek, stop and rate events become one accumulating-snapshot row per viewing
        session and one row per rating: the SQL every load runs, in order, and a real session from this warehouse worked
        through by hand.
      </PageHeader>
      <ModelNav />
      <nav aria-label="On this page" className={styles.onThisPage}>
        <a href="#etl-stages">What a load runs</a>
        <a href="#etl-example">A session, worked through</a>
      </nav>
      <section aria-labelledby="etl-stages" className={styles.section}>
        <h2 id="etl-stages">What a load runs</h2>
        <p className="muted">
          Each load is one transaction over the files of <code>sql/</code>, shown here as committed. The same statements run
          on Redshift, PostgreSQL and DuckDB.
        </p>
        <EtlStages stages={getEtlStages()} />
      </section>
      <section aria-labelledby="etl-example" className={styles.section}>
        <h2 id="etl-example">A session, worked through</h2>
        <ExampleErrorBoundary>
          <Suspense fallback={<WorkedExampleSkeleton />}>
            <WorkedExample sessionId={sessionId} />
          </Suspense>
        </ExampleErrorBoundary>
      </section>
    </>
  );
}
