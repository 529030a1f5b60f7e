/**
 * The source files of a render are parsed by the quick parser chunk by chunk: the documents must
 * be those `parseAllDocuments` gives, node for node and range for range, in the file's offsets.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments, type Document } from 'yaml';
import { splitChunks, YAML_OPTIONS } from '../../../server/src/core/parse';
import { quickParse } from '../../../server/src/core/quick-parse';
import { documentsOf } from '../../../server/src/kustomize/sources';
import { examplesDir } from '../../helpers/paths';
import { documentShape } from '../../helpers/yaml-shape';

/** Every document as the quick parser's tests picture it: node kinds, ranges, values, styles. */
const nodes = (docs: readonly Document.Parsed[]): string[] => docs.map(documentShape);

const same = (text: string): void => assert.deepEqual(nodes(documentsOf(text)), nodes(parseAllDocuments(text, YAML_OPTIONS) as Document.Parsed[]));

test('a multi-document file: the same nodes and ranges as parseAllDocuments', () => {
  const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx  # the base image',
      '        ports:',
      '        - containerPort: 80',
      '---',
      '# a comment before the second document',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      'data:',
      '  script: |',
      '    echo hi',
      '',
      '---',
      'kind: ConfigMap',
      '',
    ].join('\n');
  // Every chunk is one the quick parser reads: the test covers its path, not only yaml's.
  for (const chunk of splitChunks(text)) assert.ok(quickParse(chunk.text, YAML_OPTIONS), chunk.text);
  same(text);
});

test('documents the quick parser steps aside for (an anchor, CRLF, a tab) are parsed by yaml, the same', () => {
  same('kind: A\n---\nbase: &b {x: 1}\nuse: *b\n');
  same('kind: A\n---\nports: [{containerPort: 80}]\n');
  same('kind: A\r\n---\r\nmetadata:\r\n  name: b\r\n');
  same('kind: A\n---\nmetadata:\n\tname: b\n');
  same('');
  same('# only a comment\n');
});

test('the example kustomize trees read the same', () => {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
  const files = walk(join(examplesDir, 'kustomize'));
  assert.ok(files.length >= 5);
  for (const file of files) same(readFileSync(file, 'utf8'));
});
