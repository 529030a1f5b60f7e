/**
 * Links between a pod's ConfigMap/Secret references and the objects of the workspace: a name
 * (`configMapKeyRef.name`, `envFrom[].configMapRef.name`, `volumes[].configMap.name`,
 * `secretName`, projected sources) ↔ the object's `metadata.name`; a key
 * (`configMapKeyRef.key`, `items[].key`) ↔ the object's data entry. Namespace-aware as
 * missing-config-key is: only objects of the pod's namespace (unset = `default`) are linked.
 */
import type { Node } from 'yaml';
import type { FileAnalysis } from '../core/analyze';
import { chunkAt } from '../core/locate';
import { getMap, getScalar } from '../core/yaml-access';
import { configKeysOf, configRefsOf, type ConfigKind } from '../k8s/config-refs';
import { sameNamespace, type IndexedObject, type Neighbourhood } from '../k8s/neighbourhood';
import { hoodOf, onNode, Placer, uniquePlaces, type Place, type WorkspaceView } from './workspace-view';

/** What a name or key under the cursor links across the workspace. */
export interface WorkspaceLinks {
  readonly kind: 'config-name' | 'config-key' | 'label-key' | 'label-value' | 'service-name' | 'service-port' | 'claim-name';
  readonly name: string;
  readonly definitions: readonly Place[];
  readonly references: readonly Place[];
  /** Selector entries among the references that the API server refuses to change on an existing workload. */
  readonly immutable?: readonly Place[];
  /** For config links: the kind and name of the object. */
  readonly config?: { readonly kind: ConfigKind; readonly name: string; readonly key?: string };
}

/** The object's `metadata.name` node. */
export function nameNodeOf(o: IndexedObject): Node | undefined {
  return getScalar(getMap(o.object.node, 'metadata', o.doc), 'name', o.doc);
}

/** The objects a reference from `namespace` means: those in it (an unset namespace is `default`), as missing-config-key judges. */
export function configObjects(hood: Neighbourhood, kind: ConfigKind, name: string, namespace: string): IndexedObject[] {
  return hood.objects(kind, name).filter((o) => sameNamespace(o.namespace, namespace));
}

export interface ConfigTarget {
  readonly kind: ConfigKind;
  readonly name: string;
  readonly key?: string;
  readonly namespace: string;
  /** Set when the cursor is on an object: it is the definition. */
  readonly object?: IndexedObject;
}

export function linksOf(hood: Neighbourhood, placer: Placer, t: ConfigTarget): WorkspaceLinks {
  const objects = t.object ? [t.object] : configObjects(hood, t.kind, t.name, t.namespace);
  const definitions = objects.map((o) => {
    const node = t.key === undefined ? nameNodeOf(o) : configKeysOf(o.object, o.doc)?.get(t.key);
    return placer.place(o, o.doc, node);
  });
  const references = [];
  for (const p of hood.pods) {
    if (!sameNamespace(p.namespace, t.namespace)) continue;
    for (const ref of configRefsOf(p.pod)) {
      if (ref.kind !== t.kind || ref.name !== t.name) continue;
      if (t.key === undefined) references.push(placer.place(p, p.pod.doc, ref.nameNode));
      else if (ref.key === t.key) references.push(placer.place(p, p.pod.doc, ref.keyNode));
    }
  }
  return {
    kind: t.key === undefined ? 'config-name' : 'config-key',
    name: t.key ?? t.name,
    definitions: uniquePlaces(definitions),
    references: uniquePlaces(references),
    config: { kind: t.kind, name: t.name, key: t.key },
  };
}

/** What a config reference or a ConfigMap/Secret name or key at `offset` is about, if anything. */
export function configTargetAt(analysis: FileAnalysis, offset: number, hood: Neighbourhood): ConfigTarget | undefined {
  const chunk = chunkAt(analysis, offset);
  if (!chunk) return undefined;
  const rel = offset - chunk.start;
  for (const p of hood.ownPods) {
    if (p.chunkStart !== chunk.start) continue;
    for (const ref of configRefsOf(p.pod)) {
      if (ref.key !== undefined && onNode(ref.keyNode, rel)) return { kind: ref.kind, name: ref.name, key: ref.key, namespace: p.namespace };
      if (onNode(ref.nameNode, rel)) return { kind: ref.kind, name: ref.name, namespace: p.namespace };
    }
  }
  for (const kind of ['ConfigMap', 'Secret'] as const) {
    for (const o of hood.ownObjects(kind)) {
      if (o.chunkStart !== chunk.start || o.object.name === undefined) continue;
      if (onNode(nameNodeOf(o), rel)) return { kind, name: o.object.name, namespace: o.namespace, object: o };
      for (const [key, node] of configKeysOf(o.object, o.doc) ?? []) {
        if (onNode(node, rel)) return { kind, name: o.object.name, key, namespace: o.namespace, object: o };
      }
    }
  }
  return undefined;
}

/** The links of the config name or key at an absolute offset of the file, across its workspace. */
export function configLinksAt(analysis: FileAnalysis, offset: number, view: WorkspaceView): WorkspaceLinks | undefined {
  const hood = hoodOf(analysis, view);
  const target = configTargetAt(analysis, offset, hood);
  return target ? linksOf(hood, new Placer(view), target) : undefined;
}
