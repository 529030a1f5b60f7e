import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { newNameErrors, renameEdits, renameTarget } from '../../../server/src/navigation/rename';
import { yaml } from '../../helpers/check';

const text = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec:
    selector: {app: web}
    ports: [{port: 80, targetPort: "http"}, {port: 81, targetPort: 8080}]
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: other}
  spec:
    selector: {app: other}
    ports: [{port: 80, targetPort: http}]
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
        - name: app
          image: x
          ports:
          - name: http
            containerPort: 8080
          readinessProbe: {httpGet: {path: /, port: http}}
          lifecycle: {preStop: {httpGet: {path: /stop, port: 'http'}}}
          volumeMounts: [{name: data, mountPath: /data}]
        - name: sidecar
          image: y
          ports: [{name: http, containerPort: 9090}]
          livenessProbe: {tcpSocket: {port: http}}
          volumeMounts: [{name: data, mountPath: /d}]
        volumes:
        - name: data
          emptyDir: {}
`;

function apply(source: string, at: string, nth: number, newName: string): string {
  const analysis = analyzeText(source);
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = source.indexOf(at, offset + 1);
  const target = renameTarget(analysis, offset + at.length - 1);
  assert.ok(target, `nothing to rename at ${at}#${nth}`);
  let out = source;
  for (const e of [...renameEdits(target, newName)].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

test('rename a port from its declaration: probes and handlers of that container and matching Services, quotes kept', () => {
  const out = apply(text, 'name: http', 0, 'web');
  assert.match(out, /targetPort: "web"\}, \{port: 81/);
  assert.match(out, /selector: \{app: other\}\n  ports: \[\{port: 80, targetPort: http\}\]/, 'a Service selecting other pods is untouched');
  assert.match(out, /- name: web\n {10}containerPort: 8080/);
  assert.match(out, /httpGet: \{path: \/, port: web\}/);
  assert.match(out, /port: 'web'/);
  assert.match(out, /ports: \[\{name: http, containerPort: 9090\}\]/, 'the sidecar keeps its own port');
  assert.match(out, /tcpSocket: \{port: http\}/);
});

test('rename a port from a probe that uses it', () => {
  const analysis = analyzeText(text);
  const at = text.indexOf('port: http}}') + 'port: '.length;
  const target = renameTarget(analysis, at + 1);
  assert.equal(target?.kind, 'port');
  assert.equal(text.slice(target?.start, target?.end), 'http');
  assert.equal(target?.occurrences.length, 4);
});

test('rename a volume from the volume or from a mount', () => {
  for (const [at, nth] of [['name: data', 2], ['name: data', 0]] as const) {
    const out = apply(text, at, nth, 'cache');
    assert.equal(out.split('name: cache').length - 1, 3);
    assert.equal(out.includes('name: data'), false);
  }
});

test('nothing renameable elsewhere; new names are validated', () => {
  const analysis = analyzeText(text);
  assert.equal(renameTarget(analysis, text.indexOf('image: x') + 8), undefined);
  assert.equal(renameTarget(analysis, text.indexOf('name: app') + 7), undefined);
  assert.deepEqual(newNameErrors('port', 'web'), []);
  assert.ok(newNameErrors('port', 'Web_Port').length > 0);
  assert.ok(newNameErrors('volume', 'Data').length > 0);
});

test('rename a volume claim template from a mount renames the template too', () => {
  const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  selector: {matchLabels: {app: db}}
  serviceName: db
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
      - name: db
        image: postgres
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;
  const out = apply(sts, 'name: data', 0, 'pgdata');
  assert.match(out, /- name: pgdata\n/);
  assert.match(out, /metadata: \{name: pgdata\}/);
});
