/**
 * How a listener setting's written value reads (listeners.ts applies them): a port, an address
 * or a list of them, a long flag written with one dash, and the settings that turn TCP off.
 */
import type { ListenSetting, TcpOff } from './images';
import { parseAddress, type ArgItem, type ContainerEnv } from './listen-values';

/**
 * A long flag written with one dash (`-web.listen-address=:9091`): Go's flag package, which
 * Prometheus 1.x, node-exporter before 0.15 and many small Go servers use, reads it as the flag;
 * kingpin and getopt programs do not. The version decides, so the ports are not read.
 */
export function singleDashFlag(args: readonly ArgItem[], flags: readonly string[]): { arg: string; flag: string } | undefined {
  for (const flag of flags) {
    if (!flag.startsWith('--')) continue;
    const single = flag.slice(1).toLowerCase();
    const item = args.find((a) => a.text.toLowerCase() === single || a.text.toLowerCase().startsWith(single + '='));
    if (item) return { arg: item.text, flag };
  }
  return undefined;
}

/**
 * A setting's value as a listener address: a port, an address, or a list of addresses (etcd's
 * `--listen-client-urls=http://127.0.0.1:4001,http://10.0.0.1:4001`) on one port. 'off' for an
 * empty address or port 0 (redis `--port 0` turns the plain listener off), undefined when unreadable.
 */
export function listenAddress(setting: ListenSetting, text: string, bind: string | undefined): { address: string; port?: number } | 'off' | 'list' | undefined {
  if (setting.value === 'port') return /^\s*\d+\s*$/.test(text) ? (Number(text) === 0 ? 'off' : { address: bind ?? '', port: Number(text) }) : undefined;
  if (text.trim() === '') return 'off';
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean).map(parseAddress);
  if (parts.some((p) => p === undefined)) return undefined;
  const ports = new Set(parts.map((p) => p?.port));
  if (ports.size > 1) return 'list';
  const [first] = parts;
  if (first?.port === 0) return 'off';
  return first && { address: parts.some((p) => p?.address === '') ? '' : first.address, ...(first.port !== undefined ? { port: first.port } : {}) };
}

/** The setting that turns the process's TCP listeners off, as written, or undefined. */
export function tcpTurnedOff(off: TcpOff | undefined, args: readonly ArgItem[], env: ContainerEnv): string | undefined {
  if (!off) return undefined;
  for (const item of args) {
    const text = item.text.toLowerCase();
    for (const flag of off.args ?? []) {
      if (text === flag) return item.text;
      if (text.startsWith(flag + '=') && !/^(0|off|false)$/.test(text.slice(flag.length + 1))) return item.text;
    }
  }
  const v = off.env ? env.vars.get(off.env.name)?.value : undefined;
  if (off.env && v !== undefined && off.env.values.includes(v.trim().toLowerCase())) return `${off.env.name}=${v}`;
  if (off.emptyKeyedArg) {
    const { flag, key } = off.emptyKeyedArg;
    for (const [i, item] of args.entries()) {
      const kv = item.text === flag ? args[i + 1]?.text : item.text.startsWith(flag) ? item.text.slice(flag.length).trim() : undefined;
      if (kv?.startsWith(key + '=') && /^(''|"")?$/.test(kv.slice(key.length + 1).trim())) return `${flag} ${kv}`;
    }
  }
  return undefined;
}
