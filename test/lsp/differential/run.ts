/**
 * Runs edit sequences (see edits.ts) through a real server and checks, for each: the diagnostics
 * published after the last edit equal a fresh open of the same text (and, in `cliFindings`, the
 * CLI's findings on it); no range ever lies outside the text of its version; versions never go back.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { firstDocumentsEnd, PREFIX_LENGTH, PROGRESSIVE_LENGTH } from '../../../server/src/lsp/first-documents';
import { repoRoot } from '../../helpers/paths';
import type { LspClient } from '../harness';
import type { Sequence } from './edits';

/** The final text of a sequence and what the server published for it. */
export interface Result {
  readonly sequence: Sequence;
  readonly text: string;
  /** Normalised diagnostics: after the edits, and on a fresh open. */
  readonly incremental: string;
  readonly fresh: string;
  readonly problems: string[];
}

/** What a user sees of a diagnostic (its `data`, the version, and related URIs differ by construction). */
function normalise(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(
    diagnostics.map((d) => {
      const data = typeof d.data === 'number' ? null : (d.data ?? null);
      return [d.range, d.severity, d.code, d.message, d.tags ?? [], (d.relatedInformation ?? []).map((r) => [r.location.range, r.message]), data];
    }),
  );
}

/** Problems with a range: outside the document, or inside a CRLF. */
function rangeProblems(text: string, p: PublishDiagnosticsParams): string[] {
  const doc = TextDocument.create('file:///check.yaml', 'yaml', 1, text);
  const out: string[] = [];
  const lineLength = (line: number): number => doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/(?:\r\n|\r|\n)$/, '').length;
  for (const d of p.diagnostics) {
    for (const r of [d.range, ...(d.relatedInformation ?? []).map((x) => x.location.range)]) {
      for (const pos of [r.start, r.end]) {
        if (pos.line < 0 || pos.line >= doc.lineCount || pos.character < 0 || pos.character > lineLength(pos.line)) {
          out.push(`v${p.version}: ${String(d.code)} position ${JSON.stringify(pos)} outside the text (${doc.lineCount} lines)`);
        }
      }
    }
  }
  return out;
}

let counter = 0;

/** Runs one sequence; `fresh` opens the final text under a URI of its own folder. */
export async function runSequence(client: LspClient, sequence: Sequence): Promise<Result> {
  const id = ++counter;
  const uri = `file:///differential/${id}/edited.yaml`;
  const freshUri = `file:///differential-fresh/${id}/fresh.yaml`;
  const local = TextDocument.create(uri, 'yaml', 1, sequence.initial);
  // The text of each version, per open (a reopen with other content restarts the versions' meaning).
  const textsPerOpen = [new Map<number, string>([[1, sequence.initial]])];
  let texts = textsPerOpen[0] as Map<number, string>;
  let version = 1;
  let asked = client.configurationRequests; // configuration requests before the latest open
  await client.open(uri, sequence.initial, 1);
  // A close publishes one empty list without a version: the publishes after the n-th one belong to
  // the (n+1)-th open. The server may publish for the closed document just before it sees the close.
  let closes = 0;
  for (const step of sequence.steps) {
    if (step.kind === 'reopen') {
      // Close once the check of the latest open is under way (it has asked for settings, answered late).
      await client.waitForConfigurationRequests(asked + 1);
      asked = client.configurationRequests;
      await client.close(uri);
      closes++;
      if (step.text !== undefined) {
        TextDocument.update(local, [{ text: step.text }], version);
      }
      texts = new Map([[version, local.getText()]]);
      textsPerOpen.push(texts);
      await client.open(uri, local.getText(), version);
      continue;
    }
    TextDocument.update(local, [{ range: step.range, text: step.text }], ++version);
    texts.set(version, local.getText());
    await client.change(uri, version, [{ range: step.range, text: step.text }]);
    if (step.wait) await waitForVersion(client, uri, version, closes);
  }
  await waitForVersion(client, uri, version, closes);
  // Anything still queued (a neighbour's re-check) is done once a request has been answered.
  await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  const all = client.published(uri);
  const latest = all[all.length - 1];
  const problems: string[] = [];
  if (latest?.version !== version) problems.push(`the latest publish is for version ${latest?.version}, not ${version}`);
  // Versions never go back between one open and the next (a reopen starts again at its version).
  const opens = [0, ...all.flatMap((p, i) => (p.version === undefined ? [i + 1] : [])), all.length];
  for (let k = 0; k + 1 < opens.length; k++) {
    let previous = 0;
    for (const p of all.slice(opens[k], opens[k + 1])) {
      if (p.version === undefined) continue; // the empty list of a close
      if (p.version < previous) problems.push(`published v${p.version} after v${previous}`);
      previous = p.version;
      const text = textsPerOpen[k]?.get(p.version);
      if (text !== undefined) problems.push(...rangeProblems(text, p));
    }
  }
  await client.open(freshUri, local.getText(), 1);
  // A big text's first documents are published first: the whole file's diagnostics come next.
  const fresh = normalise(await wholeFileOnOpen(client, freshUri, local.getText()));
  const incremental = normalise(latest?.diagnostics ?? []);
  if (incremental !== fresh) problems.push(`incremental ≠ fresh:\n  incremental ${incremental}\n  fresh       ${fresh}`);
  await client.close(uri);
  await client.close(freshUri);
  return { sequence, text: local.getText(), incremental, fresh, problems };
}

