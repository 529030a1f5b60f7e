/**
 * The bytes of published diagnostics, as the diagnostics cache keeps them (diagnostics-cache.ts):
 * each diagnostic's JSON cut at its line numbers, and per chunk one UTF-8 buffer whose version and
 * line numbers sit in fixed-width slots, so that kept bytes take a new version or move to new
 * lines without being written again.
 */
import type { Diagnostic, Range } from 'vscode-languageserver';

/** One diagnostic as JSON: `parts[0] line[0] parts[1] line[1] … parts[n]`, then the version and `}`. */
export interface Converted {
  readonly parts: readonly string[];
  /** Line numbers relative to `base`. */
  readonly lines: readonly number[];
  /** The line `lines` are relative to. */
  readonly base: number;
}


/**
 * Each diagnostic's `version`, and each line number, goes into a slot of a fixed width: the digits
 * followed by spaces (JSON allows them there). Kept bytes then take any version, and a chunk
 * moved by whole lines gets its new line numbers written in place, without a new text. Slots are
 * as narrow as will do (the client parses every byte of every publish): versions up to seven
 * digits (a wider one is written as text), lines one digit wider than the file's line count (a
 * line number that outgrows its slot has its chunk's bytes written anew, see `rebased`).
 */
export const VERSION_SLOT = 7;
const SLOT = ' '.repeat(VERSION_SLOT);
export const lineSlotFor = (lineCount: number): number => String(lineCount).length + 1;

const padded = (n: number, width: number): string => String(n).padEnd(width);

/** Diagnostics as UTF-8, each `…"data":<version slot>},`, with where the version and line slots are. */
export interface Wire {
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

export function wireOf(converted: readonly Converted[], base: number, lineSlot: number): Wire {
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
export interface Placed {
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
export function messageOf(placed: readonly Placed[], version: number, head: string, extra: readonly string[], tail: string, lineSlot: number): Buffer {
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
export function convert(d: Diagnostic, base: number): Converted {
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
export function textAt(c: Converted, base: number): string {
  const out: (string | number)[] = [c.parts[0] as string];
  for (let i = 0; i < c.lines.length; i++) out.push(base + (c.lines[i] as number), c.parts[i + 1] as string);
  return out.join('');
}
