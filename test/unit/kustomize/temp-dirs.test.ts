// A render's temporary copy of the user's files must not outlive the process, even when the
// process is stopped mid-render (an editor stopping the server, Ctrl+C on the CLI).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeTempDir, removeTempDir } from '../../../server/src/kustomize/temp-dirs';

const tempDirs = join(__dirname, '../../../server/src/kustomize/temp-dirs.js');

/** Starts a process that makes a render folder and waits; resolves with the folder and the process. */
function holder(): Promise<{ dir: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['-e', `const t = require(${JSON.stringify(tempDirs)}); console.log(t.makeTempDir()); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return new Promise((done, fail) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        const dir = out.trim();
        done({ dir, exited });
        child.kill('SIGTERM');
      }
    });
    child.on('error', fail);
  });
}

test('a render folder left when the process is stopped by SIGTERM is removed, and the exit code is the signal\'s', async () => {
  const { dir, exited } = await holder();
  assert.match(dir, /podsight-kustomize-/);
  const code = await exited;
  assert.equal(code, 143);
  assert.equal(existsSync(dir), false, `${dir} is still there`);
});

test('removeTempDir removes the folder at once', () => {
  const dir = makeTempDir();
  assert.ok(existsSync(dir));
  removeTempDir(dir);
  assert.equal(existsSync(dir), false);
});
