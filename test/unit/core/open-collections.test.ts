/**
 * A Helm template's collections that its actions add entries to are "open": no rule may say a
 * key or label is missing from them. Actions elsewhere (a value, another map) leave a map closed,
 * so the checks that need whole maps still run on templates.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';

const deployment = (labels: string, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: demo
      app.kubernetes.io/component: web
  template:
    metadata:
      labels:
${labels}
    spec:
      containers:
        - name: web
          image: {{ .Values.image }}
${extra}`;

test('selector-mismatch: labels an include, toYaml or range adds are unknown; literal labels beside other actions are still judged', () => {
  const open = [
    '        {{- include "demo.labels" (dict "component" "web") | nindent 8 }}\n        version: v1',
    '        version: v1\n        {{- with .Values.podLabels }}\n        {{- toYaml . | nindent 8 }}\n        {{- end }}',
    '        version: v1\n        {{- range $k, $v := .Values.podLabels }}\n        {{ $k }}: {{ $v | quote }}\n        {{- end }}',
  ];
  for (const labels of open) assert.deepEqual(findings(deployment(labels), 'selector-mismatch'), [], labels);
  // Only the image and the name are templated: the labels are all there, and one is missing.
  const closed = findings(deployment('        app.kubernetes.io/name: demo\n        version: v1'), 'selector-mismatch');
  assert.equal(closed.length, 1);
  assert.match(closed[0]!.message, /app.kubernetes.io\/component/);
});

const configMap = (data: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
${data}
---
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: {{ .Values.image }}
      env:
        - name: MODE
          valueFrom: {configMapKeyRef: {name: app-config, key: mode}}
`;

test('missing-config-key: keys a template inserts (toYaml, include, range) may hold the key; literal keys alone are judged', () => {
  const open = [
    '  main.conf: |\n    listen=8080\n  {{- with .Values.extraFiles }}\n  {{- toYaml . | nindent 2 }}\n  {{- end }}',
    '  main.conf: x\n  {{- include "app.extraConfig" . | nindent 2 }}',
    '  {{- range $k, $v := .Values.config }}\n  {{ $k }}: {{ $v | quote }}\n  {{- end }}',
  ];
  for (const data of open) assert.deepEqual(findings(configMap(data), 'missing-config-key'), [], data);
  const closed = findings(configMap('  main.conf: x\n  other: {{ .Values.other | quote }}'), 'missing-config-key');
  assert.equal(closed.length, 1);
  assert.match(closed[0]!.message, /main.conf, other/);
});

test('service-selects-nothing: a pod template whose labels an include adds may carry the label the Service asks for', () => {
  const chart = (extra: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
${extra}    spec:
      containers:
        - name: web
          image: {{ .Values.image }}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
    tier: frontend
  ports:
    - port: 80
`;
  assert.deepEqual(findings(chart('        {{- include "demo.extraLabels" . | nindent 8 }}\n'), 'service-selects-nothing'), []);
  assert.equal(findings(chart(''), 'service-selects-nothing').length, 1);
});

test('service-selects-nothing: another workload\'s near miss does not make it forget labels an include adds', () => {
  const workload = (name: string, labels: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${name === 'w1' ? 'web' : 'web3'}
  template:
    metadata:
      labels:
${labels}
    spec:
      containers:
        - name: c
          image: myorg/app:1
`;
  const file = (w1Labels: string): string => [
    workload('w1', w1Labels),
    workload('w3', '        app: web3\n        component: worker'),
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: s1\nspec:\n  selector:\n    app: web\n    component: worker\n  ports:\n    - port: 80\n',
  ].join('---\n');
  assert.deepEqual(findings(file('        app: web\n        {{- include "extra.labels" . | nindent 8 }}'), 'service-selects-nothing'), []);
  // The whole labels map from an include, or a placeholder value: as open.
  assert.deepEqual(findings(file('        {{- include "all.labels" . | nindent 8 }}'), 'service-selects-nothing'), []);
  assert.deepEqual(findings(file('        app: web\n        component: ${COMPONENT}'), 'service-selects-nothing'), []);
  // A literal value that contradicts the selector: the include cannot make it match.
  assert.equal(findings(file('        app: other\n        {{- include "extra.labels" . | nindent 8 }}'), 'service-selects-nothing').length, 1);
  assert.equal(findings(file('        app: web'), 'service-selects-nothing').length, 1);
});

test('an action on a line of its own may write the head of a list\'s first item: the keys below it are that item\'s, not a map in place of the list', () => {
  const pod = (action: string, indent: string): string => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
${action}
${indent}ports:
${indent}  - containerPort: 5432
`;
  assert.deepEqual(findings(pod('          {{- include "container.base" $ }}', '          '), 'invalid-value'), []);
  assert.deepEqual(findings(pod('        {{- include "app.container" . | nindent 8 }}', '          '), 'invalid-value'), []);
  // No action: a map where the list should be is refused.
  assert.equal(findings(pod('          name: db', '          ').replace(/^metadata:\n  name: db/m, 'metadata:\n  name: db'), 'invalid-value').length, 1);
});

test('an include at the column of its list key may write the first item\'s head (the `-` at the key\'s column): no "must be array"', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      {{- include "web.containerHead" . | nindent 6 }}
        image: nginx:1.25
        ports:
        - containerPort: 80
      volumes:
      {{- include "vol.head" . | nindent 6 }}
        emptyDir: {}
`;
  assert.deepEqual(findings(text, 'invalid-value'), []);
});
