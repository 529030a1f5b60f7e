/**
 * Reading a container's `args` and `env` the way its process will see them: flags in
 * `--flag=value`, `--flag value` and `-p value` forms, `$(VAR)` references expanded from the
 * container's environment (as the kubelet does), and listen addresses in `port`, `:port`,
 * `host:port` and `[addr]:port` forms.
 */
import { isScalar, type Document, type Scalar } from 'yaml';
import { isUnknownValue, writtenText } from '../core/unknown-values';
import { asMap, getMap, getScalar, getSeqItems, getString } from '../core/yaml-access';
import { TEMPLATE_WORD } from './config-text';
import type { ListenModel } from './images';
import { reason, type UnsureReason } from './listen-reasons';
import { configMapFor, type ConfigMapIndex } from './config-maps';
import type { ContainerModel, PodModel } from './pod-model';
import { hasUnknownName, namesOpen } from './unknown-names';

/** One environment variable of the container. */
export interface EnvValue {
  /** The value, when Podsight can tell it (a literal `value`, or a key of a ConfigMap in the file). */
  readonly value?: string;
  /** The YAML scalar holding the literal value (to edit it). */
  readonly node?: Scalar;
  /** `valueFrom.fieldRef` to `status.podIP`: the pod's own address. */
  readonly podIP?: boolean;
  /** Set by a line of the image's configuration file rather than by `env`, for messages (listen-switches.ts). */
  readonly origin?: string;
}

/** The container's environment as far as Podsight can read it. */
export interface ContainerEnv {
  readonly vars: ReadonlyMap<string, EnvValue>;
  /** `envFrom` sources Podsight cannot read (Secrets, ConfigMaps outside the file): any variable may be set. */
  readonly opaque: boolean;
}

/** Marks the pod IP in an expanded text. */
export const POD_IP = '<pod IP>';

export function containerEnv(pod: PodModel, container: ContainerModel, configMaps: ConfigMapIndex): ContainerEnv {
  const doc = pod.doc;
  const vars = new Map<string, EnvValue>();
  let opaque = false;
  // envFrom first: `env` entries override them, as in the kubelet.
  for (const { node } of getSeqItems(container.node, 'envFrom', doc)) {
    const source = asMap(node, doc);
    const ref = getMap(source, 'configMapRef', doc);
    const cm = ref ? configMapFor(configMaps, getString(ref, 'name', doc) ?? '', pod) : undefined;
    if (!cm) {
      opaque = true;
      continue;
    }
    const prefix = getString(source, 'prefix', doc) ?? '';
    // A value with a placeholder is filled in by some tool before apply: unknown here.
    for (const [key, { value, placeholders, template }] of cm.files) vars.set(prefix + key, placeholders || template ? {} : { value });
  }
  for (const { node } of getSeqItems(container.node, 'env', doc)) {
    const entry = asMap(node, doc);
    const name = getString(entry, 'name', doc);
    if (!name) continue;
    const literal = getScalar(entry, 'value', doc);
    // `value: ${PORT}`: filled in by some tool before apply (even `${PORT:-8080}`): unknown, not empty.
    if (literal && isUnknownValue(literal)) {
      vars.set(name, {});
      continue;
    }
    if (literal && literal.value !== null) {
      vars.set(name, { value: String(literal.value), node: literal });
      continue;
    }
    const from = getMap(entry, 'valueFrom', doc);
    const field = getString(getMap(from, 'fieldRef', doc), 'fieldPath', doc);
    const keyRef = getMap(from, 'configMapKeyRef', doc);
    const fromMap = keyRef ? configMapFor(configMaps, getString(keyRef, 'name', doc) ?? '', pod)?.data.get(getString(keyRef, 'key', doc) ?? '') : undefined;
    if (field === 'status.podIP') vars.set(name, { podIP: true });
    else if (fromMap) vars.set(name, { value: fromMap.value });
    else if (from) vars.set(name, {}); // a Secret, a resource field...: unknown here
    else vars.set(name, { value: '' });
  }
  return { vars, opaque };
}

/** `$(VAR)` expanded from the environment; `unresolved` when a reference had no known value. */
export function expand(text: string, env: ContainerEnv): { text: string; unresolved: boolean } {
  let unresolved = false;
  const out = text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (whole, name: string | undefined) => {
    if (name === undefined) return '$';
    const v = env.vars.get(name);
    if (v?.podIP) return POD_IP;
    if (v?.value !== undefined) return v.value;
    // An undefined variable stays literal in Kubernetes; one set from elsewhere is unknown here.
    if (v || env.opaque) unresolved = true;
    return whole;
  });
  return { text: out, unresolved: unresolved || /\$\(/.test(out) };
}

/** A listen address: `''` stands for every address of the pod (0.0.0.0, ::, *). */
export interface ListenAddress {
  readonly address: string;
  readonly port?: number;
}

/** Normalises a host so that equal binds compare equal: '' for every address, 127.0.0.1 for localhost. */
export function normaliseHost(host: string): string {
  const h = host.trim().replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (h === '' || h === '0.0.0.0' || h === '::' || h === '*' || h === '0:0:0:0:0:0:0:0') return '';
  if (h === 'localhost') return '127.0.0.1';
  return h;
}

