/**
 * No false positives: every manifest of the real-world corpus (except templated/) whose kind has
 * a schema validates without problems, except the genuine findings listed here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';
import { rootTypeFor } from '../../../server/src/schema';
import { validateSchema } from '../../../server/src/schema/validate';
import type { SchemaProblem } from '../../../server/src/schema/validate';
import { corpusDir } from './helpers';
import { summary } from './helpers';

/** `file` → problems, each confirmed by reading the file. */
const EXPECTED: Record<string, string[]> = {
  // The API server rejects lower-case protocols ("Unsupported value").
  'kubernetes__examples/_archived/volumes/aws_ebs/aws-ebs-web.yaml': [
    'invalid-value spec.containers[0].ports[0].protocol "tcp" enum:SCTP|TCP|UDP',
  ],
  'kubernetes__examples/_archived/volumes/cinder/cinder-web.yaml': [
    'invalid-value spec.containers[0].ports[0].protocol "tcp" enum:SCTP|TCP|UDP',
  ],
  // A placeholder left in an integer field.
  'kubernetes__examples/_archived/volumes/fibre_channel/fc.yaml': [
    'invalid-value spec.volumes[0].fc.lun "<ADD LUN ID Here>" type:integer',
  ],
  // StorageClass parameters put in the RBD volume source.
  'kubernetes__examples/_archived/volumes/rbd/rbd.yaml': [
    'unknown-field spec.volumes[0].rbd.imageformat',
    'unknown-field spec.volumes[0].rbd.imagefeatures',
  ],
  'kubernetes__examples/_archived/volumes/scaleio/pod.yaml': [
    'unknown-field spec.volumes[0].scaleIO.protectionDoamin -> protectionDomain',
  ],
  'kubernetes__examples/_archived/volumes/storageos/storageos-pod.yaml': ['unknown-field spec.volumes[0].storageos.pool'],
  // The field is `grpc`; the decoder is case-sensitive.
  'kubernetes__website/content/en/examples/pods/probe/grpc-liveness.yaml': [
    'unknown-field spec.containers[0].livenessProbe.gRPC -> grpc',
  ],
  // `config: {{ config_data }}`: a template placeholder that YAML reads as a mapping.
  'not-pods/kubernetes__examples/_archived/newrelic-infrastructure/newrelic-config-template.yaml': [
    'invalid-value data[config] {} type:string',
  ],
};

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return relative(corpusDir, p) === 'templated' ? [] : yamlFiles(p);
    return /\.ya?ml$/.test(name) ? [p] : [];
  });
}

test('real-world corpus: no false positives', { skip: !existsSync(corpusDir) && `no corpus at ${corpusDir}` }, () => {
  const found: Record<string, string[]> = {};
  let validated = 0;
  for (const file of yamlFiles(corpusDir)) {
    const rel = relative(corpusDir, file).split('\\').join('/');
    const docs = parseAllDocuments(readFileSync(file, 'utf8'), { merge: true, prettyErrors: false });
    for (const doc of (Array.isArray(docs) ? docs : [docs]) as Document[]) {
      const root = doc.contents;
      if (!isMap(root)) continue;
      const typeName = rootTypeFor(root.get('apiVersion'), root.get('kind'));
      if (!typeName) continue;
      validated++;
      const problems: SchemaProblem[] = [];
      validateSchema(root, typeName, doc, (p) => problems.push(p));
      if (problems.length > 0) (found[rel] ??= []).push(...summary(problems));
    }
  }
  assert.ok(validated > 100, `validated ${validated} documents`);
  assert.deepEqual(found, EXPECTED);
});
