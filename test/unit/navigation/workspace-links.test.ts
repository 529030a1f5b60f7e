import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yaml } from '../../helpers/check';
import { linksIn } from '../../helpers/workspace-links';

const SELF = '/ws/app/deploy.yaml';

const links = (files: Record<string, string>, needle: string, occurrence = 0, namespaces: Record<string, string> = {}) =>
  linksIn(SELF, files, needle, occurrence, namespaces);

const deployment = (extra = '') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web${extra}}
  spec:
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web, tier: front}
      spec:
        containers:
        - name: web
          image: nginx
          env:
          - name: MODE
            valueFrom:
              configMapKeyRef: {name: settings, key: mode}
          envFrom:
          - secretRef: {name: creds}
          volumeMounts: [{name: conf, mountPath: /etc/web}]
        volumes:
        - name: conf
          configMap:
            name: settings
            items: [{key: mode, path: mode.txt}]
`;

const configMap = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: settings}
  data:
    mode: fast
    other: x
`;

const service = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec:
    selector: {app: web}
    ports: [{port: 80}]
`;

test('a configMapKeyRef name goes to the ConfigMap in another file; references are every use', () => {
  const found = links({ [SELF]: deployment(), '/ws/app/config.yaml': configMap }, 'settings');
  assert.equal(found?.kind, 'config-name');
  assert.deepEqual(found?.defs, ['/ws/app/config.yaml: settings']);
  assert.deepEqual(found?.refs, [`${SELF}: settings`, `${SELF}: settings`]);
});

test('a key (configMapKeyRef.key, items[].key) goes to the data entry', () => {
  const files = { [SELF]: deployment(), '/ws/app/config.yaml': configMap };
  const env = links(files, 'key: mode', 0, {});
  assert.equal(links(files, 'mode}', 0)?.kind, 'config-key');
  assert.deepEqual(links(files, 'mode}', 0)?.defs, ['/ws/app/config.yaml: mode']);
  assert.deepEqual(links(files, 'mode, path', 0)?.refs, [`${SELF}: mode`, `${SELF}: mode`]);
  assert.equal(env, undefined, 'the `key` word itself is no link');
});

test("a mount's subPath into a configMap volume is a key: it goes to the data entry", () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: x, volumeMounts: [{name: c, mountPath: /etc/other, subPath: other}]}]\n  volumes: [{name: c, configMap: {name: settings}}]\n';
  const files = { [SELF]: pod, '/ws/app/config.yaml': configMap };
  assert.equal(links(files, 'other}', 0)?.kind, 'config-key');
  assert.deepEqual(links(files, 'other}', 0)?.defs, ['/ws/app/config.yaml: other']);
});

test('from the ConfigMap: its name and its keys find the pods that use them', () => {
  const files = { [SELF]: configMap, '/ws/app/deploy2.yaml': deployment() };
  const byName = links(files, 'settings');
  assert.deepEqual(byName?.defs, [`${SELF}: settings`]);
  assert.equal(byName?.refs.length, 2);
  assert.ok(byName?.refs.every((r) => r === '/ws/app/deploy2.yaml: settings'));
  assert.equal(links(files, 'mode')?.refs.length, 2);
  assert.deepEqual(links(files, 'other')?.refs, []);
});

test('silent: the ConfigMap in another namespace, or not in the workspace, or in a sibling folder', () => {
  const other = { '/ws/app/config.yaml': yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: settings, namespace: prod}
    data: {mode: fast}
  ` };
  const found = links({ [SELF]: deployment(), ...other }, 'settings', 0, { [SELF]: 'dev' });
  assert.deepEqual(found?.defs, [], 'another namespace');
  assert.deepEqual(links({ [SELF]: deployment() }, 'settings')?.defs, [], 'not in the workspace');
  assert.deepEqual(links({ [SELF]: deployment(), '/ws/other/config.yaml': configMap }, 'settings')?.defs, [], 'a sibling folder');
  assert.equal(links({ [SELF]: deployment(), '/ws/app/config.yaml': configMap }, 'mode', 2), undefined, 'items[].path is no key');
});

test('a Secret name (envFrom) goes to the Secret, never to a ConfigMap of that name', () => {
  const secret = yaml`
    apiVersion: v1
    kind: Secret
    metadata: {name: creds}
    stringData: {user: u}
  `;
  const cm = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: creds}
  `;
  const found = links({ [SELF]: deployment(), '/ws/app/s.yaml': secret, '/ws/app/c.yaml': cm }, 'creds');
  assert.deepEqual(found?.defs, ['/ws/app/s.yaml: creds']);
});

test('a Service selector value goes to the labels of the pods it selects, across files', () => {
  const files = { [SELF]: service, '/ws/app/web.yaml': deployment(), '/ws/app/api.yaml': deployment('-canary') };
  const found = links(files, 'web}', 1);
  assert.equal(found?.kind, 'label-value');
  assert.deepEqual(found?.defs, ['/ws/app/api.yaml: web', '/ws/app/web.yaml: web']);
  // The Service itself and both workloads' own selectors.
  assert.deepEqual(found?.refs, [`${SELF}: web`, '/ws/app/api.yaml: web', '/ws/app/web.yaml: web']);
  assert.deepEqual(links(files, 'app:')?.defs, ['/ws/app/api.yaml: app', '/ws/app/web.yaml: app']);
});

test('a pod template label finds the Services and NetworkPolicies selecting its pod', () => {
  const policy = yaml`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: web}
    spec:
      podSelector:
        matchLabels: {app: web}
  `;
  const files = { [SELF]: deployment(), '/ws/app/svc.yaml': service, '/ws/app/np.yaml': policy };
  const found = links(files, 'app: web, tier', 0);
  assert.equal(found?.kind, 'label-key');
  assert.deepEqual(found?.defs, [`${SELF}: app`]);
  assert.deepEqual(found?.refs, [`${SELF}: app`, '/ws/app/np.yaml: app', '/ws/app/svc.yaml: app']);
  assert.deepEqual(links(files, 'front')?.refs, [], 'no selector uses tier');
});

test('silent: a Service in another namespace does not select the pod', () => {
  const files = { [SELF]: deployment(), '/ws/app/svc.yaml': service };
  const found = links(files, 'app: web, tier', 0, { [SELF]: 'dev', '/ws/app/svc.yaml': 'prod' });
  assert.deepEqual(found?.refs, [`${SELF}: app`], 'only the workload\'s own selector');
  const none = links({ [SELF]: service }, 'web}', 1);
  assert.deepEqual(none?.defs, [], 'no pod in the workspace');
});
