/**
 * Links between a pod volume's `persistentVolumeClaim.claimName` and the PersistentVolumeClaim of
 * that name across the workspace. A claim is namespaced: a pod mounts only a claim of its own
 * namespace (unset = `default`), so only those are linked. Claims a StatefulSet makes from its
 * `volumeClaimTemplates` have generated names and are not linked.
 */
import type { Scalar } from 'yaml';
import type { FileAnalysis } from '../core/analyze';
import { chunkAt } from '../core/locate';
import { getMap, getScalar } from '../core/yaml-access';
import { sameNamespace, type IndexedObject, type IndexedPod, type Neighbourhood } from '../k8s/neighbourhood';
import { nameNodeOf, type WorkspaceLinks } from './config-links';
import { hoodOf, onNode, Placer, uniquePlaces, type WorkspaceView } from './workspace-view';

const KIND = 'PersistentVolumeClaim';

/** The `claimName` nodes of a pod's volumes, with their values. */
function claimsOf(p: IndexedPod): { name: string; node: Scalar }[] {
  const doc = p.pod.doc;
  return p.pod.volumes.flatMap((v) => {
    const node = getScalar(getMap(v.node, 'persistentVolumeClaim', doc), 'claimName', doc);
    return typeof node?.value === 'string' && node.value !== '' ? [{ name: node.value, node }] : [];
  });
}

interface ClaimTarget {
  readonly name: string;
  readonly namespace: string;
  /** Set when the cursor is on the claim itself: it is the definition. */
  readonly object?: IndexedObject;
}

function targetAt(analysis: FileAnalysis, offset: number, hood: Neighbourhood): ClaimTarget | undefined {
  const chunk = chunkAt(analysis, offset);
  if (!chunk) return undefined;
  const rel = offset - chunk.start;
  for (const p of hood.ownPods) {
    if (p.chunkStart !== chunk.start) continue;
    const hit = claimsOf(p).find((c) => onNode(c.node, rel));
    if (hit) return { name: hit.name, namespace: p.namespace };
  }
  for (const o of hood.ownObjects(KIND)) {
    if (o.chunkStart === chunk.start && o.object.name !== undefined && onNode(nameNodeOf(o), rel)) return { name: o.object.name, namespace: o.namespace, object: o };
  }
  return undefined;
}

/** The links of a claimName or a PersistentVolumeClaim's name at an absolute offset, across the workspace. */
export function claimLinksAt(analysis: FileAnalysis, offset: number, view: WorkspaceView): WorkspaceLinks | undefined {
  const hood = hoodOf(analysis, view);
  const t = targetAt(analysis, offset, hood);
  if (!t) return undefined;
  const placer = new Placer(view);
  const claims = t.object ? [t.object] : hood.objects(KIND, t.name).filter((o) => sameNamespace(o.namespace, t.namespace));
  const references = hood.pods
    .filter((p) => sameNamespace(p.namespace, t.namespace))
    .flatMap((p) => claimsOf(p)
      .filter((c) => c.name === t.name)
      .map((c) => placer.place(p, p.pod.doc, c.node)));
  return {
    kind: 'claim-name',
    name: t.name,
    definitions: uniquePlaces(claims.map((o) => placer.place(o, o.doc, nameNodeOf(o)))),
    references: uniquePlaces(references),
  };
}
