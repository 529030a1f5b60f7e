/**
 * Terraform `templatefile()` templates: `%{ if … }`, `%{ for … }`, `%{ endif }`, `%{ endfor }`
 * directives on lines of their own are rendered away, like Helm's control actions. The document is
 * checked with them masked, nothing inside their blocks is reported, and no syntax error comes from them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../helpers/check';

const scaledJob = (extra = ''): string => `apiVersion: keda.sh/v1alpha1
kind: ScaledJob
metadata:
  name: \${environment}-\${agent_name}
spec:
  jobTargetRef:
    template:
      spec:
        restartPolicy: Never
${extra}        containers:
          - name: azdevops-agent
            image: \${acr_name}.azurecr.io/hmcts/\${image_name}:\${image_tag}
        %{ if length(jsondecode(init_containers)) > 0 }
        initContainers:
          %{~ for init_container in jsondecode(init_containers) ~}
          - name: \${init_container.container_name}
            image: \${acr_name}.azurecr.io/hmcts/\${init_container.image_name}:\${init_container.image_tag}
            restartPolicy: Always
            imagePullPolicy: Sometimes
          %{~ endfor ~}
        %{ endif }
  triggers:
    - type: azure-pipelines
      metadata:
        poolName: \${poolname}
`;

test('Terraform template directives: no syntax error, no directive read as a field, nothing inside their blocks', () => {
  const found = check(scaledJob());
  assert.deepEqual(found.map((f) => f.rule), ['templated-file']);
  assert.match(found[0]!.message, /Terraform template.*%\{ if \}/);
  assert.equal(found[0]!.text, '%{ if length(jsondecode(init_containers)) > 0 }');
});

test('Terraform template directives: what lies outside their blocks is still checked', () => {
  const found = check(scaledJob('        contaners: []\n'));
  assert.deepEqual(found.map((f) => `${f.rule}|${f.text}`), ['unknown-field|contaners', 'templated-file|%{ if length(jsondecode(init_containers)) > 0 }']);
});
