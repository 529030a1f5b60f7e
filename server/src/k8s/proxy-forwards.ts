/**
 * Whether a sibling that listens on a probe's port forwards that probe to the probed container:
 * a reverse proxy in front of the app (nginx `proxy_pass http://127.0.0.1:8080`, Caddy
 * `reverse_proxy localhost:8080` or `php_fastcgi 127.0.0.1:9000`, httpd `ProxyPass`, oauth2-proxy
 * `--upstream=http://127.0.0.1:8080` with the probe's path exempt from login, kube-rbac-proxy
 * `--upstream` with the path in `--ignore-paths`). An HTTP probe through it reaches the app: when
 * the app refuses or hangs the proxy answers 502/504, and the kubelet counts that as a failure.
 * Only what Podsight can read is believed: the nginx configuration it read the listener from, the
 * proxies' flags.
 */
import { isScalar, type Document } from 'yaml';
import { asMap, getMap, getSeqItems, getString } from '../core/yaml-access';
import { readableText } from './config-text';
import type { Listener } from './listeners';
import { isLoopback, parseAddress } from './listen-values';
import type { ContainerModel } from './pod-model';
import { envoyForwards } from './proxy-envoy';

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

/**
 * The loopback ports a pass target reaches (through an `upstream` block too): `proxy_pass
 * http://127.0.0.1:8080`, `grpc_pass grpc://…`, and the bare `host:port` of `fastcgi_pass`,
 * `uwsgi_pass` and `scgi_pass` (php-fpm, uWSGI behind nginx: a dead backend gives 502 too).
 */
function loopbackTargets(target: string, root: Block): number[] {
  const url = /^(?:(?:https?|grpcs?|uwsgi|suwsgi):\/\/)?([^/]+)/i.exec(target)?.[1];
  if (url?.startsWith('unix:')) return [];
  if (!url || url.includes('$')) return [];
  const at = (hostPort: string, defaultPort: number): number[] => {
    const parsed = parseAddress(hostPort);
    return parsed && isLoopback(parsed.address) ? [parsed.port ?? defaultPort] : [];
  };
  const upstream = blocksNamed(root, 'upstream').find((u) => u.args[0] === url);
  if (upstream) return upstream.directives.filter((d) => d[0] === 'server' && d[1]).flatMap((d) => at(d[1]!, 80));
  return at(url, /^https/i.test(target) ? 443 : 80);
}

const PASSES = new Set(['proxy_pass', 'fastcgi_pass', 'uwsgi_pass', 'scgi_pass', 'grpc_pass']);
const passOf = (location: Block): string | undefined => location.directives.find((d) => PASSES.has(d[0] ?? ''))?.[1];

/** Whether every nginx server on `port` sends `path` to a port on the pod's loopback that `reaches` the probed container. */
function nginxForwards(text: string, port: number, path: string, reaches: (port: number) => boolean): boolean {
  const root = parseNginx(text);
  const servers = blocksNamed(root, 'server').filter((s) => s.directives.some((d) => d[0] === 'listen' && d[1] !== undefined && parseAddress(d[1])?.port === port));
  return servers.length > 0 && servers.every((server) => {
    const location = locationFor(server, path);
    if (!location || location.directives.some((d) => d[0] === 'return')) return false;
    // `try_files $uri @app;` falls through to a named location when no file answers the path, and
    // `try_files $uri /index.php?$args;` to the location of that URI (php-fpm's front controller).
    const fallback = location.directives.find((d) => d[0] === 'try_files')?.slice(-1)[0];
    const uri = fallback?.replace(/\?.*$/, '');
    const next = fallback?.startsWith('@')
      ? server.children.find((c) => c.name === 'location' && c.args[0] === fallback)
      : uri?.startsWith('/') && !uri.includes('$')
        ? locationFor(server, uri)
        : undefined;
    const pass = passOf(location) ?? (next && next !== location ? passOf(next) : undefined);
    return pass !== undefined && loopbackTargets(pass, root).some(reaches);
  });
}

/**
 * The values of a flag in args/command (`--flag=v`, `--flag v`; with `goFlag` also `-flag=v` and
 * `-flag v`, which Go's flag package reads the same) and of environment variables.
 */