/** Index just past the `closes`-th close publish (-1 while it has not arrived). */
function afterCloses(all: readonly PublishDiagnosticsParams[], closes: number): number {
  if (closes === 0) return 0;
  let seen = 0;
  for (let i = 0; i < all.length; i++) if (all[i]?.version === undefined && ++seen === closes) return i + 1;
  return -1;
}

/** Waits for a publish of `version` by the document opened after the `closes`-th close. */
async function waitForVersion(client: LspClient, uri: string, version: number, closes: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const arrived = (): boolean => {
    const all = client.published(uri);
    const since = afterCloses(all, closes);
    return since >= 0 && all.slice(since).some((p) => p.version === version);
  };
  while (!arrived()) {
    if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms; stderr: ${client.stderr}`);
    await new Promise((r) => setImmediate(r));
  }
}

/**
 * The diagnostics of the whole file after an open: the server's second publish when the text is
 * big enough for its first documents to go out early (first-documents.ts), else its first.
 */
async function wholeFileOnOpen(client: LspClient, uri: string, text: string, timeoutMs = 30_000): Promise<Diagnostic[]> {
  const publishes = text.length >= PROGRESSIVE_LENGTH && firstDocumentsEnd(text, PREFIX_LENGTH) !== undefined ? 2 : 1;
  const deadline = Date.now() + timeoutMs;
  while (client.published(uri).length < publishes) {
    if (Date.now() > deadline) throw new Error(`not ${publishes} publishes for ${uri} within ${timeoutMs} ms; stderr: ${client.stderr}`);
    await new Promise((r) => setImmediate(r));
  }
  return (client.published(uri)[publishes - 1] as PublishDiagnosticsParams).diagnostics;
}

const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };

/** Runs the CLI once over every result's final text; returns the problems where it disagrees with the fresh open. */
export function cliProblems(results: readonly Result[]): Map<Result, string> {
  const dir = mkdtempSync(join(tmpdir(), 'podsight-differential-'));
  try {
    // One folder per file: Services look at pods of their own folder only.
    results.forEach((r, i) => {
      mkdirSync(join(dir, String(i)));
      writeFileSync(join(dir, String(i), 'doc.yaml'), r.text);
    });
    const run = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), 'check', dir, '--format', 'json', '--no-config'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.status !== 0 && run.status !== 1) throw new Error(`podsight check exited ${run.status}: ${run.stderr}`);
    const findings = JSON.parse(run.stdout) as { file: string; rule: string; severity: string; message: string; range: unknown }[];
    const byFile = new Map<string, string[]>();
    for (const f of findings) {
      const list = byFile.get(f.file) ?? [];
      list.push(JSON.stringify([f.range, SEVERITY[f.severity], f.rule, f.message]));
      byFile.set(f.file, list);
    }
    const out = new Map<Result, string>();
    results.forEach((r, i) => {
      const cli = JSON.stringify(byFile.get(join(dir, String(i), 'doc.yaml')) ?? []);
      // The CLI reads the text from a UTF-8 file, which cannot hold a lone surrogate (an edit can
      // leave one: it may cut an emoji in half): it reads U+FFFD there, one UTF-16 unit as well.
      const fresh = JSON.stringify((JSON.parse(r.fresh) as unknown[][]).map((d) => JSON.stringify([...d.slice(0, 3), asUtf8Reads(String(d[3]))])));
      if (cli !== fresh) out.set(r, `CLI ≠ fresh open:\n  cli   ${cli}\n  fresh ${fresh}`);
    });
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A text as it reads back from a UTF-8 file: each lone surrogate becomes U+FFFD. */
const asUtf8Reads = (text: string): string => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** Saves a failing sequence where a regression fixture can be taken from; returns the path. */
export function saveFailure(sequence: Sequence): string {
  const dir = mkdtempSync(join(tmpdir(), 'podsight-differential-failure-'));
  const file = join(dir, `${sequence.name.replace(/[^\w.-]+/g, '_')}.json`);
  writeFileSync(file, JSON.stringify(sequence, null, 1));
  return file;
}

/** Greedily drops steps (and shortens the text) while the sequence still fails: a smaller fixture. */
export async function minimise(client: LspClient, sequence: Sequence, budget = 80): Promise<Sequence> {
  let best = sequence;
  for (let i = best.steps.length - 1; i >= 0 && budget > 0; i--, budget--) {
    const candidate = { ...best, steps: best.steps.filter((_, k) => k !== i) };
    if ((await runSequence(client, candidate)).problems.length > 0) best = candidate;
  }
  return best;
}
