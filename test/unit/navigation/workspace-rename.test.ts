import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyze';
import { isRefusal, workspaceNameErrors, workspaceRenameEdits, workspaceRenameTarget } from '../../../server/src/navigation/workspace-rename';
import { yaml } from '../../helpers/check';
import { peer } from '../../helpers/workspace';

const SELF = '/ws/app/deploy.yaml';

/** Applies a rename at `needle` (+1) of `files[SELF]` to every file; returns the new texts. */
function rename(files: Record<string, string>, needle: string, newName: string, occurrence = 0): Record<string, string> | string | undefined {
  const text = files[SELF] as string;
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  const peers = Object.entries(files).filter(([p]) => p !== SELF).map(([p, t]) => peer(t, p));
  const target = workspaceRenameTarget(analyzeText(text), at + 1, { peers, source: SELF });
  if (!target) return undefined;
  if (isRefusal(target)) return `refused: ${target.pod}`;
  const out = { ...files };
  const edits = workspaceRenameEdits(target, newName).sort((a, b) => b.start - a.start);
  for (const e of edits) {
    const file = e.source ?? SELF;
    out[file] = (out[file] as string).slice(0, e.start) + e.text + (out[file] as string).slice(e.end);
  }
  return out;
}

const deployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
        - name: web
          image: nginx
          env:
          - name: MODE
            valueFrom:
              configMapKeyRef: {name: settings, key: mode}
`;
const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata:\n  mode: fast\n';
const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: front}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';

test('renaming a ConfigMap key from its reference edits the data entry in the other file', () => {
  const out = rename({ [SELF]: deployment, '/ws/app/cm.yaml': configMap }, 'mode}', 'speed') as Record<string, string>;
  assert.match(out[SELF] as string, /key: speed\}/);
  assert.equal(out['/ws/app/cm.yaml'], configMap.replace('mode:', 'speed:'));
});

test('a label value renamed on the template follows into the workload selector and the Service', () => {
  const out = rename({ [SELF]: deployment, '/ws/app/svc.yaml': service }, 'web}', 'shop', 1) as Record<string, string>;
  assert.match(out[SELF] as string, /matchLabels: \{app: shop\}/);
  assert.match(out[SELF] as string, /labels: \{app: shop\}/);
  assert.equal(out['/ws/app/svc.yaml'], service.replace('{app: web}', '{app: shop}'));
});

test('a value YAML would read as a number is quoted', () => {
  const out = rename({ [SELF]: deployment, '/ws/app/svc.yaml': service }, 'web}', '2', 1) as Record<string, string>;
  assert.match(out['/ws/app/svc.yaml'] as string, /\{app: "2"\}/);
});

test('not renamed: a key read whole through envFrom, a key of an object not in the workspace', () => {
  const whole = deployment.replace(/\n( +)env:/, '\n$1envFrom: [{configMapRef: {name: settings}}]\n$1env:');
  assert.notEqual(whole, deployment);
  assert.equal(rename({ [SELF]: whole, '/ws/app/cm.yaml': configMap }, 'mode}', 'speed'), 'refused: Deployment/web');
  assert.equal(rename({ [SELF]: deployment }, 'mode}', 'speed'), undefined);
});

test('new names are checked as the API server checks them', () => {
  assert.deepEqual(workspaceNameErrors('config-key', 'a_b.c-D'), []);
  assert.ok(workspaceNameErrors('config-key', 'a b').length > 0);
  assert.deepEqual(workspaceNameErrors('label-key', 'app.kubernetes.io/name'), []);
  assert.ok(workspaceNameErrors('label-key', 'Bad_Prefix/x').length > 0);
  assert.ok(workspaceNameErrors('label-value', '-x').length > 0);
  assert.deepEqual(workspaceNameErrors('label-value', ''), []);
});
