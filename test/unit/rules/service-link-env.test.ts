/** service-link-env: a Service named like a program's own setting (`kafka` → KAFKA_PORT) makes the program exit. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, yaml } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';
import { workspaceFindings } from '../../helpers/workspace';
import { needsWorkspace } from '../../../server/src/k8s/neighbourhood';

const service = (name: string, spec = 'selector: {app: x}\nports: [{port: 9092}]', meta = ''): string =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}${meta}}\nspec:\n${spec.split('\n').map((l) => `  ${l}`).join('\n')}\n`;
/** A Deployment with one container; `extra` goes into the container, `podExtra` into the pod spec. */
const deployment = (image: string, extra = '', podExtra = '', meta = ''): string => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: broker${meta}}
  spec:
    selector: {matchLabels: {app: x}}
    template:
      metadata: {labels: {app: x}}
      spec:
        ${podExtra || '# pod'}
        containers:
        - name: main
          image: ${image}
          ${extra || '# container'}
`;
const both = (image: string, name: string, extra = '', podExtra = ''): string => `${service(name)}---\n${deployment(image, extra, podExtra)}`;
const count = (text: string): number => findings(text, 'service-link-env').length;

test('service-link-env: a Service "kafka" beside cp-kafka sets KAFKA_PORT, which its start script refuses', () => {
  const text = both('confluentinc/cp-kafka:7.6.0', 'kafka');
  const [f] = findings(text, 'service-link-env');
  assert.ok(f);
  assert.equal(f.text, 'confluentinc/cp-kafka:7.6.0');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /KAFKA_PORT=tcp:\/\/<cluster IP>:9092/);
  assert.match(f.message, /port is deprecated\. Please use KAFKA_ADVERTISED_LISTENERS instead\./);
  assert.deepEqual(f.relatedText, ['kafka']);
  // Registries and mirrors name the same image.
  assert.equal(count(both('registry.example.com/confluentinc/cp-server:7.6.0', 'kafka')), 1);
  assert.equal(count(both('confluentinc/cp-schema-registry:7.6.0', 'schema-registry')), 1);
  assert.equal(count(both('confluentinc/cp-kafka-rest:7.6.0', 'kafka-rest')), 1);
  assert.equal(count(both('confluentinc/cp-kafka:7.6.0', 'kafka-advertised')), 1);
});

test('service-link-env: vLLM reads VLLM_PORT, by its image or by a command that starts it', () => {
  const [f] = findings(both('vllm/vllm-openai:v0.6.3', 'vllm', 'args: ["--model", "m"]'), 'service-link-env');
  assert.match(f?.message ?? '', /VLLM_PORT=tcp:\/\/<cluster IP>:9092.*appears to be a URI/);
  assert.equal(count(both('python:3.11', 'vllm', 'command: [sh, -c, "pip install vllm && vllm serve m"]')), 1);
  assert.equal(count(both('nvcr.io/x/serving:1', 'vllm', 'command: [python3, -m, vllm.entrypoints.openai.api_server]')), 1);
  // Another program in the vLLM image: not known to read it.
  assert.equal(count(both('vllm/vllm-openai:v0.6.3', 'vllm', 'command: [sleep, infinity]')), 0);
});

test('service-link-env: silent when no link reaches the variable', () => {
  // Other names, other images.
  assert.equal(count(both('confluentinc/cp-kafka:7.6.0', 'kafka-broker')), 0);
  assert.equal(count(both('apache/kafka:3.8.0', 'kafka')), 0);
  assert.equal(count(both('bitnami/kafka:3.8', 'kafka')), 0);
  // Links turned off.
  assert.equal(count(both('confluentinc/cp-kafka:7.6.0', 'kafka', '', 'enableServiceLinks: false')), 0);
  assert.equal(count(both('confluentinc/cp-kafka:7.6.0', 'kafka', '', 'enableServiceLinks: true')), 1);
  // The container sets it (its own env wins), or may (envFrom), or unsets it in its command.
  assert.equal(count(both('confluentinc/cp-kafka:7.6.0', 'kafka', 'env: [{name: KAFKA_PORT, value: ""}]')), 0);
  assert.equal(count(both('confluentinc/cp-kafka:7.6.0', 'kafka', 'envFrom: [{configMapRef: {name: kafka-env}}]')), 0);
  assert.equal(count(both('confluentinc/cp-kafka:7.6.0', 'kafka', 'command: [bash, -c, "unset KAFKA_PORT; /etc/confluent/docker/run"]')), 0);
  // A command of its own that skips the image's start script; one that still runs it.
  assert.equal(count(both('confluentinc/cp-kafka:7.6.0', 'kafka', 'command: [kafka-server-start, /etc/kafka/server.properties]')), 0);
  assert.equal(count(both('confluentinc/cp-kafka:7.6.0', 'kafka', 'args: [sleep, infinity]')), 0);
  assert.equal(count(both('confluentinc/cp-kafka:7.6.0', 'kafka', 'command: [bash, -c, "export KAFKA_BROKER_ID=1; exec /etc/confluent/docker/run"]')), 1);
  // Newer kafka-rest drops KAFKA_REST_PORT when KAFKA_REST_LISTENERS is set.
  assert.equal(count(both('confluentinc/cp-kafka-rest:7.6.0', 'kafka-rest', 'env: [{name: KAFKA_REST_LISTENERS, value: "http://0.0.0.0:8082"}]')), 0);
});

test('service-link-env: only Services with a cluster IP in the pod\'s own namespace make links', () => {
  const pod = deployment('confluentinc/cp-kafka:7.6.0');
  const with_ = (svc: string): number => findings(`${svc}---\n${pod}`, 'service-link-env').length;
  assert.equal(with_(service('kafka', 'clusterIP: None\nselector: {app: x}\nports: [{port: 9092}]')), 0);
  assert.equal(with_(service('kafka', 'type: ExternalName\nexternalName: kafka.example.com')), 0);
  assert.equal(with_(service('kafka', 'type: NodePort\nselector: {app: x}\nports: [{port: 9092}]')), 1);
  assert.equal(with_(service('kafka', 'clusterIP: "{{ .Values.ip }}"\nselector: {app: x}\nports: [{port: 9092}]')), 0);
  assert.equal(with_(service('kafka', undefined, ', namespace: other')), 0);
  // A Knative Service is not a core Service (the one Knative makes of that name is ExternalName).
  assert.equal(with_(yaml`
    apiVersion: serving.knative.dev/v1
    kind: Service
    metadata: {name: kafka}
    spec: {template: {spec: {containers: [{image: x}]}}}
  `), 0);
  // Two definitions of the name, one headless: the deployed one is not known.
  assert.equal(with_(`${service('kafka')}---\n${service('kafka', 'clusterIP: None\nselector: {app: x}\nports: [{port: 9092}]')}`), 0);
});

test('service-link-env: a Service in another file of the workspace counts, named in the message', () => {
  const found = workspaceFindings(deployment('confluentinc/cp-kafka:7.6.0'), 'service-link-env', { '/ws/app/svc.yaml': service('kafka') });
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /\(in svc\.yaml\)/);
  assert.equal(workspaceFindings(deployment('confluentinc/cp-kafka:7.6.0'), 'service-link-env', {}).length, 0);
  // A kustomize resource: a namePrefix above it may rename the Service.
  assert.equal(findings(both('confluentinc/cp-kafka:7.6.0', 'kafka'), 'service-link-env', { kustomizeResource: true }).length, 0);
});

test('service-link-env fixes: links off (preferred); no empty value, which older images read as `port=`', () => {
  const text = both('confluentinc/cp-kafka:7.6.0', 'kafka');
  const { fixes } = fixesOf(text, 'service-link-env');
  assert.deepEqual(fixes.filter((f) => f.preferred).map((f) => f.title), ['Set enableServiceLinks: false (the kubelet then sets no Service variables in this pod)']);
  assert.ok(!fixes.some((f) => f.title.includes('to ""')));
  const { result } = applyFix(text, 'service-link-env', /enableServiceLinks/);
  assert.match(result, /\n {6}enableServiceLinks: false\n/);
  // `enableServiceLinks: true` written: changed, not added twice.
  assert.match(applyFix(both('confluentinc/cp-kafka:7.6.0', 'kafka', '', 'enableServiceLinks: true'), 'service-link-env', /enableServiceLinks/).result, /enableServiceLinks: false\n(?![\s\S]*enableServiceLinks)/);
});

test('service-link-env fixes: a pod that reads link variables keeps its links (the fix is not preferred)', () => {
  const text = both('confluentinc/cp-kafka:7.6.0', 'kafka', 'env: [{name: KAFKA_ZOOKEEPER_CONNECT, value: "$(ZOOKEEPER_SERVICE_HOST):2181"}]');
  const { fixes } = fixesOf(text, 'service-link-env');
  assert.deepEqual(fixes.filter((f) => f.preferred), []);
  assert.ok(fixes.some((f) => /enableServiceLinks/.test(f.title)));
});

test('service-link-env: proxy-cache paths, empty listeners, a PodTemplate, the wording for pods that do not restart', () => {
  assert.equal(count(both('harbor.example.com/dockerhub-proxy/confluentinc/cp-kafka:7.6.0', 'kafka')), 1);
  assert.equal(count(both('confluentinc/cp-kafka-rest:7.6.0', 'kafka-rest', 'env: [{name: KAFKA_REST_LISTENERS, value: ""}]')), 1);
  const template = `${service('kafka')}---\napiVersion: v1\nkind: PodTemplate\nmetadata: {name: t}\ntemplate:\n  spec:\n    containers:\n    - {name: k, image: confluentinc/cp-kafka:7.6.0}\n`;
  assert.equal(count(template), 0);
  assert.match(findings(both('confluentinc/cp-kafka:7.6.0', 'kafka'), 'service-link-env')[0]?.message ?? '', /the container never runs \(where it restarts, the pod crash-loops\)/);
});

test('service-link-env: a Deployment file with no other workspace word still sees the Service file beside it; a longer variable is another', () => {
  const plain = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: sr}\nspec:\n  selector: {matchLabels: {app: sr}}\n  template:\n    metadata: {labels: {app: sr}}\n    spec:\n      containers:\n      - name: sr\n        image: confluentinc/cp-schema-registry:7.5.0\n`;
  // The CLI and the server give a file its peers only when it may look them up.
  assert.equal(needsWorkspace(plain), true);
  assert.equal(workspaceFindings(plain, 'service-link-env', { '/ws/app/schema-registry-service.yaml': service('schema-registry') }).length, 1);
  assert.equal(count(both('confluentinc/cp-kafka:7.6.0', 'kafka', 'command: [bash, -c, "unset KAFKA_PORT_9092_TCP; exec /etc/confluent/docker/run"]')), 1);
});

