/**
 * service-link-env: a Service of the pod's namespace is named like a setting of the container's
 * program (`kafka` → `KAFKA_PORT`, `vllm` → `VLLM_PORT`), so the kubelet's Service links set that
 * variable to `tcp://<cluster IP>:<port>` and the program refuses it at start: the container
 * exits and the pod crash-loops (k8s/service-links.ts lists the programs).
 * Silent when the pod turns links off (`enableServiceLinks: false`), the container sets the
 * variable itself or may (an `envFrom` object not shown whole or holding it, a mention in its
 * command), the Service has no cluster IP
 * (headless, ExternalName) or may be in another namespace, or the pod is not whole.
 */
import { isScalar, type Document, type Node } from 'yaml';
import { getMap, getNode, getScalar, getSeqItems, getString, asMap } from '../core/yaml-access';
import { isUnknownValue } from '../core/unknown-values';
import { mayShareNamespace, namespaceLabel, neighbourhoodOf, neighbourhoodSteps, sameNamespace, type IndexedObject, type IndexedPod, type Neighbourhood } from '../k8s/neighbourhood';
import { configKeysOf, keysAreKnown } from '../k8s/config-refs';
import { envFromSources, refusedLinks, type RefusedLink } from '../k8s/service-links';
import { containerLabel, type ContainerModel, type PodModel } from '../k8s/pod-model';
import { relatedAt } from './missing-config-key';
import { isTarget, targetChunks, textIfKinds } from './file-contexts';
import type { FileRule, FileRuleContext } from './types';
import { isKnativeServing } from '../k8s/knative';

// Services make the links; ConfigMaps and Secrets an envFrom reads may set the variable first.
const LOOKED_UP = new Set(['Service', 'ConfigMap', 'Secret']);

/**
 * Whether the pod's containers get Service links: `enableServiceLinks` is absent or true. Knative
 * Serving writes `false` into a revision that does not say (config-defaults `enable-service-links`).
 */
export function linksEnabled(pod: PodModel): boolean {
  const node = getNode(pod.spec, 'enableServiceLinks', pod.doc);
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return !isKnativeServing(pod);
  return isScalar(node) && node.value === true;
}


/** `tcp://<cluster IP>:<port>` when the Service surely has a cluster IP; undefined otherwise. */
export function linkValue(service: IndexedObject): string | undefined {
  const { object, doc } = service;
  if (object.apiVersion !== 'v1') return undefined;
  const spec = getMap(object.node, 'spec', doc);
  const type = getNode(spec, 'type', doc);
  const clusterIP = getNode(spec, 'clusterIP', doc);
  if (isUnknownValue(type) || isUnknownValue(clusterIP) || getString(spec, 'type', doc) === 'ExternalName') return undefined;
  // Absent or "" is allocated; `None` makes a headless Service, which gets no links.
  if (getString(spec, 'clusterIP', doc) === 'None') return undefined;
  return portValue(spec, doc);
}

function portValue(spec: ReturnType<typeof getMap>, doc: Document): string | undefined {
  const first = getSeqItems(spec, 'ports', doc)[0];
  if (!first) return undefined;
  const map = asMap(first.node, doc);
  const port = getScalar(map, 'port', doc)?.value;
  const protocol = getString(map, 'protocol', doc) ?? 'TCP';
  return `${protocol.toLowerCase()}://<cluster IP>:${typeof port === 'number' ? port : '…'}`;
}

/**
 * Whether the container's `envFrom` may set the variable itself (its value then wins over the
 * link): a source that cannot be read, an object the workspace does not show whole, or one with
 * that key. Sources whose prefix the variable does not start with cannot.
 */
function mayComeFromEnvFrom(hood: Neighbourhood, container: ContainerModel, pod: PodModel, namespace: string, variable: string): boolean {
  const sources = envFromSources(container, pod.doc);
  if (!sources) return true;
  return sources.some((source) => {
    if (!variable.startsWith(source.prefix)) return false;
    const objects = hood.objects(source.kind, source.name).filter((o) => mayShareNamespace(o.namespace, namespace));
    // Not in the workspace: it may be made elsewhere, with the key.
    if (objects.length === 0) return true;
    return objects.some((o) => {
      const keys = configKeysOf(o.object, o.doc);
      return !keys || !keysAreKnown(o.object, o.doc, keys) || keys.has(variable.slice(source.prefix.length));
    });
  });
}

/** The containers whose program refuses a link, with what it refuses. */
function refusals(pod: PodModel): { container: PodModel['containers'][number]; link: RefusedLink }[] {
  return pod.containers.flatMap((container) => refusedLinks(container, pod.doc).map((link) => ({ container, link })));
}

// A PodTemplate runs no pod of its own.
const candidate = (pod: IndexedPod | PodModel): boolean => {
  const model = 'pod' in pod ? pod.pod : pod;
  return !model.partial && model.kind !== 'PodTemplate' && linksEnabled(model) && refusals(model).length > 0;
};

const hasTargetCandidate = (ctx: Pick<FileRuleContext, 'chunks' | 'targets' | 'options'>): boolean =>
  !ctx.options.kustomizeResource && targetChunks(ctx).some((c) => c.pods.some(candidate));

export const serviceLinkEnv: FileRule = {
  id: 'service-link-env',
  defaultSeverity: 'warning',
  context: (chunk) => textIfKinds(chunk, LOOKED_UP),
  peerContext: (chunk) => textIfKinds(chunk, LOOKED_UP),
  *prepareFile(ctx) {
    if (hasTargetCandidate(ctx)) yield* neighbourhoodSteps(ctx);
  },
  checkFile(ctx) {
    // A kustomize resource's Services may be renamed by a `namePrefix` above it: names are not compared.
    if (!hasTargetCandidate(ctx)) return;
    const hood = neighbourhoodOf(ctx);
    for (const entry of hood.ownPods) {
      if (!isTarget(ctx, entry.chunkStart) || !candidate(entry) || entry.chunkStart === undefined) continue;
      const chunkStart = entry.chunkStart;
      for (const { container, link } of refusals(entry.pod)) {
        const named = hood.objects('Service', link.service);
        // Another definition of that name may be the one deployed beside the pod.
        const here = named.filter((s) => sameNamespace(s.namespace, entry.namespace));
        const service = here.find((s) => linkValue(s) !== undefined);
        if (!service || here.some((s) => linkValue(s) === undefined)) continue;
        if (mayComeFromEnvFrom(hood, container, entry.pod, entry.namespace, link.variable)) continue;
        const node = (container.imageNode ?? container.nameNode ?? container.node) as Node;
        const where = service.chunkStart === undefined && service.source ? ctx.t('service-link-env.in-file', { file: service.source.split('/').pop() ?? service.source }) : '';
        const args = {
          container: containerLabel(container),
          service: link.service,
          namespace: namespaceLabel(entry.namespace),
          variable: link.variable,
          value: linkValue(service) ?? '',
          program: link.program,
          says: link.says,
          where,
        };
        ctx.report(chunkStart, {
          node,
          message: ctx.t('service-link-env.refused', args),
          related: relatedAt(service, chunkStart, ctx.t('service-link-env.related', args)),
          data: { variable: link.variable, service: link.service, container: container.path },
        });
      }
    }
  },
};
