/**
 * invalid-port: port numbers outside 1–65535 or not integers, protocols other than TCP, UDP and
 * SCTP (case-sensitive), port names that are not IANA service names (declared, or referred to by a
 * probe or handler: port-name-form.ts), duplicate names in a container; and the ports of a Service (service-ports.ts).
 */
import { isScalar, type Node } from 'yaml';
import { isSedTokenValue, portNameErrors } from '../k8s/names';
import { containerLabel } from '../k8s/pod-model';
import { isUnknownValue } from '../core/unknown-values';
import { reportPortNameForm } from './port-name-form';
import { checkServicePorts } from './service-ports';
import type { Rule, RuleContext } from './types';
import { syntaxBroken } from './yaml-syntax';
import { isKnativeServing } from '../k8s/knative';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function checkNumber(ctx: RuleContext, node: Node | undefined, field: string, path: string, optional: boolean): void {
  if (!node || !isScalar(node)) return;
  const value = node.value;
  // `containerPort: CONTAINER_PORT`: a token the consuming kustomization or a script replaces (sweep DJ).
  if (value === null || isSedTokenValue(value)) return;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    // A quoted "80" is a string: say so, quotes included.
    const shown = typeof value === 'string' ? JSON.stringify(value) : String(node.source ?? value);
    ctx.report({ node, message: ctx.t('invalid-port.not-integer', { field, value: shown, path }), data: { field } });
  } else if (optional && value === 0) {
    return; // hostPort 0 means "not set"
  } else if (value < 1 || value > 65535) {
    ctx.report({ node, message: ctx.t('invalid-port.range', { field, value, path }), data: { field, value } });
  }
}


export const invalidPort: Rule = {
  id: 'invalid-port',
  defaultSeverity: 'error',
  check(ctx) {
    // kubectl never gets past a YAML syntax error to decode the object (yaml-syntax says why).
    if (syntaxBroken(ctx.chunk)) return;
    checkServicePorts(ctx);
    for (const pod of ctx.pods) {
      for (const container of pod.containers) {
        for (const ref of container.portReferences) {
          // grpc.port is an integer field: a string there is a decoding error (invalid-value).
          if (typeof ref.value !== 'string' || ref.where.endsWith('.grpc.port') || isUnknownValue(ref.node)) continue;
          reportPortNameForm(ctx, ref.node, ref.value, `${container.path}.${ref.where}`);
        }
        const names = new Map<string, number>();
        const knativePort = isKnativeServing(pod) && container.list === 'containers';
        for (const port of container.ports) {
          // Knative's serving port may leave containerPort out: Knative defaults it to 8080.
          if (!port.containerPortNode && !knativePort) {
            ctx.report({ node: port.node, message: ctx.t('invalid-port.required', { path: `${port.path}.containerPort` }), data: { field: 'containerPort' } });
          }
          // Knative's serving port may be 0: Knative makes it 8080.
          if (!(knativePort && port.containerPort === 0)) checkNumber(ctx, port.containerPortNode, 'containerPort', `${port.path}.containerPort`, false);
          checkNumber(ctx, port.hostPortNode, 'hostPort', `${port.path}.hostPort`, true);
          if (port.protocolNode && port.protocolNode.value !== null && port.protocolNode.value !== '' && !PROTOCOLS.includes(port.protocol)) {
            // Knative's serving port takes TCP alone: "udp" is no UDP there.
            const suggestion = PROTOCOLS.find((p) => p === port.protocol.toUpperCase() && (!knativePort || p === 'TCP'));
            ctx.report({
              node: port.protocolNode,
              message: ctx.t('invalid-port.protocol', { value: port.protocol, path: `${port.path}.protocol` }),
              data: { field: 'protocol', suggestion },
            });
          }
          if (port.name !== undefined && port.nameNode) {
            const errors = portNameErrors(port.name);
            if (errors.length > 0) {
              ctx.report({
                node: port.nameNode,
                message: ctx.t('invalid-port.name', { value: port.name, reason: errors.join('; '), path: `${port.path}.name` }),
                data: { field: 'name' },
              });
            } else if (names.has(port.name)) {
              ctx.report({
                node: port.nameNode,
                message: ctx.t('invalid-port.duplicate-name', { value: port.name, container: containerLabel(container), path: `${port.path}.name` }),
                related: [{ node: container.ports[names.get(port.name) ?? 0]?.nameNode ?? port.nameNode, message: ctx.t('invalid-port.duplicate-name-related', { value: port.name }) }],
                data: { field: 'name', duplicate: true },
              });
            } else {
              names.set(port.name, container.ports.indexOf(port));
            }
          }
        }
      }
    }
  },
};
