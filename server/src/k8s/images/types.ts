/**
 * Shapes of the built-in image knowledge (see image-table.ts) and of the knowledge users add
 * through the `podsight.images` setting or the CLI config file.
 */

export type PortProtocol = 'TCP' | 'UDP' | 'SCTP';

/** A port the image listens on by default (its EXPOSE list, or a documented default). */
export interface ImagePort {
  readonly port: number;
  readonly protocol: PortProtocol;
  readonly description: string;
  /**
   * EXPOSEd, but opened only when configured (rabbitmq's TLS ports): shown with the image, not a
   * listener of its own.
   */
  readonly configured?: boolean;
  /** The address the default listener binds when it is not every address of the pod (Mosquitto 2: `127.0.0.1`). */
  readonly address?: string;
}

/** A directory the image ships content in: a volume mounted at or above it hides that content. */
export interface PopulatedDir {
  readonly path: string;
  /** What is there, e.g. `nginx.conf, mime.types, conf.d/default.conf`. */
  readonly contents: string;
  /**
   * Mount paths that make the image's entrypoint write into this directory (nginx renders the
   * templates mounted at /etc/nginx/templates into conf.d): with one of them mounted, a volume
   * here does not stay empty.
   */
  readonly filledFrom?: readonly string[];
  /** Variables that make the entrypoint write into it too (nginx's `NGINX_ENVSUBST_TEMPLATE_DIR`). */
  readonly filledFromEnv?: readonly string[];
  /**
   * What makes the program read another layout, so that this directory does not matter: a file
   * mounted over its configuration (`/etc/nginx/nginx.conf`), or a flag (`-c`, a test run's `-t`).
   */
  readonly unusedWith?: { readonly mounts?: readonly string[]; readonly args?: readonly string[] };
  /**
   * Judged only under a volume that surely starts empty: a ConfigMap here is the image's
   * documented way to configure it (nginx conf.d), not worth a note.
   */
  readonly emptyOnly?: boolean;
}

/** A directory meant to be mounted: a `VOLUME`, the documented data directory, or a documented mount point. */
export interface DataDir {
  readonly path: string;
  readonly why: string;
}

/** How to make the image listen on another port. */
export interface PortSetting {
  /** Environment variable that sets the port, e.g. `GF_SERVER_HTTP_PORT`. */
  readonly env?: string;
  /** Command-line argument that sets the port, e.g. `--port`. */
  readonly arg?: string;
  readonly description: string;
}

/**
 * One documented way a container moves (or adds) a listener of the image: data for the
 * effective-listener model (k8s/listeners.ts). Every form the image accepts is listed, so the
 * model reads the container's `args` and `env` as the process will.
 */
export interface ListenSetting {
  /** The default port (of the entry's `ports`, every protocol) it moves; omitted: it adds a listener. */
  readonly port?: number;
  /** Flags, as written on the command line (`--web.listen-address`, `--port`, `-p`); a single-dash flag is compared exactly, a `--long` one case-insensitively. */
  readonly args?: readonly string[];
  /** A flag whose value is `key=value`: `-c port=5433` (postgres). */
  readonly keyedArg?: { readonly flag: string; readonly key: string };
  /** Environment variables the image reads. */
  readonly env?: readonly string[];
  /** The value is a port number, or an address (`host:port`, `:port`, `[addr]:port`; empty: listener off). */
  readonly value: 'port' | 'address';
  /** Flags or variables that set only the bind address (`--bind_ip`, `-l`, `GF_SERVER_HTTP_ADDR`). */
  readonly bindArgs?: readonly string[];
  readonly bindEnv?: readonly string[];
  /** The program takes `--flag value` only (redis-server): fixes write the two words. */
  readonly separate?: boolean;
  /**
   * The program reads options with getopt (memcached, postgres): a short flag's value may follow
   * it in the same argument (`-p11212`, `-cport=5434`, `"-p 11212"`).
   */
  readonly getopt?: boolean;
  /** The program splits an argument holding a flag and its value (`"--port 6380"`, redis-server). */
  readonly splitsArgs?: boolean;
  /** Protocol of an added listener (TCP when omitted). */
  readonly protocol?: PortProtocol;
  /**
   * Each occurrence of the flag adds a listener (kingpin `.Strings()` flags: `--web.listen-address`
   * of Prometheus 3, Alertmanager, node-exporter): given twice, the ports are not read.
   */
  readonly repeatable?: boolean;
}

export interface TcpOff {
  /** Flags that turn TCP off when given (`--skip-networking`; `=0`, `=off`, `=false` do not). */
  readonly args?: readonly string[];
  /** A variable with one of these values (case-insensitive). */
  readonly env?: { readonly name: string; readonly values: readonly string[] };
  /** Flags with a value whose use turns TCP off (memcached `-s <socket>`: "disables network support"). */
  readonly valueArgs?: readonly string[];
  /** Flags whose empty value turns TCP off (postgres `-h ''`, `--listen_addresses=`). */
  readonly emptyArgs?: readonly string[];
  /** `-c key=` with an empty value (or `''`). */
  readonly emptyKeyedArg?: { readonly flag: string; readonly key: string };
}

