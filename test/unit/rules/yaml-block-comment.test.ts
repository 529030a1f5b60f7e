/**
 * yaml-syntax: a comment indented less than the block scalar it sits in ends the block; the lines
 * after it fail as YAML. One finding says why, its echoes are not repeated, and the fix indents
 * the comment (sweep DX: an OpenTelemetry Collector ConfigMap).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { blockScalarComment } from '../../../server/src/rules/yaml-block-comment';
import { applyFix } from '../../helpers/fix';

const configMap = (comment: string): string =>
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: otel}\ndata:\n  config.yaml: |-\n    processors:\n      k8sattributes:\n        extract:\n          metadata: [k8s.pod.name]\n' +
  `${comment}\n          labels:\n            - tag_name: app\n      batch: {}\n    service:\n      pipelines: {}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: otel}\nspec: {ports: [{port: 4317}]}\n`;
const syntax = (text: string) => analyzeText(text).findings.filter((f) => f.rule === 'yaml-syntax');

test('a comment left of a block scalar\'s text: one finding that says so', () => {
  const text = configMap('# pod labels');
  const found = syntax(text);
  assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
  assert.match(found[0]!.message, /this comment starts at column 1, left of the text of the block scalar "config\.yaml: \|-" it sits in.*Indent the comment to column 5/);
  assert.equal(text.slice(found[0]!.start).split('\n')[0], '# pod labels');
  // The header is a related location, right in the file also when the document is not the first (sweep ER).
  const second = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: "1"}\n---\n${text}`;
  const related = syntax(second)[0]!.related[0]!;
  assert.equal(second.slice(related.start, related.end), 'config.yaml: |-');
  // The fix indents it into the block; then the file parses.
  const { result, fix } = applyFix(text, 'yaml-syntax', /Indent the comment by 4 spaces/);
  assert.equal(fix.preferred, true);
  assert.deepEqual(syntax(result), []);
});

test('only a comment that cuts a block short: a comment between mapping keys, or inside the block, is none', () => {
  // A comment that ends a block before the next key is valid YAML: nothing to say.
  assert.deepEqual(syntax('apiVersion: v1\nkind: ConfigMap\ndata:\n  a: |\n    x\n# c\n  b: "1"\n'), []);
  assert.deepEqual(syntax(configMap('    # inside the block')), []);
  assert.deepEqual(syntax(configMap('')), []);
  // Not a block scalar above: a plain mapping whose comment is less indented is fine YAML.
  assert.equal(blockScalarComment('a:\n  b:\n    c: 1\n# c\n    d: 2\n', 'a:\n  b:\n    c: 1\n'.length), undefined);
});

test('a list item indented left of its key: the keys below it in the same block are its echoes, one finding (sweep EA)', () => {
  const deployment = (item: string): string => [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: a}', 'spec:', '  selector: {matchLabels: {app: a}}', '  template:', '    metadata: {labels: {app: a}}',
    '    spec:', '      containers:', '      - name: a', '        image: example/a:1', '        args:', '        # - --v=9', item, '        - --b', '        env:',
    '        - name: X', '          value: "1"', '        resources:', '          limits: {cpu: 100m}', '---', 'apiVersion: v1', 'kind: Service', 'metadata: {name: a}',
    'spec:', '  selector: {app: a}', '   ports: [{port: 80}]', '',
  ].join('\n');
  const found = syntax(deployment('       - --a'));
  // One for the misindented item; the Service's own mistake is another document's, still reported.
  assert.deepEqual(found.map((f) => deployment('       - --a').slice(0, f.start).split('\n').length), [14, 27]);
  assert.equal(syntax(deployment('        - --a')).length, 1);
});
