/**
 * What the notes say about templates is true: a volume name a template writes reads as written,
 * not as `""`; a document that holds only actions (a lone `{{- if … }}` before a `---`, a
 * `{{ template "x" . }}`) is neither called broken nor said to be checked.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, findings } from '../../helpers/check';

test('mount-shadows-image and nested-mount-path: a volume name a template writes is shown as written', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}
spec:
  containers:
    - name: proxy
      image: nginx:1.25
      volumeMounts:
        - name: {{ .Release.Name }}-html
          mountPath: /usr/share/nginx/html
        - name: {{ .Release.Name }}-conf
          mountPath: /usr/share/nginx/html/conf
  volumes:
    - name: {{ .Release.Name }}-html
      emptyDir: {}
    - name: {{ .Release.Name }}-conf
      emptyDir: {}
`;
  const found = check(text).filter((f) => f.rule === 'mount-shadows-image' || f.rule === 'nested-mount-path');
  assert.equal(found.length, 2);
  for (const f of found) assert.doesNotMatch(f.message, /""/, f.message);
  assert.match(found.find((f) => f.rule === 'nested-mount-path')!.message, /volume "\{\{ \.Release\.Name \}\}-html"\).*hidden by volume "\{\{ \.Release\.Name \}\}-conf"/);
  // The volume cannot be told from the mount's name: not claimed to be the emptyDir.
  assert.doesNotMatch(found.find((f) => f.rule === 'mount-shadows-image')!.message, /emptyDir/);
});

test('templated-file: a document of nothing but actions gets no note', () => {
  const text = `{{- if .Values.memcached.enabled -}}
---
apiVersion: v1
kind: Service
metadata:
  name: memcached
spec:
  selector: {app: memcached}
  ports: [{port: 11211}]
{{- end }}
---
{{- template "helpers.deployment" (dict "name" "www") }}
`;
  const notes = check(text).filter((f) => f.rule === 'templated-file');
  assert.deepEqual(notes.map((f) => f.text), ['{{- end }}']);
});

test('templated-file: an action over two lines keeps the next line\'s indentation, so the document is checked (sweep DW)', () => {
  const text = [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: gw}', 'spec:', '  selector: {matchLabels: {app: gw}}', '  template:',
    '    metadata: {labels: {app: gw}}', '    spec:', '      containers:', '      - name: gw', '        image: envoyproxy/gateway:v1.2.0',
    '        resources: {{- toYaml .Values.resources | nindent 10', '          }}', '        ports: [{containerPort: 8080}]', '      - name: sidecar', '        image: example/agent:1', '        ports: [{containerPort: 8080}]', '',
  ].join('\n');
  const found = check(text);
  const note = found.find((f) => f.rule === 'templated-file');
  assert.match(note?.message ?? '', /contains a template action \(\{\{ \}\}\)\. Podsight checked it with the actions masked.*is reported\. Render it/);
  // Checked: the duplicate port is found.
  assert.ok(found.some((f) => f.rule === 'port-conflict'), found.map((f) => f.rule).join(', '));
});

test('templated-file: a document whose actions only write values is whole, so a missing port name is reported (sweep DW)', () => {
  const deployment = (extra: string): string => [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: {{ .Values.replicas }}', '  selector: {matchLabels: {app: web}}',
    '  template:', '    metadata: {labels: {app: web}}', '    spec:', '      containers:', '      - name: web', '        image: "{{ .Values.image }}"',
    '        ports: [{name: http, containerPort: 8080}]', '        readinessProbe: {httpGet: {path: /, port: htpp}}', extra, '',
  ].join('\n');
  assert.ok(check(deployment('')).some((f) => f.rule === 'unknown-port-name'));
  // An action alone on its line may insert ports; a block may leave them out: not judged.
  assert.ok(!check(deployment('        {{- include "extra.ports" . | nindent 8 }}')).some((f) => f.rule === 'unknown-port-name'));
  assert.ok(!check(deployment('        {{- if .Values.x }}\n        env: []\n        {{- end }}')).some((f) => f.rule === 'unknown-port-name'));
});

test('templated-file: an action that writes a list item, a key, a structural field or Python braces keeps the pod partial (probe EB)', () => {
  const pod = (lines: string[]): string => ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: a', '    image: "{{ .Values.image }}"', ...lines, '    readinessProbe: {httpGet: {path: /, port: http}}', ''].join('\n');
  const judged = (lines: string[]): boolean => check(pod(lines)).some((f) => f.rule === 'unknown-port-name');
  assert.equal(judged(['    ports: [{name: web, containerPort: 80}]']), true);
  for (const lines of [
    ['    ports:', '    - {{ toJson .Values.port }}'],
    ['    ports: [{{ .Values.ports }}]'],
    ['    ports: {{ toJson .Values.ports }}'],
    ['    ports:', '    - {{ .Values.portKey }}: http', '      containerPort: 80'],
    ['    ports: [{name: web, containerPort: 80}]', '    resources: {{requests: {{cpu: 1}}}}'],
  ]) assert.equal(judged(lines), false, lines.join(' / '));
});

test('a template comment ends at its */ and }}: braces inside it are text (sweep EP: cert-manager)', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  {{- /* same as {{- if $value }} but also true for 0 */ -}}
  replicas: {{ .Values.replicas }}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          volumeMounts:
            - name: data
              mountPath: /data
`;
  assert.equal(findings(text, 'undefined-volume').length, 1);
  assert.doesNotMatch(findings(text, 'templated-file')[0]?.message ?? '', /not YAML/);
});

test('a template whose only actions are comments gets no note: everything was checked', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n{{- /* a note for chart readers */}}\nspec:\n  containers: [{name: c, image: nginx}]\n';
  assert.deepEqual(findings(text, 'templated-file'), []);
});
