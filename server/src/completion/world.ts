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
import type { UserPodTemplate } from '../k8s/pod-templates';
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

/** A dotted field path (`spec.steps[0]`) as completion segments (`spec`, `steps`, ITEM). */
function segmentsOf(dotted: string): Segment[] {
  if (dotted === '') return [];
  return dotted.split('.').flatMap((part) => {
    const m = /^(.*?)((?:\[\d+\])*)$/.exec(part);
    const items = (m?.[2]?.match(/\[/g) ?? []).map((): Segment => ITEM);
    return [m?.[1] ?? part, ...items];
  });
}

/**
 * The embedded pod part of a custom resource (a PodSpec, a Container, a Volume) the cursor's path
 * is inside — the longest part path that prefixes it, the nearest part before the cursor among
 * equals — with the path below it.
 */
function customRoot(pod: PodModel, pathPrefix: string, path: readonly Segment[], offset: number): { rootType: string; path: Segment[]; fullPath: readonly Segment[] } | undefined {
  const prefix = segmentsOf(pathPrefix.replace(/\.$/, '')).length;
  let best: { part: (typeof pod.schemaParts)[number]; length: number } | undefined;
  for (const part of pod.schemaParts) {
    const segments = segmentsOf(part.path).slice(prefix);
    if (segments.length > path.length || !segments.every((s, i) => s === path[i])) continue;
    const start = part.node.range?.[0] ?? 0;
    const bestStart = best?.part.node.range?.[0] ?? 0;
    const nearer = best && segments.length === best.length && start <= offset && (bestStart > offset || start >= bestStart);
    if (!best || segments.length > best.length || nearer) best = { part, length: segments.length };
  }
  return best ? { rootType: best.part.typeName, path: path.slice(best.length), fullPath: path } : undefined;
}

/**
 * Builds the completion world at an absolute offset, or undefined when no completion applies.
 * `podTemplates`: the user's own kinds (setting / .podsight.yaml), as the analysis was given them.
 */
export function completionWorld(analysis: FileAnalysis, offset: number, podTemplates: readonly UserPodTemplate[] = []): CompletionWorld | undefined {
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
  const docPods = doc ? podsOf(doc, podTemplates) : [];
  const pod = object ? docPods.find((p) => p.object.node === object.node) : undefined;
  // A custom resource: its own schema is unknown, its embedded pod parts are not.
  const custom = !rootType && pod && pod.schemaParts.length > 0 ? customRoot(pod, object?.pathPrefix ?? '', path, patchedOffset) : undefined;
  if (custom) {
    rootType = custom.rootType;
    path = custom.path;
  } else if (!rootType && depth === 0 && !pod?.schemaParts.length) rootType = textualRoot(lines);
  if (rootType === LIST_TYPE && depth === 0 && path[0] === 'items') rootType = undefined;

  // Container lists: the built-in ones, and a custom resource's slots (Tekton `steps`, `sidecars`).
  const lists = new Set([...CONTAINER_LISTS, ...(pod?.shape.slots.filter((slot) => !slot.single).map((slot) => slot.key.split('.').pop() ?? slot.key) ?? [])]);
  const fullPath = custom ? custom.fullPath : path;
  const listAt = fullPath.findIndex((s, i) => lists.has(s) && fullPath[i + 1] === ITEM);
  const list = listAt >= 0 ? fullPath[listAt] : undefined;
  const container = pod && list ? lastBefore(pod.containers.filter((c) => c.list === list || c.list.endsWith(`.${list}`)), patchedOffset) : undefined;
  const portAt = fullPath.findIndex((s, i) => i > listAt && s === 'ports' && fullPath[i + 1] === ITEM);
  const port = container && portAt > listAt ? lastBefore(container.ports, patchedOffset) : undefined;

  const pods: PodModel[] = [];
  const services: ServiceModel[] = [];
  for (const c of analysis.chunks) {
    if (c === chunk) {
      pods.push(...patched.docs.flatMap((d) => podsOf(d, podTemplates)));
      services.push(...patched.docs.flatMap((d) => objectsOf(d).flatMap((o) => serviceOf(o, d) ?? [])));
    } else {
      pods.push(...c.analysis.pods);
      services.push(...c.analysis.objects.flatMap(({ object: o, doc: d }) => serviceOf(o, d) ?? []));
    }
  }
  return { ctx, rootType, path, doc, offset: patchedOffset, object, pod, container, port, pods, services, indentless: detectIndentless(lines), configMaps: configMapsOfAnalysis(analysis) };
}
