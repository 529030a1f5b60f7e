/** Fragments: kustomize patches and test assertions are checked for what they determine only. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, yaml } from '../../helpers/check';
import { fragmentKindOf, isKustomizeResource, isTestAssertionName, patchesListed } from '../../../server/src/k8s/fragments';

const files: Record<string, string> = {
  '/repo/overlays/prod/kustomization.yaml': yaml`
    resources: [../../base]
    patches:
      - path: replicas.yaml
      - patch: |-
          - op: replace
            path: /spec/replicas
            value: 3
    patchesStrategicMerge: [sidecar.yaml]
    patchesJson6902:
      - target: {kind: Deployment, name: web}
        path: json/ops.yaml
  `,
};
const read = (p: string): string | undefined => files[p];

test('kustomize: files listed under patches, patchesStrategicMerge and patchesJson6902 are fragments', () => {
  assert.equal(fragmentKindOf('/repo/overlays/prod/replicas.yaml', read), 'kustomize-patch');
  assert.equal(fragmentKindOf('/repo/overlays/prod/sidecar.yaml', read), 'kustomize-patch');
  assert.equal(fragmentKindOf('/repo/overlays/prod/json/ops.yaml', read), 'kustomize-patch');
  assert.equal(fragmentKindOf('/repo/overlays/prod/service.yaml', read), undefined);
  assert.equal(fragmentKindOf('/repo/base/deployment.yaml', read), undefined);
  // Inline patches are not files.
  assert.equal(patchesListed(files['/repo/overlays/prod/kustomization.yaml']!, '/repo/overlays/prod').length, 3);
});

test('test assertions by their well-known names', () => {
  for (const name of ['00-assert.yaml', '01-errors.yaml', 'chainsaw-assert.yaml', 'pod-assert.yml', 'assert.yaml', 'x_error.yaml']) assert.ok(isTestAssertionName(`/t/${name}`), name);
  for (const name of ['deployment.yaml', 'assertion-config.yaml', 'errors-dashboard.json']) assert.ok(!isTestAssertionName(`/t/${name}`), name);
});

const partialPod = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
          - name: app
            volumeMounts: [{name: config, mountPath: /etc/app}]
            readinessProbe: {httpGet: {port: http}}
            imagePullPolicy: always
          - name: app2
            image: example/a
            ports: [{containerPort: 80}]
          - name: app3
            image: example/b
            ports: [{containerPort: 80}]
        volumes: [{name: unused, emptyDir: {}}]
`;

test('in a fragment: only what it determines (own conflicts, invalid values, typos)', () => {
  const whole = check(partialPod).map((f) => f.rule);
  assert.deepEqual(new Set(whole), new Set(['undefined-volume', 'unknown-port-name', 'invalid-value', 'port-conflict', 'unused-volume']));
  const fragment = check(partialPod, { fragment: 'kustomize-patch' }).map((f) => f.rule);
  assert.deepEqual(new Set(fragment), new Set(['invalid-value', 'port-conflict']));
});

test('a document with $patch is a fragment', () => {
  const text = partialPod.replace('volumes: [{name: unused, emptyDir: {}}]', 'volumes: [{name: unused, $patch: delete}]');
  assert.deepEqual(new Set(check(text).map((f) => f.rule)), new Set(['invalid-value', 'port-conflict']));
});

test('a patch of a kustomization whose JSON patches replace /kind is retyped: its schema is not the written kind\'s (emojivoto)', () => {
  const emojivoto: Record<string, string> = {
    '/e/statefulset/kustomization.yml': 'bases: [../deployment]\npatches: [service-name.yml]\npatchesJson6902:\n- target: {group: apps, version: v1, kind: Deployment, name: web}\n  path: patch.yml\n',
    '/e/statefulset/patch.yml': '- op: replace\n  path: /kind\n  value: StatefulSet\n',
  };
  const readE = (p: string): string | undefined => emojivoto[p];
  assert.equal(fragmentKindOf('/e/statefulset/service-name.yml', readE), 'kustomize-patch-retyped');
  // Inline, in JSON.
  const inline: Record<string, string> = { '/i/kustomization.yaml': 'patches:\n- path: p.yaml\n- patch: \'[{"op": "replace", "path": "/kind", "value": "StatefulSet"}]\'\n  target: {kind: Deployment}\n' };
  assert.equal(fragmentKindOf('/i/p.yaml', (p) => inline[p]), 'kustomize-patch-retyped');
  assert.equal(fragmentKindOf('/repo/overlays/prod/replicas.yaml', read), 'kustomize-patch', 'a /spec/replicas operation retypes nothing');
  // The Deployment patch adds serviceName, valid once it is a StatefulSet: no unknown-field.
  const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  serviceName: web\n';
  assert.deepEqual(check(patch, { fragment: 'kustomize-patch-retyped' }).filter((f) => f.rule === 'unknown-field'), []);
  assert.equal(check(patch, { fragment: 'kustomize-patch' }).filter((f) => f.rule === 'unknown-field').length, 1);
});

test('a resource of the kustomization beside it is a base: it may leave out what an overlay patches in', () => {
  const tree: Record<string, string> = { '/repo/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - ./svc/service.yaml\n  - ../shared\n' };
  const readTree = (p: string): string | undefined => tree[p];
  assert.equal(isKustomizeResource('/repo/base/deployment.yaml', readTree), true);
  assert.equal(isKustomizeResource('/repo/base/other.yaml', readTree), false, 'not listed');
  assert.equal(isKustomizeResource('/repo/base/svc/service.yaml', readTree), true, 'a kustomization above may list it');
  assert.equal(isKustomizeResource('/repo/base/svc/other.yaml', readTree), false);
  assert.equal(isKustomizeResource('/repo/plain/deployment.yaml', readTree), false);
  // Checked as a base: no missing-image error; the same Deployment alone is one.
  const deployment = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers:
            - name: web   # image: set by the overlays
  `;
  assert.equal(check(deployment, { kustomizeResource: true }).filter((f) => f.rule === 'invalid-value').length, 0);
  assert.equal(check(deployment).filter((f) => f.rule === 'invalid-value').length, 1);
});

test('in a kustomize patch, what depends on the base is not judged: listeners, and whether a volume starts empty', () => {
  const patch = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers:
            - name: redis
              image: redis:7.4
              ports: [{name: redis, containerPort: 6380}]
            - name: web
              image: nginx:1.27
              volumeMounts:
                - {name: html, mountPath: /usr/share/nginx/html}
                - {name: conf, mountPath: /etc/nginx}
          volumes:
            - {name: html, emptyDir: {}}
  `;
  const asPatch = check(patch, { fragment: 'kustomize-patch' });
  assert.deepEqual(asPatch.filter((f) => f.rule === 'port-not-served'), [], 'the base may run redis with --port 6380');
  const shadows = asPatch.filter((f) => f.rule === 'mount-shadows-image');
  assert.deepEqual(shadows.map((f) => f.severity), ['information', 'information'], 'another container of the base may fill the emptyDir');
  assert.match(shadows[1]?.message ?? '', /^Mounting volume "conf" at \/etc\/nginx hides/, 'a volume the patch does not define: no "(?)"');
  // The same pod as a whole object: the emptyDir surely starts empty; redis alone surely listens on 6379.
  assert.equal(check(patch).find((f) => f.rule === 'mount-shadows-image')?.severity, 'warning');
  const redisAlone = patch.slice(0, patch.search(/\n\s*- name: web/) + 1);
  assert.equal(check(redisAlone).filter((f) => f.rule === 'port-not-served').length, 1);
  assert.equal(check(redisAlone, { fragment: 'kustomize-patch' }).filter((f) => f.rule === 'port-not-served').length, 0);
});

test('kustomize: a patch applied through a builtin patch transformer listed under transformers is a fragment', () => {
  const tree: Record<string, string> = {
    '/repo/overlay/kustomization.yaml': 'resources: [../base]\ntransformers:\n  - patch-transformer.yaml\n  - |-\n    apiVersion: builtin\n    kind: PatchTransformer\n    metadata: {name: inline}\n    path: inline-patch.yaml\n',
    '/repo/overlay/patch-transformer.yaml': 'apiVersion: builtin\nkind: PatchStrategicMergeTransformer\nmetadata: {name: patches}\npaths:\n- resources-patch.yaml\n',
  };
  const reader = (p: string): string | undefined => tree[p];
  assert.equal(fragmentKindOf('/repo/overlay/resources-patch.yaml', reader), 'kustomize-patch');
  assert.equal(fragmentKindOf('/repo/overlay/inline-patch.yaml', reader), 'kustomize-patch');
  // Another transformer (a label transformer) makes no fragment of the files beside it.
  tree['/repo/other/kustomization.yaml'] = 'resources: [../base]\ntransformers: [labels.yaml]\n';
  tree['/repo/other/labels.yaml'] = 'apiVersion: builtin\nkind: LabelTransformer\nmetadata: {name: labels}\nlabels: {team: a}\npaths: [resources-patch.yaml]\n';
  assert.equal(fragmentKindOf('/repo/other/resources-patch.yaml', reader), undefined);
});
