/**
 * SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer). What GitHub needs, checked with
 * Microsoft's SARIF validator (rule kinds `Sarif;Gh`): every rule with `fullDescription` and
 * `help` (text and Markdown from docs/rules/<id>.md), repository-relative URIs under a
 * `uriBaseId`, `relatedLocations` for the other side of a conflict, and `partialFingerprints`
 * that do not depend on line numbers, so an alert survives edits above it.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleCatalogue } from '../rules';
import { docsUrl } from '../rules/types';
import type { Range } from '../core/line-index';
import type { CliFinding, FormatContext } from './formats';
import { repoPath } from './github';
import { podsightVersion, rulePage } from './package-info';

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

/** A rule page in the forms SARIF wants: its summary paragraph, plain text and Markdown. */
export function ruleHelp(id: string): { short: string; full: string; text: string; markdown: string } {
  const page = rulePage(id);
  if (!page) return { short: id, full: id, text: `${id}: ${docsUrl(id)}`, markdown: `[${id}](${docsUrl(id)})` };
  // The summary: the first paragraph after the title and the "Default severity" line.
  const paragraphs = page.split(/\r?\n\s*\r?\n/).map((p) => p.trim());
  const summary = paragraphs.find((p) => p && !p.startsWith('#') && !p.startsWith('**Default severity')) ?? id;
  const full = plain(summary);
  const short = /^.*?[.!?](?=\s|$)/.exec(full)?.[0] ?? full;
  return { short, full, text: plain(page), markdown: page.trim() };
}

/** Markdown to readable plain text: no fences, emphasis or backticks; links keep their address. */
function plain(markdown: string): string {
  return markdown
    .replace(/^```.*$/gm, '')
    .replace(/^#+\s*/gm, '')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/\*\*|__|`/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** `port-conflict` → `PortConflict` (SARIF's rule name). */
const pascal = (id: string): string => id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());

export function formatSarif(findings: readonly CliFinding[], ctx: FormatContext): string {
  const catalogue = ruleCatalogue();
  const ruleIds = catalogue.map((r) => r.id);
  const location = (file: string, range: Range): unknown => {
    const rel = repoPath(file, ctx.cwd);
    const artifactLocation = isAbsolute(rel) ? { uri: pathToFileURL(rel).href } : { uri: encodeURI(rel), uriBaseId: SRCROOT };
    return {
      physicalLocation: {
        artifactLocation,
        // SARIF lines and columns are 1-based; columns count UTF-16 code units (columnKind).
        region: { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 },
      },
    };
  };
  const seen = new Map<string, number>();
  const split = new Map<string, string[]>();
  const linesOf = (file: string): string[] => {
    let lines = split.get(file);
    if (!lines) split.set(file, (lines = (ctx.sources.get(file) ?? '').split(/\r\n|\r|\n/)));
    return lines;
  };
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'podsight',
            informationUri: 'https://github.com/podsight/podsight',
            version: podsightVersion(),
            semanticVersion: podsightVersion(),
            rules: catalogue.map((r) => {
              const help = ruleHelp(r.id);
              return {
                id: r.id,
                name: pascal(r.id),
                shortDescription: { text: help.short },
                fullDescription: { text: help.full },
                help: { text: help.text, markdown: help.markdown },
                helpUri: docsUrl(r.id),
                defaultConfiguration: { level: SARIF_LEVEL[r.severity] ?? 'warning' },
                properties: { tags: ['kubernetes'], precision: 'very-high' },
              };
            }),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(resolve(ctx.cwd)).href.replace(/\/?$/, '/') } },
        results: findings.map((f) => {
          const related = f.related ?? [];
          return {
            ruleId: f.rule,
            ruleIndex: ruleIds.indexOf(f.rule),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [location(f.file, f.range)],
            ...(related.length > 0
              ? { relatedLocations: related.map((r, i) => ({ id: i + 1, ...(location(r.file, r.range) as object), message: { text: r.message } })) }
              : {}),
            partialFingerprints: { 'podsight/v1': fingerprint(f, linesOf(f.file), repoPath(f.file, ctx.cwd), seen) },
          };
        }),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/**
 * A fingerprint from what the finding is about — rule, file, the flagged text and its line's
 * text — not from where it is, so an alert keeps its identity when lines are added above it.
 * Identical findings get an occurrence number.
 */
function fingerprint(f: CliFinding, lines: readonly string[], path: string, seen: Map<string, number>): string {
  const first = lines[f.range.start.line] ?? '';
  const flagged = f.range.start.line === f.range.end.line ? first.slice(f.range.start.character, f.range.end.character) : first.slice(f.range.start.character);
  const key = [f.rule, path, first.trim(), flagged].join('\u0000');
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
  const n = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, n);
  return `${hash}:${n}`;
}
