/**
 * A ConfigMap value as the listener readers see a mounted file. A value holding `$VAR`,
 * `${VAR}` or `{{ }}` is unknown to the rules (core/unknown-values.ts: a tool may fill it in
 * before apply), yet in a configuration file most of these are the program's own syntax
 * (nginx's `$host`, httpd's `${APACHE_LOG_DIR}`). So the readers get the text as written, and
 * each takes no directive that holds a placeholder at face value (the container is then unsure).
 * Go template actions are made one opaque word (`${template}`), so that a value action
 * (`server_name {{ .Values.host }};`) keeps the file's structure; a block action (`{{ if }}`,
 * `{{ range }}`…) may render what it wraps zero or many times, so such a file is not read.
 */
import type { ConfigMapKey } from './config-maps';
import { reason, type UnsureReason } from './listen-reasons';

/** The word a template action becomes: a placeholder to every reader (`$`, `{`, not a number). */
export const TEMPLATE_WORD = '${template}';

const BLOCK_ACTION = /\{\{-?\s*(?:if|else|range|with|define|block|template|end|break|continue)\b[\s\S]*?\}\}/;
const ACTION = /\{\{[\s\S]*?\}\}/g;

/** The text a reader parses, or why the file cannot be read. */
export function readableText(value: ConfigMapKey, file: string): { readonly text: string } | UnsureReason {
  if (value.template) return reason('template-value', { file });
  if (!value.placeholders || !value.value.includes('{{')) return { text: value.value };
  const block = BLOCK_ACTION.exec(value.value);
  if (block) return reason('template-block', { file, action: block[0].replace(/\s+/g, ' ').slice(0, 60) });
  return { text: value.value.replace(ACTION, TEMPLATE_WORD) };
}

/**
 * Whether a word is (or holds) a placeholder a tool or the program fills in: `$X`, `${X}`, `{$X}`,
 * a template, a sed token (`__PORT__`) or a documentation placeholder (`<YOUR-PORT>`).
 */
export function holdsPlaceholder(word: string): boolean {
  return /\$|\{\{|(?<![A-Za-z0-9_])__[A-Z][A-Z0-9_]*__(?![A-Za-z0-9_])|<(?=[A-Za-z0-9_.-]*[A-Z_-])[A-Za-z][A-Za-z0-9_.-]*>/.test(word);
}
