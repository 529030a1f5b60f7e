/**
 * Findings of rendered overlays (real `kubectl kustomize`) placed on the lines that wrote them:
 * a strategic merge patch, a JSON 6902 patch, a patch inline in a nested overlay with a name
 * prefix, and the merge of several overlays' findings on a shared base.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../helpers/temp-dir';
import { Analyzer } from '../../../server/src/core/analyze';
import { checkOverlaySync, type OverlayCheckOptions } from '../../../server/src/kustomize/check-overlay';
import { mergeOverlays } from '../../../server/src/kustomize/map-findings';
import { examplesDir } from '../../helpers/paths';

const examples = join(examplesDir, 'kustomize');
const options = (labelBase: string): OverlayCheckOptions => ({ command: ['kubectl', 'kustomize'], analysis: {}, labelBase });

test('prod: the sidecar patch that reuses the base port gets port-conflict on its containerPort line', () => {
  const { findings } = checkOverlaySync(join(examples, 'overlays/prod'), options(examples));
  assert.deepEqual(findings.map((f) => [f.rule, f.file.slice(examples.length + 1), f.range.start.line, f.range.start.character]), [['port-conflict', 'overlays/prod/metrics-sidecar.yaml', 12, 29]]);
  const [f] = findings;
  assert.match(f?.message ?? '', /already declared by container "web".*\(in overlay overlays\/prod\)$/s);
  assert.match(f?.message ?? '', /spec\.template\.spec\.containers\[1\]\.ports\[0\]: duplicate port definition with spec\.template\.spec\.containers\[0\]\.ports\[0\]/);
  assert.deepEqual(f?.related.map((r) => [r.file.slice(examples.length + 1), r.range.start.line]), [['base/deployment.yaml', 18]]);
});

test("dev: the JSON patch renaming the base's volume gets undefined-volume on the base mount, the patch as related", () => {
  const { findings } = checkOverlaySync(join(examples, 'overlays/dev'), options(examples));
  const f = findings.find((x) => x.rule === 'undefined-volume');
  assert.equal(f?.file, join(examples, 'base/deployment.yaml'));
  assert.equal(f?.range.start.line, 20);
  assert.deepEqual(f?.related.map((r) => [r.file.slice(examples.length + 1), r.range.start.line]), [['overlays/dev/rename-volume.yaml', 1]]);
  // The renamed volume is now unused: that note belongs to the patch's `value` line.
  const unused = findings.find((x) => x.rule === 'unused-volume');
  assert.deepEqual([unused?.file.slice(examples.length + 1), unused?.range.start.line], ['overlays/dev/rename-volume.yaml', 2]);
});

test('a nested overlay with a name prefix and an inline patch: the finding lands inside the kustomization, on the inline line', () => {
  const root = tempDir('podsight-nested-');
  cpSync(examples, root, { recursive: true });
  const eu = join(root, 'overlays/prod-eu');
  const kustomization = `resources:
  - ../prod
namePrefix: eu-
patches:
  - target:
      kind: Deployment
      name: web
    patch: |-
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
              - name: metrics
                volumeMounts:
                  - name: logs
                    mountPath: /var/log/metrics
`;
  cpSync(join(root, 'overlays/prod'), eu, { recursive: true });
  writeFileSync(join(eu, 'kustomization.yaml'), kustomization);
  rmSync(join(eu, 'metrics-sidecar.yaml'));
  const { findings, result } = checkOverlaySync(eu, options(root));
  assert.ok(result.ok, JSON.stringify(result));
  const undefinedVolume = findings.find((f) => f.rule === 'undefined-volume');
  assert.equal(undefinedVolume?.file, join(eu, 'kustomization.yaml'));
  const line = kustomization.split('\n').findIndex((l) => l.includes('- name: logs'));
  assert.equal(undefinedVolume?.range.start.line, line);
  assert.equal(undefinedVolume?.range.start.character, kustomization.split('\n')[line]?.indexOf('logs'));
  // The port conflict of ../prod is still there, on ../prod's patch, named for this overlay.
  const conflict = findings.find((f) => f.rule === 'port-conflict');
  assert.equal(conflict?.file, join(eu, '../prod/metrics-sidecar.yaml'));
  assert.match(conflict?.message ?? '', /\(in overlay overlays\/prod-eu\)$/);
});

test('a base finding raised by two overlays is shown once, naming both', () => {
  const a = checkOverlaySync(join(examples, 'overlays/prod'), options(examples)).findings;
  const same = a.map((f) => ({ ...f, overlays: ['overlays/other'] }));
  const merged = mergeOverlays([a, same], 'en');
  assert.equal(merged.length, a.length);
  assert.match(merged[0]?.message ?? '', /\(in overlays overlays\/prod, overlays\/other\)$/);
});

test('each file of the example checked on its own (as --no-render does) reports nothing', () => {
  for (const rel of ['overlays/prod/metrics-sidecar.yaml', 'overlays/dev/rename-volume.yaml', 'overlays/prod/kustomization.yaml', 'overlays/dev/kustomization.yaml', 'base/deployment.yaml']) {
    const found = new Analyzer().analyze(readFileSync(join(examples, rel), 'utf8')).findings;
    assert.deepEqual(found.map((f) => f.rule), [], rel);
  }
});

test('a base checked on its own is named a kustomization, not an overlay', () => {
  const root = tempDir('podsight-base-alone-');
  cpSync(examples, root, { recursive: true });
  const deployment = join(root, 'base/deployment.yaml');
  // A second container reusing the port: a finding of the base itself.
  writeFileSync(deployment, readFileSync(deployment, 'utf8').replace('      volumes:', '        - name: copy\n          image: nginxinc/nginx-unprivileged:1.27\n          ports:\n            - containerPort: 8080\n      volumes:'));
  const alone = checkOverlaySync(join(root, 'base'), options(root)).findings.find((f) => f.rule === 'port-conflict');
  assert.match(alone?.message ?? '', /\(in kustomization base\)$/);
  const overlay = checkOverlaySync(join(root, 'overlays/dev'), options(root)).findings.find((f) => f.rule === 'port-conflict');
  assert.match(overlay?.message ?? '', /\(in overlay overlays\/dev\)$/);
});
