/** Templates at the smallest scope, placeholders, and YAML read as kubectl reads it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, yaml } from '../../helpers/check';
import { parseChunk } from '../../../server/src/core/parse';
import { quickParse } from '../../../server/src/core/quick-parse';
import { YAML_OPTIONS } from '../../../server/src/core/parse';
import { podsOf } from '../../../server/src/k8s/pod-model';

const rules = (text: string): string[] => check(text).map((f) => `${f.rule}|${f.text}`);

test('a document with {{ }} only in a comment or a string is analysed, the marked value is unknown', () => {
  const text = yaml`
    # rendered by {{ .Chart.Name }}
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
        - {name: a, image: example/a, ports: [{containerPort: 8080}], imagePullPolicy: "{{inputs.parameters.pull}}"}
        - {name: b, image: example/b, ports: [{containerPort: 8080}]}
  `;
  assert.deepEqual(rules(text), ['port-conflict|8080']);
});

test('a Helm template that does not parse is checked with its actions masked; nothing from a masked value or inside a block', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: {{ include "app.fullname" . }}
      labels:
        {{- include "app.labels" . | nindent 4 }}
    spec:
      replicas: {{ .Values.replicas }}
      template:
        spec:
          containers:
            - name: app
              image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
              imagePullPolicy: {{ .Values.pullPolicy }}
              ports: [{containerPort: 8080}]
              volumeMounts: [{name: config, mountPath: /etc/app}]
            - name: proxy
              image: example/proxy
              imagePulPolicy: Always
              ports: [{containerPort: 8080}]
          {{- if .Values.extra }}
            - name: extra
              image: example/extra
              ports: [{containerPort: 8080}]
          {{- end }}
          volumes:
            {{- toYaml .Values.volumes | nindent 12 }}
  `;
  const found = check(text);
  assert.deepEqual(found.map((f) => `${f.rule}|${f.text}`), ['templated-file|{{ include "app.fullname" . }}', 'unknown-field|imagePulPolicy', 'port-conflict|8080']);
  assert.match(found[0]?.message ?? '', /9 template actions/);
});

test('an action ending a key line above literal children (Bitnami\'s `livenessProbe: {{- include ... | nindent 12 }}`) is masked as the block it starts', () => {
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ include "common.names.fullname" . }}',
    '  labels: {{- include "common.labels.standard" . | nindent 4 }}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: nginx',
    '          image: nginx',
    '          livenessProbe: {{- include "common.tplvalues.render" (dict "value" .Values.livenessProbe "context" $) | nindent 12 }}',
    '            tcpSocket:',
    '              port: 80',
    '          ports:',
    '            - {containerPort: 80}',
    '',
  ].join('\n');
  const found = check(text);
  assert.deepEqual(found.map((f) => f.rule), ['templated-file']);
  assert.match(found[0]?.message ?? '', /checked it with the actions masked/);
  // The probe's literal children are read.
  const [pod] = podsOf(parseChunk(text).docs[0] as Parameters<typeof podsOf>[0]);
  assert.deepEqual(pod?.containers[0]?.portReferences.map((r) => [r.where, r.value]), [['livenessProbe.tcpSocket.port', 80]]);
});

test('a template that does not parse even masked is not analysed, and the note says so', () => {
  const text = 'apiVersion: v1\nkind: Pod\nspec: {{ if x }}[{{ end }}\n  bad: [\n';
  const found = check(text);
  assert.deepEqual(found.map((f) => f.rule), ['templated-file']);
  assert.match(found[0]?.message ?? '', /did not check it/);
});

test('placeholders: unknown, not wrong; a default is checked; $(VAR) is Kubernetes own', () => {
  const pod = (port: string, pull: string, protocol = 'TCP'): string => yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
        - name: a
          image: example/a
          imagePullPolicy: ${pull}
          args: ["--port=$(PORT)"]
          env: [{name: PORT, value: "$(OTHER)"}]
          ports:
            - containerPort: ${port}
              protocol: ${protocol}
              name: http
          readinessProbe: {httpGet: {port: "\${PROBE_PORT}"}}
  `;
  assert.deepEqual(rules(pod('${PORT}', '${PULL}', '${PROTO}')), []);
  assert.deepEqual(rules(pod('$PORT', '$PULL')), []);
  assert.deepEqual(rules(pod('${PORT:=8443}', '${PULL:-Always}')), []);
  assert.deepEqual(rules(pod('${PORT:-8443}', '${PULL:-always}')), ['invalid-value|${PULL:-always}']);
  assert.deepEqual(rules(pod('${PORT:-70000}', 'Always')), ['invalid-port|${PORT:-70000}']);
  // Expressions of other substitution tools (Garden, Jenkins), and defaults that are variables too.
  assert.deepEqual(rules(pod('${var.port}', '${inputs.pullPolicy}', '${env.PROTO}')), []);
  assert.deepEqual(rules(pod('${a || 3}', '${PULL:-$DEFAULT_PULL}')), []);
  // A default's surrounding spaces are the line's: `${P:- 9090}` leaves `containerPort:  9090`.
  assert.deepEqual(rules(pod('${PORT:- 8443}', '${PULL:- Always}')), []);
  assert.deepEqual(rules(pod('${PORT:- 70000}', 'Always')), ['invalid-port|${PORT:- 70000}']);
  // sed-style tokens a CI script replaces (`sed "s/__PORT__/$PORT/g" | kubectl apply -f -`, sweep AI).
  assert.deepEqual(rules(pod('__REACT_PORT__', '__PULL__', '__PROTO__')), []);
  // Not a token: lower case, or glued to a word (then the value is read as written).
  assert.deepEqual(rules(pod('8080', '__always__')), ['invalid-value|__always__']);
  assert.deepEqual(rules(pod('8080', 'X__PULL__')), ['invalid-value|X__PULL__']);
  // TeamCity / batch `%NAME%` and Octopus / Azure DevOps `#{Name}` tokens (a Job named `refresh-%GIT_COMMIT_SHA%`, sweep AK).
  assert.deepEqual(rules(pod('"%PORT%"', '"#{PullPolicy}"', '"#{Octopus.Protocol}"')), []);
  // A date format is not a token: `%H%M` reads as written.
  assert.deepEqual(rules(pod('8080', '"%H%M"')), ['invalid-value|"%H%M"']);
  // Documentation placeholders the reader replaces (cloud-sql-proxy's examples, sweep AJ).
  assert.deepEqual(rules(pod('<PORT>', '<YOUR-PULL-POLICY>')), []);
  const named = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: <YOUR-APPLICATION-NAME>}}\nspec:\n  containers:\n    - name: <YOUR-APPLICATION-NAME>\n      image: gcr.io/<PROJECT_ID>/app:1\n      volumeMounts: [{name: <YOUR-SA-SECRET-VOLUME>, mountPath: /secrets}]\n  volumes:\n    - name: <YOUR-SA-SECRET-VOLUME>\n      secret: {secretName: <YOUR-SA-SECRET>}\n';
  assert.deepEqual(rules(named), []);
  assert.deepEqual(rules(named.replace('<YOUR-APPLICATION-NAME>\n', 'My_App\n')), ['invalid-name|My_App']);
  // Lower-case markup is read as written (the diagram shows it literally): not a placeholder.
  assert.deepEqual(rules(named.replace('<YOUR-APPLICATION-NAME>\n', '<script>\n')), ['invalid-name|<script>']);
});

test('placeholders where YAML expects pairs or lines: masked like template actions, one note on the one that broke the parse', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: \${POD_NAME}
    spec:
      securityContext: { \${POD_SECURITY_CONTEXT} }
      containers:
        - name: c
          image: busybox
          securityContext: { \${CONTAINER_SECURITY_CONTEXT} }
          volumeMounts: [{name: data, mountPath: /data}]
          \${EXTRA_CONTAINER_FIELDS}
  `;
  const found = check(text);
  // No syntax error, no unknown field "$", and no undefined volume (the inserted lines may hold it).
  assert.deepEqual(found.map((f) => `${f.rule}|${f.text}`), ['templated-file|${POD_SECURITY_CONTEXT}']);
  assert.match(found[0]?.message ?? '', /`\$\{…\}` placeholders \(4 in all\) are substituted/);
  // Broken for another reason too: the user sees the syntax errors.
  const broken = check(text.replace('image: busybox', 'image: [busybox'));
  assert.ok(broken.some((f) => f.rule === 'yaml-syntax'));
});

test('go-yaml leniency: a multi-line quoted scalar with under-indented continuation lines', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
      annotations:
        description: 'APIVersion defines the versioned schema of this representation
        of an object, it''s long.'
    data:
      script: "one
      two"
  `;
  const chunk = parseChunk(text);
  assert.deepEqual(chunk.docs[0]?.errors, []);
  const value = chunk.docs[0]?.toJS() as { metadata: { annotations: { description: string } }; data: { script: string } };
  assert.equal(value.metadata.annotations.description, "APIVersion defines the versioned schema of this representation of an object, it's long.");
  assert.equal(value.data.script, 'one two');
  assert.deepEqual(check(text), []);
  // The quick parser leaves multi-line quoted scalars to the lenient path.
  assert.equal(quickParse(text, YAML_OPTIONS), undefined);
});

test('yaml-syntax: one error per broken region, and a cap with a count', () => {
  const broken = Array.from({ length: 30 }, (_, i) => `key${i}: [\n\n\n`).join('');
  const found = check(`apiVersion: v1\nkind: ConfigMap\n${broken}`).filter((f) => f.rule === 'yaml-syntax');
  assert.ok(found.length <= 21, `${found.length} syntax findings`);
  assert.match(found[found.length - 1]?.message ?? '', /more YAML syntax errors/);
});

test('a whole value $(NAME) outside env values is a kustomize var: unknown; in env values, command and args it is Kubernetes\' expansion', () => {
  const svc = yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: s}
    spec:
      selector: {app: a}
      ports: [{port: 443, targetPort: $(CONTAINER_PORT)}]
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: p, labels: {app: a}}
    spec:
      containers:
        - name: a
          image: example/a
          ports: [{containerPort: 9868, name: https}]
          env:
            - {name: MODE, value: "$(MODEE)"}
            - {name: MODEE_X, value: "1"}
  `;
  const found = check(svc).filter((f) => f.severity !== 'information').map((f) => f.rule);
  assert.ok(!found.includes('service-target-port'), found.join());
});

test('env: a self-reference and a value that builds on the earlier one of the same name', () => {
  const env = (entries: string): string => yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
        - name: a
          image: example/a
          env: ${entries}
  `;
  assert.deepEqual(check(env('[{name: X, value: "$(X)"}]')).map((f) => f.rule), []);
  assert.deepEqual(check(env('[{name: JAVA_OPTS, value: -Xmx1g}, {name: JAVA_OPTS, value: "$(JAVA_OPTS) -Dfoo=bar"}]')).map((f) => f.rule), []);
  assert.deepEqual(check(env('[{name: JAVA_OPTS, value: -Xmx1g}, {name: JAVA_OPTS, value: -Dfoo=bar}]')).map((f) => f.rule), ['duplicate-env']);
});
