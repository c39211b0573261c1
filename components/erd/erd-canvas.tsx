'use client';

import '@xyflow/react/dist/style.css';

import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useNodesState,
  useReactFlow,
  type EdgeChange,
  type FitViewOptions,
  type Node,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useId, useMemo, useRef, useState } from 'react';

import type { TableModel } from '@/db/schema/model-types';
import type { MetricLineage } from '@/server/metric-lineage-types';

import styles from './erd.module.css';
import { downloadDiagram, type ImageFormat } from './export-image';
import { ForeignKeyEdge } from './foreign-key-edge';
import { EMPTY_HIGHLIGHT, ErdHighlightContext, type ErdHighlight } from './highlight-context';
import type { ErdLayout } from './layout';
import { searchTables } from './search';
import { TableNode } from './table-node';
import { TablePanel } from './table-panel';
import { orientEdges, selectTables, toFlow, type Box, type ForeignKeyEdge as ForeignKeyEdgeType, type TableNode as TableNodeType } from './to-flow';
import { TraceControl } from './trace-control';
import { findLineage, toTraceHighlight, traceHref } from './trace';
import { TraceSummary } from './trace-summary';
import { useWideCanvas } from './use-wide-canvas';

const nodeTypes = { table: TableNode };
const edgeTypes = { 'foreign-key': ForeignKeyEdge };

/** The minimap sits bottom right and the controls bottom left: the fitted diagram keeps clear of both. */
const WIDE_FIT: FitViewOptions = { padding: { top: '24px', bottom: '24px', left: '64px', right: '240px' } };
const NARROW_FIT: FitViewOptions = { padding: { top: '16px', bottom: '16px', left: '56px', right: '16px' } };

export interface ErdLayouts {
  /** Facts and dimensions only. */
  galaxy: ErdLayout;
  /** Every table, aggregates, staging and audit included. */
  all: ErdLayout;
}

interface ErdCanvasProps {
  tables: TableModel[];
  layouts: ErdLayouts;
  /** What each metric's SQL reads, for "Trace a metric" (offered only when there is one). */
  lineages: MetricLineage[];
}

function positionedNodes(tables: readonly TableModel[], layout: ErdLayout): TableNodeType[] {
  return toFlow(tables).nodes.map((node) => ({ ...node, position: { x: layout[node.id]?.x ?? 0, y: layout[node.id]?.y ?? 0 } }));
}

function minimapClass(node: Node): string {
  const kind = (node as TableNodeType).data.table.kind;
  return styles[`minimap-${kind}`] ?? '';
}

/** The warehouse as an entity-relationship diagram: drag, zoom, search, select, export. */
export function ErdCanvas(props: ErdCanvasProps) {
  return (
    <ReactFlowProvider>
      <ErdFlow {...props} />
    </ReactFlowProvider>
  );
}

