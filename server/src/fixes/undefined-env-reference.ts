/**
 * undefined-env-reference: move the definition above the entry that uses it (block lists), or
 * refer to the defined variable closest to the name.
 */
import { envOf } from '../k8s/env';
import { containersAt, fact, writtenIn } from './find';
import type { Fix, FixProvider } from './types';
import { lineStart, nextLineStart, type OffsetEdit } from './yaml-edit';

export const undefinedEnvReferenceFixes: FixProvider = (ctx) => {
  const name = fact(ctx, 'name');
  if (typeof name !== 'string') return [];
  const fixes: Fix[] = [];
  const suggestion = fact(ctx, 'suggestion');
  const text = ctx.analysis.text;
  // An exec probe or hook run by a shell (or PowerShell): it reads the variable from the container's environment.
  if (fact(ctx, 'probeValueFrom') === true) {
    const { start, end } = ctx.finding;
    if (text.slice(start, end) !== `$(${name})`) return [];
    const edit = environmentReference(text, start, end, name, { shell: fact(ctx, 'shell') === true, powershell: fact(ctx, 'powershell') === true, quotes: fact(ctx, 'quotes'), style: fact(ctx, 'style') });
    return edit ? [{ title: ctx.t('fix.replace', { from: text.slice(edit.start, edit.end), to: edit.newText }), edits: [edit], preferred: true }] : [];
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

/**
 * The edit that reads `name` from the environment at run time: `${NAME}` in a shell (`"${NAME}"`
 * in place of a single-quoted `'$(NAME)'`, and closing the quotes around it inside a longer
 * single-quoted text, where the shell expands nothing), `$env:NAME` in PowerShell. `style` is the
 * YAML scalar's: quotes of the script are written as that scalar needs them (`\"`, `''`).
 */
function environmentReference(text: string, start: number, end: number, name: string, facts: { shell: boolean; powershell: boolean; quotes: unknown; style: unknown }): OffsetEdit | undefined {
  if (facts.powershell) return { start, end, newText: `$env:${name}` };
  if (!facts.shell) return undefined;
  const variable = `\${${name}}`;
  if (facts.quotes !== "'") return { start, end, newText: variable };
  const yaml = (script: string): string =>
    facts.style === 'QUOTE_DOUBLE' ? script.replace(/"/g, '\\"') : facts.style === 'QUOTE_SINGLE' ? script.replace(/'/g, "''") : script;
  const quote = yaml("'");
  if (text.slice(start - quote.length, start) === quote && text.slice(end, end + quote.length) === quote) {
    return { start: start - quote.length, end: end + quote.length, newText: yaml(`"${variable}"`) };
  }
  return { start, end, newText: yaml(`'"${variable}"'`) };
}
