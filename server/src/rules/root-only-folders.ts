/**
 * Part of read-only-root-fs: an image run as another user than root, whose start folders belong to
 * root (the official nginx image: sweep DS, probe DY). What is judged and what nginx then says.
 */
import { parseImageRef, tagVersion, tagWords } from '../k8s/images/image-ref';
import { publishedImage } from '../k8s/listen-programs';
import type { ContainerModel, PodModel } from '../k8s/pod-model';
import { nonRootUser } from '../k8s/security-context';
import type { StartWrite } from '../k8s/start-writes';

/**
 * The non-root user the container runs as, when its image is the published one: a single name on
 * a private registry (`<account>.dkr.ecr…/nginx`, `localhost:5000/nginx`) is often a build
 * `FROM nginx` that hands the folders over. Alpine tags before 1.17 gave /var/cache/nginx to the
 * nginx user already (docker-nginx#329).
 */
export function rootOnlyUser(container: ContainerModel, pod: PodModel): ReturnType<typeof nonRootUser> {
  const user = nonRootUser(container, pod);
  if (!user || !container.image || !publishedImage(container.image)) return undefined;
  const tag = parseImageRef(container.image)?.tag;
  const version = tagVersion(tag);
  if (tagWords(tag).includes('alpine') && version && (version[0] < 1 || (version[0] === 1 && version[1] < 17))) return undefined;
  return user;
}

/**
 * What nginx prints when it cannot write in the folder: read-only (30) or not its own (13). Its pid
 * file is /run/nginx.pid in the image's nginx.conf from 1.27.5 (pkg-oss#26), /var/run/nginx.pid
 * before and as compiled in (a replacing nginx.conf without `pid`).
 */
export function startFailure(write: StartWrite | undefined, image: string | undefined, readOnly: boolean, compiled: boolean): string {
  const reason = readOnly ? '(30: Read-only file system)' : '(13: Permission denied)';
  if (write?.path !== '/var/run') return `mkdir() "${write?.path ?? '/var/cache/nginx'}/client_temp" failed ${reason}`;
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(parseImageRef(image ?? '')?.tag ?? '');
  const [major, minor, patch] = m ? [Number(m[1]), Number(m[2]), m[3] === undefined ? Infinity : Number(m[3])] : [Infinity, 0, 0];
  const before = major < 1 || (major === 1 && (minor < 27 || (minor === 27 && patch < 5)));
  return `open() "${compiled || before ? '/var/run/nginx.pid' : '/run/nginx.pid'}" failed ${reason}`;
}
