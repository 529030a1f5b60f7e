/**
 * hpa-missing-request: an HPA on CPU or memory utilization of a workload whose containers do not
 * all request that resource never scales (FailedGetResourceMetric). A limit counts as a request;
 * templates, patches, pod-level resources, LimitRanges and AverageValue targets are not judged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer } from '../../../server/src/core/analyze';
import { findings } from '../../helpers/check';

const deployment = (resources: string, sidecar = ''): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: app\n        image: myorg/web:1\n${resources}${sidecar}`;
const hpaV2 = (metrics: string): string =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 10\n${metrics}`;
const cpu80 = '  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n      target: {type: Utilization, averageUtilization: 80}\n';
const hpaV1 = 'apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 5\n  targetCPUUtilizationPercentage: 70\n';
const file = (...docs: string[]): string => docs.join('---\n');
const rule = (text: string) => findings(text, 'hpa-missing-request');

test('an HPA on CPU utilization of a container without a CPU request never scales', () => {
  const found = rule(file(deployment(''), hpaV2(cpu80)));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'warning');
  assert.match(found[0]!.message, /^HorizontalPodAutoscaler "web" scales Deployment\/web on cpu utilization, but container "app" requests no cpu\..*"failed to get cpu utilization: missing request for cpu in container app of Pod …"/);
  assert.equal(found[0]!.text, 'Utilization');
  // v1's target, and no metric at all (the default, 80% CPU): on the percentage, on the target's name.
  assert.equal(rule(file(deployment(''), hpaV1))[0]?.text, '70');
  assert.equal(rule(file(hpaV2(''), deployment('')))[0]?.text, 'web');
  // Memory utilization needs a memory request; a sidecar without one fails the pod's metric too.
  const memory = '  metrics:\n  - type: Resource\n    resource: {name: memory, target: {type: Utilization, averageUtilization: 70}}\n';
  assert.match(rule(file(deployment('        resources: {requests: {cpu: 100m}}\n'), hpaV2(memory)))[0]?.message ?? '', /requests no memory/);
  const sidecar = '      - name: proxy\n        image: envoyproxy/envoy:v1.30\n';
  assert.match(rule(file(deployment('        resources: {requests: {cpu: 100m}}\n', sidecar), hpaV2(cpu80)))[0]?.message ?? '', /container "proxy" requests no cpu/);
});

test('requests, limits and what else gives a request are enough; templates and patches are not judged', () => {
  for (const resources of ['        resources: {requests: {cpu: 250m}}\n', '        resources:\n          limits: {cpu: "1"}\n', '        resources: {requests: {cpu: "${CPU}"}}\n', '        resources: ${RESOURCES}\n']) {
    assert.deepEqual(rule(file(deployment(resources), hpaV2(cpu80))), [], resources);
  }
  // AverageValue targets read usage alone; other metric types need no request.
  assert.deepEqual(rule(file(deployment(''), hpaV2('  metrics:\n  - type: Resource\n    resource: {name: cpu, target: {type: AverageValue, averageValue: 500m}}\n'))), []);
  assert.deepEqual(rule(file(deployment(''), hpaV2('  metrics:\n  - type: Pods\n    pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: "10"}}\n'))), []);
  // ContainerResource: only the named container.
  const sidecar = '      - name: proxy\n        image: envoyproxy/envoy:v1.30\n';
  const containerMetric = '  metrics:\n  - type: ContainerResource\n    containerResource: {name: cpu, container: app, target: {type: Utilization, averageUtilization: 60}}\n';
  assert.deepEqual(rule(file(deployment('        resources: {requests: {cpu: 100m}}\n', sidecar), hpaV2(containerMetric))), []);
  assert.equal(rule(file(deployment('', sidecar), hpaV2(containerMetric))).length, 1);
  // A LimitRange may give a default request; a workload not in the file may be anything.
  const limitRange = 'apiVersion: v1\nkind: LimitRange\nmetadata: {name: defaults}\nspec:\n  limits:\n  - type: Container\n    defaultRequest: {cpu: 100m}\n';
  assert.deepEqual(rule(file(deployment(''), hpaV2(cpu80), limitRange)), []);
  assert.deepEqual(rule(hpaV2(cpu80)), []);
  // Another namespace, another kind, another name: not this workload.
  assert.deepEqual(rule(file(deployment('').replace('  name: web\n', '  name: web\n  namespace: other\n'), hpaV2(cpu80))), []);
  assert.deepEqual(rule(file(deployment(''), hpaV2(cpu80).replace('kind: Deployment', 'kind: StatefulSet'))), []);
  // Pod-level resources (1.34+) are what the autoscaler divides by.
  assert.deepEqual(rule(file(deployment('').replace('    spec:\n      containers:', '    spec:\n      resources: {requests: {cpu: "1"}}\n      containers:'), hpaV2(cpu80))), []);
});

test('the HPA finding follows edits of the workload it reads (incremental = fresh)', () => {
  const analyzer = new Analyzer();
  const before = file(hpaV2(cpu80), deployment('        resources: {requests: {cpu: 100m}}\n'));
  assert.deepEqual(analyzer.analyze(before).findings.filter((f) => f.rule === 'hpa-missing-request'), []);
  const after = before.replace('        resources: {requests: {cpu: 100m}}\n', '        resources: {requests: {memory: 64Mi}}\n');
  const incremental = analyzer.analyze(after).findings.filter((f) => f.rule === 'hpa-missing-request');
  assert.equal(incremental.length, 1);
  assert.deepEqual(incremental, new Analyzer().analyze(after).findings.filter((f) => f.rule === 'hpa-missing-request'));
});

test('probe BG: `metrics: []` is the default; with another working metric the HPA scales out but never in', () => {
  assert.equal(rule(file(deployment(''), hpaV2('  metrics: []\n')))[0]?.text, 'web');
  const twoMetrics = '  metrics:\n  - type: Resource\n    resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}\n  - type: Pods\n    pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: "10"}}\n';
  const partial = rule(file(deployment(''), hpaV2(twoMetrics)));
  assert.equal(partial.length, 1);
  assert.match(partial[0]!.message, /scales out on its other metrics only, and never scales in while a metric fails/);
  assert.doesNotMatch(partial[0]!.message, /never scales:/);
});

test('a KEDA ScaledObject on cpu Utilization makes the same HPA; an Argo Rollout is a target too', () => {
  const scaledObject = (trigger: string): string => `apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {name: web}\n  triggers:\n${trigger}`;
  const found = rule(file(deployment(''), scaledObject('  - type: cpu\n    metricType: Utilization\n    metadata: {value: "60"}\n')));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.text, 'Utilization');
  assert.match(found[0]!.message, /^ScaledObject "web" \(through the HorizontalPodAutoscaler KEDA makes of it\) scales Deployment\/web on cpu utilization/);
  // The older form, with the type in metadata; AverageValue and other scalers need no request.
  assert.equal(rule(file(deployment(''), scaledObject('  - type: memory\n    metadata: {type: Utilization, value: "70"}\n'))).length, 1);
  assert.deepEqual(rule(file(deployment(''), scaledObject('  - type: cpu\n    metricType: AverageValue\n    metadata: {value: "500m"}\n'))), []);
  assert.deepEqual(rule(file(deployment(''), scaledObject('  - type: kafka\n    metadata: {topic: orders, lagThreshold: "50"}\n'))), []);
  assert.deepEqual(rule(file(deployment('        resources: {limits: {cpu: "1"}}\n'), scaledObject('  - type: cpu\n    metricType: Utilization\n    metadata: {value: "60"}\n'))), []);
  const rollout = deployment('').replace('apiVersion: apps/v1\nkind: Deployment', 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout');
  assert.equal(rule(file(rollout, hpaV2(cpu80).replace('{apiVersion: apps/v1, kind: Deployment, name: web}', '{apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web}'))).length, 1);
});
