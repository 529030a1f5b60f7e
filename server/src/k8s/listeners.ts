/** What a container listens on: its declared ports, or the ports its image implies. */
import { lookupImage, type UserImageInfo } from './images';
import type { ContainerModel } from './pod-model';

/** A port implied by the image when the container declares none. */
export interface ImpliedPort {
  readonly port: number;
  readonly protocol: string;
  readonly source: string;
}

/**
 * Ports the container's image listens on by default, when the container declares no ports itself.
 * An overridden `command` replaces the image's entrypoint, so it implies nothing.
 */
export function impliedPorts(container: ContainerModel, images?: Readonly<Record<string, UserImageInfo>>): ImpliedPort[] {
  if (container.ports.length > 0 || container.commandOverridden || !container.image) return [];
  const info = lookupImage(container.image, images);
  if (!info) return [];
  return info.ports.map((p) => ({ port: p.port, protocol: p.protocol, source: info.portsSource }));
}
