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
  assert.equal(conflicts(`{{/* a comment */}}\n# the pod\n{{- if and .Values.a .Values.b }}\n---\n${pod}{{- end -}}\n\n`), 1, 'comments and actions around it');
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
