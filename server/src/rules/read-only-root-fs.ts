/**
 * read-only-root-fs: a container with `readOnlyRootFilesystem: true` whose program must write in a
 * folder of the image when it starts (nginx: its temporary files in /var/cache/nginx and its pid
 * file in /var/run), with no writable volume mounted there: it exits at once, and the pod
 * crash-loops. Hardening guides ask for a read-only root filesystem; the writable scratch folders
 * are what is easy to forget. The same when the container runs as a user other than root
 * (`runAsUser: 1000`) and the folders belong to root in the image (the official nginx image: sweep
 * DS): "mkdir() … failed (13: Permission denied)". Ports below 1024 are named then too: a non-root
 * process binds them only where the runtime allows unprivileged ports.
 * A container's own script writing onto the read-only root is reported too (read-only-script-writes.ts).
 * Silent when the program's configuration is replaced (a mount over nginx.conf, `-c`, a `-g` that
 * moves the pid), when the container runs another command, for kustomize resources and patches (an
 * overlay may add the volumes) and custom resources (their controllers may add them).
 */
import { isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { asMap, getNode, getString } from '../core/yaml-access';
import { containerListeners } from '../k8s/listeners';
import { rootOnlyUser, startFailure } from './root-only-folders';
import { containerLabel, type ContainerModel, type MountModel, type PodModel } from '../k8s/pod-model';
import { preparedByInit, writableMounts } from '../k8s/writable-volumes';
import { mountHolds, programWords, startWritesOf, type StartWrite, type StartWrites } from '../k8s/start-writes';
import { isBuiltInWorkload } from '../k8s/workloads';
import { listenerConfigMaps, type ConfigMapIndex } from '../k8s/config-maps';
import { mountedConfigMapFiles } from '../k8s/mounted-config';
import { listenerContext, targetChunks } from './file-contexts';
import { scriptWriteReport } from './read-only-script-writes';
import type { FileRule } from './types';

/** `readOnlyRootFilesystem: true` written in the container's securityContext. */
export function readOnlyRootNode(container: ContainerModel, pod: PodModel): Scalar | undefined {
  const node = getNode(asMap(getNode(container.node, 'securityContext', pod.doc), pod.doc), 'readOnlyRootFilesystem', pod.doc);
  return isScalar(node) && node.value === true ? node : undefined;
}

/** Whether the container starts the program with its default configuration. */
function runsDefault(container: ContainerModel, pod: PodModel, known: StartWrites): boolean {
  const words = programWords(container, pod, known.program);
  // `nginx -V` prints its build and exits, writing nothing (`-t` tests the configuration: it does).
  if (!words || words.some((w) => /^-[vVh?]$/.test(w))) return false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (!known.configArgs.includes(word)) continue;
    // `-g 'daemon off;'` keeps the pid file where it was; a `pid` directive moves it.
    if (word === '-g' && !/\bpid\b/.test(words[i + 1] ?? '')) continue;
    return false;
  }
  return true;
}

/** A mount that puts another nginx.conf in place of the image's. */
function configMountOf(container: ContainerModel, known: StartWrites): MountModel | undefined {
  return container.mounts.find((m) => m.mountPath !== undefined && known.configMounts.some((c) => mountHolds(m.mountPath as string, c)));
}

/**
 * The folders a replacing nginx.conf leaves nginx writing in: the compiled-in paths, less the ones
 * it moves (`pid`, every temporary path). Undefined when its text is not known here.
 */
