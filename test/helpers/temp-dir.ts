/**
 * A new temporary folder for a test, removed when the test process exits. Tests write only to
 * temporary folders; without this, each run of the suite left hundreds of them in /tmp.
 * (Saved failures of the differential test are kept on purpose: see lsp/differential/run.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'podsight-test-', parent = tmpdir()): string {
  const dir = mkdtempSync(join(parent, prefix));
  made.push(dir);
  return dir;
}
