/**
 * A container's environment as Kubernetes builds it: the `env` list in order (a later entry with
 * the same name wins), whether `envFrom` adds names nobody can see here, and the `$(VAR)`
 * references the kubelet expands in env values, `command` and `args`.
 */
import { isScalar, type Document, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { asMap, asSeq, getNode, getPair, getScalar, getSeqItems } from '../core/yaml-access';
import type { ContainerModel } from './pod-model';

/** One entry of a container's `env`. */
export interface EnvEntry {
  readonly node: YAMLMap;
  readonly index: number;
  readonly name?: string;
  readonly nameNode?: Scalar;
  /** The literal `value`, when it is a string. */
  readonly valueNode?: Scalar<string>;
  readonly valueFrom?: YAMLMap;
}

/** The environment of one container. */
export interface ContainerEnv {
  readonly seq?: YAMLSeq;
  readonly entries: readonly EnvEntry[];
  /** `envFrom` is set: names from a ConfigMap or Secret are defined too. */
  readonly hasEnvFrom: boolean;
  /** String items of `command` and `args`, where `$(VAR)` is expanded too. */
  readonly commandArgs: readonly { readonly field: 'command' | 'args'; readonly node: Scalar<string> }[];
}

const cache = new WeakMap<ContainerModel, ContainerEnv>();

export function envOf(container: ContainerModel, doc: Document): ContainerEnv {
  const hit = cache.get(container);
  if (hit) return hit;
  const map = container.node;
  const entries: EnvEntry[] = [];
  for (const { node, index } of getSeqItems(map, 'env', doc)) {
    const entry = asMap(node, doc);
    if (!entry) continue;
    const nameNode = getScalar(entry, 'name', doc);
    const valueNode = getScalar(entry, 'value', doc);
    entries.push({
      node: entry,
      index,
      name: typeof nameNode?.value === 'string' ? nameNode.value : undefined,
      nameNode: typeof nameNode?.value === 'string' ? nameNode : undefined,
      valueNode: typeof valueNode?.value === 'string' ? (valueNode as Scalar<string>) : undefined,
      valueFrom: asMap(getNode(entry, 'valueFrom', doc), doc),
    });
  }
  const commandArgs: ContainerEnv['commandArgs'][number][] = [];
  for (const field of ['command', 'args'] as const) {
    for (const item of asSeq(getNode(map, field, doc), doc)?.items ?? []) {
      if (isScalar(item) && typeof item.value === 'string') commandArgs.push({ field, node: item as Scalar<string> });
    }
  }
  const env: ContainerEnv = {
    seq: asSeq(getNode(map, 'env', doc), doc),
    entries,
    hasEnvFrom: getPair(map, 'envFrom', doc) !== undefined,
    commandArgs,
  };
  cache.set(container, env);
  return env;
}

/** A `$(NAME)` reference in a string, with its offset in the scalar's value. */
export interface VarReference {
  readonly name: string;
  readonly offset: number;
  readonly length: number;
}

/**
 * The `$(NAME)` references of a string, as the kubelet's expansion reads it: `$$` is an escaped
 * `$`, and a `$(` without a closing `)` is left alone.
 */
export function varReferences(text: string): VarReference[] {
  const out: VarReference[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] !== '$') continue;
    const next = text[i + 1];
    if (next === '$') {
      i++; // `$$` is an escape for a literal `$`
      continue;
    }
    if (next !== '(') continue;
    const close = text.indexOf(')', i + 2);
    if (close < 0) break;
    out.push({ name: text.slice(i + 2, close), offset: i, length: close + 1 - i });
    i = close;
  }
  return out;
}

/**
 * Variables the kubelet adds for every Service of the namespace (`enableServiceLinks`), which
 * `$(VAR)` may use although no env entry defines them: `REDIS_SERVICE_HOST`, `REDIS_PORT_6379_TCP`...
 */
export function isServiceLinkVariable(name: string): boolean {
  return /^[A-Z0-9_]+_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_\d+_(TCP|UDP|SCTP)(_PROTO|_PORT|_ADDR)?)?)$/.test(name);
}
