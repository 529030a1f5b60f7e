/**
 * Python servers that a container's command starts, whatever its image, and where they bind when
 * told nothing (sweeps DC and DH): uvicorn on 127.0.0.1:8000 (`--host`, `--port`, UVICORN_HOST,
 * UVICORN_PORT), `flask run` on 127.0.0.1:5000 (`--host`/`-h`, `--port`/`-p`, FLASK_RUN_HOST,
 * FLASK_RUN_PORT; its default is judged on official Python images only, since an application's
 * image often sets FLASK_RUN_HOST), `fastapi dev` and daphne on 127.0.0.1:8000, hypercorn on
 * 127.0.0.1:8000 unless `-b` or a config file says otherwise, Django's `runserver` (and
 * `runserver_plus`) on 127.0.0.1:8000 (its `addrport` argument; with `--host`/`--port` it is
 * Flask-Script's, not judged), Ray's dashboard under `ray start --head` on 127.0.0.1:8265
 * (`--dashboard-host`, `--dashboard-port`), and gunicorn's `-b`/`--bind` (its default is left alone: a
 * gunicorn.conf.py in the image's working folder or GUNICORN_CMD_ARGS may set it). Only loopback binds are returned: the kubelet's probes and a
 * Service's connections come to the pod's IP and are refused there.
 * The command may be the container's own (`[uvicorn, main:app]`, `[python, -m, flask, run]`,
 * `[python, manage.py, runserver]`, behind `poetry run`, `exec`, `tini --` or `ddtrace-run`) or the last such command of a
 * `sh -c` script. Anything it cannot read (a variable without a literal value, `envFrom` that may
 * set the server's variables, a unix socket) makes it say nothing.
 */
import type { Document, Scalar, YAMLSeq } from 'yaml';
import { firstNode, withScriptEdit, withSeqEdit } from './dev-server-edits';
import { envOf } from './env';
import { parseImageRef } from './images/image-ref';
import { argItems, isLoopback, normaliseHost, parseAddress } from './listen-values';
import type { ContainerModel } from './pod-model';
import { shellCommands, shellScriptIndex } from './shell-words';
import { wordFlag, wordFlags } from './command-flags';

/** A loopback bind of a server the command starts, and how to make it bind every address. */
export interface DevServerBind {
  readonly program: string;
  /** The word after which a setting goes in a script (`uvicorn`, ` run` for `flask run`). */
  readonly after: string;
  readonly address: string;
  readonly port: number;
  /** The server's default address, not a value written in the manifest. */
  readonly byDefault: boolean;
  /** What to write instead (`--host=0.0.0.0`, `0.0.0.0:8000`), shown in messages and fixes. */
  readonly how: string;
  /** Where the command or its first word is, for related information. */
  readonly node?: Scalar;
  /** The edit that binds every address: a scalar rewritten, or an item added to a sequence. */
  readonly edit?: { readonly replace: Scalar; readonly text: string } | { readonly append: YAMLSeq; readonly text: string };
}

/** Words that start the next one (`exec uvicorn`, `poetry run`, `ddtrace-run`, `tini --`). */
const PREFIXES = new Set(['exec', 'poetry', 'pipenv', 'uv', 'pdm', 'hatch', 'run', 'env', 'ddtrace-run', 'opentelemetry-instrument', 'dumb-init', 'tini', '--', 'newrelic-admin', 'run-program']);
const PYTHON = /^python(\d+(\.\d+)?)?$/;
const EVERY = '0.0.0.0';

/**
 * A server that takes a host and a port, 127.0.0.1 unless told otherwise: its flags, the variables
 * it reads them from, its default port, the flags that make it listen elsewhere than a TCP port it
 * says (a unix socket, a file descriptor, a configuration file), and the word after which a setting
 * goes in a script.
 */
interface HostPortServer {
  readonly host: readonly string[];
  readonly port: readonly string[];
  readonly hostEnv?: string;
  readonly portEnv?: string;
  readonly defaultPort: number;
  readonly elsewhere?: RegExp;
  /** The host flag as the fix writes it. */
  readonly setHost: string;
  /** Its default may be set by the image (`ENV FLASK_RUN_HOST=0.0.0.0` in Docker's Compose tutorial): judged only on images that set none. */
  readonly imageMaySet?: boolean;
}

