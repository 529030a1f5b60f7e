/**
 * Pods inside custom resources are checked exactly like the same pod in a Deployment: a planted
 * port conflict and a mistyped volume give the same rules, severities and underlined text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, findings, yaml } from '../../helpers/check';
import { podsOf } from '../../../server/src/k8s/pod-model';
import { parseChunk } from '../../../server/src/core/parse';

/** The rule, severity and text of each error or warning, in order. */
const summary = (text: string, options = {}): string[] =>
  check(text, options)
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.rule}|${f.severity}|${f.text}`);

/** A pod spec with a planted port conflict and a mistyped volume field. */
const POD_SPEC = [
  'containers:',
  '  - name: app',
  '    image: example/app',
  '    ports: [{containerPort: 8080}]',
  '    volumeMounts: [{name: data, mountPath: /data}]',
  '  - name: proxy',
  '    image: example/proxy',
  '    ports: [{containerPort: 8080}]',
  'volumes:',
  '  - name: data',
  '    hostPath: {Path: /srv/data}',
];

/** `head` (ending at the line that opens the pod spec) and the pod spec indented `depth` levels. */
function wrap(head: string, depth: number): string {
  return `${head}\n${POD_SPEC.map((l) => ' '.repeat(depth * 2) + l).join('\n')}\n`;
}

const deployment = wrap('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:', 3);

const expected = summary(deployment);

test('the Deployment itself: one port conflict, one unknown field in the volume', () => {
  assert.deepEqual(expected, ['port-conflict|warning|8080', 'unknown-field|error|Path']);
});

const customResources: Record<string, string> = {
  Rollout: wrap('apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  strategy: {canary: {steps: [{setWeight: 20}]}}\n  template:\n    spec:', 3),
  'Knative Service': wrap('apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containerConcurrency: 10', 3),
  ContainerSource: wrap('apiVersion: sources.knative.dev/v1\nkind: ContainerSource\nmetadata: {name: web}\nspec:\n  sink: {ref: {apiVersion: v1, kind: Service, name: display}}\n  template:\n    spec:', 3),
  ScaledJob: wrap('apiVersion: keda.sh/v1alpha1\nkind: ScaledJob\nmetadata: {name: web}\nspec:\n  triggers: [{type: cron, metadata: {}}]\n  jobTargetRef:\n    template:\n      spec:', 4),
  PyTorchJob: wrap('apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: web}\nspec:\n  pytorchReplicaSpecs:\n    Master:\n      replicas: 1\n      template:\n        spec:', 5),
  JobSet: wrap('apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata: {name: web}\nspec:\n  replicatedJobs:\n    - name: w\n      template:\n        spec:\n          template:\n            spec:', 7),
  // Sweep BS: LeaderWorkerSet went unread.
  'LeaderWorkerSet worker': wrap('apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata: {name: web}\nspec:\n  replicas: 2\n  leaderWorkerTemplate:\n    size: 4\n    workerTemplate:\n      spec:', 4),
  // Sweep DF: Agones game servers went unread.
  'Agones GameServer': wrap('apiVersion: agones.dev/v1\nkind: GameServer\nmetadata: {name: web}\nspec:\n  ports: [{name: default, portPolicy: Dynamic, containerPort: 7654}]\n  template:\n    spec:', 3),
  'Agones Fleet': wrap('apiVersion: agones.dev/v1\nkind: Fleet\nmetadata: {name: web}\nspec:\n  replicas: 2\n  template:\n    spec:\n      ports: [{name: default, containerPort: 7654}]\n      template:\n        spec:', 5),
  'LeaderWorkerSet leader': wrap('apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata: {name: web}\nspec:\n  leaderWorkerTemplate:\n    leaderTemplate:\n      spec:', 4),
};

// Knative's webhook also refuses the second container port (one serving port per pod).
const knativeExtra: Record<string, string[]> = { 'Knative Service': ['invalid-value|error|8080'] };

for (const [name, text] of Object.entries(customResources)) {
  test(`${name}: reported exactly as the Deployment`, () => {
    const extra = knativeExtra[name] ?? [];
    assert.deepEqual(summary(text).filter((s) => !extra.includes(s)), expected, text);
    assert.deepEqual(summary(text).filter((s) => extra.includes(s)), extra);
  });
}

test('Argo Workflow: the container and its sidecar share the pod; template volumes are checked', () => {
  const text = yaml`
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    metadata: {generateName: web-}
    spec:
      entrypoint: main
      templates:
        - name: main
          steps: [[{name: run, template: run}]]
        - name: run
          container:
            name: app
            image: example/app
            ports: [{containerPort: 8080}]
            volumeMounts: [{name: data, mountPath: /data}]
          sidecars:
            - name: proxy
              image: example/proxy
              ports: [{containerPort: 8080}]
          volumes:
            - name: data
              hostPath: {Path: /srv/data}
  `;
  assert.deepEqual(summary(text), expected);
  const pods = podsOf(parseChunk(text).docs[0]!);
  assert.deepEqual(pods.map((p) => p.path), ['spec.templates[1]']);
});

test('Argo Workflow: workflow-level volumes count for every template and are never unused', () => {
  const text = yaml`
    apiVersion: argoproj.io/v1alpha1
    kind: WorkflowTemplate
    metadata: {name: w}
    spec:
      volumes: [{name: shared, emptyDir: {}}]
      volumeClaimTemplates: [{metadata: {name: work}, spec: {accessModes: [ReadWriteOnce]}}]
      templates:
        - name: a
          container: {image: example/a, volumeMounts: [{name: shared, mountPath: /s}, {name: work, mountPath: /w}]}
        - name: b
          script: {image: python, source: print(1), volumeMounts: [{name: sharde, mountPath: /s}]}
  `;
  const found = check(text).map((f) => `${f.rule}|${f.text}`);
  assert.deepEqual(found, ['undefined-volume|sharde']);
  assert.match(check(text)[0]?.message ?? '', /"main"/);
  // A WorkflowTemplate's callers may give it volumes: only a near miss of a defined name, as a warning.
  assert.equal(check(text)[0]?.severity, 'warning');
  assert.match(check(text)[0]?.message ?? '', /Did you mean "?shared"?\?/);
  assert.deepEqual(check(text.replace('sharde', 'from-caller')), []);
});

test('Argo Workflow: containerSet.volumeMounts are every container\'s mounts (used, checked once, seen in each container)', () => {
  const text = yaml`
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    metadata: {generateName: w-}
    spec:
      entrypoint: main
      templates:
        - name: main
          volumes: [{name: workspace, emptyDir: {}}]
          containerSet:
            volumeMounts: [{name: workspace, mountPath: /workspace}, {name: wokspace, mountPath: /w}]
            containers:
              - {name: a, image: example/a}
              - {name: b, image: example/b, dependencies: [a]}
  `;
  assert.deepEqual(check(text).map((f) => `${f.rule}|${f.text}`), ['undefined-volume|wokspace']);
  const [pod] = podsOf(parseChunk(text).docs[0] as Parameters<typeof podsOf>[0]);
  assert.deepEqual(pod?.containers.map((c) => c.mounts.map((m) => m.mountPath)), [['/workspace', '/w'], ['/workspace', '/w']]);
});

test('Elastic (ECK): the operator adds volumes and one per claim template, so mounts of them are no errors; claims read "an Elasticsearch"', () => {
  const text = yaml`
    apiVersion: elasticsearch.k8s.elastic.co/v1
    kind: Elasticsearch
    metadata: {name: es}
    spec:
      version: 8.15.0
      nodeSets:
        - name: default
          count: 1
          volumeClaimTemplates: [{metadata: {name: snapshots}, spec: {accessModes: [ReadWriteOnce]}}]
          podTemplate:
            spec:
              containers:
                - name: elasticsearch
                  volumeMounts: [{name: elasticsearch-data, mountPath: /usr/share/elasticsearch/data}, {name: snapshots, mountPath: /snapshots}]
                - name: elasticsearch
                  image: busybox
  `;
  const found = check(text);
  assert.deepEqual(found.map((f) => f.rule), ['duplicate-container-name']);
  assert.match(found[0]?.message ?? '', /Inside an Elasticsearch, kubectl apply checks only/);
});

test('Tekton Task: a sidecar runs beside every step, steps never conflict with each other', () => {
  const text = yaml`
    apiVersion: tekton.dev/v1
    kind: Task
    metadata: {name: t}
    spec:
      steps:
        - name: app
          image: example/app
          script: echo hi
          ports: [{containerPort: 8080}]
          volumeMounts: [{name: data, mountPath: /data}]
        - name: again
          image: example/app
          ports: [{containerPort: 8080}]
      sidecars:
        - name: proxy
          image: example/proxy
          ports: [{containerPort: 8080}]
      volumes:
        - name: data
          hostPath: {Path: /srv/data}
  `;
  assert.deepEqual(summary(text), expected);
});

test('Tekton: two steps on one port are not reported', () => {
  const text = yaml`
    apiVersion: tekton.dev/v1beta1
    kind: Task
    metadata: {name: t}
    spec:
      steps:
        - {name: one, image: example/app, ports: [{containerPort: 8080}]}
        - {name: two, image: example/app, ports: [{containerPort: 8080}]}
  `;
  assert.deepEqual(check(text), []);
});

test('Tekton: a step\'s displayName (Tekton Pipelines v0.62) is a Step field; a misspelling still is not', () => {
  const task = (key: string): string => yaml`
    apiVersion: tekton.dev/v1
    kind: Task
    metadata: {name: fields-v1}
    spec:
      steps:
        - name: build
          ${key}: "Build the image"
          image: alpine
          script: echo hi
  `;
  assert.deepEqual(check(task('displayName')), []);
  assert.deepEqual(findings(task('displayname'), 'unknown-field').map((f) => `${f.severity}|${f.text}`), ['error|displayname']);
});

test("Tekton: a step or sidecar with `script` runs the script, not its image's server (sweep AF, instana-style database sidecars)", () => {
  const task = (step: string): string => yaml`
    apiVersion: tekton.dev/v1
    kind: Task
    metadata: {name: redis-test}
    spec:
      sidecars:
        - name: redis
          image: redis:7
        - name: monitor
          image: redis:7
          script: redis-cli -h localhost monitor
      steps:
        - name: ping
          image: redis:7
          ${step}
  `;
  assert.deepEqual(summary(task('script: until redis-cli -h localhost ping; do sleep 1; done')), []);
  // Without a script the step runs redis-server on the sidecar's port: still reported.
  assert.deepEqual(summary(task('workingDir: /data')).map((s) => s.split('|')[0]), ['implicit-port-conflict']);
});

test('Tekton: $(params.x) substitutions are unknown, not undefined volumes', () => {
  const text = yaml`
    apiVersion: tekton.dev/v1
    kind: Task
    metadata: {name: t}
    spec:
      params: [{name: CACHE}]
      steps:
        - name: build
          image: example/app
          volumeMounts: [{name: $(params.CACHE), mountPath: /cache}]
  `;
  assert.deepEqual(check(text), []);
});

test('a custom resource: no unknown-field outside the embedded pod spec; Knative extra keys allowed', () => {
  const text = yaml`
    apiVersion: serving.knative.dev/v1
    kind: Service
    metadata: {name: web}
    spec:
      somethingKnativeAdds: true
      template:
        metadata: {annotations: {autoscaling.knative.dev/target: "10"}}
        spec:
          containerConcurrency: 0
          timeoutSeconds: 300
          containers: [{image: example/app, imagePullPolicy: always}]
  `;
  assert.deepEqual(check(text).map((f) => `${f.rule}|${f.text}`), ['invalid-value|always']);
});

test('podTemplates option: a user kind is checked like a Deployment', () => {
  const text = wrap('apiVersion: example.com/v1\nkind: WebApp\nmetadata: {name: web}\nspec:\n  pod:', 2);
  assert.deepEqual(summary(text), []);
  const options = { podTemplates: [{ apiVersion: 'example.com', kind: 'WebApp', podSpecs: ['spec.pod'] }] };
  assert.deepEqual(summary(text, options), expected);
});

test('OpenKruise SidecarSet: its containers are partial (no unused volume), their named ports satisfy Services', () => {
  const text = yaml`
    apiVersion: apps.kruise.io/v1alpha1
    kind: SidecarSet
    metadata: {name: s}
    spec:
      selector: {matchLabels: {app: web}}
      containers:
        - name: side
          image: example/side
          podInjectPolicy: BeforeAppContainer
          ports: [{name: side-http, containerPort: 9000}]
      volumes: [{name: extra, emptyDir: {}}]
    ---
    apiVersion: apps.kruise.io/v1alpha1
    kind: CloneSet
    metadata: {name: web}
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers: [{name: app, image: example/app, ports: [{containerPort: 80}]}]
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec:
      selector: {app: web}
      ports: [{port: 80, targetPort: side-http}]
  `;
  assert.deepEqual(check(text), []);
  assert.equal(findings(text.replace('targetPort: side-http', 'targetPort: nope'), 'service-target-port').length, 1);
});

test('removed-api-version: batch/v1beta1 CronJob and extensions/v1beta1 Deployment; deprecated v1 Endpoints', () => {
  const text = yaml`
    apiVersion: batch/v1beta1
    kind: CronJob
    metadata: {name: c}
    spec: {schedule: "* * * * *", jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: a, image: busybox}]}}}}}
    ---
    apiVersion: extensions/v1beta1
    kind: Deployment
    metadata: {name: d}
    spec: {template: {spec: {containers: [{name: a, image: busybox}]}}}
    ---
    apiVersion: v1
    kind: Endpoints
    metadata: {name: e}
  `;
  const found = check(text).map((f) => `${f.rule}|${f.severity}|${f.text}`);
  assert.deepEqual(found, ['removed-api-version|error|batch/v1beta1', 'removed-api-version|error|extensions/v1beta1', 'deprecated-api-version|warning|v1']);
  assert.match(check(text)[0]?.message ?? '', /1\.25.*batch\/v1 /);
});

test('unknown-field: a mistyped empty emptyDir, the only source of a custom resource\'s volume, changes nothing (a note); anything more is an error', () => {
  const beat = (volume: string, kind = 'apiVersion: beat.k8s.elastic.co/v1beta1\n  kind: Beat'): string => yaml`
  ${kind}
  metadata: {name: filebeat}
  spec:
    type: filebeat
    deployment:
      podTemplate:
        spec:
          containers:
          - {name: filebeat, volumeMounts: [{name: data, mountPath: /data}]}
          volumes:
          - ${volume}
  `;
  const severities = (text: string): string[] => findings(text, 'unknown-field').map((f) => f.severity);
  assert.deepEqual(severities(beat('{name: data, emptydir: {}}')), ['information']);
  assert.match(findings(beat('{name: data, emptydir: {}}'), 'unknown-field')[0]!.message, /nothing changes at run time/);
  // A setting inside is lost; a second source makes the volume invalid: errors.
  assert.deepEqual(severities(beat('{name: data, emptydir: {medium: Memory}}')), ['error']);
  assert.deepEqual(severities(beat('{name: data, emptydir: {}, hostPath: {path: /x}}')), ['error']);
});

test('an OpenKruise CloneSet makes a volume of each claim template, as a StatefulSet does (the openkruise.io sample)', () => {
  const cloneSet = (mount: string): string => yaml`
  apiVersion: apps.kruise.io/v1alpha1
  kind: CloneSet
  metadata: {name: sample-data}
  spec:
    replicas: 5
    selector: {matchLabels: {app: sample}}
    template:
      metadata: {labels: {app: sample}}
      spec:
        containers:
        - {name: nginx, image: "nginx:alpine", volumeMounts: [{name: ${mount}, mountPath: /data}]}
    volumeClaimTemplates:
    - metadata: {name: data-vol}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 20Gi}}}
  `;
  assert.deepEqual(findings(cloneSet('data-vol'), 'undefined-volume'), []);
  assert.equal(findings(cloneSet('data-vol2'), 'undefined-volume').length, 1);
});
