/**
 * The main thread of `check --jobs N` checks its units in steps, one file each, so that workers
 * get their next unit while it works. The steps must give exactly what `checkUnit` gives.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkUnit, checkUnitSteps, type Unit } from '../../../server/src/cli/check-unit';

const dir = mkdtempSync(join(tmpdir(), 'podsight-unit-steps-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const pod = (name: string, port: number): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels: {app: ${name}}\nspec:\n  containers:\n  - name: a\n    image: busybox\n    ports: [{containerPort: ${port}}]\n  - name: b\n    image: busybox\n    ports: [{containerPort: ${port}}]\n`;
const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 9999}]\n';

function unitOf(files: Record<string, string>): Unit {
  return {
    files: Object.entries(files).map(([name, text], index) => {
      writeFileSync(join(dir, name), text);
      return { index, path: join(dir, name) };
    }),
    near: [],
  };
}

function stepsOf(unit: Unit): { yields: number; results: ReturnType<typeof checkUnit> } {
  const steps = checkUnitSteps(unit, {}, 'en');
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { yields, results: step.value };
    yields++;
  }
}

for (const [label, files] of [
  ['files that look only at themselves', { 'a.yaml': pod('a', 80), 'b.yaml': pod('b', 81), 'c.yaml': pod('c', 82) }],
  ['files that look across files (a Service and its pods)', { 'a.yaml': pod('web', 80), 'b.yaml': service, 'c.yaml': pod('c', 82) }],
] as const) {
  test(`checkUnitSteps yields between files and gives what checkUnit gives: ${label}`, () => {
    const unit = unitOf(files);
    const { yields, results } = stepsOf(unit);
    assert.ok(yields >= unit.files.length, `${yields} steps for ${unit.files.length} files`);
    assert.deepEqual(results, checkUnit(unit, {}, 'en'));
    assert.ok(results.some((r) => r.findings.some((f) => f.rule === 'port-conflict')), JSON.stringify(results));
  });
}

test('a byte-order mark at the start of a file is not a character of its first line (editors drop it)', () => {
  const text = 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: web}\n';
  const [withMark] = checkUnit(unitOf({ 'bom.yaml': `\ufeff${text}` }), {}, 'en');
  const [without] = checkUnit(unitOf({ 'plain.yaml': text }), {}, 'en');
  const ranges = (r: typeof withMark) => r?.findings.map((f) => f.range);
  assert.equal(ranges(withMark)?.[0]?.start.character, 12);
  assert.deepEqual(ranges(withMark), ranges(without));
});
