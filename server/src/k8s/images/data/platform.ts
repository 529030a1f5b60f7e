/** Messaging, coordination, secrets, storage and identity services. */
import type { ImageInfo, ListenModel } from '../types';
import { addressFlag, configured, data, dir, portFlag, tcp, udp } from './helpers';

const KEYCLOAK_PORTS = [tcp(8080, 'HTTP (start-dev, or with http-enabled)'), tcp(8443, 'HTTPS')];

// The TLS ports are EXPOSEd but open only with `listeners.ssl.*` (or the plugins' `ssl`) settings.
const rabbitPorts = [
  tcp(4369, 'epmd (Erlang port mapper)'),
  configured(tcp(5671, 'AMQP over TLS (when configured)')),
  tcp(5672, 'AMQP'),
  configured(tcp(15691, 'Prometheus metrics over TLS (when configured)')),
  tcp(15692, 'Prometheus metrics'),
  tcp(25672, 'Erlang distribution (inter-node and CLI tools)'),
];
/** Before 3.9 the image enabled no Prometheus plugin by default (late 3.8 tags did: left unsure). */
const oldRabbitPorts = rabbitPorts.map((p) => (p.port === 15692 ? configured(tcp(15692, 'Prometheus metrics (when the rabbitmq_prometheus plugin is enabled)')) : p));
const rabbitHome = dir('/opt/rabbitmq', 'RABBITMQ_HOME: the server, plugins and CLI tools');
const managementPorts = (base: typeof rabbitPorts) => [...base, configured(tcp(15671, 'Management UI over TLS (when configured)')), tcp(15672, 'Management UI and HTTP API')];

/**
 * The registry listens on `http.addr` of the file its CMD names (REGISTRY_HTTP_ADDR overrides it);
 * the entrypoint runs `registry serve` for a .yml first arg, and execs any other word.
 */
const registryListen = (configFile: string) => ({
  settings: [addressFlag(5000, [], ['REGISTRY_HTTP_ADDR'])],
  config: 'registry' as const,
  configFile,
  configFileArgs: ['.yml', '.yaml'],
  programs: ['registry', 'serve'],
});

