/**
 * Image knowledge lookup: what Podsight knows about the image of a container (default ports,
 * directories it ships content in, directories meant to be mounted), from the built-in table and
 * from user-supplied knowledge (the `podsight.images` setting and the CLI config file), with the
 * origin of every fact.
 *
 * Matching: the reference is normalised to its repository path without registry, tag, digest and
 * `library/` (see image-ref.ts), then compared with each entry's `repository` and `aliases`
 * (normalised the same way). Tag variants then apply (see ImageInfo.variants).
 *
 * User knowledge, keyed by repository (same normalisation), overrides and extends the built-in entry:
 * - `ports` replaces the built-in ports (an empty list says "listens on nothing");
 * - `populatedDirs` and `dataDirs` add to the built-in lists; a path the user lists in one list is
 *   removed from the other built-in list (so a user can re-classify a directory).
 */
import { normaliseMountPath } from './mount-path';
import { isPlainObject, PROTOCOLS, validateUserImages } from './user-images';
import { BUILTIN_IMAGES } from './image-table';
import { normaliseRepository, parseImageRef, tagMajor, tagVersion, tagWords, type ImageRef } from './image-ref';
import type {
  FactOrigin,
  ImageInfo,
  ImageVariant,
  ResolvedDataDir,
  ResolvedImage,
  ResolvedPopulatedDir,
  ResolvedPort,
  UserImageInfo,
} from './types';

export * from './types';
export { DOCKER_HUB, normaliseRepository, parseImageRef, tagMajor, tagWords, type ImageRef } from './image-ref';
export { BUILTIN_IMAGES } from './image-table';
export { normaliseMountPath } from './mount-path';
export { validateUserImages } from './user-images';

/** How user-supplied facts are credited in `source`. */
export const USER_SOURCE = 'user image settings (podsight.images or the CLI config file)';

// ---------------------------------------------------------------------------------------------
// Built-in index

const builtinIndex: ReadonlyMap<string, ImageInfo> = (() => {
  const index = new Map<string, ImageInfo>();
  for (const info of BUILTIN_IMAGES) {
    for (const name of [info.repository, ...(info.aliases ?? [])]) {
      const key = normaliseRepository(name);
      if (key !== undefined && !index.has(key)) index.set(key, info);
    }
  }
  return index;
})();

/** Every built-in entry, sorted by repository (for docs and completion). */
export function allKnownImages(): readonly ImageInfo[] {
  return BUILTIN_IMAGES;
}

/** The built-in entry an image reference (or a bare repository) resolves to, ignoring tag variants. */
export function findBuiltinImage(image: string): ImageInfo | undefined {
  const key = normaliseRepository(image);
  return key === undefined ? undefined : builtinIndex.get(key);
}

/** The variant of `info` that applies to `tag`, if any: the first whose conditions all hold. */
export function selectVariant(info: ImageInfo, tag: string | undefined): ImageVariant | undefined {
  const major = tagMajor(tag);
  const words = tagWords(tag);
  const version = tagVersion(tag);
  return info.variants?.find(({ when }) => {
    if (when.majorAtMost !== undefined && (major === undefined || major > when.majorAtMost)) return false;
    if (when.majorAtLeast !== undefined && (major === undefined || major < when.majorAtLeast)) return false;
    if (when.tagWord !== undefined && !words.includes(when.tagWord)) return false;
    if (when.versionBelow !== undefined && !versionBelow(version, when.versionBelow)) return false;
    return when.majorAtMost !== undefined || when.majorAtLeast !== undefined || when.tagWord !== undefined || when.versionBelow !== undefined;
  });
}

/** Whether a tag's `major.minor` is below `limit` (`0.15`); false when the tag has none (`latest`). */
function versionBelow(version: [number, number] | undefined, limit: string): boolean {
  const [major = 0, minor = 0] = limit.split('.').map(Number);
  return version !== undefined && (version[0] < major || (version[0] === major && version[1] < minor));
}

// ---------------------------------------------------------------------------------------------
// User knowledge

const validatedCache = new WeakMap<object, Record<string, UserImageInfo>>();

function userImages(extra: Readonly<Record<string, UserImageInfo>> | undefined): Record<string, UserImageInfo> | undefined {
  if (!isPlainObject(extra)) return undefined;
  let images = validatedCache.get(extra);
  if (!images) {
    images = validateUserImages(extra).images;
    validatedCache.set(extra, images);
  }
  return images;
}

