/**
 * Where a container talks to a sibling through the pod's loopback: `localhost:PORT` (or
 * `127.0.0.1:PORT`, `[::1]:PORT`) written in its env values, args or command. What the process
 * really dials is its own business; these are the addresses the manifest hands it.
 */
import { isScalar, type Document } from 'yaml';
import { asMap, getSeqItems, getString } from '../core/yaml-access';
import type { ContainerModel } from './pod-model';

/** One `localhost:PORT` the manifest gives a container. */
export interface LocalhostCall {
  readonly port: number;
  /** Where it is written: `env NAME`, `args` or `command`. */
  readonly source: string;
  /** Absolute offsets of the scalar that holds it (chunk-relative, like every node range). */
  readonly start: number;
  readonly end: number;
}

const LOOPBACK = /(?:^|[^\w.-])(?:localhost|127\.0\.0\.1|\[::1\]):(\d{1,5})(?!\d)/g;

function portsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(LOOPBACK)) {
    const port = Number(m[1]);
    if (port >= 1 && port <= 65535 && !out.includes(port)) out.push(port);
  }
  return out;
}

/** The loopback addresses a container is given, in YAML order, one per port and source. */
export function localhostCalls(c: ContainerModel, doc: Document): LocalhostCall[] {
  const out: LocalhostCall[] = [];
  const add = (node: unknown, source: string): void => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
    for (const port of portsIn(node.value)) {
      if (!out.some((o) => o.port === port)) out.push({ port, source, start: node.range[0], end: node.range[1] });
    }
  };
  for (const { node } of getSeqItems(c.node, 'env', doc)) {
    const entry = asMap(node, doc);
    const name = getString(entry, 'name', doc);
    add(entry?.get('value', true), `env ${name ?? ''}`.trim());
  }
  for (const key of ['command', 'args'] as const) for (const { node } of getSeqItems(c.node, key, doc)) add(node, key);
  return out;
}
