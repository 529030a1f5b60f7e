/**
 * How a listener setting's written value reads (listeners.ts applies them): a port, an address
 * or a list of them, a bind address, a long flag written with one dash, option modifiers
 * (`--loose-`), and the settings that turn TCP off.
 */
import type { ListenSetting, TcpOff } from './images';
import { expand, isLoopback, parseAddress, type ArgItem, type ContainerEnv } from './listen-values';
import { findFlag, flagCase } from './command-flags';

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
  // Every address, else one the pod IP reaches (`http://127.0.0.1:2379,http://$(POD_IP):2379`), else the first.
  const address = parts.some((p) => p?.address === '') ? '' : (parts.find((p) => p && !isLoopback(p.address))?.address ?? first?.address);
  return first && { address: address ?? '', ...(first.port !== undefined ? { port: first.port } : {}) };
}

/** An empty value as people write one in args: nothing, or a pair of quotes meant for a shell. */
const isEmpty = (v: string | undefined): boolean => v !== undefined && /^(''|"")?$/.test(v.trim());

/** The setting that turns the process's TCP listeners off, as written, or undefined. */
export function tcpTurnedOff(off: TcpOff | undefined, args: readonly ArgItem[], env: ContainerEnv): string | undefined {
  if (!off) return undefined;
  for (const [i, item] of args.entries()) {
    const next = args[i + 1]?.text;
    for (const name of off.args ?? []) {
      const { flag, text } = flagCase(name, item.text);
      if (text === flag) return item.text;
      if (text.startsWith(flag + '=') && !/^(0|off|false)$/.test(text.slice(flag.length + 1))) return item.text;
    }
    // memcached `-s /sock/mc.sock`, `-s/sock/mc.sock`, `--unix-socket=/sock/mc.sock`.
    for (const flag of off.valueArgs ?? []) {
      if (item.text === flag && next !== undefined && !isEmpty(next)) return `${flag} ${next}`;
      if (item.text.startsWith(flag + '=') && !isEmpty(item.text.slice(flag.length + 1))) return item.text;
      if (/^-[^-]$/.test(flag) && item.text.startsWith(flag) && !isEmpty(item.text.slice(2))) return item.text;
    }
    // postgres `-h ''`, `-h""`, `--listen_addresses=`.
    for (const name of off.emptyArgs ?? []) {
      const { flag, text } = flagCase(name, item.text);
      if (text === flag && isEmpty(next)) return `${item.text} ${next || "''"}`;
      if (name.startsWith('--') ? text.startsWith(flag + '=') && isEmpty(text.slice(flag.length + 1)) : text !== flag && text.startsWith(flag) && isEmpty(text.slice(flag.length))) return item.text;
    }
  }
  const v = off.env ? env.vars.get(off.env.name)?.value : undefined;
  if (off.env && v !== undefined && off.env.values.includes(v.trim().toLowerCase())) return `${off.env.name}=${v}`;
  if (off.emptyKeyedArg) {
    const { flag, key } = off.emptyKeyedArg;
    for (const [i, item] of args.entries()) {
      const kv = item.text === flag ? args[i + 1]?.text : item.text.startsWith(flag) ? item.text.slice(flag.length).trim() : undefined;
      // postgres reads `-` in a setting's name as `_` (`-c listen-addresses=`).
      if (kv?.replace(/-/g, '_').startsWith(key + '=') && isEmpty(kv.slice(key.length + 1))) return `${flag} ${kv}`;
    }
  }
  return undefined;
}

/**
 * What a setting's companion bind flag or variable says. `address`: the bind address ('' for
 * every address). `namesPort`: the flag as written when its value names a port too (memcached
 * `-l 0.0.0.0:11212` listens on 11212), so the setting's own port is not the whole story.
 */
export interface BindSetting {
  readonly address: string | undefined;
  readonly namesPort: string | undefined;
}

export function bindSetting(setting: ListenSetting, args: readonly ArgItem[], env: ContainerEnv): BindSetting {
  const flag = setting.bindArgs ? findFlag(args, setting.bindArgs, setting) : undefined;
  const namesPort = flag && expand(flag.value, env).text.split(/[\s,;]+/).some((v) => v !== '' && !/^\d+$/.test(v) && parseAddress(v)?.port !== undefined) ? `${setting.bindArgs?.[0] ?? ''} ${flag.value}` : undefined;
  const raw = flag?.value ?? (setting.bindEnv ?? []).map((n) => env.vars.get(n)?.value).find((v) => v !== undefined);
  return { address: raw === undefined ? undefined : firstBindAddress(expand(raw, env).text), namesPort };
}

/**
 * Several addresses (redis `--bind a b`): one that covers everything wins, else one the pod IP
 * reaches (what probes and Services see), else the first. Redis 7 marks an address it may fail
 * to bind with `-` (`bind 127.0.0.1 -::1`).
 */
function firstBindAddress(text: string): string {
  const parsed = text.split(/[\s,]+/).filter(Boolean).map((a) => a.replace(/^-(?=[\d:[])/, '')).map((a) => parseAddress(a)?.address ?? a);
  return parsed.includes('') || parsed.length === 0 ? '' : (parsed.find((a) => !isLoopback(a)) ?? parsed[0] ?? '');
}

/** Args as the program reads them: MySQL's `--loose-port=3307` is `--port=3307` (the item keeps its node). */
export function withoutModifiers(args: ArgItem[], modifiers: readonly string[] | undefined): ArgItem[] {
  if (!modifiers) return args;
  return args.map((a) => {
    const m = modifiers.find((p) => a.text.toLowerCase().startsWith(p) && a.text.length > p.length);
    return m ? { ...a, text: '--' + a.text.slice(m.length) } : a;
  });
}
