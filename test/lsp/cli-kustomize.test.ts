/** `podsight check DIR` on a kustomization: renders with the real kubectl kustomize (the built bundle). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/paths';

function podsight(args: string[], cwd = repoRoot, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), ...args], { encoding: 'utf8', cwd, env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Out {
  file: string;
  rule: string;
  message: string;
  range: { start: { line: number; character: number } };
  related?: { file: string; range: { start: { line: number } }; message: string }[];
}

test('check overlays/prod reports port-conflict on the patch containerPort line, naming the overlay', () => {
  const r = podsight(['check', 'examples/kustomize/overlays/prod', '--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout) as Out[];
  assert.deepEqual(
    out.map((f) => [f.file, f.rule, f.range.start.line, f.range.start.character]),
    [['examples/kustomize/overlays/prod/metrics-sidecar.yaml', 'port-conflict', 12, 29]],
  );
  assert.match(out[0]?.message ?? '', /\(in overlay examples\/kustomize\/overlays\/prod\)$/);
});

test('text output shows the patch line and the base as related location; SARIF has relatedLocations', () => {
  const text = podsight(['check', 'examples/kustomize/overlays/prod']);
  assert.match(text.stdout, /metrics-sidecar\.yaml:13:30: error .*\[port-conflict\]\n {2}13 \| {13}- containerPort: 8080\n/);
  assert.match(text.stdout, /related: examples\/kustomize\/base\/deployment\.yaml:19:30: Container "web" declares 8080\/TCP here\./);
  const sarif = JSON.parse(podsight(['check', 'examples/kustomize/overlays/prod', '--format', 'sarif']).stdout) as { runs: { results: { relatedLocations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }[] }[] };
  const related = sarif.runs[0]?.results[0]?.relatedLocations ?? [];
  assert.equal(related.length, 1);
  assert.match(related[0]?.physicalLocation?.artifactLocation?.uri ?? '', /base\/deployment\.yaml$/);
});

test('--no-render checks the files one by one: the patches alone report nothing', () => {
  for (const overlay of ['prod', 'dev']) {
    const r = podsight(['check', `examples/kustomize/overlays/${overlay}`, '--no-render', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), []);
  }
});

test('a kustomization kustomize cannot build: kustomize-build on the entry it names, exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podsight-cli-k-'));
  writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n  - missing.yaml\n');
  const r = podsight(['check', dir, '--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const [f] = JSON.parse(r.stdout) as Out[];
  assert.equal(f?.rule, 'kustomize-build');
  assert.equal(f?.file, join(dir, 'kustomization.yaml'));
  assert.deepEqual(f?.range.start, { line: 1, character: 4 });
  assert.match(f?.message ?? '', /missing\.yaml/);
});

test('without kustomize: one notice on stderr, then the files one by one', () => {
  const r = podsight(['check', 'examples/kustomize/overlays/prod', '--kustomize-command', 'podsight-no-such-kustomize build', '--format', 'json']);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /no kustomize found/);
  assert.deepEqual(JSON.parse(r.stdout), []);
});
