/**
 * Helm/Go template actions masked so that a chart template parses as YAML with every position
 * kept: an action alone on its lines (`{{- if .Values.x }}`, `{{ include "labels" . | nindent 4 }}`)
 * becomes blank, an action inside a line (`image: {{ .Values.image }}`) becomes the same number of
 * `x`. The nodes touching a masked span are unknown (unknown-values.ts), and what lies inside
 * `if`/`range`/`with` blocks may be rendered zero, one or many times, so findings there are dropped.
 * Except for an `if` or `with` without `else` around the whole document (`{{- if .Values.x.enabled }}`
 * on the first line, `{{- end }}` on the last, as most charts write optional objects): it decides
 * whether the object is rendered at all, and when it is, all of it is. Unless it asks about the
 * cluster's versions: an old apiVersion there is rendered only where it is served (and since a
 * helper or a variable may ask too, the apiVersion rules leave wrapped documents alone). A block
 * opened before a `---` and closed (or `else`d) in this document makes all of it conditional.
 */
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { Span } from '../rules/types';

export interface MaskedText {
  readonly text: string;
  /** The actions that were masked. */
  readonly spans: readonly Span[];
  /** Everything between a block action (`if`, `range`, `with`, `define`, `block`) and its `end`. */
  readonly conditional: readonly Span[];
  /** An `if` or `with` wraps the whole document: it is rendered only under a condition. */
  readonly wrapped?: boolean;
  /** How many template directives (Terraform `%{ if … }`, FreeMarker `<#if>`, Jinja `{% if %}`) were masked. */
  readonly directives?: number;
  /** The engine most of the directives belong to. */
  readonly engine?: TemplateEngine;
  /** Every placeholder sits inside a value (masked as `x`s): none stands for inserted pairs or lines. */
  readonly inline?: boolean;
}

export type TemplateEngine = 'Terraform' | 'FreeMarker' | 'Jinja' | 'ytt';

