/** selector-mismatch on Jobs and CronJobs: a selector the API server writes itself (job-selector.ts), and its fixes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

const job = (spec: string, labels = '{app: migrate}'): string =>
  `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n${spec}  template:\n    metadata:\n      labels: ${labels}\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: m\n        image: busybox:1.36\n`;

const cronJob = (spec: string, apiVersion = 'batch/v1'): string =>
  `apiVersion: ${apiVersion}\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n${spec}      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: b\n            image: busybox:1.36\n`;

test('selector-mismatch: a Job that writes its own selector without manualSelector is refused ("`selector` not auto-generated")', () => {
  const text = job('  selector:\n    matchLabels:\n      app: migrate\n');
  const [finding, ...rest] = findings(text, 'selector-mismatch');
  assert.equal(rest.length, 0);
  assert.equal(finding?.severity, 'error');
  assert.match(finding?.message ?? '', /Job "migrate" writes its own spec\.selector \(it asks for the label app\).*`selector` not auto-generated/);
  assert.equal(finding?.range.start.line, 5, 'on the selector key');
  assert.equal(findings(job('  manualSelector: false\n  selector:\n    matchLabels: {app: migrate}\n'), 'selector-mismatch').length, 1, 'manualSelector: false is the default');
  // An expression that needs a label the server does not generate.
  assert.equal(findings(job('  selector:\n    matchExpressions: [{key: app, operator: Exists}]\n'), 'selector-mismatch').length, 1);
});

test('selector-mismatch: Job selectors the API server accepts are not reported', () => {
  for (const spec of [
    '  manualSelector: true\n  selector:\n    matchLabels: {app: migrate}\n', // the user's own selector, matching the template
    '  selector:\n    matchLabels: {job-name: migrate}\n', // one of the generated labels
    '  selector:\n    matchLabels: {batch.kubernetes.io/controller-uid: 5f9c1b2e}\n', // an exported Job (kubectl get -o yaml)
    '  selector: {}\n', // selects everything, the generated labels too
    '  selector:\n    matchExpressions: [{key: app, operator: DoesNotExist}]\n',
    '  selector:\n    matchLabels:\n      "{{ .Values.key }}": migrate\n', // a key a template writes
    '  manualSelector: {{ .Values.manual }}\n  selector:\n    matchLabels: {app: migrate}\n',
  ]) {
    assert.deepEqual(findings(job(spec), 'selector-mismatch'), [], spec);
  }
  // A kustomize patch is not a whole Job.
  assert.deepEqual(findings(job('  selector:\n    matchLabels: {app: migrate}\n'), 'selector-mismatch', { fragment: 'kustomize-patch' }), []);
});

test('selector-mismatch: the fixes remove the selector (preferred) or set manualSelector: true; both leave a Job the server accepts', () => {
  const text = job('  backoffLimit: 2\n  selector:\n    matchLabels:\n      app: migrate\n');
  const { fix } = applyFix(text, 'selector-mismatch', /Remove the selector/, job('  backoffLimit: 2\n'));
  assert.equal(fix.preferred, true);
  const manual = applyFix(text, 'selector-mismatch', /Set manualSelector: true/);
  assert.notEqual(manual.fix.preferred, true, 'a manual selector must then stay unique to this Job: the user\'s choice');
  assert.match(manual.result, /manualSelector: true/);
  assert.deepEqual(findings(manual.result, 'selector-mismatch'), [], 'the selector matches the template: nothing left');
});

test('selector-mismatch: a CronJob job template may hold no selector and no manualSelector: true', () => {
  const selector = findings(cronJob('      selector: {}\n'), 'selector-mismatch');
  assert.equal(selector.length, 1);
  assert.match(selector[0]?.message ?? '', /CronJob "backup".*`selector` will be auto-generated/);
  assert.equal(findings(cronJob('      selector:\n        matchLabels: {app: backup}\n', 'batch/v1beta1'), 'selector-mismatch').length, 1);
  const manual = findings(cronJob('      manualSelector: true\n'), 'selector-mismatch');
  assert.match(manual[0]?.message ?? '', /manualSelector: true.*Unsupported value: true/);
  // `selector:` with nothing is null (left out, as the server reads it); manualSelector: false is allowed.
  assert.deepEqual(findings(cronJob('      selector:\n      manualSelector: false\n'), 'selector-mismatch'), []);
  applyFix(cronJob('      selector:\n        matchLabels: {app: backup}\n'), 'selector-mismatch', /Remove the selector/, cronJob(''));
  const removeManual = applyFix(cronJob('      manualSelector: true\n'), 'selector-mismatch', /Remove manualSelector: true/, cronJob(''));
  assert.equal(removeManual.fix.preferred, true);
  assert.equal(fixesOf(cronJob('      manualSelector: true\n'), 'selector-mismatch', 0, {}).fixes.some((f) => /Set manualSelector/.test(f.title)), false);
});

test('selector-mismatch: job-name written by hand, manualSelector without a selector, a null manualSelector (probe BL)', () => {
  const kinds = (text: string, options = {}): string[] => findings(text, 'selector-mismatch', options).map((f) => f.message.slice(0, 40));
  // `manualSelector:` with nothing is null: false, as the server reads it.
  assert.equal(findings(job('  manualSelector:\n  selector:\n    matchLabels: {app: migrate}\n'), 'selector-mismatch').length, 1);
  // A selector on job-name that is not the Job's name; a template label job-name the same.
  const wrong = findings(job('  selector:\n    matchLabels: {job-name: migrate-v1}\n', '{job-name: migrate-v1}'), 'selector-mismatch');
  assert.equal(wrong.length, 2);
  assert.match(wrong[0]?.message ?? '', /asks for job-name: migrate-v1, but the API server labels the Job's pods with job-name set to the Job's own name/);
  assert.match(wrong[1]?.message ?? '', /labelled job-name: migrate-v1\. The API server writes that label itself/);
  assert.deepEqual(kinds(job('', '{job-name: migrate, batch.kubernetes.io/job-name: migrate}')), [], 'the Job\'s own name');
  // generateName: no written job-name is the generated one; a kustomize namePrefix may rename it: not judged.
  const generated = findings(job('', '{job-name: migrate}').replace('  name: migrate\n', '  generateName: migrate-\n'), 'selector-mismatch');
  assert.equal(generated.length, 1);
  assert.match(generated[0]?.message ?? '', /Job "migrate-…" is labelled job-name: migrate\..*Invalid value: "migrate": must be 'migrate-<random>'/);
  assert.deepEqual(kinds(job('', '{job-name: old}'), { kustomizeResource: true }), []);
  // manualSelector: true without a selector.
  const manual = findings(job('  manualSelector: true\n'), 'selector-mismatch');
  assert.match(manual[0]?.message ?? '', /manualSelector: true but has no selector.*spec\.selector: Required value/);
  applyFix(job('  manualSelector: true\n'), 'selector-mismatch', /Remove manualSelector: true/, job(''));
  applyFix(job('', '\n        job-name: old\n        app: migrate'), 'selector-mismatch', /Remove the label job-name/, job('', '\n        app: migrate'));
});

test('selector-mismatch: a CronJob pod template labelled job-name; Jobs that KEDA and Argo Rollouts create as written (probe BL)', () => {
  const labelled = cronJob('').replace('      template:\n        spec:', '      template:\n        metadata:\n          labels:\n            job-name: nightly\n        spec:');
  const found = findings(labelled, 'selector-mismatch');
  assert.match(found[0]?.message ?? '', /Each Job the CronJob makes is named "backup-<time>"/);
  const scaledJob = 'apiVersion: keda.sh/v1alpha1\nkind: ScaledJob\nmetadata: {name: worker}\nspec:\n  jobTargetRef:\n    selector:\n      matchLabels: {app: worker}\n    template:\n      spec:\n        restartPolicy: Never\n        containers: [{name: w, image: busybox:1.36}]\n  triggers: []\n';
  assert.match(findings(scaledJob, 'selector-mismatch')[0]?.message ?? '', /^ScaledJob spec\.jobTargetRef is the spec of the Jobs this resource creates/);
  const analysis = 'apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata: {name: smoke}\nspec:\n  metrics:\n  - name: smoke\n    provider:\n      job:\n        spec:\n          selector:\n            matchLabels: {app: smoke}\n          template:\n            spec:\n              restartPolicy: Never\n              containers: [{name: t, image: busybox:1.36}]\n';
  assert.equal(findings(analysis, 'selector-mismatch').length, 1);
  assert.deepEqual(findings(scaledJob.replace('    selector:\n      matchLabels: {app: worker}\n', '    manualSelector: true\n    selector:\n      matchLabels: {app: worker}\n'), 'selector-mismatch'), []);
});
