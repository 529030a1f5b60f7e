import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMap, parseDocument } from 'yaml';
import { validateSchema } from '../../../server/src/schema/validate';
import type { SchemaProblem } from '../../../server/src/schema/validate';
import { check, summary, textOf } from './helpers';

test('seed typo: hostPath.Path', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: logs
spec:
  containers:
    - name: app
      image: nginx
      volumeMounts:
        - name: logs
          mountpath: /var/log/nginx
  volumes:
    - name: logs
      hostPath:
        Path: /logs
`;
  const { problems } = check(text);
  assert.deepEqual(summary(problems), [
    'unknown-field spec.containers[0].volumeMounts[0].mountpath -> mountPath',
    'unknown-field spec.volumes[0].hostPath.Path -> path',
  ]);
  const p = problems[1] as Extract<SchemaProblem, { kind: 'unknown-field' }>;
  assert.equal(p.key, 'Path');
  assert.equal(p.typeName, 'core.v1.HostPathVolumeSource');
  assert.deepEqual(p.allowed, ['path', 'type']);
  assert.equal(textOf(text, p.keyNode), 'Path');
});

test('Deployment and CronJob templates', () => {
  const deploy = check(`apiVersion: apps/v1
kind: Deployment
metadata: {name: d, labels: {app: d}}
spec:
  replicas: 2
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}, annotations: {"free/form": "x"}}
    spec:
      containers:
        - name: c
          image: nginx
          imagePullPolicy: ifNotPresent
          ports: [{containerPort: 80, protocol: tcp}]
          resources: {limits: {cpu: 500m, memory: 1Gi}, requests: {cpu: 0.5, memory: 128974848}}
          livenes: {}
`);
  assert.deepEqual(summary(deploy.problems), [
    'invalid-value spec.template.spec.containers[0].imagePullPolicy "ifNotPresent" enum:Always|IfNotPresent|Never',
    'invalid-value spec.template.spec.containers[0].ports[0].protocol "tcp" enum:SCTP|TCP|UDP',
    'unknown-field spec.template.spec.containers[0].livenes',
  ]);
  const cron = check(`apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "*/5 * * * *"
  concurrencyPolicy: forbid
  jobTemplate:
    spec:
      backoffLimit: 3
      template:
        spec:
          restartPolicy: always
          containers:
            - name: c
              image: busybox
              args: [sh, -c, date]
          volumes:
            - name: v
              hostPath: {path: /data, type: directory}
            - name: e
              emptyDir: {medium: Memory, sizeLimit: 1Gi}
            - name: h
              emptyDir: {medium: HugePages-2Mi}
            - name: x
              emptyDir: {medium: ""}
            - name: yy
              hostPath: {path: /y, type: ""}
`);
  assert.deepEqual(summary(cron.problems), [
    'invalid-value spec.concurrencyPolicy "forbid" enum:Allow|Forbid|Replace',
    'invalid-value spec.jobTemplate.spec.template.spec.restartPolicy "always" enum:Always|Never|OnFailure',
    'invalid-value spec.jobTemplate.spec.template.spec.volumes[0].hostPath.type "directory" enum:|BlockDevice|CharDevice|Directory|DirectoryOrCreate|File|FileOrCreate|Socket',
  ]);
});

test('int-or-string ports and wrong scalar types', () => {
  const { problems } = check(`apiVersion: v1
kind: Service
metadata:
  name: s
  labels: {version: 2, ok: "2"}
spec:
  type: ClusterIP
  ports:
    - {port: 80, targetPort: http}
    - {port: "443", targetPort: 8443}
    - {port: 81, targetPort: 80.5, nodePort: true}
  selector: [app]
`);
  assert.deepEqual(summary(problems), [
    'invalid-value metadata.labels[version] 2 type:string',
    'invalid-value spec.ports[1].port "443" type:integer',
    'invalid-value spec.ports[2].targetPort 80.5 type:int-or-string',
    'invalid-value spec.ports[2].nodePort true type:integer',
    'invalid-value spec.selector ["app"] type:object',
  ]);
});

test('env values, YAML 1.1 booleans, nulls, lists and objects', () => {
  const { problems } = check(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostNetwork: yes
  nodeName: ~
  containers:
    - name: c
      image: app
      command: /bin/sh
      env:
        - {name: A, value: 123}
        - {name: B, value: yes}
        - {name: C, value: "yes"}
        - {name: D, value: ""}
        - {name: E, value: 1.5}
        - {name: F}
        - {name: G, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
        - {name: H, value: n}
      securityContext: {privileged: "true", runAsUser: 1000}
      livenessProbe: 5
      ports: {containerPort: 80}
      tty: null
`);
  assert.deepEqual(summary(problems), [
    'invalid-value spec.containers[0].command "/bin/sh" type:array',
    'invalid-value spec.containers[0].env[0].value 123 type:string',
    'invalid-value spec.containers[0].env[1].value true type:string',
    'invalid-value spec.containers[0].env[4].value 1.5 type:string',
    'invalid-value spec.containers[0].env[7].value false type:string',
    'invalid-value spec.containers[0].securityContext.privileged "true" type:boolean',
    'invalid-value spec.containers[0].livenessProbe 5 type:object',
    'invalid-value spec.containers[0].ports {"containerPort":80} type:array',
  ]);
});