test('service-link-env: Spark standalone reads SPARK_MASTER_PORT / SPARK_WORKER_PORT as numbers', () => {
  assert.match(findings(both('bde2020/spark-master:3.3.0-hadoop3.3', 'spark-master'), 'service-link-env')[0]?.message ?? '', /SPARK_MASTER_PORT=tcp:\/\/<cluster IP>:9092.*NumberFormatException/);
  assert.equal(count(both('bde2020/spark-worker:3.3.0-hadoop3.3', 'spark-worker')), 1);
  assert.equal(count(both('apache/spark:3.5.1', 'spark-master', 'command: [/opt/spark/bin/spark-class, org.apache.spark.deploy.master.Master]')), 1);
  // The port set in the container wins; a Service named otherwise makes another variable.
  assert.equal(count(both('bde2020/spark-master:3.3.0-hadoop3.3', 'spark-master', 'env: [{name: SPARK_MASTER_PORT, value: "7077"}]')), 0);
  assert.equal(count(both('bde2020/spark-master:3.3.0-hadoop3.3', 'spark')), 0);
  // No empty-value fix: the master reads "" as a number too.
  const titles = fixesOf(both('bde2020/spark-master:3.3.0-hadoop3.3', 'spark-master'), 'service-link-env').fixes.map((f) => f.title);
  assert.ok(!titles.some((t) => t.includes('to ""')));
});

