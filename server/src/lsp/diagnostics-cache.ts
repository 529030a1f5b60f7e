/**
 * The diagnostics of one open document, kept from publish to publish so that an edit costs in
 * proportion to what it changed, not to the size of the file. At 5,000 documents a publish holds
 * ~2,500 diagnostics (1.3 MB of JSON): converting every finding again took ~20 ms per keystroke,
 * and serialising the message ~50 ms.
 *
 * A chunk that did not change keeps its analysis object (the core caches it by text), and its
 * findings are the same, only placed elsewhere in the file. So the diagnostics are kept per chunk
 * analysis, as JSON text up to each diagnostic's version, and reused while the chunk's findings
 * are the same relative to its start and lie inside it; moved by whole lines, only the line
 * numbers are written again. A publish joins the kept texts with the version: no finding is
 * converted and no object serialised again. Findings reaching outside their chunk (related
 * information elsewhere in the file) are converted afresh.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { ChunkAnalysis, FileAnalysis, PlacedChunk } from '../core/analyze';
import type { Finding } from '../rules/types';
import { runInSlices, runToEnd } from '../core/slices';
import { toDiagnostic } from './diagnostics';
import { convert, lineSlotFor, messageOf, textAt, VERSION_SLOT, wireOf, type Converted, type Placed } from './diagnostics-wire';

/** The diagnostics of one version: JSON for the wire, objects on demand. */
export interface PreparedDiagnostics {
  readonly count: number;
  /** The diagnostics array as JSON, each with the version as its `data`. */
  json(): string;
  /** The same as objects (parsed from the JSON: rarely needed, see raw-publish.ts). */
  objects(): Diagnostic[];
  /**
   * The whole message as UTF-8: `head`, the diagnostics array (then `extra`, JSON texts of more
   * diagnostics), `tail`. Copied from bytes kept per chunk, so a publish neither joins nor
   * encodes 1.3 MB of text again.
   */
  message(head: string, extra: readonly string[], tail: string): Buffer;
}

/** The diagnostics of one chunk analysis as last published. */
interface ChunkEntry extends Placed {
  /** Chunk start (offset), first line and column when published. */
  readonly start: number;
  readonly base: number;
  readonly column: number;
  /** The findings (placed at `start`) and their conversions. */
  readonly findings: readonly Finding[];
  readonly converted: readonly Converted[];
}

/** Same tags (mostly both absent): the only part of a finding besides its place and texts that is published. */
function sameTags(a: Finding['tags'], b: Finding['tags']): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((tag, i) => tag === b[i]);
}

/** `f` is `old` moved by `by`, and lies within [from, to]. */
function sameInside(f: Finding, old: Finding, by: number, from: number, to: number): boolean {
  if (f.start !== old.start + by || f.end !== old.end + by || f.rule !== old.rule || f.message !== old.message || f.severity !== old.severity) return false;
  if (f.start < from || f.end > to || f.related.length !== old.related.length) return false;
  for (let i = 0; i < f.related.length; i++) {
    const r = f.related[i] as Finding['related'][number];
    const o = old.related[i] as Finding['related'][number];
    if (r.start !== o.start + by || r.end !== o.end + by || r.start < from || r.end > to || r.message !== o.message) return false;
  }
  return sameTags(f.tags, old.tags);
}

export class DiagnosticsCache {
  /** What the last publish held, by chunk analysis. */
  private chunks = new Map<ChunkAnalysis, ChunkEntry>();

  constructor(private readonly uri: string) {}

  /** The diagnostics of `findings` (by default the analysis's) for this version of the document. */
  prepare(analysis: FileAnalysis, version: number, findings: readonly Finding[] = analysis.findings): PreparedDiagnostics {
    return runToEnd(this.prepareSteps(analysis, version, findings));
  }

  /**
   * The same in slices (a first publish converts thousands of findings: ~100 ms at once).
   * Undefined when `isStale` turned true meanwhile; the cache then stays as it was.
   */
  prepareInSlices(analysis: FileAnalysis, version: number, findings: readonly Finding[], isStale: () => boolean): Promise<PreparedDiagnostics | undefined> {
    return runInSlices(this.prepareSteps(analysis, version, findings), { isStale });
  }

