/**
 * Python servers that a container's command starts, whatever its image, and where they bind when
 * told nothing (sweep DC's misses): uvicorn on 127.0.0.1:8000 (`--host`, `--port`, UVICORN_HOST,
 * UVICORN_PORT), `flask run` on 127.0.0.1:5000 (`--host`/`-h`, `--port`/`-p`, FLASK_RUN_HOST,
 * FLASK_RUN_PORT), Django's `runserver` on 127.0.0.1:8000 (its `addrport` argument), and gunicorn's
 * `-b`/`--bind` (its default is left alone: a gunicorn.conf.py in the image's working folder or
 * GUNICORN_CMD_ARGS may set it). Only loopback binds are returned: the kubelet's probes and a
 * Service's connections come to the pod's IP and are refused there.
 * The command may be the container's own (`[uvicorn, main:app]`, `[python, -m, flask, run]`,
 * `[python, manage.py, runserver]`, behind `poetry run` or `exec`) or the last such command of a
 * `sh -c` script. Anything it cannot read (a variable without a literal value, `envFrom` that may
 * set the server's variables, a unix socket) makes it say nothing.
 */
import type { Document, Scalar, YAMLSeq } from 'yaml';
import { isScalar, isSeq } from 'yaml';
import { getNode } from '../core/yaml-access';
import { envOf } from './env';
import { argItems, isLoopback, normaliseHost, parseAddress, type ArgItem } from './listen-values';
import type { ContainerModel } from './pod-model';
import { shellCommands } from './shell-words';

