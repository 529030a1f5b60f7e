/**
 * invalid-image: references the kubelet cannot parse (InvalidImageName), with a lower-case fix for
 * an upper-case repository; placeholders, build tools' references and partial pods are left alone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

const deployment = (image: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: ${image}\n`;
const reported = (image: string, options = {}): string[] => findings(deployment(image), 'invalid-image', options).map((f) => f.message);

test('references the kubelet cannot parse: upper case, a space, a bare colon, a URL', () => {
  const [upper] = reported('MyUser/WebApp:1.0');
  assert.match(upper ?? '', /^Container "web" will not start: "MyUser\/WebApp:1\.0" is not an image reference \(invalid reference format: repository name must be lowercase\)\..*InvalidImageName/);
  for (const image of ['registry.example.com/Team/app:1', '"nginx 1.27"', '"nginx:"', 'https://registry.example.com/app:1', 'nginx:1.27:2']) assert.equal(reported(image).length, 1, image);
  assert.match(reported('"nginx:"')[0] ?? '', /\(invalid reference format\)/);
});

test('valid references, placeholders, build tools and partial pods are not judged', () => {
  for (const image of ['nginx', 'nginx:1.27-Alpine', 'localhost:5000/app', 'registry.example.com:443/team/app:v1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', '"[::1]:5000/app:1"']) {
    assert.deepEqual(reported(image), [], image);
  }
  for (const image of ['"${IMAGE}"', '"{{ .Values.image }}"', '__IMAGE__', 'APP_IMAGE', 'REGISTRY/APP:VERSION', 'gcr.io/GOOGLE_CLOUD_PROJECT/hello-app:COMMIT_SHA', 'REGION-docker.pkg.dev/PROJECT/repo/app:SHA', 'AWS_ACCOUNT_ID.dkr.ecr.us-east-1.amazonaws.com/app:1', 'YOUR_DOCKERHUB_USERNAME/app', 'ko://github.com/example/app/cmd/server', '"<YOUR-IMAGE>"', 'docker.io/{username}/helloworld-go', 'registry/app:$(TAG)', '_GCP_K8S_REGION_-docker.pkg.dev/_GCP_PROJECT_ID_/_DOCKER_REPO_NAME_/_DOCKER_REPO_TAG_', 'gcr.io/_PROJECT_/app']) {
    assert.deepEqual(reported(image), [], image);
  }
  assert.deepEqual(reported('MyApp:1', { kustomizeResource: true }), []);
  assert.deepEqual(reported('MyApp:1', { fragment: 'kustomize-patch' }), []);
});

test("other CI tokens: cloud docs' [PROJECT_ID], sed's @@TOKEN@@ and %%TOKEN%% (sweeps DD, DE)", () => {
  for (const image of ['gcr.io/[PROJECT_ID]/hello-app:v1', 'us-docker.pkg.dev/[PROJECT_ID]/[REPO]/app:[TAG]', 'gcr.io/[project-id]/app:v1', '"[DOCKER-IMAGE]"', '@@REGISTRY@@/@@APP_IMAGE@@:@@TAG@@', 'app:@@IMAGE_TAG@@', 'registry/app:%%TAG%%', 'registry/app:##TAG##']) {
    assert.deepEqual(reported(image), [], image);
  }
  // Still a mistake: capitals in a repository with no token around.
  assert.equal(reported('gcr.io/MyProject/app:v1').length, 1);
});

test('fix: the repository in lower case, the tag as written (preferred); none for other references', () => {
  const text = deployment('Registry.Example.com/Team/WebApp:V1');
  const { fix } = applyFix(text, 'invalid-image', /registry/i, text.replace('Registry.Example.com/Team/WebApp:V1', 'Registry.Example.com/team/webapp:V1'));
  assert.equal(fix.preferred, true);
  assert.deepEqual(fixesOf(deployment('"nginx:"'), 'invalid-image').fixes.filter((f) => !/^Disable /.test(f.title)), []);
});

test('sweep DD: spaces around an image (the API server refuses the pods) and a truncated digest (the kubelet cannot parse it)', () => {
  const [spaced] = findings(deployment('" nginx:1.27"'), 'invalid-image');
  assert.match(spaced?.message ?? '', /kubectl apply accepts the Deployment, but the API server refuses every pod made from it: "spec\.containers\[0\]\.image: Invalid value: " nginx:1\.27": must not have leading or trailing whitespace"/);
  applyFix(deployment('" nginx:1.27"'), 'invalid-image', /without the spaces/, deployment('"nginx:1.27"'));
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: "nginx "\n';
  assert.match(findings(pod, 'invalid-image')[0]?.message ?? '', /kubectl apply rejects this: "spec\.containers\[0\]\.image: Invalid value: "nginx ": must not/);
  assert.match(reported('nginx@sha256:abc')[0] ?? '', /\(invalid reference format\)/);
  assert.match(reported(`nginx@sha256:${'a'.repeat(63)}`)[0] ?? '', /\(invalid checksum digest length\)/);
  assert.match(reported(`nginx@sha256:${'A'.repeat(64)}`)[0] ?? '', /\(invalid checksum digest format\)/);
  for (const image of [`nginx@sha256:${'a'.repeat(64)}`, 'nginx@sha256:DIGEST', 'app@sha256:${DIGEST}', '"nginx@sha256:..."']) assert.deepEqual(reported(image), [], image);
});

test('probe DG: a stray bracket, percent, hash or @@ is a typo, not a placeholder', () => {
  for (const image of ['api:1.0@@', 'api:1.2#pinned', '"nginx:1.27 # pinned"', 'nginx:@@TAG', 'my%20repo/app:1']) {
    assert.equal(reported(image).length, 1, image);
  }
});

test('invalid-image: a folded image that swallowed the next keys, `resources: { }` among them, is no placeholder (sweep EH)', () => {
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: celery}\nspec:\n  selector: {matchLabels: {app: celery}}\n  template:\n    metadata: {labels: {app: celery}}\n    spec:\n      containers:\n        - image: >-\n            registry.example.com/team/celery:1\n            resources: { }\n          name: celery\n';
  assert.equal(findings(text, 'invalid-image').length, 1);
  assert.deepEqual(findings(text.replace('resources: { }', 'resources: {cpu}'), 'invalid-image'), [], 'a {NAME} token may be a placeholder');
});

test('invalid-image: `{}` without a space stays a placeholder (str.format, xargs -I{}; probe EK)', () => {
  for (const image of ['gcr.io/my-project/app:{}', 'registry.example.com/{}/api:latest']) {
    assert.deepEqual(reported(image), [], image);
  }
});

test('invalid-image: a registry host a letter away from a well-known one is a warning (sweep EZ: ghrc.io)', () => {
  const pod = (image: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: calc\n    image: ${image}\n`;
  const [found] = findings(pod('ghrc.io/dapr/samples/distributed-calculator-react-calculator:latest'), 'invalid-image');
  assert.equal(found?.severity, 'warning');
  assert.match(found!.message, /pulls "ghrc\.io\/dapr\/samples\/distributed-calculator-react-calculator:latest" from the registry "ghrc\.io", a letter away from ghcr\.io\..*Did you mean ghcr\.io\?$/);
  applyFix(pod('ghrc.io/dapr/app:1'), 'invalid-image', /Replace/, pod('ghcr.io/dapr/app:1'));
  assert.equal(findings(pod('dokcer.io/library/nginx:1.27'), 'invalid-image').length, 1);
  // Real registries a letter apart, regional hosts, private ones, and names without a host.
  for (const image of ['gcr.io/p/app:1', 'icr.io/ns/app:1', 'us.gcr.io/p/app:1', 'iad.ocir.io/ns/app:1', 'lscr.io/linuxserver/nginx', 'ghcr.io/a/b:1', 'quay.io/a/b', 'registry.example.com/app:1', 'nginx:1.27', 'myuser/app:1']) {
    assert.deepEqual(findings(pod(image), 'invalid-image'), [], image);
  }
});
