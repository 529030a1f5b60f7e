/**
 * Completion of ConfigMap and Secret names (`configMapKeyRef.name`, `envFrom[].configMapRef`,
 * `volumes[].configMap.name`, `secret.secretName`, projected sources) and of their keys
 * (`configMapKeyRef.key`, `secretKeyRef.key`, volume `items[].key`), from the workspace index:
 * only objects of the pod's namespace (unset = `default`), as missing-config-key judges. The
 * detail names the object's file. A Secret's values are never shown.
 */
import { isMap, visit, type Document, type YAMLMap } from 'yaml';
import type { FileAnalysis } from '../core/analyze';
import { getString } from '../core/yaml-access';
import { configKeysOf, type ConfigKind } from '../k8s/config-refs';
import { namespaceOf, sameNamespace, type IndexedObject } from '../k8s/neighbourhood';
import { hoodOf, type WorkspaceView } from '../navigation/workspace-view';
import { ITEM } from './lines';
import type { PodCompletion, Translate } from './types';
import type { CompletionWorld } from './world';

type Slot = { readonly kind: ConfigKind; readonly what: 'name' | 'key' };

/** Which object kind and which part the value at the path names, if any. */
function slotAt(path: readonly string[]): Slot | undefined {
  const [grand, parent, key] = path.slice(-3);
  if (key === 'name' && (parent === 'configMapKeyRef' || parent === 'configMapRef' || parent === 'configMap')) return { kind: 'ConfigMap', what: 'name' };
  if (key === 'name' && (parent === 'secretKeyRef' || parent === 'secretRef')) return { kind: 'Secret', what: 'name' };
  if ((key === 'secretName' && parent === 'secret') || (key === 'name' && parent === 'secret' && grand === ITEM)) return { kind: 'Secret', what: 'name' };
  if (key === 'key' && parent === 'configMapKeyRef') return { kind: 'ConfigMap', what: 'key' };
  if (key === 'key' && parent === 'secretKeyRef') return { kind: 'Secret', what: 'key' };
  const volume = path.slice(-5, -3);
  if (key === 'key' && parent === ITEM && grand === 'items' && volume[1] === 'configMap') return { kind: 'ConfigMap', what: 'key' };
  if (key === 'key' && parent === ITEM && grand === 'items' && volume[1] === 'secret') return { kind: 'Secret', what: 'key' };
  return undefined;
}

/** The name of the object a key is read from: `name`/`secretName` of the map holding the cursor's key, or its `items`' owner. */
function referencedName(doc: Document, at: number): string | undefined {
  const maps: YAMLMap[] = [];
  visit(doc, {
    Map(_, map) {
      const r = map.range;
      if (r && r[0] <= at && at <= r[1]) maps.push(map);
    },
  });
  for (const map of maps.reverse()) {
    if (!isMap(map)) continue;
    const name = getString(map, 'name', doc) ?? getString(map, 'secretName', doc);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** The last part of a path or URI, for details. */
function fileName(source: string | undefined): string | undefined {
  if (source === undefined) return undefined;
  const last = source.replace(/\/+$/, '').split('/').pop() ?? source;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function where(o: IndexedObject, t: Translate): string {
  return fileName(o.source) ?? t('complete.config.this-file');
}

/** ConfigMap/Secret names or keys for the value at the world's cursor; empty when the path names none. */
export function configCompletions(w: CompletionWorld, analysis: FileAnalysis, workspace: (() => WorkspaceView) | undefined, t: Translate): PodCompletion[] {
  const slot = slotAt(w.path);
  if (!slot || !workspace || !w.object || !w.doc) return [];
  const view = workspace();
  const namespace = namespaceOf(w.object, w.doc, view.namespace ?? '');
  const objects = hoodOf(analysis, view)
    .objects(slot.kind)
    .filter((o) => sameNamespace(o.namespace, namespace) && o.object.name !== undefined);
  const item = (label: string, kind: PodCompletion['kind'], detail: string, order: string): PodCompletion => ({ label, kind, detail, insertText: label, snippet: false, sortText: `${order}_${label}`, knowledge: true });
  const out = new Map<string, PodCompletion>();
  if (slot.what === 'name') {
    for (const o of objects) {
      const name = o.object.name as string;
      if (!out.has(name)) out.set(name, item(name, 'config-name', t('complete.config.name', { kind: slot.kind, file: where(o, t) }), o.source === undefined ? '0' : '1'));
    }
    return [...out.values()];
  }
  const name = referencedName(w.doc, w.offset);
  if (name === undefined) return [];
  for (const o of objects.filter((x) => x.object.name === name)) {
    for (const key of configKeysOf(o.object, o.doc)?.keys() ?? []) {
      if (!out.has(key)) out.set(key, item(key, 'config-key', t('complete.config.key', { kind: slot.kind, name, file: where(o, t) }), '0'));
    }
  }
  return [...out.values()];
}
