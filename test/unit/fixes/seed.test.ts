import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { check, yaml } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';
import { examplesDir } from '../../helpers/paths';

const example = (name: string): string => readFileSync(join(examplesDir, name), 'utf8');

test('seed: the hostPath `Path:` typo is fixed in one click (the preferred fix)', () => {
  const text = example('seed-hostpath-typo.yaml');
  const { fixes } = fixesOf(text, 'unknown-field');
  const preferred = fixes.filter((f) => f.preferred);
  assert.equal(preferred.length, 1);
  assert.equal(preferred[0]?.title, 'Replace "Path" with "path"');
  const { result } = applyFix(text, 'unknown-field', /Replace "Path"/);
  assert.equal(result, text.replace('      Path: "/logs"', '      path: "/logs"'));
  assert.deepEqual(check(result).filter((f) => f.severity === 'error'), []);
});

test('seed: the port conflict is fixed in one click by moving nginx, not its declaration', () => {
  const text = example('seed-port-conflict.yaml');
  const { fixes } = fixesOf(text, 'port-conflict');
  assert.equal(fixes.filter((f) => f.preferred).length, 1);
  const { result } = applyFix(text, 'port-conflict', /Move the process of "mycon2" to port 81: add ConfigMap "mypod-mycon2-nginx"/);
  assert.match(result, /- containerPort: 81\n    volumeMounts:\n    - name: mycon2-nginx-conf\n      mountPath: \/etc\/nginx\/conf.d\/default.conf\n      subPath: default.conf\n/);
  assert.match(result, /\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: mypod-mycon2-nginx\ndata:\n  default.conf: \|\n    server \{\n      listen 81;/);
  assert.deepEqual(check(result).filter((f) => /port/.test(f.rule)), []);
});

test('seed: renumbering only the declaration leaves the conflict and reports port-not-served', () => {
  const text = example('seed-port-conflict.yaml').replace('  - name: mycon2\n    image: nginx\n    ports:\n    - containerPort: 80', '  - name: mycon2\n    image: nginx\n    ports:\n    - containerPort: 81');
  assert.deepEqual(check(text).map((f) => f.rule).sort(), ['implicit-port-conflict', 'port-not-served']);
});

test('every finding on the examples offers a fix besides the two "disable" actions, or the disable ones', () => {
  for (const name of ['ports.yaml', 'volumes.yaml', 'names.yaml', 'sidecars.yaml', 'implicit-port-conflict.yaml', 'seed-hostpath-typo.yaml', 'seed-port-conflict.yaml']) {
    const text = example(name);
    const rules = new Set(check(text).map((f) => f.rule));
    for (const rule of rules) {
      const { fixes } = fixesOf(text, rule);
      assert.ok(fixes.some((f) => /^Disable .* for this line$/.test(f.title)), `${name} ${rule}`);
      assert.ok(fixes.some((f) => /^Disable .* for this file$/.test(f.title)), `${name} ${rule}`);
      assert.ok(fixes.filter((f) => f.preferred).length <= 1, `${name} ${rule}: more than one preferred`);
    }
  }
});

test('titles come from the catalogue in Simplified Chinese too', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      volumes:
      - name: logs
        hostPath:
          Path: /logs
      containers:
      - {name: a, image: busybox, volumeMounts: [{name: logs, mountPath: /logs}]}
  `;
  const { fixes } = fixesOf(text, 'unknown-field', 0, { locale: 'zh-cn' });
  assert.deepEqual(fixes.map((f) => f.title), ['将 "Path" 替换为 "path"', '在此行禁用 unknown-field', '在此文件中禁用 unknown-field']);
});
