/** The rules that look across the workspace: findings across files, namespaces, and their silent cases. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yaml } from '../../helpers/check';
import { workspaceFindings } from '../../helpers/workspace';

const deployment = (labels: string, namespace = '', extra = ''): string => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web${namespace ? `, namespace: ${namespace}` : ''}}
  spec:
    selector: {matchLabels: ${labels}}
    template:
      metadata: {labels: ${labels}}
      spec:
        containers:
        - name: app
          image: myorg/app
          ports: [{name: http, containerPort: 8080}]
          ${extra}
`;
const service = (selector: string, namespace = '', ports = '[{port: 80, targetPort: http}]'): string => yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: web${namespace ? `, namespace: ${namespace}` : ''}}
  spec:
    selector: ${selector}
    ports: ${ports}
`;

test('service-selects-nothing: a value typo, a key typo and one missing label, across files', () => {
  const value = workspaceFindings(service('{app: wbe}'), 'service-selects-nothing', { '/ws/app/deploy.yaml': deployment('{app: web}') });
  assert.equal(value.length, 1);
  assert.equal(value[0]?.severity, 'warning');
  assert.equal(value[0]?.text, 'wbe');
  assert.match(value[0]?.message ?? '', /Did you mean app: web\?/);
  const key = workspaceFindings(service('{apps: web}'), 'service-selects-nothing', { '/ws/app/deploy.yaml': deployment('{app: web}') });
  assert.equal(key[0]?.text, 'apps');
  assert.equal(key[0]?.data?.actual, 'app');
  const missing = workspaceFindings(service('{app: web, tier: front}'), 'service-selects-nothing', { '/ws/app/deploy.yaml': deployment('{app: web}') });
  assert.equal(missing[0]?.data?.how, 'missing');
  // In the same file the template's labels are related information.
  const same = workspaceFindings(`${service('{app: wbe}')}---\n${deployment('{app: web}')}`, 'service-selects-nothing');
  assert.equal(same.length, 1);
  assert.equal(same[0]?.related.length, 1);
});

test('service-selects-nothing: silent when something matches, when nothing is close, in other namespaces, far folders and templates', () => {
  const deploy = { '/ws/app/deploy.yaml': deployment('{app: web}') };
  assert.equal(workspaceFindings(service('{app: web}'), 'service-selects-nothing', deploy).length, 0);
  assert.equal(workspaceFindings(service('{app: prometheus}'), 'service-selects-nothing', deploy).length, 0);
  assert.equal(workspaceFindings(service('{app: wbe}'), 'service-selects-nothing', { '/ws/app/deploy.yaml': deployment('{app: web}', 'other') }).length, 0);
  assert.equal(workspaceFindings(service('{app: wbe}', 'prod'), 'service-selects-nothing', { '/ws/app/deploy.yaml': deployment('{app: web}', 'staging') }).length, 0);
  assert.equal(workspaceFindings(service('{app: wbe}'), 'service-selects-nothing', { '/ws/other-app/deploy.yaml': deployment('{app: web}') }).length, 0);
  // A single-label selector missing entirely is no near miss.
  assert.equal(workspaceFindings(service('{tier: front}'), 'service-selects-nothing', deploy).length, 0);
  // A custom resource with the selected labels, or a Helm template naming them, may make the pods.
  const rollout = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  template:\n    metadata: {labels: {app: wbe}}\n';
  assert.equal(workspaceFindings(service('{app: wbe}'), 'service-selects-nothing', { ...deploy, '/ws/app/rollout.yaml': rollout }).length, 0);
  const helm = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: {{ .Values.name }}}\nspec:\n  template:\n    metadata: {labels: {app: wbe}}\n';
  assert.equal(workspaceFindings(service('{app: wbe}'), 'service-selects-nothing', { ...deploy, '/ws/app/helm.yaml': helm }).length, 0);
});

test('service-target-port: a Service selects pods of its own namespace only', () => {
  const bad = service('{app: web}', 'prod', '[{port: 80, targetPort: htp}]');
  assert.equal(workspaceFindings(bad, 'service-target-port', { '/ws/app/d.yaml': deployment('{app: web}', 'prod') }).length, 1);
  assert.equal(workspaceFindings(bad, 'service-target-port', { '/ws/app/d.yaml': deployment('{app: web}', 'staging') }).length, 0);
  // The kustomization's namespace applies to objects that set none.
  assert.equal(workspaceFindings(service('{app: web}', '', '[{port: 80, targetPort: htp}]'), 'service-target-port', { '/ws/app/d.yaml': deployment('{app: web}', 'staging') }, { namespace: 'staging' }).length, 1);
});

// Traefik matches a backend with the Service port's number or name only (ingress-nginx also takes its targetPort).
const ingress = (port: string, name = 'web', namespace = ''): string => yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: {name: site${namespace ? `, namespace: ${namespace}` : ''}}
  spec:
    ingressClassName: traefik
    rules:
    - http:
        paths:
        - path: /
          pathType: Prefix
          backend: {service: {name: ${name}, port: ${port}}}
`;
const route = (port: string, name = 'web'): string => yaml`
  apiVersion: gateway.networking.k8s.io/v1
  kind: HTTPRoute
  metadata: {name: site}
  spec:
    rules:
    - backendRefs: [{name: ${name}, port: ${port}}]
`;

test('dangling-backend: the container port instead of the Service port, an unknown port name, a near-miss Service name', () => {
  const svc = { '/ws/app/svc.yaml': service('{app: web}', '', '[{name: http, port: 80, targetPort: 8080}]') };
  const number = workspaceFindings(ingress('{number: 8080}'), 'dangling-backend', svc);
  assert.equal(number.length, 1);
  assert.equal(number[0]?.text, '8080');
  assert.equal(number[0]?.data?.suggestion, 80);
  assert.match(number[0]?.message ?? '', /8080 is the container port/);
  const name = workspaceFindings(ingress('{name: htp}'), 'dangling-backend', svc);
  assert.equal(name[0]?.data?.suggestion, 'http');
  const routed = workspaceFindings(route('8080'), 'dangling-backend', svc);
  assert.equal(routed.length, 1);
  const typo = workspaceFindings(ingress('{number: 80}', 'wbe'), 'dangling-backend', svc);
  assert.equal(typo[0]?.data?.suggestion, 'web');
});

test('dangling-backend: silent for a right port, an unknown Service, another namespace and a Service without ports', () => {
  const svc = { '/ws/app/svc.yaml': service('{app: web}', '', '[{name: http, port: 80, targetPort: 8080}]') };
  assert.equal(workspaceFindings(ingress('{number: 80}'), 'dangling-backend', svc).length, 0);
  assert.equal(workspaceFindings(ingress('{name: http}'), 'dangling-backend', svc).length, 0);
  assert.equal(workspaceFindings(ingress('{number: 80}', 'payments'), 'dangling-backend', svc).length, 0);
  // Another namespace's Service is never the backend: its ports are not compared (that it is the
  // only definition of the name is its own finding, see dangling-backend.test.ts).
  assert.deepEqual(
    workspaceFindings(ingress('{number: 8080}', 'web', 'prod'), 'dangling-backend', { '/ws/app/svc.yaml': service('{app: web}', 'staging', '[{port: 80, targetPort: 8080}]') }).map((f) => f.text),
    ['web'],
  );
  assert.equal(workspaceFindings(route('8080'), 'dangling-backend', {}).length, 0);
  // The AWS Load Balancer Controller's action reference (alb.ingress.kubernetes.io/actions.web).
  assert.equal(workspaceFindings(ingress('{name: use-annotation}'), 'dangling-backend', svc).length, 0);
});

test('service-selects-nothing: the other word of a pair is no typo (ingressgateway, egressgateway)', () => {
  const gw = { '/ws/app/gw.yaml': deployment('{istio: egressgateway}') };
  assert.equal(workspaceFindings(service('{istio: ingressgateway}'), 'service-selects-nothing', gw).length, 0);
  assert.equal(workspaceFindings(service('{istio: ingresgateway}'), 'service-selects-nothing', { '/ws/app/gw.yaml': deployment('{istio: ingressgateway}') }).length, 1);
});

const config = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata:\n  log_level: debug\n  mode: fast\n';
const podWith = (ref: string): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers:
    - name: app
      image: myorg/app
      env: [{name: LEVEL, valueFrom: {configMapKeyRef: ${ref}}}]
`;

test('missing-config-key: env and volume items name a key the ConfigMap lacks', () => {
  const found = workspaceFindings(podWith('{name: settings, key: log-level}'), 'missing-config-key', { '/ws/app/cm.yaml': config });
  assert.equal(found.length, 1);
  assert.equal(found[0]?.severity, 'error');
  assert.equal(found[0]?.text, 'log-level');
  assert.equal(found[0]?.data?.suggestion, 'log_level');
  const volume = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: x, volumeMounts: [{name: c, mountPath: /c}]}]\n  volumes:\n  - name: c\n    configMap: {name: settings, items: [{key: nope, path: n}]}\n';
  assert.equal(workspaceFindings(volume, 'missing-config-key', { '/ws/app/cm.yaml': config }).length, 1);
  const secret = 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nstringData: {password: x}\n';
  const secretRef = podWith('{name: settings, key: mode}').replace('configMapKeyRef: {name: settings, key: mode}', 'secretKeyRef: {name: creds, key: passwd}');
  assert.equal(workspaceFindings(secretRef, 'missing-config-key', { '/ws/app/s.yaml': secret }).length, 1);
});

test('missing-config-key: silent when present, optional, not in the workspace, in another namespace, or without data', () => {
  const cm = { '/ws/app/cm.yaml': config };
  assert.equal(workspaceFindings(podWith('{name: settings, key: mode}'), 'missing-config-key', cm).length, 0);
  assert.equal(workspaceFindings(podWith('{name: settings, key: nope, optional: true}'), 'missing-config-key', cm).length, 0);
  assert.equal(workspaceFindings(podWith('{name: elsewhere, key: nope}'), 'missing-config-key', cm).length, 0);
  assert.equal(workspaceFindings(podWith('{name: settings, key: nope}'), 'missing-config-key', { '/ws/app/cm.yaml': config.replace('name: settings', 'name: settings, namespace: other') }).length, 0);
  assert.equal(workspaceFindings(podWith('{name: settings, key: nope}'), 'missing-config-key', { '/ws/app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n' }).length, 0);
  assert.equal(workspaceFindings(podWith('{name: settings, key: nope}'), 'missing-config-key', { '/ws/examples/cm.yaml': config }).length, 0);
});

test('missing-config-key: a subPath into a configMap or secret volume names a key it lacks (sweep CT)', () => {
  const pod = (mount: string, source = 'configMap: {name: settings}'): string =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: x, volumeMounts: [${mount}]}]\n  volumes:\n  - name: c\n    ${source}\n`;
  const cm = { '/ws/app/cm.yaml': config };
  const found = workspaceFindings(pod('{name: c, mountPath: /etc/app/mode.conf, subPath: mode.conf}'), 'missing-config-key', cm);
  assert.equal(found.length, 1);
  assert.equal(found[0]?.text, 'mode.conf');
  assert.match(found[0]?.message ?? '', /mounts key "mode\.conf" of ConfigMap "settings" at \/etc\/app\/mode\.conf with subPath.*empty folder named mode\.conf/);
  assert.equal(found[0]?.data?.suggestion, undefined);
  assert.equal(workspaceFindings(pod('{name: c, mountPath: /etc/app/mode, subPath: modes}'), 'missing-config-key', cm)[0]?.data?.suggestion, 'mode');
  // A key it holds, a path from items, a subPathExpr, a nested path: silent.
  assert.equal(workspaceFindings(pod('{name: c, mountPath: /etc/app/mode, subPath: mode}'), 'missing-config-key', cm).length, 0);
  assert.equal(workspaceFindings(pod('{name: c, mountPath: /etc/app/m, subPath: m}', 'configMap: {name: settings, items: [{key: mode, path: m}]}'), 'missing-config-key', cm).length, 0);
  assert.equal(workspaceFindings(pod('{name: c, mountPath: /etc/app/x, subPathExpr: $(POD_NAME)}'), 'missing-config-key', cm).length, 0);
  assert.equal(workspaceFindings(pod('{name: c, mountPath: /etc/app/x, subPath: ..data/mode}'), 'missing-config-key', cm).length, 0);
  // `./mode` is mode; a nested path is in no such volume; `optional` does not help an object that exists (probe DB).
  assert.equal(workspaceFindings(pod('{name: c, mountPath: /etc/app/x, subPath: ./mode}'), 'missing-config-key', cm).length, 0);
  assert.equal(workspaceFindings(pod('{name: c, mountPath: /etc/app/x, subPath: conf/mode}'), 'missing-config-key', cm).length, 1);
  assert.equal(workspaceFindings(pod('{name: c, mountPath: /etc/app/x, subPath: nope}', 'configMap: {name: settings, optional: true}'), 'missing-config-key', cm).length, 1);
  // A Secret's keys too; an emptyDir's subPath is a folder anyone may make.
  const secret = { '/ws/app/s.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nstringData: {password: x}\n' };
  assert.equal(workspaceFindings(pod('{name: c, mountPath: /run/pw, subPath: passwd}', 'secret: {secretName: creds}'), 'missing-config-key', secret).length, 1);
  assert.equal(workspaceFindings(pod('{name: c, mountPath: /data, subPath: passwd}', 'emptyDir: {}'), 'missing-config-key', secret).length, 0);
});

test("missing-config-key: k3s's CoreDNS manifest mounts NodeHosts, which k3s's node controller writes into kube-system/coredns (sweep AI)", () => {
  const coredns = (namespace: string): string =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: coredns, namespace: ${namespace}}\ndata:\n  Corefile: |\n    .:53 { hosts /etc/coredns/NodeHosts }\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: coredns, namespace: ${namespace}}\nspec:\n  containers: [{name: coredns, image: rancher/mirrored-coredns-coredns:1.12.0, volumeMounts: [{name: config, mountPath: /etc/coredns}]}]\n  volumes:\n  - name: config\n    configMap:\n      name: coredns\n      items: [{key: Corefile, path: Corefile}, {key: NodeHosts, path: NodeHosts}]\n`;
  assert.equal(workspaceFindings(coredns('kube-system'), 'missing-config-key', {}).length, 0);
  // Elsewhere nothing writes it.
  assert.equal(workspaceFindings(coredns('dns'), 'missing-config-key', {}).length, 1);
});

const daemonSet = (name: string, hostPort: number, extra = ''): string => yaml`
  apiVersion: apps/v1
  kind: DaemonSet
  metadata: {name: ${name}}
  spec:
    selector: {matchLabels: {app: ${name}}}
    template:
      metadata: {labels: {app: ${name}}}
      spec:
        ${extra || 'dnsPolicy: ClusterFirst'}
        containers:
        - {name: agent, image: myorg/agent, ports: [{containerPort: 9100, hostPort: ${hostPort}}]}
`;

test('host-port-conflict across workloads: two DaemonSets, a DaemonSet and a Deployment, across files', () => {
  const found = workspaceFindings(daemonSet('node-exporter', 9100), 'host-port-conflict', { '/ws/app/other.yaml': daemonSet('metrics-agent', 9100) });
  assert.equal(found.length, 1);
  assert.equal(found[0]?.severity, 'warning');
  assert.match(found[0]?.message ?? '', /DaemonSet "metrics-agent"/);
  const inFile = workspaceFindings(`${daemonSet('a', 9100)}---\n${daemonSet('b', 9100)}`, 'host-port-conflict');
  assert.equal(inFile.length, 1, 'reported once, on the later one');
  assert.equal(inFile[0]?.related.length, 1);
  const withDeployment = deployment('{app: web}').replace('ports: [{name: http, containerPort: 8080}]', 'ports: [{containerPort: 9100, hostPort: 9100}]');
  assert.equal(workspaceFindings(withDeployment, 'host-port-conflict', { '/ws/app/ds.yaml': daemonSet('agent', 9100) }).length, 1);
});

test('host-port-conflict across workloads: two DaemonSets kept to the same nodes by one nodeSelector (sweep BU)', () => {
  const found = workspaceFindings(daemonSet('edge-a', 80, 'nodeSelector: {edge-pool: a, kubernetes.io/os: linux}'), 'host-port-conflict', {
    '/ws/app/b.yaml': daemonSet('edge-b', 80, 'nodeSelector: {kubernetes.io/os: linux, edge-pool: a}'),
  });
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /both select nodes by the same nodeSelector \(edge-pool=a,kubernetes\.io\/os=linux\)/);
});

test('host-port-conflict across workloads: silent for other ports, pinned pods, two Deployments and copies of one workload', () => {
  assert.equal(workspaceFindings(daemonSet('a', 9100), 'host-port-conflict', { '/ws/app/b.yaml': daemonSet('b', 9101) }).length, 0);
  assert.equal(workspaceFindings(daemonSet('a', 9100, 'nodeSelector: {role: edge}'), 'host-port-conflict', { '/ws/app/b.yaml': daemonSet('b', 9100) }).length, 0);
  assert.equal(workspaceFindings(daemonSet('a', 9100, 'nodeSelector: {role: edge}'), 'host-port-conflict', { '/ws/app/b.yaml': daemonSet('b', 9100, 'nodeSelector: {role: core}') }).length, 0);
  assert.equal(workspaceFindings(daemonSet('a', 9100, 'nodeSelector: {role: "${ROLE}"}'), 'host-port-conflict', { '/ws/app/b.yaml': daemonSet('b', 9100, 'nodeSelector: {role: edge}') }).length, 0);
  // An example below is an alternative, not deployed beside it (probe BX).
  assert.equal(workspaceFindings(daemonSet('a', 9100), 'host-port-conflict', { '/ws/app/examples/alt/b.yaml': daemonSet('b', 9100) }).length, 0);
  // Probe BY and sweep CD: two examples in one examples folder; a DaemonSet and a Deployment of one name to pick from.
  assert.equal(workspaceFindings(daemonSet('a', 9100), 'host-port-conflict', { '/ws/app/examples/b.yaml': daemonSet('b', 9100) }).length, 0);
  const sameName = deployment('{app: web}').replace('name: web', 'name: agent').replace('ports: [{name: http, containerPort: 8080}]', 'ports: [{containerPort: 9100, hostPort: 9100}]');
  assert.ok(sameName.includes('name: agent'));
  assert.equal(workspaceFindings(sameName, 'host-port-conflict', { '/ws/app/ds.yaml': daemonSet('agent', 9100) }).length, 0);
  assert.equal(workspaceFindings(daemonSet('a', 9100), 'host-port-conflict', { '/ws/app/overlay.yaml': daemonSet('a', 9100) }).length, 0);
  assert.equal(workspaceFindings(daemonSet('a', 9100), 'host-port-conflict', { '/ws/staging/b.yaml': daemonSet('b', 9100) }).length, 0);
});

test('host-port-conflict across workloads: a plain init container takes no host port, a sidecar does', () => {
  const initPort = (restart: string): string => daemonSet('a', 9100).replace('      containers:', `      initContainers:\n      - {name: proxy, image: myorg/proxy,${restart} ports: [{containerPort: 9443, hostPort: 9443}]}\n      containers:`);
  const other = { '/ws/app/b.yaml': daemonSet('b', 9443) };
  assert.equal(workspaceFindings(initPort(''), 'host-port-conflict', other).length, 0);
  assert.equal(workspaceFindings(initPort(' restartPolicy: Always,'), 'host-port-conflict', other).length, 1);
});

const twoNamed = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
        - {name: app, image: myorg/app, ports: [{name: http, containerPort: 8080}]}
        - {name: proxy, image: myorg/proxy, ports: [{name: http, containerPort: 8443}]}
`;

test('duplicate-port-name: a warning when a Service uses the name, a note otherwise', () => {
  const used = workspaceFindings(twoNamed, 'duplicate-port-name', { '/ws/app/svc.yaml': service('{app: web}') });
  assert.equal(used.length, 1);
  assert.equal(used[0]?.severity, 'warning');
  assert.match(used[0]?.message ?? '', /goes to "app" only/);
  const unused = workspaceFindings(twoNamed, 'duplicate-port-name');
  assert.equal(unused[0]?.severity, 'information');
  assert.equal(workspaceFindings(twoNamed.replace('name: http, containerPort: 8443', 'name: https, containerPort: 8443'), 'duplicate-port-name').length, 0);
});

test('duplicate-port-name: one name for different protocols is how a pod serves both; each Service port finds its own container', () => {
  const dns = twoNamed.replace('name: http, containerPort: 8080', 'name: dns, containerPort: 53, protocol: UDP').replace('name: http, containerPort: 8443', 'name: dns, containerPort: 53, protocol: TCP');
  const svc = { '/ws/app/svc.yaml': service('{app: web}', '', '[{name: dns-udp, port: 53, protocol: UDP, targetPort: dns}, {name: dns-tcp, port: 53, protocol: TCP, targetPort: dns}]') };
  assert.deepEqual(workspaceFindings(dns, 'duplicate-port-name', svc), []);
  assert.deepEqual(workspaceFindings(dns, 'duplicate-port-name'), []);
  // The same protocol twice: the Service's TCP port still reaches the first container only.
  const same = dns.replace('protocol: UDP', 'protocol: TCP');
  const found = workspaceFindings(same, 'duplicate-port-name', svc);
  assert.equal(found.length, 1);
  assert.equal(found[0]?.severity, 'warning');
  // Only a Service port of the other protocol uses the name: nothing looks the duplicate up.
  const udpOnly = { '/ws/app/svc.yaml': service('{app: web}', '', '[{port: 53, protocol: UDP, targetPort: dns}]') };
  assert.equal(workspaceFindings(same, 'duplicate-port-name', udpOnly)[0]?.severity, 'information');
});

test('host-port-conflict across workloads: with hostNetwork a containerPort is a host port (the API server defaults hostPort to it)', () => {
  const hostNetwork = (name: string, port: number, extra = ''): string =>
    daemonSet(name, 0, `hostNetwork: true${extra}`).replace('{containerPort: 9100, hostPort: 0}', `{containerPort: ${port}}`);
  const found = workspaceFindings(`${hostNetwork('exporter-a', 9100)}---\n${hostNetwork('exporter-b', 9100)}`, 'host-port-conflict');
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /With hostNetwork, port 9100\/TCP is a host port .*DaemonSet "exporter-a" takes it too.*stays Pending/);
  assert.equal(found[0]!.text, '9100');
  // Against an explicit hostPort too; another number, or a pinned DaemonSet: nothing.
  assert.equal(workspaceFindings(hostNetwork('exporter-a', 9100), 'host-port-conflict', { '/ws/app/b.yaml': daemonSet('agent', 9100) }).length, 1);
  assert.equal(workspaceFindings(`${hostNetwork('exporter-a', 9100)}---\n${hostNetwork('exporter-b', 9101)}`, 'host-port-conflict').length, 0);
  assert.equal(workspaceFindings(`${hostNetwork('exporter-a', 9100)}---\n${hostNetwork('exporter-b', 9100, '\n        nodeSelector: {kubernetes.io/os: windows}')}`, 'host-port-conflict').length, 0);
  // Without hostNetwork a containerPort takes nothing on the node.
  assert.equal(workspaceFindings(`${hostNetwork('exporter-a', 9100)}---\n${hostNetwork('exporter-b', 9100).replace('hostNetwork: true', 'dnsPolicy: ClusterFirst')}`, 'host-port-conflict').length, 0);
});

test('service-selects-nothing: the workload\'s own name under another key says which pods were meant (sweep DP)', () => {
  const [f] = workspaceFindings(`${service('{app: web}')}---\n${deployment('{name: web}')}`, 'service-selects-nothing');
  assert.match(f?.message ?? '', /Deployment\/web is labelled name: web, where the selector asks for app: web.*Did you mean name\?/);
  // A value that is not the workload's name may be another label's on purpose (`tier: web` and `app: web`).
  assert.equal(workspaceFindings(`${service('{app: front}')}---\n${deployment('{tier: front}')}`, 'service-selects-nothing').length, 0);
});
