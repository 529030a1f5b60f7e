/**
 * A chart template whose whole document sits in one `if` or `with` (`{{- if .Values.x.enabled }}`
 * first, `{{- end }}` last) is checked like an unwrapped one: the block only decides whether the
 * object is rendered. Blocks with `else`, `range` blocks and blocks inside the document still
 * drop their findings (they may render zero, one or several times, or one branch of several).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { maskTemplateActions } from '../../../server/src/core/template-mask';

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}
spec:
  containers:
    - name: a
      image: example/a
      ports: [{containerPort: 8080}]
    - name: b
      image: example/b
      ports: [{containerPort: 8080}]
`;
const conflicts = (text: string): number => findings(text, 'port-conflict').length;

test('an if or with around the whole document: its findings are kept', () => {
  assert.equal(conflicts(pod), 1, 'unwrapped');
  assert.equal(conflicts(`{{- if .Values.enabled }}\n${pod}{{- end }}\n`), 1);
  assert.equal(conflicts(`{{- with .Values.pod }}\n${pod}{{- end }}\n`), 1);
  assert.equal(conflicts(`---\n{{/* a comment */}}\n# the pod\n{{- if and .Values.a .Values.b }}\n${pod}{{- end -}}\n\n`), 1, 'comments and actions around it');
  assert.equal(conflicts(`{{- if .Values.a }}\n{{- if .Values.b }}\n${pod}{{- end }}\n{{- end }}\n`), 1, 'two wrapping blocks');
});

test('else branches, range, blocks inside the document and text after the end still drop findings', () => {
  assert.equal(conflicts(`{{- if .Values.enabled }}\n${pod}{{- else }}\n${pod}{{- end }}\n`), 0);
  assert.equal(conflicts(`{{- range .Values.pods }}\n${pod}{{- end }}\n`), 0);
  assert.equal(conflicts(pod.replace('    - name: b', '    {{- if .Values.b }}\n    - name: b') + '    {{- end }}\n'), 0);
  assert.equal(conflicts(`{{- if .Values.enabled }}\n${pod}{{- end }}\nextra: {{ .Values.x }}\n`), 0);
});

test('the mask lists a wrapping block as unconditional and the others as conditional', () => {
  const wrapped = `{{- if .Values.enabled }}\nkind: Pod\n{{- if .Values.x }}\nx: 1\n{{- end }}\n{{- end }}\n`;
  const { conditional } = maskTemplateActions(wrapped);
  assert.equal(conditional.length, 1);
  assert.equal(wrapped.slice(conditional[0]?.start, conditional[0]?.end), '\nx: 1\n');
});

test('apiVersion rules leave a wrapped document alone: its condition may ask for the cluster version through a helper', () => {
  const psp = `apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  privileged: false\n`;
  assert.equal(findings(psp, 'removed-api-version').length, 1, 'unwrapped, it is rendered everywhere');
  const viaVariable = `{{- $pspAvailable := (semverCompare "<1.25-0" (include "common.capabilities.kubeVersion" .)) -}}\n{{- if and $pspAvailable .Values.psp.create }}\n${psp}{{- end }}\n`;
  assert.equal(findings(viaVariable, 'removed-api-version').length, 0);
  assert.equal(findings(`{{- if (include "common.capabilities.psp.supported" .) }}\n${psp}{{- end }}\n`, 'removed-api-version').length, 0);
});

test('a block opened before a --- and closed or else-d in this document makes all of it conditional', () => {
  const guardedAcross = `{{- if .Values.enabled }}\n---\n${pod}{{- end }}\n`;
  assert.equal(conflicts(guardedAcross), 0);
  assert.equal(findings(`{{- if semverCompare "<1.25-0" .Capabilities.KubeVersion.Version }}\n---\napiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: {{ .Release.Name }}}\n{{- else }}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n{{- end }}\n`, 'removed-api-version').length, 0);
});
