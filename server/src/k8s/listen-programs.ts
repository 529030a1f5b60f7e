/**
 * Which program a container runs, for the listener model (listeners.ts): a `command` that starts
 * the image's own server, a first arg the entrypoint reads as the server's configuration file,
 * and whether a reference names the published image rather than a namesake.
 */
import { parseImageRef, type ResolvedImage } from './images';
import { getString } from '../core/yaml-access';
import { argItems, type ArgItem } from './listen-values';
import type { ContainerModel, PodModel } from './pod-model';

/**
 * `command` that starts the image's own server (`[nats-server, --config, …]`, `[redis-server,
 * /conf/redis.conf]`, `[/usr/sbin/nginx, -g, …]`): the process is the one the image documents,
 * so its settings are read from command and args together, as from args alone. Undefined when
 * `command` runs anything else (a shell, a script, another program): then only the declarations
 * say what listens.
 */
export function ownProgram(container: ContainerModel, listen: ResolvedImage['listen'], doc: PodModel['doc']): ArgItem[] | undefined {
  const items = argItems(container, 'command', doc);
  const first = items[0]?.text;
  if (first === undefined || !listen?.programs) return undefined;
  return listen.programs.includes(first.slice(first.lastIndexOf('/') + 1)) ? items : undefined;
}

/** Flags every server answers by printing and exiting. */
const PRINTS_AND_EXITS = new Set(['--version', '--help']);
/** Subcommands of a server's program that manage or convert rather than serve (`solr create_core`, `zkServer.sh status`, `jupyter nbconvert`; probe). */
const CLIENT_SUBCOMMANDS = new Set(['version', 'help', 'status', 'stop', 'create', 'create_core', 'delete', 'healthcheck', 'nbconvert', 'build']);

/**
 * The word that makes the server print, test or manage something and exit, binding nothing: one of
 * the image's exit flags (`nginx -t`), `--version` or `--help`, or a client subcommand right after
 * the program (`solr create_core`).
 */
export function exitWord(listen: ResolvedImage['listen'], args: readonly ArgItem[], own: readonly ArgItem[]): string | undefined {
  const flag = args.find((a) => listen?.exitArgs?.includes(a.text) || PRINTS_AND_EXITS.has(a.text))?.text;
  if (flag) return flag;
  const program = own[0]?.text;
  const sub = own[1]?.text;
  return program !== undefined && sub !== undefined && (listen?.programs ?? []).includes(program.slice(program.lastIndexOf('/') + 1)) && CLIENT_SUBCOMMANDS.has(sub) ? sub : undefined;
}

/** A first arg the image's entrypoint starts its server with (redis `/conf/redis.conf`, registry `config.yml`). */
export function configFileArg(listen: ResolvedImage['listen'], first: string): boolean {
  return !listen?.argsEnv?.cmdOnly && (listen?.configFileArgs ?? []).some((suffix) => first.endsWith(suffix));
}

/**
 * Whether the reference names the published image rather than a namesake: Docker Hub (or a
 * `library/` mirror), or a namespaced path (`prom/node-exporter`, `quay.io/prometheus/…`). A
 * single name on another registry (`registry.k8s.io/redis`) is often a different image, so its
 * declarations are trusted over the table's defaults.
 */
export function publishedImage(image: string): boolean {
  const ref = parseImageRef(image);
  return !!ref && (ref.registry === 'docker.io' || HUB_MIRRORS.has(ref.registry) || ref.path.includes('library/') || ref.repository.includes('/'));
}

/** Public pull-through caches of Docker Hub, whose single names are Docker Hub's official images (`mirror.gcr.io/nginx`, probe EP). */
const HUB_MIRRORS = new Set([
  'mirror.gcr.io',
  'registry-1.docker.io',
  'index.docker.io',
  'docker.m.daocloud.io',
  'dockerproxy.com',
  'docker.mirrors.ustc.edu.cn',
  'hub-mirror.c.163.com',
  'docker.nju.edu.cn',
  'dockerhub.azk8s.cn',
  'registry.docker-cn.com',
]);

/**
 * Whether the container runs the published image: a published reference, not pulled from a
 * local build (`imagePullPolicy: Never` with minikube's docker-env: an `nginx` built `FROM alpine`
 * that also runs sshd, probe EG).
 */
export function runsPublishedImage(container: ContainerModel, doc: PodModel['doc']): boolean {
  return publishedImage(container.image ?? '') && getString(container.node, 'imagePullPolicy', doc) !== 'Never';
}
