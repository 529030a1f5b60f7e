/**
 * Findings on a rendered overlay, moved to the source lines that wrote them. Each rendered
 * resource names its file (origin annotation); a field a patch set goes to the patch, any other
 * to the resource file. What cannot be placed goes on the overlay's kustomization file, never on
 * the temporary render. See docs/kustomize.md for what cannot be mapped.
 */
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { Document, Node } from 'yaml';
import type { FileAnalysis } from '../core/analyze';
import { LineIndex, type Range } from '../core/line-index';
import { locate } from '../core/locate';
import { t, type Locale } from '../l10n';
import type { Finding, Severity } from '../rules/types';
import { fieldPathText, mergeKeyPath, follow, type Step } from './field-path';
import type { KustomizationInfo } from './kustomization';
import { patchesFor, patchTouches, patchWriter, renamedFrom } from './patches';
import { identity, placeOf, resourceDoc, type Place, type Sources } from './sources';

export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

/** A finding placed in a source file (ranges: LSP, 0-based, UTF-16). */
export interface SourceFinding {
  readonly file: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly related: readonly { readonly file: string; readonly range: Range; readonly message: string }[];
  /** The overlays whose render raised it (several after de-duplication). */
  readonly overlays: readonly string[];
  /** The message without the overlay suffix (for de-duplication across overlays). */
  readonly bareMessage: string;
}

/** Everything the mapping of one overlay needs. */
export interface OverlayContext {
  /** The overlay folder (the user's, not the temporary copy). */
  readonly dir: string;
  /** How the overlay is named in messages (`overlays/prod`). */
  readonly label: string;
  readonly tree: readonly KustomizationInfo[];
  readonly sources: Sources;
  readonly locale: Locale;
}

/** A place in a source file, and whether a patch wrote it. */
interface Mapped extends Place {
  readonly byPatch: boolean;
}

const POD_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers', 'volumes']);

function originFile(doc: Document, overlayDir: string): string | undefined {
  const raw = doc.getIn(['metadata', 'annotations', ORIGIN_ANNOTATION]);
  if (typeof raw !== 'string') return undefined;
  try {
    const origin = parse(raw) as { path?: unknown; repo?: unknown } | null;
    return origin && typeof origin.path === 'string' && origin.repo === undefined ? resolve(overlayDir, origin.path) : undefined;
  } catch {
    return undefined;
  }
}

/** Patches last applied first: outer kustomizations first, and the later patches of each first. */
function patchOrder(tree: readonly KustomizationInfo[]): KustomizationInfo['patches'] {
  return tree.flatMap((k) => [...k.patches].reverse());
}

export class OverlayMapper {
  private readonly lines = new Map<string, LineIndex>();

  constructor(
    private readonly ctx: OverlayContext,
    private readonly rendered: FileAnalysis,
  ) {}

  rangeIn(file: string, text: string, start: number, end: number): Range {
    let index = this.lines.get(file);
    if (!index) {
      index = new LineIndex(text);
      this.lines.set(file, index);
    }
    return index.rangeOf(start, end);
  }

  /** Where a rendered offset was written, or undefined. `withTouches` adds the patches that touch its pod. */
  place(offset: number, withTouches = false): { mapped?: Mapped; touches: Place[]; raw: readonly (string | number)[] } {
    const at = locate(this.rendered, offset);
    if (!at) return { touches: [], raw: [] };
    const file = originFile(at.doc, this.ctx.dir);
    const source = file ? this.ctx.sources.file(file) : undefined;
    const { kind, name, namespace } = identity(at.doc);
    // A resource a JSON patch renamed is found under its old name (the patch's target).
    const renamed = source ? renamedFrom(patchOrder(this.ctx.tree), kind, name, this.ctx.sources) : undefined;
    const base = source ? ((renamed !== undefined ? resourceDoc(source, kind, renamed, namespace) : undefined) ?? resourceDoc(source, kind, name, namespace)) : undefined;
    const sourceId = base && identity(base);
    const resource = { kind, name: sourceId?.name ?? name, namespace: sourceId ? sourceId.namespace : namespace };
    const applied = patchesFor(patchOrder(this.ctx.tree), resource, this.ctx.sources);
    const path = mergeKeyPath(at.doc.contents, at.path);
    const written = patchWriter(applied, path, at.onKey, at.doc.contents);
    let mapped: Mapped | undefined = written ? { ...written, byPatch: true } : undefined;
    if (!mapped && source && base) {
      const reached = follow(base.contents, path);
      if (reached) mapped = { ...placeOf(source, at.onKey && reached.pair ? (reached.pair.key as Node) : reached.node), byPatch: false };
    }
    let touches: Place[] = [];
    if (withTouches && applied.length > 0) {
      const podEnd = at.path.findIndex((s) => typeof s === 'string' && POD_LISTS.has(s));
      const podPath: Step[] = mergeKeyPath(at.doc.contents, podEnd > 0 ? at.path.slice(0, podEnd) : []);
      touches = patchTouches(applied, podPath, at.doc.contents);
    }
    return { mapped, touches, raw: at.path };
  }