const SERVERS: Readonly<Record<string, HostPortServer>> = {
  uvicorn: { host: ['--host'], port: ['--port'], hostEnv: 'UVICORN_HOST', portEnv: 'UVICORN_PORT', defaultPort: 8000, elsewhere: /^--(uds|fd)(=|$)/, setHost: '--host' },
  flask: { host: ['--host', '-h'], port: ['--port', '-p'], hostEnv: 'FLASK_RUN_HOST', portEnv: 'FLASK_RUN_PORT', defaultPort: 5000, setHost: '--host', imageMaySet: true },
  fastapi: { host: ['--host'], port: ['--port'], defaultPort: 8000, setHost: '--host' },
  daphne: { host: ['-b', '--bind'], port: ['-p', '--port'], defaultPort: 8000, elsewhere: /^(-u|--unix-socket|--fd|-e|--endpoint)(=|$)/, setHost: '--bind' },
  // `ray start --head` serves its dashboard on 127.0.0.1:8265 unless told otherwise (sweep DQ);
  // `--include-dashboard` may turn it off.
  'ray dashboard': { host: ['--dashboard-host'], port: ['--dashboard-port'], defaultPort: 8265, elsewhere: /^--include-dashboard(=|$)/, setHost: '--dashboard-host' },
};

interface Invocation {
  /** The server's name in messages: `uvicorn`, `flask`, `runserver`, `gunicorn`, `hypercorn`… */
  readonly program: string;
  /** The word after which a setting goes in a script (` run` for `flask run`). */
  readonly after: string;
  /** The words after the program (after `run`, `dev` or `runserver`). */
  readonly args: readonly string[];
}

const base = (word: string): string => word.slice(word.lastIndexOf('/') + 1);

/** The server a command line (its words) starts, if it is one of these. */
function invocationOf(words: readonly string[]): Invocation | undefined {
  let i = 0;
  while (i < words.length && (PREFIXES.has(words[i]!) || /^\w+=/.test(words[i]!))) i++;
  let first = base(words[i] ?? '');
  if (PYTHON.test(first)) {
    i++;
    while (words[i]?.startsWith('-') && words[i] !== '-m') i++;
    if (words[i] === '-m') {
      i++;
      first = words[i] ?? '';
    } else first = base(words[i] ?? '');
  }
  const rest = words.slice(i + 1);
  if (['uvicorn', 'gunicorn', 'daphne', 'hypercorn'].includes(first)) return { program: first, after: first, args: rest };
  const sub = (name: string): number => rest.findIndex((w) => w === name);
  if (first === 'flask' && sub('run') >= 0) return { program: 'flask', after: ' run', args: rest.slice(sub('run') + 1) };
  // `fastapi run` binds 0.0.0.0; `fastapi dev` binds 127.0.0.1.
  if (first === 'fastapi' && sub('dev') >= 0) return { program: 'fastapi', after: ' dev', args: rest.slice(sub('dev') + 1) };
  // Only the head node serves the dashboard.
  if (first === 'ray' && sub('start') >= 0 && rest.includes('--head')) return { program: 'ray dashboard', after: ' start', args: rest.slice(sub('start') + 1) };
  if (first === 'manage.py' || first === 'django-admin' || first === 'django') {
    const at = rest.findIndex((w) => w === 'runserver' || w === 'runserver_plus');
    if (at >= 0) return { program: rest[at]!, after: ` ${rest[at]!}`, args: rest.slice(at + 1) };
  }
  return undefined;
}

type Resolve = (text: string) => string | undefined;
type Found = Omit<DevServerBind, 'node' | 'edit'>;
/** A variable's literal value; null when it may be set where Podsight cannot read it (valueFrom, envFrom). */
type Variable = (name: string) => string | undefined | null;

