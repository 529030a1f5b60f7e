/**
 * User-supplied image knowledge (the `podsight.images` setting and the CLI config file): checked
 * and normalised, with every problem described in the user's language and the valid rest kept.
 */
import { t, type Locale } from '../../l10n';
import { parseImageRef } from './image-ref';
import { normaliseMountPath } from './mount-path';
import type { PortProtocol, UserImageInfo } from './types';

const USER_FIELDS = new Set(['ports', 'populatedDirs', 'dataDirs']);
export const PROTOCOLS: readonly PortProtocol[] = ['TCP', 'UDP', 'SCTP'];

export function isPlainObject(value: unknown): value is Record<string, unknown> {
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
