/**
 * The real-world corpus: a few hundred manifests from well-known repositories. Podsight must not
 * crash on any of them and must raise no error except the genuine bugs listed here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/core/analyze';
import { corpusDir, repoRoot, yamlFiles } from '../helpers/paths';

/** Real bugs in the corpus, confirmed by reading the files: `relative path` → rules. */
const KNOWN_BUGS: Record<string, string[]> = {
  'istio__istio/samples/mtls-echo/mtls-echo.yaml': ['undefined-volume'],
  'kubernetes__website/content/en/examples/pods/storage/projected-clustertrustbundle.yaml': ['undefined-volume'],
  // Archived examples with `protocol: tcp`: the API server rejects lower case ("Unsupported value").
  'kubernetes__examples/_archived/volumes/aws_ebs/aws-ebs-web.yaml': ['invalid-port'],
  'kubernetes__examples/_archived/volumes/cinder/cinder-web.yaml': ['invalid-port'],
  // A placeholder left in an integer field: "<ADD LUN ID Here>".
  'kubernetes__examples/_archived/volumes/fibre_channel/fc.yaml': ['invalid-value'],
  // StorageClass parameters (imageformat, imagefeatures) put in the RBD volume source.
  'kubernetes__examples/_archived/volumes/rbd/rbd.yaml': ['unknown-field'],
  // `protectionDoamin`, a typo of protectionDomain.
  'kubernetes__examples/_archived/volumes/scaleio/pod.yaml': ['unknown-field'],
  // `pool` is a StorageClass parameter, not a field of the storageos volume source.
  'kubernetes__examples/_archived/volumes/storageos/storageos-pod.yaml': ['unknown-field'],
  // `gRPC:` where the field is `grpc:`; the decoder is case-sensitive.
  'kubernetes__website/content/en/examples/pods/probe/grpc-liveness.yaml': ['unknown-field'],
  // API versions no longer served (Kubernetes deprecation guide): kubectl apply finds no such kind.
  'kubernetes__examples/_archived/cockroachdb/cockroachdb-statefulset.yaml': ['removed-api-version'],
  'kubernetes__examples/_archived/newrelic-infrastructure/newrelic-infra-daemonset.yaml': ['removed-api-version'],
  'kubernetes__examples/_archived/volumes/flexvolume/deploy/ds.yaml': ['removed-api-version'],
  'kubernetes__website/content/en/examples/application/job/cronjob.yaml': ['removed-api-version'],
};

const files = yamlFiles(corpusDir);

test('the corpus is there', () => {
  assert.ok(files.length > 250, `only ${files.length} corpus files under ${corpusDir}`);
});

test('no crash, no false error anywhere in the corpus', () => {
  const unexpected: string[] = [];
  const seenBugs = new Set<string>();
  for (const file of files) {
    const rel = relative(corpusDir, file);
    const text = readFileSync(file, 'utf8');
    const analysis = analyzeText(text, {}, (rule, error) => unexpected.push(`${rel}: rule ${rule} threw ${String(error)}`));
    for (const f of analysis.findings) {
      if (f.severity !== 'error') continue;
      if (KNOWN_BUGS[rel]?.includes(f.rule)) {
        seenBugs.add(`${rel}:${f.rule}`);
        continue;
      }
      const pos = analysis.lines.positionAt(f.start);
      unexpected.push(`${rel}:${pos.line + 1}:${pos.character + 1} ${f.rule}: ${f.message}`);
    }
  }
  assert.deepEqual(unexpected, []);
  for (const [rel, rules] of Object.entries(KNOWN_BUGS)) {
    for (const rule of rules) assert.ok(seenBugs.has(`${rel}:${rule}`), `expected ${rule} in ${rel}`);
  }
});

/** True warnings in the corpus: `relative path` → rules. */
const KNOWN_WARNINGS: Record<string, string[]> = {
  // `selector:` written twice in the Deployment spec: Kubernetes keeps the last one.
  'kubernetes__examples/_archived/openshift-origin/etcd-controller.yaml': ['yaml-syntax'],
  'kubernetes__examples/_archived/openshift-origin/etcd-discovery-controller.yaml': ['yaml-syntax'],
  'kubernetes__examples/_archived/openshift-origin/openshift-controller.yaml': ['yaml-syntax'],
};

test('no false warning anywhere in the corpus, the CLI\'s cross-file checks included', () => {
  // Through the CLI: service-target-port and the other workspace rules look across the files.
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'podsight.js'), 'check', corpusDir, '--format', 'json', '--no-config'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const warnings = (JSON.parse(r.stdout) as { file: string; rule: string; severity: string; range: { start: { line: number } } }[]).filter((f) => f.severity === 'warning');
  const unexpected = warnings.filter((f) => !KNOWN_WARNINGS[relative(corpusDir, f.file)]?.includes(f.rule)).map((f) => `${relative(corpusDir, f.file)}:${f.range.start.line + 1} ${f.rule}`);
  assert.deepEqual(unexpected, []);
  for (const [rel, rules] of Object.entries(KNOWN_WARNINGS)) for (const rule of rules) assert.ok(warnings.some((f) => relative(corpusDir, f.file) === rel && f.rule === rule), `expected ${rule} in ${rel}`);
});

test('files without pods get no pod findings', () => {
  for (const file of yamlFiles(join(corpusDir, 'not-pods'))) {
    const findings = analyzeText(readFileSync(file, 'utf8')).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(findings.map((f) => f.rule), [], relative(corpusDir, file));
  }
});

/**
 * The second corpus (../shared/corpus/real-world-2, 800 files): no crash, and the port rules, which
 * read what really listens, raise no false error or warning. The pods listed run two nginx in one
 * pod (policy samples): the second really fails to bind 80.
 */
const corpus2Dir = join(corpusDir, '..', 'real-world-2');
const PORT_RULES = new Set(['port-conflict', 'implicit-port-conflict', 'port-not-served']);
const TWO_NGINX = [
  'open-policy-agent__gatekeeper-library/library/general/allowedrepos/samples/repo-must-be-openpolicyagent/disallowed_all.yaml',
  'open-policy-agent__gatekeeper-library/library/general/allowedreposv2/samples/repo-must-be-openpolicyagent/disallowed_all.yaml',
  'open-policy-agent__gatekeeper-library/library/pod-security-policy/proc-mount/samples/psp-proc-mount/example_allowed_missing.yaml',
  'open-policy-agent__gatekeeper-library/library/pod-security-policy/volumes/samples/psp-volume-types/example_allowed.yaml',
];

test('real-world-2: no crash, and no false port finding', () => {
  const files2 = yamlFiles(corpus2Dir);
  assert.ok(files2.length > 700, `only ${files2.length} files under ${corpus2Dir}`);
  const unexpected: string[] = [];
  const seen = new Set<string>();
  for (const file of files2) {
    const rel = relative(corpus2Dir, file);
    const analysis = analyzeText(readFileSync(file, 'utf8'), {}, (rule, error) => unexpected.push(`${rel}: rule ${rule} threw ${String(error)}`));
    for (const f of analysis.findings) {
      if (!PORT_RULES.has(f.rule) || (f.severity !== 'error' && f.severity !== 'warning')) continue;
      if (f.rule === 'implicit-port-conflict' && TWO_NGINX.includes(rel)) {
        seen.add(rel);
        continue;
      }
      unexpected.push(`${rel}:${analysis.lines.positionAt(f.start).line + 1} ${f.rule}: ${f.message}`);
    }
  }
  assert.deepEqual(unexpected, []);
  assert.deepEqual([...seen].sort(), [...TWO_NGINX].sort());
});
