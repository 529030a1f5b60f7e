import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { complete } from '../../../server/src/completion';
import { analyzeText } from '../../../server/src/core/analyze';
import { caret } from '../../helpers/caret';
import { yaml } from '../../helpers/check';
import { examplesDir } from '../../helpers/paths';

const t = (key: string, args?: Readonly<Record<string, string | number>>): string => `${key}${args ? JSON.stringify(args) : ''}`;

function labels(marked: string, yamlExtensionActive = false): string[] {
  const { text, offset } = caret(marked);
  const result = complete(analyzeText(text), offset, t, { yamlExtensionActive });
  return [...(result?.items ?? [])].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label);
}

const example = (name: string): string => readFileSync(join(examplesDir, name), 'utf8');

test('volume names of the pod for a volumeMount name (seed shared disk)', () => {
  const text = example('seed-shared-disk.yaml').replace('    - name: mymount\n      mountPath: /pm2logs', '    - name: ¦\n      mountPath: /pm2logs');
  assert.deepEqual(labels(text), ['mymount']);
});

test('a new containerPort is offered a free port first (seed port conflict)', () => {
  const text = example('seed-port-conflict.yaml').replace('    - containerPort: 80\n  - name: mycon3', '    - containerPort: 80\n    - containerPort: ¦\n  - name: mycon3');
  const got = labels(text);
  assert.equal(got[0], '8080');
  assert.ok(!got.includes('80') && !got.includes('1880'));
});

test("the image's own port comes first when nothing else takes it", () => {
  const got = labels(yaml`
    apiVersion: v1
    kind: Pod
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: ¦
      - name: app
        image: example/app
        ports:
        - containerPort: 8080
  `);
  assert.deepEqual(got.slice(0, 2), ['80', '8081']);
});

test('the port offered first is where the process really listens: moved by its ConfigMap or an env variable', () => {
  const moved = labels(yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: web-conf}
    data:
      default.conf: "server { listen 8081; }"
    ---
    apiVersion: v1
    kind: Pod
    spec:
      containers:
      - name: web
        image: nginx:1.27
        volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d}]
        ports:
        - containerPort: ¦
      volumes:
      - {name: conf, configMap: {name: web-conf}}
  `);
  assert.equal(moved[0], '8081');
  assert.ok(!moved.includes('80'));
  const env = labels(yaml`
    apiVersion: v1
    kind: Pod
    spec:
      containers:
      - name: grafana
        image: grafana/grafana:11.1.0
        env: [{name: GF_SERVER_HTTP_PORT, value: "3001"}]
        ports:
        - containerPort: ¦
  `);
  assert.equal(env[0], '3001');
  assert.ok(!env.includes('3000'));
});

test('keys: required first, present keys left out, status never offered', () => {
  const got = labels(yaml`
    apiVersion: apps/v1
    kind: Deployment
    spec:
      template:
        spec:
          containers:
          - name: a
            volumeMounts:
            - name: x
              ¦
  `);
  assert.equal(got[0], 'mountPath');
  assert.ok(!got.includes('name'));
  assert.ok(got.includes('readOnly'));
});

test('merged keys count as present', () => {
  const got = labels(yaml`
    apiVersion: v1
    kind: Pod
    spec:
      containers:
      - &base
        name: a
        image: nginx
      - <<: *base
        name: b
        ¦
  `);
  assert.ok(!got.includes('image'), got.join(','));
  assert.ok(got.includes('ports'));
});

test('enum values from the schema, with their documented meaning', () => {
  const { text, offset } = caret('apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      restartPolicy: ¦\n');
  const items = complete(analyzeText(text), offset, t)?.items ?? [];
  assert.deepEqual(items.map((i) => i.label).sort(), ['Always', 'Never', 'OnFailure']);
  const pull = caret('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    imagePullPolicy: ¦\n');
  const pullItems = complete(analyzeText(pull.text), pull.offset, t)?.items ?? [];
  assert.match(pullItems.find((i) => i.label === 'Never')?.documentation ?? '', /never pulls/);
  const medium = labels('apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n  - name: v\n    emptyDir: {medium: ¦}\n');
  assert.deepEqual(medium.sort(), ['""', 'HugePages', 'Memory']);
});

test('probe ports offer the container port names; Service targetPort the selected pods ports', () => {
  const probe = labels(yaml`
    apiVersion: v1
    kind: Pod
    spec:
      containers:
      - name: a
        ports: [{containerPort: 9090, name: metrics}]
        livenessProbe:
          httpGet:
            port: ¦
  `);
  assert.deepEqual(probe, ['metrics', '9090']);
  const service = labels(yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      template:
        metadata: {labels: {app: web}}
        spec:
          containers:
          - name: a
            ports:
            - {containerPort: 8080, name: http}
    ---
    apiVersion: v1
    kind: Service
    spec:
      selector: {app: web}
      ports:
      - port: 80
        targetPort: ¦
  `);
  assert.deepEqual(service, ['http', '8080']);
});

test('snippets for a container where a new item starts, and for volumes', () => {
  const got = labels('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    ¦\n');
  assert.equal(got[0], 'container');
  const volumes = labels('apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n  - ¦\n');
  for (const kind of ['emptyDir', 'hostPath', 'configMap', 'secret', 'persistentVolumeClaim']) assert.ok(volumes.includes(kind), kind);
});

test('with the Red Hat YAML extension only knowledge is offered', () => {
  const text = 'apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n  - ¦\n';
  const got = labels(text, true);
  assert.ok(got.includes('emptyDir'));
  assert.ok(!got.includes('name'), 'plain schema keys are left to the YAML extension');
  assert.deepEqual(labels('apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: ¦\n', true), []);
});

test('every pod-bearing kind, and List items', () => {
  const cron = labels('apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: a\n            imagePullPolicy: ¦\n');
  assert.deepEqual(cron.sort(), ['Always', 'IfNotPresent', 'Never']);
  const list = labels('apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  spec:\n    dnsPolicy: ¦\n');
  assert.ok(list.includes('ClusterFirst'), list.join(','));
});

test('non-Kubernetes YAML gets nothing', () => {
  assert.deepEqual(labels('services:\n  web:\n    ¦\n'), []);
});

test('a handler without a body while typing does not break the pod model', () => {
  const { text, offset } = caret('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    livenessProbe:\n      httpGet:\n        po¦\n');
  assert.doesNotThrow(() => analyzeText(text.replace('        po\n', '')));
  assert.ok(complete(analyzeText(text), offset, t)?.items.some((i) => i.label === 'port'));
});
