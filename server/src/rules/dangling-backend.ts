/**
 * dangling-backend: an Ingress or a Gateway API route sends traffic to a Service port the
 * Service in that namespace does not have (the container port instead of the Service port is
 * the classic slip), to a Service name that is a near miss of one the namespace has, or to a
 * Service the workspace defines only in other namespaces.
 * Silent when the Service is not in the workspace and no name is close (it may be made
 * elsewhere), when another definition of it may be the deployed one, when a template may add
 * ports to it, and when the Ingress's controller may serve the port anyway (ingress-nginx also
 * matches a Service port's targetPort, and takes any port of an ExternalName Service).
 */
import { backendsOf, mayBeExternalName, servicePortsOf, servicePortsOpen, type ServicePort } from '../k8s/backends';
import { ingressPortMatching, SERVICE_PORT_ONLY, type PortMatching } from '../k8s/ingress-class';
import { mayShareNamespace, namespaceLabel, neighbourhoodOf, neighbourhoodSteps, sameNamespace } from '../k8s/neighbourhood';
import { objectNameUnknown } from '../k8s/unknown-names';
import { closest } from '../util/suggest';
import { relatedAt } from './missing-config-key';
import { isTarget, targetChunks, textIfKinds } from './file-contexts';
import type { FileRule, FileRuleContext } from './types';

const OWNERS = ['Ingress', 'HTTPRoute', 'GRPCRoute'];

/** Services, and the IngressClasses that tell which controller serves an Ingress. */
const LOOKED_UP = new Set(['Service', 'IngressClass']);

/** Whether the backend port is one of the Service's ports, as the controller matches them. */
function served(port: number | string, ports: readonly ServicePort[], matching: PortMatching): boolean {
  return ports.some((p) => (typeof port === 'number' ? p.port === port : p.name === port) || (matching.targetPort && p.targetPort === port));
}

const hasTargetOwner = (ctx: Pick<FileRuleContext, 'chunks' | 'targets'>): boolean => targetChunks(ctx).some((c) => c.objects.some((o) => OWNERS.includes(o.object.kind ?? '')));

