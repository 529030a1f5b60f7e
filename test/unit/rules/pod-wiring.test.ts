/** selector-mismatch, duplicate-env, undefined-env-reference, probe-port-elsewhere: findings and silent cases. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, yaml } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';

const deployment = (selector: string, labels: string, apiVersion = 'apps/v1'): string => yaml`
  apiVersion: ${apiVersion}
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: ${selector}
    template:
      metadata:
        labels: ${labels}
      spec:
        containers:
        - {name: app, image: myorg/app}
`;

test('selector-mismatch: a value, a missing label and an expression that the template fails', () => {
  const value = findings(deployment('{matchLabels: {app: web}}', '{app: wbe}'), 'selector-mismatch');
  assert.equal(value.length, 1);
  assert.equal(value[0]?.severity, 'error');
  assert.equal(value[0]?.text, 'web');
  assert.match(value[0]?.message ?? '', /asks for app: web, but its pod template is labelled app: wbe/);
  assert.deepEqual(value[0]?.relatedText, ['{app: wbe}']);
  const missing = findings(deployment('{matchLabels: {app: web, tier: front}}', '{app: web}'), 'selector-mismatch');
  assert.equal(missing.length, 1);
  assert.equal(missing[0]?.data?.key, 'tier');
  assert.match(missing[0]?.message ?? '', /has no label tier/);
  const expression = findings(deployment('{matchExpressions: [{key: tier, operator: In, values: [front]}]}', '{app: web, tier: back}'), 'selector-mismatch');
  assert.equal(expression.length, 1);
  assert.equal(expression[0]?.text, 'tier');
});

test('selector-mismatch: silent when the selector matches, for patches and for kinds the API server does not check', () => {
  assert.equal(findings(deployment('{matchLabels: {app: web}}', '{app: web, version: v1}'), 'selector-mismatch').length, 0);
  assert.equal(findings(deployment('{matchExpressions: [{key: tier, operator: NotIn, values: [back]}]}', '{app: web}'), 'selector-mismatch').length, 0);
  // A patch: the template's labels are not written here (nor the image: it changes resources only).
  const patch = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      selector: {matchLabels: {app: web}}
      template:
        spec:
          containers: [{name: app, resources: {limits: {memory: 1Gi}}}]
  `;
  assert.equal(findings(patch, 'selector-mismatch').length, 0);
  assert.equal(findings(deployment('{matchLabels: {app: web}}', '{app: wbe}', 'extensions/v1beta1'), 'selector-mismatch').length, 0);
});

test('selector-mismatch: a whole workload whose template has no labels at all (sweeps BT and BV)', () => {
  const bare = (metadata: string): string => yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: prometheus}
    spec:
      serviceName: prometheus
      selector:
        matchLabels: {app: prometheus}
      template:
        ${metadata}spec:
          containers:
          - {name: prometheus, image: prom/prometheus:v3.1.0}
  `;
  for (const metadata of ['', 'metadata: {}\n        ', 'metadata:\n          annotations: {a: b}\n        ', 'metadata:\n          labels:\n        ']) {
    const found = findings(bare(metadata), 'selector-mismatch');
    assert.equal(found.length, 1, metadata);
    assert.match(found[0]?.message ?? '', /asks for app: prometheus, but its pod template has no label app/);
  }
  // Where something may add them: a kustomize resource (`labels` with includeTemplates), a masked template.
  assert.deepEqual(findings(bare(''), 'selector-mismatch', { kustomizeResource: true }), []);
  assert.deepEqual(findings(bare('metadata: {}\n        '), 'selector-mismatch', { fragment: 'kustomize-patch' }), []);
  // The fix labels the template as the selector asks; the pods are then selected.
  const fixed = bare('metadata: {labels: {app: prometheus}}\n        ');
  assert.equal(applyFix(bare('metadata: {}\n        '), 'selector-mismatch', /Label the pod template app: prometheus/, fixed).fix.preferred, true);
  assert.deepEqual(findings(fixed, 'selector-mismatch'), []);
  const added = applyFix(bare(''), 'selector-mismatch', /Label the pod template app: prometheus/).result;
  assert.match(added, /template:\n\s+spec:[\s\S]*metadata:\n\s+labels:\n\s+app: prometheus/);
  assert.deepEqual(findings(added, 'selector-mismatch'), []);
});

const container = (env: string, extra = ''): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers:
    - name: app
      image: myorg/app
      env: [${env}]
      ${extra}
`;

test('duplicate-env: the second setting wins, the first is pointed at', () => {
  const found = findings(container('{name: MODE, value: a}, {name: OTHER, value: b}, {name: MODE, value: c}'), 'duplicate-env');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.severity, 'warning');
  assert.equal(found[0]?.text, 'MODE');
  assert.equal(found[0]?.range.start.character, 66);
  assert.deepEqual(found[0]?.relatedText, ['MODE']);
  assert.equal(found[0]?.data?.earlier, 0);
});

test('duplicate-env: silent for distinct names and across containers', () => {
  assert.equal(findings(container('{name: MODE, value: a}, {name: mode, value: b}'), 'duplicate-env').length, 0);
  const two = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - {name: a, image: x, env: [{name: MODE, value: a}]}
      - {name: b, image: y, env: [{name: MODE, value: b}]}
  `;
  assert.equal(findings(two, 'duplicate-env').length, 0);
});

test('undefined-env-reference: undefined, defined later, in command and args', () => {
  const undefinedRef = findings(container('{name: URL, value: "http://$(HOSTNAME_):80"}, {name: HOSTNAM, value: db}'), 'undefined-env-reference');
  assert.equal(undefinedRef.length, 1);
  assert.equal(undefinedRef[0]?.text, '$(HOSTNAME_)');
  const later = findings(container('{name: URL, value: "http://$(HOST):80"}, {name: HOST, value: db}'), 'undefined-env-reference');
  assert.equal(later.length, 1);
  assert.equal(later[0]?.data?.later, true);
  assert.match(later[0]?.message ?? '', /further down the env list/);
  const args = findings(container('{name: HOST, value: db}', 'args: ["--url=$(HOTS)", "--port=$(PORT)"]'), 'undefined-env-reference');
  assert.deepEqual(args.map((f) => f.text), ['$(HOTS)'], 'PORT is close to no defined name: a kustomize var, maybe');
  assert.equal(args[0]?.data?.suggestion, 'HOST');
});

test('undefined-env-reference: silent for $$ escapes, earlier definitions, envFrom, Service variables and shell substitutions', () => {
  assert.equal(findings(container('{name: HOST, value: db}, {name: URL, value: "$(HOST) $$(LITERAL)"}'), 'undefined-env-reference').length, 0);
  assert.equal(findings(container('{name: URL, value: "$(FROM_CM)"}', 'envFrom: [{configMapRef: {name: cm}}]'), 'undefined-env-reference').length, 0);
  assert.equal(findings(container('{name: URL, value: "$(REDIS_SERVICE_HOST):$(REDIS_PORT_6379_TCP_PORT)"}'), 'undefined-env-reference').length, 0);
  assert.equal(findings(container('{name: A, value: a}', 'command: [sh, -c, "echo $(hostname) $(date +%s)"]'), 'undefined-env-reference').length, 0);
});

test('undefined-env-reference: an Indexed Job\'s JOB_COMPLETION_INDEX is defined for command and args, not for env values', () => {
  const job = (mode: string, env: string, args: string): string => yaml`
    apiVersion: batch/v1
    kind: Job
    metadata: {name: shard}
    spec:
      completions: 4
      ${mode}
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: main
            image: myorg/job
            env: [${env}]
            args: [${args}]
  `;
  const indexed = 'completionMode: Indexed';
  const near = '{name: COMPLETION_INDEX, value: unused}';
  assert.equal(findings(job(indexed, near, '"--shard=$(JOB_COMPLETION_INDEX)"'), 'undefined-env-reference').length, 0);
  // A CronJob's jobs get it too.
  const cron = yaml`
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: shard}
    spec:
      schedule: "0 * * * *"
      jobTemplate:
        spec:
          completionMode: Indexed
          completions: 2
          template:
            spec:
              restartPolicy: Never
              containers:
              - {name: main, image: myorg/job, env: [${near}], command: [run, "--shard=$(JOB_COMPLETION_INDEX)"]}
  `;
  assert.equal(findings(cron, 'undefined-env-reference').length, 0);
  assert.equal(findings(cron.replace('completionMode: Indexed', 'completionMode: NonIndexed'), 'undefined-env-reference').length, 1);
  // Not an Indexed Job: nobody adds it.
  assert.equal(findings(job('parallelism: 2', near, '"--shard=$(JOB_COMPLETION_INDEX)"'), 'undefined-env-reference').length, 1);
  // In an env value it stays literal: the controller appends it after the container's own entries.
  const inEnv = findings(job(indexed, '{name: SHARD, value: "$(JOB_COMPLETION_INDEX)"}', 'run'), 'undefined-env-reference');
  assert.equal(inEnv.length, 1);
  assert.match(inEnv[0]?.message ?? '', /adds JOB_COMPLETION_INDEX to the container only after its own env entries/);
});

const sidecarPod = (probePort: string, ownPorts = '[{containerPort: 8080}]'): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers:
    - name: app
      image: myorg/app
      ports: ${ownPorts}
      livenessProbe: {httpGet: {path: /healthz, port: ${probePort}}}
    - name: metrics
      image: myorg/exporter
      ports: [{containerPort: 9100}]
`;

test('probe-port-elsewhere: a probe on a sibling\'s port', () => {
  const found = findings(sidecarPod('9100'), 'probe-port-elsewhere');
  assert.equal(found.length, 1);
  assert.equal(found[0]?.severity, 'warning');
  assert.equal(found[0]?.text, '9100');
  assert.deepEqual(found[0]?.relatedText, ['9100']);
  assert.equal(found[0]?.data?.own, 8080);
  assert.match(found[0]?.message ?? '', /this probe tests "metrics"/);
});

test('probe-port-elsewhere: silent on its own port, on a port nobody declares, by name, and under hostNetwork', () => {
  assert.equal(findings(sidecarPod('8080'), 'probe-port-elsewhere').length, 0);
  assert.equal(findings(sidecarPod('7000'), 'probe-port-elsewhere').length, 0);
  assert.equal(findings(sidecarPod('metrics'), 'probe-port-elsewhere').length, 0);
  assert.equal(findings(sidecarPod('9100', '[{containerPort: 8080}, {containerPort: 9100}]'), 'probe-port-elsewhere').length, 0);
  assert.equal(findings(sidecarPod('9100').replace('spec:\n  containers:', 'spec:\n  hostNetwork: true\n  containers:'), 'probe-port-elsewhere').length, 0);
});

test('probe-port-elsewhere: silent when the sibling asks this container over a shared socket (a health sidecar: sweep BI)', () => {
  const socketPod = (appPath: string, sidecarPath: string): string =>
    sidecarPod('9100')
      .replace('    livenessProbe:', `    volumeMounts: [{name: sockets, mountPath: ${appPath}}]\n    livenessProbe:`)
      .replace('    ports: [{containerPort: 9100}]\n', `    ports: [{containerPort: 9100}]\n    volumeMounts: [{name: sockets, mountPath: ${sidecarPath}}]\n  volumes: [{name: sockets, emptyDir: {}}]\n`);
  // MetalLB's frr-metrics answers /livez by asking FRR over /var/run/frr; CSI's livenessprobe calls the driver on /csi/csi.sock.
  assert.deepEqual(findings(socketPod('/var/run/frr', '/var/run/frr'), 'probe-port-elsewhere'), []);
  assert.deepEqual(findings(socketPod('/csi', '/csi'), 'probe-port-elsewhere'), []);
  assert.deepEqual(findings(sidecarPod('9100').replace('myorg/exporter', 'registry.k8s.io/sig-storage/livenessprobe:v2.12.0'), 'probe-port-elsewhere'), []);
  // Probe BL: other spellings of a socket directory, a mirror's name for the CSI sidecar.
  for (const dir of ['/csi-data', '/sock', 'C:\\\\csi']) assert.deepEqual(findings(socketPod(dir, dir), 'probe-port-elsewhere'), [], dir);
  assert.deepEqual(findings(sidecarPod('9100').replace('myorg/exporter', 'rancher/mirrored-sig-storage-livenessprobe:v2.12.0'), 'probe-port-elsewhere'), []);
  // A shared folder of files (not sockets) says nothing about the sibling asking this container.
  assert.equal(findings(socketPod('/data', '/data'), 'probe-port-elsewhere').length, 1);
  // Nor does the service-account token every container of an exported pod mounts at /var/run/secrets/... (a projected volume).
  const token = socketPod('/var/run/secrets/kubernetes.io/serviceaccount', '/var/run/secrets/kubernetes.io/serviceaccount').replace('{name: sockets, emptyDir: {}}', '{name: sockets, projected: {sources: [{serviceAccountToken: {path: token}}]}}');
  assert.equal(findings(token, 'probe-port-elsewhere').length, 1);
});

test('probe-port-elsewhere: silent when the container serves on a unix socket in a folder the sibling shares (sweep DC)', () => {
  const socketServer = (command: string, dir = '/tmp'): string =>
    sidecarPod('9100')
      .replace('    livenessProbe:', `    command: ${command}\n    volumeMounts: [{name: shared, mountPath: ${dir}}]\n    livenessProbe:`)
      .replace('    ports: [{containerPort: 9100}]\n', `    ports: [{containerPort: 9100}]\n    volumeMounts: [{name: shared, mountPath: ${dir}}]\n  volumes: [{name: shared, emptyDir: {}}]\n`);
  // Gunicorn's documented nginx set-up, and uwsgi's: any folder name.
  assert.deepEqual(findings(socketServer('[gunicorn, --bind, "unix:/tmp/gunicorn.sock", proj.wsgi]'), 'probe-port-elsewhere'), []);
  assert.deepEqual(findings(socketServer('[uwsgi, --socket, /shared/uwsgi.sock, --module, proj.wsgi]', '/shared'), 'probe-port-elsewhere'), []);
  // A socket elsewhere than the shared folder, or none, leaves the probe on the sibling's port.
  assert.equal(findings(socketServer('[uwsgi, --socket, /run/uwsgi.sock]', '/shared'), 'probe-port-elsewhere').length, 1);
  assert.equal(findings(socketServer('[gunicorn, --bind, "0.0.0.0:8080", proj.wsgi]'), 'probe-port-elsewhere').length, 1);
  // A TCP probe is answered by the proxy itself, whatever the server behind the socket does (probe DG).
  assert.equal(findings(socketServer('[gunicorn, --bind, "unix:/tmp/gunicorn.sock", proj.wsgi]').replace('livenessProbe: {httpGet: {path: /healthz, port: 9100}}', 'livenessProbe: {tcpSocket: {port: 9100}}'), 'probe-port-elsewhere').length, 1);
});
