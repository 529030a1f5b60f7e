/** Applications and developer tools. */
import type { ImageInfo } from '../types';
import { addressFlag, data, dir, portFlag, tcp } from './helpers';
import { apacheConfig, fpmConfig, phpApachePorts, phpFpmPorts, phpIniDir } from './web-servers';

const fpmListen = { description: 'Change `listen` in /usr/local/etc/php-fpm.d/zz-docker.conf.' };
const apacheListen = { description: 'Change `Listen` in /etc/apache2/ports.conf.' };

export const apps: readonly ImageInfo[] = [
  {
    repository: 'nodered/node-red',
    title: 'Node-RED',
    ports: [tcp(1880, 'HTTP (editor, dashboard and HTTP nodes)')],
    populatedDirs: [dir('/usr/src/node-red', 'WORKDIR: the Node-RED application, package.json and node_modules')],
    dataDirs: [data('/data', 'The user directory (flows.json, settings.js, installed nodes); the docs say to mount it')],
    portSetting: { env: 'PORT', description: 'Set PORT (read by the default settings.js as uiPort).' },
    listen: { settings: [portFlag(1880, [], ['PORT'])] },
    source: 'node-red/node-red-docker .docker/Dockerfile.debian (EXPOSE 1880; no VOLUME since 1.2) and README.md',
  },
  {
    repository: 'jenkins/jenkins',
    aliases: ['jenkins'],
    title: 'Jenkins',
    ports: [tcp(8080, 'HTTP (http_port)'), tcp(50000, 'Inbound agent port (agent_port)')],
    populatedDirs: [dir('/usr/share/jenkins', 'jenkins.war and ref/ (copied into JENKINS_HOME at start)')],
    dataDirs: [data('/var/jenkins_home', 'VOLUME: JENKINS_HOME')],
    portSetting: { env: 'JENKINS_OPTS', description: 'Set JENKINS_OPTS="--httpPort=N"; the agent port with JENKINS_SLAVE_AGENT_PORT.' },
    // jenkins.sh: `java -jar jenkins.war $JENKINS_OPTS "$@"` when the args are flags: Winstone's
    // --httpPort (-1: off) and --httpListenAddress, the last one winning. It also turns
    // JENKINS_SLAVE_AGENT_PORT (the Dockerfile's ENV, 50000) into -Djenkins.model.Jenkins.slaveAgentPort.
    listen: { settings: [{ ...portFlag(8080, ['--httpPort']), bindArgs: ['--httpListenAddress'] }, portFlag(50000, [], ['JENKINS_SLAVE_AGENT_PORT'])], argsEnv: { names: ['JENKINS_OPTS'] }, programs: ['jenkins.sh'] },
    source: 'jenkinsci/docker debian/Dockerfile (EXPOSE ${http_port} ${agent_port} = 8080 50000, VOLUME /var/jenkins_home, ENV JENKINS_SLAVE_AGENT_PORT), jenkins.sh',
  },
  {
    repository: 'hashicorp/http-echo',
    title: 'http-echo (a one-page HTTP server for demos and tests)',
    ports: [tcp(5678, 'HTTP (-listen, default ":5678")')],
    populatedDirs: [],
    dataDirs: [],
    portSetting: { arg: '-listen', description: 'Pass -listen=:N (Go flags: -listen or --listen, with = or a space).' },
    // main.go: `flag.String("listen", ":5678", …)`, the one listener; the ENTRYPOINT is the binary, so args are its flags.
    listen: { settings: [addressFlag(5678, ['-listen', '--listen'])], programs: ['http-echo'], complete: true },
    source: 'hashicorp/http-echo main.go (flag "listen", default ":5678"; ECHO_TEXT when -text is empty), Dockerfile (EXPOSE 5678/tcp, ENTRYPOINT the binary)',
  },
  {
    repository: 'wordpress',
    title: 'WordPress (official image; Apache unless the tag says fpm or cli)',
    ports: phpApachePorts,
    populatedDirs: [
      dir('/usr/src/wordpress', 'The WordPress sources, copied into /var/www/html by the entrypoint when that is empty'),
      phpIniDir,
      apacheConfig,
    ],
    dataDirs: [data('/var/www/html', 'VOLUME and WORKDIR: the installation the entrypoint creates')],
    portSetting: apacheListen,
    listen: { settings: [], programs: ['apache2-foreground', 'php-fpm'] },
    source: 'docker-library/wordpress latest/php8.3/apache/Dockerfile (VOLUME /var/www/html); EXPOSE 80 from php:8.3-apache',
    variants: [
      {
        name: 'wordpress fpm',
        when: { tagWord: 'fpm' },
        ports: phpFpmPorts,
        populatedDirs: [dir('/usr/src/wordpress', 'The WordPress sources, copied into /var/www/html by the entrypoint'), phpIniDir, fpmConfig],
        portSetting: fpmListen,
        source: 'fpm variant: EXPOSE 9000 from php:*-fpm',
      },
      {
        name: 'wordpress cli',
        when: { tagWord: 'cli' },
        ports: [],
        populatedDirs: [phpIniDir],
        source: 'cli variant (WP-CLI on php:*-cli): no EXPOSE',
      },
    ],
  },
  {
    repository: 'nextcloud',
    title: 'Nextcloud (official image; Apache unless the tag says fpm)',
    ports: phpApachePorts,
    populatedDirs: [
      dir('/usr/src/nextcloud', 'The Nextcloud sources, copied into /var/www/html by the entrypoint'),
      phpIniDir,
      apacheConfig,
    ],
    dataDirs: [data('/var/www/html', 'VOLUME: the installation, config/, data/, custom_apps/, themes/')],
    portSetting: apacheListen,
    listen: { settings: [], programs: ['apache2-foreground', 'php-fpm'] },
    source: 'nextcloud/docker apache/Dockerfile (VOLUME /var/www/html); EXPOSE 80 from php:*-apache',
    variants: [
      {
        name: 'nextcloud fpm',
        when: { tagWord: 'fpm' },
        ports: phpFpmPorts,
        populatedDirs: [dir('/usr/src/nextcloud', 'The Nextcloud sources, copied into /var/www/html by the entrypoint'), phpIniDir, fpmConfig],
        portSetting: fpmListen,
        source: 'fpm variant: EXPOSE 9000 from php:*-fpm',
      },
    ],
  },
  {
    repository: 'phpmyadmin',
    aliases: ['phpmyadmin/phpmyadmin'],
    title: 'phpMyAdmin (Apache unless the tag says fpm)',
    ports: phpApachePorts,
    populatedDirs: [phpIniDir, apacheConfig],
    dataDirs: [],
    portSetting: { env: 'APACHE_PORT', description: 'Set APACHE_PORT (the entrypoint rewrites `Listen 80` and the virtual host).' },
    // docker-entrypoint.sh: with APACHE_PORT set, `Listen 80` becomes `Listen ${APACHE_PORT}`, whatever the args.
    listen: { settings: [portFlag(80, [], ['APACHE_PORT'])], programs: ['apache2-foreground', 'php-fpm'] },
    source: 'phpmyadmin/docker apache/Dockerfile (EXPOSE 80 from php:*-apache), fpm/Dockerfile; docker-entrypoint.sh (APACHE_PORT)',
    variants: [
      {
        name: 'phpmyadmin fpm',
        when: { tagWord: 'fpm' },
        ports: phpFpmPorts,
        populatedDirs: [phpIniDir, fpmConfig],
        portSetting: fpmListen,
        listen: { settings: [], programs: ['apache2-foreground', 'php-fpm'] },
        source: 'fpm variant: EXPOSE 9000',
      },
    ],
  },
  {
    repository: 'ghost',
    title: 'Ghost (official image)',
    ports: [tcp(2368, 'HTTP')],
    populatedDirs: [dir('/var/lib/ghost', 'GHOST_INSTALL (WORKDIR): current/ (the Ghost release), config.production.json, content.orig/')],
    dataDirs: [data('/var/lib/ghost/content', 'VOLUME (GHOST_CONTENT): themes, images, the SQLite database; seeded from content.orig')],
    portSetting: { env: 'server__port', description: 'Set server__port (Ghost reads configuration from environment variables with `__` separators).' },
    listen: { settings: [portFlag(2368, [], ['server__port'])], programs: ['node'] },
    source: 'docker-library/ghost 5/debian/Dockerfile (EXPOSE 2368, VOLUME /var/lib/ghost/content)',
  },
  {
    repository: 'adminer',
    title: 'Adminer (official image)',
    ports: [tcp(8080, 'HTTP (PHP built-in server)')],
    populatedDirs: [dir('/var/www/html', 'WORKDIR: adminer.php, designs and plugins')],
    dataDirs: [],
    source: 'TimWolla/docker-adminer Dockerfile (EXPOSE 8080, CMD php -S [::]:8080 -t /var/www/html)',
  },
  {
    repository: 'mongo-express',
    title: 'mongo-express (official image)',
    ports: [tcp(8081, 'HTTP (web UI)')],
    populatedDirs: [],
    dataDirs: [],
    source: 'mongo-express/mongo-express-docker Dockerfile (EXPOSE 8081)',
  },
  {
    repository: 'sonarqube',
    title: 'SonarQube (official image)',
    ports: [tcp(9000, 'HTTP (web UI and API)')],
    populatedDirs: [dir('/opt/sonarqube', 'SONARQUBE_HOME: bin/, conf/sonar.properties, lib/, elasticsearch/')],
    dataDirs: [
      data('/opt/sonarqube/data', 'VOLUME: embedded Elasticsearch indexes'),
      data('/opt/sonarqube/extensions', 'VOLUME: plugins'),
      data('/opt/sonarqube/logs', 'VOLUME: logs'),
    ],
    portSetting: { env: 'SONAR_WEB_PORT', description: 'Set SONAR_WEB_PORT.' },
    // sonar.web.port in conf/sonar.properties sets the port too (SONAR_WEB_PORT, its environment form, wins over it).
    listen: { settings: [portFlag(9000, [], ['SONAR_WEB_PORT'])], configPaths: ['/opt/sonarqube/conf'] },
    source: 'SonarSource/docker-sonarqube Dockerfile (EXPOSE 9000, VOLUME data extensions logs)',
  },
  {
    repository: 'gitea/gitea',
    title: 'Gitea',
    ports: [tcp(3000, 'HTTP (web UI and API)'), tcp(22, 'SSH (git over SSH)')],
    populatedDirs: [],
    dataDirs: [data('/data', 'VOLUME: repositories, configuration (gitea/conf/app.ini), database')],
    portSetting: { env: 'GITEA__server__HTTP_PORT', description: 'Set GITEA__server__HTTP_PORT (app.ini overrides from the environment).' },
    listen: { settings: [portFlag(3000, [], ['GITEA__server__HTTP_PORT'])] },
    source: 'go-gitea/gitea Dockerfile (EXPOSE 22 3000, VOLUME /data)',
    variants: [
      {
        name: 'gitea rootless',
        when: { tagWord: 'rootless' },
        ports: [tcp(3000, 'HTTP (web UI and API)'), tcp(2222, 'SSH (built-in server)')],
        dataDirs: [data('/var/lib/gitea', 'VOLUME: repositories and data'), data('/etc/gitea', 'VOLUME: app.ini')],
        source: 'Dockerfile.rootless (EXPOSE 2222 3000, VOLUME /var/lib/gitea /etc/gitea)',
      },
    ],
  },
  {
    repository: 'sonatype/nexus3',
    title: 'Sonatype Nexus Repository 3',
    ports: [tcp(8081, 'HTTP (UI and repositories)')],
    populatedDirs: [dir('/opt/sonatype/nexus', 'The application')],
    dataDirs: [data('/nexus-data', 'VOLUME (NEXUS_DATA): blob stores, database, configuration')],
    source: 'sonatype/docker-nexus3 Dockerfile (EXPOSE 8081, VOLUME /nexus-data)',
  },
  {
    repository: 'jupyter/base-notebook',
    aliases: [
      'jupyter/minimal-notebook',
      'jupyter/scipy-notebook',
      'jupyter/datascience-notebook',
      'jupyter/r-notebook',
      'jupyter/tensorflow-notebook',
      'jupyter/pyspark-notebook',
      'jupyter/all-spark-notebook',
    ],
    title: 'Jupyter Docker Stacks notebook',
    ports: [tcp(8888, 'Jupyter Server')],
    populatedDirs: [dir('/home/jovyan', 'HOME of NB_USER: shell and Jupyter configuration')],
    dataDirs: [data('/home/jovyan/work', 'The documented place to mount notebooks')],
    listen: {
      settings: [{ ...portFlag(8888, ['--ServerApp.port', '--NotebookApp.port', '--port'], ['JUPYTER_PORT']), bindArgs: ['--ServerApp.ip', '--NotebookApp.ip', '--ip'] }],
      programs: ['start-notebook.py', 'start-notebook.sh', 'start.sh', 'jupyter', 'start-singleuser.py', 'start-singleuser.sh'],
    },
    source: 'jupyter/docker-stacks images/base-notebook/Dockerfile (EXPOSE 8888)',
  },
];

/** Base operating-system images: known to listen on nothing. */
export const baseImages: readonly ImageInfo[] = [
  { repository: 'busybox', title: 'BusyBox (official image)', ports: [], populatedDirs: [], dataDirs: [], source: 'docker-library/busybox (no EXPOSE, CMD sh); `busybox httpd` listens on 80 only when started' },
  { repository: 'alpine', title: 'Alpine Linux (official image)', ports: [], populatedDirs: [], dataDirs: [], source: 'alpinelinux/docker-alpine (no EXPOSE, CMD /bin/sh)' },
  { repository: 'ubuntu', title: 'Ubuntu (official image)', ports: [], populatedDirs: [], dataDirs: [], source: 'docker-library/official-images ubuntu (no EXPOSE, CMD /bin/bash)' },
  { repository: 'debian', title: 'Debian (official image)', ports: [], populatedDirs: [], dataDirs: [], source: 'debuerreotype/docker-debian-artifacts (no EXPOSE, CMD bash)' },
];