function hostPortBinds(call: Invocation, server: HostPortServer, resolve: Resolve, env: Variable, imageSetsNone: boolean): Found[] {
  const { args } = call;
  if (server.elsewhere && args.some((w) => server.elsewhere!.test(w))) return [];
  const fromEnv = (name: string | undefined): string | undefined | false => {
    const v = name === undefined ? undefined : env(name);
    return v === null ? false : v === undefined ? undefined : resolve(v);
  };
  const hostFlag = wordFlag(args, server.host);
  const portFlag = wordFlag(args, server.port);
  const hostEnv = fromEnv(server.hostEnv);
  const portEnv = fromEnv(server.portEnv);
  if ((hostFlag === undefined && hostEnv === false) || (portFlag === undefined && portEnv === false)) return [];
  const byDefault = hostFlag === undefined && !hostEnv;
  if (byDefault && server.imageMaySet && !imageSetsNone) return [];
  const host = hostFlag !== undefined ? resolve(hostFlag) : hostEnv || '127.0.0.1';
  const port = Number(portFlag !== undefined ? resolve(portFlag) : portEnv || server.defaultPort);
  if (host === undefined || !Number.isInteger(port) || port <= 0 || port > 65535 || !isLoopback(normaliseHost(host))) return [];
  return [{ program: call.program, after: call.after, address: normaliseHost(host), port, byDefault, how: `${server.setHost}=${EVERY}` }];
}

/** Django's runserver (and django-extensions' runserver_plus): its `addrport` argument. */
function runserverBinds(call: Invocation, resolve: Resolve): Found[] {
  const { args } = call;
  // `--host`/`--port` are Flask-Script's runserver (0.0.0.0 by default), not Django's (sweep DH).
  if (args.some((w) => /^(--host|--port|-h|-p)(=|$)/.test(w))) return [];
  const valued = new Set(['--settings', '--pythonpath', '--verbosity', '-v', '--cert-file', '--key-file']);
  const positional = args.find((w, i) => !w.startsWith('-') && !valued.has(args[i - 1] ?? ''));
  const ipv6 = args.includes('-6') || args.includes('--ipv6');
  const written = positional === undefined ? undefined : resolve(positional);
  if (positional !== undefined && written === undefined) return [];
  // A bare port (`runserver 8000`) keeps the default address; `0:8000` and `0.0.0.0:8000` are every address.
  const bare = written === undefined || /^\d+$/.test(written);
  const parsed = written === undefined ? { address: '', port: 8000 } : parseAddress(written);
  const address = bare ? (ipv6 ? '::1' : '127.0.0.1') : parsed?.address;
  const port = parsed?.port ?? 8000;
  if (address === undefined || address === '' || !isLoopback(address)) return [];
  // With -6 the address must be IPv6 ("is not a valid IPv6 address" otherwise).
  return [{ program: call.program, after: call.after, address, port, byDefault: bare, how: ipv6 ? `[::]:${port}` : `${EVERY}:${port}` }];
}

/** gunicorn's and hypercorn's `-b`/`--bind` (repeatable); hypercorn's default is 127.0.0.1:8000, gunicorn's is left alone. */
function bindFlagBinds(call: Invocation, resolve: Resolve): Found[] {
  const { program, args } = call;
  const binds = wordFlags(args, ['-b', '--bind']).map((v) => resolve(v));
  // A configuration file may bind too (gunicorn also reads ./gunicorn.conf.py and GUNICORN_CMD_ARGS).
  const config = args.some((w) => /^(-c|--config)(=|$)/.test(w));
  if (binds.length === 0) return program === 'hypercorn' && !config ? [{ program, after: call.after, address: '127.0.0.1', port: 8000, byDefault: true, how: `--bind=${EVERY}:8000` }] : [];
  if (binds.some((b) => b === undefined || b.startsWith('unix:') || b.startsWith('fd://'))) return [];
  const parsed = binds.map((b) => parseAddress(b!));
  const reachable = new Set(parsed.filter((p) => p?.port !== undefined && !isLoopback(p.address === '' ? EVERY : p.address)).map((p) => p!.port));
  return parsed.flatMap((p) => (p?.port !== undefined && p.address !== '' && isLoopback(p.address) && !reachable.has(p.port) ? [{ program, after: call.after, address: p.address, port: p.port, byDefault: false, how: `${EVERY}:${p.port}` }] : []));
}

