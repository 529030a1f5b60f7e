// Mosquitto 2 binds 127.0.0.1:1883 only until its configuration has a `listener` line, and the
// image's mosquitto.conf has none (sweeps CT and DA: a Service and a probe on 1883 are refused).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../helpers/check';
import { listens, podWith } from './pod-with-config';

const conf = (text: string): string => podWith('eclipse-mosquitto:2.0.18', '[{name: conf, mountPath: /mosquitto/config}]', { 'mosquitto.conf': text });

test('mosquitto: the image default is loopback; listener lines of a mounted mosquitto.conf open every address or the one named', () => {
  assert.deepEqual(listens(podWith('eclipse-mosquitto', '[]', {})).listens, ['image:127.0.0.1:1883/TCP']);
  assert.deepEqual(listens(conf('persistence true\nlistener 1883\nlistener 9001\nprotocol websockets\nallow_anonymous true\n')).listens, ['config:1883/TCP', 'config:9001/TCP']);
  assert.deepEqual(listens(conf('listener 1883 127.0.0.1\nlistener 0 /run/mosquitto.sock\n')).listens, ['config:127.0.0.1:1883/TCP']);
  // No listener in the mounted file: still local only.
  assert.deepEqual(listens(conf('persistence true\nallow_anonymous true\n')).listens, ['image:127.0.0.1:1883/TCP']);
  // Mosquitto 1.x listened on every address.
  assert.deepEqual(listens(podWith('eclipse-mosquitto:1.6.15', '[]', {})).listens, ['image:1883/TCP']);
});

test('mosquitto: include_dir, the old port/bind_address, placeholders, a -p flag and an unreadable file are unsure', () => {
  for (const text of ['include_dir /mosquitto/config/conf.d\n', 'port 1883\n', 'bind_address 0.0.0.0\n', 'listener ${MQTT_PORT}\n']) {
    assert.equal(listens(conf(text)).basis, 'unsure', text);
  }
  const flag = podWith('eclipse-mosquitto', '[]', {}, '    args: [mosquitto, -c, /mosquitto/config/mosquitto.conf, -p, "1884"]\n');
  assert.equal(listens(flag).basis, 'unsure');
  const pvc = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: eclipse-mosquitto\n    volumeMounts: [{name: data, mountPath: /mosquitto/config}]\n  volumes: [{name: data, persistentVolumeClaim: {claimName: mqtt}}]\n';
  assert.equal(listens(pvc).basis, 'unsure');
});

const deployment = (volumes: string, mounts: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: mqtt}
spec:
  selector: {matchLabels: {app: mqtt}}
  template:
    metadata: {labels: {app: mqtt}}
    spec:
      containers:
      - name: mosquitto
        image: eclipse-mosquitto:2
        ports: [{name: mqtt, containerPort: 1883}]
        readinessProbe: {tcpSocket: {port: mqtt}}
        volumeMounts: ${mounts}
      volumes: ${volumes}
---
apiVersion: v1
kind: Service
metadata: {name: mqtt}
spec:
  selector: {app: mqtt}
  ports: [{port: 1883, targetPort: mqtt}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: mosquitto}
data:
  mosquitto.conf: |
    listener 1883
    allow_anonymous true
`;

test('mosquitto: the Service and the probe on a loopback-only 1883 are refused; a listener line makes them right', () => {
  const bare = check(deployment('[]', '[]')).filter((f) => f.severity === 'warning').map((f) => f.rule).sort();
  assert.deepEqual(bare, ['port-not-served', 'service-target-port']);
  const message = check(deployment('[]', '[]')).find((f) => f.rule === 'service-target-port')?.message ?? '';
  assert.match(message, /Service "mqtt" sends traffic to port 1883 \(targetPort mqtt\), but container "mosquitto" binds it on the pod's loopback only \(Mosquitto 2 binds 127\.0\.0\.1:1883 only/);
  const configured = deployment('[{name: conf, configMap: {name: mosquitto}}]', '[{name: conf, mountPath: /mosquitto/config/mosquitto.conf, subPath: mosquitto.conf}]');
  assert.deepEqual(check(configured).filter((f) => f.severity !== 'information'), []);
  // Probe DB: a command without -c reads no file, the mounted one with its listener included; the message says -c.
  const noFile = configured.replace('        image: eclipse-mosquitto:2\n', '        image: eclipse-mosquitto:2\n        command: [mosquitto, -v]\n');
  const refused = check(noFile).find((f) => f.rule === 'service-target-port')?.message ?? '';
  assert.match(refused, /unless the configuration file it is started with \(`-c`\) has a `listener` line; the image's has none, and without `-c` none is read/);
});
