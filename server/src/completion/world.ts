/**
 * The pod around the cursor, read from the document the user is typing in. The cursor's line is
 * cut back to what parses (`    mountP` → `    `, `{name: my` → `{name: my}`), so the rest of
 * the pod — its volumes, its ports — is known even while that line is unfinished.
 */
import { configMapsOfAnalysis, type ConfigMapIndex } from '../k8s/config-maps';
import type { Document } from 'yaml';
import type { FileAnalysis } from '../core/analyze';
import { chunkAt } from '../core/locate';
import { isListItemText, parseChunk } from '../core/parse';
import { podsOf, type ContainerModel, type PodModel, type PortModel } from '../k8s/pod-model';
import { serviceOf, type ServiceModel } from '../k8s/services';
import { objectsOf, type K8sObject } from '../k8s/workloads';
import { LIST_TYPE, rootKinds, rootTypeFor } from '../schema';
import { cursorContext, type CursorContext } from './context';
import { ITEM, type Segment } from './lines';

/** Everything completion knows at the cursor. */
export interface CompletionWorld {
  readonly ctx: CursorContext;
  /** The schema type of the object the path starts from, and the path relative to it. */
  readonly rootType?: string;
  readonly path: readonly Segment[];
  readonly doc?: Document;
  /** The cursor's offset in `doc` (the patched chunk). */
  readonly offset: number;
  readonly object?: K8sObject;
  readonly pod?: PodModel;
  readonly container?: ContainerModel;
  readonly port?: PortModel;
  /** Every pod and Service of the file (the cursor's document as patched). */
  readonly pods: readonly PodModel[];
  readonly services: readonly ServiceModel[];
  /** The document prefers indentless sequences (`containers:\n- name:`), like kubectl. */
  readonly indentless: boolean;
  /** ConfigMaps of the file and its folder: where the listener model reads nginx/redis configuration. */
  readonly configMaps?: ConfigMapIndex;
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

function lastBefore<T extends { node: { range?: [number, number, number] | null } }>(items: readonly T[], offset: number): T | undefined {
  let found: T | undefined;
  for (const item of items) {
    const start = item.node.range?.[0];
    if (start !== undefined && start <= offset && (!found || start >= (found.node.range?.[0] ?? 0))) found = item;
  }
  return found;
}

function textualRoot(lines: readonly string[]): string | undefined {
  const field = (name: string): string | undefined =>
    lines.map((l) => new RegExp(`^${name}:\\s*["']?([^"'#\\s]+)`).exec(l)?.[1]).find((v) => v !== undefined);
  const kind = field('kind');
  return rootTypeFor(field('apiVersion'), kind) ?? rootKinds().find((r) => r.kind === kind)?.typeName;
}

function detectIndentless(lines: readonly string[]): boolean {
  let indentless = 0;
  let indented = 0;
  for (let i = 1; i < lines.length; i++) {
    const m = /^(\s*)- /.exec(lines[i] ?? '');
    const prev = /^(\s*)[^\s#-][^#]*:\s*$/.exec(lines[i - 1] ?? '');
    if (!m || !prev) continue;
    if ((m[1] ?? '').length === (prev[1] ?? '').length) indentless++;
    else indented++;
  }
  return indentless >= indented;
}

/** Builds the completion world at an absolute offset, or undefined when no completion applies. */
export function completionWorld(analysis: FileAnalysis, offset: number): CompletionWorld | undefined {
  const chunk = chunkAt(analysis, offset);
  if (!chunk) return undefined;
  const text = chunk.analysis.chunk.text;
  const rel = offset - chunk.start;
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const before = text.slice(0, rel);
  const lineNo = before.split('\n').length - 1;
  const col = rel - (before.lastIndexOf('\n') + 1);
  const ctx = cursorContext(lines, lineNo, col);
  if (!ctx) return undefined;

  const line = lines[lineNo] ?? '';
  const cut = ctx.kind === 'key' ? ctx.replaceStart : col;
  const patchedLines = [...lines];
  patchedLines[lineNo] = line.slice(0, cut) + ctx.closers;
  const patched = parseChunk(patchedLines.join('\n'));
  const patchedOffset = lines.slice(0, lineNo).reduce((n, l) => n + l.length + 1, 0) + cut;

  const doc: Document | undefined =
    patched.docs.find((d) => d.range[0] <= patchedOffset && patchedOffset <= d.range[2]) ?? patched.docs[0];
  const objects = doc ? objectsOf(doc) : [];
  const object = lastBefore(objects, patchedOffset);
  let rootType = object ? rootTypeFor(object.apiVersion, object.kind) : undefined;
  let path = ctx.path;
  // An item piece of a split List (core/parse.ts) parses as its item: its `- ` is no path step.
  if (isListItemText(text) && path[0] === ITEM) path = path.slice(1);
  const depth = object ? (object.pathPrefix.match(/items\[/g) ?? []).length : 0;
  if (depth > 0 && path.slice(0, 2 * depth).every((s, i) => (i % 2 === 0 ? s === 'items' : s === ITEM))) path = path.slice(2 * depth);
  if (!rootType && depth === 0) rootType = textualRoot(lines);
  if (rootType === LIST_TYPE && depth === 0 && path[0] === 'items') rootType = undefined;

  const docPods = doc ? podsOf(doc) : [];
  const pod = object ? docPods.find((p) => p.object.node === object.node) : undefined;
  const listAt = path.findIndex((s, i) => CONTAINER_LISTS.has(s) && path[i + 1] === ITEM);
  const list = listAt >= 0 ? path[listAt] : undefined;
  const container = pod && list ? lastBefore(pod.containers.filter((c) => c.list === list), patchedOffset) : undefined;
  const portAt = path.findIndex((s, i) => i > listAt && s === 'ports' && path[i + 1] === ITEM);
  const port = container && portAt > listAt ? lastBefore(container.ports, patchedOffset) : undefined;

  const pods: PodModel[] = [];
  const services: ServiceModel[] = [];
  for (const c of analysis.chunks) {
    if (c === chunk) {
      pods.push(...patched.docs.flatMap((d) => podsOf(d)));
      services.push(...patched.docs.flatMap((d) => objectsOf(d).flatMap((o) => serviceOf(o, d) ?? [])));
    } else {
      pods.push(...c.analysis.pods);
      services.push(...c.analysis.objects.flatMap(({ object: o, doc: d }) => serviceOf(o, d) ?? []));
    }
  }
  return { ctx, rootType, path, doc, offset: patchedOffset, object, pod, container, port, pods, services, indentless: detectIndentless(lines), configMaps: configMapsOfAnalysis(analysis) };
}
