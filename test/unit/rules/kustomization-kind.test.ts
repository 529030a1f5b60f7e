// A kustomization's own kind and apiVersion, as kustomize enforces them (sweep CQ: `kind:
// kustomization` in a base, which only the overlay's render noticed, and only as a note).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { checkOverlaySync } from '../../../server/src/kustomize/check-overlay';
import { fixesOf } from '../../helpers/fix';

const kustomization = (head: string): string => `${head}resources:\n  - deploy.yaml\n`;
const found = (text: string): [string, number, string][] =>
  analyzeText(text).findings.map((f) => [f.rule, text.slice(0, f.start).split('\n').length - 1, text.slice(f.start, f.end)]);

test('kind must be Kustomization or Component, case and all; the fix writes the right case', () => {
  const text = kustomization('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: kustomization\n');
  assert.deepEqual(found(text), [['invalid-value', 1, 'kustomization']]);
  assert.match(analyzeText(text).findings[0]?.message ?? '', /kind should be Kustomization or Component.*Did you mean "Kustomization"\?/);
  assert.deepEqual(fixesOf(text, 'invalid-value').fixes.map((f) => f.title).slice(0, 1), ['Replace "kustomization" with "Kustomization"']);
});

test('apiVersion must match the kind; a missing kind or apiVersion is what kustomize fills in', () => {
  assert.deepEqual(found(kustomization('apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Kustomization\n')), [['invalid-value', 0, 'kustomize.config.k8s.io/v1alpha1']]);
  assert.deepEqual(found(kustomization('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Component\n')), [['invalid-value', 0, 'kustomize.config.k8s.io/v1beta1']]);
  assert.deepEqual(found(kustomization('apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n')), []);
  assert.deepEqual(found(kustomization('apiVersion: kustomize.config.k8s.io/v1beta1\n')), []);
  assert.deepEqual(found(kustomization('kind: Kustomization\n')), []);
  // Flux's Kustomization is another API.
  assert.deepEqual(found('apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: apps}\nspec: {interval: 10m, path: ./apps, prune: true, sourceRef: {kind: GitRepository, name: flux-system}}\n'), []);
});

const dir = mkdtempSync(join(tmpdir(), 'podsight-kustomization-kind-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test("the render's failure is not said twice: the field's own finding stands for it", () => {
  writeFileSync(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n');
  writeFileSync(join(dir, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: kustomization\nresources: [cm.yaml]\n');
  assert.deepEqual(checkOverlaySync(dir, { command: ['kubectl', 'kustomize'], analysis: {} }).findings, []);
  // With invalid-value off, the render's error is kept.
  assert.deepEqual(checkOverlaySync(dir, { command: ['kubectl', 'kustomize'], analysis: { rules: { 'invalid-value': 'off' } } }).findings.map((f) => f.rule), ['kustomize-build']);
  // `apiVersion: v1` is no kustomization's apiVersion to the field check: the render says it (kustomize's own multibases example).
  writeFileSync(join(dir, 'kustomization.yaml'), 'apiVersion: v1\nkind: Kustomization\nresources: [cm.yaml]\n');
  assert.deepEqual(checkOverlaySync(dir, { command: ['kubectl', 'kustomize'], analysis: {} }).findings.map((f) => f.rule), ['kustomize-build']);
  // Another failure of the same file is still the render's.
  writeFileSync(join(dir, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [missing.yaml]\n');
  assert.deepEqual(checkOverlaySync(dir, { command: ['kubectl', 'kustomize'], analysis: {} }).findings.map((f) => f.rule), ['kustomize-build']);
});

test('patches entries written as file names are refused by kustomize (sweep DT); the fix names the path; the render does not say it again', () => {
  const text = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\npatches:\n  - patch.yaml\n  - path: other.yaml\n';
  assert.deepEqual(found(text), [['invalid-value', 5, 'patch.yaml']]);
  assert.match(analyzeText(text).findings[0]?.message ?? '', /cannot unmarshal string into Go struct field Kustomization\.patches of type types\.Patch.*Write "- path: patch\.yaml"/);
  const fix = fixesOf(text, 'invalid-value').fixes[0];
  assert.equal(fix?.title, 'Replace "patch.yaml" with "path: patch.yaml"');
  assert.notEqual(fix?.preferred, true);
  // Without apiVersion and kind too, and in a flow list; not in a Flux Kustomization or another file.
  assert.deepEqual(found('resources: [deploy.yaml]\npatches: [patch.yaml]\n'), [['invalid-value', 1, 'patch.yaml']]);
  assert.equal(fixesOf('resources: [deploy.yaml]\npatches: [patch.yaml]\n', 'invalid-value').fixes[0]?.title, 'Replace "patch.yaml" with "{path: patch.yaml}"');
  assert.deepEqual(found('patches: [patch.yaml]\nname: renovate\n'), []);
  // Probe DY: files of other tools with these keys, a kind without apiVersion, inline patches, anchors.
  assert.deepEqual(found('resources:\n  limits: {cpu: 1}\npatches: [a.yaml]\nreplicaCount: 2\n'), []);
  assert.deepEqual(found('bases: [../common.yaml]\nreleases: [{name: x, chart: y}]\npatches: [a.yaml]\n'), []);
  assert.deepEqual(found('kind: Kustomization\nresources: [d.yaml]\npatches: [a.yaml]\n'), [['invalid-value', 2, 'a.yaml']]);
  const inline = 'kind: Kustomization\nresources: [d.yaml]\npatches:\n  - |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: d}\n    spec: {replicas: 3}\n';
  assert.match(analyzeText(inline).findings[0]?.message ?? '', /an inline patch goes under patch:/);
  assert.deepEqual(fixesOf(inline, 'invalid-value').fixes.filter((f) => !/^Disable/.test(f.title)), []);
  const anchored = 'kind: Kustomization\nresources: [d.yaml]\npatches:\n  - &a anchored.yaml\n';
  assert.equal(analyzeText(anchored).findings.length, 1);
  assert.deepEqual(fixesOf(anchored, 'invalid-value').fixes.filter((f) => !/^Disable/.test(f.title)), []);
  assert.deepEqual(found(text.replace('  - patch.yaml\n', '')), []);
  // The render fails with kustomize's own words; the entry's finding stands for them.
  writeFileSync(join(dir, 'deploy.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: y}\ndata: {a: b}\n');
  writeFileSync(join(dir, 'patch.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: y}\ndata: {a: c}\n');
  writeFileSync(join(dir, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deploy.yaml]\npatches: [patch.yaml]\n');
  assert.deepEqual(checkOverlaySync(dir, { command: ['kubectl', 'kustomize'], analysis: {} }).findings.map((f) => f.rule), []);
  assert.deepEqual(checkOverlaySync(dir, { command: ['kubectl', 'kustomize'], analysis: { rules: { 'invalid-value': 'off' } } }).findings.map((f) => f.rule), ['kustomize-build']);
});
