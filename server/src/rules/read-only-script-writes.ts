/**
 * Part of read-only-root-fs: a container with a read-only root filesystem whose own shell script
 * (its `sh -c`, its postStart hook) writes a file where no writable volume is mounted
 * (`touch /test.go`, `echo … > /etc/app.conf`): the write fails with "Read-only file system", and a
 * script that checks for errors (`&&`, `set -e`) stops there (sweep ED: a handbook's readonly-pod).
 * Paths the kubelet or the kernel provide writable are left out, and so are scripts with branches,
 * fallbacks, subshells or defaults (straightLineScripts): their writes may not happen as written.
 */
import type { Node, Scalar } from 'yaml';
import { containerLabel, type ContainerModel, type PodModel } from '../k8s/pod-model';
import { getString } from '../core/yaml-access';
import { selfWrittenPaths, straightLineScripts } from '../k8s/self-fill';
import { mountHolds } from '../k8s/start-writes';
import { writableMounts } from '../k8s/writable-volumes';
import type { Report } from './types';

/** Folders that are not the image's root filesystem: devices, kernel interfaces, the kubelet's own files. */
const NOT_ROOT_FS = ['/dev', '/proc', '/sys', '/etc/hosts', '/etc/hostname', '/etc/resolv.conf'];

export function scriptWriteReport(
  t: (key: string, args?: Readonly<Record<string, string | number>>) => string,
  pod: PodModel,
  container: ContainerModel,
  readOnly: Scalar,
): Report | undefined {
  if (!straightLineScripts(container, pod.doc)) return undefined;
  // The kubelet bind-mounts the termination message file writable, wherever it is.
  const termination = getString(container.node, 'terminationMessagePath', pod.doc);
  const mounts = writableMounts(container, pod);
  const blocked = [...new Set(selfWrittenPaths(container, pod.doc))].filter(
    (p) => p !== termination && !NOT_ROOT_FS.some((d) => mountHolds(d, p)) && !mounts.some((m) => mountHolds(m.mountPath, p)),
  );
  if (blocked.length === 0) return undefined;
  return {
    node: readOnly as Node,
    message: t('read-only-root-fs.script-write', { container: containerLabel(container), paths: blocked.join(', ') }),
    data: { containerPath: container.path, scriptWrites: blocked },
  };
}
