/** host-network-port-mismatch: with hostNetwork the hostPort must equal the containerPort. */
import { containersAt, isAt } from './find';
import type { FixProvider } from './types';
import { replaceScalar } from './yaml-edit';

export const hostNetworkPortMismatchFixes: FixProvider = (ctx) => {
  const hit = containersAt(ctx, (c) => c.ports.find((p) => isAt(ctx, p.hostPortNode)))[0];
  const port = hit?.part;
  if (!port?.hostPortNode || port.containerPort === undefined) return [];
  return [{
    title: ctx.t('fix.host-network-port-mismatch.equal', { port: port.containerPort }),
    edits: [replaceScalar(ctx.chunk.start, port.hostPortNode, port.containerPort)],
    preferred: true,
    safe: true,
  }];
};
