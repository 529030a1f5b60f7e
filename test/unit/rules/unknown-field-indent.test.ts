/**
 * unknown-field on a key that slipped out of the list item above it (the list's `-` at the
 * column of the parent's keys, the key written at the dash's column): the message says where it
 * belongs and the preferred fix indents it back (sweep EM: a backup Pod whose containers lost
 * their image, command and mounts to PodSpec).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { applyEdits, fixesFor } from '../../../server/src/fixes';
import { findings } from '../../helpers/check';
import { assertYaml } from '../../helpers/fix';

const SLIPPED = `apiVersion: v1
kind: Pod
metadata:
  name: backup
spec:
  volumes:
  - name: data
  persistentVolumeClaim:
    claimName: data
  containers:
  - name: pgdump
  image: postgres:16
  command: ["pg_dump", "-f", "/data/dump.sql"]
  volumeMounts:
  - name: data
    mountPath: /data
`;

const RIGHT = `apiVersion: v1
kind: Pod
metadata:
  name: backup
spec:
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
  containers:
  - name: pgdump
    image: postgres:16
    command: ["pg_dump", "-f", "/data/dump.sql"]
    volumeMounts:
    - name: data
      mountPath: /data
`;

test('a key at the dash column of the list above: the message names the list and the item type', () => {
  const messages = findings(SLIPPED, 'unknown-field').map((f) => f.message);
  assert.equal(messages.length, 4);
  assert.match(messages[0] ?? '', /Unknown field "persistentVolumeClaim" in PodSpec\. It stands at the column of the "-" of the list "volumes" above.*last item \(Volume\)/);
  for (const m of messages.slice(1)) assert.match(m, /the list "containers" above.*\(Container\), which has such a field: indent it/);
});

test('the preferred fix indents the key and its value into the item, one key at a time, until the pod is right', () => {
  let text = SLIPPED;
  for (let round = 0; round < 10; round++) {
    const analysis = analyzeText(text);
    const finding = analysis.findings.find((f) => f.rule === 'unknown-field');
    if (!finding) break;
    const fix = fixesFor(analysis, finding).find((f) => f.preferred);
    assert.ok(fix, finding.message);
    assert.match(fix.title, /^Indent "\w+" into the last item of "(volumes|containers)"$/);
    text = applyEdits(text, fix.edits);
    assertYaml(text);
  }
  assert.equal(text, RIGHT);
  assert.deepEqual(analyzeText(text).findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
});

test('no indentation hint for a plain typo, a key the item type lacks, or a list indented as usual', () => {
  const typo = findings(SLIPPED.replace('  volumes:\n  - name: data\n  persistentVolumeClaim:\n    claimName: data\n', '  restartpolicy: Never\n'), 'unknown-field');
  assert.match(typo[0]?.message ?? '', /Unknown field "restartpolicy" in PodSpec\. Did you mean "restartPolicy"\?/);
  const foreign = findings(RIGHT.replace('  containers:', '  containers:').replace('      mountPath: /data\n', '      mountPath: /data\n  colour: blue\n'), 'unknown-field');
  assert.equal(foreign.length, 1);
  assert.doesNotMatch(foreign[0]?.message ?? '', /It stands at the column/);
  // The dash indented under its key: a key at the parent's column is the parent's, not a slip.
  const indented = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n  image: nginx\n';
  const plain = findings(indented, 'unknown-field');
  assert.equal(plain.length, 1);
  assert.doesNotMatch(plain[0]?.message ?? '', /It stands at the column/);
  const analysis = analyzeText(indented);
  const finding = analysis.findings.find((f) => f.rule === 'unknown-field')!;
  assert.ok(!fixesFor(analysis, finding).some((f) => /^Indent/.test(f.title)));
});
