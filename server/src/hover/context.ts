/**
 * What every hover builder gets: the located node, the locale and the analysis options, plus
 * small Markdown helpers. Pure: no connection, no editor.
 */
import type { FileAnalysis } from '../core/analyze';
import type { Located } from '../core/locate';
import { t as translate, type Locale } from '../l10n';
import type { AnalysisOptions } from '../rules/types';

/** The inputs of one hover request. */
export interface HoverContext {
  readonly analysis: FileAnalysis;
  readonly loc: Located;
  readonly locale: Locale;
  readonly options: AnalysisOptions;
  t(key: string, args?: Readonly<Record<string, string | number>>): string;
}

/** A hover: Markdown and the absolute [start, end) it applies to. */
export interface HoverResult {
  readonly markdown: string;
  readonly start: number;
  readonly end: number;
}

export function makeContext(analysis: FileAnalysis, loc: Located, locale: Locale, options: AnalysisOptions): HoverContext {
  return { analysis, loc, locale, options, t: (key, args) => translate(locale, key, args) };
}

/** Inline code, safe for backticks inside. */
export function code(text: string | number): string {
  const s = String(text);
  return s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A small Markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [`| ${header.map(cell).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

/** A kubernetes.io page the hovers link to (its label is `hover.link.<key>` in the catalogue). */
export type DocKey = keyof typeof DOCS;

/** The "Learn more" line: localised labels, kubernetes.io links. */
export function learnMore(ctx: HoverContext, keys: readonly DocKey[]): string {
  return ctx.t('hover.learn-more', { links: keys.map((k) => `[${ctx.t(`hover.link.${k}`)}](${DOCS[k]})`).join(' · ') });
}

/** Joins quoted names with the locale's list separator. */
export function nameList(ctx: HoverContext, names: readonly string[]): string {
  return names.map((n) => code(n)).join(ctx.t('hover.list-sep'));
}

/** kubernetes.io pages the hovers point at. */
export const DOCS = {
  pods: 'https://kubernetes.io/docs/concepts/workloads/pods/',
  podNetworking: 'https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking',
  networking: 'https://kubernetes.io/docs/concepts/services-networking/',
  sidecars: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/',
  initContainers: 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/',
  volumes: 'https://kubernetes.io/docs/concepts/storage/volumes/',
  emptyDir: 'https://kubernetes.io/docs/concepts/storage/volumes/#emptydir',
  hostPath: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
  configMap: 'https://kubernetes.io/docs/concepts/storage/volumes/#configmap',
  secret: 'https://kubernetes.io/docs/concepts/storage/volumes/#secret',
  subPath: 'https://kubernetes.io/docs/concepts/storage/volumes/#using-subpath',
  configMapUpdates: 'https://kubernetes.io/docs/concepts/configuration/configmap/#mounted-configmaps-are-updated-automatically',
  secrets: 'https://kubernetes.io/docs/concepts/configuration/secret/',
  pv: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/',
  projected: 'https://kubernetes.io/docs/concepts/storage/projected-volumes/',
  ephemeral: 'https://kubernetes.io/docs/concepts/storage/ephemeral-volumes/',
  downwardApi: 'https://kubernetes.io/docs/concepts/workloads/pods/downward-api/',
  images: 'https://kubernetes.io/docs/concepts/containers/images/',
  shareProcessNamespace: 'https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/',
  hostPort: 'https://kubernetes.io/docs/concepts/configuration/overview/#services',
  statefulSetStorage: 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-storage',
} as const;
