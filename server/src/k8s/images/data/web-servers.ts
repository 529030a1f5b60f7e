/** Web servers, proxies and application servers. */
import type { ImageInfo } from '../types';
import { addressFlag, data, dir, portFlag, tcp, udp } from './helpers';

/** nginx reads `listen` from nginx.conf and conf.d/*.conf (or templates rendered into conf.d). */
/** nginx(8): -t/-T test the configuration, -v/-V print the version, -h/-? help, -s sends a signal; each then exits (-q only quiets -t). */
const nginxExit = ['-t', '-T', '-v', '-V', '-h', '-?', '-s', '-tq', '-qt', '-Tq', '-qT'];
// A template folder of one's own (NGINX_ENVSUBST_TEMPLATE_DIR, rendered by 20-envsubst-on-templates.sh)
// or a start-up script of one's own in /docker-entrypoint.d may write any `listen`: unsure.
const nginxListen = {
  settings: [],
  config: 'nginx' as const,
  configArgs: ['-c', '-p'],
  configEnv: ['NGINX_ENVSUBST_TEMPLATE_DIR', 'NGINX_ENVSUBST_OUTPUT_DIR'],
  configPaths: ['/docker-entrypoint.d'],
  programs: ['nginx', 'nginx-debug'],
  exitArgs: nginxExit,
  complete: true,
};

const nginxConfig = dir('/etc/nginx', 'nginx.conf, mime.types, fastcgi_params and conf.d/default.conf (the default server)');
// The official nginx.conf has no server block of its own: it includes conf.d/*.conf. An empty
// volume here leaves nginx running and listening nowhere (templates rendered into it fill it).
const nginxConfD = {
  ...dir('/etc/nginx/conf.d', 'default.conf (the only server block: nginx.conf has none of its own, so without it nginx runs but listens on no port)'),
  filledFrom: ['/etc/nginx/templates'],
  filledFromEnv: ['NGINX_ENVSUBST_TEMPLATE_DIR', 'NGINX_ENVSUBST_OUTPUT_DIR'],
  // Another nginx.conf may include nothing from conf.d; a test or version run serves nothing anyway.
  unusedWith: { mounts: ['/etc/nginx/nginx.conf'], args: ['-c', '-p', ...nginxExit] },
  emptyOnly: true,
};
const nginxHtml = dir('/usr/share/nginx/html', 'index.html and 50x.html (the default site)');
const nginxTemplates = data('/etc/nginx/templates', 'Not shipped; documented mount point for *.template files that the entrypoint renders into /etc/nginx/conf.d with envsubst');
const nginxCache = data('/var/cache/nginx', 'Temporary files written at run time; mounting an emptyDir here is the usual way to run with a read-only root filesystem');

