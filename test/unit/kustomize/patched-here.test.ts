// The note on a patch that changes an object with a finding names the object, whatever its kind
// (sweep DF: "changes this pod here" on a patched Ingress).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkOverlaySync } from '../../../server/src/kustomize/check-overlay';

const root = mkdtempSync(join(tmpdir(), 'podsight-patched-here-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('a JSON patch of an Ingress is "a patch that changes this object"', () => {
  mkdirSync(join(root, 'base'));
  mkdirSync(join(root, 'overlay'));
  writeFileSync(join(root, 'base/kustomization.yaml'), 'resources:\n  - ing.yaml\n');
  writeFileSync(
    join(root, 'base/ing.yaml'),
    'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - host: a.example.com\n      http:\n        paths:\n          - path: /\n            backend: {serviceName: web, servicePort: http}\n',
  );
  writeFileSync(join(root, 'overlay/patch.yaml'), '- op: replace\n  path: /spec/rules/0/host\n  value: b.example.com\n');
  writeFileSync(join(root, 'overlay/kustomization.yaml'), 'resources:\n  - ../base\npatches:\n  - path: patch.yaml\n    target: {group: networking.k8s.io, version: v1beta1, kind: Ingress, name: web}\n');
  const check = checkOverlaySync(join(root, 'overlay'), { command: ['kubectl', 'kustomize'], analysis: {} });
  const removed = check.findings.find((f) => f.rule === 'removed-api-version');
  assert.ok(removed, 'the removed apiVersion is reported');
  const notes = removed.related.map((r) => r.message);
  assert.ok(notes.some((m) => /A patch of overlay .* changes this object here\./.test(m)), notes.join('\n'));
  assert.ok(!notes.some((m) => /this pod/.test(m)));
});
