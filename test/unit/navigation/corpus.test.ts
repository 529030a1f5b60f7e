/**
 * Completion, navigation, the outline and the lens summaries on every manifest of the real-world
 * corpus: nothing throws, wherever the cursor is, and every outline nests correctly.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { test } from 'node:test';
import { complete } from '../../../server/src/completion';
import { analyzeText } from '../../../server/src/core/analyze';
import { linksAt } from '../../../server/src/navigation/links';
import { workspaceLinksAt } from '../../../server/src/navigation/workspace-links';
import { workspaceRenameTarget } from '../../../server/src/navigation/workspace-rename';
import { outline, type OutlineNode } from '../../../server/src/navigation/outline';
import { podSummaries } from '../../../server/src/navigation/pod-summary';
import { corpusDir, yamlFiles } from '../../helpers/paths';

function nests(nodes: readonly OutlineNode[], parent?: OutlineNode): boolean {
  return nodes.every(
    (n) => n.start <= n.selStart && n.selEnd <= n.end && (!parent || (parent.start <= n.start && n.end <= parent.end)) && nests(n.children, n),
  );
}

const t = (key: string): string => key;

test('completion and navigation never throw on the corpus, and outlines nest', () => {
  const files = yamlFiles(corpusDir);
  assert.ok(files.length > 100);
  let proposals = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const analysis = analyzeText(text);
    const name = relative(corpusDir, file);
    assert.ok(nests(outline(analysis, t)), name);
    podSummaries(analysis);
    // Up to 25 line ends (a value or a key being typed) and as many points inside lines, spread over the file.
    const ends = [...text.matchAll(/\n/g)].map((m) => m.index ?? 0);
    const step = Math.max(1, Math.ceil(ends.length / 25));
    const offsets = ends.filter((_, i) => i % step === 0).flatMap((e) => [e, Math.max(0, e - 5)]);
    for (const offset of offsets) {
      try {
        proposals += complete(analysis, offset, t)?.items.length ?? 0;
        linksAt(analysis, offset);
        workspaceLinksAt(analysis, offset, { peers: [], source: file });
        workspaceRenameTarget(analysis, offset, { peers: [], source: file });
      } catch (error) {
        assert.fail(`${name} at ${offset}: ${String(error instanceof Error ? error.stack : error)}`);
      }
    }
  }
  assert.ok(proposals > 0);
});
