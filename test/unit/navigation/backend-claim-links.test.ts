import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yaml } from '../../helpers/check';
import { linksIn } from '../../helpers/workspace-links';

const SELF = '/ws/app/routes.yaml';

const routes = (ns = '') => yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: {name: web${ns}}
  spec:
    rules:
    - http:
        paths:
        - path: /
          pathType: Prefix
          backend:
            service:
              name: web
              port: {number: 80}
  ---
  apiVersion: gateway.networking.k8s.io/v1
  kind: HTTPRoute
  metadata: {name: web}
  spec:
    rules:
    - backendRefs:
      - name: web
        port: 80
      - name: api
        namespace: backend
        port: 8080
`;

const service = (name = 'web', namespace = '') => yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: ${name}${namespace ? `\n    namespace: ${namespace}` : ''}
  spec:
    selector: {app: ${name}}
    ports:
    - name: http
      port: ${name === 'web' ? 80 : 8080}
      targetPort: 8080
`;

test('an Ingress backend and an HTTPRoute backendRef go to the Service in another file; references are every backend', () => {
  const files = { [SELF]: routes(), '/ws/app/svc.yaml': service() };
  const found = linksIn(SELF, files, ' web\n', 0);
  assert.equal(found?.kind, 'service-name');
  assert.deepEqual(found?.defs, ['/ws/app/svc.yaml: web']);
  assert.deepEqual(found?.refs, [`${SELF}: web`, `${SELF}: web`]);
  const route = linksIn(SELF, files, ' web\n', 1);
  assert.deepEqual(route?.defs, ['/ws/app/svc.yaml: web'], 'the HTTPRoute backendRef');
});

test('a backend port (number) goes to the Service port entry; from the Service port, every backend using it', () => {
  const files = { [SELF]: routes(), '/ws/app/svc.yaml': service() };
  const found = linksIn(SELF, files, '80}');
  assert.equal(found?.kind, 'service-port');
  assert.deepEqual(found?.defs, ['/ws/app/svc.yaml: 80']);
  const fromService = linksIn('/ws/app/svc.yaml', files, 'port: 80', 0);
  assert.equal(fromService, undefined, 'the `port` word itself is no link');
  const back = linksIn('/ws/app/svc.yaml', files, ' 80', 0);
  assert.equal(back?.kind, 'service-port');
  assert.deepEqual(back?.defs, ['/ws/app/svc.yaml: 80']);
  assert.deepEqual(back?.refs, [`${SELF}: 80`, `${SELF}: 80`]);
  const byName = linksIn('/ws/app/svc.yaml', files, ' http', 0);
  assert.deepEqual(byName?.defs, ['/ws/app/svc.yaml: http'], 'the name under the cursor is the definition');
  assert.equal(byName?.refs.length, 2, 'backends by number still use that entry');
  assert.deepEqual(linksIn('/ws/app/svc.yaml', files, ' web\n')?.refs, [`${SELF}: web`, `${SELF}: web`], 'the Service name finds its backends');
});

test('a backend port by name goes to the Service port of that name', () => {
  const ingress = yaml`
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata: {name: web}
    spec:
      defaultBackend:
        service: {name: web, port: {name: http}}
  `;
  const found = linksIn(SELF, { [SELF]: ingress, '/ws/app/svc.yaml': service() }, 'http}');
  assert.deepEqual(found?.defs, ['/ws/app/svc.yaml: http']);
});

test('a route backendRef with a namespace goes to the Service of that namespace only', () => {
  const files = { [SELF]: routes(), '/ws/app/api.yaml': service('api', 'backend'), '/ws/app/api-default.yaml': service('api') };
  const found = linksIn(SELF, files, ' api\n');
  assert.deepEqual(found?.defs, ['/ws/app/api.yaml: api']);
});

test('silent: the Service in another namespace, not in the workspace, or in a sibling folder', () => {
  const ns = { [SELF]: 'dev', '/ws/app/svc.yaml': 'prod' };
  assert.deepEqual(linksIn(SELF, { [SELF]: routes(), '/ws/app/svc.yaml': service() }, ' web\n', 0, ns)?.defs, [], 'another namespace');
  assert.deepEqual(linksIn(SELF, { [SELF]: routes() }, ' web\n', 0)?.defs, [], 'not in the workspace');
  assert.deepEqual(linksIn(SELF, { [SELF]: routes() }, '80}')?.defs, [], 'no port without the Service');
  assert.deepEqual(linksIn(SELF, { [SELF]: routes(), '/ws/other/svc.yaml': service() }, ' web\n', 0)?.defs, [], 'a sibling folder');
  assert.deepEqual(linksIn('/ws/app/svc.yaml', { [SELF]: routes(), '/ws/app/svc.yaml': service() }, ' web\n', 0, ns)?.refs, [], 'no backend of its namespace');
});

const pod = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: db}
  spec:
    selector: {matchLabels: {app: db}}
    template:
      metadata: {labels: {app: db}}
      spec:
        containers:
        - name: db
          image: postgres
          volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
        volumes:
        - name: data
          persistentVolumeClaim:
            claimName: db-data
`;

const claim = (namespace = '') => yaml`
  apiVersion: v1
  kind: PersistentVolumeClaim
  metadata:
    name: db-data${namespace ? `\n    namespace: ${namespace}` : ''}
  spec:
    accessModes: [ReadWriteOnce]
    resources: {requests: {storage: 1Gi}}
`;

test('a volume claimName goes to the PersistentVolumeClaim in another file, and the claim finds its pods', () => {
  const files = { '/ws/app/db.yaml': pod, '/ws/app/pvc.yaml': claim() };
  const found = linksIn('/ws/app/db.yaml', files, 'db-data');
  assert.equal(found?.kind, 'claim-name');
  assert.deepEqual(found?.defs, ['/ws/app/pvc.yaml: db-data']);
  assert.deepEqual(found?.refs, ['/ws/app/db.yaml: db-data']);
  const back = linksIn('/ws/app/pvc.yaml', files, 'db-data');
  assert.deepEqual(back?.defs, ['/ws/app/pvc.yaml: db-data']);
  assert.deepEqual(back?.refs, ['/ws/app/db.yaml: db-data']);
  assert.equal(linksIn('/ws/app/db.yaml', files, ' data\n', 0)?.kind, undefined, 'the volume name links its mounts in the file, not the claim');
});

test('silent: a claim of another namespace, or not in the workspace', () => {
  const files = { '/ws/app/db.yaml': pod, '/ws/app/pvc.yaml': claim('prod') };
  assert.deepEqual(linksIn('/ws/app/db.yaml', files, 'db-data')?.defs, [], 'another namespace');
  assert.deepEqual(linksIn('/ws/app/pvc.yaml', files, 'db-data')?.refs, [], 'its pod is in default');
  assert.deepEqual(linksIn('/ws/app/db.yaml', files, 'db-data', 0, { '/ws/app/db.yaml': 'prod' })?.defs, ['/ws/app/pvc.yaml: db-data'], 'same namespace through the file default');
  assert.deepEqual(linksIn('/ws/app/db.yaml', { '/ws/app/db.yaml': pod }, 'db-data')?.defs, [], 'not in the workspace');
});
