'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';

import { KindBadge } from '@/components/ui/kind-badge';

import styles from './erd.module.css';
import { useErdHighlight } from './highlight-context';
import { columnFlags, foreignKeyColumns, formatDistribution, formatSortKey } from './table-format';
import { columnHandleId, type TableNode as TableNodeType } from './to-flow';

const HANDLES = [
  { side: 'left', type: 'source', position: Position.Left },
  { side: 'left', type: 'target', position: Position.Left },
  { side: 'right', type: 'source', position: Position.Right },
  { side: 'right', type: 'target', position: Position.Right },
] as const;

/** A table as a node: header, physical design line, and one row per column with a handle on each side. */
function TableNodeComponent({ data, selected }: NodeProps<TableNodeType>) {
  const { table } = data;
  const highlight = useErdHighlight();
  const fkColumns = foreignKeyColumns(table);
  const sortKey = formatSortKey(table);
  const traced = highlight.trace ? (highlight.trace.tables.get(table.name) ?? 'out') : undefined;
  const dimmed = (highlight.matchedTables !== null && !highlight.matchedTables.has(table.name)) || traced === 'out';
  const matched = highlight.matchedTables?.has(table.name) ?? false;

  const className = [
    styles.node,
    styles[`kind-${table.kind}`],
    selected ? styles.selected : '',
    dimmed ? styles.dimmed : '',
    matched ? styles.matched : '',
    traced && traced !== 'out' ? styles.traced : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className={className} data-table={table.name} data-trace={traced}>
      <div className={styles.nodeHeader}>
        <span className={styles.nodeName}>{table.name}</span>
        <KindBadge kind={table.kind} />
      </div>
      <p className={styles.nodeMeta} title={[formatDistribution(table), sortKey].filter(Boolean).join(' · ')}>
        {formatDistribution(table)}
        {sortKey ? ` · ${sortKey}` : ''}
      </p>
      <ul className={styles.rows}>
        {table.columns.map((column) => {
          const key = `${table.name}.${column.name}`;
          const state = highlight.joinColumns.has(key) ? 'join' : highlight.matchedColumns.has(key) ? 'match' : undefined;
          const trace = highlight.trace?.columns.get(key);
          const rowClass = [
            styles.row,
            state === 'join' ? styles.joinColumn : '',
            state === 'match' ? styles.matchedColumn : '',
            !state && trace === 'used' ? styles.tracedColumn : '',
            !state && trace === 'filter' ? styles.filterColumn : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <li key={column.name} className={rowClass} data-column={column.name} data-highlight={state} data-trace={trace}>
              <span className={styles.keyMarker}>{column.primaryKey ? 'PK' : fkColumns.has(column.name) ? 'FK' : ''}</span>
              <span className={styles.columnName}>{column.name}</span>
              <span className={styles.columnType}>{column.redshiftType}</span>
              <span className={styles.columnFlags}>{columnFlags(column).join(' ')}</span>
              {HANDLES.map((h) => (
                <Handle
                  key={`${h.side}-${h.type}`}
                  id={columnHandleId(column.name, h.side, h.type)}
                  type={h.type}
                  position={h.position}
                  isConnectable={false}
                  className={styles.handle}
                />
              ))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export const TableNode = memo(TableNodeComponent);
