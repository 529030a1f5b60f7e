/**
 * The command lines of a container that a runtime executes as written: its own `command`, and the
 * `exec.command` of its probes and lifecycle hooks. Found in one pass over the container's keys and
 * kept with the container (models are cached per chunk), since several rules read them.
 */
import { isMap, isScalar, type Document, type YAMLSeq } from 'yaml';
import { asMap, asSeq, getNode } from '../core/yaml-access';
import { PROBES } from './container-model';
import type { ContainerModel } from './pod-model';

export interface ExecCommand {
  readonly seq: YAMLSeq;
  /** `command`, `livenessProbe.exec.command`, `lifecycle.postStart.exec.command`. */
  readonly field: string;
  readonly kind: 'container' | 'probe' | 'hook';
}

const cache = new WeakMap<ContainerModel, readonly ExecCommand[]>();
const PROBE_KEYS: ReadonlySet<string> = new Set(PROBES);

export function execCommands(container: ContainerModel, doc: Document): readonly ExecCommand[] {
  const hit = cache.get(container);
  if (hit) return hit;
  const out: ExecCommand[] = [];
  const execOf = (owner: unknown, field: string, kind: ExecCommand['kind']): void => {
    const seq = asSeq(getNode(asMap(getNode(asMap(owner, doc), 'exec', doc), doc), 'command', doc), doc);
    if (seq) out.push({ seq, field, kind });
  };
  for (const pair of container.node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'command') {
      const seq = asSeq(pair.value, doc);
      if (seq) out.push({ seq, field: 'command', kind: 'container' });
    } else if (PROBE_KEYS.has(key)) execOf(pair.value, `${key}.exec.command`, 'probe');
    else if (key === 'lifecycle' && isMap(asMap(pair.value, doc))) {
      for (const hook of ['postStart', 'preStop']) execOf(getNode(asMap(pair.value, doc), hook, doc), `lifecycle.${hook}.exec.command`, 'hook');
    }
  }
  cache.set(container, out);
  return out;
}
