/**
 * The diagnostics of one open document, kept from publish to publish so that an edit costs in
 * proportion to what it changed, not to the size of the file. At 5,000 documents a publish holds
 * ~2,500 diagnostics (1.6 MB of JSON): converting every finding again took ~20 ms per keystroke,
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
import type { Diagnostic, Range } from 'vscode-languageserver';
import type { ChunkAnalysis, FileAnalysis, PlacedChunk } from '../core/analyze';
import type { Finding } from '../rules/types';
import { runInSlices, runToEnd } from '../core/slices';
import { toDiagnostic } from './diagnostics';

/** One diagnostic as JSON: `parts[0] line[0] parts[1] line[1] … parts[n]`, then the version and `}`. */
interface Converted {
  readonly parts: readonly string[];
  /** Line numbers relative to `base`. */
  readonly lines: readonly number[];
  /** The line `lines` are relative to. */
  readonly base: number;
}

/** The diagnostics of one version: JSON for the wire, objects on demand. */
export interface PreparedDiagnostics {
  readonly count: number;
  /** The diagnostics array as JSON, with `version` in every diagnostic's `data`. */
  json(): string;
  /** The same as objects (parsed from the JSON: rarely needed, see raw-publish.ts). */
  objects(): Diagnostic[];
  /**
   * The whole message as UTF-8: `head`, the diagnostics array (then `extra`, JSON texts of more
   * diagnostics), `tail`. Copied from bytes kept per chunk, so a publish neither joins nor
   * encodes 1.6 MB of text again.
   */
  message(head: string, extra: readonly string[], tail: string): Buffer;
}

/**
 * Each diagnostic's `version`, and each line number, goes into a slot of a fixed width: the digits
 * followed by spaces (JSON allows them there). Kept bytes then take any version, and a chunk
 * moved by whole lines gets its new line numbers written in place, without a new text. Slots are
 * as narrow as will do (the client parses every byte of every publish): versions up to seven
 * digits (a wider one is written as text), lines one digit wider than the file's line count (a
 * line number that outgrows its slot has its chunk's bytes written anew, see `rebased`).
 */
const VERSION_SLOT = 7;
const SLOT = ' '.repeat(VERSION_SLOT);
const lineSlotFor = (lineCount: number): number => String(lineCount).length + 1;

const padded = (n: number, width: number): string => String(n).padEnd(width);

/** Diagnostics as UTF-8, each `…"data":<version slot>},`, with where the version and line slots are. */
interface Wire {
  readonly bytes: Buffer;
  readonly versionSlots: readonly number[];
  /** Byte offsets of the line slots, and their lines relative to `base`. */
  readonly lineSlots: readonly number[];
  readonly lines: readonly number[];
  /** The line the bytes are written for (moved in place, see `rebased`). */
  base: number;
  /** The width of its line slots. */
  readonly lineSlot: number;
}

function wireOf(converted: readonly Converted[], base: number, lineSlot: number): Wire {
  const units: string[] = [];
  const versionSlots: number[] = [];
  const lineSlots: number[] = [];
  const lines: number[] = [];
  let at = 0;
  const put = (text: string): void => {
    units.push(text);
    at += Buffer.byteLength(text);
  };
  for (const c of converted) {
    put(c.parts[0] as string);
    for (let i = 0; i < c.lines.length; i++) {
      const line = c.lines[i] as number;
      lineSlots.push(at);
      lines.push(line);
      put(padded(base + line, lineSlot));
      put(c.parts[i + 1] as string);
    }
    versionSlots.push(at);
    put(SLOT);
    put('},');
  }
  return { bytes: Buffer.from(units.join('')), versionSlots, lineSlots, lines, base, lineSlot };
}

