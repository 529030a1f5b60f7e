/**
 * The listen flags of a kubebuilder / operator-sdk Go manager (controller-runtime): the scaffold
 * runs `command: [/manager]` and sets `--metrics-bind-address=:8443` (`--metrics-addr` before
 * kubebuilder v3) and `--health-probe-bind-address=:8081` in its args. Only for an image Podsight
 * does not know, started as `/manager`, a binary of its own (`/kube-green`) or by its entrypoint
 * (the flag names are controller-runtime's own), and only a plain `:PORT` (or `0.0.0.0:PORT`, `[::]:PORT`)
 * value: `0` turns the server off, a loopback address is out of a Service's reach, another host
 * may not be the pod's, and anything else (a placeholder, an env reference) is not read.
 */
import type { Document } from 'yaml';
import { lookupImage, type UserImageInfo } from './images';
import { argItems, isLoopback, parseAddress, type ArgItem } from './listen-values';
import { findFlag, type FlagHit } from './command-flags';
import type { ContainerModel } from './pod-model';

const FLAGS = ['metrics-bind-address', 'metrics-addr', 'health-probe-bind-address'];
const INTERPRETERS = /^(sh|bash|ash|dash|zsh|busybox|env|tini|dumb-init|python\d?(\.\d+)?|node|java|ruby|perl)$/;

/**
 * The manager's listen flags as Go's flag package reads them (`-flag=v`, `--flag=v`, `--flag v`;
 * the last of a repeated flag counts), when the container runs such a manager: `/manager`, another
 * binary of its own (`/kube-green`), or the image's entrypoint (no command); not a shell or an
 * interpreter, whose script may do anything, nor an image Podsight knows.
 */
function managerFlags(container: ContainerModel, doc: Document, images?: Readonly<Record<string, UserImageInfo>>): Map<string, FlagHit<ArgItem>> {
  const values = new Map<string, FlagHit<ArgItem>>();
  const command = argItems(container, 'command', doc);
  const program = command[0]?.text ?? '';
  if (command.length > 0 && (/[\s$]/.test(program) || program.startsWith('-') || INTERPRETERS.test(program.slice(program.lastIndexOf('/') + 1)))) return values;
  if (container.image && lookupImage(container.image, images)) return values;
  // Flags after the program in `command` (`[/manager, --metrics-bind-address=:8443]`) and in `args`.
  const args = [...command.slice(1), ...argItems(container, 'args', doc)];
  for (const flag of FLAGS) {
    const hit = findFlag(args, [`--${flag}`, `-${flag}`]);
    if (hit) values.set(flag, hit);
  }
  return values;
}

/** The ports such a manager's flags make it listen on, on every address of the pod; `health`: the kubelet's probe server. */
export function managerBindPorts(container: ContainerModel, doc: Document, images?: Readonly<Record<string, UserImageInfo>>): { port: number; health: boolean }[] {
  const ports: { port: number; health: boolean }[] = [];
  for (const [flag, { value }] of managerFlags(container, doc, images)) {
    // `0` turns the server off; a loopback address is out of a Service's reach; a placeholder is not read.
    if (!/^(0\.0\.0\.0|\[::\])?:\d+$/.test(value)) continue;
    const port = parseAddress(value)?.port;
    if (port !== undefined && port > 0) ports.push({ port, health: flag === 'health-probe-bind-address' });
  }
  return ports;
}

/**
 * The ports such a manager binds on the pod's loopback only (`--metrics-bind-address=127.0.0.1:8080`,
 * as kubebuilder's scaffold did for a kube-rbac-proxy in front): where the manager itself listens,
 * so a Service sent there is refused, as for any loopback listener (sweep DO).
 */
export function managerLoopbackPorts(container: ContainerModel, doc: Document): Set<number> {
  const out = new Set<number>();
  for (const { value } of managerFlags(container, doc).values()) {
    const address = parseAddress(value);
    if (address?.port && address.address !== '' && isLoopback(address.address)) out.add(address.port);
  }
  return out;
}

/**
 * Ports a `/manager` may serve without a flag: kubebuilder's go/v3 scaffold defaults
 * `--metrics-bind-address` to `:8080` (v4's to `0`, off), and the version is not in sight.
 */
export function managerMaybePorts(container: ContainerModel, doc: Document, images?: Readonly<Record<string, UserImageInfo>>): number[] {
  const command = argItems(container, 'command', doc);
  if (command[0]?.text !== '/manager' || (container.image && lookupImage(container.image, images))) return [];
  const flagged = [...command.slice(1), ...argItems(container, 'args', doc)].some((a) => /^--?(metrics-bind-address|metrics-addr)(=|$)/.test(a.text));
  return flagged ? [] : [8080];
}
