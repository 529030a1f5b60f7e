/**
 * A kustomize base open in the editor: once its overlays have rendered (real `kubectl
 * kustomize`), what an overlay completes (a volume, a named port) is decided by the renders, not
 * by the base read alone; what no overlay completes is reported on the base, naming the overlay.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { tempFolder } from './temp-folder';
import { LspClient } from './harness';
import { INCOMPLETE_BASE_DEPLOYMENT } from './kustomize-base-fixture';

const DEPLOYMENT = INCOMPLETE_BASE_DEPLOYMENT;
const PROD_PATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          ports:
            - {name: http, containerPort: 80}
      volumes:
        - {name: cache, emptyDir: {}}
`;

function workspace(files: Record<string, string>): { uri: (rel: string) => string; folders: { uri: string; name: string }[] } {
  const folder = tempFolder('podsight-kustomize-bases-');
  for (const [rel, text] of Object.entries({
    'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
    'base/deployment.yaml': DEPLOYMENT,
    'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - path: patch.yaml\n',
    'overlays/prod/patch.yaml': PROD_PATCH,
    ...files,
  })) {
    mkdirSync(dirname(join(folder.path, rel)), { recursive: true });
    writeFileSync(join(folder.path, rel), text);
  }
  return { uri: folder.uri, folders: [{ uri: pathToFileURL(folder.path).href, name: 'ws' }] };
}

const codes = (ds: Diagnostic[]): string => ds.map((d) => d.code).sort().join();
const rendered = (d: Diagnostic): boolean => (d.data as { rendered?: boolean } | undefined)?.rendered === true;

const clients: LspClient[] = [];
after(() => clients.forEach((c) => c.dispose()));

async function openBase(files: Record<string, string> = {}): Promise<{ client: LspClient; uri: string }> {
  const ws = workspace(files);
  const client = new LspClient({ workspaceFolders: ws.folders });
  clients.push(client);
  await client.initialize();
  const uri = ws.uri('base/deployment.yaml');
  await client.open(uri, DEPLOYMENT);
  return { client, uri };
}

test('a base that its only overlay completes: no undefined-volume or unknown-port-name once the overlay has rendered', async () => {
  const { client, uri } = await openBase();
  await client.waitForLatest(uri, (ds) => codes(ds) === '', 30_000);
  // A mount no overlay adds: reported after the next render, from the render, naming the overlay.
  const edited = DEPLOYMENT.replace('            - {name: cache, mountPath: /var/cache/nginx}\n', '            - {name: cache, mountPath: /var/cache/nginx}\n            - {name: logs, mountPath: /var/log/nginx}\n');
  await client.change(uri, 2, [{ text: edited }]);
  const ds = await client.waitForLatest(uri, (list) => codes(list) === 'undefined-volume', 30_000);
  assert.equal(ds[0]?.range.start.line, 18, 'on the logs mount');
  assert.ok(ds.every(rendered));
  assert.match(String(ds[0]?.message), /"logs".*\(in overlay overlays\/prod\)$/);
});

test('a second overlay that does not complete the base: its findings on the base, naming it, each once', async () => {
  const { client, uri } = await openBase({ 'overlays/dev/kustomization.yaml': 'resources:\n  - ../../base\n' });
  const ds = await client.waitForLatest(uri, (list) => codes(list) === 'undefined-volume,unknown-port-name' && list.every(rendered), 30_000);
  for (const d of ds) assert.match(String(d.message), /\(in overlay overlays\/dev\)$/);
});

test("what the text itself gets wrong stays the base's own, beside the renders", async () => {
  const ws = workspace({});
  const client = new LspClient({ workspaceFolders: ws.folders });
  clients.push(client);
  await client.initialize();
  const uri = ws.uri('base/deployment.yaml');
  await client.open(uri, DEPLOYMENT.replace('image: nginx:1.27', 'image: nginx:1.27\n          imagePullPolicyy: Always'));
  const ds = await client.waitForLatest(uri, (list) => codes(list) === 'unknown-field', 30_000);
  assert.ok(!rendered(ds[0] as Diagnostic), 'the file\'s own finding (with its quick fix)');
});
