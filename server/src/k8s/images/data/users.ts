/**
 * Who the process of a built-in image starts as: the image's `USER` (its config's `User`), for the
 * kubelet's `runAsNonRoot` check (rules/run-as-non-root.ts). Only the images that fail that check
 * without a `runAsUser` are listed: those with no `USER` (root: most official images start as root
 * and drop privileges in their entrypoint with gosu or su-exec) and those whose `USER` is a name,
 * which the kubelet cannot verify. Images with a numeric non-root `USER` (grafana 472,
 * bitnami 1001, nginx-unprivileged 101, keycloak 1000, elasticsearch 1000) pass and are not listed;
 * neither is any image whose user is not certain.
 */

export interface ImageUser {
  /** The `USER` name, when the image names one; absent: no `USER`, the process starts as root. */
  readonly name?: string;
  /** The UID of that user in the image (for `runAsUser`): the same process, as the same user. */
  readonly uid?: number;
  /** Where the fact comes from. */
  readonly source: string;
  /** Tags holding one of these words run another user (`wordpress:cli` runs as www-data): not judged. */
  readonly notForTagWords?: readonly string[];
}

const ROOT = (source: string): ImageUser => ({ source });

/** By built-in repository (images/index.ts `builtinRepository`). */
export const IMAGE_USERS: Readonly<Record<string, ImageUser>> = {
  busybox: ROOT('docker-library/busybox'),
  alpine: ROOT('alpinelinux/docker-alpine'),
  ubuntu: ROOT('docker-library/official-images ubuntu'),
  debian: ROOT('debuerreotype'),
  nginx: ROOT('nginxinc/docker-nginx Dockerfile; workers run as nginx'),
  httpd: ROOT('docker-library/httpd Dockerfile; children run as www-data'),
  tomcat: ROOT('docker-library/tomcat Dockerfile'),
  php: ROOT('docker-library/php Dockerfile'),
  wordpress: { ...ROOT('docker-library/wordpress Dockerfile'), notForTagWords: ['cli'] },
  nextcloud: ROOT('nextcloud/docker Dockerfile'),
  redis: ROOT('docker-library/redis Dockerfile; the entrypoint drops to redis with gosu'),
  postgres: ROOT('docker-library/postgres Dockerfile; the entrypoint drops to postgres with gosu'),
  mysql: ROOT('docker-library/mysql Dockerfile; the entrypoint drops to mysql with gosu'),
  mariadb: ROOT('MariaDB/mariadb-docker Dockerfile; the entrypoint drops to mysql with gosu'),
  mongo: ROOT('docker-library/mongo Dockerfile; the entrypoint drops to mongodb with gosu'),
  rabbitmq: ROOT('docker-library/rabbitmq Dockerfile; the entrypoint drops to rabbitmq with gosu'),
  registry: ROOT('distribution/distribution-library-image Dockerfile'),
  traefik: ROOT('traefik/traefik-library-image Dockerfile'),
  caddy: ROOT('caddyserver/caddy-docker Dockerfile'),
  memcached: { name: 'memcache', uid: 11211, source: 'docker-library/memcached Dockerfile: USER memcache, UID 11211' },
  'prom/prometheus': { name: 'nobody', uid: 65534, source: 'prometheus/prometheus Dockerfile: USER nobody, UID 65534' },
  'prom/alertmanager': { name: 'nobody', uid: 65534, source: 'prometheus/alertmanager Dockerfile: USER nobody, UID 65534' },
  'prom/node-exporter': { name: 'nobody', uid: 65534, source: 'prometheus/node_exporter Dockerfile: USER nobody, UID 65534' },
  'jenkins/jenkins': { name: 'jenkins', uid: 1000, source: 'jenkinsci/docker Dockerfile: USER jenkins, UID 1000' },
};

/**
 * Official language images (Docker Hub's, or a `library/` mirror), which Podsight knows nothing
 * else of (their processes and ports are the user's program's): none sets `USER`, so a container
 * that runs one with `runAsNonRoot` and no `runAsUser` starts as root and is refused (sweep DE's
 * probe: `node:20-alpine`, whose `node` user, UID 1000, is there but not the default).
 */
export const BASE_IMAGE_USERS: Readonly<Record<string, ImageUser>> = {
  node: ROOT('nodejs/docker-node Dockerfile (a node user, UID 1000, exists; USER is not set)'),
  python: ROOT('docker-library/python Dockerfile'),
  golang: ROOT('docker-library/golang Dockerfile'),
  ruby: ROOT('docker-library/ruby Dockerfile'),
  'eclipse-temurin': ROOT('adoptium/containers Dockerfile'),
  openjdk: ROOT('docker-library/openjdk Dockerfile'),
  rust: ROOT('rust-lang/docker-rust Dockerfile'),
};
