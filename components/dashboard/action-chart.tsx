'use client';

import { useCallback, useEffect, useRef, useState, type ComponentProps } from 'react';

import styles from './dashboard.module.css';
import { EChart, type ChartClick } from './echart';

/** Something a click on a bar or point can lead to: filter every panel to it, show its sessions, drill. */
export interface ChartAction {
  label: string;
  run: () => void;
}

/** What was clicked, in words, and what can be done with it. */
export interface ChartActions {
  title: string;
  actions: ChartAction[];
}

interface ActionChartProps extends Omit<ComponentProps<typeof EChart>, 'onSelect'> {
  /** The actions of the mark clicked; null when the click hit nothing that has any. */
  actionsFor: (click: ChartClick) => ChartActions | null;
}

interface OpenMenu extends ChartActions {
  x: number;
  y: number;
}

/**
 * A chart whose marks lead somewhere. A mark with one action runs it on click; one with several opens a
 * small menu at the pointer, so a click never has to guess between filtering and listing the sessions.
 * The table view offers the same actions as buttons, for the keyboard.
 */
export function ActionChart({ actionsFor, ...chart }: ActionChartProps) {
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const select = useCallback(
    (click: ChartClick) => {
      const found = actionsFor(click);
      if (!found || found.actions.length === 0) return;
      if (found.actions.length === 1) found.actions[0]?.run();
      else setMenu({ ...found, x: click.x, y: click.y });
    },
    [actionsFor],
  );
  return (
    <div className={styles.chartFrame}>
      <EChart {...chart} onSelect={select} />
      {menu ? <ChartMenu menu={menu} onClose={() => setMenu(null)} /> : null}
    </div>
  );
}

function ChartMenu({ menu, onClose }: { menu: OpenMenu; onClose: () => void }) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    element.current?.querySelector('button')?.focus();
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !element.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [onClose]);

  return (
    <div
      ref={element}
      className={styles.chartMenu}
      role="group"
      aria-label={menu.title}
      // Kept inside the chart: near the right edge the menu opens to the left of the pointer.
      style={{ left: `clamp(0px, ${menu.x}px, calc(100% - 16rem))`, top: menu.y }}
    >
      <p className={styles.chartMenuTitle}>{menu.title}</p>
      {menu.actions.map((action) => (
        <button
          key={action.label}
          type="button"
          className={styles.chartMenuItem}
          onClick={() => {
            onClose();
            action.run();
          }}
        >
          {action.label}
        </button>
      ))}
    </div>
  );
}
