/** A mount's subPath in the pod model: `subPath`, or `subPathExpr` as the kubelet expands it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yaml } from '../../helpers/check';
import { parseChunk } from '../../../server/src/core/parse';
import { podsOf } from '../../../server/src/k8s/pod-model';

const mountsOf = (mounts: string, env = '[]'): { subPath?: string; subPathUnknown?: true }[] => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - name: c
        image: example/app
        env: ${env}
        volumeMounts: ${mounts}
  `;
  const [pod] = podsOf(parseChunk(text).docs[0] as Parameters<typeof podsOf>[0]);
  return pod!.containers[0]!.mounts.map((m) => ({ ...(m.subPath !== undefined ? { subPath: m.subPath } : {}), ...(m.subPathUnknown ? { subPathUnknown: m.subPathUnknown } : {}) }));
};

test('subPathExpr is expanded with the literal env values of the container (the last entry of a name wins)', () => {
  const env = '[{name: INI, value: old.ini}, {name: INI, value: grafana.ini}, {name: DIR, value: conf}]';
  assert.deepEqual(mountsOf('[{name: v, mountPath: /a, subPathExpr: $(INI)}, {name: v, mountPath: /b, subPathExpr: $(DIR)/$(INI)}, {name: v, mountPath: /c, subPathExpr: x$$(B)}]', env), [
    { subPath: 'grafana.ini' },
    { subPath: 'conf/grafana.ini' },
    { subPath: 'x$(B)' },
  ]);
  assert.deepEqual(mountsOf('[{name: v, mountPath: /a, subPath: plain.conf}, {name: v, mountPath: /b}, {name: v, mountPath: /c, subPath: ""}]'), [{ subPath: 'plain.conf' }, {}, {}]);
});

test('a subPathExpr whose variables are not known here is a subPath with an unknown name, kept as written', () => {
  const env = '[{name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}, {name: NESTED, value: "$(POD).ini"}, {name: EMPTY, value: ""}]';
  assert.deepEqual(mountsOf('[{name: v, mountPath: /a, subPathExpr: $(POD)}, {name: v, mountPath: /b, subPathExpr: $(NESTED)}, {name: v, mountPath: /c, subPathExpr: $(EMPTY)}, {name: v, mountPath: /d, subPathExpr: $(MISSING).ini}]', env), [
    { subPath: '$(POD)', subPathUnknown: true },
    { subPath: '$(NESTED)', subPathUnknown: true },
    { subPath: '$(EMPTY)', subPathUnknown: true },
    { subPath: '$(MISSING).ini', subPathUnknown: true },
  ]);
  assert.deepEqual(mountsOf('[{name: v, mountPath: /a, subPathExpr: "${FILE}"}]'), [{ subPath: '${FILE}', subPathUnknown: true }]);
});
