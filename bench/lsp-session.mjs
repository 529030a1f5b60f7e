// One benchmark session against one language server over stdio: open, edit, hover and code action,
// timed on the client side (what a user feels), plus the server's peak memory (VmHWM).
// The same client drives every server, so the numbers compare.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const now = () => performance.now();
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

export function stats(xs) {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return { n: s.length, median: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2, min: s[0], max: s[s.length - 1] };
}

function peakKiB(pid) {
  try {
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  } catch {
    return undefined;
  }
}

/** JSON-RPC with Content-Length framing; no dependencies, so it adds nothing to what it measures. */
class Rpc {
  constructor(child, onRequest, onNotification) {
    Object.assign(this, { child, onRequest, onNotification, id: 0, pending: new Map(), buf: Buffer.alloc(0), busyMs: 0 });
    // Time this client spends reading (a big publishDiagnostics takes it milliseconds to parse),
    // so that the stall measure can leave the client's own time out.
    child.stdout.on('data', (d) => {
      const t0 = now();
      // When the first byte of the message being read arrived: a publish of thousands of
      // diagnostics takes this client milliseconds to receive and parse after the server sent it.
      if (!this.parts?.length) this.messageStart = t0;
      this.read(d);
      this.busyMs += now() - t0;
    });
    child.stdin.on('error', () => undefined);
  }
  read(data) {
    // Chunks are kept apart until a whole message is in, as VS Code's reader does: joining on
    // every chunk would copy a big publish many times over and time this client, not the server.
    (this.parts ??= []).push(data);
    this.have = (this.have ?? 0) + data.length;
    if (this.need !== undefined && this.have < this.need) return;
    this.buf = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
    this.parts = [];
    this.have = 0;
    this.need = undefined;
    for (;;) {
      const sep = this.buf.indexOf('\r\n\r\n');
      if (sep < 0) return this.keep();
      const len = Number(/content-length:\s*(\d+)/i.exec(this.buf.subarray(0, sep).toString('ascii'))?.[1]);
      if (this.buf.length < sep + 4 + len) {
        this.need = sep + 4 + len;
        return this.keep();
      }
      const msg = JSON.parse(this.buf.subarray(sep + 4, sep + 4 + len).toString('utf8'));
      this.buf = this.buf.subarray(sep + 4 + len);
      if (msg.method && msg.id !== undefined) {
        Promise.resolve()
          .then(() => this.onRequest(msg.method, msg.params))
          .then(
            (result) => this.send({ jsonrpc: '2.0', id: msg.id, result: result ?? null }),
            (e) => this.send({ jsonrpc: '2.0', id: msg.id, error: { code: -32603, message: String(e?.message ?? e) } }),
          );
      } else if (msg.method) this.onNotification(msg.method, msg.params, this.messageStart);
      else if (this.pending.has(msg.id)) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p.reject(new Error(msg.error.message));
        else p.resolve(msg.result);
      }
    }
  }
  /** Keeps the unread rest of the buffer for the next chunk. */
  keep() {
    if (this.buf.length) {
      this.parts = [this.buf];
      this.have = this.buf.length;
    }
  }
  send(obj) {
    const body = Buffer.from(JSON.stringify(obj), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }
  request(method, params) {
    const id = ++this.id;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }
  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }
}

function getPath(obj, section) {
  let cur = obj;
  for (const part of (section ?? '').split('.').filter(Boolean)) cur = cur?.[part];
  return cur ?? null;
}

/** Positions inside mapping keys, spread evenly over the file. */
export function keyPositions(lines, n) {
  const cands = [];
  lines.forEach((l, line) => {
    const m = /^(\s*(?:-\s+)?)([A-Za-z][\w.-]*):/.exec(l);
    if (m) cands.push({ line, character: m[1].length + 1 });
  });
  return Array.from({ length: n }, (_, k) => cands[Math.floor(((k + 0.5) * cands.length) / n)]);
}

/** The edit site: the end of the `image:` line nearest the middle (appending keeps the YAML valid). */
export function editSite(lines) {
  const mid = lines.length >> 1;
  for (let d = 0; d < lines.length; d++) {
    for (const i of [mid + d, mid - d]) if (/^\s*(?:-\s+)?image:\s*\S/.test(lines[i] ?? '')) return { line: i, character: lines[i].length };
  }
  return { line: mid, character: 0 };
}

