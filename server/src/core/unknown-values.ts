/**
 * Values nobody can know before a tool renders the file: Go/Helm template actions (`{{ }}`),
 * envsubst-style placeholders (`${VAR}`, `${VAR:-default}`, `$VAR`, sed's `__VAR__`; Flux post-build
 * substitution, Skaffold, CI templating), and Tekton's own `$(params.x)` substitutions. Such a
 * value is made `null` in the parsed document, which every rule treats as "not given", so no
 * finding ever comes from it; a placeholder with a default is checked as its default.
 * Kubernetes' own `$(VAR)` (in `command`, `args` and `env`) is left alone: the kubelet expands it.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';
import type { Span } from '../rules/types';

const UNKNOWN = new WeakSet<object>();
/** The text a scalar held before a placeholder made it unknown (not for masked template nodes: their text is gone). */
const WRITTEN = new WeakMap<object, string>();

/** Marks a node unknown: the value an action on the lines below its key writes (see open-collections.ts). */
export function markUnknown(node: object): void {
  UNKNOWN.add(node);
}

/** True for a node whose value was a template marker or a placeholder (now unknown). */
export function isUnknownValue(node: unknown): boolean {
  return typeof node === 'object' && node !== null && UNKNOWN.has(node);
}

/**
 * The string a scalar held before a placeholder in it made it unknown, placeholders and all:
 * a configuration file in a ConfigMap (`proxy_set_header Host $host;`) is read through it by the
 * listener readers, which take no directive holding a placeholder at face value. Undefined for
 * values that were never unknown, and for nodes a masked template action touched.
 */
export function writtenText(node: unknown): string | undefined {
  return typeof node === 'object' && node !== null ? WRITTEN.get(node) : undefined;
}

