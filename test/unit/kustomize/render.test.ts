/**
 * Rendering with the real `kubectl kustomize`: the user's files stay untouched, the temporary
 * copy is removed, kustomize's errors come back as its own message, and a slow or cancelled
 * render stops.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { kustomizeCommand, splitCommand } from '../../../server/src/kustomize/command';
import { render, renderSync } from '../../../server/src/kustomize/render';
import { BASE_DEPLOYMENT, writeTree } from './tree';
import { tempDir } from '../../helpers/temp-dir';

const kubectl = ['kubectl', 'kustomize'];

test('the command: the setting, else kubectl kustomize from the PATH; nothing when none is there', () => {
  assert.deepEqual(splitCommand('"/opt/my tools/kustomize" build'), ['/opt/my tools/kustomize', 'build']);
  assert.deepEqual(kustomizeCommand(''), ['kubectl', 'kustomize']);
  assert.equal(kustomizeCommand('', { PATH: '/nonexistent' }), undefined);
  assert.equal(kustomizeCommand('no-such-kustomize build'), undefined);
});

test('a render reads a temporary copy with origin annotations; the user files and the temp folder are left as they were', () => {
  const dir = writeTree({ 'kustomization.yaml': 'resources: [deployment.yaml]\n', 'deployment.yaml': BASE_DEPLOYMENT });
  const temp = tempDir('podsight-tmp-');
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = temp;
  try {
    const result = renderSync(dir, { command: kubectl });
    assert.ok(result.ok);
    assert.match(result.yaml, /config\.kubernetes\.io\/origin: \|\n\s+path: deployment\.yaml/);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
  assert.deepEqual(readdirSync(temp), [], 'the temporary copy is removed');
  assert.equal(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'), 'resources: [deployment.yaml]\n');
  assert.deepEqual(readdirSync(dir).sort(), ['deployment.yaml', 'kustomization.yaml']);
});

test('unsaved texts are rendered instead of the files on disk', async () => {
  const dir = writeTree({ 'kustomization.yaml': 'resources: [deployment.yaml]\n', 'deployment.yaml': BASE_DEPLOYMENT });
  const result = await render(dir, { command: kubectl, overrides: new Map([[join(dir, 'deployment.yaml'), BASE_DEPLOYMENT.replace('nginx-unprivileged:1.27', 'nginx-unprivileged:unsaved')]]) });
  assert.ok(result.ok);
  assert.match(result.yaml, /nginx-unprivileged:unsaved/);
});

test("kustomize's own error comes back, naming the user's folder, not the temporary one", () => {
  const dir = writeTree({ 'kustomization.yaml': 'resources: [deployment.yaml, missing.yaml]\n', 'deployment.yaml': BASE_DEPLOYMENT });
  const result = renderSync(dir, { command: kubectl });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.reason === 'failed');
  assert.match(result.message, /missing\.yaml/);
  assert.ok(result.message.includes(dir), result.message);
  assert.doesNotMatch(result.message, /podsight-kustomize-/);
  assert.doesNotMatch(result.message, /^E\d{4}/, 'the klog prefix is removed');
});

test("kustomize's deprecation warnings and klog's multi-line form are not the message", () => {
  const dir = writeTree({ 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1\nkind: Kustomization\ncommonLabels: {app: web}\nresources: [deployment.yaml]\n', 'deployment.yaml': BASE_DEPLOYMENT });
  const result = renderSync(dir, { command: kubectl });
  assert.ok(!result.ok && result.reason === 'failed');
  assert.doesNotMatch(result.message, /# Warning|^E\d{4}|err=</, result.message);
  assert.match(result.message, /apiVersion for Kustomization should be/);
});

test('a render that takes too long is stopped; a cancelled one too', async () => {
  const dir = writeTree({ 'kustomization.yaml': 'resources: []\n' });
  const slow = [process.execPath, '-e', 'setTimeout(() => {}, 60000)'];
  const timedOut = renderSync(dir, { command: slow, timeoutMs: 200 });
  assert.ok(!timedOut.ok && timedOut.reason === 'timeout', JSON.stringify(timedOut));
  const controller = new AbortController();
  const pending = render(dir, { command: slow, signal: controller.signal });
  controller.abort();
  const cancelled = await pending;
  assert.ok(!cancelled.ok && cancelled.reason === 'cancelled', JSON.stringify(cancelled));
});

test('remote resources are not fetched', () => {
  const dir = writeTree({ 'kustomization.yaml': 'resources: [https://github.com/example/app//deploy?ref=v1]\n' });
  const result = renderSync(dir, { command: kubectl });
  assert.ok(!result.ok && result.reason === 'remote');
});

test('a kustomization that is not YAML: kustomize\'s own kind of message, not "no kustomization" (sweep EY)', async () => {
  const dir = writeTree({ 'kustomization.yaml': 'resources: [deployment.yaml]\npatches: [\n', 'deployment.yaml': BASE_DEPLOYMENT });
  const result = await render(dir, { command: ['kubectl', 'kustomize'] });
  assert.equal(result.ok, false);
  assert.match(result.ok ? '' : result.message, /^invalid Kustomization: .*\(line 2\)$/);
  const none = await render(writeTree({ 'deployment.yaml': BASE_DEPLOYMENT }), { command: ['kubectl', 'kustomize'] });
  assert.match(none.ok ? '' : none.message, /^no kustomization in /);
});

test('probe 2: a key written twice in a kustomization is kustomize\'s to read (the last wins), not a failed build', async () => {
  const dir = writeTree({ 'kustomization.yaml': 'resources: [deployment.yaml]\nnamespace: foo\nnamespace: bar\n', 'deployment.yaml': BASE_DEPLOYMENT });
  const result = await render(dir, { command: ['kubectl', 'kustomize'] });
  assert.ok(result.ok, result.ok ? '' : result.message);
  assert.match(result.yaml, /namespace: bar/);
  // An error at the very end is on the last line, not past it.
  const end = await render(writeTree({ 'kustomization.yaml': 'resources: [deployment.yaml]\nnamePrefix: "x\n', 'deployment.yaml': BASE_DEPLOYMENT }), { command: ['kubectl', 'kustomize'] });
  assert.match(end.ok ? '' : end.message, /\(line 2\)$/);
});
