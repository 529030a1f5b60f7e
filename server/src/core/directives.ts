/**
 * Comment directives that suppress findings:
 *   `# podsight-disable-next-line RULE[, RULE]`  the next line that is not blank or a comment
 *   `# podsight-disable RULE[, RULE]`            the whole file (anywhere, conventionally at the top)
 * No rule list means every rule; ` -- reason` after the list is a free-text justification.
 * Comments are found with the `yaml` lexer, so a `#` inside a quoted string or a block scalar is
 * never taken for a directive. Directives are file-level: they are applied after the chunk findings
 * are combined, so the per-chunk cache stays valid.
 */
import { Lexer } from 'yaml';
import { loneCrAsLf, type LineIndex } from './line-index';

/** One rule named by a directive, with its absolute span. */
export interface DirectiveRule {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** A parsed directive comment. */
export interface Directive {
  readonly kind: 'next-line' | 'file';
  /** Empty: every rule. */
  readonly rules: readonly DirectiveRule[];
  /** The comment's absolute span. */
  readonly start: number;
  readonly end: number;
  /** For `next-line`: the 0-based line it covers, or undefined at the end of the file. */
  readonly line?: number;
}

/** What suppression needs from a finding. */
export interface Suppressible {
  readonly rule: string;
  readonly start: number;
}

/** A directive, or one rule of it, that suppressed nothing or names no known rule. */
export interface DirectiveProblem {
  readonly reason: 'unused' | 'unused-all' | 'unknown-rule';
  readonly kind: Directive['kind'];
  readonly rule?: string;
  readonly start: number;
  readonly end: number;
}

export const DIRECTIVE_MARKER = 'podsight-disable';
const DIRECTIVE = /^#[ \t]*podsight-(disable-next-line|disable)(?=$|[ \t])([^\n\r]*)$/;
// Tokens the lexer emits that are not part of the source text.
const CONTROL = new Set(['\u0002', '\u0018', '\u001f']);

/** Every comment of a YAML text with its absolute offset (never a `#` inside a scalar). */
export function scanComments(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(loneCrAsLf(text))) {
    if (token.length === 1 && CONTROL.has(token)) continue;
    if (token.startsWith('#')) out.push({ start: offset, text: token });
    offset += token.length;
  }
  return out;
}

function nextCodeLine(text: string, lines: LineIndex, fromLine: number): number | undefined {
  for (let line = fromLine; line < lines.lineCount; line++) {
    const start = lines.offsetAt({ line, character: 0 });
    const end = line + 1 < lines.lineCount ? lines.offsetAt({ line: line + 1, character: 0 }) : text.length;
    const content = text.slice(start, end).trim();
    if (content !== '' && !content.startsWith('#')) return line;
  }
  return undefined;
}

/** A piece of the file (a `---` chunk) and where it starts. */
export interface TextPiece {
  readonly start: number;
  readonly text: string;
}

/**
 * Parses the directives of a file. Cheap when there are none (a substring test); only the chunks
 * holding the marker are lexed, through `comments`, which a caller may memoise by chunk text.
 */
export function scanDirectives(
  text: string,
  lines: LineIndex,
  pieces: readonly TextPiece[] = [{ start: 0, text }],
  comments: (chunkText: string) => readonly { start: number; text: string }[] = scanComments,
): Directive[] {
  if (!text.includes(DIRECTIVE_MARKER)) return [];
  const all = pieces.flatMap((p) => (p.text.includes(DIRECTIVE_MARKER) ? comments(p.text).map((c) => ({ start: c.start + p.start, text: c.text })) : []));
  const out: Directive[] = [];
  for (const comment of all) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    const kind = m[1] === 'disable-next-line' ? 'next-line' : 'file';
    const tail = m[2] ?? '';
    const reasonAt = tail.search(/(^|[ \t])--([ \t]|$)/);
    const list = reasonAt >= 0 ? tail.slice(0, reasonAt) : tail;
    const listStart = comment.start + comment.text.length - tail.length;
    const rules: DirectiveRule[] = [];
    const re = /[^,\s]+/g;
    for (let r = re.exec(list); r; r = re.exec(list)) {
      rules.push({ id: r[0], start: listStart + r.index, end: listStart + r.index + r[0].length });
    }
    const end = comment.start + comment.text.trimEnd().length;
    const line = kind === 'next-line' ? nextCodeLine(text, lines, lines.positionAt(comment.start).line + 1) : undefined;
    out.push({ kind, rules, start: comment.start, end, line });
  }
  return out;
}

/** How directives treat rules: which ids exist, and which are switched off anyway. */
export interface DirectiveContext {
  readonly knownRules: ReadonlySet<string>;
  /** A rule that is off cannot report, so a directive naming it is not reported as unused. */
  readonly isOff: (rule: string) => boolean;
}

/**
 * Drops the findings the directives suppress and lists the directives (or rules of a directive)
 * that suppressed nothing or name unknown rules.
 */
export function applyDirectives<F extends Suppressible>(
  findings: readonly F[],
  directives: readonly Directive[],
  lines: LineIndex,
  context: DirectiveContext,
): { kept: F[]; problems: DirectiveProblem[] } {
  if (directives.length === 0) return { kept: [...findings], problems: [] };
  const used = new Set<string>(); // `${directiveIndex}` or `${directiveIndex}:${ruleId}`
  // Index directives by the line they cover, so the cost is O(findings + directives).
  const fileWide: number[] = [];
  const byLine = new Map<number, number[]>();
  directives.forEach((d, i) => {
    if (d.kind === 'file') fileWide.push(i);
    else if (d.line !== undefined) byLine.set(d.line, [...(byLine.get(d.line) ?? []), i]);
  });
  const kept = findings.filter((f) => {
    let suppressed = false;
    const candidates = byLine.size > 0 ? [...fileWide, ...(byLine.get(lines.positionAt(f.start).line) ?? [])] : fileWide;
    for (const i of candidates) {
      const d = directives[i];
      if (!d || (d.rules.length > 0 && !d.rules.some((r) => r.id === f.rule))) continue;
      suppressed = true;
      used.add(d.rules.length === 0 ? `${i}` : `${i}:${f.rule}`);
    }
    return !suppressed;
  });
  const problems: DirectiveProblem[] = [];
  directives.forEach((d, i) => {
    if (d.rules.length === 0) {
      if (!used.has(`${i}`)) problems.push({ reason: 'unused-all', kind: d.kind, start: d.start, end: d.end });
      return;
    }
    for (const r of d.rules) {
      if (!context.knownRules.has(r.id)) problems.push({ reason: 'unknown-rule', kind: d.kind, rule: r.id, start: r.start, end: r.end });
      else if (!used.has(`${i}:${r.id}`) && !context.isOff(r.id)) problems.push({ reason: 'unused', kind: d.kind, rule: r.id, start: r.start, end: r.end });
    }
  });
  return { kept, problems };
}
