/**
 * Part of mount-shadows-image: a ConfigMap mounted over nginx's whole /etc/nginx, whose nginx.conf
 * includes a file of that folder the ConfigMap does not hold (`include /etc/nginx/mime.types;`,
 * the default configuration's first line in `http`), or that holds no nginx.conf at all. The
 * mount hides the image's files, so nginx cannot open the file and exits at start:
 * `[emerg] open() "/etc/nginx/mime.types" failed (2: No such file or directory)`.
 * Glob includes (`conf.d/*.conf`) may match nothing and are fine; files the ConfigMap holds are
 * read for their own includes. Silent when nginx reads another configuration (`-c`, `-p`), the
 * container runs another command, or the ConfigMap is not in the workspace or not readable.
 */
import { listenerConfigMaps } from '../k8s/config-maps';
import { mountedConfigMapFiles } from '../k8s/mounted-config';
import { programWords, startWritesOf } from '../k8s/start-writes';
import { normaliseMountPath } from '../k8s/names';
import { containerLabel, type ContainerModel, type MountModel, type PodModel } from '../k8s/pod-model';
import { listenerContext, targetChunks } from './file-contexts';
import type { FileRule, FileRuleContext } from './types';

const NGINX_DIR = '/etc/nginx';

/** `include` arguments of an nginx configuration text (comments dropped). */
function includes(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const code = line.replace(/#.*$/, '');
    for (const m of code.matchAll(/(?:^|[;{}\s])include\s+("([^"]+)"|'([^']+)'|([^\s;]+))\s*;/g)) out.push(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** The first file of the folder the configuration includes and the ConfigMap lacks, following the files it holds. */
function firstMissing(files: ReadonlyMap<string, string>, suppliedElsewhere: (path: string) => boolean): string | undefined {
  const seen = new Set<string>();
  const queue = ['nginx.conf'];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = files.get(file);
    if (text === undefined) {
      if (suppliedElsewhere(`${NGINX_DIR}/${file}`)) continue;
      return `${NGINX_DIR}/${file}`;
    }
    for (const arg of includes(text)) {
      // A glob may match nothing; a placeholder is unknown.
      if (/[*?[$]/.test(arg) || arg === '') continue;
      const path = arg.startsWith('/') ? normaliseMountPath(arg) : normaliseMountPath(`${NGINX_DIR}/${arg}`);
      if (!path.startsWith(`${NGINX_DIR}/`)) continue;
      queue.push(path.slice(NGINX_DIR.length + 1));
    }
  }
  return undefined;
}

/** Whether nginx starts with /etc/nginx/nginx.conf: no other command, no `-c` or `-p`. */
function readsDefaultConf(container: ContainerModel, pod: PodModel): boolean {
  const words = programWords(container, pod, 'nginx');
  return words !== undefined && !words.some((w) => w === '-c' || w === '-p');
}

export function reportNginxMissingIncludes(ctx: FileRuleContext): void {
  let index: ReturnType<typeof listenerConfigMaps> | undefined;
  for (const chunk of targetChunks(ctx)) {
    for (const pod of chunk.pods) {
      for (const container of pod.containers) {
        // The nginx images whose layout Podsight knows (start-writes.ts lists them once).
        if (startWritesOf(container.image)?.program !== 'nginx') continue;
        const mount = container.mounts.find((m: MountModel) => m.mountPath !== undefined && normaliseMountPath(m.mountPath) === NGINX_DIR && !m.subPath && m.name !== undefined);
        if (!mount?.mountPathNode || !mount.name || !readsDefaultConf(container, pod)) continue;
        index ??= listenerConfigMaps(ctx);
        const shown = mountedConfigMapFiles(pod, mount.name, index);
        // A file whose text a template or a placeholder writes cannot be read: unknown.
        if (!shown || [...shown.files.values()].some((t) => t === '')) continue;
        const { name: cmName, files } = shown;
        // Another volume mounted inside the folder supplies what it holds (a file with subPath, conf.d).
        const inner = container.mounts.filter((m) => m !== mount && m.mountPath !== undefined).map((m) => normaliseMountPath(m.mountPath as string));
        const missing = firstMissing(files, (path) => inner.some((m) => path === m || path.startsWith(`${m}/`)));
        if (!missing) continue;
        const args = { container: containerLabel(container), configMap: cmName, file: missing, mountPath: mount.mountPath ?? NGINX_DIR };
        const key = missing === `${NGINX_DIR}/nginx.conf` ? 'mount-shadows-image.nginx-no-conf' : 'mount-shadows-image.nginx-include';
        ctx.report(chunk.start, {
          node: mount.mountPathNode,
          message: ctx.t(key, args),
          data: { nginxInclude: missing, configMap: cmName, subPathFix: missing !== `${NGINX_DIR}/nginx.conf` && [...files.keys()].every((f) => f === 'nginx.conf' || !includesFile(files, f)) },
        });
      }
    }
  }
}

/** Whether nginx.conf (or a file it includes) names `file` of the folder. */
function includesFile(files: ReadonlyMap<string, string>, file: string): boolean {
  return [...files.values()].some((text) => includes(text).some((arg) => normaliseMountPath(arg.startsWith('/') ? arg : `${NGINX_DIR}/${arg}`) === `${NGINX_DIR}/${file}`));
}

/** The file-level part of mount-shadows-image (the ConfigMap may be in another document or file). */
export const mountShadowsImageAcross: FileRule = {
  id: 'mount-shadows-image',
  defaultSeverity: 'warning',
  context: listenerContext,
  peerContext: listenerContext,
  checkFile: reportNginxMissingIncludes,
};
