/**
 * Reading a kustomization tree without running kustomize: which files and folders a
 * kustomization uses (to copy it into a temporary folder), and its patches (to map rendered
 * fields back to the patch that wrote them). Remote resources (URLs) are recorded, never fetched.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { kustomizationMapping } from './kustomization-parse';

/** The file names kustomize accepts for a kustomization, in its order of preference. */
export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** How a patch is given: a strategic merge document, or JSON 6902 operations. */
export interface PatchRef {
  /** The kustomization that lists the patch. */
  readonly kustomization: string;
  /** The patch file, or undefined for an inline patch (written in the kustomization itself). */
  readonly file?: string;
  /** For an inline patch: the patch text as written in the kustomization. */
  readonly inline?: string;
  /** `target:` selector, when given (kind, name and namespace are used for matching). */
  readonly target?: { readonly kind?: string; readonly name?: string; readonly namespace?: string };
}

/** One kustomization, read from disk (or from `overrides`, the editor's unsaved texts). */
export interface KustomizationInfo {
  readonly dir: string;
  readonly file: string;
  /** Files it names (resources, patches, generator inputs...), absolute. */
  readonly files: readonly string[];
  /** Folders it names that are kustomizations themselves (resources, components, bases). */
  readonly children: readonly string[];
  readonly patches: readonly PatchRef[];
  /** Resources given as URLs: rendering them would need the network. */
  readonly remote: readonly string[];
  /** Helm charts it inflates (`helmCharts`, `helmChartInflationGenerator`), by name: they need helm and the network too. */
  readonly helmCharts?: readonly string[];
  /** `kind: Component`: built only through a kustomization that lists it under `components`. */
  readonly component?: true;
}

/** The text of a file: the editor's unsaved version when there is one. */
export type ReadText = (file: string) => string;

export const readFromDisk: ReadText = (file) => readFileSync(file, 'utf8');

export function kustomizationFileIn(dir: string): string | undefined {
  for (const name of KUSTOMIZATION_NAMES) {
    const file = join(dir, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** A resource given as a URL (kustomize would fetch it). */
export const isRemote = (ref: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || /^(?:github\.com|gitlab\.com|bitbucket\.org)\//.test(ref) || ref.startsWith('git@');

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

const objects = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)) : [];

/** `files:` entries of generators may be `key=path`; `envs:` are paths. */
function generatorFiles(entries: Record<string, unknown>[]): string[] {
  return entries.flatMap((g) => [...strings(g.files).map((f) => f.slice(f.indexOf('=') + 1)), ...strings(g.envs), ...(typeof g.env === 'string' ? [g.env] : [])]);
}

function targetOf(value: unknown): PatchRef['target'] {
  if (!value || typeof value !== 'object') return undefined;
  const t = value as Record<string, unknown>;
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  return { kind: text(t.kind), name: text(t.name), namespace: text(t.namespace) };
}

/**
 * A kustomization file's top-level mapping; undefined when it cannot be read or is not a mapping.
 * Parsed once per text: overlays share their bases, and the CLI reads every tree more than once.
 */
export function readKustomizationMapping(file: string, read: ReadText): Readonly<Record<string, unknown>> | undefined {
  let text: string;
  try {
    text = read(file);
  } catch {
    return undefined;
  }
  return kustomizationMapping(file, text);
}

/** Reads one kustomization file; undefined when it cannot be read or is not a mapping. */
export function readKustomization(file: string, read: ReadText = readFromDisk): KustomizationInfo | undefined {
  const k = readKustomizationMapping(file, read);
  if (!k) return undefined;
  const dir = dirname(file);
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(dir, p));
  const files: string[] = [];
  const children: string[] = [];
  const remote: string[] = [];
  for (const ref of [...strings(k.resources), ...strings(k.bases), ...strings(k.components)]) {
    if (isRemote(ref)) {
      remote.push(ref);
      continue;
    }
    const path = abs(ref);
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // A missing resource: kustomize reports it; copying it is not possible.
    }
    (isDir ? children : files).push(path);
  }
  const patches: PatchRef[] = [];
  for (const p of objects(k.patches)) {
    const target = targetOf(p.target);
    if (typeof p.path === 'string') patches.push({ kustomization: file, file: abs(p.path), target });
    else if (typeof p.patch === 'string') patches.push({ kustomization: file, inline: p.patch, target });
  }
  for (const p of k.patchesStrategicMerge ? (Array.isArray(k.patchesStrategicMerge) ? k.patchesStrategicMerge : []) : []) {
    if (typeof p !== 'string') continue;
    // An entry is a file path, or (rarely) an inline patch document.
    if (p.includes('\n') || p.includes(':')) patches.push({ kustomization: file, inline: p });
    else patches.push({ kustomization: file, file: abs(p) });
  }
  for (const p of objects(k.patchesJson6902)) {
    const target = targetOf(p.target);
    if (typeof p.path === 'string') patches.push({ kustomization: file, file: abs(p.path), target });
    else if (typeof p.patch === 'string') patches.push({ kustomization: file, inline: p.patch, target });
  }
  for (const p of patches) if (p.file) files.push(p.file);
  files.push(...generatorFiles([...objects(k.configMapGenerator), ...objects(k.secretGenerator)]).map(abs));
  for (const key of ['crds', 'configurations', 'transformers', 'generators', 'validators']) {
    for (const ref of strings(k[key])) {
      if (ref.includes('\n') || isRemote(ref)) continue;
      const path = abs(ref);
      if (existsSync(path) && statSync(path).isDirectory()) children.push(path);
      else files.push(path);
    }
  }
  for (const r of objects(k.replacements)) if (typeof r.path === 'string') files.push(abs(r.path));
  const openapi = k.openapi as Record<string, unknown> | undefined;
  if (openapi && typeof openapi.path === 'string') files.push(abs(openapi.path));
  const helmCharts = [...objects(k.helmCharts).map((c) => c.name), ...objects(k.helmChartInflationGenerator).map((c) => c.chartName)].map((n) => (typeof n === 'string' && n !== '' ? n : 'helmCharts'));
  return { dir, file, files, children, patches, remote, ...(helmCharts.length > 0 ? { helmCharts } : {}), ...(k.kind === 'Component' ? { component: true as const } : {}) };
}

/** A kustomization and every kustomization it uses, outermost first (bounded against cycles). */
export function readTree(dir: string, read: ReadText = readFromDisk): KustomizationInfo[] {
  const out: KustomizationInfo[] = [];
  const seen = new Set<string>();
  const visit = (d: string): void => {
    if (seen.has(d) || seen.size > 200) return;
    seen.add(d);
    const file = kustomizationFileIn(d);
    const info = file ? readKustomization(file, read) : undefined;
    if (!info) return;
    out.push(info);
    for (const child of info.children) visit(child);
  };
  visit(resolve(dir));
  return out;
}
