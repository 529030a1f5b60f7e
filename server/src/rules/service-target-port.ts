/**
 * service-target-port: a Service selects pods of its namespace (in this file, or in the other
 * files of the workspace) whose containers neither declare nor imply the port its `targetPort`
 * (or `port`, when targetPort is absent) names. A named targetPort that no container declares
 * gives the Service no endpoints for that port; a number nobody listens on is refused.
 * File-level: it reads the chunk models, so per-chunk caching is unaffected.
 */
import { listenerConfigMaps, type ConfigMapIndex } from '../k8s/config-maps';
import { portNameErrors } from '../k8s/names';
import { containerLabel, type PodModel } from '../k8s/pod-model';
import { namespaceOf, nearPeers, sameNamespace } from '../k8s/neighbourhood';
import { selects, serviceOf, templateLabels, type ServiceModel } from '../k8s/services';
import { runToEnd } from '../core/slices';
import { listenerContext, membershipContext, relatedInChunk, targetChunks } from './file-contexts';
import { summaryOf, type Images, type PodSummary } from './service-pod-summary';
import { namesToSuggest, portToSuggest, reportLoopback, reportProtocol } from './service-target-checks';
import type { FileRule, FileRuleContext, PeerPods } from './types';

const serviceModels = new WeakMap<object, readonly ServiceModel[]>();

/** The Services of a chunk, memoised on the chunk's (cached) object list. */
function servicesOf(objects: FileRuleContext['chunks'][number]['objects']): readonly ServiceModel[] {
  let found = serviceModels.get(objects);
  if (!found) {
    found = objects.flatMap(({ object, doc }) => {
      const service = serviceOf(object, doc);
      return service && service.ports.length > 0 ? [service] : [];
    });
    serviceModels.set(objects, found);
  }
  return found;
}

interface Candidate {
  readonly pod: PodModel;
  readonly chunkStart: number | undefined;
  readonly labels: Readonly<Record<string, string>>;
  /** Made when a Service's labels select the pod: the workspace's pods are many, the selected few. */
  readonly summary: PodSummary;
  readonly namespace: string;
}

interface IndexedPod {
  readonly pod: PodModel;
  readonly chunkStart: number | undefined;
}

/** Pods of one file by `key\0value` label; injected ones apart; `fallback`: the namespace of pods that set none. */
interface PodIndex {
  readonly byLabel: Map<string, IndexedPod[]>;
  readonly injected: PodModel[];
  readonly fallback: string;
}

/** Pods indexed per step when the index is built in steps. */
const PODS_PER_STEP = 250;

function* indexSteps(pods: readonly IndexedPod[], fallback: string): Generator<void, PodIndex, void> {
  const index: PodIndex = { byLabel: new Map(), injected: [], fallback };
  let n = 0;
  for (const entry of pods) {
    if (++n % PODS_PER_STEP === 0) yield;
    // Partial pods (fragments) are nobody's target.
    if (entry.pod.shape.injected) index.injected.push(entry.pod);
    else if (!entry.pod.partial) {
      for (const [k, v] of Object.entries(labelsOf(entry.pod))) {
        const key = `${k}\u0000${v}`;
        const bucket = index.byLabel.get(key);
        if (bucket) bucket.push(entry);
        else index.byLabel.set(key, [entry]);
      }
    }
  }
  return index;
}

const peerIndexes = new WeakMap<PeerPods, PodIndex>();

function peerIndex(peer: PeerPods): PodIndex {
  return peerIndexes.get(peer) ?? runToEnd(peerIndexSteps(peer));
}

function* peerIndexSteps(peer: PeerPods): Generator<void, PodIndex, void> {
  const index = yield* indexSteps(peer.pods.map((pod) => ({ pod, chunkStart: undefined })), peer.namespace ?? '');
  peerIndexes.set(peer, index);
  return index;
}

/** The file's own index, made once per pass: a whole-file run checks its chunks in batches. */
const ownIndexes = new WeakMap<FileRuleContext['chunks'], PodIndex>();

function ownIndex(chunks: FileRuleContext['chunks'], fallback: string): PodIndex {
  const index = ownIndexes.get(chunks);
  return index?.fallback === fallback ? index : runToEnd(ownIndexSteps(chunks, fallback));
}

function* ownIndexSteps(chunks: FileRuleContext['chunks'], fallback: string): Generator<void, PodIndex, void> {
  const pods: IndexedPod[] = [];
  for (const c of chunks) for (const pod of c.pods) pods.push({ pod, chunkStart: c.start });
  const index = yield* indexSteps(pods, fallback);
  ownIndexes.set(chunks, index);
  return index;
}

