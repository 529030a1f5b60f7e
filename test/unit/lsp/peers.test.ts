/**
 * What an open document gives the others' workspace rules (`AnalysisStore.peerOf`): its chunks
 * alone, made current in slices before a neighbour's run takes it, so that editing one big file
 * never makes the server analyse another one in a single blocking step.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisStore } from '../../../server/src/lsp/documents';

const pod = (name: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels: {app: ${name}}\nspec:\n  containers:\n    - name: c\n      image: nginx\n`;
const podNames = (store: AnalysisStore, doc: TextDocument): string[] => (store.peerOf(doc)?.pods ?? []).map((p) => p.name ?? '');

function stateOf(store: AnalysisStore, doc: TextDocument): { analyzer: Record<string, unknown> } {
  const state = (store as unknown as { states: Map<string, { analyzer: Record<string, unknown> }> }).states.get(doc.uri);
  assert.ok(state, 'the store has a state for the document');
  return state;
}

/** Makes any further chunk analysis of the document throw: what follows must not need one. */
function forbidAnalysis(store: AnalysisStore, doc: TextDocument): void {
  const state = stateOf(store, doc);
  for (const method of ['chunksOf', 'analyze'] as const) {
    state.analyzer[method] = () => {
      throw new Error(`${method} ran in one blocking step`);
    };
  }
}

test('after peerInSlices, peerOf serves the current version without analysing', async () => {
  const store = new AnalysisStore(() => ({}), () => undefined);
  const doc = TextDocument.create('file:///w/pods.yaml', 'yaml', 1, `${pod('a')}---\n${pod('b')}`);
  await store.peerInSlices(doc, () => false);
  forbidAnalysis(store, doc);
  assert.deepEqual(podNames(store, doc), ['a', 'b']);
  assert.equal(store.peerOf(doc), store.peerOf(doc), 'the same object while the version is current');
});

test('an edit while peerInSlices runs: it starts over on the new text', async () => {
  const store = new AnalysisStore(() => ({}), () => undefined);
  const doc = TextDocument.create('file:///w/many.yaml', 'yaml', 1, Array.from({ length: 20 }, (_, i) => pod(`p${i}`)).join('---\n'));
  store.setOptions(doc, {});
  // The edit lands while the first run is under way.
  const analyzer = stateOf(store, doc).analyzer as { chunksInSlices: (...args: unknown[]) => Promise<unknown> };
  const original = analyzer.chunksInSlices.bind(analyzer);
  let runs = 0;
  analyzer.chunksInSlices = (...args) => {
    const result = original(...args);
    if (runs++ === 0) TextDocument.update(doc, [{ text: `${pod('first')}---\n`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }], 2);
    return result;
  };
  await store.peerInSlices(doc, () => false);
  assert.equal(runs, 2);
  forbidAnalysis(store, doc);
  const names = podNames(store, doc);
  assert.equal(names[0], 'first');
  assert.equal(names.length, 21);
});

test('peerOf without a prior run gives the pods; the document\'s own analysis keeps its file-level findings', () => {
  const store = new AnalysisStore(() => ({}), () => undefined);
  const doc = TextDocument.create('file:///w/svc.yaml', 'yaml', 1, `${pod('a')}---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: a}\n  ports: [{port: 80, targetPort: 8080}]\n`);
  assert.deepEqual(podNames(store, doc), ['a']);
  // The document's own analysis (with its file-level findings) is still to be made.
  assert.ok(store.analyze(doc).findings.some((f) => f.rule === 'service-target-port'));
});