export const webServers: readonly ImageInfo[] = [
  {
    repository: 'nginx',
    // NGINX's own copies: public.ecr.aws/nginx/nginx, quay.io/nginx/nginx.
    aliases: ['nginx/nginx'],
    title: 'NGINX (official image)',
    ports: [tcp(80, 'HTTP (the default server in conf.d/default.conf)')],
    populatedDirs: [
      nginxConfig,
      nginxConfD,
      nginxHtml,
      dir('/docker-entrypoint.d', 'Start-up scripts: IPv6 listen, local resolvers, envsubst on templates, worker tuning'),
    ],
    dataDirs: [nginxTemplates, nginxCache],
    portSetting: { description: 'No environment variable: change the `listen` directive (mount a file into /etc/nginx/conf.d, or a template such as `listen ${NGINX_PORT};` into /etc/nginx/templates).' },
    listen: nginxListen,
    source: 'nginxinc/docker-nginx mainline/debian/Dockerfile (EXPOSE 80, no VOLUME: nginx/docker-nginx#151), entrypoint/20-envsubst-on-templates.sh',
  },
  {
    repository: 'nginxinc/nginx-unprivileged',
    aliases: ['nginx/nginx-unprivileged'],
    title: 'NGINX unprivileged (runs as UID 101)',
    ports: [tcp(8080, 'HTTP (the default server, moved off port 80 to run without root)')],
    populatedDirs: [nginxConfig, nginxConfD, nginxHtml, dir('/docker-entrypoint.d', 'Start-up scripts (envsubst on templates, worker tuning)')],
    dataDirs: [nginxTemplates, nginxCache],
    portSetting: { description: 'Change the `listen` directive (conf.d or /etc/nginx/templates), as for the official image.' },
    listen: nginxListen,
    source: 'nginxinc/docker-nginx-unprivileged Dockerfile (EXPOSE 8080)',
  },
  {
    repository: 'bitnami/nginx',
    title: 'NGINX (Bitnami)',
    ports: [tcp(8080, 'HTTP (non-root default)'), tcp(8443, 'HTTPS')],
    populatedDirs: [dir('/opt/bitnami/nginx', 'NGINX installation and conf/nginx.conf')],
    dataDirs: [
      data('/app', 'Documented web root: mount your static site here'),
      data('/opt/bitnami/nginx/conf/server_blocks', 'Documented mount point for extra server blocks'),
    ],
    portSetting: { env: 'NGINX_HTTP_PORT_NUMBER', description: 'Set NGINX_HTTP_PORT_NUMBER (and NGINX_HTTPS_PORT_NUMBER).' },
    listen: { settings: [portFlag(8080, [], ['NGINX_HTTP_PORT_NUMBER']), portFlag(8443, [], ['NGINX_HTTPS_PORT_NUMBER'])], programs: ['run.sh', 'nginx'] },
    source: 'bitnami/containers bitnami/nginx Dockerfile (EXPOSE 8080 8443) and README',
  },
  {
    repository: 'httpd',
    title: 'Apache HTTP Server (official image)',
    ports: [tcp(80, 'HTTP (Listen 80 in conf/httpd.conf)')],
    populatedDirs: [
      dir('/usr/local/apache2', 'The whole installation (WORKDIR): bin/, modules/, conf/, htdocs/'),
      dir('/usr/local/apache2/conf', 'httpd.conf, mime.types, magic and extra/*.conf'),
      dir('/usr/local/apache2/htdocs', 'index.html ("It works!")'),
    ],
    dataDirs: [],
    portSetting: { description: 'No environment variable: change `Listen` in /usr/local/apache2/conf/httpd.conf.' },
    listen: { settings: [], config: 'httpd', configPaths: ['/usr/local/apache2/conf'], programs: ['httpd-foreground', 'httpd'], complete: true },
    source: 'docker-library/httpd 2.4/Dockerfile (EXPOSE 80, WORKDIR /usr/local/apache2, no VOLUME)',
  },
  {
    repository: 'caddy',
    title: 'Caddy (official image)',
    ports: [
      tcp(80, 'HTTP (the default Caddyfile serves :80)'),
      tcp(443, 'HTTPS (automatic HTTPS for configured domains)'),
      udp(443, 'HTTP/3 (QUIC)'),
      tcp(2019, 'Admin API (bound to localhost, which the containers of a pod share)'),
    ],
    populatedDirs: [
      // A ConfigMap with the Caddyfile is the documented way to configure it (sweep ER): only an empty volume hides it.
      { ...dir('/etc/caddy', 'Caddyfile (default configuration)'), emptyOnly: true },
      dir('/usr/share/caddy', 'index.html (the welcome page)'),
    ],
    dataDirs: [
      data('/data', 'XDG_DATA_HOME: certificates and keys; the docs say to persist it'),
      data('/config', 'XDG_CONFIG_HOME: the autosaved configuration; the docs say to persist it'),
      data('/srv', 'WORKDIR, empty: the documented place for the site to serve'),
    ],
    portSetting: { description: 'Set the site address in the Caddyfile (e.g. `:8080`); the admin endpoint moves with the `admin` global option.' },
    listen: { settings: [], config: 'caddy', programs: ['caddy'] },
    source: 'caddyserver/caddy-docker 2.x/alpine/Dockerfile (EXPOSE 80 443 443/udp 2019; XDG_DATA_HOME=/data, XDG_CONFIG_HOME=/config)',
  },
  {
    repository: 'traefik',
    title: 'Traefik (official image)',
    ports: [tcp(80, 'The default `http` entry point (the API/dashboard on 8080 only with --api.insecure)')],
    populatedDirs: [],
    dataDirs: [data('/etc/traefik', 'Not shipped; traefik.yml is read from here: a documented mount point')],
    portSetting: { arg: '--entryPoints.web.address', description: 'Define entry points, e.g. `--entryPoints.web.address=:8081`.' },
    // Another entry point flag replaces the default set (Podsight then trusts the declarations); a static file
    // (/etc/traefik/traefik.yml or --configFile) replaces every flag, and its entry points are read.
    listen: { settings: [addressFlag(80, ['--entryPoints.web.address'])], config: 'traefik', configArgs: ['--entryPoints.', '--api.insecure'], configPaths: ['/etc/traefik'], programs: ['traefik'] },
    source: 'traefik/traefik-library-image tmpl/alpine/tmplv3.Dockerfile (EXPOSE 80)',
  },
  {
    repository: 'haproxy',
    title: 'HAProxy (official image)',
    ports: [],
    populatedDirs: [],
    dataDirs: [data('/usr/local/etc/haproxy', 'The image ships no haproxy.cfg (only errors/*.http error pages): the documented place to mount your configuration')],
    portSetting: { description: 'Ports come only from `bind` lines in your haproxy.cfg.' },
    source: 'docker-library/haproxy Dockerfile (no EXPOSE, no default configuration; errorfiles copied to /usr/local/etc/haproxy/errors)',
  },
  {
    repository: 'envoyproxy/envoy',
    title: 'Envoy proxy',
    ports: [tcp(10000, 'The demo listener of the default /etc/envoy/envoy.yaml'), tcp(9901, 'Admin interface of the default envoy.yaml')],
    populatedDirs: [dir('/etc/envoy', 'envoy.yaml (the demo configuration the default CMD loads)')],
    dataDirs: [],
    portSetting: { description: 'Listeners and the admin address are set in envoy.yaml (`-c` selects the file).' },
    listen: { settings: [], config: 'envoy', configArgs: ['--config-yaml'], configPaths: ['/etc/envoy'], programs: ['envoy'] },
    source: 'envoyproxy/envoy ci/Dockerfile-envoy (EXPOSE 10000, CMD envoy -c /etc/envoy/envoy.yaml) and the Envoy docs',
  },
  {
    repository: 'tomcat',
    title: 'Apache Tomcat (official image)',
    ports: [tcp(8080, 'HTTP connector (conf/server.xml)')],
    populatedDirs: [
      dir('/usr/local/tomcat', 'CATALINA_HOME (WORKDIR): bin/, lib/, conf/, webapps.dist/'),
      dir('/usr/local/tomcat/conf', 'server.xml, web.xml, context.xml, logging.properties, tomcat-users.xml'),
      dir('/usr/local/tomcat/lib', 'Tomcat and servlet API jars'),
    ],
    dataDirs: [data('/usr/local/tomcat/webapps', 'Empty in the image (default apps moved to webapps.dist): the deploy directory')],
    portSetting: { description: 'No environment variable: change the Connector port in conf/server.xml.' },
    // The Connectors of a mounted server.xml; `-config` and CATALINA_BASE read another one.
    listen: { settings: [], config: 'tomcat', configArgs: ['-config'], configEnv: ['CATALINA_BASE'], programs: ['catalina.sh'] },
    source: 'docker-library/tomcat 10.1/jdk21/temurin-noble/Dockerfile (EXPOSE 8080, CATALINA_HOME=/usr/local/tomcat)',
  },
];

