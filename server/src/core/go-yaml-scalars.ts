/**
 * Plain scalars resolved as kubectl resolves them. kubectl (through sigs.k8s.io/yaml) reads YAML
 * with go-yaml v2, whose YAML 1.1 differs from the `yaml` library's in a few places that real
 * manifests meet:
 * - A float needs digits. go-yaml reads `.`, `._`, `-.`, `+.` and `e5` as strings (`git clone
 *   URL .`, `--context=.`); `yaml` reads the first four as NaN and `e5` as 100000, so a string
 *   field holding them looked like one holding a number.
 * - No base-60 numbers: go-yaml reads `1:30` as a string, `yaml` as the integer 90.
 * - `0o644` is an integer (Go's ParseInt with base 0), as in YAML 1.2; YAML 1.1 has only `0644`.
 * - No timestamps: go-yaml resolves `2024-05-01` as one, but decoding into an untyped value (as
 *   sigs.k8s.io/yaml does) keeps it a string "for backward compatibility"; `yaml` made it a Date,
 *   and a string field holding a date looked like one holding a mapping.
 * go-yaml's rule (resolve.go): a scalar starting with `.` is a float when Go's ParseFloat reads
 * it; one starting with a digit or a sign is a float when, without its underscores, it matches
 * `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`; any other is not a float (`.inf` and
 * `.nan` are looked up by name first, as `yaml` does).
 */
import type { ScalarTag } from 'yaml';

const FLOAT = 'tag:yaml.org,2002:float';
const TIMESTAMP = 'tag:yaml.org,2002:timestamp';
/** What Go's ParseFloat reads among texts starting with `.` (no underscores without a base prefix). */
const DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;
const DIGIT_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** Whether go-yaml v2 resolves a plain scalar that `yaml`'s float tags match as a float. */
export function goReadsFloat(source: string): boolean {
  const first = source.charCodeAt(0);
  if (first === 0x2e) return DOT_FLOAT.test(source);
  const digitOrSign = (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d;
  return digitOrSign && DIGIT_FLOAT.test(source.replace(/_/g, ''));
}

/**
 * The tag with its test narrowed to what go-yaml also reads so. The test keeps its pattern (the
 * quick parser recognises `yaml`'s own tags by it) and answers only when both agree.
 */
function narrowed(tag: ScalarTag, also: (source: string) => boolean): ScalarTag {
  const own = tag.test as RegExp;
  const test = new RegExp(own.source, own.flags);
  test.test = (source: string): boolean => own.test(source) && also(source);
  return { ...tag, test };
}

/**
 * go-yaml v2 reads a plain integer with Go's `strconv.ParseInt(s, 0, 64)`, which also takes
 * `0o644` (Go 1.13+; kubectl is built with a newer Go): YAML 1.2's octal, not in `yaml`'s 1.1 tags.
 */
const GO_OCTAL: ScalarTag = {
  identify: (value) => typeof value === 'number' && Number.isInteger(value),
  default: true,
  tag: 'tag:yaml.org,2002:int',
  format: 'OCT',
  test: /^0o[0-7]+$/,
  resolve: (source) => parseInt(source.slice(2), 8),
  stringify: ({ value }) => `0o${Number(value).toString(8)}`,
};

/** `yaml`'s YAML 1.1 tags made to resolve plain scalars as go-yaml v2 does (`customTags` option). */
export function goYamlTags<T>(tags: T[]): T[] {
  const out: T[] = [];
  for (const tag of tags) {
    const scalar = tag as unknown as ScalarTag;
    if ((scalar.format === 'TIME' && scalar.test) || scalar.tag === TIMESTAMP) continue; // base 60; dates
    const finite = scalar.tag === FLOAT && scalar.test instanceof RegExp && !scalar.test.source.includes('inf');
    out.push(finite ? (narrowed(scalar, goReadsFloat) as unknown as T) : tag);
  }
  out.push(GO_OCTAL as unknown as T);
  return out;
}