  /** The rendered finding, on source lines. */
  map(finding: Finding): SourceFinding {
    const { ctx } = this;
    const tr = (key: string, args: Record<string, string | number>): string => t(ctx.locale, key, args);
    const primary = this.place(finding.start, true);
    const related = finding.related.map((r) => ({ ...this.place(r.start), message: r.message }));
    let at = primary.mapped;
    let message = finding.message;
    const others: { place: Place; message: string }[] = related.flatMap((r) => (r.mapped ? [{ place: r.mapped, message: r.message }] : []));
    // A conflict between the base and a patch belongs on the patch: the patch brought it in.
    const patchSide = related.find((r) => r.mapped?.byPatch);
    if (at && !at.byPatch && patchSide?.mapped && finding.rule === 'port-conflict') {
      const facts = finding.data ?? {};
      const init = [...primary.raw, ...patchSide.raw].includes('initContainers');
      const args = { port: String(facts.port ?? ''), protocol: String(facts.protocol ?? 'TCP'), other: String(facts.container ?? ''), path: fieldPathText(primary.raw.slice(0, -1)), otherPath: fieldPathText(patchSide.raw.slice(0, -1)) };
      message = tr(init ? 'port-conflict.init' : 'port-conflict.message', args);
      others.splice(others.indexOf(others.find((o) => o.place === patchSide.mapped) as { place: Place; message: string }), 1, {
        place: at,
        message: tr('port-conflict.related', { ...args, name: args.other }),
      });
      at = patchSide.mapped;
    } else if (at && !at.byPatch) {
      for (const touch of primary.touches.slice(0, 3)) others.push({ place: touch, message: tr('kustomize.patched-here', { overlay: ctx.label }) });
    }
    const top = ctx.tree[0];
    const fallbackFile = top?.file ?? resolve(ctx.dir, 'kustomization.yaml');
    const fallbackText = top ? ctx.sources.file(top.file)?.fileText ?? '' : '';
    const placed = at ?? { file: fallbackFile, fileText: fallbackText, start: 0, end: Math.max(0, fallbackText.indexOf('\n')) };
    return {
      file: placed.file,
      rule: finding.rule,
      severity: finding.severity,
      // A kustomization that builds on no other one (a base checked on its own) is no overlay.
      message: tr(ctx.tree.length > 1 ? 'kustomize.in-overlay' : 'kustomize.in-kustomization', { message, overlay: ctx.label }),
      bareMessage: message,
      range: this.rangeIn(placed.file, placed.fileText, placed.start, placed.end),
      related: others.map((o) => ({ file: o.place.file, range: this.rangeIn(o.place.file, o.place.fileText, o.place.start, o.place.end), message: o.message })),
      overlays: [ctx.label],
    };
  }
}

/** One finding per file, range, rule and message: an overlay rendering a resource twice reports it once. */
function key(f: SourceFinding): string {
  return JSON.stringify([f.file, f.range, f.rule, f.bareMessage]);
}

/**
 * Merges the findings of several overlays: a base used by several overlays shows each problem
 * once, naming every overlay that has it.
 */
export function mergeOverlays(lists: readonly (readonly SourceFinding[])[], locale: Locale): SourceFinding[] {
  const byKey = new Map<string, SourceFinding>();
  for (const f of lists.flat()) {
    const k = key(f);
    const seen = byKey.get(k);
    if (!seen) byKey.set(k, f);
    else if (!f.overlays.every((o) => seen.overlays.includes(o))) byKey.set(k, { ...seen, overlays: [...new Set([...seen.overlays, ...f.overlays])] });
  }
  return [...byKey.values()].map((f) =>
    f.overlays.length > 1 ? { ...f, message: t(locale, 'kustomize.in-overlays', { message: f.bareMessage, overlays: f.overlays.join(', ') }) } : f,
  );
}
