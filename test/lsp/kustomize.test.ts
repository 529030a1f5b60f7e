/**
 * Kustomize overlays in the language server, rendered by the real `kubectl kustomize`: opening a
 * patch shows the rendered pod's findings on the patch's lines, unsaved edits re-render, and
 * nothing renders in an untrusted workspace until it is trusted.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { examplesDir } from '../helpers/paths';
import { LspClient } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'podsight-kustomize-lsp-'));
cpSync(join(examplesDir, 'kustomize'), dir, { recursive: true });
const folder = [{ uri: pathToFileURL(dir).href, name: 'ws' }];
const fileUri = (rel: string): string => pathToFileURL(join(dir, rel)).href;
const text = (rel: string): string => readFileSync(join(dir, rel), 'utf8');
const SIDECAR = 'overlays/prod/metrics-sidecar.yaml';
const RENAME = 'overlays/dev/rename-volume.yaml';
const BASE = 'base/deployment.yaml';
const has = (rule: string, line?: number) => (ds: Diagnostic[]): boolean => ds.some((d) => d.code === rule && (line === undefined || d.range.start.line === line));

after(() => rmSync(dir, { recursive: true, force: true }));

describe('kustomize overlays (trusted workspace)', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient({ workspaceFolders: folder });
    await client.initialize();
  });
  after(() => client.dispose());

  test('opening the prod patch reports port-conflict on its containerPort line, naming the overlay', async () => {
    await client.open(fileUri(SIDECAR), text(SIDECAR));
    const ds = await client.waitForDiagnostics(fileUri(SIDECAR), has('port-conflict', 12), undefined, 30_000);
    const d = ds.find((x) => x.code === 'port-conflict');
    assert.ok(d);
    assert.match(String(d.message), /\(in overlay overlays\/prod\)$/);
    assert.equal(d.range.start.character, 29);
    const related = d.relatedInformation?.[0];
    assert.equal(related?.location.uri, fileUri(BASE));
    assert.equal(related?.location.range.start.line, 18);
  });

  test('an unsaved edit of the patch re-renders: moving the sidecar to another port clears the finding', async () => {
    const edited = text(SIDECAR).replace('containerPort: 8080', 'containerPort: 9102');
    await client.change(fileUri(SIDECAR), 2, [{ text: edited }]);
    await client.waitForLatest(fileUri(SIDECAR), (ds) => !ds.some((d) => d.code === 'port-conflict'), 30_000);
    assert.equal(readFileSync(join(dir, SIDECAR), 'utf8'), text(SIDECAR), 'the file on disk is untouched');
  });

  test("opening the dev JSON patch reports undefined-volume on the base's mount, with the patch as related location", async () => {
    await client.open(fileUri(RENAME), text(RENAME));
    const ds = await client.waitForDiagnostics(fileUri(BASE), has('undefined-volume', 20), undefined, 30_000);
    const d = ds.find((x) => x.code === 'undefined-volume');
    assert.match(String(d?.message), /overlays\/dev/);
    assert.ok(d?.relatedInformation?.some((r) => r.location.uri === fileUri(RENAME) && r.location.range.start.line === 1));
  });

  test('the patches alone raise nothing false', async () => {
    const own = await client.waitForDiagnostics(fileUri(RENAME), () => true);
    assert.deepEqual(own.filter((d) => (d.data as { rendered?: boolean } | undefined)?.rendered !== true), []);
  });

  test('podsight/overlays lists the overlays that use a file', async () => {
    const list = await client.request<{ label: string }[]>('podsight/overlays', { textDocument: { uri: fileUri(BASE) } });
    assert.deepEqual(list.map((o) => o.label).sort(), ['overlays/dev', 'overlays/prod']);
  });

  test('podsight/renderedOverlay gives the YAML the diagram draws: both containers, and where each resource came from', async () => {
    const rendered = await client.request<{ yaml?: string; label: string }>('podsight/renderedOverlay', { dir: join(dir, 'overlays/prod') });
    assert.equal(rendered.label, 'overlays/prod');
    assert.match(rendered.yaml ?? '', /name: metrics/);
    assert.match(rendered.yaml ?? '', /config\.kubernetes\.io\/origin: \|\n\s+path: \.\.\/\.\.\/base\/deployment\.yaml/);
  });
});

describe('kustomize overlays (untrusted workspace)', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient({ workspaceFolders: folder, initializationOptions: { workspaceTrusted: false } });
    await client.initialize();
  });
  after(() => client.dispose());

  test('renders only once the workspace is trusted', async () => {
    await client.open(fileUri(SIDECAR), text(SIDECAR));
    const first = await client.waitForDiagnostics(fileUri(SIDECAR));
    assert.ok(!first.some((d) => d.code === 'port-conflict'));
    const list = await client.request<{ generation: number }[]>('podsight/overlays', { textDocument: { uri: fileUri(SIDECAR) } });
    assert.deepEqual(list.map((o) => o.generation), [0], 'no render ran');
    await client.connection.sendNotification('podsight/workspaceTrusted');
    await client.waitForDiagnostics(fileUri(SIDECAR), has('port-conflict', 12), undefined, 30_000);
  });
});

describe('kustomize overlays without kustomize', () => {
  test('one notice, and the file is still checked on its own', async () => {
    const client = new LspClient({ workspaceFolders: folder, settings: { kustomize: { command: 'podsight-no-such-kustomize build' } } });
    const notices: string[] = [];
    client.connection.onNotification('window/showMessage', (p: { message: string }) => {
      notices.push(p.message);
    });
    try {
      await client.initialize();
      await client.open(fileUri(SIDECAR), text(SIDECAR));
      await client.open(fileUri(RENAME), text(RENAME));
      await client.waitForDiagnostics(fileUri(SIDECAR));
      const deadline = Date.now() + 10_000;
      while (notices.length === 0 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
      assert.equal(notices.length, 1);
      assert.match(notices[0] ?? '', /podsight\.kustomize\.command/);
    } finally {
      await client.dispose();
    }
  });
});

describe('kustomize overlay with a remote resource', () => {
  const remoteDir = mkdtempSync(join(tmpdir(), 'podsight-kustomize-remote-'));
  // Many documents: the analysis a request starts is still running when the diagnostics ask.
  const patch = Array.from(
    { length: 150 },
    (_, i) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web-${i}}
spec:
  template:
    spec:
      containers:
        - name: app
          volumeMounts: [{name: config, mountPath: /etc/app}]
          readinessProbe: {httpGet: {port: http}}
`,
  ).join('---\n');
  writeFileSync(join(remoteDir, 'kustomization.yaml'), 'resources:\n  - github.com/org/repo//base?ref=v1\npatches:\n  - path: patch.yaml\n');
  writeFileSync(join(remoteDir, 'patch.yaml'), patch);
  const uri = (name: string): string => pathToFileURL(join(remoteDir, name)).href;
  let client: LspClient;
  before(async () => {
    client = new LspClient({ workspaceFolders: [{ uri: pathToFileURL(remoteDir).href, name: 'remote' }] });
    await client.initialize();
  });
  after(async () => {
    await client.dispose();
    rmSync(remoteDir, { recursive: true, force: true });
  });

  test('the patch stays a fragment, even when a hover asks before the diagnostics ran; one notice on the kustomization', async () => {
    // The diagnostics wait for the settings; meanwhile a hover starts an analysis under the
    // default options, still running when the settings arrive and the file is known as a fragment.
    const release = client.holdConfiguration();
    await client.open(uri('patch.yaml'), patch);
    const hover = client.request('textDocument/hover', { textDocument: { uri: uri('patch.yaml') }, position: { line: 8, character: 12 } });
    release();
    await hover;
    const own = await client.waitForDiagnostics(uri('patch.yaml'));
    assert.deepEqual(own.map((d) => d.code), []);
    const notice = await client.waitForDiagnostics(uri('kustomization.yaml'), (ds) => ds.length > 0, undefined, 30_000);
    assert.deepEqual(notice.map((d) => [d.code, d.severity, d.range.start.line]), [['kustomize-build', 3, 1]]);
    // Asked again, the kept analysis is the fragment's; so is the next version's.
    await client.request('textDocument/codeLens', { textDocument: { uri: uri('patch.yaml') } });
    await client.change(uri('patch.yaml'), 2, [{ text: `${patch}# edited\n` }]);
    assert.deepEqual((await client.waitForDiagnostics(uri('patch.yaml'), () => true, 2)).map((d) => d.code), []);
  });
});
