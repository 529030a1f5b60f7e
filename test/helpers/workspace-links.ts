/** Test helper for workspace navigation: the links at a needle of one file, with the others as its peers. */
import assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/core/analyze';
import { workspaceLinksAt, type Place } from '../../server/src/navigation/workspace-links';
import { peer } from './workspace';

/** Links at the `occurrence`-th `needle` (+1 char) of `files[self]`, each place as `file: text`. */
export function linksIn(self: string, files: Record<string, string>, needle: string, occurrence = 0, namespaces: Record<string, string> = {}) {
  const text = files[self] as string;
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  const peers = Object.entries(files)
    .filter(([path]) => path !== self)
    .map(([path, t]) => peer(t, path, namespaces[path]));
  const found = workspaceLinksAt(analyzeText(text), at + 1, { peers, source: self, namespace: namespaces[self] });
  const show = (p: Place): string => {
    const t = p.source === undefined ? text : (files[p.source] as string);
    return `${p.source ?? self}: ${t.slice(p.start, p.end)}`;
  };
  return found && { kind: found.kind, name: found.name, defs: found.definitions.map(show), refs: found.references.map(show) };
}
