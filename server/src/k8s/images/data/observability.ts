/** Metrics, logs, tracing and dashboards. */
import type { ImageInfo, ListenSetting } from '../types';
import { addressFlag, data, dir, portFlag, tcp, udp } from './helpers';

/**
 * The Prometheus exporters' `--web.listen-address` ([host]:port), their only listener; repeatable
 * (exporter-toolkit's kingpin flag, Prometheus 3), so two of them are two listeners.
 */
const webAddress = (port: number): ListenSetting => ({ ...addressFlag(port, ['--web.listen-address']), repeatable: true });
const webListen = (port: number) => ({ settings: [webAddress(port)], complete: true });

const listenAddress = { arg: '--web.listen-address', description: 'Pass `--web.listen-address=:N`.' };

export const observability: readonly ImageInfo[] = [
  {
    repository: 'prom/prometheus',
    aliases: ['prometheus/prometheus'],
    title: 'Prometheus',
    ports: [tcp(9090, 'HTTP (UI, API, /metrics)')],
    populatedDirs: [dir('/usr/share/prometheus', 'console_libraries/ and consoles/ (older releases)')],
    dataDirs: [
      data('/prometheus', 'VOLUME and WORKDIR: the TSDB'),
      data('/etc/prometheus', 'Holds the default prometheus.yml; the docs show mounting a directory with your prometheus.yml here'),
    ],
    portSetting: listenAddress,
    listen: { ...webListen(9090), cmd: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.path=/prometheus'] },
    source: 'prometheus/prometheus Dockerfile (EXPOSE 9090, VOLUME /prometheus, WORKDIR /prometheus)',
  },
  {
    repository: 'prom/alertmanager',
    aliases: ['prometheus/alertmanager'],
    title: 'Prometheus Alertmanager',
    ports: [
      tcp(9093, 'HTTP (UI, API)'),
      tcp(9094, 'Cluster gossip (--cluster.listen-address default 0.0.0.0:9094)'),
      udp(9094, 'Cluster gossip'),
    ],
    populatedDirs: [dir('/etc/alertmanager', 'alertmanager.yml (the default configuration)')],
    dataDirs: [data('/alertmanager', 'VOLUME and WORKDIR: silences and notification log')],
    portSetting: listenAddress,
    listen: { ...webListen(9093), cmd: ['--config.file=/etc/alertmanager/alertmanager.yml', '--storage.path=/alertmanager'], settings: [webAddress(9093), addressFlag(9094, ['--cluster.listen-address'])] },
    source: 'prometheus/alertmanager Dockerfile (EXPOSE 9093, VOLUME /alertmanager); --cluster.listen-address default',
    // The memberlist cluster on 9094 (--cluster.*) came with 0.15.0; 0.5 to 0.14 gossip over
    // Weaveworks mesh on 6783 (--mesh.listen-address, empty: off); before 0.5 no clustering.
    variants: [
      { name: 'alertmanager before 0.5', when: { versionBelow: '0.5' }, ports: [tcp(9093, 'HTTP (UI, API)')], listen: { settings: [webAddress(9093)] }, source: 'before 0.5: no clustering' },
      {
        name: 'alertmanager 0.5 to 0.14 (mesh)',
        when: { versionBelow: '0.15' },
        ports: [tcp(9093, 'HTTP (UI, API)'), tcp(6783, 'Mesh gossip (--mesh.listen-address default 0.0.0.0:6783)')],
        listen: { ...webListen(9093), cmd: ['--config.file=/etc/alertmanager/config.yml', '--storage.path=/alertmanager'], settings: [webAddress(9093), addressFlag(6783, ['--mesh.listen-address'])] },
        source: 'CHANGELOG 0.15.0: memberlist replaced mesh (--mesh.* became --cluster.*); mesh.listen-address default 0.0.0.0:6783',
      },
    ],
  },
  {
    repository: 'prom/node-exporter',
    aliases: ['prometheus/node-exporter'],
    title: 'Prometheus node exporter',
    ports: [tcp(9100, 'HTTP /metrics')],
    populatedDirs: [],
    dataDirs: [],
    portSetting: listenAddress,
    listen: webListen(9100),
    source: 'prometheus/node_exporter Dockerfile (EXPOSE 9100)',
  },
  {
    repository: 'prom/pushgateway',
    aliases: ['prometheus/pushgateway'],
    title: 'Prometheus Pushgateway',
    ports: [tcp(9091, 'HTTP (push API, /metrics)')],
    populatedDirs: [],
    dataDirs: [],
    portSetting: listenAddress,
    listen: webListen(9091),
    source: 'prometheus/pushgateway Dockerfile (EXPOSE 9091)',
  },
  {
    repository: 'prom/blackbox-exporter',
    aliases: ['prometheus/blackbox-exporter'],
    title: 'Prometheus blackbox exporter',
    ports: [tcp(9115, 'HTTP (/probe, /metrics)')],
    populatedDirs: [dir('/etc/blackbox_exporter', 'config.yml (the default modules)')],
    dataDirs: [],
    portSetting: listenAddress,
    listen: { ...webListen(9115), cmd: ['--config.file=/etc/blackbox_exporter/config.yml'] },
    source: 'prometheus/blackbox_exporter Dockerfile (EXPOSE 9115, config /etc/blackbox_exporter/config.yml)',
  },
  {
    repository: 'grafana/grafana',
    aliases: ['grafana/grafana-oss', 'grafana/grafana-enterprise'],
    title: 'Grafana',
    ports: [tcp(3000, 'HTTP (UI and API)')],
    populatedDirs: [
      dir('/etc/grafana', 'grafana.ini (the configuration GF_PATHS_CONFIG names) and ldap.toml'),
      dir('/usr/share/grafana', 'conf/defaults.ini, public/ (the web UI) and bin/ (GF_PATHS_HOME, the working folder)'),
    ],
    dataDirs: [
      data('/var/lib/grafana', 'GF_PATHS_DATA: the SQLite database and plugins; the docs say to persist it'),
      data('/etc/grafana/provisioning', 'GF_PATHS_PROVISIONING: empty sub-directories for datasources/dashboards; meant to be mounted'),
    ],
    portSetting: { env: 'GF_SERVER_HTTP_PORT', description: 'Set GF_SERVER_HTTP_PORT.' },
    listen: {
      settings: [{ ...portFlag(3000, [], ['GF_SERVER_HTTP_PORT']), bindEnv: ['GF_SERVER_HTTP_ADDR'] }],
      configPaths: ['/etc/grafana'],
      configArgs: ['--config', 'cfg:'],
      // run.sh passes --config="$GF_PATHS_CONFIG", and exports each GF_*__FILE variable from its file.
      configEnv: ['GF_PATHS_CONFIG'],
      fileEnvSuffix: '__FILE',
      // protocol = socket: a unix socket (GF_SERVER_SOCKET) instead of http_port.
      tcpOff: { env: { name: 'GF_SERVER_PROTOCOL', values: ['socket'] } },
      complete: true,
    },
    source: 'grafana/grafana Dockerfile (EXPOSE 3000, GF_PATHS_* environment, no VOLUME)',
  },
  {
    repository: 'kbudde/rabbitmq-exporter',
    aliases: ['kbudde/rabbitmq_exporter'],
    title: 'RabbitMQ exporter (kbudde)',
    ports: [tcp(9419, 'HTTP /metrics')],
    populatedDirs: [],
    dataDirs: [],
    portSetting: { env: 'PUBLISH_PORT', description: 'Set `PUBLISH_PORT` (and `PUBLISH_ADDR` for the address).' },
    listen: {
      settings: [{ ...portFlag(9419, [], ['PUBLISH_PORT']), bindEnv: ['PUBLISH_ADDR'] }],
      // A JSON configuration file may set `publish_port` too.
      configArgs: ['-config-file', '--config-file'],
      complete: true,
    },
    source: 'kbudde/rabbitmq_exporter README (PUBLISH_PORT, default 9419) and Dockerfile (EXPOSE 9419)',
  },
  {
    repository: 'grafana/loki',
    title: 'Grafana Loki',
    ports: [tcp(3100, 'HTTP (push and query API)')],
    populatedDirs: [dir('/etc/loki', 'local-config.yaml (the configuration the default CMD loads)')],
    dataDirs: [data('/loki', 'Storage path (path_prefix) of the default configuration: chunks, rules, index')],
    portSetting: { arg: '-server.http-listen-port', description: 'Pass `-server.http-listen-port=N` or set server.http_listen_port.' },
    listen: { settings: [portFlag(3100, ['-server.http-listen-port', '--server.http-listen-port'])] },
    source: 'grafana/loki cmd/loki/Dockerfile (EXPOSE 3100, CMD -config.file=/etc/loki/local-config.yaml)',
  },
  {
    repository: 'kibana/kibana',
    aliases: ['kibana'],
    title: 'Kibana',
    ports: [tcp(5601, 'HTTP (UI)')],
    populatedDirs: [dir('/usr/share/kibana/config', 'kibana.yml (and node.options from 7.9)')],
    dataDirs: [data('/usr/share/kibana/data', 'Data path (UUID, plugin data)')],
    portSetting: { env: 'SERVER_PORT', description: 'Set SERVER_PORT (mapped to server.port).' },
    // kibana-docker turns SERVER_PORT / SERVER_HOST into --server.port / --server.host before "$@".
    listen: {
      settings: [{ ...portFlag(5601, ['--server.port'], ['SERVER_PORT']), bindArgs: ['--server.host'], bindEnv: ['SERVER_HOST'] }],
      configPaths: ['/usr/share/kibana/config'],
      programs: ['kibana-docker', 'kibana'],
    },
    source: 'elastic/dockerfiles kibana/Dockerfile (EXPOSE 5601)',
  },
  {
    repository: 'opensearchproject/opensearch-dashboards',
    title: 'OpenSearch Dashboards',
    ports: [tcp(5601, 'HTTP (UI)')],
    populatedDirs: [dir('/usr/share/opensearch-dashboards/config', 'opensearch_dashboards.yml')],
    dataDirs: [],
    source: 'opensearch-project/opensearch-build dashboards Dockerfile (EXPOSE 5601)',
  },
  {
    repository: 'logstash/logstash',
    aliases: ['logstash'],
    title: 'Logstash',
    ports: [tcp(5044, 'Beats input of the default pipeline'), tcp(9600, 'Monitoring API')],
    populatedDirs: [dir('/usr/share/logstash/config', 'logstash.yml, pipelines.yml, jvm.options, log4j2.properties')],
    dataDirs: [
      data('/usr/share/logstash/pipeline', 'Holds the default logstash.conf; the docs mount your pipeline configuration here'),
      data('/usr/share/logstash/data', 'Data path (persistent queues, dead-letter queue)'),
    ],
    listen: { settings: [], programs: ['logstash'] },
    source: 'elastic/dockerfiles logstash/Dockerfile (EXPOSE 9600 5044)',
  },
  {
    repository: 'jaegertracing/all-in-one',
    title: 'Jaeger all-in-one (v1)',
    ports: [
      tcp(16686, 'Query UI'),
      tcp(4317, 'OTLP gRPC (1.35 and later)'),
      tcp(4318, 'OTLP HTTP (1.35 and later)'),
      tcp(14250, 'Collector gRPC (model.proto)'),
      tcp(14268, 'Collector HTTP (Thrift)'),
      tcp(14269, 'Admin (health check, /metrics)'),
      tcp(5778, 'Agent: sampling configuration'),
      udp(6831, 'Agent: Thrift compact'),
      udp(6832, 'Agent: Thrift binary'),
    ],
    populatedDirs: [],
    dataDirs: [],
    source: 'jaegertracing/jaeger all-in-one Dockerfile and the Jaeger v1 getting-started docs (16686 UI, 4317/4318 OTLP, 14250/14268 collector, 14269 admin, 5778 and 6831/6832 UDP agent)',
  },
  {
    repository: 'jaegertracing/jaeger',
    title: 'Jaeger v2',
    ports: [tcp(16686, 'Query UI'), tcp(4317, 'OTLP gRPC'), tcp(4318, 'OTLP HTTP')],
    populatedDirs: [],
    dataDirs: [],
    source: 'Jaeger v2 getting-started docs (16686 UI, 4317/4318 OTLP)',
  },
  {
    // Every port comes from a configuration file: the image's own (`--config /etc/otelcol/config.yaml`
    // in its CMD) or the one `--config` names, which Podsight does not read (sweep EV).
    repository: 'otel/opentelemetry-collector',
    aliases: ['otel/opentelemetry-collector-contrib', 'otel/opentelemetry-collector-dev', 'otel/opentelemetry-collector-k8s', 'open-telemetry/opentelemetry-collector-releases/opentelemetry-collector', 'open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib', 'open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-k8s'],
    title: 'OpenTelemetry Collector',
    ports: [
      tcp(4317, 'OTLP gRPC receiver'),
      tcp(4318, 'OTLP HTTP receiver'),
      tcp(14250, 'Jaeger gRPC receiver'),
      tcp(14268, 'Jaeger Thrift HTTP receiver'),
      udp(6831, 'Jaeger Thrift compact receiver'),
      udp(6832, 'Jaeger Thrift binary receiver'),
      tcp(9411, 'Zipkin receiver'),
      tcp(55679, 'zPages extension'),
      tcp(1777, 'pprof extension'),
      tcp(13133, 'Health check extension'),
      tcp(8888, 'The collector\'s own metrics'),
    ],
    populatedDirs: [],
    dataDirs: [],
    listen: { settings: [], configArgs: ['--config'], configPaths: ['/etc/otelcol', '/etc/otelcol-contrib', '/etc/otelcol-k8s'], programs: ['otelcol', 'otelcol-contrib', 'otelcol-k8s'] },
    source: 'open-telemetry/opentelemetry-collector-releases distributions/otelcol Dockerfile (CMD --config /etc/otelcol/config.yaml) and config.yaml (OTLP 4317/4318, Jaeger 14250/14268/6831/6832, Zipkin 9411, zPages 55679, pprof 1777, health check 13133, metrics 8888)',
  },
];
