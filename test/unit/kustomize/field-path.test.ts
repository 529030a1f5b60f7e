/** Merge-key paths: a rendered list item is found in the patch by its merge key, not its index. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument, type Node } from 'yaml';
import { fieldPathText, follow, mergeKeyPath, pointerTokens } from '../../../server/src/kustomize/field-path';

const rendered = parseDocument(`spec:
  containers:
  - name: metrics
    ports:
    - containerPort: 9102
  - name: web
    ports:
    - containerPort: 8080
    args: [a, b]
`);

test('containers are named by name and ports by containerPort; plain lists keep their index', () => {
  assert.deepEqual(mergeKeyPath(rendered.contents, ['spec', 'containers', 1, 'ports', 0, 'containerPort']), [
    'spec',
    'containers',
    { key: 'name', value: 'web' },
    'ports',
    { key: 'containerPort', value: '8080' },
    'containerPort',
  ]);
  assert.deepEqual(mergeKeyPath(rendered.contents, ['spec', 'containers', 1, 'args', 1]), ['spec', 'containers', { key: 'name', value: 'web' }, 'args', 1]);
});

test('follow finds the same field in a patch where the container is first, and fails where it is missing', () => {
  const source = `spec:\n  containers:\n  - name: web\n    ports:\n    - containerPort: 8080\n`;
  const patch = parseDocument(source);
  const path = mergeKeyPath(rendered.contents, ['spec', 'containers', 1, 'ports', 0, 'containerPort']);
  const reached = follow(patch.contents as Node, path);
  assert.equal(reached?.node.range?.[0], source.indexOf('8080'));
  assert.equal(follow(patch.contents as Node, mergeKeyPath(rendered.contents, ['spec', 'containers', 0, 'ports'])), undefined);
});

test('field path text and JSON pointer tokens', () => {
  assert.equal(fieldPathText(['spec', 'containers', 1, 'ports', 0]), 'spec.containers[1].ports[0]');
  assert.deepEqual(pointerTokens('/metadata/annotations/a~1b~0c'), ['metadata', 'annotations', 'a/b~c']);
});
