/**
 * Rendering an overlay with the real kustomize, in a child process with a timeout. The user's
 * files are never touched: the kustomization tree is copied into a temporary folder (with the
 * editor's unsaved texts), and only the copy of the overlay's kustomization gets
 * `buildMetadata: [originAnnotations]`, so each rendered resource names the file it came from.
 */
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isMap, isSeq, parseAllDocuments, parseDocument } from 'yaml';
import { kustomizationFileIn, readTree, type KustomizationInfo, type ReadText } from './kustomization';
import { makeTempDir, removeTempDir } from './temp-dirs';

/** What a render gave: the YAML stream, or kustomize's own error message. */
export type RenderResult =
  | {
      readonly ok: true;
      readonly yaml: string;
      readonly tree: readonly KustomizationInfo[];
      /** kustomize's refusal under its default load restrictor, when it built only without it (see `unrestricted`). */
      readonly restricted?: string;
    }
  | { readonly ok: false; readonly reason: 'failed' | 'timeout' | 'cancelled' | 'missing' | 'remote'; readonly message: string; readonly tree: readonly KustomizationInfo[] };

export interface RenderOptions {
  /** The command words (see `kustomizeCommand`); the folder is appended. */
  readonly command: readonly string[];
  readonly timeoutMs?: number;
  /** Unsaved texts by absolute path (the editor's open documents). */
  readonly overrides?: ReadonlyMap<string, string>;
  readonly signal?: AbortSignal;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
/** Sibling files copied from each kustomization folder, in case a field we do not know names them. */
const MAX_SIBLINGS = 200;
const MAX_SIBLING_BYTES = 2_000_000;

/**
 * kustomize's environment: the user's, and when they tuned neither, Go's collector only near
 * 256 MiB. A render is a short process that mostly starts up: collecting garbage during start-up
 * was about a quarter of its CPU (0.105 → 0.076 s a render, measured on `kubectl kustomize`).
 * The output is the same.
 */
export function kustomizeEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return env.GOGC !== undefined || env.GOMEMLIMIT !== undefined ? env : { ...env, GOGC: 'off', GOMEMLIMIT: '256MiB' };
}

function commonAncestor(paths: readonly string[]): string {
  let root = dirname(paths[0] ?? tmpdir());
  for (const p of paths) while (root !== dirname(root) && relative(root, p).startsWith('..')) root = dirname(root);
  return root;
}

/** The kustomization text with `originAnnotations` added to its `buildMetadata`. */
export function withOriginAnnotations(text: string): string {
  // A key written twice is kustomize's to read (the last wins); a text with errors is copied as it is.
  const doc = parseDocument(text, { uniqueKeys: false });
  if (!isMap(doc.contents) || doc.errors.length > 0) return text;
  const current = doc.get('buildMetadata');
  const values = isSeq(current) ? current.items.map((i) => String((i as { value?: unknown }).value ?? i)) : [];
  if (!values.includes('originAnnotations')) doc.set('buildMetadata', [...values, 'originAnnotations']);
  return doc.toString();
}

export interface Mirror {
  readonly temp: string;
  /** The user's folder that `temp` stands for. */
  readonly root: string;
  /** Each tree's top folder in the copy. */
  readonly overlays: readonly string[];
}

/**
 * Copies the trees into a new temporary folder; the caller removes `temp`. With `annotate` the
 * top kustomization of each tree gets origin annotations (a render of several trees sets them
 * once, above them all).
 */
