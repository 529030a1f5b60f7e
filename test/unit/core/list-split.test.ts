/**
 * `kind: List` dumps as kubectl prints them are split into their items (core/parse.ts), so that
 * an edit re-checks one item. The split must change nothing that Podsight reports.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { isMap } from 'yaml';
import { Analyzer, analyzeText, type FileAnalysis } from '../../../server/src/core/analyze';
import { parseChunk, splitChunks } from '../../../server/src/core/parse';
import { hoverAt } from '../../../server/src/hover';
import { outline } from '../../../server/src/navigation/outline';
import { renameTarget } from '../../../server/src/navigation/rename';
import { repoRoot } from '../../helpers/paths';

const pod = (name: string, port: number): string =>
  `- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: ${name}\n  spec:\n    containers:\n    - name: a\n      image: nginx\n      ports:\n      - containerPort: ${port}\n    - name: b\n      image: nginx\n`;
const list = (items: string[]): string => `apiVersion: v1\nitems:\n${items.join('')}kind: List\nmetadata:\n  resourceVersion: ""\n`;

test('a kubectl List dump is split into its head, one piece per item, and its tail', () => {
  const text = list([pod('p1', 80), pod('p2', 8080), pod('p3', 80)]);
  const pieces = splitChunks(text);
  assert.deepEqual(
    pieces.map((p) => p.text.split('\n')[0]),
    ['apiVersion: v1', '- apiVersion: v1', '- apiVersion: v1', '- apiVersion: v1', 'kind: List'],
  );
  assert.equal(pieces.map((p) => p.text).join(''), text);
  for (const p of pieces) assert.equal(text.slice(p.start, p.start + p.text.length), p.text);
  const item = parseChunk(pieces[1]?.text ?? '');
  assert.ok(isMap(item.docs[0]?.contents), 'an item piece parses as the item itself');
});

test('Lists that anchors tie together, indented items and non-Lists stay whole', () => {
  const tied = list([pod('p1', 80).replace('name: p1', 'name: &n p1'), pod('p2', 80)]);
  assert.equal(splitChunks(tied).length, 1);
  assert.equal(splitChunks(list([pod('p1', 80)]).replace(/^(-| )/gm, '  $1').replace('  apiVersion: v1\nitems', 'apiVersion: v1\nitems')).length, 1);
  assert.equal(splitChunks(list([pod('p1', 80)]).replace('kind: List', 'kind: Other')).length, 1);
  const cron = list([pod('p1', 80).replace('image: nginx', 'image: nginx\n      args: ["*/5 * * * *"]')]);
  assert.ok(splitChunks(cron).length > 1, 'a cron schedule is no alias');
});

const summary = (a: FileAnalysis): string[] => a.findings.map((f) => `${f.rule}|${f.severity}|${f.message}`).sort();

test('the split List reports exactly what the same objects report as --- documents', async () => {
  const { generate } = (await import(pathToFileURL(join(repoRoot, 'bench/gen-manifest.mjs')).href)) as { generate: (o: { docs: number; seed: number }) => { text: string } };
  const { text } = generate({ docs: 120, seed: 3 });
  const items = text
    .split(/^---\n/m)
    .filter((d) => d.trim())
    .map((d) => `${d.trimEnd().split('\n').map((l, i) => (i === 0 ? '- ' : '  ') + l).join('\n')}\n`);
  const dump = list(items);
  assert.ok(splitChunks(dump).length > 100);
  const fromList = analyzeText(dump);
  assert.ok(fromList.findings.length > 50);
  assert.deepEqual(summary(fromList), summary(analyzeText(text)));
});

test('editing one item of a split List gives what a fresh analysis gives', () => {
  const items = Array.from({ length: 40 }, (_, i) => pod(`p${i}`, i % 3 === 0 ? 80 : 8000 + i));
  let text = list(items);
  const analyzer = new Analyzer();
  analyzer.analyze(text);
  const edits: [string, string][] = [
    ['name: p7\n', 'name: p7x\n'],
    ['containerPort: 8010', 'containerPort: 80'],
    ['- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p20', '- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p20\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: extra'],
    ['kind: List', 'kind: NotAList'],
    ['kind: NotAList', 'kind: List'],
  ];
  for (const [from, to] of edits) {
    assert.ok(text.includes(from), from);
    text = text.replace(from, to);
    assert.deepEqual(
      analyzer.analyze(text).findings.map((f) => [f.rule, f.start, f.end, f.message]),
      analyzeText(text).findings.map((f) => [f.rule, f.start, f.end, f.message]),
      `after ${from} → ${to}`,
    );
  }
});

test('hovers, the outline and rename work inside a split List item', () => {
  const text = list([pod('p1', 80), pod('p2', 8080)]);
  const analysis = analyzeText(text);
  const at = text.indexOf('containerPort: 8080') + 'containerPort: '.length + 1;
  assert.match(hoverAt(analysis, at, 'en', {})?.markdown ?? '', /8080/);
  const names = JSON.stringify(outline(analysis, (k: string) => k));
  assert.ok(names.includes('p1') && names.includes('p2'), names);
  const volumeText = list([pod('p1', 80).replace('      image: nginx\n      ports', '      image: nginx\n      volumeMounts: [{name: data, mountPath: /d}]\n      ports').replace('  spec:\n', '  spec:\n    volumes: [{name: data, emptyDir: {}}]\n')]);
  const target = renameTarget(analyzeText(volumeText), volumeText.indexOf('name: data') + 7);
  assert.equal(target?.kind, 'volume');
  assert.equal(target?.occurrences.length, 2);
});
