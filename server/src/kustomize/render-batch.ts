/**
 * Rendering several overlays in one kustomize process. A small overlay's render is mostly
 * kustomize starting up (~0.08 s of CPU): over a repository of 200 overlays, starting kubectl
 * cost more than analysing every file. A temporary kustomization lists the overlays as its
 * resources, and the output is split back per overlay:
 *  - only overlays that share no file are rendered together, so the origin annotation of each
 *    rendered resource (the file it came from, or the kustomization whose generator made it)
 *    names exactly one overlay;
 *  - kustomize sorts its output by kind and id, a total order on distinct ids, so each overlay's
 *    resources come out in the order its own render gives them;
 *  - the origin paths are relative to the folder rendered: they are written again relative to the
 *    overlay, as its own render writes them (the mapping resolves them against the overlay);
 *  - overlays whose render would differ inside a batch are rendered alone: a kustomization that
 *    sets what only the top of a build applies (`sortOptions`, `buildMetadata`), `vars` (resolved
 *    once, over everything rendered), remote resources, helm, or kustomize settings for the whole
 *    build (`openapi`, `crds`, `configurations`).
 * When the batch fails (one broken overlay fails it, two overlays may give the same id) or its
 * output cannot be split, the caller renders the overlays again in smaller groups, down to one.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { kustomizationFileIn, readKustomizationMapping, type KustomizationInfo, type ReadText } from './kustomization';
import { mirror, runKustomize, type RenderOptions, type RenderResult } from './render';
import { makeTempDir, removeTempDir } from './temp-dirs';

/** Keys that make an overlay's render differ when it is not the top of the build. */
const TOP_ONLY = ['sortOptions', 'buildMetadata'];
const WHOLE_BUILD = ['vars', 'openapi', 'crds', 'configurations', 'helmCharts', 'helmGlobals', 'helmChartInflationGenerator'];
/**
 * Keys whose resources' names cannot be read from the files: a replacement may write a name from
 * another field, and transformer and generator plugins give names of their own. Grouping needs
 * every name an overlay gives (cli-batches.ts), so such an overlay renders alone.
 */
const NAMES_UNREAD = ['replacements', 'transformers', 'generators'];

/** The top-level keys of a kustomization (its parse is shared with the tree's reader: kustomization-parse.ts). */
function keysOf(file: string, read: ReadText): string[] | undefined {
  const k = readKustomizationMapping(file, read);
  return k ? Object.keys(k) : undefined;
}

/** A file or folder the tree names that is not there: kustomize will fail, and each failure costs the batch a render. */
function missingPart(tree: readonly KustomizationInfo[]): boolean {
  const isFile = (path: string): boolean => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  };
  return tree.some((k) => !k.files.every(isFile) || !k.children.every((dir) => kustomizationFileIn(dir) !== undefined));
}

/** True when the overlay renders the same inside a batch as alone (see the header) and will likely render. */
export function batchable(tree: readonly KustomizationInfo[], read: ReadText): boolean {
  if (tree.length === 0 || tree.some((k) => k.remote.length > 0) || missingPart(tree)) return false;
  return tree.every((k, i) => {
    const keys = keysOf(k.file, read);
    return keys !== undefined && !keys.some((key) => WHOLE_BUILD.includes(key) || NAMES_UNREAD.includes(key) || (i === 0 && TOP_ONLY.includes(key)));
  });
}

/** An origin path kustomize writes as a plain scalar, which we can write again the same way. */
const PLAIN_PATH = /^[A-Za-z0-9_.][A-Za-z0-9_./-]*$/;
/** The origin annotation of a rendered resource, as kustomize writes it (block scalar, path first). */
const ORIGIN = /^( +)config\.kubernetes\.io\/origin: \|\n\1 +(path|configuredIn): ([^\n]*)\n/gm;

/** kustomize's output split into its documents (each ends with a line break; `---` lines between). */
function documentsOf(yaml: string): string[] {
  if (yaml === '') return [];
  return yaml.split(/(?<=\n)---\n/);
}

interface Split {
  readonly owner: number;
  readonly text: string;
}

/**
 * One rendered document: which overlay it belongs to, and its text with the origin path written
 * relative to that overlay. Undefined when it cannot be told (then the batch is not used).
 */
function placeDocument(doc: string, batchDir: string, ownerOf: (file: string) => number | undefined, overlayDirs: readonly string[]): Split | undefined {
  const matches = [...doc.matchAll(ORIGIN)];
  if (matches.length !== 1) return undefined;
  const m = matches[0] as RegExpMatchArray;
  const path = m[3] ?? '';
  if (!PLAIN_PATH.test(path)) return undefined;
  const file = resolve(batchDir, path);
  const owner = ownerOf(file);
  if (owner === undefined) return undefined;
  const own = relative(overlayDirs[owner] as string, file).split(sep).join('/');
  if (!PLAIN_PATH.test(own)) return undefined;
  const at = (m.index ?? 0) + m[0].length - path.length - 1;
  return { owner, text: doc.slice(0, at) + own + doc.slice(at + path.length) };
}

