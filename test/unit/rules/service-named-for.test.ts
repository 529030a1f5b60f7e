/**
 * service-selects-nothing: a Service that selects no pod at all, beside the one workload of its
 * file that it is named for (sweeps EC and ED); the fix selects that workload's pods.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, yaml } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';
import { nameStem } from '../../../server/src/rules/service-named-for';

const file = (service: string, selector: string, deployment = 'web-app', labels = '{app: web-app}', extra = ''): string => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ${deployment}}
  spec:
    selector:
      matchLabels: ${labels}
    template:
      metadata:
        labels: ${labels}
      spec:
        containers:
        - name: app
          image: example/app:1
          ports: [{containerPort: 3000}]
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: ${service}, labels: {run: ${service}}}
  spec:
    selector:
      ${selector}
    ports: [{port: 80, targetPort: 3000}]
  ${extra}
`;

test('the Service named like the workload beside it selects labels nothing has', () => {
  const found = findings(file('web-app', 'run: myapp'), 'service-selects-nothing');
  assert.deepEqual(found.map((f) => [f.text, f.severity]), [['run: myapp', 'warning']]);
  assert.match(found[0]!.message, /Service "web-app" selects no pod template of namespace default: nothing is labelled run: myapp\. Deployment\/web-app, beside it in this file and named like it, has its pods selected by app: web-app\..*Did you mean the selector app: web-app\?/);
  // A copy of its own labels, under another stem (tensorflow/serving's inception example).
  const inception = file('inception-service', 'run: inception-service', 'inception-deployment', '{app: inception-server}');
  assert.deepEqual(findings(inception, 'service-selects-nothing').map((f) => f.text), ['run: inception-service']);
  applyFix(inception, 'service-selects-nothing', /Select the pods of Deployment\/inception-deployment \(app: inception-server\)/, inception.replace('    run: inception-service\n', '    app: inception-server\n'));
  const flow = file('web-app', '{run: myapp, tier: web}').replace('  selector:\n    {run', '  selector: {run');
  const fixed = applyFix(flow, 'service-selects-nothing', /Select the pods/).result;
  assert.match(fixed, /selector: \{app: web-app\}/);
});

test('left alone: another name, a selected pod, unknown labels, two namesakes, a kustomize resource', () => {
  assert.deepEqual(findings(file('api', 'run: myapp'), 'service-selects-nothing'), [], 'named for no workload here: its pods may be elsewhere');
  assert.deepEqual(findings(file('web-app', 'app: web-app'), 'service-selects-nothing'), []);
  const templated = file('web-app', 'run: myapp').replace('      labels: {app: web-app}', '      labels:\n        {{- include "labels" . | nindent 8 }}');
  assert.deepEqual(findings(templated, 'service-selects-nothing'), []);
  const twin = `---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web-app-sts}\nspec:\n  serviceName: web-app\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec: {containers: [{name: db, image: postgres:16}]}\n`;
  assert.deepEqual(findings(file('web-app', 'run: myapp', 'web-app', '{app: web-app}', twin), 'service-selects-nothing'), [], 'which of the two?');
  assert.deepEqual(findings(file('web-app', 'run: myapp'), 'service-selects-nothing', { kustomizeResource: true }), [], 'an overlay may patch the selector');
});

test('name stems drop the kind word people append', () => {
  assert.deepEqual(['inception-service', 'inception-deployment', 'web-svc', 'web', 'db-sts', 'api-server'].map(nameStem), ['inception', 'inception', 'web', 'web', 'db', 'api-server']);
});

test('left alone: labels a controller or the process adds, a shared label, a Flagger canary, a custom resource (probe EJ)', () => {
  const sts = (selector: string, extra = ''): string => yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: redis}
    spec:
      serviceName: redis
      selector: {matchLabels: {app: redis}}
      template:
        metadata: {labels: {app: redis}}
        spec: {containers: [{name: redis, image: "redis:7"}]}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: redis-svc}
    spec: {selector: ${selector}}
    ${extra}
  `;
  for (const selector of ['{app: redis, role: master}', '{statefulset.kubernetes.io/pod-name: redis-0}', '{job-name: redis}', '{vault-active: "true"}']) {
    assert.deepEqual(findings(sts(selector), 'service-selects-nothing'), [], selector);
  }
  assert.equal(findings(sts('{run: myredis}'), 'service-selects-nothing').length, 1);
  assert.deepEqual(findings(sts('{app: redis-primary}', '---\napiVersion: flagger.app/v1beta1\nkind: Canary\nmetadata: {name: redis}\nspec: {targetRef: {apiVersion: apps/v1, kind: StatefulSet, name: redis}}'), 'service-selects-nothing'), []);
});
