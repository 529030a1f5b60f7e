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
    { key: 'containerPort', value: '8080', protocol: 'TCP' },
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

test('one port number over TCP and UDP: the protocol tells the items apart (sweep BV)', () => {
  const service = `spec:\n  ports:\n  - name: dns-tcp\n    port: 53\n    protocol: TCP\n  - port: 53\n    protocol: UDP\n`;
  const doc = parseDocument(service);
  const path = mergeKeyPath(doc.contents, ['spec', 'ports', 1]);
  assert.deepEqual(path, ['spec', 'ports', { key: 'port', value: '53', protocol: 'UDP' }]);
  assert.equal(follow(doc.contents as Node, path)?.node.range?.[0], service.indexOf('port: 53\n    protocol: UDP'));
  // A patch that changed the protocol still finds the port by its number.
  const other = parseDocument(`spec:\n  ports:\n  - port: 53\n    protocol: SCTP\n`);
  assert.ok(follow(other.contents as Node, path));
});

test('field path text and JSON pointer tokens', () => {
  assert.equal(fieldPathText(['spec', 'containers', 1, 'ports', 0]), 'spec.containers[1].ports[0]');
  assert.deepEqual(pointerTokens('/metadata/annotations/a~1b~0c'), ['metadata', 'annotations', 'a/b~c']);
});