  /** Yields after each chunk whose diagnostics had to be written anew. */
  private *prepareSteps(analysis: FileAnalysis, version: number, findings: readonly Finding[]): Generator<void, PreparedDiagnostics, void> {
    const { chunks, lines } = analysis;
    const lineSlot = lineSlotFor(analysis.lines.lineCount);
    const next = new Map<ChunkAnalysis, ChunkEntry>();
    // In file order: chunk entries, and findings converted on their own (base line 0).
    const placed: Placed[] = [];
    let count = 0;
    let i = 0;
    let k = 0;
    while (i < findings.length) {
      const f = findings[i] as Finding;
      while (k + 1 < chunks.length && (chunks[k + 1] as PlacedChunk).start <= f.start) k++;
      const chunk = chunks[k];
      const to = chunks[k + 1]?.start ?? lines.textLength;
      let j = i;
      while (j < findings.length && chunk && (findings[j] as Finding).start < to && (findings[j] as Finding).start >= chunk.start) j++;
      if (!chunk || j === i) {
        // Findings are sorted by start; anything else (or a file without chunks) is converted as it comes.
        const c = convert(toDiagnostic(f, analysis, this.uri), 0);
        placed.push({ converted: [c], base: 0 });
        count++;
        i++;
        continue;
      }
      // The same chunk analysis twice in a file (identical documents): the second is converted anew.
      const last = next.has(chunk.analysis) ? undefined : this.chunks.get(chunk.analysis);
      const entry = this.entryFor(analysis, chunk, k, to, findings, i, j, last);
      if (!next.has(chunk.analysis)) next.set(chunk.analysis, entry);
      placed.push(entry);
      count += entry.converted.length;
      i = j;
      if (entry === last) continue;
      // Its bytes too, here in slices: made when the message is written, a first publish of a big
      // file encoded ~2,500 diagnostics in one block (~80 ms the server could not answer).
      if (!entry.wire && entry.converted.length > 0) entry.wire = wireOf(entry.converted, entry.base, lineSlot);
      yield;
    }
    this.chunks = next;
    const json = (): string => {
      if (count === 0) return '[]';
      const texts: string[] = [];
      for (const p of placed) for (const c of p.converted) texts.push(textAt(c, p.base));
      return `[${texts.join(`${version}},`)}${version}}]`;
    };
    const message = (head: string, extra: readonly string[], tail: string): Buffer => {
      // A version wider than its slot (LSP's are 32-bit integers, but a client may send any number): written as text.
      if (String(version).length > VERSION_SLOT) return Buffer.from(`${head}${extra.length === 0 ? json() : count === 0 ? `[${extra.join(',')}]` : `${json().slice(0, -1)},${extra.join(',')}]`}${tail}`);
      return messageOf(placed, version, head, extra, tail, lineSlot);
    };
    return { count, json, objects: () => JSON.parse(json()) as Diagnostic[], message };
  }

  /** The chunk's entry for findings[from, to): the last one as it was, moved, or converted anew. */
  private entryFor(analysis: FileAnalysis, chunk: PlacedChunk, index: number, end: number, findings: readonly Finding[], from: number, to: number, last: ChunkEntry | undefined): ChunkEntry {
    // The analysis's line index is made of its chunks, in order.
    const at = analysis.lines.segmentStart(index, chunk.start);
    // Positions at the end of a chunk ending in `\r` depend on what follows (CRLF or not).
    const endsInCr = analysis.lines.charCodeAt(end - 1) === 13;
    const reusable = !endsInCr && last !== undefined && last.column === at.character && last.findings.length === to - from ? last : undefined;
    if (reusable) {
      const by = chunk.start - reusable.start;
      let same = true;
      for (let n = from; n < to && same; n++) same = sameInside(findings[n] as Finding, reusable.findings[n - from] as Finding, by, chunk.start, end);
      // Unchanged: the very entry (its findings and start stay those it was made with: compared relatively).
      if (same && reusable.base === at.line) return reusable;
      // Moved by whole lines: the kept bytes get the new line numbers when published (see wireAt).
      if (same) return { start: reusable.start, column: reusable.column, findings: reusable.findings, converted: reusable.converted, base: at.line, wire: reusable.wire };
    }
    const group = findings.slice(from, to);
    const converted: Converted[] = [];
    group.forEach((f, n) => {
      const old = reusable?.converted[n];
      const c = old && reusable && sameInside(f, reusable.findings[n] as Finding, chunk.start - reusable.start, chunk.start, end) ? old : convert(toDiagnostic(f, analysis, this.uri), at.line);
      converted.push(c);
    });
    return { start: chunk.start, base: at.line, column: at.character, findings: group, converted };
  }
}
