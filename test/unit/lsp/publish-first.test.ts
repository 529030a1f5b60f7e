/**
 * Requests wait for the diagnostics being published: a publish converts in slices, and an
 * outline or code lenses of thousands of documents computed in between would delay what the
 * user waits for most.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisStore } from '../../../server/src/lsp/documents';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: c\n      image: nginx\n';

test('analysisOf answers only once the publish under way is done', async () => {
  const store = new AnalysisStore(() => ({}), () => undefined);
  const doc = TextDocument.create('file:///w/a.yaml', 'yaml', 1, POD);
  store.analyze(doc);
  let release = (): void => undefined;
  const publishing = new Promise<void>((resolve) => (release = resolve));
  store.publishingUntil(doc.uri, publishing);
  const order: string[] = [];
  const request = store.analysisOf(doc).then((a) => order.push(a ? 'request' : 'none'));
  await new Promise((resolve) => setImmediate(resolve));
  order.push('published');
  release();
  await request;
  assert.deepEqual(order, ['published', 'request']);
});

test('a failed publish does not fail the request, and a finished one is forgotten', async () => {
  const store = new AnalysisStore(() => ({}), () => undefined);
  const doc = TextDocument.create('file:///w/b.yaml', 'yaml', 1, POD);
  const failed = Promise.reject(new Error('connection closed'));
  store.publishingUntil(doc.uri, failed);
  assert.ok(await store.analysisOf(doc));
  assert.equal((store as unknown as { publishing: Map<string, unknown> }).publishing.size, 0);
});

test('a request that comes to share a background run makes it urgent: its slices stop queueing behind other runs', async () => {
  const store = new AnalysisStore(() => ({}), () => undefined);
  const big = (name: string): string => Array.from({ length: 300 }, (_, i) => POD.replace('{name: a}', `{name: ${name}-${i}}`)).join('---\n');
  const a = TextDocument.create('file:///w/a.yaml', 'yaml', 1, big('a'));
  const b = TextDocument.create('file:///w/b.yaml', 'yaml', 1, big('b'));
  const running = (): { slices: { urgent: boolean } } | undefined => (store as unknown as { states: Map<string, { running?: { slices: { urgent: boolean } } }> }).states.get(a.uri)?.running;
  const background = store.analyzeInSlices(a, () => false);
  const other = store.analyzeInSlices(b, () => false);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(running()?.slices.urgent, false, 'a background run queues for its turns');
  const request = store.analysisOf(a);
  assert.equal(running()?.slices.urgent, true);
  const [fromBackground, fromRequest] = await Promise.all([background, request, other]);
  assert.ok(fromRequest);
  assert.equal(fromRequest, fromBackground, 'the request got the shared run');
});
