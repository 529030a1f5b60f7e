/**
 * dangling-backend: an Ingress or a Gateway API route sends traffic to a Service port the
 * Service in that namespace does not have (the container port instead of the Service port is
 * the classic slip), or to a Service name that is a near miss of one the namespace has.
 * Silent when the Service is not in the workspace and no name is close (it may be made
 * elsewhere), and when another definition of it may be the deployed one.
 */
import { backendsOf, servicePortsOf, type ServicePort } from '../k8s/backends';
import { mayShareNamespace, namespaceLabel, neighbourhoodOf, neighbourhoodSteps, sameNamespace } from '../k8s/neighbourhood';
import { objectNameUnknown } from '../k8s/unknown-names';
import { closest } from '../util/suggest';
import { relatedAt } from './missing-config-key';
import { isTarget, SERVICE, targetChunks, textIfKinds } from './file-contexts';
import type { FileRule, FileRuleContext } from './types';

const OWNERS = ['Ingress', 'HTTPRoute', 'GRPCRoute'];

const hasTargetOwner = (ctx: Pick<FileRuleContext, 'chunks' | 'targets'>): boolean => targetChunks(ctx).some((c) => c.objects.some((o) => OWNERS.includes(o.object.kind ?? '')));

export const danglingBackend: FileRule = {
  id: 'dangling-backend',
  defaultSeverity: 'warning',
  context: (chunk) => textIfKinds(chunk, SERVICE),
  // Of a peer, only its Services.
  peerContext: (chunk) => textIfKinds(chunk, SERVICE),
  *prepareFile(ctx) {
    if (hasTargetOwner(ctx)) yield* neighbourhoodSteps(ctx);
  },
  checkFile(ctx) {
    if (!hasTargetOwner(ctx)) return;
    const hood = neighbourhoodOf(ctx);
    const owners = OWNERS.flatMap((k) => hood.ownObjects(k)).filter((o) => isTarget(ctx, o.chunkStart));
    if (owners.length === 0) return;
    for (const owner of owners) {
      if (owner.chunkStart === undefined) continue;
      const chunkStart = owner.chunkStart;
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
        if (defined.length === 0 || ref.port === undefined || !ref.portNode) continue;
        // The AWS Load Balancer Controller reads `port.name: use-annotation` as an action named by
        // the Ingress's `alb.ingress.kubernetes.io/actions.<service>` annotation, not a Service port.
        if (ref.port === 'use-annotation') continue;
        const portLists = defined.map((s) => servicePortsOf(s.object, s.doc));
        if (portLists.some((p) => p === undefined)) continue;
        const ports = portLists.flat() as ServicePort[];
        const number = typeof ref.port === 'number' ? ref.port : undefined;
        // A port whose number or name a placeholder writes may be the one asked for.
        if (number !== undefined ? ports.some((p) => p.port === number || p.portUnknown) : ports.some((p) => p.name === ref.port || p.nameUnknown)) continue;
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