function settingValues(c: ContainerModel, doc: Document, flags: readonly string[], envNames: readonly string[], goFlag = false): string[] {
  const names = goFlag ? flags.flatMap((f) => [f, f.replace(/^--/, '-')]) : flags;
  const out: string[] = [];
  for (const key of ['command', 'args'] as const) {
    const items = getSeqItems(c.node, key, doc).map(({ node }) => (isScalar(node) && typeof node.value === 'string' ? node.value : ''));
    items.forEach((item, i) => {
      for (const f of names) {
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

const NO_CONFIG: Block = { name: '', args: [], directives: [], children: [] };

/** The port of an `http(s)://host:port/…` upstream on the pod's loopback. */
const loopbackPort = (url: string): number | undefined => loopbackTargets(url, NO_CONFIG)[0];

/**
 * oauth2-proxy and its forks (bitly/pusher `oauth2_proxy`, OpenShift's `oauth-proxy`, whose
 * manifests write Go's single-dash flags: `-upstream=`, `-skip-auth-regex=`): the upstream that
 * serves the path (each `--upstream` serves its URL path, the longest matching wins) on loopback
 * at a port that reaches the probed container, and the path exempt from login
 * (`--skip-auth-route`, `--skip-auth-regex`, OpenShift's `-bypass-auth-for`). Other paths get the
 * sign-in page; `/ping`, `/ready`, `/robots.txt` and the proxy prefix (`/oauth2/`, OpenShift's
 * `/oauth/`) are the proxy's own.
 */
function oauth2ProxyForwards(c: ContainerModel, doc: Document, path: string, reaches: (port: number) => boolean): boolean {
  if (!/oauth2?[-_]proxy/.test(c.image ?? '')) return false;
  const own = [...settingValues(c, doc, ['--ping-path', '--ready-path'], [], true), '/ping', '/ready', '/robots.txt'];
  const prefixes = [...settingValues(c, doc, ['--proxy-prefix'], ['OAUTH2_PROXY_PROXY_PREFIX'], true), '/oauth2', '/oauth'];
  if (own.includes(path) || prefixes.some((p) => path === p || path.startsWith(`${p.replace(/\/$/, '')}/`))) return false;
  const routes = settingValues(c, doc, ['--upstream'], ['OAUTH2_PROXY_UPSTREAMS'], true)
    .map((u) => ({ u, path: /^[a-z]+:\/\/[^/]+(\/[^?#]*)?/i.exec(u)?.[1] || '/' }))
    .filter((r) => r.path === path || (r.path.endsWith('/') && path.startsWith(r.path)))
    .sort((a, b) => b.path.length - a.path.length);
  const upstream = routes[0] ? loopbackPort(routes[0].u) : undefined;
  if (upstream === undefined || !reaches(upstream)) return false;
  const skips = settingValues(c, doc, ['--skip-auth-route', '--skip-auth-regex', '--bypass-auth-for'], ['OAUTH2_PROXY_SKIP_AUTH_ROUTES', 'OAUTH2_PROXY_SKIP_AUTH_REGEX'], true);
  return skips.some((route) => {
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

/**
 * Whether a kube-rbac-proxy `--ignore-paths` entry matches the path. Entries are Go `path.Match`
 * globs (`*` within one segment); an entry with `?`, `[` or `\\` is read as a glob by some
 * releases and literally by others, so it is not believed.
 */
function ignoredPath(entry: string, path: string): boolean {
  const e = entry.trim();
  if (/[?[\\]/.test(e)) return false;
  if (!e.includes('*')) return e.replace(/^\//, '') === path.replace(/^\//, '');
  const source = e.replace(/^\//, '').split('*').map((part) => part.replace(/[.+^${}()|]/g, '\\$&')).join('[^/]*');
  return new RegExp(`^${source}$`).test(path.replace(/^\//, ''));
}

/**
 * kube-rbac-proxy (the metrics sidecar of kubebuilder ≤ v3 scaffolds and of OpenShift
 * components): on its listen address it sends a request whose path matches `--ignore-paths` to
 * `--upstream` without authentication or authorization. `--allow-paths` is no such exemption (the
 * request still needs a token, which the kubelet's probe does not send), and `/healthz` on
 * `--proxy-endpoints-port` is its own.
 */
function kubeRbacProxyForwards(c: ContainerModel, listener: Listener | undefined, doc: Document, path: string, reaches: (port: number) => boolean): boolean {
  if (!/kube-rbac-proxy/.test(c.image ?? '') || !listener) return false;
  if (!listener.setting?.args?.some((a) => a === '--secure-listen-address' || a === '--insecure-listen-address')) return false;
  const upstreams = settingValues(c, doc, ['--upstream'], []);
  const upstream = upstreams.length === 1 ? loopbackPort(upstreams[0]!) : undefined;
  if (upstream === undefined || !reaches(upstream)) return false;
  const ignored = settingValues(c, doc, ['--ignore-paths'], []).flatMap((v) => v.split(','));
  return ignored.some((entry) => ignoredPath(entry, path));
}

/** A port reference of a liveness, readiness or startup probe (`readinessProbe.httpGet.port`). */
export const PROBE_PORT = /^(livenessProbe|readinessProbe|startupProbe)\./;

/** Whether an HTTP or TCP probe sets `host`: the kubelet then connects there, not to the pod. */
export function probesOtherHost(container: ContainerModel, where: string, doc: Document): boolean {
  const probe = getMap(container.node, where.slice(0, where.indexOf('.')), doc);
  return ['httpGet', 'tcpSocket'].some((handler) => (getString(getMap(probe, handler, doc), 'host', doc) ?? '') !== '');
}

/** The path of the probe's `httpGet` (`/` by default), or undefined for other probes. */
export function httpProbePath(container: ContainerModel, where: string, doc: Document): string | undefined {
  const probe = where.slice(0, where.indexOf('.'));
  const httpGet = getMap(getMap(container.node, probe, doc), 'httpGet', doc);
  if (!httpGet) return undefined;
  return (getString(httpGet, 'path', doc) || '/').replace(/[?#].*$/, '');
}

/**
 * Whether the sibling's listener on the probe's port forwards the probe's path to a loopback port
 * that `reaches` the probed container.
 */
export function forwardsProbe(sibling: ContainerModel, listener: Listener | undefined, path: string, reaches: (port: number) => boolean, doc: Document): boolean {
  const config = listener?.config;
  const value = config?.configMap.files.get(config.key);
  const image = sibling.image ?? '';
  if (listener && config && value && /nginx|envoy|caddy|httpd|apache/.test(image)) {
    const text = readableText(value, config.key);
    const forwards = /envoy/.test(image) ? envoyForwards : /caddy/.test(image) ? caddyForwards : /httpd|apache/.test(image) ? httpdForwards : nginxForwards;
    if ('text' in text && forwards(text.text, listener.port, path, reaches)) return true;
  }
  // HAProxy and Varnish run only on a configuration of one's own (HAProxy ships none), which
  // Podsight does not read: their routes are unknown, so they may send the probe on.
  if (UNREAD_PROXIES.test(image.replace(/[:@].*$/, '').split('/').pop() ?? '')) return true;
  return oauth2ProxyForwards(sibling, doc, path, reaches) || kubeRbacProxyForwards(sibling, listener, doc, path, reaches);
}

const UNREAD_PROXIES = /^(haproxy|varnish)([-_][\w.-]+)?$/;

/**
 * Caddy: a `reverse_proxy` or `php_fastcgi` directive to a loopback upstream that reaches the
 * probed container (`php_fastcgi 127.0.0.1:9000`, `reverse_proxy localhost:8080`). Matchers and
 * site blocks are not followed: a Caddyfile that proxies anything to the container may proxy the
 * probe, so the probe is not said to test Caddy alone.
 */
function caddyForwards(text: string, _port: number, _path: string, reaches: (port: number) => boolean): boolean {
  // `reverse_proxy localhost:8080`, `reverse_proxy :8080` (a bare port is localhost), or the block
  // form's `to 127.0.0.1:8080` lines.
  return directiveTargets(text, /^(reverse_proxy|php_fastcgi|to)$/).some((word) => {
    const port = loopbackPort(word.startsWith(':') ? `http://localhost${word}` : word.includes('://') ? word : `http://${word}`);
    return port !== undefined && reaches(port);
  });
}

/** The words after a directive on its line, for the directives `name` matches (comments dropped). */
function directiveTargets(text: string, name: RegExp): string[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const words = line.replace(/#.*$/, '').trim().split(/\s+/);
    return name.test(words[0] ?? '') ? words.slice(1).map((w) => w.replace(/^["']|["']$/g, '')) : [];
  });
}

/** Apache httpd: `ProxyPass /path http://127.0.0.1:8080/` (or ProxyPassMatch) to a port that reaches the probed container. */
function httpdForwards(text: string, _port: number, _path: string, reaches: (port: number) => boolean): boolean {
  return directiveTargets(text, /^ProxyPass(Match)?$/i).some((word) => {
    const port = word.includes('://') ? loopbackPort(word) : undefined;
    return port !== undefined && reaches(port);
  });
}
