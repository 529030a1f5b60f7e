import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer, analyzeText } from '../../../server/src/core/analyze';

// Deployments with labels and ports, Services selecting them (some wrongly), and directives:
// the file-level passes (service-target-port, comment directives) must give after an edit exactly
// what a fresh analysis gives.
const deployment = (i: number, port = 8080, app = `a${i % 7}`): string =>
  `---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d${i}}\nspec:\n  selector: {matchLabels: {app: ${app}}}\n  template:\n    metadata: {labels: {app: ${app}, tier: t${i % 3}}}\n    spec:\n      containers:\n      - name: c\n        image: example.com/x:${i}\n        ports: [{name: http, containerPort: ${port}}]\n`;
const service = (i: number, target: string | number = 'http', app = `a${i % 7}`): string =>
  `---\napiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec:\n  selector: {app: ${app}}\n  ports:\n  - port: 80\n    targetPort: ${target}\n`;
const base = [
  ...Array.from({ length: 14 }, (_, i) => deployment(i)),
  service(0),
  service(1, 'web'),
  service(2, 9090),
  '---\n# podsight-disable-next-line service-target-port\n' + service(3, 'nope').slice(4),
  service(4, 'htp'),
  '---\n# podsight-disable-next-line port-conflict\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n',
].join('');

const edits: [string, (t: string) => string][] = [
  ['rename a pod port the Services use', (t) => t.replace(deployment(1), deployment(1).replace('name: http', 'name: web'))],
  ['change a Service targetPort', (t) => t.replace('targetPort: 9090', 'targetPort: 8080')],
  ['relabel a pod template', (t) => t.replace(deployment(2), deployment(2, 8080, 'zz'))],
  ['remove a Service', (t) => t.replace(service(4, 'htp'), '')],
  ['add a Service', (t) => t + service(9, 'metrics', 'a2')],
  ['remove a directive', (t) => t.replace('# podsight-disable-next-line service-target-port\n', '')],
  ['add a file-wide directive', (t) => `# podsight-disable service-target-port\n${t}`],
  ['edit a chunk without directives or services', (t) => t.replace('name: d5}', 'name: d5x}')],
];

test('edits next to Services and directives analyse exactly like a fresh analysis', () => {
  const sanity = analyzeText(base).findings.map((f) => f.rule);
  assert.ok(sanity.includes('service-target-port'), 'the file has service-target-port findings');
  assert.ok(sanity.includes('unused-disable-directive'), 'the file has an unused directive');
  for (const [name, edit] of edits) {
    const analyzer = new Analyzer();
    analyzer.analyze(base);
    const next = edit(base);
    const incremental = analyzer.analyze(next);
    assert.deepEqual(incremental.findings, analyzeText(next).findings, name);
    // And back again: the analyzer's caches must not keep the edited state.
    assert.deepEqual(analyzer.analyze(base).findings, analyzeText(base).findings, `${name} (undone)`);
  }
});
