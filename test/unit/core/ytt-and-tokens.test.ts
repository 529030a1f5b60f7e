/**
 * Templates that plain YAML reads wrongly: ytt's `#@` annotations (a value they set reads as empty,
 * `if`/`else` branches both stay in the file, overlays are partial documents) and the `@NAME@` /
 * `%NAME%` tokens a `sed` step replaces (YAML refuses `@` and `%` at the start of a plain value).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../helpers/check';

const rules = (text: string): string[] => check(text).map((f) => `${f.rule}|${f.severity}`);

test('ytt: values set by annotations are unknown, blocks are conditional, overlays are not checked', () => {
  const deployment = `#@ load("@ytt:data", "data")
apiVersion: apps/v1
kind: Deployment
metadata:
  name: #@ data.values.name
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: #@ data.values.name
        image: #@ data.values.image
        ports:
        #@ if data.values.tls:
        - {name: http, containerPort: 8443}
        #@ else:
        - {name: http, containerPort: 8080}
        #@ end
`;
  assert.deepEqual(rules(deployment), ['templated-file|information']);
  assert.match(check(deployment)[0]!.message, /ytt template: .*2 `if`\/`for`\/`def` blocks|ytt template/);
  // The same file without the annotations is wrong: no image, no name, a duplicate port name.
  const plain = deployment.replace(/#@ load.*\n/, '').replace(/#@ data\.values\.\w+/g, '').replace(/ *#@ (?:if|else|end).*\n/g, '');
  assert.ok(rules(plain).filter((r) => r.endsWith('|error')).length >= 2, rules(plain).join(', '));
  const overlay = `#@ load("@ytt:overlay", "overlay")
#@overlay/match by=overlay.subset({"kind": "Deployment"})
---
spec:
  template:
    spec:
      containers:
      #@overlay/match by="name"
      - name: api
        env: [{name: MODE, value: prod}]
`;
  assert.deepEqual(
    rules(overlay).filter((r) => !r.startsWith('templated-file')),
    [],
  );
});

test('sed tokens: @NAME@ and %NAME% are placeholders, not syntax errors', () => {
  const text = `apiVersion: v1
kind: Service
metadata: {name: jenkins}
spec:
  selector: {app: jenkins}
  ports:
  - name: http
    port: @HTTP_PORT@
    targetPort: %TARGET_PORT%
`;
  assert.deepEqual(rules(text), ['templated-file|information']);
  assert.match(check(text)[0]!.message, /placeholders a `sed` or CI step replaces before `kubectl apply` \(such as `@HTTP_PORT@`; 2 in all\)/);
  // Quoted, they parse: still unknown, so not judged.
  assert.deepEqual(rules(text.replace('@HTTP_PORT@', '"@HTTP_PORT@"').replace('%TARGET_PORT%', '"%TARGET_PORT%"')), []);
  // An e-mail address is not a token.
  assert.deepEqual(rules('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {owner: "ops@EXAMPLE.COM"}\n'), []);
});

test('ytt idioms: `_: #@ template.replace(…)` opens the map, `#@ if/end` acts on one node, map-key-override allows a duplicate (probe AT)', () => {
  const replace = `#@ load("@ytt:template", "template")
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  labels:
    app: web
    _: #@ template.replace(extra_labels())
data:
  a: b
`;
  assert.deepEqual(rules(replace).filter((r) => !r.startsWith('templated-file')), []);
  const ifEnd = `#@ load("@ytt:data", "data")
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  #@ if/end data.values.lb:
  type: LoadBalancer
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata:
  name: Api_Svc
spec:
  ports: [{port: 80}]
`;
  // The one-line if/end opens no block: the next document is judged.
  assert.deepEqual(rules(ifEnd), ['invalid-name|error']);
  const override = `#@ load("@ytt:data", "data")
apiVersion: v1
kind: ConfigMap
metadata:
  name: c
data:
  a: one
  #@yaml/map-key-override
  a: two
`;
  assert.deepEqual(rules(override).filter((r) => !r.startsWith('templated-file')), []);
});

test('a plain manifest with a `#@` comment is not a ytt template: its findings stay (probe AT)', () => {
  const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  #@ if you bump the image, bump the chart too:
  - name: web
    image: nginx:1.27
    ports: [{name: HTTP_WEB, containerPort: 80}]
`;
  assert.deepEqual(rules(text), ['invalid-port|error']);
});

test('more token forms: TeamCity %build.number%, Maven @project.version@, Octopus #{X | ToLower}, ytt (@= … @)', () => {
  const named = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
  for (const name of ['"%build.number%"', '"%env.APP_NAME%"', '"@project.artifactId@"', '"#{Octopus.Project.Name | ToLower}"', '"#{ AppName }"', '"app-(@= data.values.env @)"']) {
    assert.deepEqual(rules(named(name)), [], name);
  }
  assert.deepEqual(rules(named('App_Config')), ['invalid-name|error']);
});

test('sed tokens: {NAME} in capitals is a placeholder, read as a flow mapping or breaking the line (sweep CS)', () => {
  const text = `# A Jenkins step replaces {APP_NAME} and {IMAGE_URL} with sed.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {APP_NAME}-deployment
spec:
  replicas: {REPLICAS}
  selector:
    matchLabels: {app: {APP_NAME}}
  template:
    metadata:
      labels:
        app: {APP_NAME}
    spec:
      containers:
      - name: {APP_NAME}
        image: {IMAGE_URL}:{IMAGE_TAG}
`;
  assert.deepEqual(rules(text), ['templated-file|information']);
  // The note is on the first token of the manifest, not on the comment's.
  const note = check(text)[0];
  assert.match(note?.message ?? '', /\(such as `\{APP_NAME\}`;/);
  assert.equal(note?.range.start.line, 4);
  // Whole values parse as one-key mappings: still tokens, not "must be string, not a mapping".
  const whole = text.replace('{APP_NAME}-deployment', '{APP_NAME}').replace('{IMAGE_URL}:{IMAGE_TAG}', '{IMAGE}');
  assert.deepEqual(rules(whole), ['templated-file|information']);
  // A flow mapping with a value, lower-case keys or `{}` is YAML as written.
  assert.deepEqual(rules('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {KEY: value}\n'), []);
  assert.deepEqual(rules('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {}}\ndata: {format: "{HOST}:{PORT}"}\n'), []);
});

test('more CI tokens: {app_name} formatting, Azure DevOps #{Name}# where YAML sees a comment, Cloud Build _NAME (sweep CV)', () => {
  const lower = 'apiVersion: v1\nkind: Service\nmetadata: {name: {appName}}\nspec:\n  selector: {app: {appName}}\n  ports: [{port: {port}, targetPort: 8080}]\n';
  assert.deepEqual(rules(lower), ['templated-file|information']);
  // `name: #{Name}#` is `name:` and a comment to YAML; `[#{Args}#]` does not parse.
  const azure = 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: #{ContainerName}#\n    image: app:#{Tag}#\n    args: [#{Args}#]\n';
  assert.deepEqual(rules(azure), ['templated-file|information']);
  assert.match(check(azure)[0]?.message ?? '', /such as `#\{Args\}#`/);
  // A comment that mentions a token is a comment; so is a line that starts with `#{` (probe DB).
  assert.deepEqual(rules('# replaced by #{Tag}# in the pipeline\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n'), []);
  assert.deepEqual(rules('#{ a comment }\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: x:1, volumeMounts: [{name: dta, mountPath: /d}]}]\n'), ['undefined-volume|error']);
  // A token for the whole labels mapping: unknown labels, no selector mismatch.
  const labels = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata:\n      labels: {LABELS}\n    spec:\n      containers: [{name: app, image: example/web:1}]\n';
  assert.deepEqual(rules(labels), ['templated-file|information']);
  const cloudBuild = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: _APP_NAME\n  namespace: _APP_ENV\n  labels: {app: _APP_NAME, ver: _APP_VERSION}\ndata: {a: b}\n';
  assert.deepEqual(rules(cloudBuild), []);
});

test('tokens inside values leave the objects whole: what does not depend on them is still judged (probe CX)', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {APP_NAME}
  labels: {app: web-{ENV}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.25
          volumeMounts: [{name: dta, mountPath: /x}]
      volumes: [{name: data, emptyDir: {}}]
`;
  assert.deepEqual(rules(text).sort(), ['templated-file|information', 'undefined-volume|error', 'unused-volume|information']);
  // A token alone on a line may insert anything (a volume named dta, say): nothing is judged missing.
  const inserted = text.replace('      volumes: [{name: data, emptyDir: {}}]', '      {VOLUMES}');
  assert.deepEqual(rules(inserted), ['templated-file|information']);
});

test('a `${…}` in a comment is prose: no placeholder note on a plain document (sweep DE)', () => {
  const text = '# ${X}, #{X}#\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n';
  assert.deepEqual(check(text).map((f) => f.rule), []);
  assert.deepEqual(check(text.replace('k: v', 'k: ${V}')).map((f) => f.rule), ['templated-file']);
});
