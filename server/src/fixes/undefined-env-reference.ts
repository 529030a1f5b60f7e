/**
 * undefined-env-reference: move the definition above the entry that uses it (block lists), or
 * refer to the defined variable closest to the name.
 */
import { envOf } from '../k8s/env';
import { containersAt, fact, writtenIn } from './find';
import type { Fix, FixProvider } from './types';
import { lineStart, nextLineStart } from './yaml-edit';

export const undefinedEnvReferenceFixes: FixProvider = (ctx) => {
  const name = fact(ctx, 'name');
  if (typeof name !== 'string') return [];
  const fixes: Fix[] = [];
  const suggestion = fact(ctx, 'suggestion');
  const text = ctx.analysis.text;
  // An exec probe run by a shell: the shell reads the variable from the container's environment.
  if (fact(ctx, 'probeValueFrom') === true) {
    if (fact(ctx, 'shell') !== true || text.slice(ctx.finding.start, ctx.finding.end) !== `$(${name})`) return [];
    return [{ title: ctx.t('fix.replace', { from: `$(${name})`, to: `\${${name}}` }), edits: [{ start: ctx.finding.start, end: ctx.finding.end, newText: `\${${name}}` }], preferred: true }];
  }
  if (typeof suggestion === 'string' && text.slice(ctx.finding.start, ctx.finding.end) === `$(${name})`) {
    fixes.push({ title: ctx.t('fix.replace', { from: `$(${name})`, to: `$(${suggestion})` }), edits: [{ start: ctx.finding.start, end: ctx.finding.end, newText: `$(${suggestion})` }], preferred: true });
  }
  const entryIndex = fact(ctx, 'entry');
  const definitionIndex = fact(ctx, 'definition');
  if (fact(ctx, 'later') === true && typeof entryIndex === 'number' && typeof definitionIndex === 'number') {
    const hit = containersAt(ctx, (c) => c).find((h) => (fact(ctx, 'container') === undefined || h.container.name === fact(ctx, 'container')) && envOf(h.container, h.pod.doc).seq?.range);
    const env = hit && envOf(hit.container, hit.pod.doc);
    const entry = env?.entries.find((e) => e.index === entryIndex);
    const definition = env?.entries.find((e) => e.index === definitionIndex);
    if (hit && env?.seq && !env.seq.flow && entry?.node.range && definition?.node.range && writtenIn(env.seq, hit.container.node)) {
      // Whole lines: the definition's item moves above the entry's item, comments and all.
      const from = lineStart(text, ctx.chunk.start + definition.node.range[0]);
      const to = nextLineStart(text, ctx.chunk.start + definition.node.range[1] - 1);
      const at = lineStart(text, ctx.chunk.start + entry.node.range[0]);
      const moved = text.slice(from, to);
      if (/^\s*-\s/.test(moved) && /^\s*-\s/.test(text.slice(at))) {
        fixes.push({ title: ctx.t('fix.undefined-env-reference.move', { name }), edits: [{ start: at, end: at, newText: moved.endsWith('\n') ? moved : `${moved}\n` }, { start: from, end: to, newText: '' }], preferred: fixes.length === 0 });
      }
    }
  }
  return fixes;
};