/** Writes `n` into `width` bytes at `at`, digits then spaces; false when it does not fit. */
function writePadded(bytes: Buffer, at: number, n: number, width: number): boolean {
  if (n < 0) return false;
  const digits = String(n).length;
  if (digits > width) return false;
  let rest = n;
  for (let d = digits - 1; d >= 0; d--) {
    bytes[at + d] = 48 + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  bytes.fill(0x20, at + digits, at + width);
  return true;
}

/**
 * The wire of a chunk moved by whole lines, its line numbers written again in place. Messages
 * copy the bytes when they are encoded, in order, so the older publish has them already.
 * Undefined when a number does not fit its slot (a file of a billion lines): then written anew.
 */
function rebased(wire: Wire, base: number): Wire | undefined {
  const widths = wire.lines.every((line, i) => writePadded(wire.bytes, wire.lineSlots[i] as number, base + line, wire.lineSlot));
  if (!widths) return undefined;
  wire.base = base;
  return wire;
}

/** What a publish lists, in file order: chunk entries and findings converted on their own. */
interface Placed {
  readonly converted: readonly Converted[];
  /** The line the conversions' lines are relative to. */
  readonly base: number;
  /** Made when prepared (in slices), kept with the entry, moved to new lines when published. */
  wire?: Wire;
}

/** The placed diagnostics' bytes: kept, moved to the placed base, or made. */
function wireAt(p: Placed, lineSlot: number): Wire | undefined {
  if (p.converted.length === 0) return undefined;
  if (p.wire && p.wire.base !== p.base) p.wire = rebased(p.wire, p.base);
  p.wire ??= wireOf(p.converted, p.base, lineSlot);
  return p.wire;
}

/** The message: head, units, extra, tail; each slot gets the version; the last unit's comma becomes a space. */
function messageOf(placed: readonly Placed[], version: number, head: string, extra: readonly string[], tail: string, lineSlot: number): Buffer {
  const list: Buffer[] = [Buffer.from(`${head}[`)];
  const slots: number[] = [];
  let offset = (list[0] as Buffer).length;
  for (const p of placed) {
    const wire = wireAt(p, lineSlot);
    if (!wire) continue;
    list.push(wire.bytes);
    for (const slot of wire.versionSlots) slots.push(offset + slot);
    offset += wire.bytes.length;
  }
  if (extra.length > 0) {
    const more = Buffer.from(`${extra.join(',')},`);
    list.push(more);
    offset += more.length;
  }
  list.push(Buffer.from(`]${tail}`));
  const out = Buffer.concat(list);
  const digits = String(version);
  for (const slot of slots) out.write(digits, slot, 'latin1');
  // `[a,b,]` is no JSON, `[a,b ]` is.
  if (offset > (list[0] as Buffer).length) out[offset - 1] = 0x20;
  return out;
}

const str = JSON.stringify;

/**
 * Cuts the JSON of `d` (whose `data.version` is left to the caller) at its line numbers. Each
 * part is joined from an array rather than grown with `+=`: parts are kept while the document is
 * open, and a string grown piece by piece stays a tree of all its pieces.
 */
function convert(d: Diagnostic, base: number): Converted {
  const parts: string[] = [];
  const lines: number[] = [];
  const pending: string[] = [];
  const cut = (): void => {
    parts.push(pending.join(''));
    pending.length = 0;
  };
  const line = (n: number): void => {
    cut();
    lines.push(n - base);
  };
  const range = (r: Range): void => {
    pending.push('{"start":{"line":');
    line(r.start.line);
    pending.push(`,"character":${r.start.character}},"end":{"line":`);
    line(r.end.line);
    pending.push(`,"character":${r.end.character}}}`);
  };
  pending.push('{"range":');
  range(d.range);
  pending.push(`,"severity":${str(d.severity)},"code":${str(d.code)},"codeDescription":${str(d.codeDescription)},"source":${str(d.source)},"message":${str(d.message)}`);
  if (d.relatedInformation) {
    pending.push(',"relatedInformation":[');
    d.relatedInformation.forEach((r, i) => {
      pending.push(`${i > 0 ? ',' : ''}{"location":{"uri":${str(r.location.uri)},"range":`);
      range(r.location.range);
      pending.push(`},"message":${str(r.message)}}`);
    });
    pending.push(']');
  }
  if (d.tags) pending.push(`,"tags":${str(d.tags)}`);
  pending.push(',"data":');
  cut();
  return { parts, lines, base };
}

/** The JSON of a converted diagnostic with its chunk at line `base`, up to the version. */
function textAt(c: Converted, base: number): string {
  const out: (string | number)[] = [c.parts[0] as string];
  for (let i = 0; i < c.lines.length; i++) out.push(base + (c.lines[i] as number), c.parts[i + 1] as string);
  return out.join('');
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
    const { chunks, text } = analysis;
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
      const to = chunks[k + 1]?.start ?? text.length;
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
    const endsInCr = analysis.text.charCodeAt(end - 1) === 13;
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
