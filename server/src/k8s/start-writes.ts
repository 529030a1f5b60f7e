/**
 * Folders an image's program must write in when it starts, under its default configuration: with
 * `readOnlyRootFilesystem: true` each needs a writable volume mounted at it or above it, or the
 * program exits at once; so do those owned by root when the container runs as another user.
 * Only programs whose failure is certain and documented are listed.
 */
import { getNode } from '../core/yaml-access';
import { envOf } from './env';
import { lookupImage } from './images';
import { normaliseMountPath } from './images/mount-path';
import type { ContainerModel, PodModel } from './pod-model';

export interface StartWrite {
  /** The folder, as the program names it. */
  readonly path: string;
  /** The image's folder belongs to root and only root may write in it: a non-root user cannot either. */
  readonly rootOnly?: true;
}

export interface StartWrites {
  readonly program: string;
  /** The message catalogue's words for what it writes (`read-only-root-fs.what.<key>`). */
  readonly what: string;
  readonly writes: readonly StartWrite[];
  /** Mounts that replace the configuration naming those folders (then they may be elsewhere). */
  readonly configMounts: readonly string[];
  /** Flags that read another configuration or move the pid file. */
  readonly configArgs: readonly string[];
  /**
   * Where the program writes when a configuration file of its own replaces the image's and says
   * nothing of these folders: the paths compiled into it (nginx `--pid-path`, `--http-*-temp-path`).
   */
  readonly compiled?: readonly StartWrite[];
}

const NGINX_CONFIG = { configMounts: ['/etc/nginx/nginx.conf'], configArgs: ['-c', '-g', '-p'] };

// nginx's packages compile the temp paths into /var/cache/nginx (`--http-client-body-temp-path`
// and its kin) and nginx.conf writes the pid to /run/nginx.pid (/var/run is a link to /run); the
// unprivileged image moves both into /tmp.
const NGINX_COMPILED: readonly StartWrite[] = [
  { path: '/var/cache/nginx', rootOnly: true },
  { path: '/var/run', rootOnly: true },
];

const TABLE: Readonly<Record<string, StartWrites>> = {
  nginx: {
    program: 'nginx',
    what: 'nginx',
    // nginx creates its temporary folders (ngx_create_paths) before it writes its pid file.
    writes: [
      { path: '/var/cache/nginx', rootOnly: true },
      { path: '/var/run', rootOnly: true },
    ],
    ...NGINX_CONFIG,
    compiled: NGINX_COMPILED,
  },
  'nginxinc/nginx-unprivileged': {
    program: 'nginx',
    what: 'nginx',
    writes: [{ path: '/tmp' }],
    ...NGINX_CONFIG,
    // The same binary: its own nginx.conf moves both into /tmp; /var/cache/nginx is given to uid 101 and group 0.
    compiled: [{ path: '/var/cache/nginx' }, NGINX_COMPILED[1] as StartWrite],
  },
};

/** What the image writes at start, when it is one the table knows. */
export function startWritesOf(image: string | undefined): StartWrites | undefined {
  if (!image) return undefined;
  const resolved = lookupImage(image);
  const repository = resolved?.builtinRepository;
  return repository ? TABLE[repository] : undefined;
}

/** `/var/run` is a link to `/run` in these images: a mount at either serves both. */
const ALIASES: Readonly<Record<string, string>> = { '/var/run': '/run' };

function canonical(path: string): string | undefined {
  const p = normaliseMountPath(path);
  if (p === undefined) return undefined;
  for (const [from, to] of Object.entries(ALIASES)) if (p === from || p.startsWith(from + '/')) return to + p.slice(from.length);
  return p;
}

const holds = (m: string | undefined, f: string | undefined): boolean => m !== undefined && f !== undefined && (m === '/' || f === m || f.startsWith(m + '/'));

/** Whether a mount at `mountPath` holds `folder` (at it or above it), as written or through the `/var/run` link. */
export function mountHolds(mountPath: string, folder: string): boolean {
  return holds(canonical(mountPath), canonical(folder)) || holds(normaliseMountPath(mountPath), normaliseMountPath(folder));
}

/**
 * The words of the container's command and args when it starts the program itself: the image's
 * own start (nothing written, or args only for the image's entrypoint), or the program written out
 * (`nginx -g 'daemon off;'`, as the image's CMD; `nginx-debug` too). Undefined when another command
 * runs (a shell, a script, another program), which may start it anyhow.
 */
export function programWords(container: ContainerModel, pod: PodModel, program: string): readonly string[] | undefined {
  const words = envOf(container, pod.doc).commandArgs.map((c) => c.node.value);
  const overridden = container.commandOverridden || getNode(container.node, 'args', pod.doc) !== undefined;
  const first = (words[0] ?? '').split('/').pop() ?? '';
  return overridden && first !== program && first !== `${program}-debug` ? undefined : words;
}
