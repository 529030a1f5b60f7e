/**
 * env, args, envFrom and volumeMounts entries a Helm template inserts (an include or toYaml on a
 * line of its own, a `with`/`if`/`range` block) or whose name is a placeholder may set the port
 * (PGPORT, `--port`, GF_SERVER_HTTP_PORT) or mount a configuration: the listener is unsure, so no
 * port finding comes from the image default. Literal entries alone are still read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../helpers/check';

const PORT_RULES = ['port-conflict', 'implicit-port-conflict', 'port-not-served'];
const portFindings = (text: string): string[] => check(text).filter((f) => PORT_RULES.includes(f.rule)).map((f) => `${f.rule} ${f.text}`);

const pod = (containers: string, extra = ''): string => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
${containers}${extra}`;

test('port-not-served: env, args and envFrom entries inserted by a template leave the image default unsure', () => {
  const pg = (env: string): string => pod(`    - name: pg\n      image: postgres:16\n${env}      ports:\n        - containerPort: 5433\n`);
  const inserted = [
    '      env:\n        {{- include "pg.env" . | nindent 8 }}\n',
    '      env:\n        - name: TZ\n          value: UTC\n        {{- with .Values.extraEnv }}\n        {{- toYaml . | nindent 8 }}\n        {{- end }}\n',
    '      {{- with .Values.envFrom }}\n      envFrom:\n        {{- toYaml . | nindent 8 }}\n      {{- end }}\n',
    '      env:\n        - name: ${EXTRA_VAR}\n          value: "5433"\n',
  ];
  for (const env of inserted) assert.deepEqual(portFindings(pg(env)), [], env);
  const redis = pod('    - name: redis\n      image: redis:7\n      args:\n        - --appendonly\n        - "yes"\n        {{- with .Values.extraArgs }}\n        {{- toYaml . | nindent 8 }}\n        {{- end }}\n      ports:\n        - containerPort: 6380\n');
  assert.deepEqual(portFindings(redis), []);
  // Literal entries only, beside an action elsewhere: still read, still reported.
  assert.deepEqual(portFindings(pg('      env:\n        - name: TZ\n          value: "{{ .Values.tz }}"\n')), ['port-not-served 5433']);
});

test('implicit-port-conflict: mounts or env a template inserts may move the image default', () => {
  const nginx = pod('    - name: web\n      image: nginx:1.25\n      ports:\n        - containerPort: 80\n    - name: proxy\n      image: nginx:1.25\n      volumeMounts:\n        {{- include "proxy.mounts" . | nindent 8 }}\n', '  volumes:\n    {{- include "proxy.volumes" . | nindent 4 }}\n');
  assert.deepEqual(portFindings(nginx), []);
  const postgres = pod('    - name: db\n      image: postgres:16\n    - name: db2\n      image: postgres:16\n      {{- with .Values.db2.env }}\n      env:\n        {{- toYaml . | nindent 8 }}\n      {{- end }}\n');
  assert.deepEqual(portFindings(postgres), []);
  const literal = pod('    - name: db\n      image: postgres:16\n    - name: db2\n      image: "{{ .Values.image }}"\n    - name: db3\n      image: postgres:16\n      env:\n        - name: TZ\n          value: UTC\n');
  assert.deepEqual(portFindings(literal), ['implicit-port-conflict postgres:16']);
});