export function mirror(trees: readonly (readonly KustomizationInfo[])[], read: ReadText, overrides: ReadonlyMap<string, string>, annotate = true): Mirror {
  const tops = new Set(annotate ? trees.map((tree) => (tree[0] as KustomizationInfo).file) : []);
  const files = new Set<string>();
  for (const k of trees.flat()) {
    files.add(k.file);
    k.files.forEach((f) => files.add(f));
    let siblings: string[] = [];
    try {
      siblings = readdirSync(k.dir).slice(0, MAX_SIBLINGS).map((n) => join(k.dir, n));
    } catch {
      // unreadable folder: kustomize will say so
    }
    for (const s of siblings) {
      try {
        const st = statSync(s);
        if (st.isFile() && st.size <= MAX_SIBLING_BYTES) files.add(s);
      } catch {
        // skip
      }
    }
  }
  const root = commonAncestor([...files, ...trees.flat().flatMap((k) => [k.dir, ...k.children])]);
  const temp = makeTempDir();
  for (const file of files) {
    const rel = relative(root, file);
    if (rel.startsWith('..')) continue;
    const dest = join(temp, rel);
    try {
      mkdirSync(dirname(dest), { recursive: true });
      if (tops.has(file)) writeFileSync(dest, withOriginAnnotations(read(file)));
      else if (overrides.has(file)) writeFileSync(dest, overrides.get(file) ?? '');
      else copyFileSync(file, dest);
    } catch {
      // A file that does not exist stays missing in the copy too: kustomize reports it.
    }
  }
  for (const k of trees.flat()) mkdirSync(join(temp, relative(root, k.dir)), { recursive: true });
  // A folder it names that holds no kustomization is there too, empty: kustomize then says that
  // (not "no such file or directory" about a path of the copy).
  for (const dir of trees.flat().flatMap((k) => k.children)) {
    const rel = relative(root, dir);
    if (!rel.startsWith('..')) mkdirSync(join(temp, rel), { recursive: true });
  }
  return { temp, root, overlays: trees.map((tree) => join(temp, relative(root, (tree[0] as KustomizationInfo).dir))) };
}

/** kustomize's message, with the temporary folder replaced by the user's. */
export function cleanMessage(text: string, m: Mirror): string {
  // kustomize's deprecation warnings (`# Warning: 'commonLabels' is deprecated...`) come first: not the error.
  const body = text.trim().split('\n').filter((l) => !/^# Warning:/.test(l.trim())).join('\n').trim() || text.trim();
  // kubectl logs through klog: `E1128 08:45:35.588492 19806 run.go:72] "command failed" err="..."`,
  // or for a message of several lines `err=<` then the lines indented by a tab, then `>`.
  const quoted = /^[EWIF]\d{4} [\d:.]+\s+\d+ [^\]]+\] "command failed" err="(.*)"\s*$/s.exec(body);
  const block = /^[EWIF]\d{4} [\d:.]+\s+\d+ [^\]]+\] "command failed" err=<\n([\s\S]*?)\n\s*>\s*$/.exec(body);
  const raw = quoted?.[1]?.replace(/\\"/g, '"') ?? block?.[1]?.split('\n').map((l) => l.replace(/^\t/, '')).join('\n') ?? body;
  const message = raw.trim().replace(/^Error:\s*/i, '');
  return message.split(m.temp + sep).join(m.root + sep).split(m.temp).join(m.root);
}

/**
 * Why a kustomization that is there could not be read: its YAML, as kustomize says it ("invalid
 * Kustomization: yaml: line 2: …"), rather than "no kustomization" (sweep EY).
 */
function unreadableKustomization(dir: string, read: ReadText): string | undefined {
  const file = kustomizationFileIn(resolve(dir));
  const text = file ? read(file) : undefined;
  if (text === undefined) return undefined;
  const error = parseAllDocuments(text, { uniqueKeys: false }).flatMap((d) => ('errors' in d ? d.errors : []))[0];
  if (!error) return undefined;
  // An error at the end of the text is on its last line, not on the one after it.
  const lines = text.split(/\r\n|\r|\n/).length - (/[\r\n]$/.test(text) ? 1 : 0);
  const line = error.linePos ? Math.min(error.linePos[0].line, lines) : undefined;
  return `invalid Kustomization: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}${line ? ` (line ${line})` : ''}`;
}

function prepare(dir: string, options: RenderOptions): { tree: KustomizationInfo[]; read: ReadText; refused?: RenderResult } {
  const overrides = options.overrides ?? new Map<string, string>();
  const read: ReadText = (file) => overrides.get(file) ?? readFileSync(file, 'utf8');
  const tree = readTree(resolve(dir), read);
  if (tree.length === 0) return { tree, read, refused: { ok: false, reason: 'failed', message: unreadableKustomization(dir, read) ?? `no kustomization in ${dir}`, tree } };
  // kustomize inflates Helm charts only with --enable-helm, which fetches them: like remote resources.
  const remote = tree.flatMap((k) => [...k.remote, ...(k.helmCharts ?? []).map((name) => `Helm chart ${name}`)]);
  if (remote.length > 0) return { tree, read, refused: { ok: false, reason: 'remote', message: remote.join(', '), tree } };
  return { tree, read };
}

