/**
 * service-link-env: a Service of the pod's namespace is named like a setting of the container's
 * program (`kafka` → `KAFKA_PORT`, `vllm` → `VLLM_PORT`), so the kubelet's Service links set that
 * variable to `tcp://<cluster IP>:<port>` and the program refuses it at start: the container
 * exits and the pod crash-loops (k8s/service-links.ts lists the programs).
 * Silent when the pod turns links off (`enableServiceLinks: false`), the container sets the
 * variable itself or may (`envFrom`, a mention in its command), the Service has no cluster IP
 * (headless, ExternalName) or may be in another namespace, or the pod is not whole.
 */
import { isScalar, type Document, type Node } from 'yaml';
import { getMap, getNode, getScalar, getSeqItems, getString, asMap } from '../core/yaml-access';
import { isUnknownValue } from '../core/unknown-values';
import { namespaceLabel, neighbourhoodOf, neighbourhoodSteps, sameNamespace, type IndexedObject, type IndexedPod } from '../k8s/neighbourhood';
import { refusedLinks, type RefusedLink } from '../k8s/service-links';
import { containerLabel, type PodModel } from '../k8s/pod-model';
import { groupOf } from '../k8s/workloads';
import { relatedAt } from './missing-config-key';
import { isTarget, targetChunks, textIfKinds } from './file-contexts';
import type { FileRule, FileRuleContext } from './types';

const SERVICES = new Set(['Service']);

/**
 * Whether the pod's containers get Service links: `enableServiceLinks` is absent or true. Knative
 * Serving writes `false` into a revision that does not say (config-defaults `enable-service-links`).
 */
export function linksEnabled(pod: PodModel): boolean {
  const node = getNode(pod.spec, 'enableServiceLinks', pod.doc);
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return !knativeServing(pod);
  return isScalar(node) && node.value === true;
}

const knativeServing = (pod: PodModel): boolean => groupOf(pod.object.apiVersion) === 'serving.knative.dev';

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
  context: (chunk) => textIfKinds(chunk, SERVICES),
  peerContext: (chunk) => textIfKinds(chunk, SERVICES),
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