/** A quick test on a chunk's text: could it hold anything `markUnknownValues` changes? */
export const MAY_HOLD_MARKERS = /\{\{|\$\{|\$[A-Za-z_]|\$\([A-Za-z_]|<\/?#[a-z]|\{%|__[A-Z]|<[A-Za-z]|%[A-Za-z_][\w.]+%|#\{|@[A-Za-z_][\w.]+@|\(@[=-]|\{[A-Za-z_][\w.-]*\}/;

// `${...}` holds any expression: envsubst's `${VAR:-default}`, Garden's `${var.port}` and
// `${a || 3}`, Jenkins' `${env.X}`, all substituted before the manifest is applied; so are
// FreeMarker (`<#if x>A<#else>B</#if>`) and Jinja (`{% if x %}A{% endif %}`) directives in a value,
// the `__NAME__` tokens CI scripts replace with sed (`sed "s/__PORT__/$PORT/g" | kubectl apply -f -`),
// sed's and Maven resource filtering's `@NAME@` / `@project.version@`, TeamCity's and batch files'
// `%NAME%` / `%build.number%` (two characters at least: `%H%M%S` is a date format), Octopus
// Deploy's and Azure DevOps' Replace Tokens `#{Name}` / `#{Name | ToLower}`, ytt's `(@= expr @)`,
// and `{NAME}` / `{app_name}` inside a value (`web-{ENV}`: sed tokens, Python's and Rust's formatting).
const MARKER = /\{\{|<\/?#[a-z]|\{%|\$\{[^{}\n]+\}|\$[A-Za-z_][A-Za-z0-9_]*|(?<![A-Za-z0-9_])__[A-Z][A-Z0-9_]*__(?![A-Za-z0-9_])|(?<![A-Za-z0-9_%])%[A-Za-z_][A-Za-z0-9_.]+%(?![A-Za-z0-9_])|(?<![A-Za-z0-9_@])@[A-Za-z_][A-Za-z0-9_.]+@(?![A-Za-z0-9_@])|#\{[^{}\n]+\}|(?<![\w{$%#])\{[A-Za-z_][\w.-]*\}(?!\w)|\(@[=-]|\$\((?:params|inputs|outputs|workspaces|context|tasks|steps|results|resources)\.[^)]*\)/;
/**
 * A documentation placeholder the reader replaces (`app: <YOUR-APPLICATION-NAME>`,
 * `image: gcr.io/<PROJECT_ID>/app`), in a one-line value: no Kubernetes name, label or port holds
 * angle brackets. Written with a capital, `-` or `_` (`<namespace>` or `<script>` is read as
 * written: markup, which the diagram shows literally). Not in a block scalar, where `<html>` is a
 * configuration file's own text.
 */
const ANGLE_PLACEHOLDER = /<(?=[A-Za-z0-9_.-]*[A-Z_-])[A-Za-z][A-Za-z0-9_.-]*>/;
/** A key holding `${NAME}` (`${LOG_KEY}: debug`): no Kubernetes key may hold `$` or braces, so it is filled in before apply. */
const PLACEHOLDER_KEY = /\$\{[^{}\n]+\}/;
/** Fields whose `$(NAME)` the kubelet expands from the container's env (command and args are lists). */
const KUBELET_EXPANDED = new Set(['value', 'subPathExpr']);
/** A whole value that is one kustomize var reference, `$(NAME)`. */
const KUSTOMIZE_VAR = /^\$\([A-Za-z_][A-Za-z0-9_.]*\)$/;

/** A whole value that is one placeholder with a default: `${PULL:-Always}`, `${PORT:=8080}`, `${X-y}`. */
const WITH_DEFAULT = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?[-=]([^}]*)\}$/;

/**
 * The default as envsubst would leave it, read as go-yaml reads a plain scalar (surrounding
 * spaces are the line's, not the value's); unknown (null) when it holds a variable itself
 * (`${PULL:-$DEFAULT_PULL}`), which envsubst expands too.
 */
function defaultValue(written: string, plain: boolean): unknown {
  if (written.includes('$')) return null;
  if (!plain) return written;
  const text = written.trim();
  if (/^[-+]?\d+$/.test(text)) return Number(text);
  if (/^(?:true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (text === '' || text === '~' || /^null$/i.test(text)) return null;
  return text;
}

function overlaps(node: Node, spans: readonly Span[]): boolean {
  const r = node.range;
  return !!r && spans.some((s) => s.start < Math.max(r[1], r[0] + 1) && r[0] < s.end);
}

function markScalar(node: Scalar, masked: readonly Span[]): void {
  if (masked.length > 0 && overlaps(node, masked)) {
    node.value = null;
    UNKNOWN.add(node);
    return;
  }
  const value = node.value;
  if (typeof value !== 'string' || !(MARKER.test(value) || (ANGLE_PLACEHOLDER.test(value) && !value.includes('\n')))) return;
  WRITTEN.set(node, value);
  const fallback = WITH_DEFAULT.exec(value);
  const plain = node.type === undefined || node.type === 'PLAIN';
  node.value = fallback ? defaultValue(fallback[1] ?? '', plain) : null;
  if (fallback && typeof node.value === 'string') node.source = node.value;
  UNKNOWN.add(node);
}

/**
 * Marks the unknown values (and keys) of a parsed document. `masked`: the spans of template
 * actions replaced before parsing (see template-mask.ts); any node touching one is unknown.
 */
export function markUnknownValues(doc: Document, masked: readonly Span[] = []): void {
  const visit = (node: unknown, depth: number): void => {
    if (depth > 256 || typeof node !== 'object' || node === null) return;
    if (isScalar(node)) markScalar(node, masked);
    else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        // `targetPort: $(APP_PORT)`: a kustomize var (a `varReference` configuration puts them in
        // any field); in an env value, command, args or a mount's subPathExpr `$(X)` is
        // Kubernetes' own expansion.
        if (isScalar(pair.value) && typeof pair.value.value === 'string' && KUSTOMIZE_VAR.test(pair.value.value) && !(isScalar(pair.key) && KUBELET_EXPANDED.has(pair.key.value as string))) {
          WRITTEN.set(pair.value, pair.value.value);
          pair.value.value = null;
          UNKNOWN.add(pair.value);
        }
        if (isScalar(pair.key)) {
          const key = pair.key;
          // A key built by a template or a placeholder is unknown too: its pair is skipped by the validator.
          if ((masked.length > 0 && overlaps(key, masked)) || (typeof key.value === 'string' && (key.value.includes('{{') || PLACEHOLDER_KEY.test(key.value)))) UNKNOWN.add(key);
        }
        visit(pair.value, depth + 1);
      }
    } else if (isSeq(node)) for (const item of node.items) visit(item, depth + 1);
  };
  visit(doc.contents, 0);
}
