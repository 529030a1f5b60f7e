/**
 * Mosquitto's listeners from the configuration file it loads (`-c`; the image's CMD names
 * /mosquitto/config/mosquitto.conf). Since 2.0 a broker with no `listener` in its configuration
 * binds 1883 on the loopback interface only ("local only mode", mosquitto.org/documentation/
 * migrating-to-2-0): the image's own file configures none, so that is the image's default
 * (images/data/platform.ts). `listener <port> [<address>]` lines open listeners on every address
 * or the one named; a unix socket (`listener 0 <path>`) opens no port. Anything this reader does not
 * follow (`include_dir`, the deprecated `port`/`bind_address` default listener, a placeholder, a
 * port flag beside the file) is unsure.
 */
import { holdsPlaceholder } from './config-text';
import { fileAt, isFile } from './listen-config';
import { flagValue, listensOf, type FileConfigResult, type RawListen, type ReadContext } from './listen-files';
import { directiveIn, reason } from './listen-reasons';

const UNFOLLOWED = new Set(['include_dir', 'port', 'bind_address', 'bind_interface']);

export function readMosquitto(ctx: ReadContext, imageFile: string | undefined): FileConfigResult {
  const { pod, container, args, configMaps } = ctx;
  const flag = flagValue(args, ['-c', '--config-file']);
  const consumed = flag?.items ?? [];
  const portFlag = args.find((a) => a.text === '-p' || a.text.startsWith('--port'));
  if (portFlag) return { kind: 'unsure', why: reason('port-flag', { flag: portFlag.text }), consumed };
  // Args without a file replace the CMD: mosquitto runs with no configuration, on loopback 1883.
  const path = flag?.value ?? (args.length === 0 ? imageFile : undefined);
  if (path === undefined) return { kind: 'default', consumed };
  const file = fileAt(pod, container, path, configMaps);
  if (file === undefined) return path === imageFile ? { kind: 'default', consumed } : { kind: 'unsure', why: reason('file-unreadable', { flag: '-c', path }), consumed };
  if (!isFile(file)) return { kind: 'unsure', why: file, consumed };
  const raw: RawListen[] = [];
  for (const line of file.text.split(/\r\n|\r|\n/)) {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) continue;
    const [key = '', port, address] = text.split(/\s+/);
    if (holdsPlaceholder(text) || UNFOLLOWED.has(key)) return { kind: 'unsure', why: directiveIn(text, file.key), consumed };
    if (key !== 'listener') continue;
    if (!/^\d+$/.test(port ?? '')) return { kind: 'unsure', why: directiveIn(text, file.key), consumed };
    if (Number(port) === 0) continue; // a unix socket
    raw.push({ port: Number(port), protocol: 'TCP', address: address ?? '', directive: text });
  }
  // No listener: the default one, on loopback only (the image's default says so).
  if (raw.length === 0) return { kind: 'default', consumed };
  return { kind: 'listens', listens: listensOf(raw, file), files: [file.key], imageDefault: false, consumed };
}
