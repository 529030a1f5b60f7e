/** Navigation across files in the real server: Ingress/HTTPRoute backends ↔ Services on disk, claimName ↔ PersistentVolumeClaim. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Location } from 'vscode-languageserver-protocol';
import { positionOf } from '../helpers/caret';
import { LspClient } from './harness';

let client: LspClient;
let root: string;
const uriOf = (...parts: string[]): string => pathToFileURL(join(root, ...parts)).href;

const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n  - {name: http, port: 80, targetPort: 8080}\n';
const prodService = 'apiVersion: v1\nkind: Service\nmetadata: {name: admin, namespace: prod}\nspec:\n  ports: [{port: 80}]\n';
// The last backend names the container port (8080) instead of the Service port: dangling-backend says so once the index has the Service.
const routes =
  'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  rules:\n  - http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n      - {path: /admin, pathType: Prefix, backend: {service: {name: admin, port: {number: 80}}}}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web}\nspec:\n  rules:\n  - backendRefs: [{name: web, port: 8080}]\n';
const claim = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n';
const prodClaim = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: logs, namespace: prod}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n';
const pod =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: db}\nspec:\n  containers:\n  - name: db\n    image: postgres\n    volumeMounts: [{name: d, mountPath: /data}, {name: l, mountPath: /logs}]\n  volumes:\n  - {name: d, persistentVolumeClaim: {claimName: data}}\n  - {name: l, persistentVolumeClaim: {claimName: logs}}\n';

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'podsight-backends-'));
  mkdirSync(join(root, 'app', 'objects'), { recursive: true });
  // Below the open files' folder: only the background index of the workspace finds them.
  writeFileSync(join(root, 'app', 'objects', 'svc.yaml'), service);
  writeFileSync(join(root, 'app', 'objects', 'admin.yaml'), prodService);
  writeFileSync(join(root, 'app', 'objects', 'pvc.yaml'), claim);
  writeFileSync(join(root, 'app', 'objects', 'logs.yaml'), prodClaim);
  client = new LspClient({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }] });
  await client.initialize();
  await client.open(uriOf('app', 'routes.yaml'), routes);
  await client.waitForLatest(uriOf('app', 'routes.yaml'), (d) => d.some((x) => x.code === 'dangling-backend'));
  await client.open(uriOf('app', 'pod.yaml'), pod);
});
after(async () => {
  await client.dispose();
  rmSync(root, { recursive: true, force: true });
});

const at = (uri: string, text: string, needle: string, occurrence = 0) => ({ textDocument: { uri }, position: positionOf(text, needle, occurrence, 1) });
const brief = (locations: Location[] | null): string[] => (locations ?? []).map((l) => `${l.uri.slice(pathToFileURL(root).href.length + 1)}:${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`);
const definition = async (uri: string, text: string, needle: string, occurrence = 0) => brief(await client.request<Location[]>('textDocument/definition', at(uri, text, needle, occurrence)));

test('definition of an Ingress backend is the Service on disk; of its port number, the Service port', async () => {
  const uri = uriOf('app', 'routes.yaml');
  assert.deepEqual(await definition(uri, routes, ' web,'), ['app/objects/svc.yaml:2:17-20']);
  assert.deepEqual(await definition(uri, routes, ' 80}'), ['app/objects/svc.yaml:6:23-25']);
  assert.deepEqual(await definition(uri, routes, ' web,', 1), ['app/objects/svc.yaml:2:17-20'], 'the HTTPRoute backendRef');
});

test('references of a Service from its file find the Ingress and the HTTPRoute', async () => {
  const svc = uriOf('app', 'objects', 'svc.yaml');
  await client.open(svc, service);
  const refs = await client.request<Location[]>('textDocument/references', { ...at(svc, service, ' web}'), context: { includeDeclaration: false } });
  assert.deepEqual(brief(refs), ['app/routes.yaml:7:62-65', 'app/routes.yaml:15:25-28']);
  await client.close(svc);
});

test('silent: a Service of another namespace, a port the Service does not have', async () => {
  const uri = uriOf('app', 'routes.yaml');
  assert.deepEqual(await definition(uri, routes, ' admin'), []);
  assert.deepEqual(await definition(uri, routes, ' 8080'), []);
});

test('definition of a claimName is the PersistentVolumeClaim on disk; a claim of another namespace stays silent', async () => {
  const uri = uriOf('app', 'pod.yaml');
  // The claim file is found by the same background scan that found the Service; poll briefly in case it came later.
  const deadline = Date.now() + 10_000;
  let found: string[] = [];
  while (Date.now() < deadline && found.length === 0) found = await definition(uri, pod, ' data}');
  assert.deepEqual(found, ['app/objects/pvc.yaml:2:17-21']);
  assert.deepEqual(await definition(uri, pod, ' logs}'), []);
});

test('references of a PersistentVolumeClaim from its file find the pod volume', async () => {
  const pvc = uriOf('app', 'objects', 'pvc.yaml');
  await client.open(pvc, claim);
  const refs = await client.request<Location[]>('textDocument/references', { ...at(pvc, claim, ' data}'), context: { includeDeclaration: true } });
  assert.deepEqual(brief(refs), ['app/objects/pvc.yaml:2:17-21', 'app/pod.yaml:9:49-53']);
  await client.close(pvc);
});
