/**
 * Renaming a port name or a volume name, with everything that refers to it:
 *  - a container port's `name`: the declaration, the probes and lifecycle handlers of that
 *    container that use it, and the `targetPort` of Services in the same file selecting the pod;
 *  - a volume's `name`: the volume (or volume claim template) and every `volumeMounts[].name` of
 *    the pod that uses it.
 * Pure: offsets in, edits out (absolute offsets). The LSP feature converts them to ranges.
 */
import { isScalar } from 'yaml';
import { dns1123LabelErrors, portNameErrors } from '../k8s/names';
import { linksAt } from './links';
import type { FileAnalysis } from '../core/analyze';
import { locate } from '../core/locate';

/** What a rename at an offset would change. */
export interface RenameTarget {
  readonly kind: 'port' | 'volume';
  readonly name: string;
  /** The absolute span of the name under the cursor (without quotes). */
  readonly start: number;
  readonly end: number;
  /** Where the edits go: every occurrence, absolute spans of the scalar text (quotes included). */
  readonly occurrences: readonly { readonly start: number; readonly end: number; readonly quote: string }[];
}

/** One text replacement. */
export interface RenameEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The quote character a scalar's text starts with, if any. */
function quoteAt(text: string, start: number): string {
  const first = text[start];
  return first === '"' || first === "'" ? first : '';
}

/**
 * The port or volume name at an offset, with its occurrences; undefined when nothing renameable
 * is there. The occurrences are the name links of navigation/links.ts (the same ones "Find All
 * References" shows); a rename starts only inside a pod, on a name, and for a port only on a
 * name the container declares.
 */
export function renameTarget(analysis: FileAnalysis, offset: number): RenameTarget | undefined {
  const loc = locate(analysis, offset);
  const node = loc?.node;
  if (!loc || !loc.pod || !isScalar(node) || typeof node.value !== 'string' || loc.onKey || !node.range) return undefined;
  const links = linksAt(analysis, offset);
  if (!links || links.name !== node.value) return undefined;
  if (links.kind === 'port' && links.definitions.length === 0) return undefined;
  const start = node.range[0] + loc.chunk.start;
  const end = node.range[1] + loc.chunk.start;
  const quote = quoteAt(analysis.text, start);
  const occurrences = [...links.definitions, ...links.references].map((o) => ({ ...o, quote: quoteAt(analysis.text, o.start) }));
  const kind = links.kind;
  return { kind, name: node.value, start: start + quote.length, end: end - quote.length, occurrences: occurrences.filter((o, i) => occurrences.findIndex((x) => x.start === o.start) === i) };
}

/** Problems with a new name, in the API server's words (empty when valid). */
export function newNameErrors(kind: RenameTarget['kind'], name: string): string[] {
  return kind === 'port' ? portNameErrors(name) : dns1123LabelErrors(name);
}

/** The edits of a rename; each keeps the quoting style of the scalar it replaces. */
export function renameEdits(target: RenameTarget, newName: string): RenameEdit[] {
  return target.occurrences.map((o) => ({ start: o.start, end: o.end, text: `${o.quote}${newName}${o.quote}` }));
}