export const platform: readonly ImageInfo[] = [
  {
    repository: 'rabbitmq',
    title: 'RabbitMQ (official image)',
    ports: rabbitPorts,
    populatedDirs: [
      dir('/etc/rabbitmq', 'conf.d/10-defaults.conf (loopback users, console logging), enabled_plugins'),
      rabbitHome,
    ],
    dataDirs: [data('/var/lib/rabbitmq', 'VOLUME and HOME: the Mnesia database and the Erlang cookie')],
    portSetting: { env: 'RABBITMQ_NODE_PORT', description: 'Set RABBITMQ_NODE_PORT (AMQP) or listeners.tcp.default in a conf.d file.' },
    listen: { settings: [portFlag(5672, [], ['RABBITMQ_NODE_PORT'])], programs: ['rabbitmq-server'] },
    source: 'docker-library/rabbitmq 4.1/ubuntu/Dockerfile (EXPOSE 4369 5671 5672 15691 15692 25672, VOLUME /var/lib/rabbitmq)',
    variants: [
      {
        // Before 3.9 the entrypoint wrote /etc/rabbitmq/rabbitmq.conf from RABBITMQ_* variables at
        // start; the image shipped the folder empty (a volume there is written at start too).
        name: 'rabbitmq management before 3.9',
        when: { tagWord: 'management', versionBelow: '3.9' },
        ports: managementPorts(oldRabbitPorts),
        populatedDirs: [dir('/etc/rabbitmq', 'enabled_plugins (rabbitmq_management)'), rabbitHome],
        source: '3.7 and 3.8 management/Dockerfile: rabbitmq-plugins enable --offline rabbitmq_management; EXPOSE 15671 15672',
      },
      {
        name: 'rabbitmq management',
        when: { tagWord: 'management' },
        ports: managementPorts(rabbitPorts),
        source: 'management/Dockerfile: EXPOSE 15671 15672',
      },
      {
        name: 'rabbitmq before 3.9',
        when: { versionBelow: '3.9' },
        ports: oldRabbitPorts,
        populatedDirs: [rabbitHome],
        source: 'docker-library/rabbitmq 3.7 and 3.8 Dockerfiles (mkdir -p /etc/rabbitmq, nothing written there; EXPOSE 4369 5671 5672 25672); conf.d/10-defaults.conf since 3.9',
      },
    ],
  },
  {
    repository: 'nats',
    title: 'NATS server (official image)',
    ports: [tcp(4222, 'Client connections'), tcp(6222, 'Cluster routes'), tcp(8222, 'HTTP monitoring')],
    populatedDirs: [],
    dataDirs: [],
    portSetting: { arg: '--port', description: 'Pass `--port N` (or `-p N`) to nats-server, or set `port` in the config file.' },
    listen: {
      settings: [
        { ...portFlag(4222, ['--port', '-p']), bindArgs: ['--addr', '-a', '--net'] },
        portFlag(8222, ['--http_port', '-m']),
        addressFlag(6222, ['--cluster', '--cluster_listen']),
        // Listeners of their own: HTTPS monitoring and the profiler.
        { args: ['--https_port', '-ms'], value: 'port' },
        { args: ['--profile'], value: 'port' },
      ],
      config: 'nats',
      // The CMD's bundled nats-server.conf turns on monitoring and cluster; `args: [-js]` runs without it.
      cmdPorts: [6222, 8222],
      configArgs: ['--config', '-c'],
      programs: ['nats-server'],
      complete: true,
    },
    source: 'nats-io/nats-docker Dockerfile (EXPOSE 4222 8222 6222; the bundled nats-server.conf enables monitoring and cluster)',
  },
  {
    repository: 'eclipse-mosquitto',
    title: 'Eclipse Mosquitto MQTT broker',
    // Mosquitto 2 binds the loopback interface only until a `listener` is configured, and the
    // image's mosquitto.conf configures none ("local only mode"; listen-mosquitto.ts reads a mounted one).
    ports: [{ ...tcp(1883, 'Mosquitto 2 binds 127.0.0.1:1883 only, unless the configuration file it is started with (`-c`) has a `listener` line; the image\'s has none, and without `-c` none is read'), address: '127.0.0.1' }],
    populatedDirs: [dir('/mosquitto/config', 'mosquitto.conf (the default configuration)')],
    dataDirs: [data('/mosquitto/data', 'VOLUME: persistence database'), data('/mosquitto/log', 'VOLUME: log files')],
    portSetting: { description: 'Set `listener N` in mosquitto.conf.' },
    listen: { settings: [], programs: ['mosquitto'], config: 'mosquitto', configFile: '/mosquitto/config/mosquitto.conf', complete: true },
    variants: [
      {
        name: 'Mosquitto 1.x',
        when: { majorAtMost: 1 },
        ports: [tcp(1883, 'MQTT')],
        listen: { settings: [], programs: ['mosquitto'] },
        source: 'Mosquitto 1.x listens on every address by default',
      },
    ],
    source: 'eclipse/mosquitto docker/2.0/Dockerfile (EXPOSE 1883, VOLUME /mosquitto/data /mosquitto/log; CMD /usr/sbin/mosquitto -c /mosquitto/config/mosquitto.conf); mosquitto.org/documentation/migrating-to-2-0 (no listener: 127.0.0.1 only)',
  },
  {
    repository: 'apache/kafka',
    title: 'Apache Kafka',
    ports: [tcp(9092, 'Broker listener (PLAINTEXT)')],
    populatedDirs: [dir('/opt/kafka', 'The installation: bin/, config/, libs/')],
    dataDirs: [],
    // KAFKA_* variables become server.properties lines; KAFKA_LISTENERS says where it listens.
    listen: { settings: [], configPaths: ['/opt/kafka/config', '/mnt/shared/config'], configEnv: ['KAFKA_LISTENERS'], programs: ['run'] },
    source: 'apache/kafka docker/jvm/Dockerfile (EXPOSE 9092)',
  },
  {
    repository: 'zookeeper',
    title: 'Apache ZooKeeper (official image)',
    ports: [
      tcp(2181, 'Client port'),
      tcp(2888, 'Follower connections (ensembles only)'),
      tcp(3888, 'Leader election (ensembles only)'),
      tcp(8080, 'AdminServer (disable with ZOO_ADMINSERVER_ENABLED=false)'),
    ],
    populatedDirs: [],
    dataDirs: [
      data('/data', 'VOLUME (ZOO_DATA_DIR): snapshots and myid'),
      data('/datalog', 'VOLUME (ZOO_DATA_LOG_DIR): transaction log'),
      data('/logs', 'VOLUME (ZOO_LOG_DIR)'),
      data('/conf', 'ZOO_CONF_DIR: the entrypoint writes zoo.cfg only when none is mounted'),
    ],
    // A zoo.cfg of one's own in /conf, extra lines, or the AdminServer turned off move or drop ports.
    // The AdminServer's port is a Java system property, read from the JVM flags zkServer.sh passes on.
    listen: {
      settings: [portFlag(8080, ['-Dzookeeper.admin.serverPort'])],
      argsEnv: { names: ['SERVER_JVMFLAGS', 'JVMFLAGS'] },
      configPaths: ['/conf'],
      configEnv: ['ZOO_CFG_EXTRA', 'ZOO_ADMINSERVER_ENABLED'],
      programs: ['zkServer.sh'],
    },
    source: 'docker-library/zookeeper Dockerfile (EXPOSE 2181 2888 3888 8080, VOLUME /data /datalog /logs)',
    variants: [
      {
        name: 'zookeeper before 3.5',
        when: { versionBelow: '3.5' },
        ports: [tcp(2181, 'Client port'), tcp(2888, 'Follower connections (ensembles only)'), tcp(3888, 'Leader election (ensembles only)')],
        source: 'the AdminServer is new in 3.5.0 (ZooKeeper Administrator\'s Guide); the 3.4.14 image EXPOSEs 2181 2888 3888',
      },
    ],
  },
  {
    repository: 'hashicorp/consul',
    aliases: ['consul'],
    title: 'HashiCorp Consul',
    ports: [
      tcp(8300, 'Server RPC'),
      tcp(8301, 'Serf LAN gossip'),
      udp(8301, 'Serf LAN gossip'),
      tcp(8302, 'Serf WAN gossip'),
      udp(8302, 'Serf WAN gossip'),
      tcp(8500, 'HTTP API and UI'),
      tcp(8600, 'DNS'),
      udp(8600, 'DNS'),
    ],
    populatedDirs: [],
    dataDirs: [
      data('/consul/data', 'VOLUME: agent state'),
      data('/consul/config', 'The documented place to mount configuration files'),
    ],
    listen: { settings: [], programs: ['agent'] },
    source: 'hashicorp/consul Dockerfile (EXPOSE 8300 8301 8301/udp 8302 8302/udp 8500 8600 8600/udp, VOLUME /consul/data)',
  },
  {
    repository: 'hashicorp/vault',
    aliases: ['vault'],
    title: 'HashiCorp Vault',
    ports: [tcp(8200, 'HTTP API and UI')],
    populatedDirs: [],
    dataDirs: [
      data('/vault/file', 'VOLUME: file storage backend'),
      data('/vault/logs', 'VOLUME: audit logs'),
      data('/vault/config', 'The documented place to mount configuration files'),
    ],
    portSetting: { env: 'VAULT_DEV_LISTEN_ADDRESS', description: 'In dev mode set VAULT_DEV_LISTEN_ADDRESS; otherwise the `listener` stanza of the configuration.' },
    listen: { settings: [addressFlag(8200, ['-dev-listen-address'], ['VAULT_DEV_LISTEN_ADDRESS'])], configArgs: ['-config', 'server'] },
    source: 'hashicorp/vault Dockerfile (EXPOSE 8200, VOLUME /vault/logs /vault/file)',
  },
  {
    repository: 'brancz/kube-rbac-proxy',
    aliases: ['kubebuilder/kube-rbac-proxy', 'openshift/origin-kube-rbac-proxy', 'openshift4/ose-kube-rbac-proxy'],
    title: 'kube-rbac-proxy',
    ports: [],
    populatedDirs: [],
    dataDirs: [],
    portSetting: { arg: '--secure-listen-address', description: 'Its listeners are the `--secure-listen-address` and `--insecure-listen-address` arguments (`[host]:port`).' },
    listen: {
      settings: [
        { args: ['--secure-listen-address'], value: 'address' },
        { args: ['--insecure-listen-address'], value: 'address' },
      ],
      configArgs: ['--config-file'],
    },
    source: 'brancz/kube-rbac-proxy README (listeners come from --secure-listen-address / --insecure-listen-address; the upstream is --upstream)',
  },
  {
    repository: 'minio/minio',
    title: 'MinIO object storage',
    ports: [tcp(9000, 'S3 API (the console port is random unless --console-address is given)')],
    populatedDirs: [],
    dataDirs: [data('/data', 'VOLUME: the conventional storage directory (`minio server /data`)')],
    portSetting: { arg: '--address', description: 'Pass `--address :N` (and `--console-address :M` for the console).' },
    listen: { settings: [addressFlag(9000, ['--address'], ['MINIO_ADDRESS']), { args: ['--console-address'], env: ['MINIO_CONSOLE_ADDRESS'], value: 'address' }], programs: ['minio', 'server', 'gateway'] },
    source: 'minio/minio Dockerfile.release (EXPOSE 9000, VOLUME /data)',
  },
  {
    repository: 'registry',
    title: 'Distribution registry (official image)',
    ports: [tcp(5000, 'Registry HTTP API')],
    populatedDirs: [dir('/etc/distribution', 'config.yml (the default configuration, 3.x)')],
    dataDirs: [data('/var/lib/registry', 'VOLUME: the filesystem storage driver root')],
    portSetting: { env: 'REGISTRY_HTTP_ADDR', description: 'Set REGISTRY_HTTP_ADDR, e.g. `:5001`.' },
    listen: registryListen('/etc/distribution/config.yml'),
    source: 'distribution/distribution-library-image Dockerfile (EXPOSE 5000, VOLUME /var/lib/registry, CMD the config file), docker-entrypoint.sh, config-example.yml (http.addr :5000)',
    variants: [
      {
        name: 'registry 2.x',
        when: { majorAtMost: 2 },
        populatedDirs: [dir('/etc/docker/registry', 'config.yml (the default configuration, 2.x)')],
        listen: registryListen('/etc/docker/registry/config.yml'),
        source: '2.x: configuration in /etc/docker/registry',
      },
    ],
  },
  {
    repository: 'keycloak/keycloak',
    title: 'Keycloak (quay.io/keycloak/keycloak)',
    ports: [...KEYCLOAK_PORTS, tcp(9000, 'Management interface: /health and /metrics (25+, with health or metrics enabled)')],
    populatedDirs: [dir('/opt/keycloak', 'The server: bin/, conf/keycloak.conf, lib/, providers/, themes/')],
    dataDirs: [data('/opt/keycloak/data', 'Data directory (dev-file H2 database, transaction logs)')],
    portSetting: { env: 'KC_HTTP_PORT', description: 'Set KC_HTTP_PORT / KC_HTTPS_PORT (or --http-port / --https-port).' },
    listen: keycloakListen(false, true),
    source: 'keycloak/keycloak quarkus/container/Dockerfile (EXPOSE 8080 8443) and the Keycloak guides (http-enabled, keycloak.conf, management interface)',
    variants: [
      { name: 'keycloak 24 and older', when: { majorAtMost: 24 }, ports: KEYCLOAK_PORTS, listen: keycloakListen(true, false), source: 'before 25: /health and /metrics on the HTTP port' },
      { name: 'keycloak 25', when: { majorAtMost: 25 }, listen: keycloakListen(true, true), source: 'before 26: proxy=edge also enables HTTP' },
    ],
  },
  {
    repository: 'flink',
    title: 'Apache Flink (official image)',
    ports: [tcp(8081, 'Web UI and REST API (jobmanager)'), tcp(6123, 'JobManager RPC')],
    populatedDirs: [dir('/opt/flink', 'FLINK_HOME: bin/, conf/, lib/, plugins/')],
    dataDirs: [],
    // rest.port and the RPC port in FLINK_PROPERTIES or a mounted flink-conf.yaml / config.yaml.
    listen: { settings: [], configPaths: ['/opt/flink/conf'], configEnv: ['FLINK_PROPERTIES'], programs: ['jobmanager', 'standalone-job'] },
    source: 'apache/flink-docker Dockerfile (EXPOSE 8081 6123)',
  },
];