/** Renders in a child process; resolves (never rejects) with the output or the error. */
export async function render(dir: string, options: RenderOptions): Promise<RenderResult> {
  const { tree, read, refused } = prepare(dir, options);
  if (refused) return refused;
  const m = mirror([tree], read, options.overrides ?? new Map());
  const [program, ...args] = options.command;
  const run = (extra: readonly string[]): Promise<RenderResult> =>
    new Promise<RenderResult>((done) => {
      execFile(program ?? 'kubectl', [...args, ...extra, m.overlays[0] ?? m.temp], { timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024, signal: options.signal, windowsHide: true, env: kustomizeEnv() }, (error, stdout, stderr) => {
        if (!error) return done({ ok: true, yaml: stdout, tree });
        const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string };
        if (e.name === 'AbortError') return done({ ok: false, reason: 'cancelled', message: '', tree });
        if (e.code === 'ENOENT') return done({ ok: false, reason: 'missing', message: program ?? '', tree });
        if (e.killed || e.signal === 'SIGTERM') return done({ ok: false, reason: 'timeout', message: '', tree });
        done({ ok: false, reason: 'failed', message: cleanMessage(String(stderr) || e.message, m), tree });
      });
    });
  try {
    const result = await run([]);
    return unrestricted(result, options) ? withoutRestrictor(result, await run(UNRESTRICTED)) : result;
  } finally {
    removeTempDir(m.temp);
  }
}

/** Runs kustomize on a folder of a temporary copy (several overlays at once: render-batch.ts). */
export function runKustomize(folder: string, options: RenderOptions): Promise<{ readonly yaml: string } | { readonly stderr: string }> {
  const [program, ...args] = options.command;
  return new Promise((done) => {
    execFile(program ?? 'kubectl', [...args, folder], { timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024, signal: options.signal, windowsHide: true, env: kustomizeEnv() }, (error, stdout, stderr) =>
      done(error ? { stderr: String(stderr) } : { yaml: stdout }),
    );
  });
}

/** The same, blocking (tests). */
export function renderSync(dir: string, options: RenderOptions): RenderResult {
  const { tree, read, refused } = prepare(dir, options);
  if (refused) return refused;
  const m = mirror([tree], read, options.overrides ?? new Map());
  const [program, ...args] = options.command;
  const run = (extra: readonly string[]): RenderResult => {
    const r = spawnSync(program ?? 'kubectl', [...args, ...extra, m.overlays[0] ?? m.temp], { timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8', windowsHide: true, env: kustomizeEnv() });
    const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT') return { ok: false, reason: 'missing', message: program ?? '', tree };
    if (code === 'ETIMEDOUT' || r.signal === 'SIGTERM') return { ok: false, reason: 'timeout', message: '', tree };
    if (r.status !== 0) return { ok: false, reason: 'failed', message: cleanMessage(r.stderr || String(r.error ?? ''), m), tree };
    return { ok: true, yaml: r.stdout, tree };
  };
  try {
    const result = run([]);
    return unrestricted(result, options) ? withoutRestrictor(result, run(UNRESTRICTED)) : result;
  } finally {
    removeTempDir(m.temp);
  }
}

/**
 * kustomize's default load restrictor refuses files outside a kustomization's folder
 * (`../../patches/x.yaml`); Flux's kustomize-controller builds every kustomization without it.
 * A build that failed only for that is tried again so (`--load-restrictor LoadRestrictionsNone`,
 * which `kubectl kustomize` and `kustomize build` both take), and the pods it gives are checked;
 * `restricted` keeps the refusal for a note.
 */
const UNRESTRICTED = ['--load-restrictor', 'LoadRestrictionsNone'];
const RESTRICTOR_REFUSAL = /\bis not in or below\b/;

function unrestricted(result: RenderResult, options: RenderOptions): result is Extract<RenderResult, { ok: false }> {
  return !result.ok && result.reason === 'failed' && RESTRICTOR_REFUSAL.test(result.message) && !options.command.some((w) => w.startsWith('--load-restrictor'));
}

/** The build without the restrictor; when that fails too, its own error (a missing file, say), which no setting lifts. */
function withoutRestrictor(refused: Extract<RenderResult, { ok: false }>, again: RenderResult): RenderResult {
  if (again.ok) return { ...again, restricted: refused.message };
  return again.reason === 'failed' && !RESTRICTOR_REFUSAL.test(again.message) ? again : refused;
}