test('service-link-env: vLLM clients and paths are not its engine; Knative turns links off unless told', () => {
  assert.equal(count(both('vllm/vllm-openai:v0.8.0', 'vllm', 'command: [vllm, bench, serve, --model, m]')), 0);
  assert.equal(count(both('vllm/vllm-openai:v0.8.0', 'vllm', 'command: [huggingface-cli, download, m, --local-dir, /models/vllm]')), 0);
  assert.equal(count(both('vllm/vllm-openai:v0.8.0', 'vllm', 'command: [sh, -c, "ray start --block --address=$(LWS_LEADER_ADDRESS):6379; cd /vllm-workspace"]')), 0);
  assert.match(findings(both('vllm/vllm-openai:v0.6.3', 'vllm'), 'service-link-env')[0]?.message ?? '', /before v0\.9: invalid literal for int\(\)/);
  const knative = (links: string): string => `${service('vllm')}---\napiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: llm}\nspec:\n  template:\n    spec:\n      ${links}\n      containers:\n      - image: vllm/vllm-openai:v0.8.0\n`;
  assert.equal(count(knative('# default')), 0);
  assert.equal(count(knative('enableServiceLinks: true')), 1);
});

test('service-link-env: an envFrom object shown whole without the variable cannot set it', () => {
  const configMap = (data: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kafka-env}\ndata: ${data}\n---\n`;
  const envFrom = (ref: string): string => both('confluentinc/cp-kafka:7.6.0', 'kafka', `envFrom: [${ref}]`);
  assert.equal(count(configMap('{KAFKA_BROKER_ID: "1"}') + envFrom('{configMapRef: {name: kafka-env}}')), 1);
  assert.equal(count(configMap('{KAFKA_PORT: ""}') + envFrom('{configMapRef: {name: kafka-env}}')), 0);
  // A prefix the variable does not start with cannot make it; one it does start with may.
  assert.equal(count(envFrom('{prefix: DB_, secretRef: {name: db}}')), 1);
  assert.equal(count(configMap('{PORT: "9092"}') + envFrom('{prefix: KAFKA_, configMapRef: {name: kafka-env}}')), 0);
  // Not in the workspace, or written by a template: it may hold the key.
  assert.equal(count(envFrom('{secretRef: {name: elsewhere}}')), 0);
  assert.equal(count(envFrom('{configMapRef: {name: "{{ .Values.env }}"}}')), 0);
});
