/**
 * invalid-value on apiVersion: a built-in kind under a built-in group's apiVersion that does not
 * serve it fails `kubectl apply` ("no matches for kind"); custom resources' groups (with a dot),
 * kinds Podsight does not know (OpenShift's legacy `v1` DeploymentConfig) and placeholders are
 * never judged, and removed apiVersions stay removed-api-version's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, findings } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

const object = (apiVersion: string, kind: string): string => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\n`;
const apiFindings = (text: string): string[] => findings(text, 'invalid-value').filter((f) => f.data?.field === 'apiVersion').map((f) => f.message);

test('a kind under an apiVersion that does not serve it: v1 Deployment, apps/v1 Pod, a version that never was', () => {
  assert.match(apiFindings(object('v1', 'Deployment'))[0] ?? '', /apiVersion "v1" does not serve kind Deployment: kubectl apply fails with "no matches for kind "Deployment" in version "v1"".* Deployment is served as apiVersion apps\/v1\./);
  assert.equal(apiFindings(object('apps/v1', 'Pod')).length, 1);
  assert.equal(apiFindings(object('batch/v1', 'Deployment')).length, 1);
  assert.equal(apiFindings(object('extensions/v1', 'Deployment')).length, 1);
  assert.equal(apiFindings(object('core/v1', 'Service')).length, 1);
  // apps/v1 needs spec.selector: the apiVersion is replaced only when the object has one.
  const withSelector = `${object('v1', 'Deployment')}spec:\n  selector: {matchLabels: {a: b}}\n`;
  applyFix(withSelector, 'invalid-value', /apps\/v1/, withSelector.replace('apiVersion: v1', 'apiVersion: apps/v1'));
  assert.deepEqual(fixesOf(object('v1', 'Deployment'), 'invalid-value').fixes.filter((f) => !/^Disable/.test(f.title)), []);
  applyFix(object('apps/v1', 'Pod'), 'invalid-value', /"v1"/, object('v1', 'Pod'));
});

test('served, custom, unknown, templated and removed apiVersions are left alone', () => {
  for (const [apiVersion, kind] of [
    ['apps/v1', 'Deployment'],
    ['v1', 'Service'],
    ['serving.knative.dev/v1', 'Service'],
    ['apps.kruise.io/v1beta1', 'StatefulSet'],
    ['v1', 'DeploymentConfig'],
    ['v1', 'List'],
    ['"${API_VERSION}"', 'Deployment'],
    ['"{{ .Values.apiVersion }}"', 'Deployment'],
  ] as const) {
    assert.deepEqual(apiFindings(object(apiVersion, kind)), [], `${apiVersion} ${kind}`);
  }
  const removed = check(object('extensions/v1beta1', 'Deployment'));
  assert.deepEqual(removed.map((f) => f.rule), ['removed-api-version']);
});

test('removed-api-version: an extensions/v1beta1 PodSecurityPolicy has nowhere to go (policy/v1beta1 is gone too)', () => {
  const found = findings(object('extensions/v1beta1', 'PodSecurityPolicy'), 'removed-api-version');
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /no replacement in Kubernetes/);
  assert.deepEqual(fixesOf(object('extensions/v1beta1', 'PodSecurityPolicy'), 'removed-api-version').fixes.filter((f) => !/^Disable/.test(f.title)), []);
});

test('removed-api-version: alpha versions that are gone (v1alpha1 RBAC, batch/v2alpha1 CronJob, PodPreset)', () => {
  assert.match(findings(object('rbac.authorization.k8s.io/v1alpha1', 'ClusterRole'), 'removed-api-version')[0]?.message ?? '', /1\.22.*rbac\.authorization\.k8s\.io\/v1/);
  assert.match(findings(object('batch/v2alpha1', 'CronJob'), 'removed-api-version')[0]?.message ?? '', /1\.21.*batch\/v1/);
  assert.match(findings(object('settings.k8s.io/v1alpha1', 'PodPreset'), 'removed-api-version')[0]?.message ?? '', /no replacement in Kubernetes/);
});

test('a misspelt kind under a built-in apiVersion: no matches for kind; the fix writes the served one (sweep BD)', () => {
  const kindFindings = (text: string): string[] => findings(text, 'invalid-value').filter((f) => f.data?.field === 'kind').map((f) => f.message);
  assert.match(kindFindings(object('v1', 'SrviceAccount'))[0] ?? '', /^v1 serves no kind "SrviceAccount" \(kinds are case-sensitive\)\. kubectl apply fails: "no matches for kind "SrviceAccount" in version "v1""\. Did you mean "ServiceAccount"\?/);
  applyFix(object('apps/v1', 'Deploymnet'), 'invalid-value', /Replace "Deploymnet" with "Deployment"/, object('apps/v1', 'Deployment'));
  applyFix(object('apps/v1', 'deployment'), 'invalid-value', /"Deployment"/, object('apps/v1', 'Deployment'));
  assert.equal(kindFindings(object('rbac.authorization.k8s.io/v1', 'ClusterRoleBindings')).length, 1);
  assert.equal(kindFindings(object('networking.k8s.io/v1', 'ingress')).length, 1);
  // Kinds of other APIs under v1 (OpenShift 3's legacy kinds, a kubeconfig), lists, placeholders, custom groups: not judged.
  for (const [apiVersion = '', kind = ''] of [['v1', 'DeploymentConfig'], ['v1', 'Config'], ['v1', 'Route'], ['v1', 'Template'], ['v1', 'ConfigMapList'], ['v1', 'Endpoints'], ['v1', '${KIND}'], ['example.com/v1', 'Deploymnet'], ['discovery.k8s.io/v1', 'EndpointSlice'], ['admissionregistration.k8s.io/v1', 'MutatingAdmissionPolicy'], ['autoscaling/v1', 'VerticalPodAutoscaler'], ['networking.k8s.io/v1', 'IngressClassParams']]) {
    assert.deepEqual(kindFindings(object(apiVersion, kind)), [], `${apiVersion} ${kind}`);
  }
});

test('invalid-value: a built-in kind without any apiVersion (sweep ED: a handbook\'s projected-volume Pod)', () => {
  const pod = 'kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: busybox:1.36}]\n';
  const found = findings(pod, 'invalid-value');
  assert.deepEqual(found.map((f) => f.text), ['Pod']);
  assert.match(found[0]!.message, /This Pod has no apiVersion: kubectl refuses a document without one \("apiVersion not set", or "Object 'apiVersion' is missing"\)\. Add apiVersion: v1\./);
  assert.match(findings('kind: Deployment\nmetadata: {name: d}\nspec: {}\n', 'invalid-value')[0]?.message ?? '', /Add apiVersion: apps\/v1/);
  // Left alone: a patch, a kustomize resource, no spec or data (a fragment of something else), an unknown kind (a kustomization).
  assert.deepEqual(findings(pod, 'invalid-value', { fragment: 'kustomize-patch' }), []);
  assert.deepEqual(findings(pod, 'invalid-value', { kustomizeResource: true }), []);
  assert.deepEqual(findings('kind: Pod\nmetadata: {name: p}\n', 'invalid-value'), []);
  assert.deepEqual(findings('kind: Kustomization\nresources: [a.yaml]\n', 'invalid-value'), []);
});

test('invalid-value: a pod template without a name that Jenkins, Spark or Flink reads needs no apiVersion (probe EK)', () => {
  assert.deepEqual(findings('kind: Pod\nmetadata: {labels: {jenkins: agent}}\nspec:\n  containers: [{name: maven, image: "maven:3.9"}]\n', 'invalid-value'), []);
});

test('invalid-value: the apiVersion fix also writes the selector apps/v1 requires (sweep ES M2)', () => {
  const template = 'spec:\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n';
  const missing = `kind: Deployment\nmetadata:\n  name: web\n${template}`;
  assert.match(findings(missing, 'invalid-value')[0]?.message ?? '', /Add apiVersion: apps\/v1, and spec\.selector with it: apps\/v1 requires one \("spec\.selector: Required value"\), and this Deployment has none\./);
  const selector = '  selector:\n    matchLabels:\n      app: web\n';
  const fixed = `apiVersion: apps/v1\n${missing}`.replace('        image: nginx:1.27\n', `        image: nginx:1.27\n${selector}`);
  const { result, fix } = applyFix(missing, 'invalid-value', /Set apiVersion: apps\/v1 and add spec\.selector\.matchLabels: app: web/, fixed);
  assert.equal(fix.preferred, true);
  // After the fix the object is right: kubectl's next refusal (no selector) is gone too.
  assert.deepEqual(check(result).filter((f) => f.severity === 'error'), []);
  // A wrong apiVersion: replaced, with the selector.
  const wrong = `apiVersion: v1\n${missing}`;
  const replaced = applyFix(wrong, 'invalid-value', /Set apiVersion: apps\/v1 and add spec\.selector/).result;
  assert.equal(replaced, fixed);
  // Two labels: which of them name the pods for ever is the author's choice; offered, not preferred.
  const two = missing.replace('        app: web\n', '        app: web\n        tier: front\n');
  assert.equal(applyFix(two, 'invalid-value', /app: web, tier: front/).fix.preferred, false);
  // A selector already there: the apiVersion alone, preferred; a Service: the apiVersion alone.
  const withSelector = missing.replace('spec:\n  template:', `spec:\n${selector}  template:`);
  assert.equal(applyFix(withSelector, 'invalid-value', /^Add apiVersion: apps\/v1$/, `apiVersion: apps/v1\n${withSelector}`).fix.preferred, true);
  const service = 'kind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n';
  applyFix(service, 'invalid-value', /^Add apiVersion: v1$/, `apiVersion: v1\n${service}`);
  // An item of a List (`- kind: Pod`): below the kind, at its column; CRLF kept.
  const list = 'apiVersion: v1\nkind: List\nitems:\n- kind: Pod\n  metadata:\n    name: p\n  spec:\n    containers:\n    - name: a\n      image: busybox:1.36\n';
  applyFix(list, 'invalid-value', /^Add apiVersion: v1$/, list.replace('- kind: Pod\n', '- kind: Pod\n  apiVersion: v1\n'));
  applyFix(service.replace(/\n/g, '\r\n'), 'invalid-value', /^Add apiVersion: v1$/, `apiVersion: v1\r\n${service.replace(/\n/g, '\r\n')}`);
});

test('probe: no selector fix into JSON, an empty selector is no selector, a wrong apiVersion names the selector too', () => {
  const json = '{"apiVersion": "v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}}}\n';
  assert.deepEqual(fixesOf(json, 'invalid-value').fixes.filter((f) => !/^Disable/.test(f.title)), []);
  assert.match(findings(json, 'invalid-value')[0]?.message ?? '', /apps\/v1 also requires spec\.selector, which this object lacks\./);
  const empty = 'kind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: {}\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n';
  const { fixes } = fixesOf(empty, 'invalid-value');
  assert.deepEqual(fixes.filter((f) => !/^Disable/.test(f.title)).map((f) => [f.title, f.preferred]), [['Add apiVersion: apps/v1', false]]);
});

test('an HPA of extensions/v1beta1: another schema, so no apiVersion-only fix (sweep FC: Sock Shop)', () => {
  const hpa = 'apiVersion: extensions/v1beta1\nkind: HorizontalPodAutoscaler\nmetadata: {name: front-end}\nspec:\n  scaleRef: {kind: Deployment, name: front-end, subresource: scale}\n  minReplicas: 1\n  maxReplicas: 10\n  cpuUtilization: {targetPercentage: 50}\n';
  assert.match(findings(hpa, 'invalid-value')[0]?.message ?? '', /Its fields are of the old schema \(scaleRef, cpuUtilization\): write them as autoscaling\/v2 has them/);
  assert.deepEqual(fixesOf(hpa, 'invalid-value').fixes.filter((f) => !/^Disable/.test(f.title)), []);
});
