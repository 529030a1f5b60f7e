/** OpenShift Templates: their objects are checked as the objects `oc process` creates (sweep BJ's miss). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';

const template = (objects: string, apiVersion = 'template.openshift.io/v1'): string =>
  `apiVersion: ${apiVersion}\nkind: Template\nmetadata:\n  name: app\nparameters:\n- name: NAME\n  required: true\n- name: PORT\n  value: "8080"\nobjects:\n${objects}`;

const deployment = (port: string, extra = ''): string =>
  `- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: \${NAME}\n  spec:\n    replicas: \${{REPLICAS}}\n    selector:\n      matchLabels:\n        app: \${NAME}\n    template:\n      metadata:\n        labels:\n          app: \${NAME}\n      spec:\n        containers:\n        - name: \${NAME}\n          image: quay.io/acme/\${NAME}:\${TAG}\n          ports:\n          - ${port}\n          resources:\n            limits:\n              memory: \${MEMORY_LIMIT}\n${extra}`;

test('an OpenShift Template\'s objects are checked: a removed apiVersion, a misspelt field', () => {
  const removed = check(template('- apiVersion: batch/v1beta1\n  kind: CronJob\n  metadata: {name: backup}\n  spec:\n    schedule: "0 3 * * *"\n    jobTemplate:\n      spec:\n        template:\n          spec:\n            restartPolicy: OnFailure\n            containers: [{name: b, image: busybox:1.36}]\n'));
  assert.deepEqual(removed.map((f) => [f.rule, f.range.start.line]), [['removed-api-version', 10]]);
  const typo = check(template(deployment('containerPot: ${{PORT}}'))).filter((f) => f.rule === 'unknown-field');
  assert.equal(typo.length, 1);
  assert.match(typo[0]?.message ?? '', /unknown field "spec\.template\.spec\.containers\[0\]\.ports\[0\]\.containerPot"/);
  // The legacy `v1` Template too.
  assert.equal(check(template(deployment('containerPot: 8080'), 'v1')).filter((f) => f.rule === 'unknown-field').length, 1);
});

test('an OpenShift Template\'s parameters are placeholders: ${NAME}, ${{REPLICAS}} and ${{PORT}} raise nothing', () => {
  assert.deepEqual(check(template(deployment('containerPort: ${{PORT}}'))), []);
  // Another API's `Template` is not OpenShift's: its `objects` are left alone.
  assert.deepEqual(check(template(deployment('containerPot: 8080'), 'example.com/v1')).filter((f) => f.rule === 'unknown-field'), []);
});

test('run-as-non-root: a Template\'s pods run on OpenShift, whose restricted SCC assigns a non-root UID (sweep BO)', () => {
  const redis = '- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: cache\n  spec:\n    selector:\n      matchLabels:\n        app: cache\n    template:\n      metadata:\n        labels:\n          app: cache\n      spec:\n        securityContext:\n          runAsNonRoot: true\n        containers:\n        - name: redis\n          image: redis:7.2\n';
  assert.deepEqual(check(template(redis)).filter((f) => f.rule === 'run-as-non-root'), []);
  // The same Deployment on its own is judged.
  const alone = redis.replace(/^- /, '').replace(/\n  /g, '\n');
  assert.equal(check(alone).filter((f) => f.rule === 'run-as-non-root').length, 1);
});

test('DeploymentConfig (apps.openshift.io/v1 and the legacy v1): its pod template is checked (sweep BO\'s miss)', () => {
  const dc = (apiVersion: string): string =>
    `apiVersion: ${apiVersion}\nkind: DeploymentConfig\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: ' '\n      - name: proxy\n        image: nginx:1.27\n      - name: proxy2\n        image: nginx:1.27\n        imagePullPolcy: Always\n  triggers:\n  - type: ImageChange\n    imageChangeParams:\n      automatic: true\n      containerNames: [web]\n      from: {kind: ImageStreamTag, name: web:latest}\n`;
  for (const apiVersion of ['apps.openshift.io/v1', 'v1']) {
    const rules = check(dc(apiVersion)).map((f) => f.rule).sort();
    // Two nginx on port 80, a misspelt field; the image an ImageChange trigger fills in is not judged.
    assert.deepEqual(rules, ['implicit-port-conflict', 'unknown-field'], apiVersion);
  }
});

test('invalid-value: a Template\'s ${NAME} in a number field is text once processed; ${{NAME}} is the fix (sweep BO\'s miss)', () => {
  const port = (value: string): string => template(`- apiVersion: v1\n  kind: Service\n  metadata:\n    name: db\n  spec:\n    selector:\n      app: db\n    ports:\n    - port: ${value}\n`);
  const [finding, ...rest] = check(port('${DATABASE_PORT}')).filter((f) => f.rule === 'invalid-value');
  assert.equal(rest.length, 0);
  assert.match(finding?.message ?? '', /\$\{DATABASE_PORT\} in an OpenShift Template is replaced by the parameter's text: .*spec\.ports\[0\]\.port needs a value of type integer.*\$\{\{DATABASE_PORT\}\} keeps the parameter's type/);
  applyFix(port('${DATABASE_PORT}'), 'invalid-value', /Write \$\{\{DATABASE_PORT\}\}/, port('${{DATABASE_PORT}}'));
  // Quotes stay: a JSON template needs them, and OpenShift replaces a whole-string "${{NAME}}" by the value (probe BQ).
  applyFix(port('"${DATABASE_PORT}"'), 'invalid-value', /Write \$\{\{DATABASE_PORT\}\}/, port('"${{DATABASE_PORT}}"'));
  // A containerPort too (port fields are invalid-port's otherwise).
  const container = template('- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p\n  spec:\n    containers:\n    - name: app\n      image: example.com/app:1\n      ports:\n      - containerPort: ${PORT}\n');
  assert.equal(check(container).filter((f) => f.rule === 'invalid-value').length, 1);
  // ${{NAME}}, a string field, text around the parameter, or the same outside a Template: nothing.
  assert.deepEqual(check(port('${{DATABASE_PORT}}')), []);
  assert.deepEqual(check(port('5432').replace('    name: db\n', '    name: ${NAME}\n')), []);
  const plain = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  selector:\n    app: db\n  ports:\n  - port: ${DATABASE_PORT}\n';
  assert.deepEqual(check(plain), [], 'envsubst fills it with a number');
});

test('DeploymentConfig messages: its API server refuses the DeploymentConfig itself, no CRD wording (probe BQ)', () => {
  const dc = 'apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        volumeMounts: [{name: cache, mountPath: /cache}]\n';
  const [finding] = check(dc).filter((f) => f.rule === 'undefined-volume');
  assert.match(finding?.message ?? '', /kubectl apply rejects this/);
  assert.doesNotMatch(finding?.message ?? '', /CRD/);
  const [typo] = check(dc.replace('        image: nginx:1.27\n', '        image: nginx:1.27\n        imagePullPolcy: Always\n')).filter((f) => f.rule === 'unknown-field');
  assert.match(typo?.message ?? '', /kubectl apply rejects the object: strict decoding error/);
  assert.doesNotMatch(typo?.message ?? '', /CRD/);
});
