/**
 * Kubernetes quantities (`512Mi`, `0.5`, `500m`, `1e3`), as resource.ParseQuantity reads them after
 * trimming spaces: a signed decimal number and one suffix, binary (`Ki` … `Ei`), decimal (`n`, `u`,
 * `m`, `k`, `M` … `E`, none) or an exponent (`e3`, `E-2`). `512MB`, `1K`, `10gi` and `500 m` are refused when
 * the object is decoded, before any validation.
 */

const QUANTITY = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;
/** The decoder's first look: a text outside it is a format error, one inside it a suffix error. */
export const QUANTITY_PATTERN = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
const FIRST_LOOK = new RegExp(QUANTITY_PATTERN);

/** Why the decoder refuses `text`, or undefined when it reads it. */
export function quantityError(text: string): 'format' | 'suffix' | undefined {
  const trimmed = text.trim();
  if (QUANTITY.test(trimmed)) return undefined;
  return FIRST_LOOK.test(trimmed) ? 'suffix' : 'format';
}

const BYTE_UNITS: Record<string, string> = { K: 'k', k: 'k', M: 'M', G: 'G', T: 'T', P: 'P', E: 'E' };

/**
 * Quantities that say what was meant, most faithful first: `512MB` → `512M` (the same bytes) and
 * `512Mi` (what memory sizes usually mean); `1GiB` → `1Gi`; `500 m` → `500m` (not for a `byteField`: memory,
 * storage). None when unclear.
 */
export function quantityRepairs(text: string, byteField = false): string[] {
  const trimmed = text.trim();
  const spaced = trimmed.replace(/\s+/g, '');
  // `512 m` of memory is not 512 millibytes: a fraction of a byte is refused too.
  if (spaced !== trimmed && !quantityError(spaced)) return byteField && /[num]$/.test(spaced) ? [] : [spaced];
  const bytes = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))\s*([KkMGTPE])(i?)B$/.exec(trimmed);
  if (!bytes) return [];
  const [, number, unit = '', binary] = bytes;
  const decimal = `${number}${BYTE_UNITS[unit] ?? unit}`;
  const power = `${number}${unit.toUpperCase()}i`;
  return binary ? [power] : [decimal, power];
}

const MULTIPLIERS: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

/**
 * Whether a quantity of bytes (memory, storage) is a fraction of a byte: `200m` is 0.2 bytes,
 * `1.5` is one and a half. The API server accepts it with a warning ("fractional byte value …
 * is invalid, must be an integer") and the kubelet rounds it up.
 */
export function fractionalBytes(text: string): boolean {
  const m = /^[+]?([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(text.trim());
  if (!m) return false;
  const bytes = Number(m[1]) * (MULTIPLIERS[m[2] ?? ''] ?? 1);
  // A float's rounding (0.1 × 1e3) is no fraction of a byte.
  return bytes > 0 && Math.abs(bytes - Math.round(bytes)) > 1e-6 * Math.max(1, bytes);
}

/** A quantity's value as a number (`512Mi` → 536870912, `500m` → 0.5, `1e3` → 1000); undefined when it is none. */
export function quantityValue(text: string): number | undefined {
  const m = QUANTITY_PARTS.exec(text.trim());
  if (!m) return undefined;
  const suffix = m[2] ?? '';
  const multiplier = suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') ? 10 ** Number(suffix.slice(1)) : MULTIPLIERS[suffix];
  return multiplier === undefined ? undefined : Number(m[1]) * multiplier;
}
const QUANTITY_PARTS = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;
