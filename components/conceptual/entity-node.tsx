'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';

import styles from './conceptual.module.css';
import { handleId, type EntityNode as EntityNodeType, type Side } from './to-flow';

const SIDES: { side: Side; position: Position }[] = [
  { side: 'top', position: Position.Top },
  { side: 'right', position: Position.Right },
  { side: 'bottom', position: Position.Bottom },
  { side: 'left', position: Position.Left },
];

/** An entity: its name, its supertype if any, and the tables that implement it. */
function EntityNodeComponent({ data }: NodeProps<EntityNodeType>) {
  const { entity, supertype } = data;
  const tables = [...new Set(entity.implementedBy.map((i) => i.table))];
  return (
    <div className={styles.entity} data-entity={entity.id}>
      <div className={styles.entityName}>{entity.name}</div>
      {supertype ? <div className={styles.entityMeta}>a kind of {supertype}</div> : null}
      <div className={styles.entityTables}>{tables.join(' · ')}</div>
      {SIDES.flatMap(({ side, position }) =>
        (['source', 'target'] as const).map((type) => (
          <Handle key={`${side}-${type}`} id={handleId(side, type)} type={type} position={position} isConnectable={false} className={styles.handle} />
        )),
      )}
    </div>
  );
}

export const EntityNode = memo(EntityNodeComponent);
