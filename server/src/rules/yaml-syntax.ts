/**
 * yaml-syntax: YAML errors in a chunk that looks like a Kubernetes manifest. Templated chunks are
 * never reported (they are not YAML until rendered), nor chunks of other YAML files.
 * Where Kubernetes' go-yaml decoder is more lenient than the YAML spec, so are we: it accepts the
 * `\'` escape in double quotes, and a duplicate key only makes the later value win (a warning).
 */
import type { Rule } from './types';

const LOOKS_K8S = /^\s*(?:apiVersion|kind)\s*:/m;
/** A key as written: quoted, or plain up to the `:` (or the end of a flow item). */
const KEY = /^(?:"[^"\n]*"|'[^'\n]*'|[^:\n,{}[\]]*)/;

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  check(ctx) {
    if (ctx.options.reportSyntax === false || ctx.chunk.templated || ctx.chunk.masked || !LOOKS_K8S.test(ctx.chunk.text)) return;
    for (const doc of ctx.chunk.docs) {
      for (const error of doc.errors) {
        const text = ctx.chunk.text;
        const start = Math.min(error.pos[0], text.length);
        if (error.code === 'BAD_DQ_ESCAPE' && text.startsWith("\\'", start)) continue;
        const duplicate = error.code === 'DUPLICATE_KEY';
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
  },
};
