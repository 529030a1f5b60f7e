// The per-document diagnostics cache (server/src/lsp/diagnostics-cache.ts) must publish exactly
// what converting every finding would, after any edit, while converting only what changed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Analyzer, type FileAnalysis } from '../../../server/src/core/analyze';
import * as diagnostics from '../../../server/src/lsp/diagnostics';
import { DiagnosticsCache } from '../../../server/src/lsp/diagnostics-cache';
import { corpusDir, yamlFiles } from '../../helpers/paths';
import { random } from '../../helpers/random';

const uri = 'file:///cache/doc.yaml';
const expected = (a: FileAnalysis, version: number): unknown => JSON.parse(JSON.stringify(a.findings.map((f) => diagnostics.toDiagnostic(f, a, uri, version))));

const pod = (i: number, broken: boolean): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, labels: {app: a${i}}}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.25\n    ports: [{containerPort: 80}]\n    volumeMounts:\n    - {name: v, mountPath: /data}\n${broken ? '    - {name: v, mountPath: /data}\n  - {name: d, image: x, ports: [{containerPort: 80}]}\n' : ''}  volumes:\n  - name: v\n    emptyDir: {}\n  - name: unused\n    emptyDir: {}\n`;
const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: a3}\n  ports: [{port: 80, targetPort: 81}]\n';

test('prepared diagnostics equal the converted findings after random edits (JSON and objects)', () => {
  const files = yamlFiles(corpusDir).sort().slice(0, 40);
  const base = [service, ...Array.from({ length: 30 }, (_, i) => pod(i, i % 3 === 0)), ...files.map((f) => readFileSync(f, 'utf8'))].join('\n---\n');
  const snippets = ['x', '\n', '\r\n', '\r', '\n---\n', '  ', ': ', '- ', 'ports: [{containerPort: 80}]\n', '中文', '😀'];
  for (const seed of [1, 2, 3]) {
    const next = random(seed);
    const analyzer = new Analyzer();
    const cache = new DiagnosticsCache(uri);
    let text = base;
    for (let version = 1; version <= 60; version++) {
      if (version > 1) {
        const at = Math.floor(next() * text.length);
        const cut = next() < 0.3 ? Math.floor(next() * 40) : 0;
        const insert = next() < 0.8 ? (snippets[Math.floor(next() * snippets.length)] as string) : '';
        text = text.slice(0, at) + insert + text.slice(at + cut);
      }
      const analysis = analyzer.analyze(text);
      const prepared = cache.prepare(analysis, version);
      const want = expected(analysis, version);
      assert.equal(prepared.count, analysis.findings.length);
      assert.deepEqual(JSON.parse(prepared.json()), want, `seed ${seed}, version ${version}: JSON`);
      assert.deepEqual(JSON.parse(JSON.stringify(prepared.objects())), want, `seed ${seed}, version ${version}: objects`);
      // The message bytes, with the versions written into kept bytes, and one more diagnostic after them.
      const extra = { message: 'from .podsight.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
      const wire = prepared.message('{"params":{"diagnostics":', [JSON.stringify(extra)], '}}').toString('utf8');
      assert.deepEqual(JSON.parse(wire), { params: { diagnostics: [...(want as unknown[]), extra] } }, `seed ${seed}, version ${version}: message`);
      assert.deepEqual(JSON.parse(prepared.message('{"d":', [], '}').toString('utf8')), { d: want }, `seed ${seed}, version ${version}: message without extra`);
    }
  }
});

test('an edit in one document converts only the findings of that document (and the file-level ones)', (t) => {
  const docs = Array.from({ length: 200 }, (_, i) => pod(i, i % 2 === 0));
  const analyzer = new Analyzer();
  const cache = new DiagnosticsCache(uri);
  let text = docs.join('---\n');
  const first = analyzer.analyze(text);
  cache.prepare(first, 1).json();
  const converted = t.mock.method(diagnostics, 'toDiagnostic');
  // A new line inside document 100: the documents after it move down one line.
  const at = text.indexOf('\n', text.indexOf('name: p100,')) + 1;
  text = `${text.slice(0, at)}# a comment\n${text.slice(at)}`;
  const edited = analyzer.analyze(text);
  const prepared = cache.prepare(edited, 2);
  assert.deepEqual(JSON.parse(prepared.json()), expected(edited, 2));
  const fileLevel = edited.findings.filter((f) => f.rule === 'port-conflict').length;
  const calls = converted.mock.callCount() - edited.findings.length; // expected() converted them all once more
  // File-level findings are made anew on every run; unchanged, they are not converted again either.
  assert.ok(calls <= 10, `${calls} conversions for an edit in one document of 200 (${edited.findings.length} findings, ${fileLevel} file-level)`);
  assert.ok(edited.findings.length > 300 && fileLevel > 50, `${edited.findings.length} findings`);
});

