/**
 * Pods that a custom resource's controller builds get more than their template says (a sweep of
 * real Argo, KubeRay, Kubeflow and Knative files found each case): Argo takes volumes from the
 * calling workflow and `templateDefaults`, starts containerSet containers after their
 * `dependencies`; operators add labels and environment variables. None of that is an error.
 * The same manifests as built-in workloads are still judged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { workspaceFindings } from '../../helpers/workspace';

const argo = (kind: string, spec: string): string => `apiVersion: argoproj.io/v1alpha1\nkind: ${kind}\nmetadata: {name: w}\nspec:\n${spec}`;
const mountingTemplate = `  templates:
    - name: main
      container:
        image: alpine:3.19
        volumeMounts: [{name: workdir, mountPath: /workdir}]
`;

test('Argo: a WorkflowTemplate mounts its callers\' volumes; a Workflow gets templateDefaults volumes', () => {
  assert.equal(findings(argo('WorkflowTemplate', mountingTemplate), 'undefined-volume').length, 0);
  assert.equal(findings(argo('ClusterWorkflowTemplate', mountingTemplate), 'undefined-volume').length, 0);
  assert.equal(findings(argo('Workflow', mountingTemplate), 'undefined-volume').length, 1, 'a Workflow runs its own templates');
  const defaults = argo('Workflow', `  templateDefaults:\n    volumes: [{name: workdir, emptyDir: {}}]\n${mountingTemplate}`);
  assert.equal(findings(defaults, 'undefined-volume').length, 0);
  assert.equal(findings(defaults, 'unused-volume').length, 0);
});

test('Argo: a template volume named like a workflow volume replaces it; two in one list are still duplicates', () => {
  const overriding = argo('Workflow', `  volumes: [{name: data, emptyDir: {}}]
  templates:
    - name: main
      volumes: [{name: data, emptyDir: {medium: Memory}}]
      container:
        image: alpine:3.19
        volumeMounts: [{name: data, mountPath: /data}]
`);
  assert.equal(findings(overriding, 'duplicate-volume-name').length, 0);
  assert.equal(findings(overriding.replace('volumes: [{name: data, emptyDir: {medium: Memory}}]', 'volumes: [{name: data, emptyDir: {}}, {name: data, emptyDir: {}}]'), 'duplicate-volume-name').length, 1);
});

test('Argo containerSet: a container with dependencies starts after them, so their ports never clash', () => {
  const set = (dependencies: string): string =>
    argo('Workflow', `  templates:
    - name: main
      containerSet:
        containers:
          - {name: warmup, image: redis:7}
          - {name: check, image: redis:7${dependencies ? `, dependencies: [warmup]` : ''}}
          - {name: main, image: redis:7${dependencies ? `, dependencies: [check]` : ''}}
`);
  assert.equal(findings(set(''), 'implicit-port-conflict').length, 2, 'together: each later redis clashes');
  assert.equal(findings(set('yes'), 'implicit-port-conflict').length, 0, 'main starts after check, which starts after warmup');
});

test('operators\' environment variables: near names are not reported in custom resources, still in Deployments', () => {
  const container = (pad: string): string =>
    [`containers:`, `  - name: pytorch`, `    image: pytorch/pytorch:2.1.0`, `    args: [--master_addr=$(MASTER_ADDR)]`, `    env: [{name: MASTER_ADDRESS, value: localhost}]`].map((l) => pad + l).join('\n');
  const job = `apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: ddp}\nspec:\n  pytorchReplicaSpecs:\n    Master:\n      template:\n        spec:\n${container('          ')}\n`;
  assert.equal(findings(job, 'undefined-env-reference').length, 0);
  const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n${container('      ')}\n`;
  assert.match(findings(deployment, 'undefined-env-reference')[0]?.message ?? '', /MASTER_ADDRESS/);
});

test('service-selects-nothing: labels operators and built-in controllers add are no missing label', () => {
  const service = (selector: string): string => `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: ${selector}\n  ports: [{port: 80}]\n`;
  const ray = `apiVersion: ray.io/v1\nkind: RayCluster\nmetadata: {name: rc}\nspec:\n  headGroupSpec:\n    template:\n      metadata: {labels: {app: rc}}\n      spec:\n        containers: [{name: head, image: rayproject/ray:2.9.0}]\n`;
  assert.equal(workspaceFindings(`${service('{app: rc, ray.io/node-type: head}')}---\n${ray}`, 'service-selects-nothing').length, 0);
  const sts = `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: kafka}\nspec:\n  selector: {matchLabels: {app: kafka}}\n  template:\n    metadata: {labels: {app: kafka}}\n    spec:\n      containers: [{name: kafka, image: apache/kafka:3.7.0}]\n`;
  assert.equal(workspaceFindings(`${service('{app: kafka, statefulset.kubernetes.io/pod-name: kafka-0}')}---\n${sts}`, 'service-selects-nothing').length, 0);
  assert.equal(workspaceFindings(`${service('{app: kafka, tier: broker}')}---\n${sts}`, 'service-selects-nothing').length, 1, 'a label nobody adds');
  assert.equal(workspaceFindings(`${service('{role: head}')}---\n${ray}`, 'service-selects-nothing').length, 0, 'nothing close');
  assert.equal(workspaceFindings(`${service('{app: rcc}')}---\n${ray}`, 'service-selects-nothing').length, 1, 'a value typo in a custom resource is still one');
  // Argo Rollouts copies stableMetadata labels onto the stable pods; a plain label nobody adds is still missing.
  const rollout = `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  strategy:\n    canary:\n      stableMetadata: {labels: {role: stable}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx:1.27}]\n`;
  assert.equal(workspaceFindings(`${service('{app: web, role: stable}')}---\n${rollout}`, 'service-selects-nothing').length, 0);
  assert.equal(workspaceFindings(`${service('{app: web, team: shop}')}---\n${rollout}`, 'service-selects-nothing').length, 1);
});

test('service-selects-nothing: a chart release near the Service makes pods labelled with its instance name', () => {
  const service = `apiVersion: v1\nkind: Service\nmetadata: {name: readarr-lb, namespace: media}\nspec:\n  selector: {app.kubernetes.io/instance: readarr}\n  ports: [{port: 8787}]\n`;
  const radarr = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: radarr, namespace: media}\nspec:\n  selector: {matchLabels: {app.kubernetes.io/instance: radarr}}\n  template:\n    metadata: {labels: {app.kubernetes.io/instance: radarr}}\n    spec:\n      containers: [{name: radarr, image: linuxserver/radarr}]\n`;
  const release = (apiVersion: string, kind: string, spec: string): string => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: readarr, namespace: media}\nspec:\n${spec}`;
  assert.equal(workspaceFindings(`${service}---\n${radarr}`, 'service-selects-nothing').length, 1, 'alone, radarr is a near miss');
  for (const r of [
    release('helm.toolkit.fluxcd.io/v2', 'HelmRelease', '  chart: {spec: {chart: app-template}}\n'),
    release('argoproj.io/v1alpha1', 'Application', '  destination: {namespace: media}\n  source: {chart: app-template}\n'),
    release('helm.cattle.io/v1', 'HelmChart', '  chart: app-template\n'),
  ]) {
    assert.equal(workspaceFindings(`${service}---\n${radarr}---\n${r}`, 'service-selects-nothing').length, 0, r.split('\n')[1]);
  }
  // Flux names a release with a targetNamespace `<targetNamespace>-<name>` unless releaseName says otherwise.
  const renamed = release('helm.toolkit.fluxcd.io/v2', 'HelmRelease', '  releaseName: sonarr\n');
  assert.equal(workspaceFindings(`${service}---\n${radarr}---\n${renamed}`, 'service-selects-nothing').length, 1);
});

test('service-selects-nothing: a role label the process sets on its own pod (Vault, Patroni) is no missing label', () => {
  const service = (selector: string): string => `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: ${selector}\n  ports: [{port: 8200}]\n`;
  const sts = `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: vault}\nspec:\n  selector: {matchLabels: {app: vault}}\n  template:\n    metadata: {labels: {app: vault}}\n    spec:\n      containers: [{name: vault, image: hashicorp/vault:1.17}]\n`;
  assert.equal(workspaceFindings(`${service('{app: vault, vault-active: "true"}')}---\n${sts}`, 'service-selects-nothing').length, 0);
  assert.equal(workspaceFindings(`${service('{app: vault, spilo-role: master}')}---\n${sts}`, 'service-selects-nothing').length, 0);
  assert.equal(workspaceFindings(`${service('{app: vault, tier: backend}')}---\n${sts}`, 'service-selects-nothing').length, 1);
  // The value says it too: the MinIO operator labels the elected replica `operator: leader` (sweep EL).
  assert.equal(workspaceFindings(`${service('{app: vault, operator: leader}')}---\n${sts}`, 'service-selects-nothing').length, 0);
  assert.equal(workspaceFindings(`${service('{app: vault, operator: follower}')}---\n${sts}`, 'service-selects-nothing').length, 1);
});

test('operators\' named ports: Kubeflow, KubeRay and ECK add ports a probe or a Service may name', () => {
  const service = (selector: string, targetPort: string): string => `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: ${selector}\n  ports: [{port: 80, targetPort: ${targetPort}}]\n`;
  const pytorch = (name: string, probe: string): string =>
    `apiVersion: kubeflow.org/v1\nkind: PyTorchJob\nmetadata: {name: pt}\nspec:\n  pytorchReplicaSpecs:\n    Master:\n      template:\n        metadata: {labels: {app: pt}}\n        spec:\n          containers:\n          - {name: ${name}, image: pytorch/pytorch, readinessProbe: {tcpSocket: {port: ${probe}}}}\n          - {name: side, image: myorg/side}\n`;
  assert.equal(findings(pytorch('pytorch', 'pytorchjob-port'), 'unknown-port-name').length, 0);
  assert.equal(findings(pytorch('trainer', 'pytorchjob-port'), 'unknown-port-name').length, 0, 'no container named pytorch: the first gets it');
  assert.equal(findings(pytorch('pytorch', 'tfjob-port'), 'unknown-port-name').length, 1, 'the port of another kind');
  assert.equal(workspaceFindings(`${pytorch('pytorch', '23456')}---\n${service('{app: pt}', 'pytorchjob-port')}`, 'service-target-port').length, 0);
  const tf = `apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: tf}\nspec:\n  tfReplicaSpecs:\n    Chief:\n      template:\n        metadata: {labels: {app: tf}}\n        spec:\n          containers: [{name: tensorflow, image: tensorflow/tensorflow}]\n`;
  assert.equal(workspaceFindings(`${tf}---\n${service('{app: tf}', 'tfjob-port')}`, 'service-target-port').length, 0);
  assert.equal(workspaceFindings(`${tf}---\n${service('{app: tf}', 'tfjob-prot')}`, 'service-target-port').length, 1, 'a typo is still one');
  // KubeRay: metrics 8080 on the Ray container of the head and the workers, not on a RayJob's submitter.
  const ray = `apiVersion: ray.io/v1\nkind: RayCluster\nmetadata: {name: rc}\nspec:\n  headGroupSpec:\n    template:\n      metadata: {labels: {app: head}}\n      spec:\n        containers: [{name: ray-head, image: rayproject/ray:2.9.0, ports: [{name: gcs-server, containerPort: 6379}]}]\n  workerGroupSpecs:\n  - groupName: small\n    template:\n      metadata: {labels: {app: worker}}\n      spec:\n        containers: [{name: ray-worker, image: rayproject/ray:2.9.0}]\n`;
  assert.equal(workspaceFindings(`${ray}---\n${service('{app: head}', 'metrics')}`, 'service-target-port').length, 0);
  assert.equal(workspaceFindings(`${ray}---\n${service('{app: worker}', 'metrics')}`, 'service-target-port').length, 0);
  assert.equal(workspaceFindings(`${ray}---\n${service('{app: head}', 'dashboard')}`, 'service-target-port').length, 1, 'KubeRay adds no dashboard port to the container');
  // ECK: https (http without TLS) and transport on the elasticsearch container.
  const es = (http: string): string => `apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata: {name: es}\nspec:\n  version: 8.12.0\n${http}  nodeSets:\n  - name: default\n    count: 1\n    podTemplate:\n      metadata: {labels: {app: es}}\n      spec:\n        containers:\n        - name: elasticsearch\n          readinessProbe: {tcpSocket: {port: https}}\n`;
  assert.equal(findings(es(''), 'unknown-port-name').length, 0);
  assert.equal(workspaceFindings(`${es('')}---\n${service('{app: es}', 'transport')}`, 'service-target-port').length, 0);
  const plain = es('  http: {tls: {selfSignedCertificate: {disabled: true}}}\n');
  assert.equal(findings(plain, 'unknown-port-name').length, 1, 'without TLS the port is named http');
  assert.equal(findings(plain.replace('port: https', 'port: http'), 'unknown-port-name').length, 0);
  // The same template as a Deployment declares nothing.
  const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers: [{name: pytorch, image: x, readinessProbe: {tcpSocket: {port: pytorchjob-port}}}]\n`;
  assert.equal(findings(deployment, 'unknown-port-name').length, 1);
});

test('unused-volume: ECK mounts a podTemplate volume named like its own (elasticsearch-data) itself (sweep BM)', () => {
  const es = (volume: string): string =>
    `apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata: {name: es}\nspec:\n  version: 8.11.0\n  nodeSets:\n  - name: default\n    count: 1\n    podTemplate:\n      spec:\n        volumes:\n        - name: ${volume}\n          emptyDir: {}\n`;
  assert.deepEqual(findings(es('elasticsearch-data'), 'unused-volume'), []);
  assert.deepEqual(findings(es('elasticsearch-logs'), 'unused-volume'), []);
  assert.equal(findings(es('scratch'), 'unused-volume').length, 1, 'a volume of another name is still unused');
});

test('undefined-volume: KubeRay drops a mount of no volume from the Ray container: a warning that says so; a sidecar\'s is still refused (sweep BM)', () => {
  const ray = (containers: string): string => `apiVersion: ray.io/v1\nkind: RayCluster\nmetadata: {name: rc}\nspec:\n  headGroupSpec:\n    template:\n      spec:\n        containers:\n${containers}        volumes: [{name: logs, emptyDir: {}}]\n`;
  const head = '        - name: ray-head\n          image: rayproject/ray:2.9.0\n          volumeMounts: [{name: ckpt, mountPath: /ckpt}, {name: logs, mountPath: /tmp/ray}]\n';
  const [dropped] = findings(ray(head), 'undefined-volume');
  assert.equal(dropped?.severity, 'warning');
  assert.match(dropped?.message ?? '', /KubeRay removes such a mount from the Ray container/);
  const sidecar = '        - name: exporter\n          image: busybox:1.36\n          volumeMounts: [{name: ckpt, mountPath: /ckpt}]\n';
  const found = findings(ray(head + sidecar), 'undefined-volume');
  assert.deepEqual(found.map((f) => f.severity), ['warning', 'error']);
  // A worker with an init container of its own: KubeRay's added init container keeps the mount, and the pod is refused (probe BQ).
  const worker = (init: string): string => `apiVersion: ray.io/v1\nkind: RayCluster\nmetadata: {name: rc}\nspec:\n  workerGroupSpecs:\n  - groupName: w\n    template:\n      spec:\n${init}        containers:\n        - name: ray-worker\n          image: rayproject/ray:2.9.0\n          volumeMounts: [{name: ckpt, mountPath: /ckpt}]\n`;
  assert.equal(findings(worker(''), 'undefined-volume')[0]?.severity, 'warning');
  assert.equal(findings(worker('        initContainers: [{name: fetch, image: busybox:1.36}]\n'), 'undefined-volume')[0]?.severity, 'error');
});
