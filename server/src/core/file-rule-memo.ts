/**
 * Keeps each file-level rule's findings per chunk between analyses of one document, so that an
 * edit re-runs a file rule on the chunks it changed, not on all of them: at thousands of
 * documents a full pass of the listener and neighbourhood rules costs hundreds of milliseconds.
 *
 * An edit replaces a run of chunks in the middle (the chunks before and after it are the same
 * cached analyses). A rule's kept findings hold while
 * - the replaced chunks say the same in the rule's `FileRule.context` as the new ones (so no
 *   chunk's view of the others changed), and the peers, namespace, source, kustomize bases and
 *   templated chunks are as they were;
 * - for each kept chunk, no chunk its findings point into (related spans) or were worked out
 *   from (`FileRuleContext.uses`) was replaced.
 * The new chunks and the chunks tied to replaced ones are re-checked (`FileRuleContext.targets`);
 * anything else re-runs the rule over the whole file, as does a rule without `context`.
 * Offsets are kept relative to chunks, so chunks that only moved keep their findings.
 */
import type { FileRule, FileRuleContext, Finding, PeerPods } from '../rules/types';
import type { ChunkAnalysis, PlacedChunk } from './analyze';
import { lastAtOrBefore } from './line-index';
import { contextOf, sameList, samePeers } from './file-rule-views';


interface KeptFinding {
  /** Start and end relative to its own chunk; `related` empty (kept below). */
  readonly finding: Finding;
  /** Related spans relative to the chunk they fall in, `delta` chunks after the finding's own. */
  readonly related: readonly { readonly delta: number; readonly start: number; readonly end: number; readonly message: string }[];
}

interface ChunkEntry {
  readonly findings: readonly KeptFinding[];
  /** Indexes of the chunks the findings were worked out from or point into (besides its own). */
  readonly deps: readonly number[];
}

const EMPTY: ChunkEntry = { findings: [], deps: [] };

/** The rules' view of one chunk. */
type Model = FileRuleContext['chunks'][number];

interface RuleMemo {
  readonly peers: readonly PeerPods[];
  readonly place: string;
  readonly templated: readonly string[];
  /** One entry per chunk of the last pass, by index. */
  readonly entries: readonly ChunkEntry[];
  /** The indexes of the entries with findings, and of those tied to other chunks. */
  readonly withFindings: readonly number[];
  readonly tied: readonly number[];
}

/** How the chunks of this pass relate to the last one's: a common head and tail, a replaced middle. */
interface Change {
  readonly head: number;
  /** Chunks of the last pass in the middle (replaced), and of this pass (new). */
  readonly removed: readonly ChunkAnalysis[];
  readonly added: number;
  readonly before: number;
}


/** Chunks checked in one go by a whole-file run (a few milliseconds of work each). */
const BATCH = 200;

function batchesOf<V extends { readonly start: number }>(models: Iterable<V>): Map<number, V>[] {
  const out: Map<number, V>[] = [];
  for (const model of models) {
    let last = out[out.length - 1];
    if (!last || last.size >= BATCH) out.push((last = new Map()));
    last.set(model.start, model);
  }
  return out;
}


/** The index of the chunk holding an absolute offset (the last one for offsets past the end). */
const indexAt = (chunks: readonly PlacedChunk[], offset: number): number => lastAtOrBefore(chunks, offset, (chunk) => chunk.start);

/** One file rule's pass, as the engine would run it without the memo. */
export interface RuleRun {
  readonly rule: FileRule;
  readonly ctx: Omit<FileRuleContext, 'report' | 'targets' | 'uses'>;
  /** The finding (absolute offsets) of a report on the chunk at `chunkStart`, or undefined when dropped. */
  readonly toFinding: (chunkStart: number, report: Parameters<FileRuleContext['report']>[1]) => Finding | undefined;
}

/** What one document keeps between file-level passes. */
export class FileRuleMemo {
  /** Replaced, never changed, by each pass that ends: a pass in flight keeps reading its own. */
  byRule: ReadonlyMap<string, RuleMemo> = new Map();
  last: readonly PlacedChunk[] = [];
  /** Bumped by `clear`: a pass begun before (under other options) is not kept. */
  generation = 0;

  clear(): void {
    this.byRule = new Map();
    this.last = [];
    this.generation++;
  }