/**
 * A default port that is off under some subcommands unless a setting turns it on: Keycloak's
 * HTTP 8080 under `kc.sh start` (production mode) needs `http-enabled=true`, or `proxy=edge`
 * before Keycloak 26; `start-dev` always opens it.
 */
export interface PortSwitch {
  readonly port: number;
  /** Subcommands (the first word of the command line that is not a flag, after the program) under which it is off by default. */
  readonly modes: readonly string[];
  /** Settings that turn it on with one of `on`, or leave it off with one of `off` (compared case-insensitively); args win over env. */
  readonly settings: readonly { readonly args: readonly string[]; readonly env: readonly string[]; readonly on: readonly string[]; readonly off: readonly string[] }[];
}

/** How the image's process learns its ports, beyond its defaults (see docs/images.md). */
export interface ListenModel {
  readonly settings: readonly ListenSetting[];
  /**
   * A configuration format Podsight reads from ConfigMaps: nginx `listen`, redis.conf `port`,
   * httpd `Listen`, Caddyfile site addresses, Envoy's static listeners, Traefik's entry points,
   * the ports of a nats-server `--config` file, the registry's `http.addr`, Tomcat's `<Connector port>`
   * in conf/server.xml.
   */
  readonly config?: 'nginx' | 'redis' | 'httpd' | 'caddy' | 'envoy' | 'traefik' | 'nats' | 'registry' | 'tomcat' | 'mosquitto';
  /**
   * Directories whose content can change the ports in ways Podsight does not read (a mounted
   * my.cnf, grafana.ini): a volume mounted at, above or below one makes the ports uncertain.
   */
  readonly configPaths?: readonly string[];
  /** Argument prefixes that load such configuration (`--config`, `-c config_file=`; `--x*`: any flag starting so). */
  readonly configArgs?: readonly string[];
  /**
   * Flags (`--x*`: any flag starting so) that turn on a feature with listeners of its own that
   * Podsight does not model: Galera (`--wsrep*`: 4567, and 4568/4444 for state transfers), Group
   * Replication (`--group-replication*`: 33061).
   */
  readonly featureArgs?: readonly string[];
  /**
   * Long-option prefixes the program drops before reading the option (MySQL's `--loose-`
   * modifier: `--loose-skip-networking` is `--skip-networking`).
   */
  readonly optionModifiers?: readonly string[];
  /**
   * Default ports only the image's CMD opens (nats: its bundled configuration file turns on
   * cluster 6222 and monitoring 8222). `args` replace the CMD: these ports then listen only when
   * a setting names them or the args load that file again.
   */
  readonly cmdPorts?: readonly number[];
  /**
   * Settings that turn the process's TCP listeners off (mysqld `--skip-networking`, grafana
   * `GF_SERVER_PROTOCOL=socket`, postgres `-c listen_addresses=`): it then listens on no port.
   */
  readonly tcpOff?: TcpOff;
  /**
   * Variables whose words the image's start script passes to the server as arguments, before the
   * container's `args` (jenkins.sh: `JENKINS_OPTS`). `cmdOnly`: that script is the image's CMD
   * (redis-stack's /entrypoint.sh: `REDIS_ARGS`), so `args` replace it and the variables go unread.
   */
  readonly argsEnv?: { readonly names: readonly string[]; readonly cmdOnly?: boolean };
  /**
   * A `key=value` file the image reads below its environment (Keycloak's conf/keycloak.conf):
   * when mounted from a ConfigMap, a line `http-port=8180` counts as the variable `KC_HTTP_PORT`
   * (prefix, key upper-cased, `-` and `.` as `_`) unless the container sets that variable.
   */
  readonly propertiesFile?: { readonly path: string; readonly envPrefix: string };
  /** Default ports that some subcommands open only when a setting turns them on (see PortSwitch). */
  readonly switchedPorts?: readonly PortSwitch[];
  /** Environment variables that point the image at another configuration file (`GF_PATHS_CONFIG`). */
  readonly configEnv?: readonly string[];
  /** A suffix that makes a setting's variable read its value from a file (grafana's `GF_SERVER_HTTP_PORT__FILE`). */
  readonly fileEnvSuffix?: string;
  /** The image's CMD when it holds flags (`--config.file=…`): `args` replace it, so a fix that adds args keeps these first. */
  readonly cmd?: readonly string[];
  /** Programs `args[0]` may name and still run the image's server (`nginx-debug`, `redis-server`). */
  readonly programs?: readonly string[];
  /**
   * Endings of a first arg the entrypoint starts the server with, as its configuration file
   * (redis `/conf/redis.conf`, registry `/etc/registry/config.yml`): no other program.
   */
  readonly configFileArgs?: readonly string[];
  /** Flags that make the server print or test something and exit, binding nothing (`nginx -t`, `postgres --version`). */
  readonly exitArgs?: readonly string[];
  /** The configuration file the image's CMD names, read by `config` (registry's config.yml). */
  readonly configFile?: string;
  /**
   * The image listens on its default ports, as moved by `settings` and `config`, and on nothing
   * else: a declared containerPort it does not serve is reported (`port-not-served`).
   */
  readonly complete?: boolean;
}

