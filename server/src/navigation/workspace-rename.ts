/**
 * Rename across the workspace files: a ConfigMap/Secret key (the data entry and every
 * `configMapKeyRef`/`secretKeyRef.key` and volume `items[].key` that reads it), a label key or
 * value (the pod template labels and the selectors that pick them: Services, NetworkPolicies,
 * the workloads' own selectors). The occurrences are the workspace links (workspace-links.ts).
 * A key read whole by some pod (`envFrom`, a volume without `items`) is not renamed: there the
 * key is a variable or file name the application reads, which no edit of the manifests follows.
 * Pure: offsets in, edits out; nothing is written.
 */
import type { FileAnalysis } from '../core/analyze';
import { configRefsOf } from '../k8s/config-refs';
import { configKeyErrors, labelKeyErrors, labelValueErrors } from '../k8s/key-names';
import { sameNamespace } from '../k8s/neighbourhood';
import { configTargetAt, linksOf, type WorkspaceLinks } from './config-links';
import { labelLinksAt } from './label-links';
import { hoodOf, Placer, type Place, type WorkspaceView } from './workspace-view';

export interface WorkspaceRenameTarget {
  readonly kind: 'config-key' | 'label-key' | 'label-value';
  readonly name: string;
  /** The name under the cursor in this file, without quotes (absolute offsets). */
  readonly start: number;
  readonly end: number;
  /** Every occurrence, quotes included, with the quote character each one uses. */
  readonly occurrences: readonly (Place & { readonly quote: string })[];
  /** Occurrences in workload selectors, which the API server will not change on an existing object. */
  readonly immutable: readonly Place[];
}

/** A key that cannot be renamed: a pod reads the object whole. */
export interface RenameRefusal {
  readonly refused: 'config-key-read-whole';
  readonly kind: string;
  readonly name: string;
  readonly key: string;
  readonly pod: string;
}

export interface WorkspaceRenameEdit extends Place {
  readonly text: string;
}

function quoteOf(text: string | undefined, start: number): string {
  const first = text?.[start];
  return first === '"' || first === "'" ? first : '';
}

function targetOf(analysis: FileAnalysis, offset: number, view: WorkspaceView, links: WorkspaceLinks): WorkspaceRenameTarget | undefined {
  const textOf = (source: string | undefined): string | undefined => (source === undefined ? analysis.text : view.peers.find((p) => p.source === source)?.text);
  const all = [...links.definitions, ...links.references];
  const here = all.find((p) => p.source === undefined && p.start <= offset && offset <= p.end);
  if (!here) return undefined;
  const quote = quoteOf(analysis.text, here.start);
  const occurrences = all.map((p) => ({ ...p, quote: quoteOf(textOf(p.source), p.start) }));
  const kind = links.kind;
  if (kind !== 'config-key' && kind !== 'label-key' && kind !== 'label-value') return undefined;
  return { kind, name: links.name, start: here.start + quote.length, end: here.end - quote.length, occurrences, immutable: links.immutable ?? [] };
}

/** What a rename at an offset would change across the workspace, a refusal, or undefined when nothing renameable is there. */
export function workspaceRenameTarget(analysis: FileAnalysis, offset: number, view: WorkspaceView): WorkspaceRenameTarget | RenameRefusal | undefined {
  const hood = hoodOf(analysis, view);
  const config = configTargetAt(analysis, offset, hood);
  if (config) {
    if (config.key === undefined) return undefined;
    for (const p of hood.pods) {
      if (!sameNamespace(p.namespace, config.namespace)) continue;
      const refs = configRefsOf(p.pod).filter((r) => r.kind === config.kind && r.name === config.name);
      const whole = refs.find((r) => r.key === undefined && !refs.some((o) => o.nameNode === r.nameNode && o.key !== undefined && !o.mount));
      if (whole) return { refused: 'config-key-read-whole', kind: config.kind, name: config.name, key: config.key, pod: `${p.pod.kind}/${p.pod.name ?? '?'}` };
    }
    const links = linksOf(hood, new Placer(view), config);
    // The object must be in the workspace: renaming only the references would break them.
    return links.definitions.length > 0 ? targetOf(analysis, offset, view, links) : undefined;
  }
  const labels = labelLinksAt(analysis, offset, view);
  return labels ? targetOf(analysis, offset, view, labels) : undefined;
}

export const isRefusal = (x: WorkspaceRenameTarget | RenameRefusal | undefined): x is RenameRefusal => !!x && 'refused' in x;

/** Problems with a new name, in the API server's words (empty when valid). */
export function workspaceNameErrors(kind: WorkspaceRenameTarget['kind'], name: string): string[] {
  if (kind === 'config-key') return configKeyErrors(name);
  return kind === 'label-key' ? labelKeyErrors(name) : labelValueErrors(name);
}

/** Plain scalars YAML would read as something else than a string (a label must be a string). */
const NOT_A_STRING = /^(?:|~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\.?[0-9][0-9_.eE+-]*|\.inf|\.nan)|0x[0-9a-f]+|0o[0-7]+)$/i;

/** The edits of a rename, per occurrence; each keeps its scalar's quoting, and an unquoted one is quoted when it would stop being a string. */
export function workspaceRenameEdits(target: WorkspaceRenameTarget, newName: string): WorkspaceRenameEdit[] {
  return target.occurrences.map((o) => {
    const quote = o.quote || (NOT_A_STRING.test(newName) ? '"' : '');
    return { source: o.source, start: o.start, end: o.end, text: `${quote}${newName}${quote}` };
  });
}
