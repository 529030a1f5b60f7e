/**
 * removed-api-version on the init-containers annotation of Kubernetes 1.5–1.7: since 1.8 the pod
 * applies and its init containers silently never run (sweeps EM and ES: a Redis StatefulSet whose
 * server binary an annotated init container was to install). The fix moves them to spec.initContainers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { analyzeText } from '../../../server/src/core/analyze';
import { applyEdits, fixesFor } from '../../../server/src/fixes';
import { findings } from '../../helpers/check';

const statefulSet = (annotations: string, init = ''): string => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: redis
spec:
  serviceName: redis
  selector:
    matchLabels: {app: redis}
  template:
    metadata:
      labels: {app: redis}
      annotations:
${annotations}
    spec:
${init}      containers:
      - name: redis
        image: debian
        command: [/opt/redis/redis-server]
        volumeMounts:
        - {name: opt, mountPath: /opt}
      volumes:
      - {name: opt, emptyDir: {}}
`;
const ANNOTATION = `        pod.beta.kubernetes.io/init-containers: '[
            {"name": "install", "image": "busybox", "command": ["sh", "-c", "cp /x /opt/redis/redis-server"],
             "volumeMounts": [{"name": "opt", "mountPath": "/opt"}], "resources": {}, "args": null}
          ]'`;

test('the init-containers annotation is a warning: the pod applies and its init containers never run', () => {
  const [finding, ...rest] = findings(statefulSet(ANNOTATION), 'removed-api-version');
  assert.equal(rest.length, 0);
  assert.equal(finding?.severity, 'warning');
  assert.match(finding?.message ?? '', /pod\.beta\.kubernetes\.io\/init-containers was removed in Kubernetes 1\.8.*\("install"\) never run/);
  // Written for old and new clusters at once: spec.initContainers already runs them.
  const both = statefulSet(ANNOTATION, '      initContainers:\n      - {name: install, image: busybox}\n');
  assert.deepEqual(findings(both, 'removed-api-version'), []);
  // Another annotation is none of this.
  assert.deepEqual(findings(statefulSet('        prometheus.io/scrape: "true"'), 'removed-api-version'), []);
});

test('the fix moves the containers to spec.initContainers and removes the annotation: the pod then runs them', () => {
  for (const [annotations, init] of [
    [ANNOTATION, ''],
    [`        prometheus.io/scrape: "true"\n${ANNOTATION}`, '      initContainers:\n      - {name: sysctl, image: busybox, command: [sysctl, -w, vm.max_map_count=262144]}\n'],
  ] as const) {
    const text = statefulSet(annotations, init);
    const analysis = analyzeText(text);
    const finding = analysis.findings.find((f) => f.rule === 'removed-api-version')!;
    const fix = fixesFor(analysis, finding).find((f) => f.preferred)!;
    assert.equal(fix.title, 'Move the init containers (install) to spec.initContainers');
    const fixed = applyEdits(text, fix.edits);
    const pod = parseAllDocuments(fixed)[0]!.toJS().spec.template;
    const names = pod.spec.initContainers.map((c: { name: string }) => c.name);
    assert.deepEqual(names, init ? ['sysctl', 'install'] : ['install'], fixed);
    const install = pod.spec.initContainers.find((c: { name: string }) => c.name === 'install');
    assert.deepEqual(install.command, ['sh', '-c', 'cp /x /opt/redis/redis-server']);
    assert.equal('args' in install, false);
    assert.equal(pod.metadata.annotations?.['pod.beta.kubernetes.io/init-containers'], undefined);
    assert.equal(pod.metadata.annotations?.['prometheus.io/scrape'], init ? 'true' : undefined);
    assert.deepEqual(analyzeText(fixed).findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
  }
});

test('probe: only the containers spec.initContainers lacks; beta over alpha; an empty list, line breaks and empty strings', () => {
  // One of two already in spec.initContainers: only the other is named and moved (no duplicate name).
  const partly = statefulSet(ANNOTATION.replace('"args": null}', '"args": null}, {"name": "sysctl", "image": "busybox"}'), '      initContainers:\n      - {name: sysctl, image: busybox}\n');
  const analysis = analyzeText(partly);
  const finding = analysis.findings.find((f) => f.rule === 'removed-api-version')!;
  assert.match(finding.message, /\("install"\) never run/);
  const fixed = applyEdits(partly, fixesFor(analysis, finding).find((f) => f.preferred)!.edits);
  assert.deepEqual(parseAllDocuments(fixed)[0]!.toJS().spec.template.spec.initContainers.map((c: { name: string }) => c.name), ['sysctl', 'install']);
  // An empty list loses nothing.
  assert.deepEqual(findings(statefulSet("        pod.beta.kubernetes.io/init-containers: '[]'"), 'removed-api-version'), []);
  // Beta overrode alpha in 1.5–1.7: the beta list is the one judged.
  const both = statefulSet(`        pod.alpha.kubernetes.io/init-containers: '[{"name": "old", "image": "busybox"}]'\n${ANNOTATION}`);
  assert.match(findings(both, 'removed-api-version')[0]?.message ?? '', /pod\.beta\.kubernetes\.io\/init-containers.*\("install"\)/);
  // An empty string in a list is an argument; a line break inside a value: no fix rather than a broken one.
  const save = statefulSet(`        pod.beta.kubernetes.io/init-containers: '[{"name": "r", "image": "redis", "command": ["redis-server", "--save", "", "--appendonly", "no"]}]'`);
  const saveAnalysis = analyzeText(save);
  const saveFix = fixesFor(saveAnalysis, saveAnalysis.findings.find((f) => f.rule === 'removed-api-version')!).find((f) => f.preferred)!;
  assert.deepEqual(parseAllDocuments(applyEdits(save, saveFix.edits))[0]!.toJS().spec.template.spec.initContainers[0].command, ['redis-server', '--save', '', '--appendonly', 'no']);
  const multiline = statefulSet(`        pod.beta.kubernetes.io/init-containers: '[{"name": "m", "image": "busybox", "command": ["sh", "-c", "echo 1\\necho 2"]}]'`);
  const multiAnalysis = analyzeText(multiline);
  const multiFinding = multiAnalysis.findings.find((f) => f.rule === 'removed-api-version')!;
  assert.ok(multiFinding);
  assert.ok(!fixesFor(multiAnalysis, multiFinding).some((f) => f.preferred));
});
