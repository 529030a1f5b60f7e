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
