/**
 * Ports a new `containerPort` can take: free among the declared and image-implied ports of the
 * containers that run at the same time as this one (they share one network namespace).
 */
import type { ConfigMapIndex } from '../k8s/config-maps';
import { containerListeners } from '../k8s/listeners';
import { lookupImage, type UserImageInfo } from '../k8s/images';
import { containerLabel, runTogether, type ContainerModel, type PodModel, type PortModel } from '../k8s/pod-model';

/** A port in use in the pod, and by whom. */
export interface UsedPort {
  readonly port: number;
  readonly protocol: string;
  readonly container: string;
}

/** A suggested port: the image's own default, or the next free one. */
export interface FreePort {
  readonly port: number;
  readonly reason: 'image' | 'next';
}

/** Ports the other running containers (and this one's other entries) take. */
export function usedPorts(pod: PodModel, container: ContainerModel, editing?: PortModel, images?: Readonly<Record<string, UserImageInfo>>, configMaps?: ConfigMapIndex): UsedPort[] {
  const out: UsedPort[] = [];
  for (const c of pod.containers) {
    if (c !== container && !runTogether(c, container)) continue;
    for (const p of c.ports) {
      if (p === editing || p.containerPort === undefined) continue;
      out.push({ port: p.containerPort, protocol: p.protocol, container: containerLabel(c) });
    }
    // What the other processes really listen on (effective listeners), declared or not.
    if (c !== container) {
      for (const l of containerListeners(pod, c, { images, configMaps }).listeners) {
        if (!out.some((u) => u.port === l.port && u.protocol === l.protocol && u.container === containerLabel(c))) out.push({ port: l.port, protocol: l.protocol, container: containerLabel(c) });
      }
    }
  }
  return out;
}

/**
 * First the ports this container's process listens on (its effective listeners: the image default,
 * or where args, env or its configuration moved it), when free; then the first free port from 8080.
 */
export function freePorts(used: readonly UsedPort[], container: ContainerModel, protocol = 'TCP', images?: Readonly<Record<string, UserImageInfo>>, pod?: PodModel, configMaps?: ConfigMapIndex): FreePort[] {
  const taken = new Set(used.filter((u) => u.protocol === protocol).map((u) => u.port));
  const out: FreePort[] = [];
  const info = container.image && !container.commandOverridden ? lookupImage(container.image, images) : undefined;
  const own = pod ? containerListeners(pod, container, { images, configMaps }).listeners.filter((l) => l.source !== 'declared') : info?.ports ?? [];
  for (const p of own) {
    if (p.protocol === protocol && !taken.has(p.port) && !out.some((o) => o.port === p.port)) out.push({ port: p.port, reason: 'image' });
  }
  let next = 8080;
  while (taken.has(next) || out.some((o) => o.port === next)) next++;
  out.push({ port: next, reason: 'next' });
  return out;
}
