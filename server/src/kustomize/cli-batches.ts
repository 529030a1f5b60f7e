/**
 * The CLI's renders grouped: overlays that cannot affect each other go into one kustomize process
 * (render-batch.ts), the others are rendered alone. When a group fails, the overlay kustomize's
 * error names is rendered alone (so it gets kustomize's own message about it, as without
 * batches) and the others together again; when no overlay is named, the group is rendered
 * again in two halves, down to single overlays.
 */
import { parseAllDocuments } from 'yaml';
import type { ReadText } from './kustomization';
import { render, type RenderOptions, type RenderResult } from './render';
import { batchable, renderTogether } from './render-batch';
import type { Overlay } from './workspace-overlays';

/** At most this many overlays in one kustomize process: its output is held whole until split. */
const MAX_BATCH = 40;

/**
 * What an overlay could meet in another one's render. At the top of a build kustomize fixes the
 * references to every renamed resource it holds (a `serviceName: web` left as is in one overlay
 * would follow another overlay's `web` renamed `prod-web`). So overlays go together only when no
 * name one of them gives a resource (or adds as a prefix or suffix) appears anywhere in the other's
 * files: a superset of every reference either could hold.
 */
interface Footprint {
  readonly names: readonly string[];
  readonly text: string;
}

type FileNames = Map<string, { names: readonly string[]; text: string } | undefined>;

/** The names one file gives, read once per grouping (overlays share their bases); undefined when unreadable. */
function namesIn(file: string, isKustomization: boolean, read: ReadText, known: FileNames): { names: readonly string[]; text: string } | undefined {
  const key = `${isKustomization ? 'k' : 'r'}\u0000${file}`;
  if (known.has(key)) return known.get(key);
  let text: string;
  try {
    text = read(file);
  } catch {
    known.set(key, undefined);
    return undefined;
  }
  const names: string[] = [];
  for (const doc of parseAllDocuments(text)) {
    const value = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown> | null;
    if (!value || typeof value !== 'object') continue;
    const meta = value.metadata as Record<string, unknown> | undefined;
    if (typeof meta?.name === 'string') names.push(meta.name);
    if (!isKustomization) continue;
    for (const k of ['namePrefix', 'nameSuffix']) if (typeof value[k] === 'string' && value[k] !== '') names.push(value[k] as string);
    for (const k of ['configMapGenerator', 'secretGenerator']) {
      for (const g of Array.isArray(value[k]) ? (value[k] as unknown[]) : []) {
        const name = (g as Record<string, unknown> | null)?.name;
        if (typeof name === 'string') names.push(name);
      }
    }
  }
  const found = { names, text };
  known.set(key, found);
  return found;
}

function footprintOf(overlay: Overlay, read: ReadText, known: FileNames): Footprint | undefined {
  const names = new Set<string>();
  const texts: string[] = [];
  for (const file of overlay.files) {
    const found = namesIn(file, overlay.tree.some((k) => k.file === file), read, known);
    if (!found) return undefined;
    texts.push(found.text);
    for (const name of found.names) names.add(name);
  }
  return { names: [...names].filter((n) => n !== ''), text: texts.join('\n') };
}

const meets = (a: Footprint, b: Footprint): boolean => a.names.some((n) => b.text.includes(n)) || b.names.some((n) => a.text.includes(n));

/**
 * Indexes of the overlays, in groups rendered together: each group's overlays share no file and
 * no name. Groups are sized so that `lanes` kustomize processes have about the same work.
 */
export function batchesOf(overlays: readonly Overlay[], read: ReadText, lanes: number): number[][] {
  const known: FileNames = new Map();
  const prints = overlays.map((o) => (batchable(o.tree, read) ? footprintOf(o, read, known) : undefined));
  const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(prints.filter(Boolean).length / Math.max(1, lanes))));
  const groups: { indexes: number[]; files: Set<string>; prints: Footprint[] }[] = [];
  const alone: number[][] = [];
  overlays.forEach((overlay, index) => {
    const print = prints[index];
    if (!print) return void alone.push([index]);
    const fits = (g: (typeof groups)[number]): boolean => g.indexes.length < size && ![...overlay.files].some((f) => g.files.has(f)) && !g.prints.some((p) => meets(p, print));
    let group = groups.find(fits);
    if (!group) {
      group = { indexes: [], files: new Set(), prints: [] };
      groups.push(group);
    }
    group.indexes.push(index);
    group.prints.push(print);
    overlay.files.forEach((f) => group?.files.add(f));
  });
  return [...groups.map((g) => g.indexes), ...alone];
}

/** What each overlay's own render gives, rendering the group in one process when it can. */
export async function renderGroup(overlays: readonly Overlay[], options: RenderOptions): Promise<RenderResult[]> {
  if (overlays.length === 1) return [await render((overlays[0] as Overlay).dir, options)];
  const together = await renderTogether(overlays.map((o) => o.tree), options);
  if (Array.isArray(together)) return together;
  const culprit = together.culprit;
  if (culprit !== undefined) {
    const alone = await render((overlays[culprit] as Overlay).dir, options);
    const others = await renderGroup([...overlays.slice(0, culprit), ...overlays.slice(culprit + 1)], options);
    return [...others.slice(0, culprit), alone, ...others.slice(culprit)];
  }
  const half = Math.ceil(overlays.length / 2);
  return [...(await renderGroup(overlays.slice(0, half), options)), ...(await renderGroup(overlays.slice(half), options))];
}