/** A URI for a copy of `file` in a sub-folder `folder` that does not exist on disk. */
const aside = (file, folder, name = basename(file)) => pathToFileURL(join(dirname(file), folder, name)).href;

const PROBE = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: probe\nspec:\n  containers:\n  - name: a\n    image: nginx\n';

/**
 * Responsiveness: while a fresh copy of the file opens, and while it is edited three times, a
 * hover in a small document is asked again and again. The longest wait for one of those answers,
 * less the time this client spent reading meanwhile, is the longest the server was too busy to
 * answer anything (ms).
 */
async function measureStalls(rpc, step, diagnosticsFor, file, text, site) {
  const probeUri = aside(file, 'stall', 'probe.yaml');
  const probed = diagnosticsFor(probeUri, 1);
  rpc.notify('textDocument/didOpen', { textDocument: { uri: probeUri, languageId: 'yaml', version: 1, text: PROBE } });
  await step(probed, 'diagnostics of the probe');
  const probing = async (until) => {
    let done = false;
    until.then(() => (done = true));
    let longest = 0;
    while (!done) {
      const t0 = now();
      const busy0 = rpc.busyMs;
      await step(rpc.request('textDocument/hover', { textDocument: { uri: probeUri }, position: { line: 6, character: 5 } }), 'probe hover');
      longest = Math.max(longest, now() - t0 - (rpc.busyMs - busy0));
      if (process.env.STALL_TRACE) console.error(`probe ${(now() - t0).toFixed(1)}`);
    }
    return longest;
  };
  const uri = aside(file, 'stall');
  const opened = diagnosticsFor(uri, 1);
  rpc.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  let longest = await probing(opened);
  for (let version = 2; version <= 4; version++) {
    const pos = { line: site.line, character: site.character };
    const changed = diagnosticsFor(uri, version);
    rpc.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: pos, end: pos }, rangeLength: 0, text: 'y' }] });
    longest = Math.max(longest, await probing(changed));
  }
  return longest;
}

/**
 * Runs one session. `server`: {name, command: [exe, ...args], settings, notifications, serve:
 * [[marker, dir]]}: schema URIs holding `marker` are answered from the file after it in `dir`. Returns timings, the diagnostics after open and after the edits, and peak memory.
 */
