/**
 * A repeated key: kubectl reads YAML with go-yaml v2, which keeps the last value (yaml-syntax
 * warns about the repetition). Every rule sees that last value, and nothing about the first.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';

const rulesOf = (text: string): string[] => analyzeText(text).findings.map((f) => `${f.rule}@${text.slice(0, f.start).split('\n').length}`);

test('repeated key: the first value is dropped, so nothing is reported about it', () => {
  const service = `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector:\n    matchLabels: {app: web}\n  ports: [{port: 80}]\n  selector:\n    app: web\n`;
  assert.deepEqual(rulesOf(service), ['yaml-syntax@8']);
});

test('repeated key: the last value is the one checked', () => {
  const service = `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector:\n    app: web\n  ports: [{port: 80}]\n  selector:\n    matchLabels: {app: web}\n`;
  assert.deepEqual(rulesOf(service), ['yaml-syntax@8', 'invalid-value@9']);
});

test('repeated key: the pod runs the last image (redis beside nginx: no port 80 clash)', () => {
  const pod = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: nginx\n  - name: b\n    image: nginx\n    image: redis\n`;
  assert.deepEqual(rulesOf(pod), ['yaml-syntax@10']);
  const swapped = pod.replace('    image: nginx\n    image: redis\n', '    image: redis\n    image: nginx\n');
  assert.deepEqual(rulesOf(swapped).sort(), ['implicit-port-conflict@10', 'yaml-syntax@10']);
});
