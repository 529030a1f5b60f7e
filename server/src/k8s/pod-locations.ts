/**
 * Finds the pod specs of an object: a built-in workload's one spec (POD_SPEC_PATHS), or the
 * locations the custom-resource table (pod-templates.ts) or the user's `podTemplates` name.
 */
import { isMap, isPair, type Document, type Pair, type YAMLMap } from 'yaml';
import { asMap, asSeq, getNode, getPair, keyText, mapPairs } from '../core/yaml-access';
import { podLocationsFor, STANDARD_POD, type PodShape, type UserPodTemplate } from './pod-templates';
import { POD_SPEC_PATHS, type K8sObject } from './workloads';

/** One pod spec (or a custom resource's equivalent map) inside an object. */
export interface PodLocation {
  readonly spec: YAMLMap;
  /** The pair holding the map; for a list item (an Argo template), its `name` pair or first pair. */
  readonly pair: Pair;
  /** Field path from the document root, e.g. `spec.templates[2]`. */
  readonly path: string;
  readonly shape: PodShape;
  /** The map holding the spec (a pod template, whose `metadata.labels` are the pod's labels). */
  readonly owner: YAMLMap;
  /** From the custom-resource table or the user's entries (not a built-in kind). */
  readonly custom: boolean;
}

export interface Cursor {
  readonly map: YAMLMap;
  readonly owner: YAMLMap;
  readonly pair?: Pair;
  readonly path: string;
}

const MAX_LOCATIONS = 200;

/** Every map a location path reaches from the object (`[]`: each list item, `*`: each map value). */
export function walk(object: K8sObject, dotted: string, doc: Document): Cursor[] {
  let cursors: Cursor[] = [{ map: object.node, owner: object.node, path: object.pathPrefix.replace(/\.$/, '') }];
  const join = (path: string, step: string): string => (path ? `${path}.${step}` : step);
  for (const segment of dotted.split('.')) {
    const next: Cursor[] = [];
    for (const cursor of cursors) {
      if (segment === '*') {
        for (const pair of mapPairs(cursor.map, doc)) {
          const key = keyText(pair);
          const map = asMap(pair.value, doc);
          if (key !== undefined && map) next.push({ map, owner: cursor.map, pair, path: join(cursor.path, key) });
        }
        continue;
      }
      const list = segment.endsWith('[]');
      const key = list ? segment.slice(0, -2) : segment;
      const pair = getPair(cursor.map, key, doc);
      if (!pair) continue;
      if (!list) {
        const map = asMap(pair.value, doc);
        if (map) next.push({ map, owner: cursor.map, pair, path: join(cursor.path, key) });
        continue;
      }
      asSeq(getNode(cursor.map, key, doc), doc)?.items.forEach((item, index) => {
        const map = asMap(item, doc);
        if (map) next.push({ map, owner: cursor.map, path: `${join(cursor.path, key)}[${index}]` });
      });
    }
    cursors = next.slice(0, MAX_LOCATIONS);
  }
  return cursors;
}

/** The pair that stands for a list item in ranges and hovers: its `name`, else its first pair. */
function itemPair(map: YAMLMap, doc: Document): Pair | undefined {
  return getPair(map, 'name', doc) ?? map.items.find((p): p is Pair => isPair(p));
}

/** The pod locations of an object, in document order of the table's paths. */
export function podLocationsOf(object: K8sObject, doc: Document, user: readonly UserPodTemplate[] = []): PodLocation[] {
  const custom = podLocationsFor(object.apiVersion, object.kind, user);
  // Own keys only: `kind: toString` must not find Object.prototype.toString (found by fuzzing).
  const builtIn = !custom && object.kind && Object.hasOwn(POD_SPEC_PATHS, object.kind) ? POD_SPEC_PATHS[object.kind] : undefined;
  const specs = custom ?? (builtIn ? [{ path: builtIn.join('.'), shape: STANDARD_POD }] : []);
  const out: PodLocation[] = [];
  for (const { path, shape } of specs) {
    for (const cursor of walk(object, path, doc)) {
      const pair = cursor.pair ?? itemPair(cursor.map, doc);
      if (!pair || !isMap(cursor.map)) continue;
      out.push({ spec: cursor.map, owner: cursor.owner, pair, path: cursor.path, shape, custom: custom !== undefined });
    }
  }
  return out;
}
