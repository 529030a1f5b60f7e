/**
 * Whether a scalar has the JSON type a field expects, as the API server's decoder reads it:
 * go-yaml v2 (used by kubectl and the API server) reads the YAML 1.1 booleans (`y`, `no`, `On`)
 * as booleans where the `yaml` package leaves strings; an explicit `!!str` tag keeps a string.
 */
import type { Node } from 'yaml';

const YAML11_BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|true|True|TRUE|false|False|FALSE)$/;
const YAML11_TRUE = /^(?:y|Y|yes|Yes|YES|on|On|ON|true|True|TRUE)$/;

export type ScalarNode = Node & { value: unknown; type?: string; source?: string; tag?: string };

/** `{ value }` (the value as the decoder reads it) when `node` is not of the `expected` type; undefined when it is. */
export function scalarTypeMismatch(node: ScalarNode, expected: string): { value: unknown } | undefined {
  const v = node.value;
  const plain = node.type === undefined || node.type === 'PLAIN';
  const source = typeof node.source === 'string' ? node.source : typeof v === 'string' ? v : '';
  const yaml11Bool = plain && typeof v === 'string' && node.tag === undefined && YAML11_BOOL.test(source);
  let ok: boolean;
  switch (expected) {
    case 'string':
      ok = typeof v === 'string' && !yaml11Bool;
      break;
    case 'integer':
      ok = (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
      break;
    case 'number':
      ok = typeof v === 'number' || typeof v === 'bigint';
      break;
    case 'boolean':
      ok = typeof v === 'boolean' || yaml11Bool;
      break;
    case 'int-or-string':
      ok = (typeof v === 'string' && !yaml11Bool) || (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
      break;
    case 'quantity':
      ok = (typeof v === 'string' && !yaml11Bool) || typeof v === 'number' || typeof v === 'bigint';
      break;
    default:
      ok = true;
  }
  return ok ? undefined : { value: yaml11Bool ? YAML11_TRUE.test(source) : v };
}
