/**
 * Files images ship at paths people mount configuration over (checked against each image's
 * Dockerfile and the files it copies). A volume mounted at one of these paths without `subPath`
 * is a directory over a file: the container runtime cannot create the container. Keyed by the
 * built-in entry's `repository`; only files that every tag of the entry ships.
 */
export const IMAGE_FILES: Readonly<Record<string, readonly string[]>> = {
  // nginxinc/docker-nginx: the package's nginx.conf and mime.types, conf.d/default.conf, the default site.
  nginx: ['/etc/nginx/nginx.conf', '/etc/nginx/mime.types', '/etc/nginx/conf.d/default.conf', '/usr/share/nginx/html/index.html'],
  'nginxinc/nginx-unprivileged': ['/etc/nginx/nginx.conf', '/etc/nginx/mime.types', '/etc/nginx/conf.d/default.conf', '/usr/share/nginx/html/index.html'],
  // docker-library/httpd: the build installs conf/httpd.conf and htdocs/index.html.
  httpd: ['/usr/local/apache2/conf/httpd.conf', '/usr/local/apache2/htdocs/index.html'],
  // caddyserver/caddy-docker: COPY Caddyfile /etc/caddy/Caddyfile.
  caddy: ['/etc/caddy/Caddyfile'],
  // envoyproxy/envoy: the image's default bootstrap.
  'envoyproxy/envoy': ['/etc/envoy/envoy.yaml'],
  // grafana/grafana: conf/sample.ini copied to $GF_PATHS_CONFIG.
  'grafana/grafana': ['/etc/grafana/grafana.ini'],
  // prometheus/prometheus Dockerfile: COPY documentation/examples/prometheus.yml /etc/prometheus/prometheus.yml.
  'prom/prometheus': ['/etc/prometheus/prometheus.yml'],
};