/** A render of several overlays that gave nothing to use; `culprit`: the overlay kustomize's error names. */
export interface BatchFailure {
  readonly culprit?: number;
}

/**
 * The overlay a failed batch's error is about: kustomize names the resource entry it was
 * accumulating (`accumulating resources from '../x/overlay': ...`), the first one that failed or
 * that gave an id already given by an earlier one.
 */
function culpritOf(message: string, entries: readonly string[]): number | undefined {
  const named = /accumulating resources from '([^']*)'/.exec(message)?.[1];
  const at = named === undefined ? -1 : entries.indexOf(named);
  return at >= 0 ? at : undefined;
}

/**
 * Keys whose files the kustomization reader knows all of (kustomization.ts). When every
 * kustomization of every overlay sticks to them and no unsaved text is to be rendered, kustomize
 * reads the user's own files, as the temporary copy would give them: the batch's kustomization
 * lists the overlays where they are, and nothing is copied (copying and removing the copies
 * was about a third of the CPU of the renders of a repository).
 */
const KNOWN_FILES = new Set(['apiVersion', 'kind', 'metadata', 'resources', 'bases', 'components', 'patches', 'patchesStrategicMerge', 'patchesJson6902', 'configMapGenerator', 'secretGenerator', 'generatorOptions', 'namePrefix', 'nameSuffix', 'namespace', 'commonLabels', 'labels', 'commonAnnotations', 'images', 'replicas', 'replacements', 'buildMetadata', 'sortOptions']);

function readsOnlyKnownFiles(trees: readonly (readonly KustomizationInfo[])[], read: ReadText): boolean {
  return trees.every((tree) => tree.every((k) => keysOf(k.file, read)?.every((key) => KNOWN_FILES.has(key)) === true));
}

/** Where the overlays are rendered from: the user's folders, or a temporary copy of their trees. */
interface Place {
  /** Removed when the render is done. */
  readonly temp: string;
  readonly batchDir: string;
  /** Each overlay's folder as kustomize sees it. */
  readonly overlays: readonly string[];
  /** A file of the user's as kustomize sees it. */
  readonly seen: (file: string) => string;
}

function placeOf(trees: readonly (readonly KustomizationInfo[])[], read: ReadText, options: RenderOptions): Place {
  if ((options.overrides?.size ?? 0) === 0 && readsOnlyKnownFiles(trees, read)) {
    const temp = makeTempDir();
    const overlays = trees.map((tree) => (tree[0] as KustomizationInfo).dir);
    // kustomize takes no absolute path to a folder (nor a path across drives): those are copied.
    if (overlays.every((dir) => !isAbsolute(relative(temp, dir)))) return { temp, batchDir: temp, overlays, seen: (file) => file };
    removeTempDir(temp);
  }
  const m = mirror(trees, read, options.overrides ?? new Map(), false);
  return { temp: m.temp, batchDir: join(m.temp, `.podsight-batch-${process.pid}`), overlays: m.overlays, seen: (file) => join(m.temp, relative(m.root, file)) };
}

/**
 * Renders overlays (their kustomization trees, outermost first; each `batchable`, no two sharing
 * a file) in one kustomize process; for each, what its own render would give. A failure when the
 * batch failed or could not be split.
 */
export async function renderTogether(trees: readonly (readonly KustomizationInfo[])[], options: RenderOptions): Promise<RenderResult[] | BatchFailure> {
  if (trees.length === 0) return [];
  if (trees.some((tree) => tree.length === 0 || tree.some((k) => k.remote.length > 0))) return {};
  const read: ReadText = (file) => options.overrides?.get(file) ?? readFileSync(file, 'utf8');
  const place = placeOf(trees, read, options);
  try {
    // Which overlay read each file: its resources, patches and kustomizations.
    const owners = new Map<string, number>();
    trees.forEach((tree, index) => {
      for (const k of tree) for (const file of [k.file, ...k.files]) owners.set(place.seen(file), index);
    });
    mkdirSync(place.batchDir, { recursive: true });
    const entries = place.overlays.map((dir) => relative(place.batchDir, dir).split(sep).join('/'));
    writeFileSync(join(place.batchDir, 'kustomization.yaml'), `resources:\n${entries.map((e) => `- ${JSON.stringify(e)}\n`).join('')}buildMetadata: [originAnnotations]\n`);
    const run = await runKustomize(place.batchDir, options);
    if (!('yaml' in run)) return { culprit: culpritOf(run.stderr, entries) };
    const docs: string[][] = trees.map(() => []);
    for (const doc of documentsOf(run.yaml)) {
      const split = placeDocument(doc, place.batchDir, (file) => owners.get(file), place.overlays);
      if (!split) return {};
      docs[split.owner]?.push(split.text);
    }
    return trees.map((tree, index) => ({ ok: true, yaml: (docs[index] ?? []).join('---\n'), tree }));
  } finally {
    removeTempDir(place.temp);
  }
}
