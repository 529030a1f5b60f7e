/**
 * The listen flags of a kubebuilder / operator-sdk Go manager (controller-runtime): the scaffold
 * runs `command: [/manager]` and sets `--metrics-bind-address=:8443` (`--metrics-addr` before
 * kubebuilder v3) and `--health-probe-bind-address=:8081` in its args. Only for an image Podsight
 * does not know, started as `/manager`, and only a plain `:PORT` (or `0.0.0.0:PORT`, `[::]:PORT`)
 * value: `0` turns the server off, a loopback address is out of a Service's reach, another host
 * may not be the pod's, and anything else (a placeholder, an env reference) is not read.
 */
import type { Document } from 'yaml';
import { lookupImage, type UserImageInfo } from './images';
import { argItems, parseAddress } from './listen-values';
import type { ContainerModel } from './pod-model';

const FLAGS = ['metrics-bind-address', 'metrics-addr', 'health-probe-bind-address'];

/** The ports such a manager's flags make it listen on, on every address of the pod; `health`: the kubelet's probe server. */
export function managerBindPorts(container: ContainerModel, doc: Document, images?: Readonly<Record<string, UserImageInfo>>): { port: number; health: boolean }[] {
  const command = argItems(container, 'command', doc);
  if (command.length !== 1 || command[0]!.text !== '/manager') return [];
  if (container.image && lookupImage(container.image, images)) return [];
  const args = argItems(container, 'args', doc).map((a) => a.text);
  const ports: { port: number; health: boolean }[] = [];
  args.forEach((arg, i) => {
    // Go's flag package: `-flag=v`, `--flag=v`, `--flag v`.
    const m = /^--?([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m || !FLAGS.includes(m[1]!)) return;
    const value = m[2] ?? args[i + 1] ?? '';
    if (!/^(0\.0\.0\.0|\[::\])?:\d+$/.test(value)) return;
    const port = parseAddress(value)?.port;
    if (port !== undefined && port > 0) ports.push({ port, health: m[1] === 'health-probe-bind-address' });
  });
  return ports;
}
