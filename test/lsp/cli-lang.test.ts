import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { examplesDir, repoRoot } from '../helpers/paths';

const cli = join(repoRoot, 'dist', 'podsight.js');
const example = join(examplesDir, 'seed-port-conflict.yaml');

function check(args: string[], env: Record<string, string>, format = 'json'): string {
  const clean = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env };
  const r = spawnSync(process.execPath, [cli, 'check', example, '--format', format, ...args], { encoding: 'utf8', env: clean });
  return r.stdout;
}

test('the CLI speaks Chinese with --lang zh-cn and with LANG=zh_CN.UTF-8, English otherwise', () => {
  const zhFlag = JSON.parse(check(['--lang', 'zh-cn'], {})) as { rule: string; message: string }[];
  assert.match(zhFlag.find((f) => f.rule === 'port-conflict')?.message ?? '', /共享同一个网络命名空间/);
  const zhEnv = JSON.parse(check([], { LANG: 'zh_CN.UTF-8' })) as { rule: string; message: string }[];
  assert.match(zhEnv.find((f) => f.rule === 'port-conflict')?.message ?? '', /共享同一个网络命名空间/);
  const enFlag = JSON.parse(check(['--lang', 'en'], { LANG: 'zh_CN.UTF-8' })) as { rule: string; message: string }[];
  assert.match(enFlag.find((f) => f.rule === 'port-conflict')?.message ?? '', /share one network namespace/);
});

test('the text summary and read errors follow the language', () => {
  assert.match(check(['--lang', 'zh-cn'], {}, 'text'), /共 1 个问题（错误）/);
  assert.match(check([], { LANG: 'en_US.UTF-8' }, 'text'), /1 finding \(an error\)/);
  const clean = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' };
  const r = spawnSync(process.execPath, [cli, 'check', '/nonexistent.yaml'], { encoding: 'utf8', env: clean });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /无法读取 \/nonexistent\.yaml/);
});