export async function runSession(server, file, { opens = 3, runs = 10, hovers = 20, settleMs = 250, stepTimeoutMs = 300_000 } = {}) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const child = spawn(server.command[0], server.command.slice(1), { stdio: ['pipe', 'pipe', 'ignore'] });
  let exited = false;
  child.on('exit', () => (exited = true));
  const waiters = [];
  /** Every publish, with its arrival time: a big file's first documents may be published before the whole. */
  const publishes = [];
  const onNotification = (method, params, firstByte) => {
    if (method !== 'textDocument/publishDiagnostics') return;
    const t = now();
    publishes.push({ t, uri: params.uri, version: params.version, params });
    for (const w of [...waiters]) {
      if (w.uri === params.uri && (params.version == null || params.version >= w.version)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve({ t, params, firstByte });
      }
    }
  };
  const onRequest = (method, params) => {
    if (method === 'workspace/configuration') return params.items.map((it) => getPath(server.settings, it.section));
    if (method === 'custom/schema/content' || method === 'vscode/content') {
      const uri = Array.isArray(params) ? params[0] : params;
      for (const [marker, dir] of server.serve ?? []) {
        const at = uri.indexOf(marker);
        if (at >= 0) return readFileSync(join(dir, uri.slice(at + marker.length).split('#')[0]), 'utf8');
      }
      throw new Error(`no schema for ${uri}`);
    }
    return null;
  };
  const rpc = new Rpc(child, onRequest, onNotification);
  const step = (promise, what) =>
    Promise.race([
      promise,
      new Promise((_, reject) => {
        const t = setTimeout(() => reject(new Error(`${server.name}: timeout waiting for ${what}`)), stepTimeoutMs);
        t.unref();
      }),
    ]);
  const diagnosticsFor = (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve }));
  const result = { server: server.name, open: [], openAll: [], edit: [], editFirstByte: [], hover: [], codeAction: [], hoverNonEmpty: 0 };
  try {
    const rootUri = pathToFileURL(join(file, '..')).href;
    await step(
      rpc.request('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'bench' }],
        initializationOptions: server.initializationOptions,
        capabilities: {
          workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
          textDocument: {
            publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            // As VS Code announces: edits of an action may be resolved when it is picked.
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true, resolveSupport: { properties: ['edit'] } },
          },
        },
      }),
      'initialize',
    );
    rpc.notify('initialized', {});
    for (const n of server.notifications ?? []) rpc.notify(n.method, n.params ?? null);
    rpc.notify('workspace/didChangeConfiguration', { settings: server.settings });
    await pause(settleMs);

    const base = pathToFileURL(file).href;
    let uri = base;
    for (let k = 0; k < opens; k++) {
      // Later opens use a fresh URI (nothing cached) in a folder of its own: beside the file on
      // disk, the copy would see the original as another manifest of its folder (Podsight reads
      // those for Services), which no real open of the file would.
      uri = k === 0 ? base : aside(file, `open-${k}`);
      const wait = diagnosticsFor(uri, 1);
      const t0 = now();
      rpc.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      const { t } = await step(wait, `diagnostics after open #${k + 1}`);
      result.open.push(t - t0);
      // The whole file's diagnostics: the last publish of version 1 once a request about the file
      // (answered after its analysis) came back and the server had time to publish.
      await step(rpc.request('textDocument/documentSymbol', { textDocument: { uri } }).catch(() => undefined), `outline after open #${k + 1}`);
      await pause(settleMs);
      const last = publishes.filter((p) => p.uri === uri && (p.version == null || p.version === 1)).pop();
      result.openAll.push(last.t - t0);
      result.afterOpen = last.params.diagnostics;
      if (k < opens - 1) {
        rpc.notify('textDocument/didClose', { textDocument: { uri } });
        await pause(settleMs);
      }
    }

    const site = editSite(lines);
    for (let k = 0; k < runs; k++) {
      const version = k + 2;
      const pos = { line: site.line, character: site.character + k };
      const wait = diagnosticsFor(uri, version);
      const t0 = now();
      rpc.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: pos, end: pos }, rangeLength: 0, text: 'x' }] });
      const { t, params, firstByte } = await step(wait, `diagnostics after edit #${k + 1}`);
      result.edit.push(t - t0);
      if (firstByte !== undefined) result.editFirstByte.push(firstByte - t0);
      result.afterEdit = params.diagnostics;
      await pause(settleMs);
    }
    lines[site.line] += 'x'.repeat(runs);

    // A server without hover (or code actions) answers with an error: recorded, not fatal.
    const timed = async (list, method, params) => {
      const t0 = now();
      try {
        const res = await step(rpc.request(method, params), method);
        list.push(now() - t0);
        return res;
      } catch (e) {
        result.unsupported = [...new Set([...(result.unsupported ?? []), method])];
        if (/timeout/.test(String(e))) throw e;
        return undefined;
      }
    };
    for (const position of keyPositions(lines, hovers)) {
      const res = await timed(result.hover, 'textDocument/hover', { textDocument: { uri }, position });
      if (res?.contents && JSON.stringify(res.contents).length > 2) result.hoverNonEmpty++;
    }
    // Code actions where the diagnostics are (or at spread positions when there are none).
    const targets = result.afterEdit.slice(0, hovers).map((d) => ({ range: d.range, diagnostics: [d] }));
    for (const { range, diagnostics } of targets) {
      await timed(result.codeAction, 'textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only: ['quickfix'] } });
    }
    result.stall = await measureStalls(rpc, step, diagnosticsFor, file, text, site);
    result.peakMiB = (peakKiB(child.pid) ?? NaN) / 1024;
    result.ok = true;
  } catch (e) {
    result.error = String(e?.message ?? e);
    result.peakMiB = (peakKiB(child.pid) ?? NaN) / 1024;
  } finally {
    if (!exited) {
      await Promise.race([rpc.request('shutdown', null).then(() => rpc.notify('exit', null)), pause(3000)]).catch(() => undefined);
      await Promise.race([new Promise((r) => child.once('exit', r)), pause(2000)]);
      if (!exited) child.kill('SIGKILL');
    }
  }
  return result;
}
