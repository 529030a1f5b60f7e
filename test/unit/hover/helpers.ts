/** Hover test helpers: hover at the n-th occurrence of a needle in inline YAML. */
import { analyzeText } from '../../../server/src/core/analyze';
import { hoverAt, type HoverResult } from '../../../server/src/hover';
import type { Locale } from '../../../server/src/l10n';
import type { AnalysisOptions } from '../../../server/src/rules/types';

export interface TestHover extends HoverResult {
  /** The text the hover range covers. */
  readonly text: string;
}

/** Hovers one character into the `nth` (0-based) occurrence of `needle` (plus `delta`). */
export function hoverOn(yaml: string, needle: string, opts: { nth?: number; delta?: number; locale?: Locale; options?: AnalysisOptions } = {}): TestHover | undefined {
  let at = -1;
  for (let i = 0; i <= (opts.nth ?? 0); i++) {
    at = yaml.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`needle ${JSON.stringify(needle)} #${i} not found`);
  }
  const locale = opts.locale ?? 'en';
  const options = { ...opts.options, locale };
  const analysis = analyzeText(yaml, options);
  const h = hoverAt(analysis, at + (opts.delta ?? 1), locale, options);
  return h && { ...h, text: yaml.slice(h.start, h.end) };
}

/** Like hoverOn, but fails when there is no hover. */
export function mustHover(yaml: string, needle: string, opts: Parameters<typeof hoverOn>[2] = {}): TestHover {
  const h = hoverOn(yaml, needle, opts);
  if (!h) throw new Error(`no hover on ${needle}`);
  return h;
}
