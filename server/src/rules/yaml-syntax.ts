/**
 * yaml-syntax: YAML errors in a chunk that looks like a Kubernetes manifest. Templated chunks are
 * never reported (they are not YAML until rendered), nor chunks of other YAML files.
 * Where Kubernetes' go-yaml decoder is more lenient than the YAML spec, so are we: it accepts the
 * `\'` escape in double quotes, and a duplicate key only makes the later value win (a warning).
 * A null key (`: x`) is an error: the YAML→JSON conversion of the reader has no string for it.
 */
import type { Document, Node, YAMLError } from 'yaml';
import type { ParsedChunk } from '../core/parse';
import { outsideCrlf } from '../core/line-index';
import { t, type Locale } from '../l10n';
import type { Finding, Rule, RuleContext } from './types';
import { duplicateKeyNodes, keyText, nullKeyNodes } from './yaml-keys';
import { blockScalarComment } from './yaml-block-comment';

/**
 * Past this many syntax errors in one file, one more finding gives the count (`capSyntaxErrors`).
 * Each document stops at the same number, so a huge broken document costs no more than that.
 */
export const MAX_SYNTAX_ERRORS = 20;
/** `data.yamlCode` of a document's "N more" marker, which the file-level cap replaces. */
const MORE = 'MORE';
const LOOKS_K8S = /^\s*(?:apiVersion|kind)\s*:/m;
const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';

/** The `\\'` escape in double quotes, which go-yaml accepts (`start`: the error's offset). */
function goYamlAccepts(error: YAMLError, text: string, start: number): boolean {
  return error.code === 'BAD_DQ_ESCAPE' && text.startsWith("\\'", start);
}

/**
 * The chunk does not parse: it has an error yaml-syntax reports as one (a duplicate key is only a
 * warning). kubectl stops there ("error converting YAML to JSON"), and the error-recovered parse
 * puts keys where nobody wrote them, so the schema-level rules (unknown-field, invalid-value,
 * invalid-port), whose messages say what the API server does with the object, stay silent on it.
 */
export function syntaxBroken(chunk: ParsedChunk): boolean {
  if (chunk.templated) return false;
  return chunk.docs.some((doc) => doc.errors.some((error) => error.code !== 'DUPLICATE_KEY' && !goYamlAccepts(error, chunk.text, outsideCrlf(chunk.text, Math.min(error.pos[0], chunk.text.length)))));
}

/** Duplicate keys, named and underlined from their key nodes (yaml's error positions are matched to them in order). */
function reportDuplicates(ctx: RuleContext, doc: Document, positions: number[]): void {
  const text = ctx.chunk.text;
  const keys = duplicateKeyNodes(doc);
  let next = 0;
  for (const pos of positions) {
    while (next < keys.length && (keys[next]?.range?.[0] ?? 0) < pos) next++;
    const key = keys[next++];
    const [start, end] = key?.range ? [key.range[0], key.range[1]] : [pos, pos];
    ctx.report({
      node: { start, end },
      message: ctx.t('yaml-syntax.duplicate-key', { key: key ? keyText(text, key) : '' }),
      severity: 'warning',
      data: { yamlCode: 'DUPLICATE_KEY' },
    });
  }
}