export const danglingBackend: FileRule = {
  id: 'dangling-backend',
  defaultSeverity: 'warning',
  context: (chunk) => textIfKinds(chunk, LOOKED_UP),
  // Of a peer, only its Services and IngressClasses.
  peerContext: (chunk) => textIfKinds(chunk, LOOKED_UP),
  *prepareFile(ctx) {
    if (hasTargetOwner(ctx)) yield* neighbourhoodSteps(ctx);
  },
  checkFile(ctx) {
    if (!hasTargetOwner(ctx)) return;
    const hood = neighbourhoodOf(ctx);
    const owners = OWNERS.flatMap((k) => hood.ownObjects(k)).filter((o) => isTarget(ctx, o.chunkStart));
    if (owners.length === 0) return;
    const classes = hood.objects('IngressClass');
    for (const owner of owners) {
      if (owner.chunkStart === undefined) continue;
      const chunkStart = owner.chunkStart;
      // Gateway API routes name the Service port; an Ingress's controller decides.
      const matching = owner.object.kind === 'Ingress' ? ingressPortMatching(owner.object, owner.doc, classes) : SERVICE_PORT_ONLY;
      for (const ref of backendsOf(owner.object, owner.doc)) {
        const namespace = ref.namespace ?? owner.namespace;
        const base = { owner: owner.object.kind ?? '', name: owner.object.name ?? '?', service: ref.service, namespace: namespaceLabel(namespace) };
        const named = hood.objects('Service', ref.service);
        const defined = named.filter((s) => sameNamespace(s.namespace, namespace));
        if (named.some((s) => !defined.includes(s) && mayShareNamespace(s.namespace, namespace))) continue;
        if (named.length === 0) {
          // Only a near miss of a Service the namespace has: anything else may be made elsewhere.
          const services = hood.objects('Service').filter((s) => sameNamespace(s.namespace, namespace));
          // A Service whose name a placeholder writes may be the one named.
          if (services.some((s) => objectNameUnknown(s.object, s.doc))) continue;
          const names = services.flatMap((s) => (s.object.name ? [s.object.name] : []));
          const suggestion = closest(ref.service, names);
          if (!suggestion) continue;
          ctx.report(chunkStart, { node: ref.serviceNode, message: ctx.t('dangling-backend.service', { ...base, suggestion }), data: { service: ref.service, suggestion } });
          continue;
        }
        if (defined.length === 0 && named.length > 0) {
          // The Service is defined, only in other namespaces: a backend names one of its owner's
          // namespace (Gateway API routes may name another with `namespace:`), so none is found.
          const here = hood.objects('Service').filter((s) => sameNamespace(s.namespace, namespace));
          if (here.some((s) => objectNameUnknown(s.object, s.doc))) continue;
          const others = [...new Set(named.map((s) => namespaceLabel(s.namespace)))].join(', ');
          const related = named.flatMap((s) => relatedAt(s, chunkStart, ctx.t('dangling-backend.other-namespace-related', { ...base, other: namespaceLabel(s.namespace) })));
          ctx.report(chunkStart, { node: ref.serviceNode, message: ctx.t('dangling-backend.other-namespace', { ...base, others }), related, data: { service: ref.service } });
          continue;
        }
        if (defined.length === 0 || ref.port === undefined || !ref.portNode) continue;
        // The AWS Load Balancer Controller reads `port.name: use-annotation` as an action named by
        // the Ingress's `alb.ingress.kubernetes.io/actions.<service>` annotation, not a Service port.
        if (ref.port === 'use-annotation') continue;
        const portLists = defined.map((s) => servicePortsOf(s.object, s.doc));
        if (portLists.some((p) => p === undefined)) continue;
        // Ports a template writes or adds may be the one: the list is not known in full.
        if (defined.some((s) => servicePortsOpen(s.object, s.doc))) continue;
        const ports = portLists.flat() as ServicePort[];
        if (ports.some((p) => p.unknown)) continue;
        const number = typeof ref.port === 'number' ? ref.port : undefined;
        if (served(ref.port, ports, matching)) continue;
        if (number !== undefined && matching.externalNameAnyPort && defined.some((s) => mayBeExternalName(s.object, s.doc))) continue;
        const listed = ports.map((p) => (p.name ? `${p.port ?? '?'} (${p.name})` : String(p.port ?? '?'))).join(', ');
        const related = defined.flatMap((s) => relatedAt(s, chunkStart, ctx.t('dangling-backend.related', base)));
        if (number !== undefined) {
          const forwarded = ports.filter((p) => p.targetPort === number && p.port !== undefined);
          const suggestion = forwarded.length === 1 ? forwarded[0]?.port : ports.length === 1 ? ports[0]?.port : undefined;
          const hint = forwarded.length === 1 ? ctx.t('dangling-backend.container-port', { port: number, servicePort: suggestion ?? '' }) : '';
          ctx.report(chunkStart, { node: ref.portNode, message: ctx.t('dangling-backend.port-number', { ...base, port: number, ports: listed }) + hint, related, data: { service: ref.service, port: number, suggestion } });
        } else {
          const names = ports.flatMap((p) => (p.name ? [p.name] : []));
          const suggestion = closest(String(ref.port), names) ?? (names.length === 1 ? names[0] : undefined);
          const didYouMean = suggestion ? ctx.t('common.did-you-mean', { suggestion }) : '';
          ctx.report(chunkStart, { node: ref.portNode, message: ctx.t('dangling-backend.port-name', { ...base, port: String(ref.port), ports: listed, didYouMean }), related, data: { service: ref.service, port: ref.port, suggestion } });
        }
      }
    }
  },
};