/** `8080`, `:8080`, `host:8080`, `[::1]:8080`, `http://host:8080/path`; a bare host has no port. */
export function parseAddress(text: string): ListenAddress | undefined {
  const t = text.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, '');
  if (/^\d+$/.test(t)) return { address: '', port: Number(t) };
  const m = /^(\[[^\]]*\]|[^:[\]]*):(\d+)$/.exec(t);
  if (m) return { address: normaliseHost(m[1] ?? ''), port: Number(m[2]) };
  if (t !== '' && !t.includes(':') && !/\s/.test(t)) return { address: normaliseHost(t) };
  if (/^\[[^\]]*\]$|^[0-9a-f:]+$/i.test(t)) return { address: normaliseHost(t) };
  return undefined;
}

/** Two binds on one port and protocol collide unless both name different specific addresses. */
export function addressesClash(a: string, b: string): boolean {
  return a === '' || b === '' || a === b;
}

/** A loopback bind address: reachable from the pod's own containers only, never on the pod IP. */
export function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address === 'localhost';
}

/** How an address reads in messages. */
export function showAddress(address: string, port: number): string {
  if (address === '') return String(port);
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** One item of `args` (or `command`), with its node for edits. */
export interface ArgItem {
  readonly text: string;
  /** The scalar holding it; for a word of a variable (see `from`), the variable's literal value. */
  readonly node?: Scalar;
  readonly index: number;
  /** A word of a variable the start script passes as arguments: `NAME=value`, for messages. */
  readonly from?: string;
}

/**
 * The words of variables the image's start script passes to the server as arguments
 * (`JENKINS_OPTS`, `REDIS_ARGS`), split at white space as the script does; none when the
 * container's `args` replace a CMD script that reads them. A variable Podsight cannot read (a
 * Secret, an unreadable `envFrom`) may hold any flag: the reason why.
 */
export function envArgItems(argsEnv: ListenModel['argsEnv'], ownArgs: number, env: ContainerEnv): ArgItem[] | UnsureReason {
  const items: ArgItem[] = [];
  if (!argsEnv || (argsEnv.cmdOnly && ownArgs > 0)) return items;
  for (const name of argsEnv.names) {
    const v = env.vars.get(name);
    if (!v && env.opaque) return reason('env-from', { names: name });
    if (!v) continue;
    if (v.value === undefined) return reason('env-unreadable', { name });
    for (const word of v.value.split(/\s+/).filter(Boolean)) items.push({ text: word, ...(v.node ? { node: v.node } : {}), index: -1, from: `${name}=${v.value}` });
  }
  return items;
}

/**
 * The scalar items of a container list field (`args`, `command`). An item holding a placeholder
 * (`--port=${PORT}`, `{{ .Values.port }}`) keeps its text as written (a masked template becomes
 * `${template}`), so that a setting it holds reads as unknown rather than as absent.
 */
export function argItems(container: ContainerModel, field: 'args' | 'command', doc: Document): ArgItem[] {
  return getSeqItems(container.node, field, doc).flatMap(({ node, index }) => {
    if (!isScalar(node)) return [];
    if (isUnknownValue(node)) return [{ text: writtenText(node) ?? TEMPLATE_WORD, node, index }];
    return typeof node.value === 'string' || typeof node.value === 'number' ? [{ text: String(node.value), node, index }] : [];
  });
}

/**
 * Inputs of the process that a template or placeholder fills in before apply: a whole `args`,
 * `env`, `envFrom` or `volumeMounts` field, entries a template inserts into one (an action on a
 * line of its own, a `with`/`if`/`range` block), an entry whose name is a placeholder
 * (`- name: ${VAR}`), or an arg that is one placeholder (`${EXTRA_ARGS}`, `{{ .Values.extraArgs }}`).
 * Any setting may hide in them, so the listeners are not known.
 */
export function templatedInputs(container: ContainerModel, args: readonly ArgItem[], doc: Document): UnsureReason | undefined {
  for (const field of ['args', 'env', 'envFrom', 'volumeMounts']) {
    if (namesOpen(container.node, field, doc)) return reason('field-template', { field });
    if (field !== 'args' && getSeqItems(container.node, field, doc).some(({ node }) => node && hasUnknownName(node, doc))) return reason('field-template', { field });
  }
  const whole = args.find((a) => /^(?:\$\{[^}]*\}|\$[A-Za-z_]\w*)$/.test(a.text.trim()) || a.text === TEMPLATE_WORD);
  return whole ? reason('arg-placeholder', { arg: whole.text }) : undefined;
}

/** The `env` sequence entry named `name`, for edits. */
export function envEntry(container: ContainerModel, name: string, doc: Document): { value?: Scalar } | undefined {
  for (const { node } of getSeqItems(container.node, 'env', doc)) {
    const entry = asMap(node, doc);
    if (getString(entry, 'name', doc) === name) return { value: getScalar(entry, 'value', doc) };
  }
  return undefined;
}
