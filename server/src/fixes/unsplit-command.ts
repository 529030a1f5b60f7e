/**
 * unsplit-command: write the command line as its words (`[python, app.py]`), preferred when it has
 * no shell syntax; or run it through a shell (`[sh, -c, "…"]`), preferred when it has some (quotes,
 * `$VAR`, pipes), which only a shell reads. Either way the program then runs. A flag joined to its
 * value by a space is written `--flag=value`.
 */
import { isScalar } from 'yaml';
import { getNode } from '../core/yaml-access';
import { unsplitCommands } from '../rules/unsplit-command';
import { containerByPath, fact, replaceAtFinding } from './find';
import type { Fix, FixProvider } from './types';
import { flowText } from './yaml-edit';

export const unsplitCommandFixes: FixProvider = (ctx) => {
  const joined = fact(ctx, 'joinedFlag');
  if (typeof joined === 'string') {
    // `--flag=value`: one argument that every long-option parser reads, in the item's own place.
    const edits = replaceAtFinding(ctx, joined);
    return edits.length ? [{ title: ctx.t('fix.unsplit-command.join-flag', { item: joined }), edits, preferred: true }] : [];
  }
  const hit = containerByPath(ctx, fact(ctx, 'containerPath'));
  const field = fact(ctx, 'field');
  if (!hit) return [];
  const found = unsplitCommands(hit.container, hit.pod).find((s) => s.field === field);
  const range = found?.seq.range;
  if (!found || !range) return [];
  const rest = found.seq.items.slice(1);
  // Items a flow list cannot hold as they are (block scalars, several lines) are left to the user.
  if (!rest.every((i) => isScalar(i) && (typeof i.value === 'string' || typeof i.value === 'number') && !String(i.value).includes('\n'))) return [];
  const restValues = rest.map((i) => String((i as { value: unknown }).value));
  const line = found.first.value.trim();
  const text = ctx.analysis.text;
  // A block list's range runs to the next key's line: keep its line break.
  let end = ctx.chunk.start + range[1];
  while (end > ctx.chunk.start + range[0] && /\s/.test(text[end - 1] ?? '')) end--;
  const at = (newText: string): Fix['edits'] => [{ start: ctx.chunk.start + range[0], end, newText }];
  const shell = fact(ctx, 'shell') === true;
  const fixes: Fix[] = [];
  if (!shell) {
    const words = [...line.split(/\s+/), ...restValues];
    fixes.push({ title: ctx.t('fix.unsplit-command.split', { words: flowText(words) }), edits: at(flowText(words)), preferred: true });
  }
  // A shell reads the whole line; words after it (or `args`) would become its $0, $1…: only for a lone line.
  const args = found.field === 'command' && getNode(hit.container.node, 'args', hit.pod.doc) !== undefined;
  if (restValues.length === 0 && !args) fixes.push({ title: ctx.t('fix.unsplit-command.shell', { line }), edits: at(`[sh, -c, ${JSON.stringify(line)}]`), preferred: shell });
  return fixes;
};
