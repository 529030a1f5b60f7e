/**
 * A peer given document by document (an open document in the language server) must index exactly
 * as the same peer given as flat lists (the CLI's files): the workspace rules' findings on real
 * folders are compared both ways.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { test } from 'node:test';
import { Analyzer } from '../../../server/src/core/analyze';
import { corpus2Dir, yamlFiles } from '../../helpers/paths';
import { peer } from '../../helpers/workspace';

test('workspace findings are the same with peers given document by document', () => {
  const byFolder = new Map<string, string[]>();
  for (const file of yamlFiles(corpus2Dir)) byFolder.set(dirname(file), [...(byFolder.get(dirname(file)) ?? []), file]);
  const folders = [...byFolder.values()].filter((files) => files.length > 1 && files.some((f) => /kind:\s*(Service|Ingress|HTTPRoute)\b/.test(readFileSync(f, 'utf8'))));
  assert.ok(folders.length >= 10, `folders with Services and peers: ${folders.length}`);
  let compared = 0;
  let withFindings = 0;
  for (const files of folders.slice(0, 40)) {
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    for (let i = 0; i < files.length; i++) {
      const others = (byDocument: boolean) => files.flatMap((f, j) => (j === i ? [] : [peer(texts[j] as string, f, undefined, byDocument)]));
      const run = (byDocument: boolean) => new Analyzer().analyze(texts[i] as string, {}, others(byDocument), { source: files[i] }).findings.map((f) => JSON.stringify(f));
      const flat = run(false);
      assert.deepEqual(run(true), flat, files[i]);
      compared++;
      if (flat.length > 0) withFindings++;
    }
  }
  assert.ok(compared > 20 && withFindings > 5, `compared ${compared} files, ${withFindings} with findings`);
});

test('a Service whose near-miss pods are in an open peer: the same finding, related to nothing in this file', () => {
  const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: webb}\n  ports: [{port: 80}]\n';
  const deployment =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n        - name: web\n          image: nginx\n';
  const run = (byDocument: boolean) =>
    new Analyzer().analyze(service, {}, [peer(deployment, '/ws/app/deploy.yaml', undefined, byDocument)], { source: '/ws/app/service.yaml' }).findings;
  const flat = run(false);
  assert.deepEqual(flat.map((f) => [f.rule, f.related.length]), [['service-selects-nothing', 0]]);
  assert.deepEqual(run(true), flat);
});
