/**
 * A networking.k8s.io/v1 Ingress in the v1beta1 form: `serviceName`/`servicePort` and
 * `spec.backend` are unknown fields, a path without pathType is an invalid value; the quick fixes
 * write the v1 form. The v1beta1 apiVersion itself is removed-api-version's, and templated
 * documents (whose `if` branches often hold both forms) are not judged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, findings } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';

const ingress = (apiVersion: string, path: string): string =>
  `apiVersion: ${apiVersion}\nkind: Ingress\nmetadata: {name: web}\nspec:\n  rules:\n  - host: example.com\n    http:\n      paths:\n${path}`;
const old = '      - path: /\n        backend:\n          serviceName: web\n          servicePort: 80\n';

test('v1 with the v1beta1 backend: two unknown fields and a missing pathType, each with the fix that makes it apply', () => {
  const text = ingress('networking.k8s.io/v1', old);
  assert.deepEqual(
    check(text).map((f) => [f.rule, f.text]),
    [
      ['invalid-value', 'path'],
      ['unknown-field', 'serviceName'],
      ['unknown-field', 'servicePort'],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
  );
  assert.match(findings(text, 'unknown-field')[0]!.message, /strict decoding error: unknown field "spec.rules\[0\].http.paths\[0\].backend.serviceName"/);
  const rewritten = applyFix(text, 'unknown-field', /Write the v1 backend/, ingress('networking.k8s.io/v1', '      - path: /\n        backend:\n          service:\n            name: web\n            port:\n              number: 80\n')).result;
  assert.deepEqual(findings(rewritten, 'unknown-field'), []);
  const typed = applyFix(rewritten, 'invalid-value', /Add pathType: ImplementationSpecific/).result;
  assert.deepEqual(check(typed), [], typed);
  // Flow style, a named port.
  const flow = ingress('networking.k8s.io/v1', '      - {path: /, pathType: Prefix, backend: {serviceName: web, servicePort: http}}\n');
  applyFix(flow, 'unknown-field', /Write the v1 backend/, ingress('networking.k8s.io/v1', '      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}\n'));
});

test('spec.backend is defaultBackend in v1; v1beta1 Ingresses and templated ones are not judged here', () => {
  const text = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  backend:\n    service: {name: web, port: {number: 80}}\n';
  applyFix(text, 'unknown-field', /Replace "backend" with "defaultBackend"/, text.replace('  backend:', '  defaultBackend:'));
  assert.deepEqual(check(ingress('networking.k8s.io/v1beta1', old)).map((f) => f.rule), ['removed-api-version']);
  const templated = ingress('networking.k8s.io/v1', '      {{- if .Values.v1 }}\n      - path: /\n        pathType: Prefix\n        backend: {service: {name: web, port: {number: 80}}}\n      {{- else }}\n' + old + '      {{- end }}\n');
  assert.deepEqual(check(templated).filter((f) => f.rule !== 'templated-file'), []);
});

test('an Ingress with neither rules nor a defaultBackend is refused; a patch or a base is left alone', () => {
  // sweep AD: ebad-arshad's k8s/base/api-gateway/nginx.yaml (an Ingress of nothing but annotations and a class).
  const ingress = (spec: string): string => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: gateway}\n${spec}\n`;
  for (const spec of ['spec: {ingressClassName: nginx}', 'spec:\n  ingressClassName: nginx\n  rules: []', '']) {
    const found = findings(ingress(spec), 'invalid-value');
    assert.equal(found.length, 1, spec);
    assert.match(found[0]?.message ?? '', /"spec: Invalid value: …: either `defaultBackend` or `rules` must be specified"/);
  }
  assert.equal(findings(ingress(''), 'invalid-value')[0]?.text, 'kind');
  assert.deepEqual(findings(ingress('spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}'), 'invalid-value'), []);
  assert.deepEqual(findings(ingress('spec:\n  rules:\n  - host: a.example.com\n    http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}'), 'invalid-value'), []);
  assert.deepEqual(findings(ingress('spec: {ingressClassName: nginx}'), 'invalid-value', { fragment: 'kustomize-patch' }), []);
});

test('the class annotation beside spec.ingressClassName: refused on create; the fix removes the annotation', () => {
  const both = (annotation: string, className: string): string =>
    `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    kubernetes.io/ingress.class: ${annotation}\n    nginx.ingress.kubernetes.io/rewrite-target: /\nspec:\n  ingressClassName: ${className}\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n`;
  const found = findings(both('nginx', 'nginx'), 'invalid-value');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.text, 'kubernetes.io/ingress.class');
  assert.match(found[0]!.message, /"annotations\.kubernetes\.io\/ingress\.class: Invalid value: "nginx": can not be set when the class field is also set"/);
  const fixed = applyFix(both('nginx', 'nginx'), 'invalid-value', /Remove the kubernetes\.io\/ingress\.class annotation/, both('nginx', 'nginx').replace('    kubernetes.io/ingress.class: nginx\n', '')).result;
  assert.deepEqual(check(fixed), []);
  // Different classes: still refused; the fix is offered but not preferred (which class was meant is the user's call).
  assert.equal(findings(both('traefik', 'nginx'), 'invalid-value').length, 1);
  assert.equal(applyFix(both('traefik', 'nginx'), 'invalid-value', /Remove the kubernetes\.io\/ingress\.class annotation/).fix.preferred, false);
  assert.equal(applyFix(both('nginx', 'nginx'), 'invalid-value', /Remove the kubernetes\.io\/ingress\.class annotation/).fix.preferred, true);
  // One of the two alone is fine; a patch is left to the render.
  assert.deepEqual(findings(both('nginx', 'nginx').replace('  ingressClassName: nginx\n', ''), 'invalid-value'), []);
  assert.deepEqual(findings(both('nginx', 'nginx'), 'invalid-value', { fragment: 'kustomize-patch' }), []);
});
