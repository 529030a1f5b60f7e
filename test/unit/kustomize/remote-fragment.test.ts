/**
 * #15: a kustomize patch stays a fragment whatever happens to the render. A kustomization with a
 * remote resource cannot be rendered offline; its patch is then checked alone, as a fragment, even
 * when a request (code lens, hover) started an analysis before the diagnostics set the options.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer } from '../../../server/src/core/analyze';
import { checkOverlaySync } from '../../../server/src/kustomize/check-overlay';
import { AnalysisStore } from '../../../server/src/lsp/documents';

const PATCH = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: app
          image: example/app:1
          volumeMounts: [{name: config, mountPath: /etc/app}]
          readinessProbe: {httpGet: {port: http}}
`;
const rules = (findings: readonly { rule: string }[]): string[] => findings.map((f) => f.rule).sort();

const dir = mkdtempSync(join(tmpdir(), 'podsight-remote-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a remote resource: one information finding on the line that lists it, no render, no fetch', () => {
  writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n  - github.com/org/repo//base?ref=v1\npatches:\n  - path: patch.yaml\n');
  writeFileSync(join(dir, 'patch.yaml'), PATCH);
  // A command that would fail loudly if it ran: the remote refusal comes before any render.
  const check = checkOverlaySync(dir, { command: ['/nonexistent/kustomize'], analysis: {} });
  assert.deepEqual(check.findings.map((f) => [f.rule, f.severity, f.range.start.line, f.range.start.character]), [['kustomize-build', 'information', 1, 4]]);
  assert.equal(check.rendered, undefined);
});

test('an analysis a request started under the default options is not reused once the document is a fragment', async () => {
  const store = new AnalysisStore(() => ({}), () => undefined);
  const doc = TextDocument.create('file:///w/patch.yaml', 'yaml', 1, PATCH);
  // A code lens asks first: the run starts with the defaults (a whole object).
  const early = store.analysisOf(doc);
  // Then the diagnostics learn that a kustomization lists the file.
  store.setOptions(doc, { fragment: 'kustomize-patch' });
  const diagnostics = await store.analyzeInSlices(doc, () => false);
  assert.deepEqual(rules(diagnostics?.findings ?? []), []);
  assert.deepEqual(rules((await early)?.findings ?? []), ['undefined-volume', 'unknown-port-name']);
  // And what the store keeps for later requests is the fragment's analysis.
  assert.deepEqual(rules(store.analyze(doc).findings), []);
});

test('interleaved runs under different options do not share chunk analyses', async () => {
  const analyzer = new Analyzer();
  const whole = analyzer.analyzeInSlices(PATCH, {}, { sliceMs: 0 });
  const fragment = analyzer.analyzeInSlices(PATCH, { fragment: 'kustomize-patch' }, { sliceMs: 0 });
  assert.deepEqual(rules((await fragment)?.findings ?? []), []);
  assert.deepEqual(rules((await whole)?.findings ?? []), ['undefined-volume', 'unknown-port-name']);
  assert.deepEqual(rules(analyzer.analyze(PATCH, { fragment: 'kustomize-patch' }).findings), []);
});
