/**
 * The npm package as users get it: packed from a copy of the sources (`prepare` builds the bundle,
 * as when installing from git), installed globally into a temporary prefix, and run through npx —
 * all offline, since the package has no runtime dependencies.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/paths';
import { cloneOfRepo, CONFLICTING_POD, GOOD_POD, ok, run, tempDir } from './tools';

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const work = tempDir('pack');
const npmEnv = { ...process.env, npm_config_cache: join(work, 'npm-cache'), npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
let tarball = '';
const project = join(work, 'project');

before(() => {
  const clone = cloneOfRepo(join(work, 'clone'));
  const packed = ok(run('npm', ['pack', '--json', '--pack-destination', work], { cwd: clone, env: npmEnv, timeoutMs: 300_000 }), 'npm pack');
  const json = packed.stdout.slice(packed.stdout.indexOf('['));
  const [info] = JSON.parse(json) as { filename: string; files: { path: string }[] }[];
  assert.ok(info);
  tarball = join(work, info.filename);
  writeFileSync(join(work, 'files.json'), JSON.stringify(info.files.map((f) => f.path)));
  ok(run('mkdir', ['-p', project]), 'mkdir');
  writeFileSync(join(project, 'bad.yaml'), CONFLICTING_POD);
  writeFileSync(join(project, 'good.yaml'), GOOD_POD);
});

after(() => rmSync(work, { recursive: true, force: true }));

test('the tarball holds the command, the bundle and the rule pages, not the sources', () => {
  const files = JSON.parse(readFileSync(join(work, 'files.json'), 'utf8')) as string[];
  assert.equal(tarball.endsWith(`podsight-${version}.tgz`), true);
  for (const must of ['package.json', 'bin/podsight.js', 'dist/podsight.js', 'docs/rules/port-conflict.md', 'README.md', 'LICENSE']) {
    assert.ok(files.includes(must), `${must} is packed`);
  }
  const stray = files.filter((f) => /^(server|client|test|scripts|out|node_modules)\/|\.ts$|\.map$/.test(f));
  assert.deepEqual(stray, []);
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { private?: boolean; bin?: Record<string, string>; dependencies?: object };
  assert.equal(pkg.private, undefined);
  assert.deepEqual(pkg.bin, { podsight: 'bin/podsight.js' });
  assert.equal(pkg.dependencies, undefined, 'everything the command needs is bundled');
});

test('npm i -g: the podsight command checks files', () => {
  const prefix = join(work, 'prefix');
  ok(run('npm', ['install', '--global', '--prefix', prefix, tarball], { env: npmEnv, timeoutMs: 120_000 }), 'npm i -g');
  const bin = join(prefix, 'bin', 'podsight');
  assert.equal(ok(run(bin, ['--version']), 'podsight --version').stdout, `podsight ${version}\n`);
  const bad = run(bin, ['check', '.', '--format', 'json'], { cwd: project });
  assert.equal(bad.status, 1, bad.stderr);
  assert.deepEqual((JSON.parse(bad.stdout) as { file: string; rule: string }[]).map((f) => `${f.file} ${f.rule}`), ['bad.yaml port-conflict']);
  assert.equal(run(bin, ['check', 'good.yaml'], { cwd: project }).status, 0);
});

test('npx: the tarball runs without installing anything else', () => {
  const r = run('npx', ['--yes', '--package', tarball, '--', 'podsight', 'check', '.'], { cwd: project, env: npmEnv, timeoutMs: 120_000 });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /bad\.yaml:14:22: error .*\[port-conflict\]/);
  assert.match(r.stdout, /1 finding \(an error\)/);
});

test('action.yml: its step runs npx podsight with the inputs (annotations by default, SARIF on request)', () => {
  const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default: string }>;
    runs: { using: string; steps: { run: string; env: Record<string, string> }[] };
  };
  assert.equal(action.runs.using, 'composite');
  const [step] = action.runs.steps;
  assert.ok(step);
  // What the runner does: each ${{ inputs.X }} / ${{ github.action_path }} becomes the step's env.
  const stepEnv = (inputs: Record<string, string>): Record<string, string> =>
    Object.fromEntries(
      Object.entries(step.env).map(([name, value]) => {
        const input = /\$\{\{ inputs\.([\w-]+) \}\}/.exec(value)?.[1];
        return [name, input ? (inputs[input] ?? action.inputs[input]?.default ?? '') : value.includes('github.action_path') ? repoRoot : value];
      }),
    );
  const annotate = run('bash', ['-c', step.run], { cwd: project, env: { ...npmEnv, ...stepEnv({ package: tarball }) }, timeoutMs: 120_000 });
  assert.equal(annotate.status, 1, annotate.stderr);
  assert.match(annotate.stdout, /^::error file=bad\.yaml,line=14,endLine=14,col=22,endColumn=26,title=podsight port-conflict::/m);
  const sarif = run('bash', ['-c', step.run], { cwd: project, env: { ...npmEnv, ...stepEnv({ package: tarball, format: 'sarif', paths: 'good.yaml bad.yaml', 'fail-on': 'never' }) } });
  assert.equal(sarif.status, 0, sarif.stderr);
  const log = JSON.parse(readFileSync(join(project, 'podsight.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
  assert.deepEqual(log.runs[0]?.results.map((r) => r.ruleId), ['port-conflict']);
});
