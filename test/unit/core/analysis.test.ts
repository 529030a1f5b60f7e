import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer } from '../../../server/src/core/analyze';
import { splitChunks } from '../../../server/src/core/parse';
import { rules } from '../../../server/src/rules';
import type { Rule } from '../../../server/src/rules/types';
import { check, findings, yaml } from '../../helpers/check';

const conflict = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers:
    - {name: a, image: x, ports: [{containerPort: 80}]}
    - {name: b, image: z, ports: [{containerPort: 80}]}
`;

test('non-Kubernetes YAML gets no findings: docker-compose, GitHub workflow, Helm values', () => {
  const compose = yaml`
    services:
      web:
        image: nginx
        ports: ["80:80"]
      web2:
        image: nginx
        ports: ["81:80"]
  `;
  const workflow = yaml`
    name: CI
    on: [push]
    jobs:
      test:
        runs-on: ubuntu-latest
        steps: [{uses: actions/checkout@v4}]
  `;
  const values = 'replicaCount: 1\nimage:\n  repository: nginx\nservice:\n  port: 80\n';
  for (const text of [compose, workflow, values, 'foo: [unclosed\n']) assert.deepEqual(check(text), []);
});

test('a Helm template: no crash, no syntax errors, one information finding', () => {
  const helm = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: {{ include "chart.fullname" . }}
    spec:
      replicas: {{ .Values.replicaCount }}
      template:
        spec:
          containers:
          - name: {{ .Chart.Name }}
            image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
            ports:
            - containerPort: {{ .Values.port }}
            {{- with .Values.resources }}
            resources: {{- toYaml . | nindent 12 }}
            {{- end }}
  `;
  const found = check(helm);
  assert.deepEqual(found.map((f) => [f.rule, f.severity]), [['templated-file', 'information']]);
});

test('multi-document files, CRLF line endings and UTF-16 ranges after Chinese text', () => {
  const text = '# 端口冲突示例 🚀\r\n' + conflict.replace(/\n/g, '\r\n').replace('{name: p}', '{name: p, annotations: {说明: "两个容器"}}');
  const found = findings(text, 'port-conflict');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.text, '80');
  // Line 7 is `- {name: b, ...}`; the character offset counts UTF-16 code units.
  assert.equal(found[0]?.range.start.line, 7);
  assert.equal(found[0]?.range.start.character, '  - {name: b, image: z, ports: [{containerPort: '.length);
  const emoji = '# 🚀🚀 ' + conflict.split('\n').slice(0, 1).join('') + '\n' + conflict.split('\n').slice(1).join('\n');
  assert.equal(findings(emoji, 'port-conflict').length, 1);
});

test('merge keys and aliases resolve as in Kubernetes', () => {
  const text = yaml`
    apiVersion: v1
    kind: List
    items:
    - apiVersion: v1
      kind: Pod
      metadata: {name: merged}
      spec:
        containers:
        - &web
          name: web
          image: example/web
          ports: [{containerPort: 8080}]
        - <<: *web
          name: web2
  `;
  const found = findings(text, 'port-conflict');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.text, '8080'); // the anchor's text: the only place the user can edit
});

test('Deployment, CronJob and List items are all analysed', () => {
  const wrap = (kind: string, prefix: string): string => {
    const body = ['containers:', '- {name: a, image: x, ports: [{containerPort: 80}]}', '- {name: b, image: z, ports: [{containerPort: 80}]}'];
    return `apiVersion: v1\nkind: ${kind}\nmetadata: {name: w}\n${prefix}${body.map((l) => ' '.repeat(prefix.split('\n').length * 2 - 2) + l).join('\n')}\n`;
  };
  assert.equal(findings(wrap('Deployment', 'spec:\n  template:\n    spec:\n'), 'port-conflict').length, 1);
  assert.equal(findings(wrap('CronJob', 'spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n'), 'port-conflict').length, 1);
});

test('chunks split on --- lines only', () => {
  const text = 'a: 1\n---\nb: |\n  ---not a marker\n--- # comment\nc: 3\n';
  assert.deepEqual(splitChunks(text).map((c) => c.text), ['a: 1\n', '---\nb: |\n  ---not a marker\n', '--- # comment\nc: 3\n']);
});

test('the analyzer reuses unchanged documents and shifts their findings', () => {
  const analyzer = new Analyzer();
  const first = analyzer.analyze(`${conflict}---\n${conflict}`);
  const edited = analyzer.analyze(`# new line\n${conflict}---\n${conflict}`);
  assert.equal(first.findings.length, 2);
  assert.equal(edited.findings.length, 2);
  assert.equal(edited.chunks[1]?.analysis, first.chunks[1]?.analysis);
  assert.equal(edited.findings[0]?.start, (first.findings[0]?.start ?? 0) + '# new line\n'.length);
});

test('a throwing rule does not stop the others', () => {
  const errors: string[] = [];
  const broken: Rule = { id: 'broken', defaultSeverity: 'error', check: () => { throw new Error('boom'); } };
  const analyzer = new Analyzer((rule) => errors.push(rule), [broken, ...rules]);
  const result = analyzer.analyze(conflict, {});
  assert.equal(result.findings.filter((f) => f.rule === 'port-conflict').length, 1);
  assert.deepEqual(errors, ['broken']);
});

test('rule levels: off and severity overrides', () => {
  assert.equal(check(conflict, { rules: { 'port-conflict': 'off' } }).length, 0);
  assert.equal(check(conflict, { rules: { 'port-conflict': 'hint' } })[0]?.severity, 'hint');
});
