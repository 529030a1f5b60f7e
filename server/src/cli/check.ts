/** `podsight check`: analyse files and folders, print findings, exit 1 on any error. */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderPath, type PendingRender } from '../kustomize/cli';
import { normaliseLocale, t, type Locale } from '../l10n';
import type { AnalysisOptions } from '../rules/types';
import { analyseAlone, findingsOf, readTextOrUndefined, type Analysed, type FileResult, type OverlayRole } from './check-unit';
import { growHeapSlowly } from './heap';
import { checkUnits, defaultJobs, startCheckWorkers } from './pool';
import { Progress } from './progress';
import { planUnits, splitReady, withoutDropped } from './units';
import { workspacePeers } from './workspace';
import { findConfig, loadConfig } from './config';
import { exitCodeFor } from './exit-policy';
import { formatFindings, useColor, type CliFinding, type OutputFormat } from './formats';
import { cliLocale, usage } from './usage';
import { parseArgs } from './check-args';

/**
 * A `.json` file that opens as a Kubernetes object (`kubectl get -o json`, an OpenShift template):
 * `apiVersion` and `kind` in its first few KB. Other JSON (package.json, dashboards) is left out.
 */
function isJsonManifest(path: string): boolean {
  let head: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(4096);
      head = buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  return /^\s*\{/.test(head) && head.includes('"apiVersion"') && head.includes('"kind"');
}

function expand(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      if (name.startsWith('.') || name === 'node_modules') return [];
      if (statSync(child).isDirectory()) return expand(child);
      return /\.ya?ml$/i.test(name) || (/\.json$/i.test(name) && isJsonManifest(child)) ? [child] : [];
    });
}

/** What checking the files of a run gives, in the order of the files. */
interface Checked {
  readonly findings: CliFinding[];
  readonly sources: Map<string, string>;
  unreadable: boolean;
}

/** Below this many bytes a run is over before a worker thread has loaded: one thread by default. */
const SMALL_RUN_BYTES = 2_000_000;

function bytesOf(files: readonly string[]): number {
  let sum = 0;
  for (const file of files) {
    try {
      sum += statSync(file).size;
    } catch {
      // reported when it is read
    }
    if (sum >= SMALL_RUN_BYTES) break;
  }
  return sum;
}

/** Only the text and SARIF formats quote the files. */
const keepsTexts = (format: OutputFormat): boolean => format === 'text' || format === 'sarif';

const warn = (line: string): void => void process.stderr.write(`podsight: ${line}\n`);

/**
 * One thread over a small run (under SMALL_RUN_BYTES): every file analysed alone, then the files
 * that look across files again, with the peers of the whole run. The reference the threaded run
 * must equal (the tests compare them on such runs).
 * The files no render can cover are analysed while kustomize runs (yielding between files, so
 * that the renders go on); the others once the renders have said which ones they cover.
 * Warnings are written in the order of the files, as if every render had come first.
 */
async function checkInOrder(files: readonly string[], gate: RenderGate, options: AnalysisOptions, locale: Locale, progress?: Progress): Promise<Checked> {
  const out: Checked = { findings: [], sources: new Map(), unreadable: false };
  const analysed: (Analysed | undefined)[] = new Array(files.length);
  const held: string[][] = files.map(() => []);
  let holding = true;
  const first = (index: number): void => {
    const file = files[index] as string;
    const say = (line: string): void => void (holding ? (held[index] as string[]).push(line) : warn(line));
    const text = readTextOrUndefined(file);
    if (text === undefined) {
      say(t(locale, 'cli.cannot-read', { file }));
      out.unreadable = true;
    } else analysed[index] = analyseAlone(file, text, options, (rule, e) => say(t(locale, 'cli.rule-failed', { rule, file, error: String(e) })), gate.overlayRole(index));
    progress?.advance(1);
  };
  for (let index = 0; index < files.length; index++) {
    if (gate.waiting(index)) continue;
    first(index);
    await new Promise((resolve) => setImmediate(resolve));
    await gate.analysed();
  }
  const dropped = await gate.dropped;
  for (let index = 0; index < files.length; index++) {
    if (!gate.waiting(index)) continue;
    if (dropped(index)) progress?.leaveOut(1);
    else first(index);
  }
  for (const lines of held) lines.forEach(warn);
  holding = false;
  const inputs = analysed.filter((a): a is Analysed => a !== undefined);
  // Services, routes and config references look across the files of the run: a second pass
  // with the workspace's peers re-runs only the file-level rules (each analyzer keeps its chunks).
  const peers = workspacePeers(inputs);
  for (const input of inputs) out.findings.push(...findingsOf(input, peers));
  for (const input of inputs) out.sources.set(input.file, input.text);
  return out;
}

