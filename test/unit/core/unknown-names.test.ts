/**
 * A defining name that a placeholder or a template writes (`name: ${PORT_NAME}`, a quoted Helm
 * action as a ConfigMap key, `app: "web{{ .Values.suffix }}"`) may be any name: the rules that look
 * names up report nothing missing from it, in a document that parses as it stands too. The same
 * names written literally are still judged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, findings } from '../../helpers/check';

const RULES = ['selector-mismatch', 'unknown-port-name', 'undefined-volume', 'missing-config-key', 'dangling-backend', 'service-selects-nothing', 'service-target-port', 'unused-volume'];

const file = (names: { key: string; label: string; port: string; volume: string; svcPort: string; service?: string }): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  ${names.key}: debug
  other: "y"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: ${names.label}
    spec:
      containers:
        - name: web
          image: myorg/web:1.0
          ports:
            - name: ${names.port}
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
          volumeMounts:
            - name: data
              mountPath: /data
          env:
            - name: LOG_LEVEL
              valueFrom:
                configMapKeyRef:
                  name: cfg
                  key: LOG_LEVEL
      volumes:
        - name: ${names.volume}
          emptyDir: {}
---
apiVersion: v1
kind: Service
metadata:
  name: ${names.service ?? 'web'}
spec:
  selector:
    app: web
  ports:
    - name: ${names.svcPort}
      port: 80
      targetPort: http
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: traefik # matches the Service port only (ingress-nginx would also take its targetPort)
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: http
`;

const ruleIds = (text: string): string[] => check(text).filter((f) => RULES.includes(f.rule)).map((f) => f.rule).sort();

test('a placeholder in a defining name matches any reference (envsubst, a quoted Helm action, an action inside a value, Backstage)', () => {
  const placeholders = { key: '"{{ .Values.logLevelKey }}"', label: '"web{{ .Values.nameSuffix }}"', port: '${PORT_NAME}', volume: '${DATA_VOLUME}', svcPort: '${SVC_PORT_NAME}' };
  assert.deepEqual(ruleIds(file(placeholders)), []);
  const backstage = { key: '${LOG_KEY}', label: '${{ values.app }}', port: '${{ values.portName }}', volume: '${{ values.volume }}', svcPort: '${{ values.svcPort }}' };
  assert.deepEqual(ruleIds(file(backstage)), []);
});

test('the same names written literally are still judged', () => {
  const literal = { key: 'LOGLEVEL', label: 'webb', port: 'web', volume: 'other', svcPort: 'httpx' };
  assert.deepEqual(ruleIds(file(literal)), ['dangling-backend', 'missing-config-key', 'selector-mismatch', 'service-selects-nothing', 'undefined-volume', 'unknown-port-name', 'unused-volume']);
});

test('only the placeholder name is unknown: a literal label beside it is still compared', () => {
  const text = file({ key: 'LOG_LEVEL', label: 'web\n        tier: "{{ .Values.tier }}"', port: 'http', volume: 'data', svcPort: 'http' }).replace('      app: web\n  template', '      app: web\n      tier: fe\n      zone: a\n  template');
  const found = findings(text, 'selector-mismatch');
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /zone/);
});

test('dangling-backend: a Service whose name is a placeholder may be the one a backend names', () => {
  const names = { key: 'LOG_LEVEL', label: 'web', port: 'http', volume: 'data', svcPort: 'http' };
  // With a literal near miss the backend is a likely typo; with a placeholder name it may be the Service.
  assert.equal(findings(file({ ...names, service: 'webb' }), 'dangling-backend').length, 1);
  const other = '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: webb\nspec:\n  selector:\n    app: other\n  ports:\n    - name: http\n      port: 80\n';
  assert.deepEqual(findings(file({ ...names, service: '${SERVICE_NAME}' }) + other, 'dangling-backend'), []);
});

test('dangling-backend: Service ports a template inserts, or with a placeholder number, may hold the backend port', () => {
  const service = (ports: string): string => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
${ports}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  defaultBackend:
    service:
      name: web
      port:
        number: 9090
`;
  assert.deepEqual(findings(service('    - name: http\n      port: 80\n    {{- toYaml .Values.service.extraPorts | nindent 4 }}'), 'dangling-backend'), []);
  assert.deepEqual(findings(service('    - name: http\n      port: 80\n    {{- range .Values.ports }}\n    - name: {{ .name }}\n      port: {{ .port }}\n    {{- end }}'), 'dangling-backend'), []);
  assert.deepEqual(findings(service('    - name: http\n      port: ${METRICS_PORT}'), 'dangling-backend'), []);
  assert.equal(findings(service('    - name: http\n      port: 80'), 'dangling-backend').length, 1);
});