const BLOCK_START = /^\{\{-?\s*(if|range|with|define|block)\b/;
const BLOCK_END = /^\{\{-?\s*end\b/;
const BLOCK_ELSE = /^\{\{-?\s*else\b/;

/**
 * Whether a block's condition asks about the cluster (`.Capabilities.APIVersions.Has
 * "policy/v1beta1/PodSecurityPolicy"`, `semverCompare "<1.25-0" .Capabilities.KubeVersion.Version`):
 * then the object is rendered only where its apiVersion is served, and stays conditional.
 */
const guardsVersion = (action: string): boolean => /\.Capabilities\b|\bKubeVersion\b/.test(action);

/** Whether `text` holds nothing but blank lines, comments, `---` and template actions. */
export function onlyActionsAndComments(text: string): boolean {
  return text
    .replace(/\{\{[\s\S]*?\}\}/g, '')
    .split('\n')
    .every((line) => {
      const t = line.trim();
      return t === '' || t.startsWith('#') || t === '---';
    });
}

/** Whether the text outside the actions on the lines from `from` to `to` is only blank, or a comment after them (sweep FD). */
function aloneOnLines(text: string, from: number, to: number): boolean {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const nl = text.indexOf('\n', to);
  const lineEnd = nl < 0 ? text.length : nl;
  const after = text.slice(to, lineEnd).replace(/\{\{[\s\S]*?\}\}/g, '').trim();
  return text.slice(lineStart, from).trim() === '' && (after === '' || after.startsWith('#'));
}

/**
 * Whether the line holding `at` is the first line of a block scalar's text (`command: |` above
 * it): blanked, its spaces would be a leading line indented deeper than the text below, which
 * YAML refuses (node-exporter's `- |` script opening with `{{- if }}`, sweep FD).
 */
function opensBlockScalar(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const previous = text.slice(text.lastIndexOf('\n', Math.max(lineStart - 2, 0)) + 1, Math.max(lineStart - 1, 0)).replace(/\r$/, '');
  return lineStart > 0 && /(?:^|[:\s-])[|>][-+]?\d?[-+]?[ \t]*(?:#.*)?$/.test(previous);
}

/**
 * Whether the action ends a `key:` line and the next line is indented deeper: its output starts
 * on a line of its own (`livenessProbe: {{- include ... | nindent 12 }}` above literal children),
 * so the key holds a block, which `x`s would turn into a scalar with children (not YAML). So does
 * a list item's dash (`- {{ toYaml . | trim }}` above more keys of the item, sweep FD).
 */
function opensBlock(text: string, from: number, to: number): boolean {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const before = text.slice(lineStart, from);
  if (!/:[ \t]*$/.test(before) && !/^[ \t]*-[ \t]+$/.test(before)) return false;
  const nl = text.indexOf('\n', to);
  if (nl < 0 || text.slice(to, nl).replace(/\{\{[\s\S]*?\}\}/g, '').trim() !== '') return false;
  const indent = (line: string): number => line.length - line.trimStart().length;
  // After a lone dash, the item's own keys sit deeper than the dash.
  const keyIndent = /^[ \t]*-[ \t]+$/.test(before) ? indent(before) : indent(before.replace(/^([ ]*)- /, '$1  '));
  for (let at = nl + 1; at < text.length; ) {
    const next = text.indexOf('\n', at);
    const end = next < 0 ? text.length : next;
    const line = text.slice(at, end).replace(/\r$/, '');
    if (line.trim() !== '' && !line.trimStart().startsWith('{{')) return indent(line) > keyIndent;
    at = end + 1;
  }
  return false;
}

/** Keys whose value is a list or a mapping of the pod: an action there may write any of it (probe EB). */
const STRUCTURAL = /^(?:containers|initContainers|ephemeralContainers|volumes|volumeMounts|volumeDevices|ports|env|envFrom|resources|requests|limits|labels|matchLabels|matchExpressions|annotations|selector|spec|template|metadata|data|stringData|binaryData|args|command|items|tolerations|affinity|nodeSelector|securityContext|livenessProbe|readinessProbe|startupProbe|lifecycle|imagePullSecrets|hostAliases|topologySpreadConstraints|rules|tls|paths|backend|subsets|sources|projected|configMap|secret|emptyDir|persistentVolumeClaim|volumeClaimTemplates)$/;

/**
 * Whether the action writes (part of) a leaf value after a literal key on its line
 * (`replicas: {{ .Values.n }}`, `image: "{{ .Values.repo }}:{{ .Values.tag }}"`), not a key, a list
 * item, a flow collection's content or a structural field's whole value; nor Python's doubled
 * braces (`{{storage: 1Gi}}`).
 */
function writesLeafValue(text: string, at: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);
  const nl = text.indexOf('\n', end);
  const after = text.slice(end, nl < 0 ? text.length : nl).replace(/\{\{[\s\S]*?\}\}/g, '');
  if (/^\{\{-?\s*[A-Za-z_][\w-]*\s*:/.test(text.slice(at, end))) return false;
  const m = /^[ \t]*(?:-[ \t]+)?([^\s#{}[\],:'"][^{}[\],]*?)[ \t]*:[ \t]+(["']?)([^{}[\]]*)$/.exec(before.replace(/\{\{[\s\S]*?\}\}/g, 'x'));
  if (!m || STRUCTURAL.test(m[1] as string)) return false;
  return !/[{}[\]]/.test(after.replace(/^["'][^]*$/, ''));
}

export function maskTemplateActions(text: string): MaskedText {
  const out = text.split('');
  const spans: Span[] = [];
  const conditional: Span[] = [];
  const open: { kind: string; start: number; from: number; branches: boolean }[] = [];
  let wrapped = false;
  let inherited = false;
  let inserts = false;
  let at = text.indexOf('{{');
  while (at >= 0) {
    const close = actionClose(text, at);
    const nl = text.indexOf('\n', at);
    const end = close >= 0 ? close + 2 : nl >= 0 ? nl : text.length;
    const action = text.slice(at, end);
    if (COMMENT_OPEN.test(action) && /\*\/\s*-?\}\}$/.test(action) && aloneOnLines(text, at, end)) {
      // A comment on lines of its own renders nothing: blank, no insertion, no span.
      for (let i = at; i < end; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
      at = text.indexOf('{{', end);
      continue;
    }
    const blank = aloneOnLines(text, at, end) || opensBlock(text, at, end);
    if (blank || action.includes('\n') || !writesLeafValue(text, at, end)) inserts = true;
    // An action over several lines keeps each later line's indentation: its `}}` on a line of its
    // own, indented under the key, continues the masked value instead of breaking the mapping.
    let lead = false;
    // The first line of a block scalar: one letter keeps it a line of text, not a deeper blank one.
    const firstOfScalar = blank && opensBlockScalar(text, at);
    for (let i = at; i < end; i++) {
      const c = out[i];
      if (c === '\n' || c === '\r') lead = true;
      else if (lead && (c === ' ' || c === '\t')) continue;
      else {
        lead = false;
        out[i] = blank && !(firstOfScalar && i === at) ? ' ' : 'x';
      }
    }
    spans.push({ start: at, end });
    const kind = BLOCK_START.exec(action)?.[1];
    if (kind) open.push({ kind, start: at, from: end, branches: false });
    else if (BLOCK_ELSE.test(action)) {
      const block = open[open.length - 1];
      if (block) block.branches = true;
      // An `else` of a block opened in an earlier document (before a `---`): all of this one is inside it.
      else inherited = true;
    } else if (BLOCK_END.test(action)) {
      const block = open.pop();
      const wrapsDocument = (block?.kind === 'if' || block?.kind === 'with') && !block.branches && !guardsVersion(text.slice(block.start, block.from)) && onlyActionsAndComments(text.slice(0, block.start)) && onlyActionsAndComments(text.slice(end));
      if (block && !wrapsDocument) conditional.push({ start: block.from, end: at });
      if (wrapsDocument) wrapped = true;
      // The `end` of a block opened before a `---` (`{{- if .Capabilities… }}` above it).
      if (!block) inherited = true;
    }
    at = text.indexOf('{{', end);
  }
  // An unclosed block runs to the end of the text.
  for (const block of open) conditional.push({ start: block.from, end: text.length });
  // A document inside a block opened in an earlier one is conditional from its start to its end.
  if (inherited) conditional.push({ start: 0, end: text.length });
  // Only values written by actions, on lines of their own: no pair or line can have been left out.
  const inline = !inserts && conditional.length === 0 && !wrapped;
  return { text: out.join(''), spans, conditional, ...(wrapped ? { wrapped } : {}), ...(inline ? { inline } : {}) };
}

// Where the action opened at `at` closes (its `}}`). A comment, `{{/* … */}}` or `{{- /* … */ -}}`,
// closes only after its end mark: braces inside it are text (`{{- /* like {{ if $v }} */ -}}`, sweep EP).
const COMMENT_OPEN = /^\{\{-?\s*\/\*/;

function actionClose(text: string, at: number): number {
  const comment = COMMENT_OPEN.exec(text.slice(at, at + 8));
  if (comment) {
    const close = /\*\/\s*-?\}\}/g;
    close.lastIndex = at + comment[0].length;
    const m = close.exec(text);
    if (m) return m.index + m[0].length - 2;
  }
  return text.indexOf('}}', at + 2);
}

/** Whether an offset lies in one of the spans. */
export function within(offset: number, spans: readonly Span[]): boolean {
  return spans.some((s) => offset >= s.start && offset < s.end);
}

/** A `${NAME}` placeholder (envsubst, Flux post-build substitution, `${VAR:=default}`) on one line. */
const PLACEHOLDER = /\$\{[^{}\n]*\}|(?<![\w@])@[A-Za-z_][\w.]+@(?![\w@])|(?<![\w%])%[A-Za-z_][\w.]+%(?![\w%])|(?<![\w{$%#])\{[A-Za-z_][\w.-]*\}(?!\w)|(?<![\w#])#\{[^{}\n]+\}#?/g;
/**
 * A chunk may hold the tokens a `sed` step replaces that YAML cannot read as written: `@NAME@`
 * (`@` is reserved at the start of a plain value: `sed "s/@HTTP_PORT@/8080/g" < x.yaml | kubectl
 * apply -f -`) and `%NAME%` (TeamCity, batch files; `%` starts a directive).
 */
export const MAY_HOLD_TOKENS = /@[A-Za-z_][\w.]+@|%[A-Za-z_][\w.]+%/;
/**
 * `{NAME}`, the token of many Jenkins and shell pipelines (`sed "s/{APP_NAME}/$APP/g"`) and of
 * Python's or Rust's string formatting (`{app_name}`, `{image}`): YAML reads it as a flow mapping
 * (`name: {APP_NAME}` is `{APP_NAME: null}`), or fails on it (`name: {APP_NAME}-web`). No
 * Kubernetes field takes a one-key mapping without a value.
 */
export const MAY_HOLD_BRACE_TOKENS = /(?<![\w{$%#])\{[A-Za-z_][\w.-]*\}(?!\w)/;
/** Whether a value reads as `{name}`: a flow mapping of one key without a value (a token a script fills, template-mask.ts). */
export function readsBraceTokenAsMap(docs: readonly Document[]): boolean {
  const visit = (node: unknown, depth: number): boolean => {
    if (depth > 256 || typeof node !== 'object' || node === null) return false;
    if (isMap(node)) {
      const only = node.items.length === 1 ? node.items[0] : undefined;
      if (node.flow && only && isScalar(only.key) && only.value === null && /^[A-Za-z_][\w.-]*$/.test(String(only.key.value))) return true;
      return node.items.some((pair) => visit(pair.value, depth + 1));
    }
    return isSeq(node) && node.items.some((item) => visit(item, depth + 1));
  };
  return docs.some((doc) => visit(doc.contents, 0));
}

/**
 * Azure DevOps' Replace Tokens `#{Name}#` (and Octopus' `#{Name}`) where YAML starts a comment
 * (a value: `name: #{Name}#` reads as `name:` with nothing; `- #{Name}#`) or fails (`[#{Name}]`).
 * A line that starts with `#{` is a comment.
 * Elsewhere (`PR #{number}` in a script) it is text.
 */
export const MAY_HOLD_HASH_TOKENS = /(?:^[ \t]*-[ \t]+|:[ \t]+|[[,][ \t]*)#\{[^{}\n]+\}/m;
/** Whether a masked placeholder is one of those tokens, not a `${…}`. */
export const isToken = (placeholder: string): boolean => placeholder.startsWith('@') || (placeholder.startsWith('%') && !placeholder.startsWith('%{')) || /^\{[A-Za-z_]/.test(placeholder) || placeholder.startsWith('#{');
/**
 * A directive of a template engine that renders the file before it is applied, removed when it
 * renders: Terraform's `templatefile()` (`%{ if … }`, `%{~ for x in xs ~}`, `%{ endif }`; `%%{` is
 * a literal `%{`), FreeMarker (`<#if …>`, `<#list … as x>`, `<#else>`, `</#if>`, `<#-- … -->`) and
 * Jinja (`{% if … %}`, `{%- for … -%}`, `{% endif %}`, `{# … #}`).
 */
/** A quick test: could the text hold a directive? */
export const MAY_HOLD_DIRECTIVES = /%\{|<\/?#[a-z-]|\{%|\{#/;
const DIRECTIVE = /(?<!%)%\{[^{}\n]*\}|<\/?#[a-z-][^>\n]*>|\{%[^\n]*?%\}|\{#[^\n]*?#\}/g;
const DIRECTIVE_OPEN = /^(?:%\{~?\s*(?:if|for)\b|<#(?:if|list|macro|function|switch)\b|\{%-?\s*(?:if|for|macro|block|filter|call)\b)/;
const DIRECTIVE_END = /^(?:%\{~?\s*end(?:if|for)\b|<\/#(?:if|list|macro|function|switch)\b|\{%-?\s*end(?:if|for|macro|block|filter|call)\b)/;
/** Which engine a directive belongs to (the note names it). */
function engineOf(directive: string): TemplateEngine {
  return directive.startsWith('%') ? 'Terraform' : directive.startsWith('<') ? 'FreeMarker' : 'Jinja';
}

/**
 * `${...}` placeholders masked where they keep a file from parsing, as in
 * `securityContext: { ${POD_SECURITY_CONTEXT} }` or a line holding only `${EXTRA_ARGS}`: there
 * envsubst inserts pairs or lines, so the placeholder becomes blank; inside a value it becomes the
 * same number of `x`, as a template action does. Terraform's `%{ … }` directives likewise; what lies
 * between `%{ if }` or `%{ for }` and its end is rendered any number of times (conditional).
 */
export function maskPlaceholders(text: string): MaskedText {
  const out = text.split('');
  const spans: Span[] = [];
  const conditional: Span[] = [];
  const open: number[] = [];
  let directives = 0;
  let inserts = false;
  const perEngine = new Map<TemplateEngine, number>();
  const matches = [...text.matchAll(PLACEHOLDER), ...(MAY_HOLD_DIRECTIVES.test(text) ? text.matchAll(DIRECTIVE) : [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  for (const match of matches) {
    // A token or a `${…}` in a comment is prose, nothing to substitute for YAML's sake (a directive
    // is masked wherever it is); so is a line that starts with `#{`: a comment to YAML, and no
    // place for a token to insert lines.
    const lineBefore = text.slice(text.lastIndexOf('\n', (match.index ?? 0) - 1) + 1, match.index);
    const placeholder = isToken(match[0]) || match[0].startsWith('$');
    if (placeholder && (/(^|\s)#/.test(lineBefore) || (match[0].startsWith('#') && lineBefore.trim() === ''))) continue;
    if (!match[0].startsWith('$') && !isToken(match[0])) {
      directives++;
      const engine = engineOf(match[0]);
      perEngine.set(engine, (perEngine.get(engine) ?? 0) + 1);
      const at = match.index ?? 0;
      if (DIRECTIVE_OPEN.test(match[0])) open.push(at + match[0].length);
      else if (DIRECTIVE_END.test(match[0])) {
        const from = open.pop();
        if (from !== undefined) conditional.push({ start: from, end: at });
      }
    }
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const nl = text.indexOf('\n', end);
    const before = text.slice(lineStart, start).replace(PLACEHOLDER, '').replace(DIRECTIVE, '').trimEnd();
    const after = text.slice(end, nl < 0 ? text.length : nl).replace(PLACEHOLDER, '').replace(DIRECTIVE, '').trimStart();
    // Where pairs or lines go: alone on its line, or alone between a flow mapping's braces.
    const blank = (before.trim() === '' && after === '') || (before.endsWith('{') && after.startsWith('}'));
    if (blank) inserts = true;
    for (let i = start; i < end; i++) out[i] = blank ? ' ' : 'x';
    spans.push({ start, end });
  }
  // An unclosed block runs to the end of the text.
  for (const from of open) conditional.push({ start: from, end: text.length });
  // The note names the engine most of the directives belong to (a comment may mention another).
  const engine = [...perEngine].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { text: out.join(''), spans, conditional, ...(directives > 0 ? { directives, engine } : !inserts ? { inline: true } : {}) };
}
