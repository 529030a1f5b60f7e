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

test('only slipped keys may stand between the list and the key; the fix indents the whole run to the item\'s column', () => {
  const pod = (body: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${body}`;
  const hint = (text: string): string[] => findings(text, 'unknown-field').filter((f) => /It stands at the column/.test(f.message)).map((f) => f.message);
  // A field of the pod, a block map or a flow list between: not a slip of that list (probe: wrong list, broken fixes).
  assert.deepEqual(hint(pod('  containers:\n  - name: app\n    command: [sleep, "3600"]\n  restartPolicy: Always\n  image: busybox\n')), []);
  assert.deepEqual(hint(pod('  containers:\n  - name: app\n  securityContext:\n    runAsUser: 1000\n  image: busybox\n')), []);
  assert.deepEqual(hint(pod('  initContainers:\n  - name: init\n    image: busybox\n  containers: [{name: app, image: nginx}]\n  command: [sleep, "1"]\n')), []);
  // A flow map as the last item, or a key the item already has (a forgotten "- "): no hint.
  assert.deepEqual(hint(pod('  containers:\n  - {name: app, image: nginx}\n  command: [sleep, "1"]\n')), []);
  assert.deepEqual(hint(pod('  containers:\n  - name: app\n    image: nginx\n  name: sidecar\n  image: busybox\n')), []);
  // Four-space item keys: the fix indents to their column.
  const wide = pod('    containers:\n    -   name: app\n        image: nginx\n    command: [sleep, "3600"]\n'.replace(/^    /gm, '  '));
  const wideAnalysis = analyzeText(wide);
  const wideFinding = wideAnalysis.findings.find((f) => f.rule === 'unknown-field')!;
  assert.match(wideFinding.message, /by 4 spaces/);
  const wideFixed = applyEdits(wide, fixesFor(wideAnalysis, wideFinding).find((f) => f.preferred)!.edits);
  assertYaml(wideFixed);
  assert.deepEqual(findings(wideFixed, 'unknown-field'), []);
  // A key after a slipped block list is a slip too, and its fix carries the list along.
  const run = pod('  containers:\n  - name: app\n    image: busybox\n  volumeMounts:\n  - name: data\n    mountPath: /data\n  command: [sleep, "1"]\n  volumes:\n  - name: data\n    emptyDir: {}\n');
  const analysis = analyzeText(run);
  const command = analysis.findings.find((f) => f.rule === 'unknown-field' && /"command"/.test(f.message))!;
  assert.match(command.message, /the list "containers" above/);
  const fixed = applyEdits(run, fixesFor(analysis, command).find((f) => f.preferred)!.edits);
  assertYaml(fixed);
  assert.deepEqual(analyzeText(fixed).findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
});