const labelsByPod = new WeakMap<PodModel, Readonly<Record<string, string>>>();

function labelsOf(pod: PodModel): Readonly<Record<string, string>> {
  let labels = labelsByPod.get(pod);
  if (!labels) labelsByPod.set(pod, (labels = templateLabels(pod)));
  return labels;
}

/** A candidate whose summary and namespace are worked out on first use (same values, less work). */
function candidate(pod: PodModel, chunkStart: number | undefined, fallback: string, images: Images, configMaps: ConfigMapIndex): Candidate {
  let summary: PodSummary | undefined;
  let namespace: string | undefined;
  return {
    pod,
    chunkStart,
    labels: labelsOf(pod),
    get summary() {
      return (summary ??= summaryOf(pod, images, configMaps));
    },
    get namespace() {
      return (namespace ??= namespaceOf(pod.object, pod.doc, fallback));
    },
  };
}

export const serviceTargetPort: FileRule = {
  id: 'service-target-port',
  defaultSeverity: 'warning',
  // Only the Services: a pod's summary depends on the file's ConfigMaps (the listener model),
  // unknown while the chunk is analysed, and is needed only for the few pods a Service selects.
  prepareChunk(chunk) {
    servicesOf(chunk.objects);
  },
  *prepareFile(ctx) {
    if (!targetChunks(ctx).some((chunk) => servicesOf(chunk.objects).length > 0)) return;
    if (ownIndexes.get(ctx.chunks)?.fallback !== (ctx.namespace ?? '')) yield* ownIndexSteps(ctx.chunks, ctx.namespace ?? '');
    for (const peer of nearPeers(ctx)) if (!peerIndexes.has(peer)) yield* peerIndexSteps(peer);
  },
  // Whether a Service selects a pod depends on its labels; what the pod serves is tied by `uses`.
  context: (chunk) => listenerContext(chunk) + membershipContext(chunk),
  checkFile(ctx) {
    const images = ctx.options.images;
    const services = targetChunks(ctx).flatMap((chunk) => servicesOf(chunk.objects).map((service) => ({ chunk, service })));
    if (services.length === 0) return;
    const configMaps = listenerConfigMaps(ctx);
    // Pods indexed by each `key=value` label, so a Service looks at the pods it may select, not at
    // all of them; a peer's index is made once per run, not once per file that looks at it.
    const own = ownIndex(ctx.chunks, ctx.namespace ?? '');
    // The file itself may be among the peers (the CLI's one list); far folders are other deployments.
    const near = nearPeers(ctx).map(peerIndex);
    const parts = [own, ...near];
    // Containers injected into the selected pods (OpenKruise SidecarSet) bring their ports along.
    const injectedPods = parts.flatMap((part) => part.injected);
    for (const { chunk, service } of services) {
      // A Service selects pods of its own namespace only.
      const namespace = namespaceOf(service.object, service.doc, ctx.namespace ?? '');
      const selector = Object.entries(service.selector);
      const matched: Candidate[] = [];
      for (const part of selector.length > 0 ? parts : []) {
        let smallest: readonly IndexedPod[] | undefined;
        for (const [k, v] of selector) {
          const bucket = part.byLabel.get(`${k}\u0000${v}`) ?? [];
          if (!smallest || bucket.length < smallest.length) smallest = bucket;
        }
        for (const entry of smallest ?? []) {
          const c = candidate(entry.pod, entry.chunkStart, part.fallback, images, configMaps);
          if (sameNamespace(c.namespace, namespace) && selects(service.selector, c.labels)) matched.push(c);
        }
      }
      if (matched.length === 0) continue;
      for (const m of matched) if (m.chunkStart !== undefined) ctx.uses?.(chunk.start, m.chunkStart);
      const summaries = [...matched.map((m) => m.summary), ...injectedPods.map((pod) => summaryOf(pod, images))];
      const names = [...new Set(summaries.flatMap((s) => s.names))];
      const numbers = [...new Set([...summaries.flatMap((s) => s.declared), ...summaries.flatMap((s) => s.implied)])];
      const unknownListener = summaries.some((s) => s.unknownListener);
      for (const ref of service.ports) {
        if (typeof ref.value === 'string' && portNameErrors(ref.value).length > 0) continue; // rejected as written: invalid-port
        // A port of the mesh proxy injected into the pods (Envoy's metrics, Linkerd's admin port).
        if (matched.some(({ summary }) => (typeof ref.value === 'number' ? summary.proxy.ports : summary.proxy.names).includes(ref.value as never))) continue;
        const asNumber = typeof ref.value === 'number' ? ref.value : undefined;
        if (reportLoopback(ctx, chunk.start, service, ref, matched.map((m) => m.summary))) continue;
        if (asNumber === undefined && names.includes(ref.value as string)) {
          reportProtocol(ctx, chunk.start, service, ref, summaries);
          continue;
        }
        // A default of the image that gave way to other declarations (adminer declaring 8083, the
        // Service on its 8080): the process may well listen there; Podsight cannot tell.
        const maybe = asNumber !== undefined && summaries.some((s) => s.maybe.includes(asNumber));
        if (asNumber !== undefined ? numbers.includes(asNumber) || unknownListener || maybe : names.includes(ref.value as string) || summaries.some((s) => s.namesOpen)) continue;
        const meant = asNumber === undefined ? namesToSuggest(ref, summaries) : {};
        const either = meant.onPort && meant.alike && meant.onPort !== meant.alike ? [meant.onPort, meant.alike] : undefined;
        const maybePorts = [...new Set(summaries.flatMap((s) => s.maybe))].filter((n) => !numbers.includes(n));
        // Not a port another port of this Service already sends to (NATS: 7522 is not the leafnodes port 7422, sweep FB).
        // A name stands for the number its containers give it (`targetPort: http` → 8080).
        const named = (name: string, protocol = 'TCP'): number[] => summaries.flatMap((s) => { const n = s.named.get(`${name}/${protocol}`); return n === undefined ? [] : [n]; });
        const targeted = new Set(service.ports.flatMap((p) => (p === ref ? [] : typeof p.value === 'number' ? [p.value] : named(p.value, p.protocol))));
        const candidates = [...numbers, ...maybePorts].filter((n) => !summaries.some((s) => s.healthOnly.includes(n)) && !targeted.has(n));
        const suggestion = asNumber !== undefined ? portToSuggest(asNumber, candidates, targeted) : either ? undefined : (meant.onPort ?? meant.alike);
        const workloads = [...new Set(matched.map(({ pod }) => `${pod.kind}/${pod.name ?? '?'}`))].join(', ');
        const declaredNumbers = [...new Set(summaries.flatMap((s) => s.declared))];
        const declared = [...names, ...declaredNumbers.map(String)].join(', ') || '-';
        // With the image defaults that gave way to declarations: the process may listen there still.
        const listening = [...new Set([...summaries.flatMap((s) => s.implied), ...maybePorts])].join(', ') || '-';
        const args = {
          service: service.name ?? '?',
          field: ref.field,
          value: String(ref.value),
          workloads,
          declared,
          listening,
        };
        // Declaring a containerPort is informational: a process may listen on a number it does
        // not declare (often set by args or a config file), so an undeclared number is only a
        // note, worded as such, unless what the containers listen on comes from the image table alone,
        // or the images' listeners are all known (http-echo's `-listen=:8080`, sweep ED).
        const unsure = asNumber !== undefined && summaries.some((s) => s.hasDeclared && !s.fullyKnown);
        const message = ctx.t(asNumber === undefined ? 'service-target-port.name' : unsure ? 'service-target-port.number-unsure' : 'service-target-port.number', args);
        const suggest = either
          ? ctx.t('service-target-port.suggest-either', { onPort: either[0] ?? '', port: ref.port ?? '', alike: either[1] ?? '' })
          : suggestion !== undefined
            ? ctx.t('service-target-port.suggest', { suggestion: String(suggestion) })
            : '';
        // Related spans are relative to the Service's chunk; the pod may sit in another one.
        const related = matched.flatMap(({ summary, chunkStart }) =>
          summary.serving.flatMap((c) => relatedInChunk(c.nameNode?.range, chunkStart, chunk.start, ctx.t('service-target-port.related', { container: containerLabel(c) }))),
        );
        const severity = unsure ? 'information' : undefined;
        ctx.report(chunk.start, {
          severity,
          node: ref.node,
          message: message + suggest,
          related,
          data: {
            service: service.name,
            field: ref.field,
            value: ref.value,
            portIndex: ref.index,
            suggestion,
            ...(either ? { suggestions: either } : {}),
            declaredNames: names,
            declaredPorts: numbers,
          },
        });
      }
    }
  },
};
