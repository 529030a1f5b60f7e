/**
 * extensionTestsPath entry point. The VS Code extension host requires this module and awaits
 * `run()`: resolve = exit code 0, reject = 1. Works the same under @vscode/test-electron and
 * the code-server harness. Results (and metrics such as activation time) also go to
 * $PODSIGHT_E2E_RESULTS as JSON when the harness sets it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { metrics } from './helpers';

interface Results {
  startedAt: number;
  finishedAt?: number;
  mode: string;
  passes: { title: string; ms?: number }[];
  failures: { title: string; error: string }[];
  pending: { title: string }[];
  metrics: Record<string, unknown>;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.PODSIGHT_E2E_GREP;
  if (grep) mocha.grep(new RegExp(grep));
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  const results: Results = {
    startedAt: Date.now(),
    mode: process.env.PODSIGHT_E2E_MODE ?? 'development',
    passes: [],
    failures: [],
    pending: [],
    metrics,
  };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      results.finishedAt = Date.now();
      const out = process.env.PODSIGHT_E2E_RESULTS;
      if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.passes.push({ title: t.fullTitle(), ms: t.duration }));
    runner.on('fail', (t, err: unknown) => results.failures.push({ title: t.fullTitle(), error: String((err as Error)?.stack ?? err) }));
    runner.on('pending', (t) => results.pending.push({ title: t.fullTitle() }));
  });
}
