/**
 * Part of invalid-port: the ports of a Service, as the API server validates them
 * (pkg/apis/core/validation ValidateService): with more than one port each needs a name, names
 * are DNS-1123 labels and unique, no port and protocol twice, numbers within 1–65535; a
 * `nodePort` only outside a ClusterIP Service, and no nodePort and protocol twice. A templated
 * Service (its `if` branches may hold alternatives) and a kustomize patch (its ports merge into
 * the base's by number) are not judged.
 */
import { isScalar, type Node, type Scalar } from 'yaml';
import { asMap, getMap, getScalar, getSeqItems } from '../core/yaml-access';
import { isUnknownValue } from '../core/unknown-values';
import { dns1123LabelErrors } from '../k8s/names';
import { reportPortNameForm } from './port-name-form';
import type { RuleContext } from './types';
import { mayInsert } from '../core/parse';

/**
 * A targetPort written as a string is a port name, whatever it holds: `"8080"` in quotes is
 * rejected ("must contain at least one letter (a-z)"), not read as the number.
 */
function checkTargetPortName(ctx: RuleContext, target: Scalar | undefined, path: string): void {
  if (!target || typeof target.value !== 'string' || isUnknownValue(target)) return;
  reportPortNameForm(ctx, target, target.value, path);
}

export function checkServicePorts(ctx: RuleContext): void {
  if (mayInsert(ctx.chunk) || ctx.options.fragment) return;
  for (const { object, doc } of ctx.objects) {
    if (object.kind !== 'Service' || object.apiVersion !== 'v1') continue;
    const items = getSeqItems(getMap(object.node, 'spec', doc), 'ports', doc);
    const names = new Map<string, Node>();
    const numbers = new Map<string, Node>();
    const nodePorts = new Map<string, Node>();
    const type = getScalar(getMap(object.node, 'spec', doc), 'type', doc);
    // An absent or empty type is defaulted to ClusterIP, unless an overlay may still set one.
    const clusterIP = type ? type.value === null || type.value === '' || type.value === 'ClusterIP' : !ctx.options.kustomizeResource;
    for (const { node, index } of items) {
      const map = asMap(node, doc);
      if (!map) continue;
      const path = `spec.ports[${index}]`;
      const name = getScalar(map, 'name', doc);
      const port = getScalar(map, 'port', doc);
      const protocol = getScalar(map, 'protocol', doc);
      if (isUnknownValue(name) || isUnknownValue(port) || isUnknownValue(protocol)) continue;
      checkTargetPortName(ctx, getScalar(map, 'targetPort', doc), `${path}.targetPort`);
      const first = map.items[0]?.key;
      if ((!name || name.value === null || name.value === '') && items.length > 1 && isScalar(first)) {
        ctx.report({ node: first, message: ctx.t('invalid-port.service-name-required', { count: items.length, path: `${path}.name` }), data: { field: 'name', service: true } });
      } else if (name && typeof name.value === 'string' && name.value !== '') {
        const errors = dns1123LabelErrors(name.value);
        const earlier = names.get(name.value);
        if (errors.length > 0) ctx.report({ node: name, message: ctx.t('invalid-port.service-name', { value: name.value, reason: errors.join('; '), path: `${path}.name` }), data: { field: 'name', service: true } });
        else if (earlier) {
          ctx.report({
            node: name,
            message: ctx.t('invalid-port.service-duplicate-name', { value: name.value, path: `${path}.name` }),
            related: [{ node: earlier, message: ctx.t('invalid-port.duplicate-name-related', { value: name.value }) }],
            data: { field: 'name', duplicate: true, service: true },
          });
        } else names.set(name.value, name);
      }
      checkNodePort(ctx, getScalar(map, 'nodePort', doc), protocol, path, clusterIP && !isUnknownValue(type), nodePorts);
      if (!port || typeof port.value !== 'number' || !Number.isInteger(port.value)) continue;
      if (port.value < 1 || port.value > 65535) {
        ctx.report({ node: port, message: ctx.t('invalid-port.range', { field: 'port', value: port.value, path: `${path}.port` }), data: { field: 'port', value: port.value } });
        continue;
      }
      const proto = protocol && typeof protocol.value === 'string' ? protocol.value : 'TCP';
      const key = `${port.value}/${proto}`;
      const twice = numbers.get(key);
      if (twice) {
        ctx.report({
          node: port,
          message: ctx.t('invalid-port.service-duplicate-port', { port: port.value, protocol: proto, path }),
          related: [{ node: twice, message: ctx.t('invalid-port.service-duplicate-port-related', { port: port.value, protocol: proto }) }],
          data: { field: 'port', duplicate: true, service: true },
        });
      } else numbers.set(key, port);
    }
  }
}

/** The API server's default `--service-node-port-range`. */
const NODE_PORT_RANGE = { min: 30000, max: 32767 };

/**
 * A nodePort on a ClusterIP Service (Forbidden), one outside 1–65535, one outside the default
 * node port range (the allocator refuses it: "provided port is not in the valid range"; a warning,
 * since a cluster may set another range), or the same nodePort and protocol twice (Duplicate value).
 */
function checkNodePort(ctx: RuleContext, nodePort: Scalar | undefined, protocol: Scalar | undefined, path: string, clusterIP: boolean, seen: Map<string, Node>): void {
  if (!nodePort || typeof nodePort.value !== 'number' || nodePort.value === 0 || isUnknownValue(nodePort)) return;
  const value = nodePort.value;
  if (clusterIP) {
    ctx.report({ node: nodePort, message: ctx.t('invalid-port.node-port-cluster-ip', { port: value, path: `${path}.nodePort` }), data: { field: 'nodePort', service: true } });
    return;
  }
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    ctx.report({ node: nodePort, message: ctx.t('invalid-port.range', { field: 'nodePort', value, path: `${path}.nodePort` }), data: { field: 'nodePort', value } });
    return;
  }
  if (value < NODE_PORT_RANGE.min || value > NODE_PORT_RANGE.max) {
    const args = { port: value, path: `${path}.nodePort`, ...NODE_PORT_RANGE };
    ctx.report({ node: nodePort, severity: 'warning', message: ctx.t('invalid-port.node-port-range', args), data: { field: 'nodePort', value, service: true } });
  }
  const proto = protocol && typeof protocol.value === 'string' && protocol.value !== '' ? protocol.value : 'TCP';
  const key = `${nodePort.value}/${proto}`;
  const twice = seen.get(key);
  if (!twice) return void seen.set(key, nodePort);
  ctx.report({
    node: nodePort,
    message: ctx.t('invalid-port.node-port-duplicate', { port: nodePort.value, protocol: proto, path: `${path}.nodePort` }),
    related: [{ node: twice, message: ctx.t('invalid-port.service-duplicate-port-related', { port: nodePort.value, protocol: proto }) }],
    data: { field: 'nodePort', duplicate: true, service: true },
  });
}
