'use client';

import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, Position, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';

import styles from './erd.module.css';
import { useErdHighlight } from './highlight-context';
import type { ForeignKeyEdge as ForeignKeyEdgeType } from './to-flow';

/** Offset of the cardinality labels from the handle, outward along the edge's first segment. */
const LABEL_OFFSET = 14;

function offset(x: number, position: Position): number {
  return position === Position.Left ? x - LABEL_OFFSET : x + LABEL_OFFSET;
}

/** A many-to-one foreign key: "N" at the referencing end, "1" at the referenced end. */
function ForeignKeyEdgeComponent({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, markerEnd }: EdgeProps<ForeignKeyEdgeType>) {
  const [path] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 8 });
  const { trace } = useErdHighlight();
  const role = trace?.edges.get(id);
  const className = selected ? styles.edgeSelected : role === 'used' ? styles.edgeTraced : role === 'filter' ? styles.edgeFilter : trace ? styles.edgeDimmed : styles.edge;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={className} />
      <EdgeLabelRenderer>
        <span
          className={`${styles.cardinality} nodrag nopan`}
          style={{ transform: `translate(-50%, -100%) translate(${offset(sourceX, sourcePosition)}px, ${sourceY - 2}px)` }}
          aria-hidden="true"
        >
          N
        </span>
        <span
          className={`${styles.cardinality} nodrag nopan`}
          style={{ transform: `translate(-50%, -100%) translate(${offset(targetX, targetPosition)}px, ${targetY - 2}px)` }}
          aria-hidden="true"
        >
          1
        </span>
      </EdgeLabelRenderer>
    </>
  );
}

export const ForeignKeyEdge = memo(ForeignKeyEdgeComponent);
