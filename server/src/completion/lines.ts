/**
 * Reading block YAML line by line, by indentation alone. Completion runs on text the user is in
 * the middle of typing (`    mountP`), which the parser rejects or reads differently, so the key
 * path at the cursor comes from the columns of the lines above, the way a reader sees them.
 */

/** A key of the path, or `[]` for "an item of the sequence". */
export type Segment = string;
export const ITEM: Segment = '[]';

/** The structure of one line: sequence dashes, then a key or a scalar. */
export interface LineShape {
  /** Empty or comment only. */
  readonly blank: boolean;
  readonly indent: number;
  /** Columns of the `- ` indicators, left to right. */
  readonly dashes: readonly number[];
  /** Column where the content after the dashes starts. */
  readonly contentCol: number;
  readonly key?: string;
  /** The key opens a block (nothing but an anchor, a tag or a comment after its colon). */
  readonly block: boolean;
  /** Column just after the key's colon. */
  readonly afterColon?: number;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'{[\]}#,&*!|>%@`-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?=[ \t]|$)/;

function unquote(key: string): string {
  if (key.startsWith('"') && key.endsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, '$1');
  if (key.startsWith("'") && key.endsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

export function shapeOf(line: string): LineShape {
  const indent = line.length - line.trimStart().length;
  if (indent === line.length || line[indent] === '#') return { blank: true, indent, dashes: [], contentCol: indent, block: false };
  const dashes: number[] = [];
  let col = indent;
  while (line[col] === '-' && (col + 1 === line.length || line[col + 1] === ' ' || line[col + 1] === '\t')) {
    dashes.push(col);
    col++;
    while (line[col] === ' ' || line[col] === '\t') col++;
  }
  const match = KEY.exec(line.slice(col));
  if (!match || match[1] === undefined) return { blank: false, indent, dashes, contentCol: col, block: false };
  const afterColon = col + match[0].length;
  const rest = line.slice(afterColon).replace(/(^|\s)#.*$/, '').replace(/[&!]\S*/g, '').trim();
  return { blank: false, indent, dashes, contentCol: col, key: unquote(match[1].trim()), block: rest === '', afterColon };
}

/** What the path is being sought for: a mapping key at a column, or a sequence item at its dash. */
export interface Anchor {
  readonly type: 'key' | 'dash';
  readonly col: number;
}

interface Element {
  readonly kind: 'key' | 'dash';
  readonly col: number;
  readonly key?: string;
  readonly block?: boolean;
  /** For a dash: the column of what follows it. */
  readonly content?: number;
}

/** The elements of a line, innermost (rightmost) first. */
export function elementsOf(shape: LineShape): Element[] {
  const out: Element[] = [];
  if (shape.key !== undefined) out.push({ kind: 'key', col: shape.contentCol, key: shape.key, block: shape.block });
  for (let i = shape.dashes.length - 1; i >= 0; i--) {
    out.push({ kind: 'dash', col: shape.dashes[i] ?? 0, content: shape.dashes[i + 1] ?? shape.contentCol });
  }
  return out;
}

/**
 * Climbs from an anchor through the elements given (the rest of the anchor's own line, innermost
 * first) and then the lines above, and returns the path from the root to the anchor's parent.
 */
export function climb(lines: readonly string[], lineNo: number, anchor: Anchor, sameLine: readonly Element[] = []): Segment[] {
  const path: Segment[] = [];
  let at = anchor;
  const step = (el: Element): void => {
    if (at.type === 'key') {
      if (el.kind === 'key' && el.block && el.col < at.col) {
        path.unshift(el.key ?? '');
        at = { type: 'key', col: el.col };
      } else if (el.kind === 'dash' && el.content === at.col) {
        path.unshift(ITEM);
        at = { type: 'dash', col: el.col };
      }
    } else if (el.kind === 'key' && el.block && el.col <= at.col) {
      path.unshift(el.key ?? '');
      at = { type: 'key', col: el.col };
    } else if (el.kind === 'dash' && el.col < at.col && el.content === at.col) {
      path.unshift(ITEM);
      at = { type: 'dash', col: el.col };
    }
  };
  sameLine.forEach(step);
  for (let n = lineNo - 1; n >= 0; n--) {
    if (at.type === 'key' && at.col === 0) break;
    const shape = shapeOf(lines[n] ?? '');
    if (shape.blank || shape.indent > at.col) continue;
    elementsOf(shape).forEach(step);
  }
  return path;
}

/**
 * Keys written in the block mapping whose keys sit at `col`, around line `lineNo` (which is not
 * read). `itemStart` says the cursor line itself opens the mapping (it follows a `- `).
 */
export function siblingKeys(lines: readonly string[], lineNo: number, col: number, itemStart: boolean): { key: string; line: number }[] {
  const out: { key: string; line: number }[] = [];
  if (!itemStart) {
    for (let n = lineNo - 1; n >= 0; n--) {
      const s = shapeOf(lines[n] ?? '');
      if (s.blank) continue;
      if (s.contentCol === col && s.key !== undefined && s.dashes.length > 0) {
        out.push({ key: s.key, line: n });
        break;
      }
      if (s.indent < col) break;
      if (s.indent === col && s.dashes.length === 0 && s.key !== undefined) out.push({ key: s.key, line: n });
    }
  }
  for (let n = lineNo + 1; n < lines.length; n++) {
    const s = shapeOf(lines[n] ?? '');
    if (s.blank) continue;
    if (s.indent < col) break;
    if (s.indent === col && s.dashes.length === 0 && s.key !== undefined) out.push({ key: s.key, line: n });
  }
  return out;
}
