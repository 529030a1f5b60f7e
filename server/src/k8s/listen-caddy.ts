/**
 * Caddy's ports from a Caddyfile mounted from a ConfigMap: each site address (`:8080`,
 * `http://example.com`, `example.com` → the HTTPS port), the `http_port` / `https_port` global
 * options, `bind`, and the admin endpoint (localhost:2019 unless `admin` or CADDY_ADMIN moves
 * it). Only what is certain is claimed: the HTTP→HTTPS redirect listener and HTTP/3 over UDP are
 * left out; anything else Podsight cannot follow (imports, placeholders, `auto_https`) is unsure.
 */
import { fileAt, isFile } from './listen-config';
import { directiveIn, reason, type UnsureReason } from './listen-reasons';
import { flagValue, listensOf, type FileConfigResult, type RawListen, type ReadContext } from './listen-files';
import { parseAddress } from './listen-values';

const CADDYFILE = '/etc/caddy/Caddyfile';
const ADMIN_DEFAULT = 'localhost:2019';

/** The Caddyfile's lines as tokens (quotes kept together, comments dropped). */
function tokenLines(text: string): string[][] {
  const lines: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const tokens: string[] = [];
    for (const t of line.match(/"(?:[^"\\]|\\.)*"|`[^`]*`|\S+/g) ?? []) {
      if (t.startsWith('#')) break;
      tokens.push(t.replace(/^["`]|["`]$/g, ''));
    }
    if (tokens.length > 0) lines.push(tokens);
  }
  return lines;
}

interface Block {
  /** The tokens before `{` (or of the first line, for a Caddyfile without braces). */
  readonly head: string[];
  /** The lines directly inside (nested blocks left out). */
  readonly body: string[][];
}

/** Top-level blocks; a file whose first block has no braces is one site (else what breaks the structure). */
function blocks(lines: string[][], file: string): Block[] | UnsureReason {
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string[];
    if (line.some((t) => t.startsWith('<<'))) return reason('caddy-heredoc', { file });
    if (line[line.length - 1] !== '{') {
      // Only a file's single site may go without braces (after the global options, if any).
      if (out.some((b) => b.head.length > 0) || line.includes('}') || lines.slice(i + 1).some((l) => l.includes('{') || l.includes('}'))) return reason('caddy-outside', { line: line.join(' '), file });
      return [...out, { head: line, body: lines.slice(i + 1) }];
    }
    const body: string[][] = [];
    let depth = 1;
    for (i++; i < lines.length && depth > 0; i++) {
      const l = lines[i] as string[];
      const before = depth;
      for (const t of l) depth += t === '{' ? 1 : t === '}' ? -1 : 0;
      if (before === 1 && l[0] !== '}') body.push(l);
    }
    if (depth !== 0) return reason('caddy-braces', { file });
    out.push({ head: line.slice(0, -1), body });
  }
  return out;
}

export function readCaddyfile(ctx: ReadContext): FileConfigResult {
  const { pod, container, args, env, configMaps } = ctx;
  let path = CADDYFILE;
  if (args.length > 0) {
    // args replace the image's CMD (`caddy run --config /etc/caddy/Caddyfile --adapter caddyfile`).
    const rest = args[0]?.text === 'caddy' ? args.slice(1) : args;
    const config = flagValue(rest, ['--config']);
    const adapter = flagValue(rest, ['--adapter']);
    if (rest[0]?.text !== 'run' || !config || rest.some((a) => a.text === '--resume')) return { kind: 'unsure', why: reason('caddy-command', { command: `caddy ${rest.map((a) => a.text).join(' ')}` }) };
    if (adapter ? adapter.value !== 'caddyfile' : !/Caddyfile/.test(config.value)) return { kind: 'unsure', why: reason('caddy-adapter', { path: config.value }) };
    path = config.value;
  }
  const file = fileAt(pod, container, path, configMaps);
  if (file === undefined) return path === CADDYFILE ? { kind: 'default', consumed: args } : { kind: 'unsure', why: reason('file-unreadable', { flag: '--config', path }) };
  if (!isFile(file)) return { kind: 'unsure', why: file };
  // Placeholders (`{$PORT}`, `{env.PORT}`, `${PORT}` filled in before apply) in what is read make it unsure.
  const found = blocks(tokenLines(file.text), file.key);
  if (!Array.isArray(found)) return { kind: 'unsure', why: found };
  const unsure = (directive: string): FileConfigResult => ({ kind: 'unsure', why: directiveIn(directive, file.key) });
  let httpPort = 80;
  let httpsPort = 443;
  let admin: string | undefined = env.vars.has('CADDY_ADMIN') ? env.vars.get('CADDY_ADMIN')?.value : env.opaque ? undefined : ADMIN_DEFAULT;
  let defaultBind: string[] = [''];
  const binds = (values: string[]): string[] | undefined => {
    const out = values.map((v) => (/[/{$]/.test(v) ? undefined : parseAddress(v)));
    return out.every((a) => a && a.port === undefined) ? out.map((a) => a!.address) : undefined;
  };
  const sites = found.filter((b) => !(b.head.length === 0 || /^&?\(.*\)$/.test(b.head[0] ?? '')));
  const global = found[0]?.head.length === 0 ? found[0] : undefined;
  for (const [name = '', ...values] of global?.body ?? []) {
    if (name === 'http_port' || name === 'https_port') {
      if (!/^\d+$/.test(values[0] ?? '')) return unsure(`${name} ${values.join(' ')}`);
      if (name === 'http_port') httpPort = Number(values[0]);
      else httpsPort = Number(values[0]);
    } else if (name === 'admin') {
      const v = values[0];
      if (v !== undefined && /[${]/.test(v) && v !== '{') return unsure(`admin ${values.join(' ')}`);
      admin = v === undefined || v === '{' ? ADMIN_DEFAULT : v === 'off' || v.startsWith('unix/') ? undefined : v;
    } else if (name === 'auto_https') return unsure(`auto_https ${values.join(' ')}`);
    else if (name === 'default_bind') {
      const b = binds(values);
      if (!b) return unsure(`default_bind ${values.join(' ')}`);
      defaultBind = b;
    }
  }
  const raw: RawListen[] = [];
  for (const site of sites) {
    if (site.head[0] === 'import') return unsure(`import ${site.head.slice(1).join(' ')}`);
    const bindLine = site.body.find((l) => l[0] === 'bind');
    const addresses = bindLine ? binds(bindLine.slice(1)) : defaultBind;
    if (!addresses) return unsure(`bind ${bindLine?.slice(1).join(' ') ?? ''}`);
    for (const written of site.head.flatMap((t) => t.split(',')).filter(Boolean)) {
      const m = /^(?:([a-z0-9+.-]+):\/\/)?(\[[^\]]*\]|[^:/]*)(?::(\d+))?(\/.*)?$/i.exec(written);
      const scheme = m?.[1]?.toLowerCase();
      if (!m || written.includes('{') || (scheme !== undefined && scheme !== 'http' && scheme !== 'https')) return unsure(`site address ${written}`);
      const host = m[2] ?? '';
      const port = m[3] !== undefined ? Number(m[3]) : scheme === 'http' ? httpPort : scheme === 'https' || host !== '' ? httpsPort : undefined;
      if (port === undefined) return unsure(`site address ${written}`);
      // The host name selects requests; the socket is every address unless `bind` says otherwise.
      for (const address of addresses) raw.push({ port, protocol: 'TCP', address, directive: `site address ${written}` });
    }
  }
  if (admin !== undefined) {
    const a = parseAddress(admin.replace(/^tcp\//, ''));
    if (a?.port !== undefined) raw.push({ port: a.port, protocol: 'TCP', address: a.address, directive: `admin ${admin}` });
  }
  return { kind: 'listens', listens: listensOf(raw, file), files: [file.key], imageDefault: false, consumed: args };
}
