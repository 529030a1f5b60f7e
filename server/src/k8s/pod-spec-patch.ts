/**
 * Argo Workflows' `podSpecPatch` (on a template, `templateDefaults` or the workflow spec): a YAML
 * or JSON string the controller merges into the pod it has built (a strategic merge patch, so
 * volumes and containers merge by name) before it creates the pod. The volumes it adds are the
 * pod's, and the mounts it adds to containers use the pod's volumes. A patch that cannot be read
 * here (Argo's `{{inputs.parameters.x}}` in a name or in place of a list, a Helm template, text
 * that does not parse) may add any volume or mount: its names are open.
 */
import { isMap, isScalar, parse, type Document, type YAMLMap } from 'yaml';
import { isUnknownValue, writtenText } from '../core/unknown-values';
import { getNode } from '../core/yaml-access';

/** What the patches of one pod add. */
export interface PodSpecPatch {
  /** Names of the volumes the patches add. */
  readonly volumes: readonly string[];
  /** Names of the volumes the containers the patches touch mount (or attach as devices). */
  readonly mounts: readonly string[];
  /** A patch may add volumes of any name. */
  readonly volumesOpen: boolean;
  /** A patch may add mounts of any name. */
  readonly mountsOpen: boolean;
}

/** Stands for an Argo expression (`{{inputs.parameters.x}}`) so that the rest of the patch still parses. */
const EXPRESSION = 'podsight-argo-expression';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The names in a list of `{name: ...}` entries; undefined when some name (or the list) is unreadable. */
function names(list: unknown): string[] | undefined {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) return undefined;
  const out: string[] = [];
  for (const item of list) {
    const name = isObject(item) ? item.name : undefined;
    if (typeof name !== 'string' || name.includes(EXPRESSION)) return undefined;
    out.push(name);
  }
  return out;
}

/** The patch's value: parsed text, or undefined when it cannot be read. */
function patchValue(node: unknown): unknown {
  if (isMap(node)) return node.toJSON();
  if (!isScalar(node)) return undefined;
  const text = typeof node.value === 'string' ? node.value : writtenText(node);
  if (text === undefined) return undefined;
  try {
    return parse(text.replace(/\{\{[^{}]*\}\}/g, EXPRESSION), { logLevel: 'error' });
  } catch {
    return undefined;
  }
}

/** What the `podSpecPatch` of these maps add to the pod; undefined when none has one. */
export function podSpecPatchOf(maps: readonly (YAMLMap | undefined)[], doc: Document): PodSpecPatch | undefined {
  const volumes: string[] = [];
  const mounts: string[] = [];
  let volumesOpen = false;
  let mountsOpen = false;
  let any = false;
  for (const map of maps) {
    const node = getNode(map, 'podSpecPatch', doc);
    if (node === undefined || (isScalar(node) && (node.value === '' || (node.value === null && !isUnknownValue(node))))) continue;
    any = true;
    const value = patchValue(node);
    if (!isObject(value)) {
      volumesOpen = mountsOpen = true;
      continue;
    }
    const own = names(value.volumes);
    if (own) volumes.push(...own);
    else volumesOpen = true;
    for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
      const list = value[key];
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list)) {
        mountsOpen = true;
        continue;
      }
      for (const container of list) {
        const used = isObject(container) ? [names(container.volumeMounts), names(container.volumeDevices)] : [undefined];
        for (const n of used) {
          if (n) mounts.push(...n);
          else mountsOpen = true;
        }
      }
    }
  }
  return any ? { volumes, mounts, volumesOpen, mountsOpen } : undefined;
}
