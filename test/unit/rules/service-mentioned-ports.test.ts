/**
 * service-target-port on a number a container's command line or env names for a process Podsight
 * does not model (sweep DC: `gunicorn --bind 0.0.0.0:8000` declaring 5000): the process may well
 * listen there, so the Service is not told to move to the declared port.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';

const app = (container: string, targetPort = 8000): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers:\n        - name: api\n          image: example/api:1\n${container}          ports: [{containerPort: 5000}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  selector: {app: api}\n  ports: [{port: 80, targetPort: ${targetPort}}]\n`;

test('a port the command line binds, a --port flag or a PORT variable: no note', () => {
  for (const container of [
    '          command: [gunicorn, --bind, "0.0.0.0:8000", app:app]\n',
    '          args: ["--listen=:8000"]\n',
    '          command: [node, server.js, --port, "8000"]\n',
    '          args: [--http-port=8000]\n',
    '          command: [sh, -c, "uvicorn main:app --host 0.0.0.0 --port 8000"]\n',
    '          env: [{name: PORT, value: "8000"}]\n',
  ]) {
    assert.deepEqual(findings(app(container), 'service-target-port'), [], container);
  }
});

test('a number the command line does not name is still noted, with the port it binds listed and suggested', () => {
  const [note] = findings(app('          command: [gunicorn, --bind, "0.0.0.0:9000", app:app]\n'), 'service-target-port');
  assert.equal(note?.severity, 'information');
  assert.match(note?.message ?? '', /Declared: 5000\. Listening without a declaration \(image defaults and settings\): 9000\. Did you mean 9000\?/);
});
