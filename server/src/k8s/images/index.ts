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
import { normaliseMountPath as normaliseAbsolute } from '../names';
import { t, type Locale } from '../../l10n';
import { BUILTIN_IMAGES } from './image-table';
import { normaliseRepository, parseImageRef, tagMajor, tagWords, type ImageRef } from './image-ref';
import type {
  FactOrigin,
  ImageInfo,
  ImageVariant,
  PortProtocol,
  ResolvedDataDir,
  ResolvedImage,
  ResolvedPopulatedDir,
  ResolvedPort,
  UserImageInfo,
} from './types';

export * from './types';
export { DOCKER_HUB, normaliseRepository, parseImageRef, tagMajor, tagWords, type ImageRef } from './image-ref';
export { BUILTIN_IMAGES } from './image-table';

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
  return info.variants?.find(({ when }) => {
    if (when.majorAtMost !== undefined && (major === undefined || major > when.majorAtMost)) return false;
    if (when.majorAtLeast !== undefined && (major === undefined || major < when.majorAtLeast)) return false;
    if (when.tagWord !== undefined && !words.includes(when.tagWord)) return false;
    return when.majorAtMost !== undefined || when.majorAtLeast !== undefined || when.tagWord !== undefined;
  });
}

// ---------------------------------------------------------------------------------------------
// User knowledge

const USER_FIELDS = new Set(['ports', 'populatedDirs', 'dataDirs']);
const PROTOCOLS: readonly PortProtocol[] = ['TCP', 'UDP', 'SCTP'];

/** A normalised absolute container path (see `names.ts`), or undefined for a relative one. */
export function normaliseMountPath(path: string): string | undefined {
  return typeof path === 'string' && path.startsWith('/') ? normaliseAbsolute(path) : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects validation messages in the caller's language. */
type Say = (key: string, args?: Record<string, string | number>) => void;

function describe(value: unknown, locale: Locale): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return t(locale, 'images.a-list');
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (typeof value === 'object') return t(locale, 'images.an-object');
  return String(value);
}

function validatePorts(where: string, value: unknown, say: Say, locale: Locale): { port: number; protocol: PortProtocol }[] | undefined {
  if (!Array.isArray(value)) {
    say('images.ports-list', { at: `${where}.ports`, got: describe(value, locale) });
    return undefined;
  }
  const ports: { port: number; protocol: PortProtocol }[] = [];
  value.forEach((item: unknown, i) => {
    const at = `${where}.ports[${i}]`;
    let port: unknown = item;
    let protocol: PortProtocol = 'TCP';
    if (isPlainObject(item)) {
      port = item['port'];
      for (const k of Object.keys(item)) if (k !== 'port' && k !== 'protocol') say('images.port-field', { at, field: k });
      const p = item['protocol'];
      if (p !== undefined) {
        const upper = typeof p === 'string' ? p.toUpperCase() : undefined;
        const known = PROTOCOLS.find((x) => x === upper);
        if (!known) {
          say('images.protocol', { at: `${at}.protocol`, got: describe(p, locale) });
          return;
        }
        protocol = known;
      }
    }
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
      say('images.port-number', { at, got: describe(port, locale) });
      return;
    }
    if (!ports.some((x) => x.port === port && x.protocol === protocol)) ports.push({ port, protocol });
  });
  return ports;
}

function validateDirs(where: string, field: string, value: unknown, say: Say, locale: Locale): string[] | undefined {
  if (!Array.isArray(value)) {
    say('images.dirs-list', { at: `${where}.${field}`, got: describe(value, locale) });
    return undefined;
  }
  const dirs: string[] = [];
  value.forEach((item: unknown, i) => {
    const path = typeof item === 'string' ? normaliseMountPath(item) : undefined;
    if (path === undefined) say('images.dir', { at: `${where}.${field}[${i}]`, got: describe(item, locale) });
    else if (!dirs.includes(path)) dirs.push(path);
  });
  return dirs;
}

/**
 * Check and normalise user-supplied image knowledge. Never throws: invalid parts are dropped and
 * described in `errors`; the valid rest is returned keyed by normalised repository.
 */
export function validateUserImages(value: unknown, locale: Locale = 'en'): { images: Record<string, UserImageInfo>; errors: string[] } {
  const images: Record<string, UserImageInfo> = {};
  const errors: string[] = [];
  const say: Say = (key, args) => errors.push(t(locale, key, args));
  if (value === undefined || value === null) return { images, errors };
  if (!isPlainObject(value)) {
    say('images.root', { got: describe(value, locale) });
    return { images, errors };
  }
  for (const [key, entry] of Object.entries(value)) {
    const where = JSON.stringify(key);
    const ref = parseImageRef(key);
    if (!ref) {
      say('images.bad-key', { at: where });
      continue;
    }
    if (ref.tag !== undefined || ref.digest !== undefined) {
      say('images.tag-ignored', { at: where, repository: ref.repository });
    }
    if (!isPlainObject(entry)) {
      say('images.entry', { at: where, got: describe(entry, locale) });
      continue;
    }
    for (const k of Object.keys(entry)) if (!USER_FIELDS.has(k)) say('images.entry-field', { at: where, field: k });
    const info: { ports?: { port: number; protocol: PortProtocol }[]; populatedDirs?: string[]; dataDirs?: string[] } = {};
    if (entry['ports'] !== undefined) {
      const ports = validatePorts(where, entry['ports'], say, locale);
      if (ports) info.ports = ports;
    }
    for (const field of ['populatedDirs', 'dataDirs'] as const) {
      if (entry[field] === undefined) continue;
      const dirs = validateDirs(where, field, entry[field], say, locale);
      if (dirs) info[field] = dirs;
    }
    if (Object.prototype.hasOwnProperty.call(images, ref.repository)) {
      say('images.duplicate', { at: where, repository: ref.repository });
      images[ref.repository] = { ...images[ref.repository], ...info };
    } else {
      images[ref.repository] = info;
    }
  }
  return { images, errors };
}

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
  const hidden = dataDir ? [] : resolved.populatedDirs.filter((d) => isAtOrBelow(d.path, path));
  const within = dataDir ? [] : resolved.populatedDirs.filter((d) => d.path !== path && isAtOrBelow(path, d.path));
  return { path, hidden, within, ...(dataDir ? { dataDir } : {}) };
}
