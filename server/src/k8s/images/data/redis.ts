/** Redis and the servers that speak its protocol (Valkey, Redis Stack). */
import type { ImageInfo } from '../types';
import { data, portFlag, tcp } from './helpers';

/** redis-server and valkey-server (or their -sentinel): `--port`, `--bind`, or `port`/`bind` in the .conf file named as the first argument; Sentinel's 26379 and a cluster node's bus port. */
const redisListen = (program: string) => ({
  settings: [
    { ...portFlag(6379, ['--port']), bindArgs: ['--bind'], separate: true, splitsArgs: true },
    // A TLS listener beside the plain one; with `--port 0` the only one.
    { args: ['--tls-port'], value: 'port' as const, bindArgs: ['--bind'], separate: true, splitsArgs: true },
  ],
  config: 'redis' as const,
  // The entrypoint starts redis-server when the first arg is a .conf file.
  configFileArgs: ['.conf'],
  // redis-server prints its version or usage (or tests memory) and exits.
  exitArgs: ['-v', '--version', '-h', '--help', '--test-memory'],
  programs: [`${program}-server`, `${program}-sentinel`],
  complete: true,
});
/**
 * redis-stack's CMD /entrypoint.sh runs redis-server with `${REDIS_ARGS}` last (and
 * /redis-stack.conf when mounted); `args` replace that script and run redis-server themselves.
 */
const redisStackListen = {
  ...redisListen('redis'),
  programs: ['redis-server', 'redis-stack-server'],
  argsEnv: { names: ['REDIS_ARGS'], cmdOnly: true },
  // args replace the entrypoint script: a .conf first arg is no program to run.
  configFileArgs: [],
  configPaths: ['/redis-stack.conf'],
  complete: false,
};

export const redisImages: readonly ImageInfo[] = [
  {
    repository: 'redis',
    title: 'Redis (official image)',
    ports: [tcp(6379, 'Redis protocol')],
    populatedDirs: [],
    dataDirs: [data('/data', 'VOLUME and WORKDIR: dump.rdb / appendonly files')],
    portSetting: { arg: '--port', description: 'Pass `--port N` to redis-server (e.g. args: ["redis-server", "--port", "6380"]).' },
    listen: redisListen('redis'),
    source: 'docker-library/redis debian/Dockerfile (EXPOSE 6379, VOLUME /data, WORKDIR /data)',
  },
  {
    repository: 'valkey/valkey',
    title: 'Valkey (Redis fork)',
    ports: [tcp(6379, 'Redis protocol')],
    populatedDirs: [],
    dataDirs: [data('/data', 'VOLUME and WORKDIR: RDB / AOF files')],
    portSetting: { arg: '--port', description: 'Pass `--port N` to valkey-server.' },
    listen: redisListen('valkey'),
    source: 'valkey-io/valkey-container Dockerfile (EXPOSE 6379, VOLUME /data)',
  },
  {
    repository: 'redis/redis-stack',
    title: 'Redis Stack (server + RedisInsight)',
    ports: [tcp(6379, 'Redis protocol'), tcp(8001, 'RedisInsight web UI')],
    populatedDirs: [],
    dataDirs: [data('/data', 'Documented data directory (docs mount a volume at /data)')],
    portSetting: { env: 'REDIS_ARGS', description: 'Set REDIS_ARGS="--port N" (extra arguments for redis-server).' },
    // RedisInsight (8001) is started by the CMD's entrypoint script only.
    listen: { ...redisStackListen, cmdPorts: [8001] },
    source: 'redis-stack docs: docker run -p 6379:6379 -p 8001:8001 redis/redis-stack; -v …:/data; etc/scripts/entrypoint.sh (REDIS_ARGS)',
  },
  {
    repository: 'redis/redis-stack-server',
    title: 'Redis Stack server',
    ports: [tcp(6379, 'Redis protocol')],
    populatedDirs: [],
    dataDirs: [data('/data', 'Documented data directory (docs mount a volume at /data)')],
    portSetting: { env: 'REDIS_ARGS', description: 'Set REDIS_ARGS="--port N" (extra arguments for redis-server).' },
    listen: redisStackListen,
    source: 'redis-stack docs: docker run -p 6379:6379 redis/redis-stack-server; etc/scripts/entrypoint.sh (REDIS_ARGS)',
  },
];
