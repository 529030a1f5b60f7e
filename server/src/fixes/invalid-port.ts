/**
 * invalid-port: protocol case (`tcp` → `TCP`), a valid IANA service name derived from an invalid
 * one (`Metrics_Port` → `metrics-port`, with the probes that use it), a unique name for a duplicate,
 * the nearest valid number for one out of range, a number for a quoted number (also where a port
 * is referred to: a probe's port, a Service's targetPort).
 */
import { isScalar } from 'yaml';
import { portNameErrors } from '../k8s/names';
import type { ContainerModel, PortModel } from '../k8s/pod-model';
import { containersAt, fact, isAt, replaceAtFinding, unique, writtenIn } from './find';
import type { Fix, FixContext, FixProvider } from './types';
import { replaceScalar, type OffsetEdit } from './yaml-edit';

/** `Metrics_Port` → `metrics-port`: lower case, hyphens only, at most 15 characters, one letter at least. */
export function validPortName(value: string): string {
  let name = value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '');
  name = name.slice(0, 15).replace(/-+$/, '');
  if (!/[a-z]/.test(name)) name = `p-${name}`.slice(0, 15).replace(/-+$/, '');
  return portNameErrors(name).length === 0 ? name : 'port';
}

function renamePort(ctx: FixContext, container: ContainerModel, port: PortModel, name: string): OffsetEdit[] {
  const edits: OffsetEdit[] = port.nameNode ? [replaceScalar(ctx.chunk.start, port.nameNode, name)] : [];
  // Probes that named the port by its old (invalid) name keep working under the new one.
  const duplicate = fact(ctx, 'duplicate') === true;
  if (!duplicate) {
    for (const ref of container.portReferences) {
      if (ref.value === port.name && writtenIn(ref.node, container.node)) edits.push(replaceScalar(ctx.chunk.start, ref.node, name));
    }
  }
  return edits;
}

/** A quoted number where a port is referred to (a probe, a Service's targetPort): the number, unquoted. */
function unquoteNumber(ctx: FixContext): Fix[] {
  const number = fact(ctx, 'number');
  const edits = typeof number === 'number' ? replaceAtFinding(ctx, number) : [];
  return edits.map((edit) => ({ title: ctx.t('fix.write-number', { value: number as number }), edits: [{ ...edit, newText: String(number) }], preferred: true, safe: true }));
}

export const invalidPortFixes: FixProvider = (ctx) => {
  const field = fact(ctx, 'field');
  if (field === 'reference') return unquoteNumber(ctx);
  const hit = containersAt(ctx, (c) =>
    c.ports.find((p) => isAt(ctx, p.protocolNode) || isAt(ctx, p.nameNode) || isAt(ctx, p.containerPortNode) || isAt(ctx, p.hostPortNode)),
  )[0];
  if (!hit) return [];
  const { container, part: port } = hit;
  const base = ctx.chunk.start;
  const fixes: Fix[] = [];
  if (field === 'protocol' && port.protocolNode) {
    const suggestion = fact(ctx, 'suggestion');
    if (typeof suggestion === 'string') {
      fixes.push({ title: ctx.t('fix.replace', { from: port.protocol, to: suggestion }), edits: [replaceScalar(base, port.protocolNode, suggestion)], preferred: true, safe: true });
    }
  } else if (field === 'name' && port.name !== undefined) {
    const taken = new Set(container.ports.filter((p) => p !== port).flatMap((p) => (p.name ? [p.name] : [])));
    const name = unique(validPortName(port.name), taken, 15);
    if (portNameErrors(name).length === 0) {
      fixes.push({ title: ctx.t('fix.rename', { from: port.name, to: name }), edits: renamePort(ctx, container, port, name), preferred: true, safe: fact(ctx, 'duplicate') !== true });
    }
  } else if (field === 'containerPort' || field === 'hostPort') {
    const node = field === 'containerPort' ? port.containerPortNode : port.hostPortNode;
    if (!node || !isScalar(node) || !isAt(ctx, node)) return fixes;
    const raw = node.value;
    const numeric = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : undefined;
    if (numeric !== undefined) {
      const value = Math.min(65535, Math.max(1, Math.round(numeric)));
      fixes.push({ title: ctx.t('fix.set-port', { field, port: value }), edits: [{ ...replaceScalar(base, node, value), newText: String(value) }], preferred: true, safe: typeof raw === 'string' });
    }
  }
  return fixes;
};