/**
 * Keycloak (Quarkus, 17+): `start-dev` opens HTTP 8080; `start` (production) only with
 * `http-enabled=true`, or, before Keycloak 26 removed the option, `proxy=edge`. From Keycloak 25
 * the management interface (9000: /health, /metrics) opens when health or metrics is enabled.
 * The options come from args, then KC_* variables, then conf/keycloak.conf; `--config-file`
 * names another file.
 */
function keycloakListen(proxyEdge: boolean, management: boolean): ListenModel {
  const httpEnabled = { args: ['--http-enabled'], env: ['KC_HTTP_ENABLED'], on: ['true'], off: ['false'] };
  const proxy = { args: ['--proxy'], env: ['KC_PROXY'], on: ['edge'], off: ['reencrypt', 'passthrough', 'none'] };
  const health = { args: ['--health-enabled'], env: ['KC_HEALTH_ENABLED'], on: ['true'], off: ['false'] };
  const metrics = { args: ['--metrics-enabled'], env: ['KC_METRICS_ENABLED'], on: ['true'], off: ['false'] };
  const managementPort = portFlag(9000, ['--http-management-port'], ['KC_HTTP_MANAGEMENT_PORT']);
  return {
    settings: [portFlag(8080, ['--http-port'], ['KC_HTTP_PORT']), portFlag(8443, ['--https-port'], ['KC_HTTPS_PORT']), ...(management ? [managementPort] : [])],
    switchedPorts: [
      { port: 8080, modes: ['start'], settings: proxyEdge ? [httpEnabled, proxy] : [httpEnabled] },
      ...(management ? [{ port: 9000, modes: ['start', 'start-dev'], settings: [health, metrics] }] : []),
    ],
    propertiesFile: { path: '/opt/keycloak/conf/keycloak.conf', envPrefix: 'KC_' },
    configArgs: ['--config-file', '-cf'],
    configEnv: ['KC_CONFIG_FILE'],
    programs: ['kc.sh', 'start', 'start-dev'],
  };
}