test('a version wider than its slot is written as text, and the message is still JSON', () => {
  const analyzer = new Analyzer();
  const cache = new DiagnosticsCache(uri);
  const text = [pod(1, true), pod(2, false)].join('---\n');
  const extra = JSON.stringify({ message: 'more', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });
  for (const version of [1, 2 ** 31 - 1, 12345678901, -5]) {
    const analysis = analyzer.analyze(text);
    const prepared = cache.prepare(analysis, version);
    const want = expected(analysis, version) as unknown[];
    assert.ok(want.length > 0);
    assert.deepEqual(JSON.parse(prepared.message('{"d":', [], '}').toString('utf8')), { d: want }, `version ${version}`);
    assert.deepEqual(JSON.parse(prepared.message('{"d":', [extra], '}').toString('utf8')), { d: [...want, JSON.parse(extra)] }, `version ${version} with extra`);
  }
  const empty = new DiagnosticsCache(uri).prepare(analyzer.analyze('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n'), 12345678901);
  assert.deepEqual(JSON.parse(empty.message('{"d":', [extra], '}').toString('utf8')), { d: [JSON.parse(extra)] });
});

test('line numbers that outgrow their slot are written anew, and slots are as narrow as the file allows', () => {
  const analyzer = new Analyzer();
  const cache = new DiagnosticsCache(uri);
  // A short file (under 100 lines): line numbers get slots of three characters.
  const short = (padding: number): string => `${'# padding\n'.repeat(padding)}---\n${pod(1, true)}`;
  const first = analyzer.analyze(short(1));
  assert.ok(first.lines.lineCount >= 10 && first.lines.lineCount < 100);
  const bytes = prepareMessage(cache, first, 1);
  assert.deepEqual(JSON.parse(bytes), { d: expected(first, 1) });
  assert.match(bytes, /"line":9 {2},/);
  assert.doesNotMatch(bytes, /"line":[\d ]{4,},/, 'a line slot wider than three characters');
  // 2,000 lines above the same document: its kept bytes cannot hold the new line numbers.
  const moved = analyzer.analyze(short(2000));
  assert.equal(moved.chunks[1]?.analysis, first.chunks[1]?.analysis, 'the pod is the same chunk analysis');
  assert.deepEqual(JSON.parse(prepareMessage(cache, moved, 2)), { d: expected(moved, 2) });
  // And back: the numbers shrink into the wider slots.
  const back = analyzer.analyze(short(1));
  assert.deepEqual(JSON.parse(prepareMessage(cache, back, 3)), { d: expected(back, 3) });
});

test('each diagnostic carries only the version it was made for as data', () => {
  const analysis = new Analyzer().analyze(pod(1, true));
  const published = JSON.parse(new DiagnosticsCache(uri).prepare(analysis, 7).json()) as { data: unknown }[];
  assert.ok(published.length > 0);
  for (const d of published) assert.equal(d.data, 7);
});

function prepareMessage(cache: DiagnosticsCache, analysis: FileAnalysis, version: number): string {
  return cache.prepare(analysis, version).message('{"d":', [], '}').toString('utf8');
}
