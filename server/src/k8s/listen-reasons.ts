/**
 * Why Podsight cannot tell what a container's process binds ("unsure"): a message key and its
 * arguments, kept as data so that hovers and messages say it in the user's language
 * (`listener.why.<key>` in server/src/l10n). A reason may nest another (`mounted-at` wraps why
 * a volume cannot be read); directives and paths are quoted as written.
 */

/** Every reason a listener reader gives; each has a `listener.why.<key>` message in every locale. */
export const REASON_KEYS = [
  'args-program',
  'field-template',
  'arg-placeholder',
  'env-unreadable',
  'env-from',
  'not-a-port',
  'bind-port',
  'config-arg',
  'feature-arg',
  'config-mount',
  'volume-missing',
  'volume-source',
  'config-map-elsewhere',
  'sub-path-expr',
  'mounted-at',
  'volume-over',
  'not-a-key',
  'file-not-mounted',
  'file-unreadable',
  'unparsable',
  'directive-in',
  'placeholder-in',
  'in-section',
  'image-file',
  'template-block',
  'template-value',
  'nginx-no-conf',
  'nginx-envsubst-settings',
  'nginx-template-var',
  'nginx-templates-read-only',
  'httpd-flag',
  'httpd-no-listen',
  'caddy-command',
  'caddy-adapter',
  'caddy-heredoc',
  'caddy-outside',
  'caddy-braces',
  'envoy-flag',
  'envoy-no-c',
  'envoy-lds',
  'nats-flag',
  'port-flag',
  'repeated-flag',
  'single-dash',
  'config-env',
  'env-file',
  'address-list',
  'registry-no-config',
  'switch-value',
  'tomcat-no-connector',
] as const;

export type ReasonKey = (typeof REASON_KEYS)[number];

export interface UnsureReason {
  readonly key: ReasonKey;
  readonly args?: Readonly<Record<string, string | number | UnsureReason>>;
}

export function reason(key: ReasonKey, args?: UnsureReason['args']): UnsureReason {
  return args ? { key, args } : { key };
}

/** A directive of a file the reader cannot take at face value (a placeholder in it makes that explicit). */
export function directiveIn(directive: string, file: string): UnsureReason {
  return reason(/\$|\{\{/.test(directive) ? 'placeholder-in' : 'directive-in', { directive, file });
}

type Translate = (key: string, args?: Readonly<Record<string, string | number>>) => string;

/** The reason in words, nested reasons first. */
export function reasonText(t: Translate, why: UnsureReason): string {
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(why.args ?? {})) args[k] = typeof v === 'object' ? reasonText(t, v) : v;
  return t(`listener.why.${why.key}`, args);
}