function userEntry(images: Record<string, UserImageInfo> | undefined, keys: readonly string[]): UserImageInfo | undefined {
  if (!images) return undefined;
  for (const key of keys) if (Object.prototype.hasOwnProperty.call(images, key)) return images[key];
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Lookup

/**
 * What Podsight knows about `image` (a container's `image:` value): the built-in entry (with the
 * tag variant applied) merged with user knowledge from `extra`. `undefined` when the reference is
 * invalid or nothing is known about it.
 */
export function lookupImage(image: string, extra?: Readonly<Record<string, UserImageInfo>>): ResolvedImage | undefined {
  if (typeof image !== 'string') return undefined;
  const ref = parseImageRef(image);
  if (!ref) return undefined;
  const builtin = builtinIndex.get(ref.repository);
  const keys = [ref.repository];
  if (builtin) {
    for (const name of [builtin.repository, ...(builtin.aliases ?? [])]) {
      const key = normaliseRepository(name);
      if (key !== undefined && !keys.includes(key)) keys.push(key);
    }
  }
  const user = userEntry(userImages(extra), keys);
  if (!builtin && !user) return undefined;
  return resolve(image, ref, builtin, user);
}

function resolve(image: string, ref: ImageRef, builtin: ImageInfo | undefined, user: UserImageInfo | undefined): ResolvedImage {
  const variant = builtin ? selectVariant(builtin, ref.tag) : undefined;
  const b: FactOrigin = 'builtin';
  const u: FactOrigin = 'user';

  let ports: ResolvedPort[] = (variant?.ports ?? builtin?.ports ?? []).map((p) => ({ ...p, origin: b }));
  let populatedDirs: ResolvedPopulatedDir[] = (variant?.populatedDirs ?? builtin?.populatedDirs ?? []).map((d) => ({ ...d, origin: b }));
  let dataDirs: ResolvedDataDir[] = (variant?.dataDirs ?? builtin?.dataDirs ?? []).map((d) => ({ ...d, origin: b }));

  if (user?.ports) {
    ports = user.ports.map((p) => {
      const port = typeof p === 'number' ? p : p.port;
      const protocol = (typeof p === 'number' ? undefined : PROTOCOLS.find((x) => x === p.protocol?.toUpperCase())) ?? 'TCP';
      return { port, protocol, description: `declared in ${USER_SOURCE}`, origin: u };
    });
  }
  if (user?.populatedDirs || user?.dataDirs) {
    const userPopulated = user.populatedDirs ?? [];
    const userData = user.dataDirs ?? [];
    populatedDirs = populatedDirs.filter((d) => !userData.includes(d.path));
    dataDirs = dataDirs.filter((d) => !userPopulated.includes(d.path));
    for (const path of userPopulated) {
      if (!populatedDirs.some((d) => d.path === path)) populatedDirs.push({ path, contents: `content declared in ${USER_SOURCE}`, origin: u });
    }
    for (const path of userData) {
      if (!dataDirs.some((d) => d.path === path)) dataDirs.push({ path, why: `declared as a data directory in ${USER_SOURCE}`, origin: u });
    }
  }

  const builtinSource = builtin ? (variant?.source ? `${builtin.source}; ${variant.source}` : builtin.source) : undefined;
  const source = builtinSource === undefined ? USER_SOURCE : user ? `${builtinSource}; extended by ${USER_SOURCE}` : builtinSource;
  const portSetting = variant?.portSetting ?? builtin?.portSetting;
  // User ports replace the built-in ones: the built-in listen model describes ports no longer there.
  const listen = user?.ports ? undefined : (variant?.listen ?? builtin?.listen);

  return {
    image,
    repository: ref.repository,
    ...(builtin ? { builtinRepository: builtin.repository } : {}),
    title: builtin?.title ?? ref.repository,
    ...(variant ? { variant: variant.name } : {}),
    ports,
    populatedDirs,
    dataDirs,
    ...(portSetting ? { portSetting } : {}),
    ...(listen ? { listen } : {}),
    source,
    portsSource: user?.ports ? USER_SOURCE : (builtinSource ?? USER_SOURCE),
    ...(builtinSource !== undefined ? { builtinSource } : {}),
    fromUser: user !== undefined,
    fromBuiltin: builtin !== undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Mounts

/** What a volume mounted at one path does to the image's content. */
export interface MountImpact {
  /** The normalised mount path (undefined when the path is not absolute). */
  readonly path?: string;
  /** Populated directories at or below the mount path: their image content is hidden. Empty at a data directory. */
  readonly hidden: readonly ResolvedPopulatedDir[];
  /** Populated directories that contain the mount path: only the part under the mount is hidden. Empty at a data directory. */
  readonly within: readonly ResolvedPopulatedDir[];
  /** The data directory (VOLUME, documented data dir or mount point) at exactly this path: meant to be mounted. */
  readonly dataDir?: ResolvedDataDir;
}

function isAtOrBelow(path: string, ancestor: string): boolean {
  return ancestor === '/' || path === ancestor || path.startsWith(ancestor + '/');
}

/** How a mount at `mountPath` affects the image described by `resolved` (for `mount-shadows-image` and hovers). */
export function mountImpact(resolved: ResolvedImage, mountPath: string): MountImpact {
  const path = normaliseMountPath(mountPath);
  if (path === undefined) return { hidden: [], within: [] };
  const dataDir = resolved.dataDirs.find((d) => d.path === path);
  const covered = dataDir ? [] : resolved.populatedDirs.filter((d) => isAtOrBelow(d.path, path));
  // A populated dir inside another (nginx's conf.d in /etc/nginx) is told by the outer one's contents.
  const hidden = covered.filter((d) => !covered.some((o) => o !== d && o.path !== d.path && isAtOrBelow(d.path, o.path)));
  const around = dataDir ? [] : resolved.populatedDirs.filter((d) => d.path !== path && isAtOrBelow(path, d.path) && !hidden.some((h) => isAtOrBelow(h.path, d.path)));
  const within = around.filter((d) => !around.some((o) => o.path !== d.path && isAtOrBelow(o.path, d.path)));
  return { path, hidden, within, ...(dataDir ? { dataDir } : {}) };
}
