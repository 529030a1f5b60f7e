/**
 * The built-in image knowledge table: default listen ports, directories the image ships content in
 * (a mount at or above them hides it) and directories meant to be mounted (VOLUME, documented data
 * directories and mount points), with the source of every entry.
 *
 * Facts come from the images' Dockerfiles and official docs (see each `source`). An entry describes
 * what the `latest` tag runs; `variants` give the facts that differ for some tags (e.g. postgres
 * 17 and older, php/wordpress fpm). The data lives in data/*.ts, one file per category.
 */
import { apps, baseImages } from './data/apps';
import { databases } from './data/databases';
import { observability } from './data/observability';
import { platform } from './data/platform';
import { redisImages } from './data/redis';
import { selfHosted } from './data/self-hosted';
import { php, webServers } from './data/web-servers';
import type { ImageInfo } from './types';

export type {
  DataDir,
  ImageInfo,
  ImagePort,
  ImageVariant,
  PopulatedDir,
  PortProtocol,
  ListenModel,
  ListenSetting,
  PortSetting,
  VariantCondition,
} from './types';

/** Every built-in entry, sorted by repository. */
export const BUILTIN_IMAGES: readonly ImageInfo[] = [...webServers, php, ...databases, ...redisImages, ...observability, ...platform, ...apps, ...selfHosted, ...baseImages].sort(
  (a, b) => (a.repository < b.repository ? -1 : a.repository > b.repository ? 1 : 0),
);
