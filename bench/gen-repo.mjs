// A deterministic repository for the corpus-scale row of `npm run bench`: `files` YAML files in
// nested folders, of mixed kinds: small app folders (Deployment + Service + ConfigMap), multi-doc
// workload files, kustomize overlays of the app folders (an app folder an overlay uses gets a
// kustomization and becomes its base), and big CRD bundles (deep openAPIV3Schema, long
// descriptions: a few MB each, as operators ship them). Writes into `dir`; returns totals.
//
// Version 2 (28 Nov 2026): version 1's overlays named app folders that did not exist, so every
// render failed and the bench measured 189 failing kustomize runs. Figures of the two versions
// are not comparable.
//
//   node bench/gen-repo.mjs DIR [--files 2000] [--seed 19]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, random } from './gen-manifest.mjs';

const WORDS = 'the of a to field pod container value when set must be is in for this and that not specifies which if used default only resource name list object'.split(' ');

function sentence(rnd, n) {
  return Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
}

/** One openAPIV3Schema property tree, `depth` levels deep. */
function schemaProps(rnd, depth, indent, out) {
  const count = depth > 0 ? 3 + Math.floor(rnd() * 4) : 2 + Math.floor(rnd() * 3);
  for (let i = 0; i < count; i++) {
    const name = `${WORDS[Math.floor(rnd() * WORDS.length)]}${i}Field`;
    out.push(`${indent}${name}:`);
    out.push(`${indent}  description: ${sentence(rnd, 12 + Math.floor(rnd() * 30))}`);
    if (depth > 0 && rnd() < 0.6) {
      out.push(`${indent}  type: object`, `${indent}  properties:`);
      schemaProps(rnd, depth - 1, `${indent}    `, out);
    } else {
      out.push(`${indent}  type: ${['string', 'integer', 'boolean'][Math.floor(rnd() * 3)]}`);
    }
  }
}

/** A CRD bundle: `crds` CustomResourceDefinitions, each with a deep schema. */
function crdBundle(rnd, crds) {
  const docs = [];
  for (let c = 0; c < crds; c++) {
    const out = [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata:',
      `  name: widgets${c}.example.com`,
      'spec:',
      '  group: example.com',
      '  names: {kind: Widget, plural: widgets, singular: widget}',
      '  scope: Namespaced',
      '  versions:',
      '  - name: v1',
      '    served: true',
      '    storage: true',
      '    schema:',
      '      openAPIV3Schema:',
      '        type: object',
      '        properties:',
    ];
    schemaProps(rnd, 4, '          ', out);
    docs.push(out.join('\n') + '\n');
  }
  return docs.join('---\n');
}

/** Bumped whenever the generated repository changes (the bench keeps one folder per version). */
export const REPO_VERSION = 2;

/** Writes the repository; returns { files, bytes }. */
export function generateRepo(dir, { files = 2000, seed = 19 } = {}) {
  const rnd = random(seed).next;
  let bytes = 0;
  let written = 0;
  /** The app folders written so far, per team: the bases an overlay can use. */
  const apps = new Map();
  const write = (path, text) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
    bytes += Buffer.byteLength(text);
    written++;
  };
  for (let i = 0; written < files; i++) {
    const team = `team-${i % 12}`;
    const r = rnd();
    if (r < 0.012) write(`${team}/crds/bundle-${i}.yaml`, crdBundle(rnd, 10 + Math.floor(rnd() * 20)));
    else if (r < 0.35) {
      // An app folder: one file per kind, as most repositories are laid out.
      const { text } = generate({ docs: 3, seed: seed * 1000 + i });
      const parts = text.split(/^---\n/m).filter(Boolean);
      const names = parts.map((_, k) => `${['deployment', 'service', 'configmap'][k] ?? `extra-${k}`}.yaml`);
      parts.forEach((part, k) => write(`${team}/apps/app-${i}/${names[k]}`, part));
      apps.set(team, [...(apps.get(team) ?? []), { i, files: names, base: false }]);
    } else if (r < 0.5 && (apps.get(team)?.length ?? 0) > 0) {
      // An overlay of one of the team's app folders (several environments may share one). The app
      // folder becomes a base, with a kustomization of its own, the first time an overlay uses it.
      const list = apps.get(team);
      const app = list[Math.floor(rnd() * list.length)];
      if (!app.base) {
        write(`${team}/apps/app-${app.i}/kustomization.yaml`, `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${app.files.map((f) => `- ${f}\n`).join('')}`);
        app.base = true;
      }
      write(`${team}/overlays/env-${i % 5}/app-${i}/kustomization.yaml`, `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ../../../apps/app-${app.i}\nnamePrefix: env-${i % 5}-\n`);
    } else if (r >= 0.5) write(`${team}/workloads/all-${i}.yaml`, generate({ docs: 2 + Math.floor(rnd() * 30), seed: seed * 1000 + i }).text);
  }
  return { files: written, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, ...rest] = process.argv.slice(2);
  const opt = (name, dflt) => (rest.includes(`--${name}`) ? Number(rest[rest.indexOf(`--${name}`) + 1]) : dflt);
  console.log(JSON.stringify(generateRepo(dir, { files: opt('files', 2000), seed: opt('seed', 19) })));
}
