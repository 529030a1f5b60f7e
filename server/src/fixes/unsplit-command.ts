/**
 * unsplit-command: write the command line as its words (`[python, app.py]`), preferred when it has
 * no shell syntax; or run it through a shell (`[sh, -c, "…"]`), preferred when it has some (quotes,
 * `$VAR`, pipes), which only a shell reads. Either way the program then runs.
 */
import { isScalar } from 'yaml';
import { unsplitCommands } from '../rules/unsplit-command';
import { containerByPath, fact } from './find';
import type { Fix, FixProvider } from './types';
import { flowText } from './yaml-edit';

export const unsplitCommandFixes: FixProvider = (ctx) => {
  const hit = containerByPath(ctx, fact(ctx, 'containerPath'));
  const field = fact(ctx, 'field');
  if (!hit) return [];
  const found = unsplitCommands(hit.container, hit.pod).find((s) => s.field === field);
  const range = found?.seq.range;
  if (!found || !range) return [];
  const rest = found.seq.items.slice(1);
  if (!rest.every((i) => isScalar(i) && (typeof i.value === 'string' || typeof i.value === 'number'))) return [];
  const restValues = rest.map((i) => String((i as { value: unknown }).value));
  const line = found.first.value.trim();
  const words = line.split(/\s+/);
  const replace = (items: string[]): Fix['edits'] => [{ start: ctx.chunk.start + range[0], end: ctx.chunk.start + range[1], newText: flowText(items) }];
  const shell = fact(ctx, 'shell') === true;
  const fixes: Fix[] = [];
  if (!shell) fixes.push({ title: ctx.t('fix.unsplit-command.split', { words: flowText([...words, ...restValues]) }), edits: replace([...words, ...restValues]), preferred: true });
  // A shell reads the whole line; words after it become its $0, $1…, so they join the line only when there are none.
  // The line quoted, as shell lines are usually written (and read).
  const shellEdit = [{ start: ctx.chunk.start + range[0], end: ctx.chunk.start + range[1], newText: `[sh, -c, ${JSON.stringify(line)}]` }];
  if (restValues.length === 0) fixes.push({ title: ctx.t('fix.unsplit-command.shell', { line }), edits: shellEdit, preferred: shell });
  return fixes;
};