function compiledWrites(pod: PodModel, known: StartWrites, mount: MountModel, index: ConfigMapIndex): readonly StartWrite[] | undefined {
  if (!known.compiled || mount.name === undefined) return undefined;
  const files = mountedConfigMapFiles(pod, mount.name, index)?.files;
  const key = mount.subPath ?? (mountHolds('/etc/nginx/nginx.conf', mount.mountPath ?? '') ? undefined : 'nginx.conf');
  const text = files && key !== undefined ? files.get(key) : undefined;
  if (text === undefined || text === '' || /\{\{|\$\{|\binclude\b[^;]*nginx\.conf/.test(text)) return undefined;
  const conf = text.replace(/#.*$/gm, '');
  const moved = (d: string): boolean => setsDirective(conf, d);
  return known.compiled.filter((w) => !(w.path === '/var/run' && moved('pid')) && !(w.path === '/var/cache/nginx' && TEMP_PATHS.every(moved)));
}

/**
 * The folders nginx cannot write in: no writable volume is mounted at them. A volume mounted
 * above one starts empty or holds what it holds: an emptyDir there hides the folder (nginx does
 * not create its parents), any other volume may hold it (not judged).
 */
export function unwritable(container: ContainerModel, pod: PodModel, known: StartWrites): StartWrite[] {
  const writable = writableMounts(container, pod);
  return known.writes.filter((w) => {
    if (writable.some((m) => mountHolds(m.mountPath, w.path) && mountHolds(w.path, m.mountPath))) return false;
    const above = writable.filter((m) => mountHolds(m.mountPath, w.path));
    return above.every((m) => pod.volumes.find((v) => v.name === m.name)?.source === 'emptyDir' && !preparedByInit(pod, m.name));
  });
}

/** Whether an nginx configuration's text (comments removed) sets the directive. */
const setsDirective = (conf: string, directive: string): boolean => new RegExp(`(^|[\\s;{])${directive}\\s`).test(conf);

/** The five temporary paths nginx compiles into /var/cache/nginx; a configuration that moves them all needs none there. */
const TEMP_PATHS = ['client_body_temp_path', 'proxy_temp_path', 'fastcgi_temp_path', 'uwsgi_temp_path', 'scgi_temp_path'];

/**
 * Whether the ConfigMaps mounted into /etc/nginx (a conf.d file, say) move every temporary path;
 * a file whose text a template writes may move them too.
 */
function tempPathsMoved(container: ContainerModel, pod: PodModel, index: ConfigMapIndex): boolean {
  const texts: string[] = [];
  for (const mount of container.mounts) {
    if (mount.mountPath === undefined || mount.name === undefined || !mountHolds('/etc/nginx', mount.mountPath)) continue;
    const shown = mountedConfigMapFiles(pod, mount.name, index)?.files;
    for (const [file, text] of shown ?? []) {
      if (mount.subPath !== undefined && file !== mount.subPath) continue;
      if (text === '') return true;
      texts.push(text.replace(/#.*$/gm, ''));
    }
  }
  return TEMP_PATHS.every((d) => texts.some((t) => setsDirective(t, d)));
}

/** The sysctl that lets a non-root process bind ports below 1024 (a safe sysctl since Kubernetes 1.22). */
export const UNPRIVILEGED_PORTS = 'net.ipv4.ip_unprivileged_port_start';

/** Whether the pod sets the sysctl (any value: the author chose it). */
function portsSettled(pod: PodModel): boolean {
  const sysctls = getNode(asMap(getNode(pod.spec, 'securityContext', pod.doc), pod.doc), 'sysctls', pod.doc);
  return isSeq(sysctls) && sysctls.items.some((item) => getString(asMap(item, pod.doc), 'name', pod.doc) === UNPRIVILEGED_PORTS);
}

/** An emptyDir mounted above the folder (it starts empty, so the folder is not there). */
function emptyAbove(container: ContainerModel, pod: PodModel, folder: string): string | undefined {
  return container.mounts.find((m) => m.mountPath !== undefined && !mountHolds(folder, m.mountPath) && mountHolds(m.mountPath, folder) && pod.volumes.find((v) => v.name === m.name)?.source === 'emptyDir' && !preparedByInit(pod, m.name))?.mountPath;
}

export const readOnlyRootFs: FileRule = {
  id: 'read-only-root-fs',
  defaultSeverity: 'warning',
  // The ConfigMaps a conf.d mount reads may move nginx's temporary paths.
  context: listenerContext,
  peerContext: listenerContext,
  checkFile(ctx) {
    if (ctx.options.kustomizeResource || ctx.options.fragment) return;
    let index: ConfigMapIndex | undefined;
    for (const chunk of targetChunks(ctx)) {
      for (const pod of chunk.pods) {
        if (pod.partial || !isBuiltInWorkload(pod.object)) continue;
        for (const container of pod.containers) {
          if (container.role === 'ephemeral') continue;
          const readOnly = readOnlyRootNode(container, pod);
          const scriptWrite = readOnly ? scriptWriteReport(ctx.t, pod, container, readOnly) : undefined;
          if (scriptWrite) ctx.report(chunk.start, scriptWrite);
          const user = rootOnlyUser(container, pod);
          const image = readOnly || user ? startWritesOf(container.image) : undefined;
          const asUser = readOnly ? undefined : user;
          const node = readOnly ?? user?.node;
          if (!node || !image || !runsDefault(container, pod, image)) continue;
          // Another nginx.conf in a ConfigMap: the compiled-in paths, unless it moves them (sweep DZ).
          const configMount = configMountOf(container, image);
          const writes = configMount ? compiledWrites(pod, image, configMount, (index ??= listenerConfigMaps(ctx))) : image.writes;
          if (!writes) continue;
          // As another user on a writable root, only the folders root owns are out of reach.
          const known = { ...image, writes: asUser ? writes.filter((w) => w.rootOnly) : writes };
          if (known.writes.length === 0) continue;
          let missing = unwritable(container, pod, known);
          if (missing.some((w) => w.path === '/var/cache/nginx')) {
            index ??= listenerConfigMaps(ctx);
            if (tempPathsMoved(container, pod, index)) missing = missing.filter((w) => w.path !== '/var/cache/nginx');
          }
          if (missing.length === 0) continue;
          const above = missing.map((w) => emptyAbove(container, pod, w.path)).find((a) => a !== undefined);
          const says = startFailure(missing[0], container.image, !!readOnly, configMount !== undefined);
          const args = { container: containerLabel(container), program: known.program, what: ctx.t(`read-only-root-fs.what.${known.what}`), says, all: known.writes.map((w) => w.path).join(', '), paths: missing.map((w) => w.path).join(', '), above: above ?? '', uid: asUser?.uid ?? 0 };
          // Below 1024 a non-root process binds only where the runtime allows it; on the node's network, not at all.
          const low = user && !portsSettled(pod) ? [...new Set(containerListeners(pod, container, { images: ctx.options.images, configMaps: (index ??= listenerConfigMaps(ctx)) }).listeners.filter((l) => l.protocol === 'TCP' && l.port < 1024).map((l) => l.port))] : [];
          const ports = low.length ? ctx.t(pod.hostNetwork ? 'read-only-root-fs.low-ports-host' : 'read-only-root-fs.low-ports', { ports: low.join(', '), sysctl: UNPRIVILEGED_PORTS }) : '';
          const key = asUser ? (above ? 'read-only-root-fs.non-root-hidden' : 'read-only-root-fs.non-root') : above ? 'read-only-root-fs.hidden' : 'read-only-root-fs.message';
          ctx.report(chunk.start, {
            node: node as Node,
            message: ctx.t(key, args) + ports,
            related: configMount?.mountPathNode
              ? [{ node: configMount.mountPathNode, message: ctx.t('read-only-root-fs.related-config', { program: known.program }) }]
              : container.imageNode ? [{ node: container.imageNode, message: ctx.t('read-only-root-fs.related', { program: known.program }) }] : [],
            data: { containerPath: container.path, folders: missing.map((w) => w.path), ...(low.length ? (pod.hostNetwork ? { hostLowPorts: true } : { unprivilegedPorts: true }) : {}) },
          });
        }
      }
    }
  },
};
