import type { Metadata } from 'next';
import type { ReactNode } from 'react';

import { ModelNav } from '@/components/model/model-nav';
import { SqlCode } from '@/components/model/sql-code';
import styles from '@/components/model/ddl-page.module.css';
import { PageHeader } from '@/components/ui/page-header';
import { getStreamingDdl, getWarehouseDdl } from '@/server/ddl';

export const metadata: Metadata = { title: 'Warehouse DDL' };

type Dialect = Parameters<typeof getWarehouseDdl>[0];

function DdlPanel({ dialect, title, primary = false, children }: { dialect: Dialect; title: string; primary?: boolean; children?: ReactNode }) {
  const ddl = getWarehouseDdl(dialect);
  return (
    <section aria-labelledby={`ddl-${dialect}`} className={styles.panel}>
      <div className={styles.panelHeader}>
        <h2 id={`ddl-${dialect}`}>{title}</h2>
        <a className={primary ? 'button' : 'button button--secondary'} href={`/model/ddl/download/${dialect}`} download>
          Download .sql
        </a>
      </div>
      <p className="muted">
        <code>{ddl.path}</code>
        {children}
      </p>
      <SqlCode code={ddl.text} label={`${title.replace(' translation', '')} DDL`} />
    </section>
  );
}

export default function DdlPage() {
  const streaming = getStreamingDdl();

  return (
    <>
      <PageHeader eyebrow="Physical model" title="Warehouse DDL">
        The Redshift DDL as a modeller hands it to a DBA, with each table&apos;s distribution, sort key and column
        encodings and the reasons for them, generated from the same schema as the model pages. Beside it, its
        translations for a PostgreSQL server and for the embedded DuckDB warehouse.
      </PageHeader>
      <ModelNav />
      <div className={styles.columns}>
        <DdlPanel dialect="redshift" title="Redshift" primary />
        <DdlPanel dialect="postgres" title="PostgreSQL translation">
          : DISTSTYLE, DISTKEY and ENCODE dropped, each SORTKEY an index, foreign keys informational as on Redshift.
        </DdlPanel>
        <DdlPanel dialect="duckdb" title="DuckDB translation">
          : DISTSTYLE and DISTKEY dropped (one node). A SORTKEY survives as the order rows are written in (the fact
          inserts end in <code>ORDER BY</code> it), which DuckDB&apos;s per-row-group min/max zone maps skip by; ENCODE
          gives way to automatic compression per segment. Identity columns take sequences; keys are informational
          comments, as on Redshift, which does not enforce them either; <code>convert_timezone</code>,{' '}
          <code>f_date_key</code> and <code>f_time_of_day_key</code> are macros.
        </DdlPanel>
      </div>
      <section aria-labelledby="ddl-streaming" className={styles.streaming}>
        <h2 id="ddl-streaming">Streaming ingestion on Redshift</h2>
        <p className="muted">
          In production the player&apos;s Kinesis stream lands in Redshift through streaming ingestion; each micro-batch
          feeds the same transforms as a file load.
        </p>
        {streaming.map((file) => (
          <div key={file.path} className={styles.streamingFile}>
            <h3>
              <code>{file.path}</code>
            </h3>
            <SqlCode code={file.text} label={file.path} />
          </div>
        ))}
      </section>
    </>
  );
}
