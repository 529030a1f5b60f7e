// The language server's per-edit diagnostics payload at 5,000 documents: converting findings to
// LSP diagnostics and serialising the publish, after an open and after a one-character edit, in
// one process (analysis itself is not timed here: `npm run bench` measures the whole edit).
// Times are CPU milliseconds, medians over the edits.
//   node --expose-gc bench/diagnostics-payload.mjs [--docs 5000] [--edits 20] [--no-cache]
// Needs the tsc output (`npm run build`).
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { generate } from './gen-manifest.mjs';
import { editSite, stats } from './lsp-session.mjs';

const require = createRequire(import.meta.url);
const { Analyzer } = require('../out/server/src/core/analyze.js');
const { toDiagnostic } = require('../out/server/src/lsp/diagnostics.js');
const { DiagnosticsCache } = require('../out/server/src/lsp/diagnostics-cache.js');
const { TextDocument } = require('vscode-languageserver-textdocument');

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : dflt);
const docs = opt('docs', 5000);
const edits = opt('edits', 20);
const uri = 'file:///bench/payload.yaml';
const { text } = generate({ docs, seed: 7 });
const document = TextDocument.create(uri, 'yaml', 1, text);
const analyzer = new Analyzer();
const message = (version, diagnosticsJson) => `{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(uri)},"version":${version},"diagnostics":${diagnosticsJson}}}`;
// --no-cache: what the server did before (every finding converted, the whole message stringified);
// else the per-document cache, and the JSON the stdio writer splices in (see raw-publish.ts).
const before = args.includes('--no-cache');
const cache = new DiagnosticsCache(uri);
const convertAll = before ? (analysis, version) => analysis.findings.map((f) => toDiagnostic(f, analysis, uri, version)) : (analysis, version) => cache.prepare(analysis, version);
const serialiseAll = before
  ? (version, diagnostics) => Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } }))
  : (version, prepared) => Buffer.from(message(version, prepared.json()));
// Garbage of the analysis is collected first (with --expose-gc): the payload is measured alone.
// CPU time of this process (user + system), not wall time: the machine is shared, and a busy
// neighbour stretches wall time several-fold.
const time = (f) => {
  globalThis.gc?.();
  const t0 = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(t0);
  return [(used.user + used.system) / 1000, value];
};

/** Converts and serialises one publish, as the server's writer would. */
function publish(analysis, version) {
  const [convert, diagnostics] = time(() => convertAll(analysis, version));
  const [serialise, bytes] = time(() => serialiseAll(version, diagnostics));
  return { convert, serialise, bytes: bytes.length, count: diagnostics.length ?? diagnostics.count };
}

const first = publish(analyzer.analyze(text), 1);
const site = editSite(text.split('\n'));
const rows = [];
for (let k = 0; k < edits; k++) {
  const version = k + 2;
  const pos = { line: site.line, character: site.character + k };
  TextDocument.update(document, [{ range: { start: pos, end: pos }, text: 'x' }], version);
  rows.push(publish(analyzer.analyze(document.getText()), version));
}
const med = (k) => stats(rows.map((r) => r[k])).median.toFixed(2);
console.log(
  JSON.stringify({
    docs,
    mode: before ? 'before (no cache)' : 'cache + prepared JSON',
    diagnostics: first.count,
    bytes: first.bytes,
    open: { convertMs: +first.convert.toFixed(2), serialiseMs: +first.serialise.toFixed(2) },
    edit: { convertMs: +med('convert'), serialiseMs: +med('serialise'), n: rows.length },
    load: loadavg().map((x) => +x.toFixed(2)),
  }),
);
