/**
 * Parsing and normalising container image references (`[registry/]path[:tag][@digest]`), following
 * the reference grammar of the container runtimes (distribution/reference):
 *
 * - The first `/`-separated component is a registry host when there is more than one component and
 *   it contains `.` or `:`, is `localhost`, or has uppercase letters; otherwise the registry is
 *   Docker Hub (`docker.io`). `index.docker.io`, `registry-1.docker.io` and
 *   `registry.hub.docker.com` are the same registry and normalise to `docker.io`.
 * - Path components are lowercase (`[a-z0-9]` separated by `.`, `_`, `__` or dashes): a reference
 *   with an uppercase path is invalid and matches nothing.
 * - The tag follows the last `:` of the last component; the digest follows `@`.
 *
 * The matching key ("repository") drops the registry, so mirrors and private copies of an image
 * match it (`localhost:5000/nginx`, `mirror.gcr.io/library/nginx`), and drops Docker Hub's
 * `library/` namespace of official images, wherever it sits as the second-to-last component
 * (`library/nginx`, `public.ecr.aws/docker/library/nginx`, `harbor.example/proxy/library/nginx`).
 */

export const DOCKER_HUB = 'docker.io';

const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_RE = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/** A parsed image reference. */
export interface ImageRef {
  /** The reference as given (trimmed). */
  readonly raw: string;
  /** Registry host (and port), lowercased; `docker.io` for Docker Hub and its aliases. */
  readonly registry: string;
  /** True when the reference named no registry. */
  readonly implicitRegistry: boolean;
  /** The repository path as written after the registry, e.g. `library/nginx`. */
  readonly path: string;
  /** The matching key: `path` without `…/library/` (see the module comment), e.g. `nginx`. */
  readonly repository: string;
  readonly tag?: string;
  /** e.g. `sha256:0123…`. */
  readonly digest?: string;
}

/** References parsed so far: a repository names the same few images thousands of times. */
const parsed = new Map<string, ImageRef | undefined>();
const PARSED_MAX = 10_000;

/** Parse an image reference; `undefined` when it is not a valid reference (templates, uppercase, spaces …). */
export function parseImageRef(image: string): ImageRef | undefined {
  if (parsed.has(image)) return parsed.get(image);
  if (parsed.size >= PARSED_MAX) parsed.clear();
  const ref = parseUncached(image);
  parsed.set(image, ref);
  return ref;
}

function parseUncached(image: string): ImageRef | undefined {
  const raw = image.trim();
  if (raw === '' || raw.length > 4096 || /\s/.test(raw)) return undefined;

  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_RE.test(digest)) return undefined;
  }

  const components = rest.split('/');
  let registry = DOCKER_HUB;
  let implicitRegistry = true;
  const first = components[0] ?? '';
  if (components.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
    if (!DOMAIN_RE.test(first)) return undefined;
    components.shift();
    const host = first.toLowerCase();
    registry = DOCKER_HUB_ALIASES.has(host) ? DOCKER_HUB : host;
    implicitRegistry = false;
  }

  let tag: string | undefined;
  const lastIndex = components.length - 1;
  const last = components[lastIndex] ?? '';
  const colon = last.lastIndexOf(':');
  if (colon >= 0) {
    tag = last.slice(colon + 1);
    components[lastIndex] = last.slice(0, colon);
    if (!TAG_RE.test(tag)) return undefined;
  }

  if (components.length === 0 || !components.every((c) => PATH_COMPONENT_RE.test(c))) return undefined;
  const path = components.join('/');
  if (path.length > 255) return undefined;

  return {
    raw,
    registry,
    implicitRegistry,
    path,
    repository: repositoryKey(components),
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

function repositoryKey(components: readonly string[]): string {
  const n = components.length;
  if (n >= 2 && components[n - 2] === 'library') return components[n - 1] ?? '';
  return components.join('/');
}

/**
 * The matching key of an image reference: the repository path without registry, tag, digest and
 * `library/` (`docker.io/library/nginx:1.27@sha256:…` → `nginx`,
 * `quay.io/prometheus/prometheus` → `prometheus/prometheus`). `undefined` for an invalid reference.
 */
export function normaliseRepository(image: string): string | undefined {
  return parseImageRef(image)?.repository;
}

/** The leading major version of a tag (`17`, `17.2`, `17-alpine`, `v3.1` → 17/17/17/3); none for `latest`, `alpine` … */
export function tagMajor(tag: string | undefined): number | undefined {
  if (tag === undefined) return undefined;
  const m = /^v?(\d+)(?=$|[._-])/.exec(tag);
  if (!m || m[1] === undefined) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The leading `major.minor` of a tag (`v0.14.0`, `0.14-debian` → [0, 14]); none without a minor. */
export function tagVersion(tag: string | undefined): [number, number] | undefined {
  const m = tag === undefined ? null : /^v?(\d{1,9})\.(\d{1,9})(?=$|[._-])/.exec(tag);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** The `-`-separated words of a tag (`8.3-fpm-alpine` → `8.3`, `fpm`, `alpine`). */
export function tagWords(tag: string | undefined): string[] {
  return tag === undefined ? [] : tag.split('-').filter((w) => w !== '');
}
