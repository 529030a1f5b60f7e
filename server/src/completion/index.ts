/**
 * Completion at a cursor: keys from the schema, snippets, and values that know the pod. Pure:
 * text analysis in, proposals out; the LSP feature turns them into CompletionItems.
 */
import { isPair, visit, type YAMLMap } from 'yaml';
import type { FileAnalysis } from '../core/analyze';
import { keyText, mapPairs } from '../core/yaml-access';
import type { UserImageInfo } from '../k8s/images';
import { freePorts, usedPorts } from './free-ports';
import { fieldCompletions, snippetCompletions } from './keys';
import { ITEM } from './lines';
import { walkSchema } from './schema-walk';
import type { CompletionOptions, PodCompletion, Translate } from './types';
import { valueCompletions } from './values';
import { configCompletions } from './config-names';
import { completionWorld, type CompletionWorld } from './world';

export type { CompletionOptions, PodCompletion, Translate } from './types';
export { cursorContext, type CursorContext } from './context';

/** Proposals and the columns (on `line`) they replace. */
export interface CompletionResult {
  readonly line: number;
  readonly replaceStart: number;
  readonly replaceEnd: number;
  readonly items: readonly PodCompletion[];
}

/**
 * Keys present in the mapping at the cursor. With a merge key (`<<: *base`) the merged keys count
 * too: the mapping is the one whose own keys are exactly those written around the cursor.
 */
function presentKeys(w: CompletionWorld): Set<string> {
  const written = new Set(w.ctx.present.map((p) => p.key));
  const doc = w.doc;
  if (!written.has('<<') || !doc) return written;
  const keys = new Set(written);
  visit(doc, {
    Map(_, map: YAMLMap) {
      const own = new Set(map.items.filter(isPair).map((p) => keyText(p)));
      if (own.size === written.size && [...written].every((k) => own.has(k))) for (const p of mapPairs(map, doc)) keys.add(keyText(p) ?? '');
    },
  });
  return keys;
}

function snippetFacts(w: CompletionWorld, images?: Readonly<Record<string, UserImageInfo>>): { seqIndent: string; freePort: number; volumeNames: string[] } {
  const container = w.container ?? w.pod?.containers[0];
  const port = w.pod && container ? freePorts(usedPorts(w.pod, container, undefined, images, w.configMaps), container, 'TCP', images, w.pod, w.configMaps).find((f) => f.reason === 'next')?.port : undefined;
  const volumeNames = [...(w.pod?.volumes ?? []), ...(w.pod?.claimTemplates ?? [])].flatMap((v) => (v.name ? [v.name] : []));
  return { seqIndent: w.indentless ? '' : '  ', freePort: port ?? 8080, volumeNames };
}

/** Completion proposals at an absolute offset of an analysed file. */
export function complete(
  analysis: FileAnalysis,
  offset: number,
  t: Translate,
  options: CompletionOptions = {},
  images?: Readonly<Record<string, UserImageInfo>>,
): CompletionResult | undefined {
  const w = completionWorld(analysis, offset, options.podTemplates);
  if (!w || !w.rootType) return undefined;
  const { ctx } = w;
  let items: PodCompletion[] = [];
  if (ctx.kind === 'value') {
    items = [...configCompletions(w, analysis, options.workspace, t), ...valueCompletions(w, walkSchema(w.rootType, w.path), images, t)];
  } else {
    const spot = walkSchema(w.rootType, w.path);
    const type = spot?.type;
    const facts = snippetFacts(w, images);
    if (type?.kind === 'ref') {
      const atItem = ctx.itemStart && w.path[w.path.length - 1] === ITEM;
      if (atItem && !ctx.flow) items.push(...snippetCompletions(type.name, facts, false, t));
      items.push(...fieldCompletions(type.name, ctx, presentKeys(w), facts.seqIndent, false, t));
    } else if (type?.kind === 'array' && type.items.kind === 'ref' && !ctx.flow && !ctx.itemStart) {
      items.push(...snippetCompletions(type.items.name, facts, true, t));
      items.push(...fieldCompletions(type.items.name, ctx, new Set(), facts.seqIndent, true, t));
    } else if (spot && w.path[w.path.length - 1] === ITEM) {
      items = valueCompletions(w, spot, images, t); // a scalar item: `accessModes:\n- Read|`
    }
  }
  if (options.yamlExtensionActive) items = items.filter((i) => i.knowledge);
  if (ctx.kind === 'value' && ctx.needsSpace) items = items.map((i) => ({ ...i, insertText: ` ${i.insertText}`, filterText: i.filterText ?? i.label }));
  return { line: analysis.lines.positionAt(offset).line, replaceStart: ctx.replaceStart, replaceEnd: ctx.replaceEnd, items };
}