/** A loopback bind of a server the command starts, and how to make it bind every address. */
export interface DevServerBind {
  readonly program: string;
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

const PREFIXES = new Set(['exec', 'poetry', 'pipenv', 'uv', 'pdm', 'hatch', 'run', 'env']);
const PYTHON = /^python(\d+(\.\d+)?)?$/;
const SHELLS = /^(?:\/usr)?(?:\/bin\/)?(?:sh|bash|ash|dash|zsh)$/;
const EVERY = '0.0.0.0';

interface Invocation {
  readonly program: 'uvicorn' | 'flask' | 'django' | 'gunicorn';
  /** The words after the program (after `run` / `runserver` for flask and django). */
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
  if (first === 'uvicorn' || first === 'gunicorn') return { program: first, args: rest };
  const sub = (name: string): number => rest.findIndex((w) => w === name);
  if (first === 'flask' && sub('run') >= 0) return { program: 'flask', args: rest.slice(sub('run') + 1) };
  if ((first === 'manage.py' || first === 'django-admin' || first === 'django') && sub('runserver') >= 0) return { program: 'django', args: rest.slice(sub('runserver') + 1) };
  return undefined;
}

/** `--flag value`, `--flag=value`, `-fvalue` (short flags): the last value given. */
function flagValue(args: readonly string[], names: readonly string[]): string | undefined {
  let value: string | undefined;
  args.forEach((word, i) => {
    for (const name of names) {
      if (word === name) value = args[i + 1];
      else if (word.startsWith(`${name}=`)) value = word.slice(name.length + 1);
      else if (name.length === 2 && !name.startsWith('--') && word.startsWith(name) && word.length > 2 && !word.startsWith('--')) value = word.slice(2);
    }
  });
  return value;
}

/** Every value of a repeatable flag (gunicorn's `-b`). */
function flagValues(args: readonly string[], names: readonly string[]): string[] {
  return args.flatMap((word, i) => names.flatMap((name) => (word === name ? [args[i + 1] ?? ''] : word.startsWith(`${name}=`) ? [word.slice(name.length + 1)] : name.length === 2 && word.startsWith(name) && word.length > 2 && !word.startsWith('--') ? [word.slice(2)] : [])));
}

type Resolve = (text: string) => string | undefined;

/** Where the server binds: loopback ones only, with what to write instead. */
function loopbackOf(call: Invocation, resolve: Resolve, env: (name: string) => string | undefined | null): Omit<DevServerBind, 'node' | 'edit'>[] {
  const { program, args } = call;
  // null: the variable may be set where Podsight cannot read it (envFrom).
  const fromEnv = (name: string): string | undefined | false => {
    const v = env(name);
    return v === null ? false : v === undefined ? undefined : resolve(v);
  };
  if (program === 'uvicorn' || program === 'flask') {
    if (program === 'uvicorn' && args.some((w) => /^--(uds|fd)(=|$)/.test(w))) return [];
    const hostFlag = flagValue(args, program === 'uvicorn' ? ['--host'] : ['--host', '-h']);
    const portFlag = flagValue(args, program === 'uvicorn' ? ['--port'] : ['--port', '-p']);
    const hostEnv = fromEnv(program === 'uvicorn' ? 'UVICORN_HOST' : 'FLASK_RUN_HOST');
    const portEnv = fromEnv(program === 'uvicorn' ? 'UVICORN_PORT' : 'FLASK_RUN_PORT');
    if ((hostFlag === undefined && hostEnv === false) || (portFlag === undefined && portEnv === false)) return [];
    const host = hostFlag !== undefined ? resolve(hostFlag) : (hostEnv || '127.0.0.1');
    const portText = portFlag !== undefined ? resolve(portFlag) : (portEnv || (program === 'uvicorn' ? '8000' : '5000'));
    const port = Number(portText);
    if (host === undefined || !Number.isInteger(port) || port <= 0 || port > 65535 || !isLoopback(normaliseHost(host))) return [];
    return [{ program, address: normaliseHost(host), port, byDefault: hostFlag === undefined && !hostEnv, how: `--host=${EVERY}` }];
  }
  if (program === 'django') {
    const valued = new Set(['--settings', '--pythonpath', '--verbosity', '-v']);
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
    return [{ program: 'runserver', address, port, byDefault: bare, how: `${EVERY}:${port}` }];
  }
  // gunicorn: only what -b/--bind say (a config file may set the default).
  const binds = flagValues(args, ['-b', '--bind']).map((v) => resolve(v));
  if (binds.length === 0 || binds.some((b) => b === undefined || b.startsWith('unix:') || b.startsWith('fd://'))) return [];
  const parsed = binds.map((b) => parseAddress(b!));
  const reachable = new Set(parsed.filter((p) => p?.port !== undefined && !isLoopback(p.address === '' ? EVERY : p.address)).map((p) => p!.port));
  return parsed.flatMap((p) => (p?.port !== undefined && p.address !== '' && isLoopback(p.address) && !reachable.has(p.port) ? [{ program, address: p.address, port: p.port, byDefault: false, how: `${EVERY}:${p.port}` }] : []));
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

const SERVER_WORD = /uvicorn|flask|runserver|gunicorn/;

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
  const words = items.map((i) => i.text);
  const direct = invocationOf(words);
  if (direct) {
    return loopbackOf(direct, resolverOf(literal, false), variable).map((b) => ({ ...b, node: firstNode(items), ...withSeqEdit(b, items, container, doc) }));
  }
  if (!SHELLS.test(words[0] ?? '') || !/^-[a-z]*c[a-z]*$/.test(words[1] ?? '')) return [];
  const script = items[2];
  if (!script?.node || typeof script.node.value !== 'string') return [];
  const calls = shellCommands(script.node.value).map((c) => invocationOf(c.words.map((w) => w.replace(/^(["'])(.*)\1$/, '$2')))).filter((c): c is Invocation => c !== undefined);
  const call = calls[calls.length - 1];
  if (!call) return [];
  return loopbackOf(call, resolverOf(literal, true), variable).map((b) => ({ ...b, node: script.node, ...withScriptEdit(b, script) }));
}

const firstNode = (items: readonly ArgItem[]): Scalar | undefined => items.find((i) => i.node)?.node;

/** In a command written as a list: rewrite the value written, or add the setting at the end. */
function withSeqEdit(bind: Omit<DevServerBind, 'node' | 'edit'>, items: readonly ArgItem[], container: ContainerModel, doc: Document): Pick<DevServerBind, 'edit'> {
  if (bind.byDefault) {
    // Django's addrport written as a bare port (`runserver 8000`): name the address with it.
    const bare = bind.program === 'runserver' ? items.find((i) => i.text === String(bind.port)) : undefined;
    if (bare?.node) return { edit: { replace: bare.node, text: bind.how } };
    const seq = getNode(container.node, items.some((i) => i.index >= 0 && i.node && isArg(i, container, doc)) ? 'args' : 'command', doc);
    return isSeq(seq) ? { edit: { append: seq, text: bind.how } } : {};
  }
  const value = [...items].reverse().find((i) => i.node && new RegExp(`(^|[=:/])(${escape(bind.address)}|localhost|\\[::1\\])(:|$)`).test(i.text));
  if (!value?.node || typeof value.node.value !== 'string') return {};
  return { edit: { replace: value.node, text: rebound(value.node.value) } };
}

const isArg = (item: ArgItem, container: ContainerModel, doc: Document): boolean => {
  const args = getNode(container.node, 'args', doc);
  return isSeq(args) && args.items.some((n) => n === item.node);
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `127.0.0.1:8000` → `0.0.0.0:8000`, `--host=localhost` → `--host=0.0.0.0`. */
const rebound = (text: string): string => text.replace(/(^|[=/])(?:127(?:\.\d{1,3}){3}|localhost|\[::1\]|::1)(?=:\d|$)/i, `$1${EVERY}`);

/** In a `sh -c` script: the same edit inside the script's text. */
function withScriptEdit(bind: Omit<DevServerBind, 'node' | 'edit'>, script: ArgItem): Pick<DevServerBind, 'edit'> {
  const node = script.node;
  if (!node || !isScalar(node) || typeof node.value !== 'string' || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return {};
  const text = node.value;
  if (bind.byDefault) {
    const word = bind.program === 'uvicorn' ? 'uvicorn' : bind.program === 'flask' ? ' run' : ' runserver';
    const at = text.lastIndexOf(word);
    if (at < 0) return {};
    const end = at + word.length;
    const bare = bind.program === 'runserver' ? new RegExp(`^\\s+${bind.port}(?=\\s|$)`).exec(text.slice(end)) : null;
    const edited = bare ? `${text.slice(0, end)} ${bind.how}${text.slice(end + bare[0].length)}` : `${text.slice(0, end)} ${bind.how}${text.slice(end)}`;
    return { edit: { replace: node, text: edited } };
  }
  const edited = text.replace(new RegExp(`(\\s|=)(${escape(bind.address)}|localhost|\\[::1\\])(?=:\\d|\\s|$)`), `$1${EVERY}`);
  return edited === text ? {} : { edit: { replace: node, text: edited } };
}