/** When a tag variant applies. All given conditions must hold. */
export interface VariantCondition {
  /** The tag's leading major version is at most this (`postgres:17-alpine` → 17). */
  readonly majorAtMost?: number;
  /** The tag's leading major version is at least this. */
  readonly majorAtLeast?: number;
  /** One of the tag's `-`-separated words equals this (`8.3-fpm-alpine` → `fpm`). */
  readonly tagWord?: string;
  /** The tag's leading `major.minor` version is below this (`v0.14.0` is below `0.15`), for 0.x projects. */
  readonly versionBelow?: string;
}

/**
 * Facts that differ for some tags. The entry itself describes what the `latest` tag (or an
 * unknown tag) runs; the first variant whose condition holds replaces the fields it gives.
 */
export interface ImageVariant {
  /** e.g. `postgres 17 and older`. */
  readonly name: string;
  readonly when: VariantCondition;
  readonly ports?: readonly ImagePort[];
  readonly populatedDirs?: readonly PopulatedDir[];
  readonly dataDirs?: readonly DataDir[];
  readonly portSetting?: PortSetting;
  readonly listen?: ListenModel;
  /** Extra source for this variant's facts; appended to the entry's source. */
  readonly source?: string;
}

/** Built-in knowledge about one image repository. */
export interface ImageInfo {
  /** Matching key: the repository path without registry and without `library/` (e.g. `nginx`, `grafana/grafana`). */
  readonly repository: string;
  /** Other repository paths (or full references; registry and tag are dropped) that run the same image. */
  readonly aliases?: readonly string[];
  readonly title: string;
  readonly ports: readonly ImagePort[];
  readonly populatedDirs: readonly PopulatedDir[];
  readonly dataDirs: readonly DataDir[];
  readonly portSetting?: PortSetting;
  /** How the process's ports follow args, env and config (see ListenModel). */
  readonly listen?: ListenModel;
  /** Where the facts come from, e.g. `docker-library/redis Dockerfile (EXPOSE 6379, VOLUME /data)`. */
  readonly source: string;
  readonly variants?: readonly ImageVariant[];
}

/** User-supplied knowledge for one repository (`podsight.images` setting, CLI config file). */
export interface UserImageInfo {
  readonly ports?: readonly (number | { readonly port: number; readonly protocol?: string })[];
  readonly populatedDirs?: readonly string[];
  readonly dataDirs?: readonly string[];
}

/** Where a resolved fact comes from. */
export type FactOrigin = 'builtin' | 'user';

export interface ResolvedPort extends ImagePort {
  readonly origin: FactOrigin;
}

export interface ResolvedPopulatedDir extends PopulatedDir {
  readonly origin: FactOrigin;
}

export interface ResolvedDataDir extends DataDir {
  readonly origin: FactOrigin;
}

/** What Podsight knows about the image of one container, with the origin of every fact. */
export interface ResolvedImage {
  /** The image reference as written. */
  readonly image: string;
  /** The repository key the reference normalised to (e.g. `nginx` for `docker.io/library/nginx:1.27`). */
  readonly repository: string;
  /** The built-in entry that matched (its `repository`), if any. */
  readonly builtinRepository?: string;
  readonly title: string;
  /** The tag variant that applied, e.g. `postgres 17 and older`. */
  readonly variant?: string;
  readonly ports: readonly ResolvedPort[];
  readonly populatedDirs: readonly ResolvedPopulatedDir[];
  readonly dataDirs: readonly ResolvedDataDir[];
  readonly portSetting?: PortSetting;
  /** Only from the built-in table; user knowledge that replaces the ports drops it. */
  readonly listen?: ListenModel;
  /** One-line provenance for messages: the built-in source, the user settings, or both. */
  readonly source: string;
  /** Provenance of `ports` alone: the user settings when they replaced the built-in ports. */
  readonly portsSource: string;
  /** The built-in source alone (with the variant's source), when a built-in entry matched. */
  readonly builtinSource?: string;
  /** True when user-supplied knowledge contributed. */
  readonly fromUser: boolean;
  /** True when the built-in table contributed. */
  readonly fromBuiltin: boolean;
}
