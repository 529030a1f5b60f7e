/** Whether a pod runs on Windows nodes, where user and process rules differ. */
import { isScalar } from 'yaml';
import { getMap, getNode } from '../core/yaml-access';
import type { PodModel } from './pod-model';

/**
 * A pod for Windows nodes: `os.name: windows`, `windowsOptions`, a node selector or affinity on
 * `kubernetes.io/os: windows`, or a Windows image tag (`-windowsservercore`, `-nanoserver`, `ltsc`).
 * The Windows kubelet checks `runAsUserName`, not the image's USER.
 */
export function isWindows(pod: PodModel): boolean {
  const os = getMap(pod.spec, 'os', pod.doc);
  const name = os && getNode(os, 'name', pod.doc);
  if (isScalar(name) && name.value === 'windows') return true;
  if ([pod.spec, ...pod.containers.map((c) => c.node)].some((owner) => getMap(getMap(owner, 'securityContext', pod.doc), 'windowsOptions', pod.doc) !== undefined)) return true;
  if (pod.containers.some((c) => WINDOWS_TAG.test(c.image ?? ''))) return true;
  const selector = getMap(pod.spec, 'nodeSelector', pod.doc);
  if (selector?.items.some((p) => isScalar(p.key) && OS_LABEL.test(String(p.key.value)) && isScalar(p.value) && p.value.value === 'windows')) return true;
  // Affinity on the OS label: read as text, any `windows` value counts.
  const affinity = getNode(pod.spec, 'affinity', pod.doc);
  return affinity !== undefined && /kubernetes\.io\/os[\s\S]*\bwindows\b/.test(String(affinity));
}

const OS_LABEL = /^(?:beta\.)?kubernetes\.io\/os$/;
const WINDOWS_TAG = /:[^/]*(?:windowsservercore|nanoserver|ltsc\d{4}|windows)/i;

