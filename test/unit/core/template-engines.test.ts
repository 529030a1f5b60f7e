/**
 * Templates of other engines that render a manifest before it is applied: FreeMarker (`<#if>`,
 * `<#list>`, `</#if>`, as cloudogu/gitops-playground's `*.ftl.yaml`) and Jinja (`{% if %}`,
 * `{% endfor %}`). Their directives are masked like Terraform's: no syntax error or unknown field
 * comes from them, nothing inside their blocks is reported, a value holding one is unknown, and the
 * note names the engine. What lies outside them is still checked.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../helpers/check';

const deployment = (open: string, close: string, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: example/web:1
${extra}          volumeMounts:
            - name: messages
              mountPath: /tmp/messages
${open}
          resources:
            limits: {cpu: '1'}
${close}
      volumes:
        - name: messages
          configMap: {name: messages}
`;

test('FreeMarker and Jinja directives: no syntax error, no directive read as a field, the engine named', () => {
  const freemarker = check(deployment('<#if podResources == true>', '</#if>'));
  assert.deepEqual(freemarker.map((f) => f.rule), ['templated-file']);
  assert.match(freemarker[0]!.message, /a FreeMarker template/);
  const jinja = check(deployment('{% if resources %}', '{% endif %}'));
  assert.deepEqual(jinja.map((f) => f.rule), ['templated-file']);
  assert.match(jinja[0]!.message, /a Jinja template/);
});

test('a value holding a directive is unknown; a mistake outside the directives is still reported', () => {
  const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: <#if isRemote>LoadBalancer<#else>NodePort</#if>\n  selector: {app: web}\n  ports: [{port: 80}]\n';
  assert.deepEqual(check(service).filter((f) => f.severity === 'error'), []);
  assert.deepEqual(check(service.replace('<#if isRemote>LoadBalancer<#else>NodePort</#if>', "{% if remote %}LoadBalancer{% else %}NodePort{% endif %}")).filter((f) => f.severity === 'error'), []);
  const typo = check(deployment('<#if podResources == true>', '</#if>', '          imagePullPolicyy: Always\n'));
  assert.ok(typo.some((f) => f.rule === 'unknown-field' && /imagePullPolicyy/.test(f.message)), 'a misspelt field outside the blocks');
  // Without the directives, the same Service type is judged.
  assert.ok(check(service.replace('<#if isRemote>LoadBalancer<#else>NodePort</#if>', 'Loadbalancer')).some((f) => f.rule === 'invalid-value'));
});

test('Jinja expressions alone (Salt, Ansible): the note does not send the user to helm template (sweep EX)', () => {
  const salt = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-proxy\nspec:\n  containers:\n  - name: kube-proxy\n    image: {{pillar['kube_docker_registry']}}/kube-proxy:{{pillar['tag']}}\n";
  const [note] = check(salt).filter((f) => f.rule === 'templated-file');
  assert.match(note?.message ?? '', /that Go templates cannot read \(written for Jinja, Mustache or a script's `sed`\), so `helm template` cannot render it/);
  // A Go template comment may hold anything.
  assert.doesNotMatch(check(`{{/* the user's 'placeholder' pods */}}\n${salt.replace(/\{\{pillar.*$/m, '{{ .Values.image }}')}`).find((f) => f.rule === 'templated-file')?.message ?? '', /Go templates cannot read/);
  assert.doesNotMatch(note?.message ?? '', /for example with `helm template`/);
  assert.match(check(salt.replace(/\{\{pillar\[[^}]*\]\}\}/g, '{{ cpurequest }}')).find((f) => f.rule === 'templated-file')?.message ?? '', /Go templates cannot read/);
  // Go templates: a leading dot or $, double-quoted strings, keywords.
  for (const helm of ['{{ .Values.image }}', '{{ $registry }}/app:{{ .Chart.AppVersion | default "1" }}']) {
    assert.match(check(salt.replace(/\{\{pillar.*$/m, helm)).find((f) => f.rule === 'templated-file')?.message ?? '', /for example with `helm template`/, helm);
  }
});

test('probe 2: single quotes inside Go strings are Go; Ansible\'s dotted names are not', () => {
  const pod = (value: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: ${value}\n`;
  const note = (value: string): string => check(pod(value)).find((f) => f.rule === 'templated-file')?.message ?? '';
  assert.doesNotMatch(note(`{{ .Values.image | replace "'" "''" }}`), /Go templates cannot read/);
  assert.doesNotMatch(note(`{{ printf "'%s'" .Values.image }}`), /Go templates cannot read/);
  assert.match(note('{{ app.image }}'), /Go templates cannot read/);
});

test('sweep FD: an action opening a block scalar, or followed by a comment, leaves the chart checkable', () => {
  const daemonSet = (script: string, annotations = ''): string =>
    `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: ne\n  labels:\n    {{- include "ne.labels" . | nindent 4 }}\n${annotations}spec:\n  selector:\n    matchLabels: {app: ne}\n  strategy:\n    type: RollingUpdate\n  template:\n    metadata:\n      labels: {app: ne}\n    spec:\n      initContainers:\n        - name: fix\n          image: busybox:1.36\n          command:\n            - /bin/sh\n            - -c\n            - |\n${script}      containers:\n        - name: node-exporter\n          image: quay.io/prometheus/node-exporter:v1.9.1\n`;
  const rules = (text: string): string[] => check(text).map((f) => f.rule);
  // The misplaced `strategy` (a DaemonSet's is updateStrategy) was hidden behind "not YAML even masked".
  assert.deepEqual(rules(daemonSet('              {{- if .Values.fix }}\n              chmod g+r /host/proc/slabinfo\n              {{- end }}\n')), ['templated-file', 'unknown-field']);
  assert.deepEqual(rules(daemonSet('              chmod g+r /x\n', '  annotations:\n    a: "1"\n    {{- if .Values.x }}  # only when x\n    b: "2"\n    {{- end }}\n')), ['templated-file', 'unknown-field']);
});

test('sweep FD: a list item whose dash an action follows, with more keys of the item below, is a mapping item', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: demo\nspec:\n  topologySpreadConstraints:\n  {{- range .Values.tsc }}\n  - {{ toYaml . | nindent 4 | trim }}\n    labelSelector:\n      matchLabels: {app: demo}\n  {{- end }}\n  containers:\n    - name: app\n      image: busybox:1.36\n      imagePullPolicy: always\n';
  // Checked now: the slip below the item is found (it was hidden behind "not YAML even masked").
  assert.deepEqual(check(pod).map((f) => f.rule), ['templated-file', 'invalid-value']);
  assert.doesNotMatch(check(pod).find((f) => f.rule === 'templated-file')?.message ?? '', /not YAML until it is rendered, even with the actions masked/);
});
