/**
 * Where the cursor is, for completion: typing a key or a value, the key path of the mapping (or
 * of the key whose value is typed), the text typed so far, and the keys already written beside.
 * Works on block and single-line flow style (`emptyDir: {me|`, `ports: [{name: |`).
 */
import { ITEM, climb, elementsOf, shapeOf, siblingKeys, type Segment } from './lines';

/** The completion context at a cursor. Columns are on the cursor's line. */
export interface CursorContext {
  readonly kind: 'key' | 'value';
  /** For a key: the path of the mapping; for a value: the path of the key (last segment) whose value is typed. */
  readonly path: readonly Segment[];
  readonly prefix: string;
  /** Columns of the text a chosen item replaces. */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  readonly flow: boolean;
  /** Keys already present in the mapping (key context), with the line each is on (block style). */
  readonly present: readonly { key: string; line?: number }[];
  /** The key being typed follows a `- ` on this line (a new sequence item). */
  readonly itemStart: boolean;
  /** A value right after `key:` with no space yet. */
  readonly needsSpace: boolean;
  /** The line already has `: ` after the typed key (only the key name is inserted). */
  readonly colonAfter: boolean;
  /** Closing brackets that make the line parse when appended to the typed text (flow style). */
  readonly closers: string;
  readonly line: number;
}

interface FlowFrame {
  readonly type: 'map' | 'seq';
  key?: string;
  segStart: number;
  valueStart?: number;
  keys: string[];
}

/** Finds the first unclosed `{` or `[` of a line prefix (quotes skipped). */
function flowStart(text: string): number {
  const stack: number[] = [];
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '#' && (i === 0 || text[i - 1] === ' ')) break;
    if ((c === '"' || c === "'") && (i === 0 || /[\s,[{:]/.test(text[i - 1] ?? ''))) quote = c;
    else if (c === '{' || c === '[') stack.push(i);
    else if ((c === '}' || c === ']') && stack.length) stack.pop();
  }
  return stack[0] ?? -1;
}

function scanFlow(text: string, from: number): FlowFrame[] {
  const frames: FlowFrame[] = [];
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    const top = frames[frames.length - 1];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') frames.push({ type: c === '{' ? 'map' : 'seq', segStart: i + 1, keys: [] });
    else if (c === '}' || c === ']') frames.pop();
    else if (c === ',' && top) {
      top.key = undefined;
      top.valueStart = undefined;
      top.segStart = i + 1;
    } else if (c === ':' && top?.type === 'map' && top.key === undefined && /[\s,{}[\]]|^$/.test(text[i + 1] ?? '')) {
      top.key = text.slice(top.segStart, i).trim().replace(/^["']|["']$/g, '');
      top.keys.push(top.key);
      top.valueStart = i + 1;
    }
  }
  return frames;
}

function flowContext(line: string, lineNo: number, lines: readonly string[], col: number, start: number): CursorContext | undefined {
  const owner = shapeOf(line.slice(0, start));
  let path: Segment[];
  if (owner.key !== undefined) {
    path = [...climb(lines, lineNo, { type: 'key', col: owner.contentCol }, elementsOf({ ...owner, key: undefined })), owner.key];
  } else if (owner.dashes.length > 0) {
    path = [...climb(lines, lineNo, { type: 'key', col: owner.contentCol }, elementsOf(owner))];
  } else {
    return undefined;
  }
  const frames = scanFlow(line.slice(0, col), start);
  if (frames.length === 0) return undefined;
  for (let i = 0; i < frames.length - 1; i++) {
    const f = frames[i];
    if (!f) return undefined;
    if (f.type === 'seq') path.push(ITEM);
    else if (f.key !== undefined) path.push(f.key);
    else return undefined;
  }
  const last = frames[frames.length - 1];
  if (!last) return undefined;
  const closers = frames.map((f) => (f.type === 'map' ? '}' : ']')).reverse().join('');
  const base = { flow: true, itemStart: false, colonAfter: false, closers, line: lineNo };
  if (last.type === 'seq' || last.key !== undefined) {
    const from = last.type === 'seq' ? last.segStart : (last.valueStart ?? col);
    const typed = line.slice(from, col);
    const lead = typed.length - typed.trimStart().length;
    return {
      ...base,
      kind: 'value',
      path: [...path, last.type === 'seq' ? ITEM : (last.key ?? '')],
      prefix: typed.trimStart(),
      replaceStart: from + lead,
      replaceEnd: wordEnd(line, col),
      present: [],
      needsSpace: last.type === 'map' && from === col && line[col - 1] === ':',
    };
  }
  const typed = line.slice(last.segStart, col);
  const lead = typed.length - typed.trimStart().length;
  return {
    ...base,
    kind: 'key',
    path,
    prefix: typed.trimStart(),
    replaceStart: last.segStart + lead,
    replaceEnd: wordEnd(line, col),
    present: last.keys.map((key) => ({ key })),
    needsSpace: false,
  };
}

function wordEnd(line: string, col: number): number {
  let end = col;
  while (end < line.length && /[^\s:,{}[\]#]/.test(line[end] ?? '')) end++;
  return end;
}

/** The completion context at (lineNo, col) of the lines of one `---` document. */
export function cursorContext(lines: readonly string[], lineNo: number, col: number): CursorContext | undefined {
  const line = lines[lineNo] ?? '';
  const prefixText = line.slice(0, col);
  if (/(^|\s)#/.test(prefixText.replace(/"[^"]*"|'[^']*'/g, ''))) return undefined;
  const open = flowStart(prefixText);
  if (open >= 0) return flowContext(line, lineNo, lines, col, open);
  const shape = shapeOf(prefixText);
  const base = { flow: false, closers: '', line: lineNo };
  if (shape.key !== undefined && shape.afterColon !== undefined) {
    const typed = line.slice(shape.afterColon, col);
    if (/^\s*[|>]/.test(typed)) return undefined;
    const lead = typed.length - typed.trimStart().length;
    const path = [...climb(lines, lineNo, { type: 'key', col: shape.contentCol }, elementsOf({ ...shape, key: undefined })), shape.key];
    return {
      ...base,
      kind: 'value',
      path,
      prefix: typed.trimStart(),
      replaceStart: shape.afterColon + lead,
      replaceEnd: Math.max(col, line.replace(/\s+#.*$/, '').trimEnd().length),
      present: [],
      itemStart: false,
      needsSpace: typed.length === 0,
      colonAfter: false,
    };
  }
  // A key being typed (or an empty line): its column is where the typed word starts.
  const typed = prefixText.slice(shape.contentCol);
  if (/\s/.test(typed.trim())) return undefined; // a multi-word plain scalar, not a key
  const keyCol = shape.blank ? col : shape.contentCol;
  const itemStart = shape.dashes.length > 0;
  const path = climb(lines, lineNo, { type: 'key', col: keyCol }, itemStart ? elementsOf(shape) : []);
  const rest = line.slice(col);
  return {
    ...base,
    kind: 'key',
    path,
    prefix: shape.blank ? '' : typed,
    replaceStart: keyCol,
    replaceEnd: wordEnd(line, col),
    present: siblingKeys(lines, lineNo, keyCol, itemStart),
    itemStart,
    needsSpace: false,
    colonAfter: /^[^\s:]*:(\s|$)/.test(rest),
  };
}