/** Where the server binds: loopback ones only, with what to write instead. */
function loopbackOf(call: Invocation, resolve: Resolve, env: Variable, imageSetsNone: boolean): Found[] {
  const server = SERVERS[call.program];
  if (server) return hostPortBinds(call, server, resolve, env, imageSetsNone);
  return call.program.startsWith('runserver') ? runserverBinds(call, resolve) : bindFlagBinds(call, resolve);
}

/** `$(VAR)` (the kubelet's) and, in a script, `$VAR`/`${VAR}`, from the container's literal env. */
function resolverOf(literal: (name: string) => string | undefined, shell: boolean): Resolve {
  return (text) => {
    let unknown = false;
    const pattern = shell ? /\$\(([A-Za-z_]\w*)\)|\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g : /\$\(([A-Za-z_]\w*)\)/g;
    const out = text.replace(pattern, (_, a?: string, b?: string, c?: string) => {
      const value = literal(a ?? b ?? c ?? '');
      if (value === undefined) unknown = true;
      return value ?? '';
    });
    const plain = shell ? out.replace(/^(["'])(.*)\1$/, '$2') : out;
    return unknown || /[$`]/.test(plain) ? undefined : plain;
  };
}

const SERVER_WORD = /uvicorn|flask|runserver|gunicorn|daphne|hypercorn|fastapi|\bray start\b|^ray$/;

/** A quick test: could the container's command start one of these servers? */
export function mayStartDevServer(container: ContainerModel, doc: Document): boolean {
  return [...argItems(container, 'command', doc), ...argItems(container, 'args', doc)].some((i) => SERVER_WORD.test(i.text));
}

/** The loopback binds of the servers a container's command starts. */
export function devServerBinds(container: ContainerModel, doc: Document): DevServerBind[] {
  if (container.role === 'init' || !mayStartDevServer(container, doc)) return [];
  const items = [...argItems(container, 'command', doc), ...argItems(container, 'args', doc)];
  if (items.length === 0 || items.some((i) => i.index < 0)) return [];
  const env = envOf(container, doc);
  const literal = (name: string): string | undefined => env.entries.find((e) => e.name === name)?.valueNode?.value;
  const variable = (name: string): string | undefined | null => {
    const entry = env.entries.find((e) => e.name === name);
    if (entry) return entry.valueNode?.value ?? null; // valueFrom: not known here
    return env.hasEnvFrom ? null : undefined;
  };
  // An official Python image sets no FLASK_RUN_HOST; an application's own image may (sweep DH).
  const ref = container.image === undefined ? undefined : parseImageRef(container.image);
  const imageSetsNone = !!ref && (ref.registry === 'docker.io' || ref.path.includes('library/')) && ref.repository === 'python';
  const words = items.map((i) => i.text);
  const direct = invocationOf(words);
  if (direct) {
    return loopbackOf(direct, resolverOf(literal, false), variable, imageSetsNone).map((b) => ({ ...b, node: firstNode(items), ...withSeqEdit(b, items, container, doc) }));
  }
  const at = shellScriptIndex(words);
  const script = at === undefined ? undefined : items[at];
  if (!script?.node || typeof script.node.value !== 'string') return [];
  const calls = shellCommands(script.node.value).map((c) => invocationOf(c.words.map((w) => w.replace(/^(["'])(.*)\1$/, '$2')))).filter((c): c is Invocation => c !== undefined);
  const call = calls[calls.length - 1];
  // A script that sets the server's variables itself (`export UVICORN_HOST=0.0.0.0`, `FLASK_RUN_HOST=… flask run`): not read here.
  if (!call || /\b(UVICORN|FLASK_RUN)_(HOST|PORT)=/.test(script.node.value)) return [];
  return loopbackOf(call, resolverOf(literal, true), variable, imageSetsNone).map((b) => ({ ...b, node: script.node, ...withScriptEdit(b, script) }));
}

