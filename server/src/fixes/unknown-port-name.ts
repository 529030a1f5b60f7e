/**
 * unknown-port-name: use the closest declared name, or declare a port with the name the probe
 * uses: on the container's only unnamed port, or as a new port with the number its process
 * really listens on (an effective listener nothing declares: the image default, or where args,
 * env or a mounted configuration moved it).
 */
import { asSeq, getNode } from '../core/yaml-access';
import { configMapsOfAnalysis } from '../k8s/config-maps';
import { containerListeners } from '../k8s/listeners';
import { portNameErrors } from '../k8s/names';
import { containerLabel } from '../k8s/pod-model';
import { closest, containersAt, isAt, writtenIn } from './find';
import { validPortName } from './invalid-port';
import type { Fix, FixProvider } from './types';
import { addPair, appendItem, replaceScalar, type YValue } from './yaml-edit';

export const unknownPortNameFixes: FixProvider = (ctx) => {
  const hit = containersAt(ctx, (c) => c.portReferences.find((r) => isAt(ctx, r.node)))[0];
  if (!hit || typeof hit.part.value !== 'string') return [];
  const { pod, container, part: ref } = hit;
  const name = ref.value as string;
  const text = ctx.analysis.text;
  const base = ctx.chunk.start;
  const fixes: Fix[] = [];
  const declared = container.ports.flatMap((p) => (p.name ? [p.name] : []));
  const suggestion = closest(name, declared) ?? (declared.length === 1 ? declared[0] : undefined);
  const target = container.ports.find((p) => p.name === suggestion);
  if (suggestion && portNameErrors(suggestion).length === 0) {
    fixes.push({ title: ctx.t('fix.replace', { from: name, to: suggestion }), edits: [replaceScalar(base, ref.node, suggestion)], preferred: true });
  } else if (suggestion && target?.nameNode && writtenIn(target.node, container.node)) {
    // The closest port's own name is invalid (`Metrics_Port`): give it a valid one and use that.
    const valid = validPortName(suggestion);
    const edits = [replaceScalar(base, ref.node, valid), replaceScalar(base, target.nameNode, valid)];
    for (const r of container.portReferences) if (r !== ref && r.value === suggestion && writtenIn(r.node, container.node)) edits.push(replaceScalar(base, r.node, valid));
    fixes.push({ title: ctx.t('fix.unknown-port-name.rename-port', { from: suggestion, to: valid }), edits, preferred: true });
  }
  if (portNameErrors(name).length > 0 || !writtenIn(ref.node, container.node)) return fixes;
  const unnamed = container.ports.filter((p) => p.name === undefined && p.containerPort !== undefined);
  const only = unnamed.length === 1 ? unnamed[0] : undefined;
  if (only && writtenIn(only.node, container.node)) {
    fixes.push({
      title: ctx.t('fix.unknown-port-name.name-port', { name, port: only.containerPort ?? '' }),
      edits: [addPair(text, base, only.node, 'name', name)],
      preferred: !suggestion,
    });
    return fixes;
  }
  const undeclared = containerListeners(pod, container, { images: ctx.options.images, configMaps: configMapsOfAnalysis(ctx.analysis) }).listeners.filter(
    (l) => l.source !== 'declared' && !l.declaration && !container.ports.some((p) => p.containerPort === l.port),
  );
  // Probes speak TCP (httpGet, tcpSocket, grpc): a UDP listener is no candidate when a TCP one exists.
  const implied = undeclared.find((l) => l.protocol === 'TCP') ?? undeclared[0];
  if (implied) {
    const item: Record<string, YValue> = implied.protocol === 'TCP' ? { name, containerPort: implied.port } : { name, containerPort: implied.port, protocol: implied.protocol };
    const seq = asSeq(getNode(container.node, 'ports', pod.doc), pod.doc);
    fixes.push({
      title: ctx.t('fix.unknown-port-name.declare', { name, port: implied.port, container: containerLabel(container) }),
      edits: [seq ? appendItem(text, base, seq, item) : addPair(text, base, container.node, 'ports', [item])],
      preferred: !suggestion,
    });
  }
  return fixes;
};
