/**
 * The Distribution registry's configuration file (`registry` image): `http.addr` is where it
 * listens, and the bundled config.yml is the only reason for the 5000 default. The file is the
 * image's CMD (`/etc/distribution/config.yml`; `/etc/docker/registry/config.yml` in 2.x), or the
 * one `args` name (`serve /etc/registry/config.yml`, or a .yml first arg the entrypoint serves).
 * REGISTRY_HTTP_ADDR overrides the file, so the setting decides then.
 */
import { fileAt, isFile } from './listen-config';
import { directiveIn, reason } from './listen-reasons';
import { listensOf, type FileConfigResult, type RawListen, type ReadContext } from './listen-files';
import { isObj, parseData } from './listen-proxies';
import { parseAddress } from './listen-values';

/** The address of `key` as a listen; a string says why it is unsure. */
function addressListen(value: unknown, key: string): RawListen | string {
  if (typeof value !== 'string') return `${key}: ${String(value)}`;
  const parsed = parseAddress(value.trim());
  if (!parsed || parsed.port === undefined) return `${key}: ${value}`;
  return { port: parsed.port, protocol: 'TCP', address: parsed.address, directive: `${key}: ${value}` };
}

export function readRegistry(ctx: ReadContext, imageFile: string | undefined): FileConfigResult {
  const { pod, container, args, env, configMaps } = ctx;
  if (env.vars.has('REGISTRY_HTTP_ADDR') || env.opaque) return { kind: 'default' };
  // `registry serve FILE`: the program and its subcommand come first when args name them.
  let i = 0;
  if (/(^|\/)registry$/.test(args[i]?.text ?? '')) i++;
  if (args[i]?.text === 'serve') i++;
  const named = args.slice(i).find((a) => !a.text.startsWith('-'));
  // Without a file in args, `registry serve` reads REGISTRY_CONFIGURATION_PATH (or does not start).
  const fromEnv = env.vars.get('REGISTRY_CONFIGURATION_PATH');
  const path = named?.text ?? (args.length === 0 ? imageFile : fromEnv?.value);
  if (path === undefined) return { kind: 'unsure', why: fromEnv ? reason('env-unreadable', { name: 'REGISTRY_CONFIGURATION_PATH' }) : reason('registry-no-config', { args: args.map((a) => a.text).join(' ') }) };
  const file = fileAt(pod, container, path, configMaps);
  if (file === undefined) return path === imageFile ? { kind: 'default' } : { kind: 'unsure', why: reason('file-unreadable', { flag: named ? 'serve' : 'REGISTRY_CONFIGURATION_PATH', path }) };
  if (!isFile(file)) return { kind: 'unsure', why: file };
  const data = parseData(file.text);
  if (!data) return { kind: 'unsure', why: reason('unparsable', { file: file.key }) };
  const http = isObj(data.http) ? data.http : {};
  const raw: RawListen[] = [];
  // `net: unix`: the address is a socket path, no TCP port.
  if (http.net !== undefined && http.net !== 'tcp' && http.net !== 'unix') return { kind: 'unsure', why: directiveIn(`http.net: ${String(http.net)}`, file.key) };
  for (const [value, key] of [[http.net === 'unix' ? undefined : http.addr, 'http.addr'], [isObj(http.debug) ? http.debug.addr : undefined, 'http.debug.addr']] as const) {
    if (value === undefined && key === 'http.debug.addr') continue;
    if (value === undefined && http.net === 'unix') continue;
    const got = addressListen(value, key);
    if (typeof got === 'string') return { kind: 'unsure', why: directiveIn(got, file.key) };
    raw.push(got);
  }
  return { kind: 'listens', listens: listensOf(raw, file), files: [file.key], imageDefault: false, ...(named ? { consumed: [named] } : {}) };
}
