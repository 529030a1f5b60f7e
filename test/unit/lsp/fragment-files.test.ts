/** A document is a kustomize patch while a kustomization beside or above it lists it, as saved on disk. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { fragmentOfUri, readIfChanged } from '../../../server/src/lsp/fragment-files';

test('a saved kustomization applies on the next check: listed, unlisted, removed', () => {
  const root = mkdtempSync(join(tmpdir(), 'podsight-fragments-'));
  try {
    const overlay = join(root, 'overlays', 'prod');
    mkdirSync(overlay, { recursive: true });
    const patch = pathToFileURL(join(overlay, 'patch.yaml')).href;
    const kustomization = join(overlay, 'kustomization.yaml');
    assert.equal(fragmentOfUri(patch), undefined, 'no kustomization yet');
    writeFileSync(kustomization, 'patches:\n  - path: patch.yaml\n');
    assert.equal(fragmentOfUri(patch), 'kustomize-patch');
    // Same size, later modification time: read again.
    writeFileSync(kustomization, 'patches:\n  - path: other.yaml\n'.slice(0, 'patches:\n  - path: patch.yaml\n'.length));
    utimesSync(kustomization, new Date(), new Date(Date.now() + 5000));
    assert.equal(fragmentOfUri(patch), undefined, 'no longer listed');
    rmSync(kustomization);
    assert.equal(readIfChanged(kustomization), undefined);
    // A kustomization two folders up lists it by a relative path.
    writeFileSync(join(root, 'kustomization.yaml'), 'patchesStrategicMerge: [overlays/prod/patch.yaml]\n');
    assert.equal(fragmentOfUri(patch), 'kustomize-patch');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('an unchanged file is not read again; a folder is no file', () => {
  const root = mkdtempSync(join(tmpdir(), 'podsight-fragments-'));
  try {
    const file = join(root, 'kustomization.yaml');
    writeFileSync(file, 'resources: []\n');
    const first = readIfChanged(file);
    assert.equal(first, 'resources: []\n');
    assert.equal(readIfChanged(file), first);
    assert.equal(readIfChanged(root), undefined);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
