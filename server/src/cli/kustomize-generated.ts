/**
 * ConfigMaps a kustomization generates (`configMapGenerator`: `files:`, `literals:`, `envs:`),
 * made into a peer of the files beside it, so that the listener model reads an nginx.conf that
 * `kubectl apply -k` puts into a generated ConfigMap. Files are read relative to the
 * kustomization and only inside its folder (kustomize's default load restriction); never from
 * the network. A generator Podsight cannot read whole (a file outside the folder or missing, an
 * env line taking its value from the environment) is left out: the container stays unsure.
 * Only the listener model uses these objects (`PeerPods.generated`): they have no text of their
 * own to navigate to, and the neighbourhood index leaves them out.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, join, relative, isAbsolute } from 'node:path';
import { stringify } from 'yaml';
import { parseChunk } from '../core/parse';
import { KUSTOMIZATION_NAMES } from '../kustomize/kustomization';
import { kustomizationMapping } from '../kustomize/kustomization-parse';
import { objectsOf } from '../k8s/workloads';
import type { PeerPods } from '../rules/types';

const MAX_FILE = 1_000_000;

type Raw = Record<string, unknown>;
const isObj = (v: unknown): v is Raw => !!v && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A file of the kustomization's folder (kustomize refuses paths that leave it), or undefined. */
function readInside(dir: string, path: string): string | undefined {
  const full = isAbsolute(path) ? path : join(dir, path);
  const rel = relative(dir, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  try {
    if (statSync(full).size > MAX_FILE) return undefined;
    return readFileSync(full, 'utf8');
  } catch {
    return undefined;
  }
}

/** `KEY=VALUE` lines of an env file; undefined when a line takes its value from the environment. */
function envFile(text: string): [string, string][] | undefined {
  const out: [string, string][] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return undefined;
    out.push([line.slice(0, eq), line.slice(eq + 1)]);
  }
  return out;
}

/** The data of one generator, or undefined when part of it cannot be read. */
function generatorData(dir: string, gen: Raw): Record<string, string> | undefined {
  const data: Record<string, string> = {};
  for (const entry of strings(gen.files)) {
    const eq = entry.indexOf('=');
    const [key, path] = eq > 0 ? [entry.slice(0, eq), entry.slice(eq + 1)] : [basename(entry), entry];
    const text = readInside(dir, path);
    if (text === undefined) return undefined;
    data[key] = text;
  }
  for (const entry of strings(gen.literals)) {
    const eq = entry.indexOf('=');
    if (eq <= 0) return undefined;
    data[entry.slice(0, eq)] = entry.slice(eq + 1).replace(/^(["'])(.*)\1$/s, '$2');
  }
  for (const path of [...strings(gen.envs), ...(typeof gen.env === 'string' ? [gen.env] : [])]) {
    const text = readInside(dir, path);
    const pairs = text === undefined ? undefined : envFile(text);
    if (!pairs) return undefined;
    for (const [k, v] of pairs) data[k] = v;
  }
  return data;
}

const byDir = new Map<string, { stamp: string; peer?: PeerPods }>();

/** The stamp of the kustomization file (the generator's own files are re-read when it changes). */
function kustomizationAt(dir: string): { path: string; stamp: string } | undefined {
  for (const name of KUSTOMIZATION_NAMES) {
    try {
      const st = statSync(join(dir, name));
      return { path: join(dir, name), stamp: `${st.mtimeMs}:${st.size}` };
    } catch {
      continue;
    }
  }
  return undefined;
}

/** The ConfigMaps the kustomization in `dir` generates, as one peer (source: the kustomization's, with `#configMapGenerator`). */
export function generatedPeer(dir: string, sourceOf: (path: string) => string = (p) => p): PeerPods | undefined {
  const at = kustomizationAt(dir);
  if (!at) return undefined;
  const source = `${sourceOf(at.path)}#configMapGenerator`;
  const hit = byDir.get(source);
  if (hit?.stamp === at.stamp) return hit.peer;
  const peer = readGenerated(dir, at.path, source);
  byDir.set(source, { stamp: at.stamp, peer });
  return peer;
}

function readGenerated(dir: string, path: string, source: string): PeerPods | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const k = kustomizationMapping(path, text);
  if (!k || !Array.isArray(k.configMapGenerator)) return undefined;
  const namespace = typeof k.namespace === 'string' ? k.namespace : undefined;
  const objects: NonNullable<PeerPods['objects']>[number][] = [];
  for (const gen of k.configMapGenerator.slice(0, 100)) {
    if (!isObj(gen) || typeof gen.name !== 'string') continue;
    const data = generatorData(dir, gen);
    if (!data) continue;
    const ns = typeof gen.namespace === 'string' ? gen.namespace : namespace;
    // Parsed as any file is, so a value holding `$host` or `${PORT}` is marked as in a written ConfigMap.
    const text = stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: gen.name, ...(ns ? { namespace: ns } : {}) }, data });
    for (const doc of parseChunk(text).docs) for (const object of objectsOf(doc)) objects.push({ object, doc });
  }
  return objects.length > 0 ? { source, pods: [], objects, generated: true } : undefined;
}

/** Forgets the generators read. */
export function clearGenerated(): void {
  byDir.clear();
}