function reportNullKeys(ctx: RuleContext, keys: readonly Node[]): void {
  const text = ctx.chunk.text;
  for (const key of keys) {
    const [start, end] = key.range ?? [0, 0];
    // An empty key has no text: underline the `:` that follows it.
    const span = end > start ? { start, end } : { start, end: text[start] === ':' ? start + 1 : start };
    ctx.report({ node: span, message: ctx.t('yaml-syntax.empty-key', { key: keyText(text, key) }), data: { yamlCode: 'NULL_KEY' } });
  }
}

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  check(ctx) {
    if (ctx.options.reportSyntax === false || ctx.chunk.templated || ctx.chunk.masked || !LOOKS_K8S.test(ctx.chunk.text)) return;
    const text = ctx.chunk.text;
    let reported = 0;
    let hidden = 0;
    let regionEnd = -1;
    for (const doc of ctx.chunk.docs) {
      const duplicates: number[] = [];
      // Past a syntax error the parser's recovery may merge what were two documents (`----` for
      // `---`): a duplicate or empty key there is its artefact, not the author's.
      let firstError = Infinity;
      for (const error of doc.errors) {
        const start = outsideCrlf(text, Math.min(error.pos[0], text.length));
        if (goYamlAccepts(error, text, start)) continue;
        if (error.code === 'DUPLICATE_KEY') {
          duplicates.push(start);
          continue;
        }
        firstError = Math.min(firstError, start);
        // One error per broken region: the errors that follow within two lines are its echoes.
        const inRegion = start <= regionEnd;
        regionEnd = Math.max(regionEnd, lineEndAfter(text, start, 2));
        if (inRegion) continue;
        if (reported >= MAX_SYNTAX_ERRORS) {
          hidden++;
          continue;
        }
        reported++;
        // `yaml` points at one character, but never past the end of its line: a position at a line break stays empty.
        const end = outsideCrlf(text, Math.min(text.length, Math.max(error.pos[1], isBreak(text[start]) ? start : start + 1)));
        const cut = blockScalarComment(text, start);
        if (cut) {
          // The rest of the block is the comment's echo: one finding for all of it.
          regionEnd = Math.max(regionEnd, cut.blockEnd);
          ctx.report({
            node: { start, end },
            message: ctx.t('yaml-syntax.block-comment', { column: cut.column + 1, header: cut.header, indent: cut.blockIndent + 1 }),
            related: [{ node: cut.headerSpan, message: ctx.t('yaml-syntax.block-comment.header', { header: cut.header }) }],
            data: { yamlCode: error.code, indentBy: cut.blockIndent - cut.column, lineOffset: cut.lineStart - start },
          });
          continue;
        }
        // The lines below a misindented one, down to where its block ends, fail in its wake.
        regionEnd = Math.max(regionEnd, blockAfter(text, start));
        ctx.report({
          node: { start, end },
          message: ctx.t('yaml-syntax.message', { message: error.message.split('\n')[0] ?? '' }),
          data: { yamlCode: error.code },
        });
      }
      const beforeError = duplicates.filter((pos) => pos < firstError);
      if (beforeError.length > 0) reportDuplicates(ctx, doc, beforeError);
      reportNullKeys(ctx, nullKeyNodes(doc, text).filter((k) => (k.range?.[0] ?? 0) < firstError));
    }
    if (hidden > 0) ctx.report({ node: { start: text.length, end: text.length }, message: ctx.t('yaml-syntax.more', { count: hidden, shown: MAX_SYNTAX_ERRORS }), data: { yamlCode: MORE, hidden } });
  },
};

/** A syntax error the cap counts (duplicate and empty keys are reported each, as before). */
const counted = (f: Finding): boolean => f.rule === 'yaml-syntax' && f.data?.yamlCode !== 'DUPLICATE_KEY' && f.data?.yamlCode !== 'NULL_KEY';

/**
 * The per-file cap: the first MAX_SYNTAX_ERRORS syntax errors of the whole file (in file order)
 * are kept; the rest become one finding, on the first one left out, that says how many are not
 * shown (the documents' own "more" markers included).
 */
export function capSyntaxErrors(findings: Finding[], locale: Locale): Finding[] {
  const errors = findings.filter(counted);
  if (errors.length <= MAX_SYNTAX_ERRORS && !errors.some((f) => f.data?.yamlCode === MORE)) return findings;
  const shown = new Set(errors.filter((f) => f.data?.yamlCode !== MORE).slice(0, MAX_SYNTAX_ERRORS));
  const hidden = errors.filter((f) => !shown.has(f));
  const count = hidden.reduce((n, f) => n + (f.data?.yamlCode === MORE ? Number(f.data.hidden) || 0 : 1), 0);
  const first = hidden.find((f) => f.data?.yamlCode !== MORE) ?? hidden[0];
  const out = findings.filter((f) => !counted(f) || shown.has(f));
  if (first && count > 0) out.push({ ...first, message: t(locale, 'yaml-syntax.more', { count, shown: MAX_SYNTAX_ERRORS }), related: [], data: { yamlCode: MORE, hidden: count } });
  return out;
}

/**
 * Where the block around a broken line ends: the last line before the first one indented less than
 * both the broken line and the line above it (its parent). A line at the left margin is no block:
 * -1 then (the two-line region alone applies).
 */
function blockAfter(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = (from: number): number => /^[ \t]*/.exec(text.slice(from, from + 200))![0].length;
  const meaningful = (from: number): boolean => !/^[ \t]*(?:#|\r?\n|$)/.test(text.slice(from, from + 200));
  let above = lineStart - 1;
  let parent = -1;
  while (above > 0) {
    const from = text.lastIndexOf('\n', above - 1) + 1;
    if (meaningful(from)) {
      parent = indent(from);
      break;
    }
    above = from - 1;
  }
  const limit = Math.min(indent(lineStart), parent < 0 ? Infinity : parent);
  if (!Number.isFinite(limit) || limit === 0) return -1;
  let at = text.indexOf('\n', lineStart);
  while (at >= 0 && at < text.length) {
    const from = at + 1;
    if (meaningful(from) && (indent(from) < limit || text.startsWith('---', from))) return at;
    at = text.indexOf('\n', from);
  }
  return text.length;
}

/** The offset of the end of the `lines`-th line after the one holding `offset`. */
function lineEndAfter(text: string, offset: number, lines: number): number {
  let at = offset;
  for (let i = 0; i <= lines; i++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return at - 1;
}
