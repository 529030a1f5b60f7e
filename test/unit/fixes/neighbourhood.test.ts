/** Quick fixes of the neighbourhood rules: each leaves valid YAML in which its finding is gone. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, fixesOf } from '../../helpers/fix';
import { findings } from '../../helpers/check';

test('selector-mismatch: label the template as the selector asks (a changed value, an added label)', () => {
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector:\n    matchLabels: {app: web, tier: front}\n  template:\n    metadata:\n      labels:\n        app: wbe\n    spec:\n      containers: [{name: a, image: x}]\n';
  const { result } = applyFix(text, 'selector-mismatch', /Label the pod template app: web/);
  assert.match(result, /labels:\n {8}app: web\n/);
  const added = applyFix(result, 'selector-mismatch', /Label the pod template tier: front/).result;
  assert.match(added, /app: web\n {8}tier: front\n/);
});

test('selector-mismatch: an apps/v1 Deployment without spec.selector (sock-shop, moved from extensions/v1beta1); the fix selects the template\'s labels', () => {
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: rabbitmq\nspec:\n  replicas: 1\n  template:\n    metadata:\n      labels:\n        name: rabbitmq\n    spec:\n      containers:\n      - name: rabbitmq\n        image: rabbitmq:3.6.8\n';
  const { fix } = applyFix(
    text,
    'selector-mismatch',
    /Add spec.selector.matchLabels: name: rabbitmq/,
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: rabbitmq\nspec:\n  replicas: 1\n  template:\n    metadata:\n      labels:\n        name: rabbitmq\n    spec:\n      containers:\n      - name: rabbitmq\n        image: rabbitmq:3.6.8\n  selector:\n    matchLabels:\n      name: rabbitmq\n',
  );
  assert.equal(fix.preferred, true, 'one label: surely the name');
  // Several labels: offered, not preferred (the selector is immutable; the user may want fewer).
  const two = text.replace('        name: rabbitmq\n', '        name: rabbitmq\n        version: "3.6"\n');
  assert.notEqual(applyFix(two, 'selector-mismatch', /Add spec.selector.matchLabels: name: rabbitmq, version: 3.6/).fix.preferred, true);
  // Not judged: extensions/v1beta1 (defaulted), a template without labels (a patch), a kustomize resource (labels write the selector).
  assert.deepEqual(findings(text.replace('apps/v1', 'extensions/v1beta1'), 'selector-mismatch'), []);
  assert.deepEqual(findings(text.replace('    metadata:\n      labels:\n        name: rabbitmq\n', ''), 'selector-mismatch'), []);
  assert.deepEqual(findings(text, 'selector-mismatch', { kustomizeResource: true }), []);
  // A patch by its look (sweep AM): Argo CD's server-side apply, a container without an image.
  assert.deepEqual(findings(text.replace('  name: rabbitmq\n', '  name: rabbitmq\n  annotations: {argocd.argoproj.io/sync-options: ServerSideApply=true}\n'), 'selector-mismatch'), []);
  assert.deepEqual(findings(text.replace('        image: rabbitmq:3.6.8\n', ''), 'selector-mismatch'), []);
});

test('duplicate-env: remove the earlier entry, or this one', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    env:\n    - name: MODE\n      value: a\n    - name: MODE\n      value: b\n';
  applyFix(text, 'duplicate-env', /Remove the earlier MODE/, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    env:\n    - name: MODE\n      value: b\n');
  applyFix(text, 'duplicate-env', /Remove this MODE/, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    env:\n    - name: MODE\n      value: a\n');
});

test('undefined-env-reference: move the definition up; use the close name', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    env:\n    - name: URL\n      value: http://$(HOST):80\n    - name: HOST\n      value: db\n';
  applyFix(text, 'undefined-env-reference', /Move the definition of HOST/, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    env:\n    - name: HOST\n      value: db\n    - name: URL\n      value: http://$(HOST):80\n');
  const typo = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    args: ["--db=$(HOTS)"]\n    env: [{name: HOST, value: db}]\n';
  applyFix(typo, 'undefined-env-reference', /Replace "\$\(HOTS\)" with "\$\(HOST\)"/);
});

test('probe-port-elsewhere: probe the container\'s own port', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: myorg/app\n    ports: [{containerPort: 8080}]\n    readinessProbe: {tcpSocket: {port: 9100}}\n  - name: exporter\n    image: myorg/exporter\n    ports: [{containerPort: 9100}]\n';
  const { result } = applyFix(text, 'probe-port-elsewhere', /own port 8080/);
  assert.match(result, /tcpSocket: \{port: 8080\}/);
});

const svc = (selector: string, ports = '[{port: 80, targetPort: 8080}]'): string => `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: ${selector}\n  ports: ${ports}\n`;
const deploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: a, image: x, ports: [{containerPort: 8080}]}]\n';

test('service-selects-nothing: the near-miss value or key; nothing for a missing label', () => {
  applyFix(`${svc('{app: wbe}')}---\n${deploy}`, 'service-selects-nothing', /Change the selector to app: web/);
  applyFix(`${svc('{apps: web}')}---\n${deploy}`, 'service-selects-nothing', /Change the selector to app: web/);
  const { fixes } = fixesOf(`${svc('{app: web, tier: front}')}---\n${deploy}`, 'service-selects-nothing');
  assert.deepEqual(fixes.filter((f) => !/^Disable/.test(f.title)), []);
});

test('dangling-backend: the Service port instead of the container port', () => {
  const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: site}\nspec:\n  ingressClassName: traefik\n  defaultBackend:\n    service:\n      name: web\n      port: {number: 8080}\n';
  const { result } = applyFix(`${svc('{app: web}')}---\n${ingress}`, 'dangling-backend', /Replace "8080" with "80"/);
  assert.match(result, /port: \{number: 80\}/);
});

test('missing-config-key: the closest key', () => {
  const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {log_level: debug}\n';
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    env: [{name: L, valueFrom: {configMapKeyRef: {name: settings, key: log-level}}}]\n';
  const { result } = applyFix(`${cm}---\n${pod}`, 'missing-config-key', /Replace "log-level" with "log_level"/);
  assert.match(result, /key: log_level/);
});

test('duplicate-port-name: rename the second port, and the probe of its container follows', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: myorg/app\n    ports: [{name: http, containerPort: 8080}]\n    readinessProbe: {httpGet: {path: /, port: http}}\n  - name: proxy\n    image: myorg/proxy\n    ports: [{name: http, containerPort: 8443}]\n    readinessProbe: {httpGet: {path: /, port: http}}\n';
  const { result } = applyFix(text, 'duplicate-port-name', /Rename "http" to "http-2"/);
  assert.equal(
    result,
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: myorg/app\n    ports: [{name: http, containerPort: 8080}]\n    readinessProbe: {httpGet: {path: /, port: http}}\n  - name: proxy\n    image: myorg/proxy\n    ports: [{name: http-2, containerPort: 8443}]\n    readinessProbe: {httpGet: {path: /, port: http-2}}\n',
  );
});
