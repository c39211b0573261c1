import type { Metadata } from 'next';

import { orderTables } from '@/components/model/catalog-format';
import { ModelNav } from '@/components/model/model-nav';
import { ModelToc } from '@/components/model/model-toc';
import { RelationshipList } from '@/components/model/relationship-list';
import { TableGroups } from '@/components/model/table-groups';
import styles from '@/components/model/model.module.css';
import { PageHeader } from '@/components/ui/page-header';
import { ScrollToHash } from '@/components/ui/scroll-to-hash';
import { getModelCatalog } from '@/server/model-catalog';

export const metadata: Metadata = { title: 'Tables and relationships' };

export default function ModelTablesPage() {
  const tables = orderTables(getModelCatalog());

  return (
    <>
      <PageHeader eyebrow="Redshift galaxy schema" title="Tables and relationships">
        The diagram as a list: every table with its grain, distribution and sort key and the reasons behind them, then
        every relationship. Fact tables share conformed dimensions, so viewing and rating metrics slice the same way.
        The physical design is Redshift&apos;s; each table notes what its distribution and sort key become on the
        embedded DuckDB warehouse, where the columns&apos; ENCODE gives way to automatic compression per segment.
      </PageHeader>
      <ModelNav />
      <div className={styles.layout}>
        <ModelToc tables={tables} />
        <div className="stack-lg">
          <TableGroups tables={tables} />
          <RelationshipList tables={tables} />
        </div>
      </div>
      <ScrollToHash />
    </>
  );
}