function ErdFlow({ tables, layouts, lineages }: ErdCanvasProps) {
  const [includePlumbing, setIncludePlumbing] = useState(false);
  const shown = useMemo(() => selectTables(tables, includePlumbing), [tables, includePlumbing]);
  const hasPlumbing = selectTables(tables, false).length < tables.length;
  const layout = includePlumbing ? layouts.all : layouts.galaxy;
  const [nodes, setNodes, onNodesChange] = useNodesState<TableNodeType>(positionedNodes(shown, layout));
  const [selectedTable, setSelectedTable] = useState<string | null>(null);
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [exporting, setExporting] = useState(false);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const { fitView, getInternalNode, setCenter } = useReactFlow();
  const searchId = useId();
  const wide = useWideCanvas();
  const fitOptions = wide ? WIDE_FIT : NARROW_FIT;

  // The traced metric lives in the URL (/model?trace=watch-time), so dashboards can link to it.
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const traced = findLineage(lineages, searchParams.get('trace'));
  const trace = useMemo(() => (traced ? toTraceHighlight(traced) : null), [traced]);
  const setTrace = (metric: string | null) => {
    window.history.pushState(null, '', traceHref(pathname, searchParams.toString(), metric));
  };

  const baseEdges = useMemo(() => toFlow(shown).edges, [shown]);
  const edges = useMemo(() => {
    const boxes = new Map<string, Box>(nodes.map((n) => [n.id, { x: n.position.x, y: n.position.y, width: n.measured?.width ?? layout[n.id]?.width ?? 0 }]));
    return orientEdges(baseEdges, boxes).map((edge) => ({ ...edge, selected: edge.id === selectedEdge }));
  }, [baseEdges, nodes, layout, selectedEdge]);

  const matches = useMemo(() => searchTables(shown, query), [shown, query]);
  // From the base edges, not the oriented ones: those change on every drag frame, and a new highlight re-renders every node.
  const highlight = useMemo((): ErdHighlight => {
    const edge = baseEdges.find((e) => e.id === selectedEdge);
    const joinColumns = new Set<string>();
    if (edge?.data) {
      for (const c of edge.data.sourceColumns) joinColumns.add(`${edge.source}.${c}`);
      for (const c of edge.data.targetColumns) joinColumns.add(`${edge.target}.${c}`);
    }
    if (!matches && joinColumns.size === 0 && !trace) return EMPTY_HIGHLIGHT;
    return { joinColumns, matchedTables: matches?.tables ?? null, matchedColumns: matches?.columns ?? new Set(), trace };
  }, [baseEdges, selectedEdge, matches, trace]);

  const restoreLayout = useCallback(
    (nextTables: readonly TableModel[], nextLayout: ErdLayout) => {
      setNodes(positionedNodes(nextTables, nextLayout));
      void fitView({ ...fitOptions, duration: 200 });
    },
    [setNodes, fitView, fitOptions],
  );

  const onSelectionChange = useCallback(({ nodes: selectedNodes }: OnSelectionChangeParams) => {
    setSelectedTable(selectedNodes[0]?.id ?? null);
  }, []);

  // Edges are derived, not stored: only their selection is state.
  const onEdgesChange = useCallback((changes: EdgeChange<ForeignKeyEdgeType>[]) => {
    for (const change of changes) {
      if (change.type === 'select') setSelectedEdge((current) => (change.selected ? change.id : current === change.id ? null : current));
    }
  }, []);

  const togglePlumbing = (checked: boolean) => {
    setIncludePlumbing(checked);
    setSelectedTable(null);
    setSelectedEdge(null);
    restoreLayout(selectTables(tables, checked), checked ? layouts.all : layouts.galaxy);
  };

  const onSearch = (value: string) => {
    setQuery(value);
    const found = searchTables(shown, value);
    const first = shown.find((t) => found?.tables.has(t.name));
    const node = first ? getInternalNode(first.name) : undefined;
    if (node) {
      const { x, y } = node.internals.positionAbsolute;
      const width = node.measured.width ?? 0;
      // Centre on the table's header: tall tables would otherwise open mid-way down their columns.
      void setCenter(x + width / 2, y + 160, { zoom: 1, duration: 300 });
    }
  };

  const closePanel = () => {
    setSelectedTable(null);
    setNodes((current) => current.map((n) => (n.selected ? { ...n, selected: false } : n)));
  };

  const exportImage = async (format: ImageFormat) => {
    if (!wrapperRef.current) return;
    setExporting(true);
    try {
      await downloadDiagram(format, wrapperRef.current, nodes);
    } finally {
      setExporting(false);
    }
  };

  const panelTable = shown.find((t) => t.name === selectedTable);

  return (
    <div className={styles.erd}>
      <div className={styles.toolbar}>
        <div role="search" className={styles.search}>
          <label htmlFor={searchId}>Find a table or column</label>
          <input id={searchId} type="search" value={query} onChange={(e) => onSearch(e.target.value)} placeholder="e.g. user_key" />
          {matches ? (
            <span className={styles.matchCount} aria-live="polite">
              {matches.tables.size} {matches.tables.size === 1 ? 'table' : 'tables'}
            </span>
          ) : null}
        </div>
        {lineages.length > 0 ? <TraceControl lineages={lineages} value={traced?.metric ?? null} onChange={setTrace} /> : null}
        {hasPlumbing ? (
          <label className={styles.toggle}>
            <input type="checkbox" checked={includePlumbing} onChange={(e) => togglePlumbing(e.target.checked)} />
            Show aggregate, staging and audit tables
          </label>
        ) : null}
        <div className={styles.actions}>
          <button type="button" className="button button--secondary" onClick={() => restoreLayout(shown, layout)}>
            Reset layout
          </button>
          <button type="button" className="button" onClick={() => void exportImage('png')} disabled={exporting}>
            Export PNG
          </button>
          <button type="button" className="button" onClick={() => void exportImage('svg')} disabled={exporting}>
            Export SVG
          </button>
        </div>
      </div>
      {traced ? <TraceSummary lineage={traced} onClear={() => setTrace(null)} /> : null}
      <div className={styles.body}>
        <div ref={wrapperRef} className={styles.canvas} data-loading-state="loaded">
          <ErdHighlightContext.Provider value={highlight}>
            <ReactFlow
              nodes={nodes}
              edges={edges}
              onNodesChange={onNodesChange}
              onSelectionChange={onSelectionChange}
              onEdgesChange={onEdgesChange}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              nodesConnectable={false}
              fitView
              fitViewOptions={fitOptions}
              minZoom={0.1}
              maxZoom={2}
              aria-label="Entity-relationship diagram of the warehouse"
            >
              <Background gap={24} />
              <Controls showInteractive={false} />
              {wide ? <MiniMap pannable zoomable nodeClassName={minimapClass} ariaLabel="Diagram overview" /> : null}
            </ReactFlow>
          </ErdHighlightContext.Provider>
        </div>
        {panelTable ? <TablePanel table={panelTable} onClose={closePanel} /> : null}
      </div>
    </div>
  );
}
