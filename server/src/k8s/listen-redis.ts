/**
 * redis-server (and valkey-server) read a configuration file only when it is named as the first
 * argument (`redis-server /etc/redis/redis.conf`); its `port` and `bind` lines then set the
 * listener, and flags after it (`--port`) override them.
 */
import type { ConfigMapIndex } from './config-maps';
import { fileAt, isFile, redisConfigPort, type ConfigListen } from './listen-config';
import { directiveIn, reason, type UnsureReason } from './listen-reasons';
import { parseAddress, type ArgItem } from './listen-values';
import type { ContainerModel, PodModel } from './pod-model';

export interface RedisConfig {
  readonly port?: number;
  readonly bind?: string;
  readonly origin: string;
  readonly listen?: ConfigListen;
}

/** The listener a mounted redis.conf sets; undefined without a .conf argument; a string says why it is unsure. */
export function readRedisConfig(pod: PodModel, container: ContainerModel, args: readonly ArgItem[], configMaps: ConfigMapIndex): RedisConfig | UnsureReason | undefined {
  const at = args[0]?.text.endsWith('.conf') ? 0 : args[1]?.text.endsWith('.conf') && !args[0]?.text.startsWith('-') ? 1 : -1;
  const path = args[at]?.text;
  if (path === undefined) return undefined;
  const file = fileAt(pod, container, path, configMaps);
  if (file === undefined) return reason('file-not-mounted', { path });
  if (!isFile(file)) return file;
  const conf = redisConfigPort(file.text);
  if (conf.unsure) return directiveIn(conf.unsure, path);
  const bind = conf.bind === undefined ? undefined : conf.bind.split(/\s+/).map((a) => parseAddress(a.replace(/^-/, ''))?.address ?? a);
  const address = bind === undefined || bind.includes('') ? '' : bind[0];
  const port = conf.port;
  const directive = port !== undefined ? `port ${port}` : 'bind';
  return {
    ...(port !== undefined ? { port } : {}),
    ...(address !== undefined ? { bind: address } : {}),
    origin: `${directive} (ConfigMap "${file.configMap.name}", ${file.key})`,
    ...(port !== undefined ? { listen: { port, protocol: 'TCP' as const, address: address ?? '', directive, configMap: file.configMap, key: file.key } } : {}),
  };
}
