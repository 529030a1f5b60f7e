/**
 * What every hover over the examples and the e2e fixtures must hold: no "?" standing in for a
 * missing value, a size that fits the hover box (about 1,200 characters), and never the text of a
 * diagnostic (VS Code shows it above the hover already).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { hoverAt } from '../../../server/src/hover';
import { examplesDir, repoRoot, yamlFiles } from '../../helpers/paths';
import { mustHover } from './helpers';

/** `?` as a value: `` `?` ``, `?/TCP`, or a lone `?` between spaces, colons, slashes, brackets. */
const PLACEHOLDER = /`\?`|\?\/[A-Z]|(^|[\s(:/])\?(?=$|[\s)/:,.])/m;
/** "About 1,200": the longest hovers are field documentation that Kubernetes writes. */
const BUDGET = 1300;

const files = [...yamlFiles(examplesDir), ...yamlFiles(join(repoRoot, 'test', 'e2e', 'workspace'))];

test('no hover over the examples and fixtures has a "?" placeholder, repeats a diagnostic or overruns', () => {
  let hovers = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const locale of ['en', 'zh-cn'] as const) {
      const analysis = analyzeText(text, { locale });
      const messages = analysis.findings.map((f) => f.message);
      const seen = new Set<string>();
      for (let offset = 0; offset < text.length; offset++) {
        if (/\s/.test(text[offset] ?? ' ')) continue;
        const h = hoverAt(analysis, offset, locale, {});
        if (!h || seen.has(`${h.start}:${h.end}`)) continue;
        seen.add(`${h.start}:${h.end}`);
        hovers++;
        const where = `${file} ${locale} on ${JSON.stringify(text.slice(h.start, h.end).slice(0, 40))}`;
        assert.doesNotMatch(h.markdown, PLACEHOLDER, where);
        assert.ok(h.markdown.length <= BUDGET, `${where}: ${h.markdown.length} characters`);
        for (const m of messages) assert.ok(!h.markdown.includes(m), `${where} repeats the diagnostic "${m}"`);
      }
    }
  }
  assert.ok(hovers > 200, `only ${hovers} hovers`);
});

test('the port hover at the seed\'s conflict: under 1,200 characters, no diagnostic, no wrong localhost claim', () => {
  const seed = readFileSync(join(examplesDir, 'seed-port-conflict.yaml'), 'utf8');
  const analysis = analyzeText(seed);
  const conflict = analysis.findings.find((f) => f.rule === 'port-conflict');
  assert.ok(conflict);
  const h = mustHover(seed, 'containerPort', { nth: 1 });
  assert.ok(h.markdown.length < 1200, `${h.markdown.length} characters`);
  assert.ok(!h.markdown.includes(conflict.message));
  assert.doesNotMatch(h.markdown, /Address already in use|port-conflict/);
  assert.match(h.markdown, /^\*\*`80\/TCP`\*\* · nginx in `mycon2` binds 80 — so does `mycon1`'s nginx: one of them crash-loops\./);
  // mycon1 runs its own nginx on 80: only mycon3 reaches mycon2's through localhost.
  assert.match(h.markdown, /From `mycon3` this is `localhost:80`/);
  assert.doesNotMatch(h.markdown, /From `mycon1`/);
  // One row per port: `localhost:80` once.
  assert.equal(h.markdown.match(/\| `localhost:80` \|/g)?.length, 1);
  assert.match(h.markdown, /\| `localhost:80` \| `mycon1`, \*\*`mycon2`\*\* \| ⚠ clash: one crash-loops \|/);
});
