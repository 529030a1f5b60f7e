/**
 * The legend under the pod, flowed into rows that fit the pod's width: no item is cut or split.
 * The Service lines (normal and broken) are explained only when the diagram draws Services.
 */
import type { DiagramStrings } from '../../protocol/pod-graph';
import { str, text, type LegendItem } from './layout-types';
import { textWidth } from './text';

const ITEMS: readonly [key: string, cls: string, line: boolean][] = [
  ['legend.socket', 'socket-swatch', false],
  ['legend.implied', 'socket-swatch implied-swatch', false],
  ['legend.unserved', 'socket-swatch unserved-swatch', false],
  ['legend.call', 'edge call', true],
  ['legend.rw', 'edge rw', true],
  ['legend.ro', 'edge ro', true],
  ['legend.service', 'edge service', true],
  ['legend.serviceBroken', 'edge service broken e-warning', true],
  ['legend.error', 'swatch-error', false],
  ['legend.warning', 'swatch-warning', false],
];

const SERVICE_ITEMS = new Set(['legend.service', 'legend.serviceBroken']);

export function layoutLegend(strings: DiagramStrings, x: number, y: number, width: number, services = false): { items: LegendItem[]; bottom: number } {
  const items: LegendItem[] = [];
  let lx = x;
  let ly = y;
  for (const [key, cls, line] of ITEMS) {
    if (!services && SERVICE_ITEMS.has(key)) continue;
    const label = str(strings, key);
    const w = 28 + Math.min(textWidth(label), width - 28) + 18;
    if (lx + w > x + width && lx > x) {
      lx = x;
      ly += 22;
    }
    items.push({ swatch: { x: lx, y: ly + 3, w: 20, h: 12 }, cls, line, text: text(lx + 26, ly + 13, label, width - 28) });
    lx += w;
  }
  return { items, bottom: ly + 22 };
}
