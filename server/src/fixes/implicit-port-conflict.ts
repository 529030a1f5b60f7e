/**
 * implicit-port-conflict: declare the port the image implies (so the conflict shows up as a
 * reviewable `port-conflict`), or, where the image table documents a port setting (an environment
 * variable or a command-line argument), move the image to a free port and declare that one.
 */
import { asSeq, getNode, getPair } from '../core/yaml-access';
import { lookupImage, type PortSetting } from '../k8s/images';
import { impliedPorts } from '../k8s/listeners';
import { containerLabel, type ContainerModel, type PodModel } from '../k8s/pod-model';
import { containersAt, fact, isAt, nextFree, portsInUse, writtenIn } from './find';
import type { Fix, FixContext, FixProvider } from './types';
import { addPair, appendItem, type OffsetEdit, type YValue } from './yaml-edit';

function declarePort(ctx: FixContext, pod: PodModel, container: ContainerModel, port: number, protocol: string): OffsetEdit {
  const item: Record<string, YValue> = protocol === 'TCP' ? { containerPort: port } : { containerPort: port, protocol };
  const seq = asSeq(getNode(container.node, 'ports', pod.doc), pod.doc);
  return seq ? appendItem(ctx.analysis.text, ctx.chunk.start, seq, item) : addPair(ctx.analysis.text, ctx.chunk.start, container.node, 'ports', [item]);
}

/** The value a setting takes, from the example its description gives (`:8087`, `0.0.0.0:N`), else the bare number. */
function settingValue(setting: PortSetting, key: string, port: number): { joined: boolean; value: string } {
  const example = new RegExp('`' + key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '([= ])([^`]*)`').exec(setting.description);
  const raw = example?.[2] ?? 'N';
  const value = /\bN\b/.test(raw) ? raw.replace(/\bN\b/, String(port)) : raw.replace(/\d+/, String(port));
  return { joined: example?.[1] === '=', value: /\d/.test(value) ? value : String(port) };
}

function envValue(setting: PortSetting, port: number): string {
  return /`:\d+`/.test(setting.description) ? `:${port}` : String(port);
}

function useSetting(ctx: FixContext, pod: PodModel, container: ContainerModel, setting: PortSetting, port: number): OffsetEdit[] | undefined {
  const text = ctx.analysis.text;
  const base = ctx.chunk.start;
  if (setting.env) {
    const entry = { name: setting.env, value: envValue(setting, port) };
    const env = asSeq(getNode(container.node, 'env', pod.doc), pod.doc);
    if (env && !writtenIn(env, container.node)) return undefined;
    return [env ? appendItem(text, base, env, entry) : addPair(text, base, container.node, 'env', [entry])];
  }
  if (setting.arg) {
    if (getPair(container.node, 'args', pod.doc)) return undefined; // existing args: the user knows their layout better
    const { joined, value } = settingValue(setting, setting.arg, port);
    return [addPair(text, base, container.node, 'args', joined ? [`${setting.arg}=${value}`] : [setting.arg, value])];
  }
  return undefined;
}

export const implicitPortConflictFixes: FixProvider = (ctx) => {
  const hit = containersAt(ctx, (c) => (isAt(ctx, c.imageNode) ? c : undefined))[0];
  if (!hit) return [];
  const { pod, container } = hit;
  if (!writtenIn(container.imageNode, container.node)) return [];
  const port = Number(fact(ctx, 'port'));
  const protocol = String(fact(ctx, 'protocol') ?? 'TCP');
  if (!Number.isInteger(port)) return [];
  const fixes: Fix[] = [];
  const name = containerLabel(container);
  const setting = container.image ? lookupImage(container.image, ctx.options.images)?.portSetting : undefined;
  const implied = impliedPorts(container, ctx.options.images);
  // Only a single implied port can be moved by one setting without guessing which one it moves.
  if (setting && implied.length === 1) {
    const free = nextFree(port, portsInUse(pod, container, ctx));
    const edits = free !== undefined ? useSetting(ctx, pod, container, setting, free) : undefined;
    if (edits && free !== undefined) {
      edits.push(declarePort(ctx, pod, container, free, protocol));
      fixes.push({ title: ctx.t(setting.env ? 'fix.implicit-port-conflict.env' : 'fix.implicit-port-conflict.arg', { port: free, setting: setting.env ?? setting.arg ?? '', container: name }), edits: mergeSamePoint(edits), preferred: true });
    }
  }
  fixes.push({
    title: ctx.t('fix.implicit-port-conflict.declare', { port, protocol, container: name }),
    edits: [declarePort(ctx, pod, container, port, protocol)],
  });
  return fixes;
};

/** Two insertions at one point (both new keys after the container's last line) become one edit, in order. */
function mergeSamePoint(edits: OffsetEdit[]): OffsetEdit[] {
  const out: OffsetEdit[] = [];
  for (const e of edits) {
    const prev = out[out.length - 1];
    if (prev && prev.start === e.start && prev.end === e.end && e.start === e.end) out[out.length - 1] = { ...prev, newText: prev.newText + e.newText };
    else out.push(e);
  }
  return out;
}
