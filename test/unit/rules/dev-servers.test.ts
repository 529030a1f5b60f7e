/**
 * Python servers a command starts bind the pod's loopback unless told otherwise (sweep DC's
 * misses): uvicorn (127.0.0.1:8000), `flask run` (127.0.0.1:5000), Django's runserver
 * (127.0.0.1:8000), and gunicorn's `-b 127.0.0.1:…`. A probe or a Service on that port is refused;
 * the fix binds every address, and after it the pod is right.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

const pod = (container: string, port = 8000, image = 'example/api:1'): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: api, labels: {app: api}}\nspec:\n  containers:\n    - name: app\n      image: ${image}\n${container}      readinessProbe: {httpGet: {path: /health, port: ${port}}}\n`;
const loopback = (text: string): string[] => check(text).filter((f) => f.rule === 'port-not-served' || f.rule === 'service-target-port').map((f) => `${f.rule}: ${f.message.slice(0, 140)}`);

test('servers that bind 127.0.0.1 by default: a probe on their port is refused', () => {
  const cases: [string, number, RegExp][] = [
    ['      command: [uvicorn, main:app, --port, "8000"]\n', 8000, /uvicorn binds 127\.0\.0\.1:8000 by default/],
    ['      command: [python, -m, uvicorn, main:app]\n', 8000, /uvicorn binds 127\.0\.0\.1:8000 by default/],
    ['      command: [poetry, run, uvicorn, main:app]\n      args: [--port, "9000"]\n', 9000, /uvicorn binds 127\.0\.0\.1:9000/],
    ['      command: [flask, run]\n', 5000, /flask binds 127\.0\.0\.1:5000 by default/],
    ['      command: [flask, --app, web, run, -p, "8080"]\n', 8080, /flask binds 127\.0\.0\.1:8080 by default/],
    ['      command: [python, manage.py, runserver]\n', 8000, /runserver binds 127\.0\.0\.1:8000 by default/],
    ['      command: [python, manage.py, runserver, "8000"]\n', 8000, /runserver binds 127\.0\.0\.1:8000 by default/],
    ['      command: [gunicorn, -b, "127.0.0.1:8000", app:app]\n', 8000, /gunicorn 127\.0\.0\.1:8000/],
    ['      command: [sh, -c, "cd /app && exec uvicorn main:app --port 8000"]\n', 8000, /uvicorn binds 127\.0\.0\.1:8000 by default/],
    ['      command: [uvicorn, main:app, --host, localhost]\n', 8000, /uvicorn localhost:8000|uvicorn 127\.0\.0\.1:8000/],
    // Sweep DH: wrappers, and the other servers with a loopback default.
    ['      command: [ddtrace-run, uvicorn, main:app]\n', 8000, /uvicorn binds 127\.0\.0\.1:8000 by default/],
    ['      command: [tini, --, python, manage.py, runserver_plus]\n', 8000, /runserver_plus binds 127\.0\.0\.1:8000 by default/],
    ['      command: [daphne, proj.asgi:application]\n', 8000, /daphne binds 127\.0\.0\.1:8000 by default/],
    ['      command: [hypercorn, main:app]\n', 8000, /hypercorn binds 127\.0\.0\.1:8000 by default/],
    ['      command: [fastapi, dev, main.py]\n', 8000, /fastapi binds 127\.0\.0\.1:8000 by default/],
  ];
  for (const [container, port, message] of cases) {
    const found = loopback(pod(container, port, container.includes('flask') ? 'python:3.12-slim' : 'example/api:1'));
    assert.equal(found.length, 1, container);
    assert.match(found[0] ?? '', message, container);
  }
});

test('told to bind every address, or not readable: nothing', () => {
  for (const container of [
    '      command: [uvicorn, main:app, --host, 0.0.0.0]\n',
    '      command: [uvicorn, main:app, --host=0.0.0.0, --port=8000]\n',
    '      command: [uvicorn, main:app, --uds, /tmp/app.sock]\n',
    '      command: [uvicorn, main:app]\n      env: [{name: UVICORN_HOST, value: 0.0.0.0}]\n',
    '      command: [uvicorn, main:app]\n      envFrom: [{configMapRef: {name: settings}}]\n',
    '      command: [uvicorn, main:app, --host, $(HOST)]\n      env: [{name: HOST, valueFrom: {fieldRef: {fieldPath: status.podIP}}}]\n',
    '      command: [uvicorn, main:app, --host, $(HOST)]\n      env: [{name: HOST, value: 0.0.0.0}]\n',
    '      command: [sh, -c, "uvicorn main:app --host ${HOST:-0.0.0.0}"]\n',
    '      command: [python, manage.py, runserver, "0.0.0.0:8000"]\n',
    '      command: [python, manage.py, runserver, "0:8000"]\n',
    '      command: [gunicorn, app:app]\n',
    '      command: [gunicorn, -b, "0.0.0.0:8000", -b, "127.0.0.1:9000", app:app]\n',
    '      command: [python, app.py]\n',
  ]) {
    assert.deepEqual(loopback(pod(container, container.includes('flask') ? 5000 : 8000)), [], container);
  }
  assert.deepEqual(loopback(pod('      command: [flask, run, --host=0.0.0.0]\n', 5000, 'python:3.12')), []);
  // An application's image may set FLASK_RUN_HOST (Docker's Compose tutorial does): only official Python images are judged.
  assert.deepEqual(loopback(pod('      command: [flask, run]\n', 5000)), []);
  // Flask-Script's runserver takes --host/--port and binds 0.0.0.0 (sweep DH); fastapi run binds 0.0.0.0.
  assert.deepEqual(loopback(pod('      command: [python, manage.py, runserver, --host=0.0.0.0, --port=8000]\n')), []);
  assert.deepEqual(loopback(pod('      command: [python, manage.py, runserver, --port, "8000"]\n')), []);
  assert.deepEqual(loopback(pod('      command: [fastapi, run, main.py]\n')), []);
  assert.deepEqual(loopback(pod('      command: [daphne, -b, 0.0.0.0, proj.asgi:application]\n')), []);
  assert.deepEqual(loopback(pod('      command: [daphne, -u, /tmp/d.sock, proj.asgi:application]\n')), []);
  assert.deepEqual(loopback(pod('      command: [hypercorn, -c, hypercorn.toml, main:app]\n')), []);
  assert.deepEqual(loopback(pod('      command: [hypercorn, --bind, "0.0.0.0:8000", main:app]\n')), []);
  assert.deepEqual(loopback(pod('      command: [flask, run, -h, 0.0.0.0]\n', 5000)), []);
});

test('a Service on such a port is refused too', () => {
  const service = '---\napiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec:\n  selector: {app: api}\n  ports: [{port: 80, targetPort: 8000}]\n';
  const text = pod('      command: [uvicorn, main:app]\n').replace('      readinessProbe: {httpGet: {path: /health, port: 8000}}\n', '') + service;
  assert.deepEqual(loopback(text).map((f) => f.slice(0, f.indexOf(':'))), ['service-target-port']);
});

test('the fix binds every address, and the probe is then right', () => {
  const expected = (container: string): string => pod(container);
  applyFix(pod('      command: [uvicorn, main:app, --port, "8000"]\n'), 'port-not-served', /add --host=0\.0\.0\.0/, expected('      command: [uvicorn, main:app, --port, "8000", --host=0.0.0.0]\n'));
  applyFix(pod('      command: [python, manage.py, runserver, "8000"]\n'), 'port-not-served', /0\.0\.0\.0:8000/, expected('      command: [python, manage.py, runserver, "0.0.0.0:8000"]\n'));
  applyFix(pod('      command: [gunicorn, -b, "127.0.0.1:8000", app:app]\n'), 'port-not-served', /0\.0\.0\.0:8000/, expected('      command: [gunicorn, -b, "0.0.0.0:8000", app:app]\n'));
  applyFix(pod('      command: [sh, -c, "cd /app && exec uvicorn main:app --port 8000"]\n'), 'port-not-served', /--host=0\.0\.0\.0/, expected('      command: [sh, -c, "cd /app && exec uvicorn --host=0.0.0.0 main:app --port 8000"]\n'));
  const block = pod('      command:\n        - uvicorn\n        - main:app\n');
  const { result } = applyFix(block, 'port-not-served', /--host=0\.0\.0\.0/);
  assert.match(result, /        - main:app\n        - --host=0\.0\.0\.0\n/);
});

test('probe DG: a script that sets the server\'s variables, and fixes that would break the command', () => {
  assert.deepEqual(loopback(pod('      command: [sh, -c, "export UVICORN_HOST=0.0.0.0; exec uvicorn main:app"]\n')), []);
  assert.deepEqual(loopback(pod('      command: [sh, -c, "FLASK_RUN_HOST=0.0.0.0 flask run"]\n', 5000, 'python:3.12')), []);
  // The program's name also in a path: reported, but no fix that would write into the path.
  const logConfig = pod('      command: [sh, -c, "uvicorn main:app --log-config /app/uvicorn --port 8000"]\n');
  assert.equal(loopback(logConfig).length, 1);
  assert.deepEqual(fixesOf(logConfig, 'port-not-served').fixes.filter((f) => !/^Disable/.test(f.title)), []);
  // runserver -6: every IPv6 address.
  applyFix(pod('      command: [python, manage.py, runserver, -6]\n'), 'port-not-served', /\[::\]:8000/, pod('      command: [python, manage.py, runserver, -6, "[::]:8000"]\n'));
});

test('sweep DQ: the Ray dashboard of `ray start --head` binds 127.0.0.1:8265 unless told otherwise', () => {
  const service = '---\napiVersion: v1\nkind: Service\nmetadata: {name: ray-head}\nspec:\n  selector: {app: api}\n  ports: [{name: dashboard, port: 8265}]\n';
  const head = (command: string): string => pod(command, 8265, 'rayproject/ray:2.9.0').replace('      readinessProbe: {httpGet: {path: /health, port: 8265}}\n', '') + service;
  const [found, ...rest] = loopback(head('      command: [sh, -c, "ray start --head --port=6379 --block"]\n'));
  assert.equal(rest.length, 0);
  assert.match(found ?? '', /^service-target-port: .*loopback only \(ray dashboard binds 127/);
  assert.equal(loopback(head('      command: [ray, start, --head, --dashboard-host=127.0.0.1, --dashboard-port=8265, --block]\n')).length, 1);
  // Told to bind every address; a worker node (no dashboard); the dashboard switched on or off.
  assert.deepEqual(loopback(head('      command: [ray, start, --head, --dashboard-host=0.0.0.0, --block]\n')), []);
  assert.deepEqual(loopback(head('      command: [ray, start, --address=ray-head:6379, --block]\n')), []);
  assert.deepEqual(loopback(head('      command: [ray, start, --head, --include-dashboard=false, --block]\n')), []);
  // A probe on the dashboard: the fix binds every address, and then the Service is right too.
  const text = pod('      command: [ray, start, --head, --block]\n', 8265, 'rayproject/ray:2.9.0') + service;
  assert.deepEqual(loopback(text).map((f) => f.slice(0, f.indexOf(':'))).sort(), ['port-not-served', 'service-target-port']);
  const { result } = applyFix(text, 'port-not-served', /--dashboard-host=0\.0\.0\.0/);
  assert.match(result, /command: \[ray, start, --head, --block, --dashboard-host=0\.0\.0\.0\]/);
  assert.deepEqual(loopback(result), []);
});