  /**
   * Starts a file-level pass over these chunks (`models`: the rules' view of the non-templated
   * ones, in order; `modelAt`: the same by chunk index, undefined for templated ones). Passes of one document may interleave (a run in slices and a synchronous
   * one): each works from what was kept when it began, and the last to end is kept.
   */
  begin(chunks: readonly PlacedChunk[], models: readonly Model[], modelAt: readonly (Model | undefined)[]): FileRulePass {
    return new FileRulePass(this, chunks, models, modelAt);
  }
}

/** One file-level pass: each rule re-checks what changed since the pass that was kept. */
export class FileRulePass {
  private readonly byRule: ReadonlyMap<string, RuleMemo>;
  private readonly change: Change;
  private readonly done = new Map<string, RuleMemo>();
  private readonly generation: number;

  constructor(
    private readonly memo: FileRuleMemo,
    private readonly chunks: readonly PlacedChunk[],
    private readonly models: readonly Model[],
    private readonly modelAt: readonly (Model | undefined)[],
  ) {
    this.byRule = memo.byRule;
    this.generation = memo.generation;
    const last = memo.last;
    const same = (i: number, j: number): boolean => (chunks[i] as PlacedChunk).analysis === (last[j] as PlacedChunk).analysis;
    let head = 0;
    while (head < chunks.length && head < last.length && same(head, head)) head++;
    let tail = 0;
    while (tail < chunks.length - head && tail < last.length - head && same(chunks.length - 1 - tail, last.length - 1 - tail)) tail++;
    this.change = { head, removed: last.slice(head, last.length - tail).map((c) => c.analysis), added: chunks.length - head - tail, before: last.length };
  }

  /** Where the chunk at `index` starts. */
  private startOf(index: number): number {
    return (this.chunks[index] as PlacedChunk).start;
  }

  /** Ends the pass and keeps it: rules that did not run in it (off, or threw) start over next time. */
  end(): void {
    if (this.generation !== this.memo.generation) return;
    this.memo.byRule = this.done;
    this.memo.last = this.chunks;
  }

  /** Runs the rule on what changed and adds all of its findings (absolute offsets) to `out`; yields between batches. */
  *run(run: RuleRun, out: Finding[]): Generator<void, void, void> {
    const { rule, ctx } = run;
    const change = this.change;
    const place = [ctx.source ?? '', ctx.namespace ?? '', ...(ctx.bases ?? [])].join('\u0000');
    const templated = ctx.templated ?? [];
    const prev = this.byRule.get(rule.id);
    const valid =
      rule.context !== undefined &&
      prev !== undefined &&
      prev.entries.length === change.before &&
      prev.place === place &&
      samePeers(rule, prev.peers, ctx.peers, ctx.options) &&
      sameList(prev.templated, templated) &&
      this.sameContexts(rule, change, ctx.options);
    // Where each chunk of the last pass is now (-1: replaced).
    const shift = this.chunks.length - change.before;
    const moved = (i: number): number => (i < change.head ? i : i >= change.head + change.removed.length ? i + shift : -1);
    let entries: ChunkEntry[];
    let targets: Map<number, Model> | undefined;
    if (valid) {
      // The kept entries move with their chunks; the new chunks' entries come from this run.
      const tail = prev.entries.slice(change.head + change.removed.length);
      entries = prev.entries.slice(0, change.head).concat(new Array<ChunkEntry>(change.added).fill(EMPTY), tail);
      targets = new Map();
      const target = (index: number): void => {
        const model = this.modelAt[index];
        if (model) targets?.set(model.start, model);
      };
      for (const i of prev.tied) {
        const now = moved(i);
        if (now < 0) continue;
        const entry = prev.entries[i] as ChunkEntry;
        if (entry.deps.every((d) => moved(d) >= 0)) entries[now] = shift === 0 ? entry : relocated(entry, i, moved);
        else {
          entries[now] = EMPTY;
          target(now);
        }
      }
      for (let i = change.head; i < change.head + change.added; i++) target(i);
    } else {
      entries = new Array<ChunkEntry>(this.chunks.length).fill(EMPTY);
    }
    const fresh = new Map<number, { findings: Finding[]; deps: Set<number> }>();
    const slot = (start: number): { findings: Finding[]; deps: Set<number> } | undefined => {
      const index = indexAt(this.chunks, start);
      if (this.startOf(index) !== start) return undefined;
      let s = fresh.get(index);
      if (!s) fresh.set(index, (s = { findings: [], deps: new Set() }));
      return s;
    };
    const stray: Finding[] = [];
    const check = (batch: typeof targets): void =>
      rule.checkFile({
        ...ctx,
        targets: batch,
        uses: (start, from) => {
          const index = indexAt(this.chunks, from);
          if (this.chunks[index]?.start === from) slot(start)?.deps.add(index);
        },
        report: (start, report) => {
          if (batch && !batch.has(start)) return;
          const f = run.toFinding(start, report);
          if (!f) return;
          const s = slot(start);
          if (s) s.findings.push(f);
          else stray.push(f); // on no chunk's start (not expected): returned, not kept
        },
      });
    if (rule.prepareFile && (targets === undefined || targets.size > 0)) yield* rule.prepareFile({ ...ctx, targets });
    if (!rule.context) check(undefined);
    else {
      // A whole-file run goes in batches of chunks, with a pause between them for other requests.
      const batches = batchesOf(targets?.values() ?? this.models);
      for (let b = 0; b < batches.length; b++) {
        if (b > 0) yield;
        check(batches[b]);
      }
    }
    for (const [index, s] of fresh) entries[index] = this.keep(index, s.findings, s.deps);
    // Only the chunks with findings or ties are visited: an edit's cost does not grow with the file.
    const withFindings: number[] = [];
    const tied: number[] = [];
    const visit = (i: number): void => {
      const entry = entries[i] as ChunkEntry;
      if (entry.findings.length > 0) withFindings.push(i);
      if (entry.deps.length > 0) tied.push(i);
    };
    if (valid) {
      const seen = new Set<number>();
      for (const i of [...prev.withFindings, ...prev.tied]) {
        const now = moved(i);
        if (now >= 0 && !seen.has(now)) seen.add(now);
      }
      for (const index of fresh.keys()) seen.add(index);
      for (const i of [...seen].sort((a, b) => a - b)) visit(i);
    } else {
      for (let i = 0; i < entries.length; i++) visit(i);
    }
    out.push(...stray);
    for (const i of withFindings) for (const f of (entries[i] as ChunkEntry).findings) out.push(this.placed(f, i));
    if (rule.context && stray.length === 0) this.done.set(rule.id, { peers: ctx.peers, place, templated, entries, withFindings, tied });
  }

