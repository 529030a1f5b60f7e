/**
 * yaml-syntax: YAML errors in a chunk that looks like a Kubernetes manifest. Templated chunks are
 * never reported (they are not YAML until rendered), nor chunks of other YAML files.
 * Where Kubernetes' go-yaml decoder is more lenient than the YAML spec, so are we: it accepts the
 * `\'` escape in double quotes, and a duplicate key only makes the later value win (a warning).
 */
import type { Rule } from './types';

const LOOKS_K8S = /^\s*(?:apiVersion|kind)\s*:/m;

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  check(ctx) {
    if (ctx.options.reportSyntax === false || ctx.chunk.templated || !LOOKS_K8S.test(ctx.chunk.text)) return;
    for (const doc of ctx.chunk.docs) {
      for (const error of doc.errors) {
        const [start, end] = error.pos;
        if (error.code === 'BAD_DQ_ESCAPE' && ctx.chunk.text.startsWith("\\'", start)) continue;
        const duplicate = error.code === 'DUPLICATE_KEY';
        ctx.report({
          node: { start, end: Math.max(end, start + 1) },
          message: duplicate
            ? ctx.t('yaml-syntax.duplicate-key', { key: ctx.chunk.text.slice(start, end) })
            : ctx.t('yaml-syntax.message', { message: error.message.split('\n')[0] ?? '' }),
          severity: duplicate ? 'warning' : undefined,
          data: { yamlCode: error.code },
        });
      }
    }
  },
};
