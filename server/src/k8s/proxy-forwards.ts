/**
 * Whether a sibling that listens on a probe's port forwards that probe to the probed container:
 * a reverse proxy in front of the app (nginx `proxy_pass http://127.0.0.1:8080`, oauth2-proxy
 * `--upstream=http://127.0.0.1:8080` with the probe's path exempt from login). An HTTP probe
 * through it reaches the app: when the app refuses or hangs the proxy answers 502/504, and the
 * kubelet counts that as a failure. Only what Podsight can read is believed: the nginx
 * configuration it read the listener from, oauth2-proxy's flags.
 */
import { isScalar, type Document } from 'yaml';
import { asMap, getMap, getSeqItems, getString } from '../core/yaml-access';
import { readableText } from './config-text';
import type { Listener } from './listeners';
import { isLoopback, parseAddress } from './listen-values';
import type { ContainerModel } from './pod-model';

interface Block {
  readonly name: string;
  readonly args: readonly string[];
  readonly directives: string[][];
  readonly children: Block[];
}

/** nginx configuration as a tree of blocks (comments dropped, quotes taken off). */
function parseNginx(text: string): Block {
  const tokens = text.replace(/#[^\n]*/g, '').match(/[{};]|"[^"]*"|'[^']*'|[^\s{};]+/g) ?? [];
  const root: Block = { name: '', args: [], directives: [], children: [] };
  const stack: Block[] = [root];
  let statement: string[] = [];
  for (const token of tokens) {
    const top = stack[stack.length - 1]!;
    if (token === '{') {
      const block: Block = { name: statement[0] ?? '', args: statement.slice(1), directives: [], children: [] };
      top.children.push(block);
      stack.push(block);
      statement = [];
    } else if (token === '}') {
      if (stack.length > 1) stack.pop();
      statement = [];
    } else if (token === ';') {
      if (statement.length > 0) top.directives.push(statement);
      statement = [];
    } else statement.push(token.replace(/^["']|["']$/g, ''));
  }
  return root;
}

function blocksNamed(block: Block, name: string): Block[] {
  return block.children.flatMap((c) => (c.name === name ? [c] : blocksNamed(c, name)));
}

/** The location nginx picks for a request path: exact, then `^~` or regex, then the longest prefix. */
function locationFor(server: Block, path: string): Block | undefined {
  const locations = server.children.filter((c) => c.name === 'location');
  const modifier = (l: Block): string => (l.args.length > 1 ? l.args[0]! : '');
  const uri = (l: Block): string => l.args[l.args.length - 1] ?? '';
  const exact = locations.find((l) => modifier(l) === '=' && uri(l) === path);
  if (exact) return exact;
  const prefixes = locations.filter((l) => (modifier(l) === '' || modifier(l) === '^~') && path.startsWith(uri(l)));
  const longest = prefixes.sort((a, b) => uri(b).length - uri(a).length)[0];
  if (longest && modifier(longest) === '^~') return longest;
  for (const l of locations) {
    if (modifier(l) !== '~' && modifier(l) !== '~*') continue;
    try {
      if (new RegExp(uri(l), modifier(l) === '~*' ? 'i' : '').test(path)) return l;
    } catch {
      return undefined; // a PCRE form JavaScript does not read: unsure which location answers
    }
  }
  return longest;
}

/** The loopback ports a `proxy_pass` target reaches (through an `upstream` block too). */
function loopbackTargets(target: string, root: Block): number[] {
  const url = /^https?:\/\/([^/]+)/i.exec(target)?.[1];
  if (!url || url.includes('$')) return [];
  const at = (hostPort: string, defaultPort: number): number[] => {
    const parsed = parseAddress(hostPort);
    return parsed && isLoopback(parsed.address) ? [parsed.port ?? defaultPort] : [];
  };
  const upstream = blocksNamed(root, 'upstream').find((u) => u.args[0] === url);
  if (upstream) return upstream.directives.filter((d) => d[0] === 'server' && d[1]).flatMap((d) => at(d[1]!, 80));
  return at(url, /^https/i.test(target) ? 443 : 80);
}

/** Whether every nginx server on `port` sends `path` to one of `ownPorts` on the pod's loopback. */
function nginxForwards(text: string, port: number, path: string, ownPorts: ReadonlySet<number>): boolean {
  const root = parseNginx(text);
  const servers = blocksNamed(root, 'server').filter((s) => s.directives.some((d) => d[0] === 'listen' && d[1] !== undefined && parseAddress(d[1])?.port === port));
  return servers.length > 0 && servers.every((server) => {
    const location = locationFor(server, path);
    if (!location || location.directives.some((d) => d[0] === 'return')) return false;
    const pass = location.directives.find((d) => d[0] === 'proxy_pass')?.[1];
    return pass !== undefined && loopbackTargets(pass, root).some((p) => ownPorts.has(p));
  });
}

/** The values of a flag in args/command (`--flag=v`, `--flag v`) and of environment variables. */
function settingValues(c: ContainerModel, doc: Document, flags: readonly string[], envNames: readonly string[]): string[] {
  const out: string[] = [];
  for (const key of ['command', 'args'] as const) {
    const items = getSeqItems(c.node, key, doc).map(({ node }) => (isScalar(node) && typeof node.value === 'string' ? node.value : ''));
    items.forEach((item, i) => {
      for (const f of flags) {
        if (item.startsWith(`${f}=`)) out.push(item.slice(f.length + 1));
        else if (item === f && items[i + 1] !== undefined) out.push(items[i + 1]!);
      }
    });
  }
  for (const { node } of getSeqItems(c.node, 'env', doc)) {
    const entry = asMap(node, doc);
    const name = getString(entry, 'name', doc);
    const value = getString(entry, 'value', doc);
    if (name && envNames.includes(name) && value !== undefined) out.push(...value.split(','));
  }
  return out;
}

/**
 * oauth2-proxy: `--upstream` on loopback at one of `ownPorts`, and the path exempt from login
 * (`--skip-auth-route`, `--skip-auth-regex`); other paths get its sign-in page, and `/ping`,
 * `/ready` and `/oauth2/…` are its own.
 */
function oauth2ProxyForwards(c: ContainerModel, doc: Document, path: string, ownPorts: ReadonlySet<number>): boolean {
  if (!/oauth2-proxy/.test(c.image ?? '') || /^\/(ping|ready|oauth2\/)/.test(path)) return false;
  const upstreams = settingValues(c, doc, ['--upstream'], ['OAUTH2_PROXY_UPSTREAMS']);
  if (!upstreams.some((u) => loopbackTargets(u, { name: '', args: [], directives: [], children: [] }).some((p) => ownPorts.has(p)))) return false;
  const routes = settingValues(c, doc, ['--skip-auth-route', '--skip-auth-regex'], ['OAUTH2_PROXY_SKIP_AUTH_ROUTES', 'OAUTH2_PROXY_SKIP_AUTH_REGEX']);
  return routes.some((route) => {
    // `[METHOD=]regex`: the kubelet's probe is a GET.
    const m = /^([A-Z]+)=(.*)$/.exec(route);
    if (m && m[1] !== 'GET') return false;
    try {
      return new RegExp(m ? m[2]! : route).test(path);
    } catch {
      return false;
    }
  });
}

/** The path of the probe's `httpGet` (`/` by default), or undefined for other probes. */
export function httpProbePath(container: ContainerModel, where: string, doc: Document): string | undefined {
  const probe = where.slice(0, where.indexOf('.'));
  const httpGet = getMap(getMap(container.node, probe, doc), 'httpGet', doc);
  if (!httpGet) return undefined;
  return (getString(httpGet, 'path', doc) || '/').replace(/[?#].*$/, '');
}

/** Whether the sibling's listener on the probe's port forwards the probe's path to one of `ownPorts`. */
export function forwardsProbe(sibling: ContainerModel, listener: Listener | undefined, path: string, ownPorts: ReadonlySet<number>, doc: Document): boolean {
  const config = listener?.config;
  const value = config?.configMap.files.get(config.key);
  if (listener && config && value && /nginx/.test(sibling.image ?? '')) {
    const text = readableText(value, config.key);
    if ('text' in text && nginxForwards(text.text, listener.port, path, ownPorts)) return true;
  }
  return oauth2ProxyForwards(sibling, doc, path, ownPorts);
}
