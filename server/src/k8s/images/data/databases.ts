/** Databases, caches and search engines (Redis and its kin: redis.ts). */
import type { ImageInfo, ListenModel } from '../types';
import { addressFlag, data, dir, portFlag, tcp } from './helpers';

const mysqlConfig = ['/etc/mysql', '/etc/my.cnf'];
/** mysqld reads `--loose-x` as `--x` (it only warns instead of failing when it does not know x). */
const mysqlModifiers = ['--loose-', '--loose_'];
/** docker-entrypoint.sh `_mysql_want_help`: mysqld prints and exits (the entrypoint skips initialisation for them). */
const mysqlExit = ['-?', '--help', '--print-defaults', '-V', '--version'];

const mysqlClassicPort = { ...portFlag(3306, ['--port', '-P'], ['MYSQL_TCP_PORT']), bindArgs: ['--bind-address'], getopt: true };
/** mysqld's listeners (8.0.11 and later: the X Plugin's 33060 beside 3306). */
const mysqlListen: ListenModel = {
  settings: [mysqlClassicPort, portFlag(33060, ['--mysqlx-port', '--mysqlx_port'])],
  configPaths: mysqlConfig,
  // The administrative interface (8.0.14+) listens on --admin-port (33062) once --admin-address is given.
  configArgs: ['--defaults-file', '--defaults-extra-file', '--admin-address', '--admin_address', '--admin-port', '--admin_port'],
  // Group Replication listens on its XCom port (group_replication_local_address, often 33061).
  featureArgs: ['--group-replication*', '--group_replication*'],
  optionModifiers: mysqlModifiers,
  tcpOff: { args: ['--skip-networking', '--skip_networking'] },
  programs: ['mysqld'],
  exitArgs: mysqlExit,
  complete: true,
};

const initdb = data('/docker-entrypoint-initdb.d', 'Empty hook directory: the documented place to mount *.sql / *.sh init scripts');

