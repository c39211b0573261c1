'use client';

import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';

import styles from './conceptual.module.css';
import type { ConceptEdge as ConceptEdgeType, Point } from './to-flow';

function polyline(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' ');
}

/**
 * A relationship with its verb and the multiplicity (1, 0..1, 1..N, 0..N) at each end, or a subtype as a
 * dashed "is a", drawn along the route and at the label positions the layout computed.
 */
function ConceptEdgeComponent({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data }: EdgeProps<ConceptEdgeType>) {
  const path = data?.route ? polyline(data.route) : getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })[0];
  return (
    <>
      <BaseEdge id={id} path={path} className={data?.kind === 'subtype' ? styles.subtypeEdge : styles.edge} />
      <EdgeLabelRenderer>
        {(data?.labels ?? []).map((label, i) => (
          <span
            key={i}
            className={`${label.kind === 'verb' ? styles.verb : styles.multiplicity} nodrag nopan`}
            style={{ transform: `translate(-50%, -50%) translate(${label.x}px, ${label.y}px)` }}
            aria-hidden="true"
          >
            {label.text}
          </span>
        ))}
      </EdgeLabelRenderer>
    </>
  );
}

export const ConceptEdge = memo(ConceptEdgeComponent);
