/**
 * yaml-syntax: YAML errors in a chunk that looks like a Kubernetes manifest. Templated chunks are
 * never reported (they are not YAML until rendered), nor chunks of other YAML files.
 * Where Kubernetes' go-yaml decoder is more lenient than the YAML spec, so are we: it accepts the
 * `\'` escape in double quotes, and a duplicate key only makes the later value win (a warning).
 */
import type { Rule } from './types';

/** Past this many syntax errors in one document, one more finding gives the count. */
const MAX_PER_CHUNK = 20;
const LOOKS_K8S = /^\s*(?:apiVersion|kind)\s*:/m;
/** A key as written: quoted, or plain up to the `:` (or the end of a flow item). */
const KEY = /^(?:"[^"\n]*"|'[^'\n]*'|[^:\n,{}[\]]*)/;

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
      for (const error of doc.errors) {
        const start = Math.min(error.pos[0], text.length);
        if (error.code === 'BAD_DQ_ESCAPE' && text.startsWith("\\'", start)) continue;
        const duplicate = error.code === 'DUPLICATE_KEY';
        // One error per broken region: the errors that follow within two lines are its echoes.
        if (!duplicate) {
          const inRegion = start <= regionEnd;
          regionEnd = lineEndAfter(text, start, 2);
          if (inRegion) continue;
        }
        if (reported >= MAX_PER_CHUNK) {
          hidden++;
          continue;
        }
        reported++;
        // `yaml` points at one character; a duplicate key is underlined (and named) whole.
        const keyLength = duplicate ? (KEY.exec(text.slice(start, start + 256))?.[0].trimEnd().length ?? 0) : 0;
        const end = Math.min(text.length, Math.max(error.pos[1], start + 1, start + keyLength));
        ctx.report({
          node: { start, end },
          message: duplicate
            ? ctx.t('yaml-syntax.duplicate-key', { key: text.slice(start, end).replace(/^(["'])(.*)\1$/, '$2') })
            : ctx.t('yaml-syntax.message', { message: error.message.split('\n')[0] ?? '' }),
          severity: duplicate ? 'warning' : undefined,
          data: { yamlCode: error.code },
        });
      }
    }
    if (hidden > 0) ctx.report({ node: { start: text.length, end: text.length }, message: ctx.t('yaml-syntax.more', { count: hidden, shown: MAX_PER_CHUNK }) });
  },
};

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
