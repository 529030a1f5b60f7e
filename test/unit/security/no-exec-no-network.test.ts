// Nothing leaves the machine and nothing from the workspace runs: our sources and the shipped
// bundles contain no eval, no `new Function`, no network requests, and no child processes except
// where a bundled library needs them (the client spawning the server; a library helper we never call)
// and the one module that runs the user's own kustomize (trusted workspaces only, never a download).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../helpers/paths';

function files(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(name) ? [p] : [];
  });
}

const EVAL = /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]/;
const NETWORK = /\b(?:fetch|XMLHttpRequest|WebSocket|EventSource)\s*\(|require\(\s*["'](?:node:)?(?:https?|http2|net|tls|dgram)["']\)|from\s+["'](?:node:)?(?:https?|http2|net|tls|dgram)["']/;
const SPAWN = /require\(\s*["'](?:node:)?child_process["']\)|from\s+["'](?:node:)?child_process["']|\b(?:spawn|spawnSync|exec|execSync|execFile|fork)\s*\(/;

/** The only source that starts a process: the user's kustomize renders an overlay. */
const RENDERER = join('server', 'src', 'kustomize', 'render.ts');

test('sources: no eval, no new Function, no network, no child processes in the server or the client (but the kustomize renderer)', () => {
  const sources = [...files(join(repoRoot, 'server', 'src'), /\.ts$/), ...files(join(repoRoot, 'client'), /\.ts$/)];
  assert.ok(sources.length > 20);
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    const name = relative(repoRoot, file);
    assert.doesNotMatch(text, EVAL, name);
    assert.doesNotMatch(text, NETWORK, name);
    // Regex `.exec(` is fine; a process spawn is not.
    if (name !== RENDERER) assert.doesNotMatch(text.replace(/\.exec\(/g, '.match('), SPAWN, name);
  }
});

/** Splits an esbuild (non-minified) bundle into its modules by the `// path` comments it writes. */
function sections(bundle: string): Map<string, string> {
  const out = new Map<string, string>();
  let current = '(prelude)';
  let buf: string[] = [];
  for (const line of bundle.split('\n')) {
    const m = /^\/\/ ((?:node_modules|server|client|shared)\/\S+)$/.exec(line);
    if (m?.[1]) {
      out.set(current, (out.get(current) ?? '') + buf.join('\n'));
      current = m[1];
      buf = [];
    } else buf.push(line);
  }
  out.set(current, (out.get(current) ?? '') + buf.join('\n'));
  return out;
}

/** Where a bundle may mention a module, and why. */
const ALLOWED: Record<string, Record<string, RegExp>> = {
  'dist/podsight.js': {
    // Library helper to resolve global npm modules (`Files.resolveGlobalNodePath`), never called.
    // ...and the kustomize renderer (the user's kubectl or kustomize, in trusted workspaces).
    child_process: /^(?:node_modules\/vscode-languageserver\/lib\/node\/files\.js|server\/src\/kustomize\/render\.ts)$/,
    // The JSON-RPC transport's local pipes and sockets (when an editor asks for --pipe/--socket).
    net: /^node_modules\/vscode-jsonrpc\/lib\/node\/main\.js$/,
  },
  'dist/client.js': {
    // The client starts the language server; nothing else.
    child_process: /^node_modules\/vscode-languageclient\/lib\/node\/(?:main|processes)\.js$/,
    net: /^node_modules\/vscode-jsonrpc\/lib\/node\/main\.js$/,
  },
};

test('bundles: no eval, no network clients; child_process and net only where a library needs them', () => {
  for (const [bundle, allowed] of Object.entries(ALLOWED)) {
    const path = join(repoRoot, bundle);
    assert.ok(existsSync(path), `${bundle} is built`);
    for (const [module, text] of sections(readFileSync(path, 'utf8'))) {
      assert.doesNotMatch(text, EVAL, `${bundle}: ${module}`);
      assert.doesNotMatch(text, /require\(["'](?:node:)?(?:https?|http2|tls|dgram)["']\)|\bfetch\(|XMLHttpRequest/, `${bundle}: ${module}`);
      for (const name of ['child_process', 'net']) {
        if (new RegExp(`require\\(["'](?:node:)?${name}["']\\)`).test(text)) {
          assert.match(module, allowed[name] ?? /^$/, `${bundle}: ${module} requires ${name}`);
        }
      }
    }
  }
});

test('package.json: untrusted workspaces are supported honestly (every setting naming a program is restricted)', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    capabilities: { untrustedWorkspaces: { supported: boolean | string; restrictedConfigurations?: string[] } };
    contributes: { configuration: { properties: Record<string, { type?: string; scope?: string }> } };
  };
  const { supported, restrictedConfigurations = [] } = pkg.capabilities.untrustedWorkspaces;
  assert.ok(supported === true || supported === 'limited');
  for (const key of Object.keys(pkg.contributes.configuration.properties)) {
    if (!/path|command|executable|program|binary|script/i.test(key)) continue;
    assert.equal(supported, 'limited', `${key}: a program setting means limited support`);
    assert.ok(restrictedConfigurations.includes(key), `${key} must be in restrictedConfigurations`);
    // A workspace's .vscode/settings.json cannot choose the program: machine settings only.
    assert.equal(pkg.contributes.configuration.properties[key]?.scope, 'machine', `${key} must have machine scope`);
  }
});