/** PHP's Apache and FPM flavours, shared with the images built on them (WordPress, Nextcloud …). */
export const phpApachePorts = [tcp(80, 'HTTP (Apache with mod_php)')];
export const phpFpmPorts = [tcp(9000, 'FastCGI (php-fpm, `listen = 9000` in zz-docker.conf)')];
export const phpIniDir = dir('/usr/local/etc/php', 'PHP_INI_DIR: php.ini-development, php.ini-production and conf.d/docker-php-ext-*.ini, which enable the installed extensions');
export const apacheConfig = dir('/etc/apache2', 'Apache configuration (apache2.conf, ports.conf, sites-enabled/, conf-enabled/docker-php.conf)');
export const fpmConfig = dir('/usr/local/etc/php-fpm.d', 'www.conf, docker.conf and zz-docker.conf (the FastCGI listen address)');

export const php: ImageInfo = {
  repository: 'php',
  title: 'PHP (official image; CLI unless the tag says apache or fpm)',
  ports: [],
  populatedDirs: [phpIniDir],
  dataDirs: [],
  source: 'docker-library/php 8.3/bookworm/{cli,apache,fpm}/Dockerfile',
  variants: [
    {
      name: 'php apache',
      when: { tagWord: 'apache' },
      ports: phpApachePorts,
      populatedDirs: [phpIniDir, apacheConfig],
      dataDirs: [data('/var/www/html', 'WORKDIR and DocumentRoot, empty in the image: the place for your application')],
      portSetting: { description: 'Change `Listen` in /etc/apache2/ports.conf.' },
      source: 'apache variant: EXPOSE 80',
    },
    {
      name: 'php fpm',
      when: { tagWord: 'fpm' },
      ports: phpFpmPorts,
      populatedDirs: [phpIniDir, fpmConfig],
      dataDirs: [data('/var/www/html', 'WORKDIR, empty in the image: the place for your application')],
      portSetting: { description: 'Change `listen` in /usr/local/etc/php-fpm.d/zz-docker.conf.' },
      source: 'fpm variant: EXPOSE 9000',
    },
  ],
};