  /**
   * Whether the replaced chunks tell the rule the same as the new ones. The new ones are asked one
   * by one, until one differs: after a big file's first documents were analysed, the whole file's
   * pass replaces a chunk or two by hundreds, and asking all of them (then checking them all
   * anyway) cost ~30 ms at 1,000 documents.
   */
  private sameContexts(rule: FileRule, change: Change, options: FileRuleContext['options']): boolean {
    const before = change.removed.map((a) => contextOf(rule, a, options)).filter((c) => c !== '');
    let matched = 0;
    for (let i = change.head; i < change.head + change.added; i++) {
      const said = contextOf(rule, (this.chunks[i] as PlacedChunk).analysis, options);
      if (said === '') continue;
      if (said !== before[matched]) return false;
      matched++;
    }
    return matched === before.length;
  }

  /** A chunk's findings made relative to it, related spans to the chunks they fall in. */
  private keep(index: number, findings: readonly Finding[], uses: ReadonlySet<number>): ChunkEntry {
    const start = this.startOf(index);
    const deps = new Set(uses);
    const kept = findings.map((f) => ({
      finding: { ...f, start: f.start - start, end: f.end - start, related: [] },
      related: f.related.map((r) => {
        const chunk = indexAt(this.chunks, r.start);
        deps.add(chunk);
        const base = this.startOf(chunk);
        return { delta: chunk - index, start: r.start - base, end: r.end - base, message: r.message };
      }),
    }));
    deps.delete(index);
    return { findings: kept, deps: [...deps] };
  }

  /** A kept finding at its chunk's current place. */
  private placed(kept: KeptFinding, index: number): Finding {
    const f = kept.finding;
    const start = this.startOf(index);
    return {
      ...f,
      start: f.start + start,
      end: f.end + start,
      related: kept.related.map((r) => {
        const base = this.startOf(index + r.delta);
        return { start: base + r.start, end: base + r.end, message: r.message };
      }),
    };
  }
}

/** The entry of the chunk that was at `index`, its ties following the chunks they point at. */
function relocated(entry: ChunkEntry, index: number, moved: (i: number) => number): ChunkEntry {
  const now = moved(index);
  return {
    deps: entry.deps.map(moved),
    findings: entry.findings.map((f) => (f.related.every((r) => r.delta === 0) ? f : { ...f, related: f.related.map((r) => ({ ...r, delta: moved(index + r.delta) - now })) })),
  };
}