export const databases: readonly ImageInfo[] = [
  {
    repository: 'postgres',
    aliases: ['postgis/postgis'],
    title: 'PostgreSQL (official image)',
    ports: [tcp(5432, 'PostgreSQL protocol')],
    populatedDirs: [],
    dataDirs: [
      data('/var/lib/postgresql', 'VOLUME (18+): PGDATA is /var/lib/postgresql/18/docker, initialised by the entrypoint'),
      initdb,
    ],
    portSetting: { env: 'PGPORT', arg: '-p', description: 'Set PGPORT or pass `-p N` (or `-c port=N`) to postgres.' },
    listen: {
      settings: [{ ...portFlag(5432, ['-p', '--port'], ['PGPORT']), getopt: true }, { port: 5432, keyedArg: { flag: '-c', key: 'port' }, value: 'port', getopt: true }],
      configArgs: ['-c config_file=', '--config-file', '--config_file'],
      configPaths: ['/etc/postgresql'],
      // An empty listen_addresses (`-c listen_addresses=`, `-h ''`, `--listen_addresses=`): no TCP socket, only the unix-domain one.
      tcpOff: { emptyKeyedArg: { flag: '-c', key: 'listen_addresses' }, emptyArgs: ['-h', '--listen_addresses', '--listen-addresses'] },
      programs: ['postgres'],
      // docker-entrypoint.sh `_pg_want_help`: these print and exit (the entrypoint skips initialisation for them).
      exitArgs: ['-?', '--help', '--describe-config', '-V', '--version'],
      complete: true,
    },
    source: 'docker-library/postgres 18/trixie/Dockerfile (EXPOSE 5432; "in 18+, PGDATA has changed … VOLUME has moved from /var/lib/postgresql/data to /var/lib/postgresql")',
    variants: [
      {
        name: 'postgres 17 and older',
        when: { majorAtMost: 17 },
        dataDirs: [data('/var/lib/postgresql/data', 'VOLUME and PGDATA (17 and older), initialised by the entrypoint'), initdb],
        source: '17/trixie/Dockerfile: VOLUME /var/lib/postgresql/data',
      },
    ],
  },
  {
    repository: 'mysql',
    title: 'MySQL (official image)',
    ports: [tcp(3306, 'MySQL classic protocol'), tcp(33060, 'MySQL X protocol')],
    populatedDirs: [],
    dataDirs: [
      data('/var/lib/mysql', 'VOLUME: the data directory, initialised by the entrypoint'),
      data('/etc/mysql/conf.d', 'Included by /etc/my.cnf: the documented place to mount extra *.cnf files'),
      initdb,
    ],
    portSetting: { arg: '--port', description: 'Pass `--port=N` to mysqld (args).' },
    listen: mysqlListen,
    source: 'docker-library/mysql 8.4/Dockerfile.oracle (EXPOSE 3306 33060, VOLUME /var/lib/mysql)',
    variants: [
      {
        // The X Plugin is loaded by default from 8.0.11; in 5.7 it is installed by hand (sweep DC).
        name: 'mysql 5.x',
        when: { majorAtMost: 5 },
        ports: [tcp(3306, 'MySQL classic protocol')],
        // Loading the plugin (`--plugin-load-add=mysqlx=mysqlx.so`) opens 33060 again.
        listen: { ...mysqlListen, settings: [mysqlClassicPort], featureArgs: [...(mysqlListen.featureArgs ?? []), '--plugin-load*', '--plugin_load*', '--mysqlx*'] },
        source: 'MySQL 5.7 Reference Manual, 19.3 "Setting Up MySQL as a Document Store" (the X Plugin must be installed); 5.7/Dockerfile EXPOSE 3306 33060 nevertheless',
      },
    ],
  },
  {
    repository: 'mariadb',
    title: 'MariaDB (official image)',
    ports: [tcp(3306, 'MySQL protocol')],
    populatedDirs: [dir('/etc/mysql', 'my.cnf, mariadb.cnf and mariadb.conf.d/*.cnf (server defaults, skip-name-resolve)')],
    dataDirs: [
      data('/var/lib/mysql', 'VOLUME: the data directory, initialised by the entrypoint'),
      data('/etc/mysql/conf.d', 'The documented place to mount extra *.cnf files'),
      initdb,
    ],
    portSetting: { arg: '--port', description: 'Pass `--port=N` to mariadbd (args).' },
    listen: {
      settings: [
        { ...portFlag(3306, ['--port', '-P'], ['MYSQL_TCP_PORT']), bindArgs: ['--bind-address'], getopt: true },
        // A second listener, one thread per connection (thread pool builds); 0: none.
        { args: ['--extra-port', '--extra_port'], value: 'port', bindArgs: ['--bind-address'] },
      ],
      configPaths: mysqlConfig,
      configArgs: ['--defaults-file', '--defaults-extra-file'],
      // Galera (shipped in the image): 4567 for replication, 4568 and 4444 for state transfers.
      featureArgs: ['--wsrep*'],
      optionModifiers: mysqlModifiers,
      tcpOff: { args: ['--skip-networking', '--skip_networking'] },
      programs: ['mariadbd', 'mysqld'],
      exitArgs: mysqlExit,
      complete: true,
    },
    source: 'MariaDB/mariadb-docker 11.8/Dockerfile (EXPOSE 3306, VOLUME /var/lib/mysql)',
  },
  {
    repository: 'mongo',
    title: 'MongoDB (official image)',
    ports: [tcp(27017, 'MongoDB wire protocol')],
    populatedDirs: [],
    dataDirs: [data('/data/db', 'VOLUME: the database files'), data('/data/configdb', 'VOLUME: config-server data'), initdb],
    portSetting: { arg: '--port', description: 'Pass `--port N` to mongod.' },
    listen: {
      settings: [{ ...portFlag(27017, ['--port']), bindArgs: ['--bind_ip'] }],
      configArgs: ['--config', '-f', '--configExpand', '--shardsvr', '--configsvr'],
      programs: ['mongod'],
      complete: true,
    },
    source: 'docker-library/mongo 8.0/Dockerfile (EXPOSE 27017, VOLUME /data/db /data/configdb)',
  },
  {
    repository: 'memcached',
    title: 'Memcached (official image)',
    ports: [tcp(11211, 'Memcached protocol')],
    populatedDirs: [],
    dataDirs: [],
    portSetting: { arg: '-p', description: 'Pass `-p N` to memcached.' },
    listen: {
      settings: [
        { ...portFlag(11211, ['-p', '--port']), bindArgs: ['-l', '--listen'], getopt: true },
        // UDP is off by default (since 1.5.6); -U N turns it on.
        { args: ['-U', '--udp-port'], value: 'port', protocol: 'UDP', bindArgs: ['-l', '--listen'], getopt: true },
      ],
      // A unix socket "disables network support": no TCP (or UDP) listener.
      tcpOff: { valueArgs: ['-s', '--unix-socket'] },
      programs: ['memcached'],
      complete: true,
    },
    source: 'docker-library/memcached 1/debian/Dockerfile (EXPOSE 11211, no VOLUME)',
  },
  {
    repository: 'couchdb',
    title: 'Apache CouchDB (official image)',
    ports: [tcp(5984, 'HTTP API'), tcp(4369, 'Erlang port mapper (epmd)'), tcp(9100, 'Erlang distribution (clustering)')],
    populatedDirs: [dir('/opt/couchdb/etc', 'default.ini, local.ini, vm.args and default.d/')],
    dataDirs: [
      data('/opt/couchdb/data', 'VOLUME: the databases'),
      data('/opt/couchdb/etc/local.d', 'The documented place to mount configuration overrides'),
    ],
    listen: { settings: [], programs: ['couchdb'] },
    source: 'apache/couchdb-docker Dockerfile (EXPOSE 5984 4369 9100, VOLUME /opt/couchdb/data)',
  },
  {
    repository: 'cassandra',
    title: 'Apache Cassandra (official image)',
    ports: [
      tcp(7000, 'Inter-node communication'),
      tcp(7001, 'Inter-node communication (TLS)'),
      tcp(7199, 'JMX'),
      tcp(9042, 'CQL native protocol'),
    ],
    populatedDirs: [dir('/etc/cassandra', 'CASSANDRA_CONF: cassandra.yaml, cassandra-env.sh, jvm options, logback.xml')],
    dataDirs: [data('/var/lib/cassandra', 'VOLUME: data, commit log, saved caches')],
    listen: { settings: [], programs: ['cassandra'] },
    source: 'docker-library/cassandra Dockerfile (EXPOSE 7000 7001 7199 9042, VOLUME /var/lib/cassandra)',
  },
  {
    repository: 'neo4j',
    title: 'Neo4j (official image)',
    ports: [tcp(7474, 'HTTP (Browser)'), tcp(7473, 'HTTPS'), tcp(7687, 'Bolt protocol')],
    populatedDirs: [],
    dataDirs: [data('/data', 'VOLUME: the databases'), data('/logs', 'VOLUME: logs')],
    listen: { settings: [], programs: ['neo4j'] },
    source: 'neo4j/docker-neo4j-publish Dockerfile (EXPOSE 7474 7473 7687, VOLUME /data /logs)',
  },
  {
    repository: 'influxdb',
    title: 'InfluxDB (official image)',
    ports: [tcp(8086, 'HTTP API and UI')],
    populatedDirs: [],
    dataDirs: [data('/var/lib/influxdb2', 'VOLUME (2.x): engine data'), data('/etc/influxdb2', 'VOLUME (2.x): configuration and CLI configs')],
    portSetting: { env: 'INFLUXD_HTTP_BIND_ADDRESS', description: 'Set INFLUXD_HTTP_BIND_ADDRESS, e.g. `:8087` (2.x).' },
    listen: { settings: [addressFlag(8086, ['--http-bind-address'], ['INFLUXD_HTTP_BIND_ADDRESS'])], programs: ['influxd'] },
    source: 'influxdata/influxdata-docker influxdb/2.7/Dockerfile (EXPOSE 8086, VOLUME /var/lib/influxdb2 /etc/influxdb2)',
    variants: [
      {
        name: 'influxdb 1.x',
        when: { majorAtMost: 1 },
        dataDirs: [data('/var/lib/influxdb', 'VOLUME (1.x): data, meta and WAL')],
        portSetting: { env: 'INFLUXDB_HTTP_BIND_ADDRESS', description: 'Set INFLUXDB_HTTP_BIND_ADDRESS, e.g. `:8087` (1.x).' },
        listen: { settings: [addressFlag(8086, [], ['INFLUXDB_HTTP_BIND_ADDRESS'])] },
        source: 'influxdb/1.x/Dockerfile: VOLUME /var/lib/influxdb',
      },
      {
        name: 'influxdb 3',
        when: { majorAtLeast: 3 },
        ports: [tcp(8181, 'HTTP API (InfluxDB 3 default)')],
        dataDirs: [],
        portSetting: { arg: '--http-bind', description: 'Pass `--http-bind 0.0.0.0:N` to influxdb3 serve.' },
        source: 'InfluxDB 3 docs: influxdb3 serve listens on 8181 by default',
      },
    ],
  },
  {
    repository: 'mssql/server',
    title: 'Microsoft SQL Server (mcr.microsoft.com/mssql/server)',
    ports: [tcp(1433, 'TDS (SQL Server protocol)')],
    populatedDirs: [],
    dataDirs: [data('/var/opt/mssql', 'Documented data directory: databases, logs, secrets')],
    portSetting: { env: 'MSSQL_TCP_PORT', description: 'Set MSSQL_TCP_PORT.' },
    listen: { settings: [portFlag(1433, [], ['MSSQL_TCP_PORT'])], programs: ['sqlservr'] },
    source: 'Microsoft docs "Configure SQL Server settings with environment variables on Linux" (default 1433, /var/opt/mssql)',
  },
  {
    repository: 'etcd-development/etcd',
    aliases: ['coreos/etcd', 'etcd', 'bitnami/etcd'],
    title: 'etcd',
    ports: [tcp(2379, 'Client API'), tcp(2380, 'Peer (cluster) traffic')],
    populatedDirs: [],
    dataDirs: [],
    portSetting: { arg: '--listen-client-urls', description: 'Set --listen-client-urls / --listen-peer-urls.' },
    listen: {
      settings: [addressFlag(2379, ['--listen-client-urls'], ['ETCD_LISTEN_CLIENT_URLS']), addressFlag(2380, ['--listen-peer-urls'], ['ETCD_LISTEN_PEER_URLS'])],
      programs: ['etcd'],
    },
    source: 'etcd-io/etcd Dockerfile (EXPOSE 2379 2380)',
  },
  {
    repository: 'elasticsearch',
    aliases: ['elasticsearch/elasticsearch'],
    title: 'Elasticsearch',
    ports: [tcp(9200, 'HTTP REST API'), tcp(9300, 'Transport (node-to-node)')],
    populatedDirs: [
      dir('/usr/share/elasticsearch', 'WORKDIR: bin/, lib/, modules/, plugins/, jdk/'),
      dir('/usr/share/elasticsearch/config', 'elasticsearch.yml, jvm.options, log4j2.properties, the keystore (and jvm.options.d/ from 7.7)'),
    ],
    dataDirs: [data('/usr/share/elasticsearch/data', 'Documented data directory (the docs mount a volume here)')],
    portSetting: { env: 'http.port', description: 'Settings can be given as environment variables, e.g. `http.port=9201`.' },
    listen: {
      settings: [portFlag(9200, [], ['http.port', 'ES_SETTING_HTTP_PORT']), portFlag(9300, [], ['transport.port', 'ES_SETTING_TRANSPORT_PORT'])],
      // elasticsearch.yml in the config folder, or `-E` settings on the command line.
      configPaths: ['/usr/share/elasticsearch/config'],
      configArgs: ['-Ehttp.port', '-Etransport.port', '-Ehttp.publish_port'],
      programs: ['eswrapper', 'elasticsearch'],
    },
    source: 'elastic/dockerfiles elasticsearch/Dockerfile (EXPOSE 9200 9300, WORKDIR /usr/share/elasticsearch)',
  },
  {
    repository: 'opensearchproject/opensearch',
    title: 'OpenSearch',
    ports: [tcp(9200, 'HTTP REST API'), tcp(9300, 'Transport (node-to-node)'), tcp(9600, 'Performance Analyzer')],
    populatedDirs: [
      dir('/usr/share/opensearch', 'The installation: bin/, lib/, modules/, plugins/'),
      dir('/usr/share/opensearch/config', 'opensearch.yml, jvm.options, security plugin configuration'),
    ],
    dataDirs: [data('/usr/share/opensearch/data', 'Documented data directory')],
    listen: {
      settings: [portFlag(9200, [], ['http.port']), portFlag(9300, [], ['transport.port'])],
      configPaths: ['/usr/share/opensearch/config'],
      // The Performance Analyzer agent (9600) can be turned off.
      configEnv: ['DISABLE_PERFORMANCE_ANALYZER_AGENT_CLI'],
      programs: ['opensearch', 'opensearch-docker-entrypoint.sh'],
    },
    source: 'opensearch-project/opensearch-build docker/release/dockerfiles (EXPOSE 9200 9300 9600 …)',
  },
  {
    repository: 'solr',
    title: 'Apache Solr (official image)',
    ports: [tcp(8983, 'HTTP (Solr admin UI and API)')],
    populatedDirs: [dir('/opt/solr', 'The installation (SOLR_INSTALL): bin/, server/, example/')],
    dataDirs: [data('/var/solr', 'VOLUME: solr home, cores and logs')],
    portSetting: { env: 'SOLR_PORT', description: 'Set SOLR_PORT.' },
    listen: { settings: [portFlag(8983, [], ['SOLR_PORT'])], programs: ['solr-foreground', 'solr-precreate', 'solr-demo', 'solr'] },
    source: 'apache/solr-docker Dockerfile (EXPOSE 8983, VOLUME /var/solr)',
  },
];
