import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, findings, yaml } from '../../helpers/check';

// kompose writes `imagePullPolicy: ""`; the API server's defaulting fills in every field below when
// it is empty, before validation, so kubectl apply accepts them (sweep X, nicholaswilde/kubernetes-transmission).
const defaulted = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: t}
  spec:
    strategy: {type: ""}
    selector: {matchLabels: {app: t}}
    template:
      metadata: {labels: {app: t}}
      spec:
        restartPolicy: ""
        dnsPolicy: ""
        containers:
        - name: web
          image: nginx:1.27
          imagePullPolicy: ""
          terminationMessagePolicy: ""
          ports: [{containerPort: 80, protocol: ""}]
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: t}
  spec:
    type: ""
    sessionAffinity: ""
    selector: {app: t}
    ports: [{port: 80, protocol: ""}]
`;

test('"" in a field the API server defaults when empty is no finding (it reads as not written)', () => {
  assert.deepEqual(check(defaulted).filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
});

test('"" stays a value where nothing defaults it; a Job\'s restartPolicy "" becomes Always and is rejected', () => {
  const seccomp = yaml`
    apiVersion: v1
    kind: Pod
    metadata: {name: p}
    spec:
      containers:
      - {name: a, image: busybox, securityContext: {seccompProfile: {type: ""}}}
  `;
  assert.equal(findings(seccomp, 'invalid-value').length, 1);
  const job = yaml`
    apiVersion: batch/v1
    kind: Job
    metadata: {name: j}
    spec:
      template:
        spec:
          restartPolicy: ""
          containers: [{name: a, image: busybox}]
  `;
  const found = findings(job, 'invalid-value');
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /restartPolicy is "", which the API server fills in with the pod default, "Always"/);
});
