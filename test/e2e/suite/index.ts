/**
 * extensionTestsPath entry point. The VS Code extension host requires this module and awaits
 * `run()`: resolve = exit code 0, reject = 1. Works the same under @vscode/test-electron and
 * the code-server harness. Results (and metrics such as activation time) also go to
 * $PODSIGHT_E2E_RESULTS as JSON when the harness sets it, with a journal beside it
 * (journal.json): every change of the diagnostics and of the documents' text, by test, so that
 * a failure seen once can be read afterwards (which version got which diagnostics, and when).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { metrics } from './helpers';

/** At most this many entries: a journal is for reading a failure, not for every keystroke of a long run. */
const JOURNAL_LIMIT = 50_000;

/** Records diagnostics and text changes (`test` names the running test). */
function startJournal(): { entries: unknown[]; test: string; dispose(): void } {
  const started = Date.now();
  const journal = { entries: [] as unknown[], test: '', dispose: () => undefined as void };
  const add = (entry: Record<string, unknown>): void => {
    if (journal.entries.length < JOURNAL_LIMIT) journal.entries.push({ ms: Date.now() - started, test: journal.test, ...entry });
  };
  const name = (uri: vscode.Uri): string => vscode.workspace.asRelativePath(uri);
  const subscriptions = [
    vscode.languages.onDidChangeDiagnostics((e) => {
      for (const uri of e.uris) {
        const own = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'podsight');
        add({ diagnostics: name(uri), found: own.map((d) => `${String(typeof d.code === 'object' ? d.code.value : d.code)}@${d.range.start.line + 1}:${d.range.start.character + 1}`) });
      }
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 || e.reason !== undefined) add({ changed: name(e.document.uri), version: e.document.version, dirty: e.document.isDirty, reason: e.reason });
    }),
  ];
  journal.dispose = () => subscriptions.forEach((s) => s.dispose());
  return journal;
}

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
  const journal = startJournal();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      results.finishedAt = Date.now();
      journal.dispose();
      const out = process.env.PODSIGHT_E2E_RESULTS;
      if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
      if (out) fs.writeFileSync(path.join(path.dirname(out), 'journal.json'), JSON.stringify(journal.entries, null, 1));
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
    runner.on('test', (t) => (journal.test = t.fullTitle()));
    runner.on('pass', (t) => results.passes.push({ title: t.fullTitle(), ms: t.duration }));
    runner.on('fail', (t, err: unknown) => results.failures.push({ title: t.fullTitle(), error: String((err as Error)?.stack ?? err) }));
    runner.on('pending', (t) => results.pending.push({ title: t.fullTitle() }));
  });
}