/**
 * The files of a run that kustomize renders may leave out: `waiting(index)` until the renders
 * are done, then `dropped` says which ones a render covered.
 */
interface RenderGate {
  readonly waiting: (index: number) => boolean;
  /** What an overlay of the run reads the file as (a patch, a resource), if one does. */
  readonly overlayRole: (index: number) => OverlayRole | undefined;
  readonly dropped: Promise<(index: number) => boolean>;
  /**
   * Resolves when the rendered texts that have come are analysed. The main thread lets them go
   * before its next file or unit: the files a render covers wait for it, and the workers never do.
   */
  readonly analysed: () => Promise<unknown>;
}

/**
 * N threads: folders as units of work (units.ts), results put back in the order of the files.
 * Units that hold no file a render may cover start while kustomize runs.
 */
async function checkOnThreads(files: readonly string[], gate: RenderGate, options: AnalysisOptions, locale: Locale, format: OutputFormat, jobs: number, progress?: Progress): Promise<Checked> {
  const results: (FileResult | undefined)[] = new Array(files.length);
  const keepTexts = keepsTexts(format);
  const { ready, later } = splitReady(planUnits(files, gate.overlayRole), gate.waiting);
  const lateUnits = gate.dropped.then((dropped) => {
    progress?.leaveOut(files.filter((_, index) => dropped(index)).length);
    return later.flatMap((unit) => withoutDropped(unit, dropped) ?? []);
  });
  await checkUnits(
    ready,
    { options, locale, keepTexts },
    jobs,
    (done) => {
      for (const r of done) results[r.index] = r;
      progress?.advance(done.length);
    },
    { count: later.length, units: lateUnits },
    gate.analysed,
  );
  const out: Checked = { findings: [], sources: new Map(), unreadable: false };
  results.forEach((r, index) => {
    if (!r) return;
    for (const line of r.stderr) warn(line);
    if (r.unreadable) out.unreadable = true;
    out.findings.push(...r.findings);
    if (r.text !== undefined) out.sources.set(files[index] as string, r.text);
  });
  return out;
}

