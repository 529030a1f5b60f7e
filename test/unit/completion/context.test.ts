import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cursorContext } from '../../../server/src/completion/context';
import { caret } from '../../helpers/caret';
import { yaml } from '../../helpers/check';

function at(marked: string) {
  const { text, position } = caret(marked);
  return cursorContext(text.split('\n'), position.line, position.character);
}

test('an unfinished key under a mapping: its path comes from indentation', () => {
  const ctx = at(yaml`
    spec:
      containers:
      - name: app
        volumeMounts:
        - name: data
          mountP¦
  `);
  assert.equal(ctx?.kind, 'key');
  assert.deepEqual(ctx?.path, ['spec', 'containers', '[]', 'volumeMounts', '[]']);
  assert.equal(ctx?.prefix, 'mountP');
  assert.deepEqual(ctx?.present.map((p) => p.key), ['name']);
});

test('an empty line under a mapping, indented sequences', () => {
  const ctx = at('spec:\n  containers:\n    - name: app\n      image: nginx\n      ¦\n      ports: []\n');
  assert.equal(ctx?.kind, 'key');
  assert.deepEqual(ctx?.path, ['spec', 'containers', '[]']);
  assert.deepEqual(ctx?.present.map((p) => p.key).sort(), ['image', 'name', 'ports']);
});

test('a value after `- name: ` and after `key:` without a space', () => {
  const ctx = at('spec:\n  containers:\n  - volumeMounts:\n    - name: ¦\n');
  assert.equal(ctx?.kind, 'value');
  assert.deepEqual(ctx?.path, ['spec', 'containers', '[]', 'volumeMounts', '[]', 'name']);
  const tight = at('spec:\n  restartPolicy:¦\n');
  assert.equal(tight?.kind, 'value');
  assert.equal(tight?.needsSpace, true);
});

test('flow style: keys inside braces, values inside brackets', () => {
  const key = at('spec:\n  volumes:\n  - name: a\n    emptyDir: {me¦}\n');
  assert.equal(key?.kind, 'key');
  assert.equal(key?.flow, true);
  assert.deepEqual(key?.path, ['spec', 'volumes', '[]', 'emptyDir']);
  assert.equal(key?.closers, '}');
  const value = at('spec:\n  containers:\n  - name: a\n    volumeMounts: [{name: ¦\n');
  assert.equal(value?.kind, 'value');
  assert.deepEqual(value?.path, ['spec', 'containers', '[]', 'volumeMounts', '[]', 'name']);
  assert.equal(value?.closers, '}]');
  const item = at('spec:\n  containers:\n  - {name: a, imagePull¦\n');
  assert.deepEqual(item?.path, ['spec', 'containers', '[]']);
  assert.deepEqual(item?.present.map((p) => p.key), ['name']);
});

test('no completion inside comments or multi-word scalars', () => {
  assert.equal(at('spec: # a comm¦\n'), undefined);
  assert.equal(at('spec:\n  some words here¦\n'), undefined);
});
