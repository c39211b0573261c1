'use client';

import '@xyflow/react/dist/style.css';

import { Background, Controls, ReactFlow } from '@xyflow/react';

import { ConceptEdge } from './concept-edge';
import styles from './conceptual.module.css';
import { EntityNode } from './entity-node';
import type { ConceptEdge as ConceptEdgeType, EntityNode as EntityNodeType } from './to-flow';

const nodeTypes = { entity: EntityNode };
const edgeTypes = { concept: ConceptEdge };

interface ConceptualDiagramProps {
  nodes: EntityNodeType[];
  edges: ConceptEdgeType[];
}

/** Read-only: the layout is generated from the model, so nothing here is dragged, connected or selected. */
export function ConceptualDiagram({ nodes, edges }: ConceptualDiagramProps) {
  return (
    <div className={styles.canvas} data-loading-state="loaded">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        fitView
        fitViewOptions={{ padding: { top: '24px', bottom: '24px', left: '56px', right: '24px' } }}
        minZoom={0.2}
        maxZoom={2}
        aria-label="Conceptual model: entities and relationships (the same as the list below)"
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
