/**
 * The `templated-file` note of a chunk: what Podsight did with a document that is a template (Helm
 * actions, `${…}` placeholders, Terraform, FreeMarker or Jinja directives) before it is rendered.
 */
import { normaliseLocale, t as translate, type Locale } from '../l10n';
import type { AnalysisOptions, Finding, Severity } from '../rules/types';
import type { ParsedChunk } from './parse';
import { TEMPLATED_RULE } from './findings';
import { isToken, onlyActionsAndComments } from './template-mask';

/**
 * The templated-file note of one chunk (chunk-relative): a chunk that does not parse even with its
 * template actions masked was not checked; a masked one was checked except what the actions make.
 */
export function templatedFinding(chunk: ParsedChunk, options: AnalysisOptions): Finding | undefined {
  if (options.rules?.[TEMPLATED_RULE] === 'off' || (!chunk.templated && !chunk.masked)) return undefined;
  const text = chunk.text;
  const locale = normaliseLocale(options.locale);
  const placeholder = chunk.placeholders;
  if (placeholder && chunk.engine === 'ytt') {
    const key = chunk.templated ? 'templated-file.ytt-overlay' : 'templated-file.ytt';
    const message = translate(locale, key, { count: chunk.masked?.length ?? 0, blocks: chunk.conditional?.length ?? 0 });
    return { rule: TEMPLATED_RULE, severity: (options.rules?.[TEMPLATED_RULE] as Severity | undefined) ?? 'information', message, start: placeholder.start, end: placeholder.end, related: [] };
  }
  if (placeholder) {
    const counts = { count: chunk.masked?.length ?? 0, blocks: chunk.conditional?.length ?? 0 };
    const message = chunk.directives
      ? chunk.engine === undefined || chunk.engine === 'Terraform'
        ? translate(locale, 'templated-file.directives', counts)
        : translate(locale, 'templated-file.engine', { ...counts, engine: chunk.engine })
      : isToken(text.slice(placeholder.start, placeholder.end))
        ? translate(locale, 'templated-file.tokens', { count: chunk.masked?.length ?? 0, token: text.slice(placeholder.start, placeholder.end) })
        : translate(locale, 'templated-file.placeholders', { count: chunk.masked?.length ?? 0 });
    return { rule: TEMPLATED_RULE, severity: (options.rules?.[TEMPLATED_RULE] as Severity | undefined) ?? 'information', message, start: placeholder.start, end: placeholder.end, related: [] };
  }
  const at = text.indexOf('{{');
  // Nothing but actions (a lone `{{- if … }}` before a `---`, `{{ template "x" . }}`): there is no
  // YAML to check or to call broken; what the actions render is out of sight.
  if (at < 0 || onlyActionsAndComments(text)) return undefined;
  // Only template comments, which render nothing: everything was checked.
  if (!chunk.templated && chunk.masked?.length === 0 && !chunk.conditional?.length) return undefined;
  const end = text.indexOf('}}', at);
  const otherEngine = notGoTemplate(text);
  const message = chunk.templated
    ? translate(locale, otherEngine ? 'templated-file.message-other' : 'templated-file.message')
    : translate(locale, otherEngine ? 'templated-file.masked-other' : 'templated-file.masked', { actions: counted(locale, 'actions', chunk.masked?.length ?? 0), blocks: counted(locale, 'blocks', chunk.conditional?.length ?? 0) });
  return {
    rule: TEMPLATED_RULE,
    severity: (options.rules?.[TEMPLATED_RULE] as Severity | undefined) ?? 'information',
    message,
    start: at,
    end: end > at ? end + 2 : at + 2,
    related: [],
  };
}

/** "a template action", "3 template actions"; no blocks: nothing said. */
function counted(locale: Locale, what: 'actions' | 'blocks', n: number): string {
  const form = n === 1 ? 'one' : n === 0 && what === 'blocks' ? 'none' : 'other';
  return translate(locale, `templated-file.${what}.${form}`, { n });
}

/**
 * Actions Go templates cannot read, written for Jinja (Salt, Ansible), Mustache or a script's `sed`:
 * a quoted string of several characters in single quotes (`pillar['registry']`; to Go templates a
 * rune), or a bare name without Go's leading `.` or `$` (`{{ cpurequest }}`, `{{replicas}}`; to Go
 * templates an undefined function). `helm template` cannot render those. Go template comments
 * (an action opening with a slash and a star) may say anything.
 */
function notGoTemplate(text: string): boolean {
  for (const match of text.matchAll(/\{\{-?\s*([^}]*?)\s*-?\}\}/g)) {
    const action = match[1] ?? '';
    if (action.startsWith('/*')) continue;
    // Go's own string literals may hold single quotes (`replace "'" "''"`, `printf "'%s'"`).
    if (/'[^']{2,}'/.test(action.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, '""'))) return true;
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(action) && !GO_BARE_WORDS.has(action)) return true;
    // `app.name`: to Go a call of a function `app`, which no chart defines (Ansible's dotted names).
    if (/^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_]/.test(action)) return true;
  }
  return false;
}

/** Words a Go template action may hold alone: keywords, and functions that take no argument. */
const GO_BARE_WORDS: ReadonlySet<string> = new Set(['end', 'else', 'break', 'continue', 'nil', 'true', 'false', 'now', 'uuidv4', 'env', 'osBase']);
