/**
 * Helm runs actions written in YAML comments too: `# {{- if .Values.debug }}` … `# {{- else }}` …
 * `# {{- end }}` around entries renders one branch only, so such a document is a template, and
 * nothing inside the block is reported. A `{{ }}` in a comment that opens and closes no block (a
 * note about Helm) leaves the document plain YAML.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../helpers/check';

const pod = (comments: [string, string, string]): string => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: myorg/app:1
      env:
        # ${comments[0]}
        - name: LOG_LEVEL
          value: debug
        # ${comments[1]}
        - name: LOG_LEVEL
          value: info
        # ${comments[2]}
`;

test('duplicate-env: if/else/end actions in YAML comments render one branch only', () => {
  assert.deepEqual(check(pod(['{{- if .Values.debug }}', '{{- else }}', '{{- end }}'])).filter((f) => f.rule === 'duplicate-env'), []);
  // A mention of an action that opens no block: plain YAML, both entries are there.
  assert.equal(check(pod(['set {{ .Values.level }} in values.yaml', 'debug or info', 'both are kept'])).filter((f) => f.rule === 'duplicate-env').length, 1);
  assert.equal(check(pod(['a', 'b', 'c'])).filter((f) => f.rule === 'duplicate-env').length, 1);
});