test('merge keys: merged keys validated, problems at the anchor reported once', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {app: d}}
  template:
    spec:
      containers:
        - &base
          name: a
          image: app
          imagePullPolicy: always
          mountPath: /x
        - <<: *base
          name: b
        - <<: [*base]
          name: c
          imagePullPolicy: Never
        - <<: *base
          name: d
          Image: typo
`;
  const { problems } = check(text);
  assert.deepEqual(summary(problems), [
    'invalid-value spec.template.spec.containers[0].imagePullPolicy "always" enum:Always|IfNotPresent|Never',
    'unknown-field spec.template.spec.containers[0].mountPath',
    'unknown-field spec.template.spec.containers[3].Image -> image',
  ]);
  for (const p of problems.slice(0, 2)) {
    const node = p.kind === 'unknown-field' ? p.keyNode : p.valueNode;
    assert.ok(node.range && node.range[0] < text.indexOf('- <<'), 'reported at the anchor');
  }
});

test('merge key whose anchor lives in a different place is validated in context', () => {
  const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: &meta
      name: x
      labelz: {a: b}
    data: {a: b}
  - apiVersion: v1
    kind: Pod
    metadata:
      <<: *meta
      name: other
    spec:
      containers: [{name: c, image: i, imagePullPolicy: Sometimes}]
  - apiVersion: example.com/v1
    kind: Unknown
    spec: {anything: 1}
  - just a string
`;
  const { problems } = check(text);
  assert.deepEqual(summary(problems), [
    'unknown-field items[0].metadata.labelz -> labels',
    'invalid-value items[1].spec.containers[0].imagePullPolicy "Sometimes" enum:Always|IfNotPresent|Never',
  ]);
});

test('aliases to whole subtrees are validated once', () => {
  const { problems } = check(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - &c {name: c, image: i, imagePullPolicy: bad}
  containers:
    - *c
    - *c
`);
  assert.deepEqual(summary(problems), [
    'invalid-value spec.initContainers[0].imagePullPolicy "bad" enum:Always|IfNotPresent|Never',
  ]);
});

test('status and free-form places', () => {
  const { problems } = check(`apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations: {"a/b": "c"}
  managedFields:
    - manager: kubectl
      fieldsV1: {"f:metadata": {"f:labels": {}}}
spec:
  containers: [{name: c, image: i}]
status:
  phase: Running
  podIP: 10.0.0.1
  bogus: 1
`);
  assert.deepEqual(summary(problems), ['unknown-field status.bogus']);
});

test('kustomize patch directives are not fields', () => {
  const { problems } = check(`apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
$patch: delete
`);
  assert.deepEqual(problems, []);
});

test('never throws on odd input', () => {
  const inputs = [
    '',
    '~',
    'apiVersion: v1\nkind: Pod\n',
    'apiVersion: v1\nkind: Pod\nspec:\n',
    'apiVersion: v1\nkind: Pod\nspec: [1, 2]\nmetadata: 3\n',
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - - a\n    - ~\n    - 1\n  volumes: {a: b}\n',
    'apiVersion: v1\nkind: Pod\nspec:\n  ? [complex, key]\n  : 1\n  1: 2\n  true: 3\n  null: 4\n',
    'apiVersion: v1\nkind: Pod\nspec: &a\n  x: *a\n  <<: *a\n',
    'apiVersion: v1\nkind: Pod\nspec:\n  <<: *missing\n  <<: 5\n  <<: [1, *nope]\n',
    'apiVersion: v1\nkind: List\nitems: 5\n',
    'apiVersion: v1\nkind: List\nitems:\n  - ~\n  - [1]\n  - {apiVersion: v1, kind: List, items: [{apiVersion: v1, kind: Pod, spec: 1}]}\n',
    'apiVersion: v1\nkind: Pod\nspec: {containers: [{name: c, ports: [{containerPort: .inf}, {containerPort: 0x50}]}]}\n',
    'apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n',
  ];
  for (const text of inputs) {
    assert.doesNotThrow(() => check(text), text);
    assert.doesNotThrow(() => check(text, 'core.v1.Pod'), text);
    assert.doesNotThrow(() => check(text, 'no.such.Type'), text);
  }
  const doc = parseDocument('a: 1', { merge: true, prettyErrors: false });
  if (isMap(doc.contents)) assert.doesNotThrow(() => validateSchema(doc.contents as never, 'core.v1.Pod', doc, () => undefined));
});