export async function runCheck(argv: string[]): Promise<number> {
  growHeapSlowly();
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`podsight check: ${args}\n\n${usage(cliLocale(argv))}`);
    return 2;
  }
  const locale = normaliseLocale(args.lang || process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  const configFile = args.noConfig ? undefined : args.config ?? findConfig(process.cwd());
  let config;
  try {
    config = configFile ? loadConfig(configFile, locale) : undefined;
  } catch {
    process.stderr.write(`podsight: ${t(locale, 'cli.cannot-read-config', { file: configFile ?? '' })}\n`);
    return 2;
  }
  for (const e of config?.errors ?? []) process.stderr.write(`podsight: ${e}\n`);
  const options: AnalysisOptions = {
    locale,
    rules: { ...config?.rules, ...args.rules },
    images: config?.images,
    ...(config?.podTemplates ? { podTemplates: config.podTemplates } : {}),
  };
  let unreadable = false;
  const listed = args.files.map((given) => {
    try {
      return expand(given);
    } catch {
      return undefined;
    }
  });
  const all = listed.flatMap((list) => list ?? []);
  const small = bytesOf(all) < SMALL_RUN_BYTES;
  const jobs = Math.min(args.jobs ?? (small ? 1 : defaultJobs()), all.length);
  // The workers load while the kustomizations are read and the work is planned.
  if (jobs > 1) startCheckWorkers(jobs - 1, { options, locale, keepTexts: keepsTexts(args.format) });
  const files: string[] = [];
  // Kustomize overlays in the folders: the pods that will be applied are checked, on their source
  // lines; the files their renders cover are not checked again one by one.
  const renders: { readonly render: PendingRender; readonly has: (index: number) => boolean }[] = [];
  const renderFlags = { noRender: args.noRender, command: args.kustomizeCommand };
  const concurrency = args.jobs ?? defaultJobs();
  // Each folder is rendered on its own; the files given one by one together, so that an overlay
  // that reads several of them renders once.
  const givenFiles: { given: string; index: number }[] = [];
  args.files.forEach((given, at) => {
    const from = files.length;
    const list = listed[at];
    if (list) files.push(...list);
    else {
      warn(t(locale, 'cli.cannot-read', { file: given }));
      unreadable = true;
      return;
    }
    if (!statSync(given).isDirectory()) return void givenFiles.push(...list.map((file, k) => ({ given: file, index: from + k })));
    const render = renderPath([given], renderFlags, options, locale, warn, concurrency);
    const to = files.length;
    if (render) renders.push({ render, has: (index) => index >= from && index < to });
  });
  if (givenFiles.length > 0) {
    const render = renderPath(givenFiles.map((f) => f.given), renderFlags, options, locale, warn, concurrency);
    const indexes = new Set(givenFiles.map((f) => f.index));
    if (render) renders.push({ render, has: (index) => indexes.has(index) });
  }
  const ownRender = (index: number): PendingRender | undefined => renders.find((r) => r.has(index))?.render;
  const gate: RenderGate = {
    waiting: (index) => ownRender(index)?.candidates.has(resolve(files[index] as string)) === true,
    overlayRole: (index) => {
      const render = ownRender(index);
      const path = resolve(files[index] as string);
      return render?.patches.has(path) ? 'patch' : render?.candidates.has(path) ? 'resource' : undefined;
    },
    dropped: Promise.all(renders.map((r) => r.render.covered)).then((covered) => (index) => {
      const at = renders.findIndex((r) => r.has(index));
      return at >= 0 && (covered[at] as ReadonlySet<string>).has(resolve(files[index] as string));
    }),
    analysed: () => Promise.all(renders.map((r) => r.render.analysed())),
  };
  // Progress on a terminal only, and not over machine-readable output going to a file or a pipe.
  const showProgress = process.stderr.isTTY === true && (args.format === 'text' || process.stdout.isTTY === true);
  const progress = showProgress ? Progress.start(files.length, locale) : undefined;
  let checked: Checked;
  // One thread over a big run (`--jobs 1`, a one-core machine) goes unit by unit too: checking
  // every file first and the workspace after held every file's syntax trees to the end (420 MiB
  // for the bench's 38 MB repository, and the collector's time that goes with it).
  if (jobs <= 1 && small) checked = await checkInOrder(files, gate, options, locale, progress);
  else checked = await checkOnThreads(files, gate, options, locale, args.format, jobs, progress);
  progress?.end();
  const findings: CliFinding[] = [];
  const renderedSources = new Map<string, string>();
  for (const { render } of renders) {
    const rendered = await render.done;
    findings.push(...rendered.findings);
    for (const [file, text] of rendered.sources) renderedSources.set(file, text);
  }
  findings.push(...checked.findings);
  unreadable ||= checked.unreadable;
  const sources = new Map([...renderedSources, ...checked.sources]);
  process.stdout.write(formatFindings(args.format, findings, { sources, color: useColor(process.stdout.isTTY === true), locale, cwd: process.cwd() }));
  if (unreadable) return 2;
  return exitCodeFor(findings, args.policy);
}
