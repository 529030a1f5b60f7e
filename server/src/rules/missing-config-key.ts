/**
 * missing-config-key: `configMapKeyRef`, `secretKeyRef`, a volume's `items[].key` or a mount's
 * `subPath` into a configMap or secret volume names a key that the ConfigMap or Secret, defined
 * in the workspace in the pod's namespace, does not hold. The kubelet refuses to start the
 * container (env) or to mount the volume (items); for a subPath it makes an empty folder of that
 * name in the volume and mounts it where the file was to be.
 * Silent when the object is not in the workspace (it may be made elsewhere), when the namespaces
 * may differ, when the reference is `optional: true`, and when the object's keys are not all
 * written down (no data at all, a service-account token), and for keys a controller writes at
 * run time (k3s's `NodeHosts` in kube-system/coredns).
 */
import { getMap, getScalar } from '../core/yaml-access';
import { configKeysOf, configRefsOf, keyFilledByController, keysAreKnown } from '../k8s/config-refs';
import { mayShareNamespace, neighbourhoodOf, neighbourhoodSteps, sameNamespace, type IndexedObject } from '../k8s/neighbourhood';
import { containerLabel } from '../k8s/pod-model';
import { closest } from '../util/suggest';
import { anyTargetChunkSteps, CONFIG_OBJECTS, isTarget, relatedInChunk, targetChunks, textIfKinds } from './file-contexts';
import type { FileRule, FileRuleContext, RelatedReport } from './types';

const chunkReadsKeys = (c: FileRuleContext['chunks'][number]): boolean => c.pods.some((pod) => configRefsOf(pod).some((ref) => ref.key !== undefined));
const readsKeys = (ctx: Pick<FileRuleContext, 'chunks' | 'targets'>): boolean => targetChunks(ctx).some(chunkReadsKeys);

export const missingConfigKey: FileRule = {
  id: 'missing-config-key',
  defaultSeverity: 'error',
  context: (chunk) => textIfKinds(chunk, CONFIG_OBJECTS),
  // Of a peer, only its ConfigMaps and Secrets.
  peerContext: (chunk) => textIfKinds(chunk, CONFIG_OBJECTS),
  *prepareFile(ctx) {
    if (yield* anyTargetChunkSteps(ctx, chunkReadsKeys)) yield* neighbourhoodSteps(ctx);
  },
  checkFile(ctx) {
    if (!readsKeys(ctx)) return;
    const hood = neighbourhoodOf(ctx);
    for (const { pod, namespace, chunkStart } of hood.ownPods) {
      if (chunkStart === undefined || !isTarget(ctx, chunkStart)) continue;
      for (const ref of configRefsOf(pod)) {
        if (ref.key === undefined || !ref.keyNode || ref.optional || keyFilledByController(ref.kind, namespace, ref.name, ref.key)) continue;
        const named = hood.objects(ref.kind, ref.name);
        const defined = named.filter((o) => sameNamespace(o.namespace, namespace));
        // Another definition that may be the one deployed beside this pod: nothing is certain.
        if (defined.length === 0 || named.some((o) => !defined.includes(o) && mayShareNamespace(o.namespace, namespace))) continue;
        const keySets = defined.map((o) => ({ o, keys: configKeysOf(o.object, o.doc) ?? new Map() }));
        if (keySets.some(({ o, keys }) => !keysAreKnown(o.object, o.doc, keys) || keys.has(ref.key as string))) continue;
        const keys = [...new Set(keySets.flatMap(({ keys: k }) => [...k.keys()]))];
        const suggestion = closest(ref.key, keys);
        const args = {
          kind: ref.kind,
          name: ref.name,
          key: ref.key,
          keys: keys.join(', '),
          container: ref.container ? containerLabel(ref.container) : '',
          volume: ref.volume?.name ?? '',
          mountPath: ref.mount?.mountPath ?? '',
          didYouMean: suggestion ? ctx.t('common.did-you-mean', { suggestion }) : '',
        };
        ctx.report(chunkStart, {
          node: ref.keyNode,
          message: ctx.t(ref.mount ? 'missing-config-key.sub-path' : ref.container ? 'missing-config-key.env' : 'missing-config-key.volume', args),
          related: defined.flatMap((o) => relatedAt(o, chunkStart, ctx.t('missing-config-key.related', args))),
          data: { kind: ref.kind, name: ref.name, key: ref.key, keys, suggestion },
        });
      }
    }
  },
};

/** The object's name as related information, when it is in this file (spans relative to `chunkStart`). */
export function relatedAt(o: IndexedObject, chunkStart: number, message: string): RelatedReport[] {
  if (o.chunkStart === undefined) return [];
  const r = getScalar(getMap(o.object.node, 'metadata', o.doc), 'name', o.doc)?.range ?? o.object.node.range;
  return relatedInChunk(r, o.chunkStart, chunkStart, message);
}
