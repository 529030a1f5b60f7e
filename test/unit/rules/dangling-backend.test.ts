/** dangling-backend: what the Ingress's controller matches, and Service port lists a template completes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yaml } from '../../helpers/check';
import { workspaceFindings } from '../../helpers/workspace';

const service = (ports: string, extra = ''): string => yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec:
    ${extra || 'selector: {app: web}'}
    ports: ${ports}
`;
/** An Ingress to Service web; `klass`: `ingressClassName: x`, an annotation, or nothing. */
const ingress = (port: string, klass = ''): string => yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: web
    ${klass.startsWith('annotation:') ? `annotations: {kubernetes.io/ingress.class: ${klass.slice(11)}}` : ''}
  spec:
    ${klass && !klass.startsWith('annotation:') ? `ingressClassName: ${klass}` : ''}
    rules:
    - http:
        paths:
        - path: /
          pathType: Prefix
          backend: {service: {name: web, port: ${port}}}
`;
const ingressClass = (name: string, controller: string, isDefault = false): string => yaml`
  apiVersion: networking.k8s.io/v1
  kind: IngressClass
  metadata:
    name: ${name}
    ${isDefault ? 'annotations: {ingressclass.kubernetes.io/is-default-class: "true"}' : ''}
  spec: {controller: ${controller}}
`;
const route = (port: number): string => yaml`
  apiVersion: gateway.networking.k8s.io/v1
  kind: HTTPRoute
  metadata: {name: web}
  spec:
    rules:
    - backendRefs: [{name: web, port: ${port}}]
`;
const count = (text: string, others: Record<string, string>): number => workspaceFindings(text, 'dangling-backend', others).length;

test('dangling-backend: ingress-nginx (class nginx, or no class) also matches a Service port by its targetPort', () => {
  const byNumber = { '/ws/app/svc.yaml': service('[{name: web, port: 80, targetPort: 8080}]') };
  assert.equal(count(ingress('{number: 8080}', 'nginx'), byNumber), 0);
  assert.equal(count(ingress('{number: 8080}'), byNumber), 0);
  const byName = { '/ws/app/svc.yaml': service('[{name: web, port: 80, targetPort: http}]') };
  assert.equal(count(ingress('{name: http}', 'annotation:nginx'), byName), 0);
  // Still reported: no port of any kind by that number or name.
  assert.equal(count(ingress('{number: 9090}', 'nginx'), byNumber), 1);
  assert.equal(count(ingress('{name: grpc}', 'nginx'), byName), 1);
});

test('dangling-backend: controllers that match the Service port only, and Gateway API routes, are still reported', () => {
  const svc = { '/ws/app/svc.yaml': service('[{name: web, port: 80, targetPort: 8080}]') };
  for (const klass of ['traefik', 'alb', 'gce', 'annotation:traefik'])
    assert.equal(count(ingress('{number: 8080}', klass), svc), 1, klass);
  assert.equal(count(ingress('{name: http}', 'traefik'), { '/ws/app/svc.yaml': service('[{name: web, port: 80, targetPort: http}]') }), 1);
  assert.equal(count(route(8080), svc), 1);
  // The class's controller, from an IngressClass of the workspace; the default class for an Ingress that names none.
  assert.equal(count(ingress('{number: 8080}', 'public'), { ...svc, '/ws/app/class.yaml': ingressClass('public', 'traefik.io/ingress-controller') }), 1);
  assert.equal(count(ingress('{number: 8080}', 'nginx'), { ...svc, '/ws/app/class.yaml': ingressClass('nginx', 'nginx.org/ingress-controller') }), 1);
  assert.equal(count(ingress('{number: 8080}'), { ...svc, '/ws/app/class.yaml': ingressClass('edge', 'ingress.k8s.aws/alb', true) }), 1);
  assert.equal(count(ingress('{number: 8080}', 'public'), { ...svc, '/ws/app/class.yaml': ingressClass('public', 'k8s.io/ingress-nginx') }), 0);
  // A class nobody can place may be ingress-nginx's.
  assert.equal(count(ingress('{number: 8080}', 'internal'), svc), 0);
});

test('dangling-backend: ingress-nginx takes any port of an ExternalName Service', () => {
  const external = { '/ws/app/svc.yaml': service('[{name: http, port: 80}]', 'type: ExternalName\n    externalName: api.example.org') };
  assert.equal(count(ingress('{number: 443}', 'nginx'), external), 0);
  assert.equal(count(ingress('{number: 443}', 'traefik'), external), 1);
  // A name is still looked up among the Service's ports.
  assert.equal(count(ingress('{name: https}', 'nginx'), external), 1);
});

test('dangling-backend: silent when a template adds ports to the Service', () => {
  const inserted = yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec:
      selector: {app: web}
      ports:
        - name: http
          port: 80
          targetPort: 8080
        {{- toYaml .Values.service.extraPorts | nindent 4 }}
  `;
  const ranged = yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec:
      selector: {app: web}
      ports:
        - name: http
          port: 80
        {{- range .Values.service.extraPorts }}
        - name: {{ .name }}
          port: {{ .port }}
        {{- end }}
  `;
  for (const svc of [inserted, ranged]) {
    const others = { '/ws/app/svc.yaml': svc };
    assert.equal(count(ingress('{number: 9090}', 'traefik'), others), 0);
    assert.equal(count(ingress('{name: grpc}', 'traefik'), others), 0);
    assert.equal(count(route(9091), others), 0);
  }
  // The same list without the inserted entries is complete.
  const literal = { '/ws/app/svc.yaml': inserted.replace(/\n.*toYaml.*/, '') };
  assert.equal(count(ingress('{number: 9090}', 'traefik'), literal), 1);
  assert.equal(count(route(9091), literal), 1);
});

test('dangling-backend: a Service defined only in another namespace is not the backend (sweep CA)', () => {
  const inNamespace = (text: string, namespace: string): string => text.replace('metadata:\n  name: web', `metadata:\n  name: web\n  namespace: ${namespace}`).replace('metadata: {name: web}', `metadata: {name: web, namespace: ${namespace}}`);
  const ing = inNamespace(ingress('80'), 'app1');
  assert.ok(ing.includes('namespace: app1'));
  const found = workspaceFindings(ing, 'dangling-backend', { '/ws/app/svc.yaml': inNamespace(service('[{port: 80}]'), 'app3') });
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /in namespace app1 sends traffic to Service "web", which this workspace defines only in namespace app3/);
  // The same namespace, a namespace not written (it may be the same), or a copy in the Ingress's namespace too: silent.
  assert.equal(count(ing, { '/ws/app/svc.yaml': inNamespace(service('[{port: 80}]'), 'app1') }), 0);
  assert.equal(count(ing, { '/ws/app/svc.yaml': service('[{port: 80}]') }), 0);
  assert.equal(count(ing, { '/ws/app/svc.yaml': inNamespace(service('[{port: 80}]'), 'app3'), '/ws/app/svc1.yaml': inNamespace(service('[{port: 80}]'), 'app1') }), 0);
});
