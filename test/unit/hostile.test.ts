// Hostile YAML: every input terminates without throwing, with in-range findings (at most a clear
// diagnostic). Time and memory are measured by `npm run fuzz`, never asserted here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../helpers/check';
import { hostileInputs, runHostile } from './hostile-inputs';

for (const [name, make] of Object.entries(hostileInputs)) {
  test(`hostile: ${name}`, () => {
    runHostile(make());
  });
}

test('hostile: positions are UTF-16 code units (emoji before a conflict)', () => {
  const conflict = check(hostileInputs.emoji?.() ?? '').find((f) => f.rule === 'port-conflict');
  assert.ok(conflict);
  assert.equal(conflict.text, '80');
  // `- name: 👩‍👩‍👧` is 8 code units; the range's line holds `ports: [{containerPort: 80}]`.
  assert.equal(conflict.range.start.character, '    ports: [{containerPort: '.length);
});

test('hostile: a BOM and CRLF keep ranges on the right text', () => {
  for (const name of ['bom', 'bom-every-document', 'crlf']) {
    const findings = check(hostileInputs[name]?.() ?? '');
    const conflict = findings.find((f) => f.rule === 'port-conflict');
    assert.equal(conflict?.text, '80', name);
    assert.equal(conflict?.range.start.character, '    ports: [{containerPort: '.length, name);
  }
});

test('hostile: an alias bomb yields a bounded number of findings with bounded data', () => {
  const findings = check(hostileInputs['billion-laughs-seq']?.() ?? '');
  assert.ok(findings.length < 100, String(findings.length));
  assert.ok(JSON.stringify(findings).length < 200_000);
});

test('hostile: a duplicate key is named whole', () => {
  const [dup] = check('apiVersion: v1\napiVersion: v1\nkind: Pod\n').filter((f) => f.rule === 'yaml-syntax');
  assert.equal(dup?.text, 'apiVersion');
  assert.match(dup?.message ?? '', /"apiVersion"/);
});
