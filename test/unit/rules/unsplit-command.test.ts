/** unsplit-command: a command whose first item is a whole command line runs no program. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, yaml } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

const pod = (container: string, podExtra = ''): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    ${podExtra || '# pod'}
    containers:
    - name: app
      image: python:3.12
      ${container}
`;
const count = (text: string): number => findings(text, 'unsplit-command').length;
/** The same pod with the container's part written in block style (several lines). */
const blockPod = (lines: string[]): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: python:3.12\n${lines.map((l) => `    ${l}`).join('\n')}\n`;

test('unsplit-command: a container command, an exec probe and a hook whose first item is a whole line', () => {
  const [f] = findings(pod('command: ["python app.py"]'), 'unsplit-command');
  assert.ok(f);
  assert.equal(f.text, '"python app.py"');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /executable file not found in \$PATH/);
  assert.match(findings(pod('readinessProbe: {exec: {command: ["pg_isready -U app -d app"]}}'), 'unsplit-command')[0]?.message ?? '', /readinessProbe\.exec\.command .*never passes: the pod never becomes Ready/);
  // containerd and CRI-O report an error, whose result the kubelet throws away: a liveness probe restarts nothing.
  assert.match(findings(pod('livenessProbe: {exec: {command: ["pg_isready -U app"]}}'), 'unsplit-command')[0]?.message ?? '', /restarts nothing/);
  // A name with a slash is taken as a path, not looked up.
  assert.match(findings(pod('command: ["/bin/sh -c", "echo hi"]'), 'unsplit-command')[0]?.message ?? '', /stat \/bin\/sh -c: no such file or directory/);
  assert.match(findings(pod('lifecycle: {preStop: {exec: {command: ["nginx -s quit"]}}}'), 'unsplit-command')[0]?.message ?? '', /lifecycle\.preStop\.exec\.command .*hook always fails/);
  // Block style, and a shell line after `sh -c` is no program name either.
  assert.equal(count(blockPod(['command:', '  - sh -c', '  - echo hi'])), 1);
});

test('unsplit-command: silent for word lists, later items, templates, paths with spaces and Windows', () => {
  assert.equal(count(pod('command: [python, app.py]')), 0);
  assert.equal(count(pod('command: [sh, -c, "python app.py && sleep 1"]')), 0);
  assert.equal(count(pod('args: ["my app", "--title=my app"]')), 0);
  assert.equal(count(pod('command: ["{{ .Values.cmd }}"]')), 0);
  assert.equal(count(pod('command: ["${START} now"]')), 0);
  assert.equal(count(pod('command: ["/opt/My App/bin/run.sh"]')), 0);
  assert.equal(count(pod('command: ["/usr/local/bin/run --config /etc/app.yaml"]')), 1);
  assert.equal(count(pod('command: ["powershell -Command Start-Sleep 10"]', 'nodeSelector: {kubernetes.io/os: windows}')), 0);
  // KubeRay joins command and args into one shell line (a real sample writes `command: ["echo 123"]`).
  const ray = `apiVersion: ray.io/v1\nkind: RayCluster\nmetadata: {name: r}\nspec:\n  headGroupSpec:\n    rayStartParams: {}\n    template:\n      spec:\n        containers:\n        - name: ray-head\n          image: rayproject/ray:2.52.0\n          command: ["echo 123"]\n`;
  assert.equal(count(ray), 0);
});

test('unsplit-command fixes: the words (preferred), or a shell when the line needs one', () => {
  const { result } = applyFix(pod('command: ["python app.py", --port, 8000]'), 'unsplit-command', /Write the command as words/);
  assert.match(result, /command: \[python, app\.py, --port, "8000"\]/);
  const block = applyFix(blockPod(['livenessProbe:', '  exec:', '    command:', '      - pg_isready -U app']), 'unsplit-command', /as words/).result;
  assert.match(block, /command:\n {10}\[pg_isready, -U, app\]/);
  // Quotes, variables, pipes: only a shell reads them.
  const shell = pod('command: ["echo hi | tee /tmp/x"]');
  const { fixes } = fixesOf(shell, 'unsplit-command');
  assert.deepEqual(fixes.filter((f) => f.preferred).map((f) => f.title), ['Run the line through a shell: [sh, -c, "echo hi | tee /tmp/x"]']);
  assert.match(applyFix(shell, 'unsplit-command', /through a shell/).result, /command: \[sh, -c, "echo hi \| tee \/tmp\/x"\]/);
});

test('unsplit-command: probe CL — block lists keep their line break, scripts and builtins go to a shell, paths with spaces', () => {
  // A block list followed by another key: the words replace the list, the next key stays on its line.
  const block = blockPod(['command:', '  - python app.py', '  - --port', 'ports: [{containerPort: 80}]']);
  const fixed = applyFix(block, 'unsplit-command', /as words/).result;
  assert.match(fixed, /command:\n {6}\[python, app\.py, --port\]\n {4}ports:/);
  // A `VAR=value` prefix, a builtin, a second line: only a shell runs them as meant.
  for (const line of ['FOO=bar python app.py', 'exec python app.py', 'echo hi\\nsleep 3600']) {
    const { fixes } = fixesOf(pod(`command: ["${line}"]`), 'unsplit-command');
    assert.deepEqual(fixes.filter((f) => f.preferred).map((f) => f.title.slice(0, 28)), ['Run the line through a shell'], line);
    assert.match(findings(pod(`command: ["${line}"]`), 'unsplit-command')[0]?.message ?? '', /needs a shell/);
  }
  // With args, a shell would take them as $0, $1: no shell fix.
  assert.deepEqual(fixesOf(pod('command: ["sh -c"]\n      args: ["echo hi"]'), 'unsplit-command').fixes.filter((f) => /through a shell/.test(f.title)), []);
  // Paths that may hold a space; `$(VAR)` the kubelet expands first.
  for (const path of ['/opt/My App/run.sh --port 80', '/data/Run Me.sh', './run me.sh', 'python $(APP)']) assert.equal(count(pod(`command: ["${path}"]`)), 0, path);
});

test('unsplit-command: items after a sh -c script that read like commands never run (sweep DF)', () => {
  const [f] = findings(pod('command: [sh, -c, "echo start", "sysctl -w net.ipv4.ip_forward=1"]'), 'unsplit-command');
  assert.ok(f);
  assert.equal(f.text, '"sysctl -w net.ipv4.ip_forward=1"');
  assert.match(f.message, /sh runs only the script: what follows becomes its \$0, \$1…, which the script never reads, so "sysctl -w net\.ipv4\.ip_forward=1" never runs/);
  // Split between command and args, in a probe, in block style.
  assert.equal(count(pod('command: [/bin/bash, -c]\n      args: ["echo a", "sleep 3600"]')), 1);
  assert.equal(count(pod('livenessProbe: {exec: {command: [sh, -c, "test -f /tmp/ok", "cat /tmp/ok"]}}')), 1);
  assert.equal(count(blockPod(['command:', '  - /bin/sh', '  - -ec', '  - |', '    echo one', '  - echo two'])), 1);
  // Deliberate arguments: a script that reads them, a single word as $0, no shell.
  assert.equal(count(pod('command: [sh, -c, "exec \\"$0\\" \\"$@\\"", "my app", --flag]')), 0);
  assert.equal(count(pod('command: [sh, -c, "echo $1", _, "hello world"]')), 0);
  assert.equal(count(pod('command: [sh, -c, "echo hi", bash]')), 0);
  assert.equal(count(pod('command: [python, -c, "print(1)", "a b"]')), 0);
  assert.equal(count(pod('args: [-c, "echo a", "echo b"]')), 0);
  // `--` ends the shell's options: the script is the item after it (KubeRay's samples).
  assert.equal(count(pod('command: [/bin/bash, -c, --]\n      args: ["while true; do sleep 30; done;"]')), 0);
  assert.equal(count(pod('command: [/bin/sh, -c, --, "echo a", "echo b"]')), 1);
  // `$5` inside single quotes is awk's, not the script's: the real WireGuard init container.
  assert.equal(count(pod(`command: [sh, -c, "ENI=$(ip route | awk '{print $5}'); echo $ENI", "sysctl -w net.ipv4.ip_forward=1"]`)), 1);
});

test('unsplit-command: a script read as the shell reads it decides whether it reads its arguments (sweep DI)', () => {
  const dead = (command: string): number => count(pod(`command: ${command}`));
  // Apostrophes in comments, in double quotes and in here-documents are no quotes around $1.
  assert.equal(dead(`[sh, -c, "# the app's entry\\nexec $1 # it's here", "python app.py"]`), 0);
  assert.equal(dead(`[sh, -c, "echo \\"Today's run: $1\\"; awk '{print}' /f", "python app.py"]`), 0);
  assert.equal(dead(`[sh, -c, "cat <<EOF\\nit's\\nEOF\\nexec \\"$1\\"\\ncat <<EOF\\ndon't\\nEOF", "python app.py"]`), 0);
  // A loop over the arguments, a sourced script, a placeholder script.
  assert.equal(dead('[sh, -c, "for a; do echo $a; done", "one two", "three four"]'), 0);
  assert.equal(dead('[sh, -c, ". /opt/app/entry.sh", "python app.py"]'), 0);
  assert.equal(dead('[sh, -c, "$(SCRIPT)", "python app.py"]'), 0);
  // Options after -c come before the script; -o takes a value.
  assert.equal(dead('[bash, -c, -x, "set -o pipefail; ./run.sh | tee /log/out"]'), 0);
  assert.equal(dead('[bash, -c, -x, "echo a", "echo b"]'), 1);
  assert.equal(dead('[sh, -e, -o, pipefail, -c, "echo a", "echo b"]'), 1);
  assert.equal(dead('[sh, -e, "echo a", "echo b"]'), 0);
});

test('unsplit-command: probe DG — the item named is the one that never runs; wrappers before the shell', () => {
  const [f] = findings(pod('command: [bash, -c, -x, "echo a", "echo b"]'), 'unsplit-command');
  assert.match(f?.message ?? '', /Container "app": command runs bash -c, and after the script comes "echo b"/);
  assert.match(findings(pod('command: [/bin/sh, -c]\n      args: ["echo a", "echo b"]'), 'unsplit-command')[0]?.message ?? '', /command \+ args runs \/bin\/sh -c/);
  for (const wrapper of ['tini, --', 'dumb-init', 'env', '/bin/busybox']) assert.equal(count(pod(`command: [${wrapper}, sh, -c, "echo a", "echo b"]`)), 1, wrapper);
});

test('unsplit-command: a shell operator as an item after the script (sweep DL): the command after it never runs', () => {
  const [f] = findings(pod('command: [sh, -c, "php artisan migrate --force", "&&", php-fpm]'), 'unsplit-command');
  assert.equal(f?.text, 'php-fpm');
  // A trailing operator leaves nothing unrun: it only becomes the script's $0 (probe DN).
  assert.equal(count(pod('command: [sh, -c, "exec php-fpm", "&&"]')), 0);
  assert.equal(count(pod('command: [sh, -c, "exec php-fpm", ";"]')), 0);
});

test('unsplit-command: shells by any path and with long options (probe DN)', () => {
  for (const shell of ['/usr/local/bin/bash, -c', 'bash, --login, -c', 'bash, --rcfile, /etc/rc, -c', 'bash, -ec']) {
    assert.equal(count(pod(`command: [${shell}, "echo a", "echo b"]`)), 1, shell);
  }
});

test('a long flag and its value in one item is one unknown flag to the program (sweep DS: a Cloud SQL proxy)', () => {
  const proxy = (args: string, image = 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.0.0'): string => blockPod([`image: ${image}`, 'args:', ...args.split('\n').map((a) => `- ${a}`)]).replace('    image: python:3.12\n', '');
  const text = proxy('"--health-check"\n"--http-address 0.0.0.0"\n"--structured-logs"');
  const [found, ...rest] = findings(text, 'unsplit-command');
  assert.equal(rest.length, 0);
  assert.equal(found?.text, '"--http-address 0.0.0.0"');
  // Read by the image's entrypoint, which may be a script that splits it: information.
  assert.equal(found?.severity, 'information');
  assert.match(found?.message ?? '', /a flag named "http-address 0\.0\.0\.0".*Write "--http-address=0\.0\.0\.0"/);
  applyFix(text, 'unsplit-command', /Write the flag with its value: --http-address=0\.0\.0\.0/, text.replace('"--http-address 0.0.0.0"', '"--http-address=0.0.0.0"'));
  assert.equal(fixesOf(text, 'unsplit-command').fixes[0]?.preferred, true);
  // In `command` after the program too: a warning, the program reads it itself.
  assert.equal(findings(blockPod(['command: [/app/server, "--port 8080"]']), 'unsplit-command')[0]?.severity, 'warning');
  // Split after all (probe DU): a shell or a script behind a wrapper, programs that hand their
  // words to a shell, Envoy (TCLAP splits at the space), Keycloak's kc.sh, items after `--`.
  for (const command of [
    'command: [dumb-init, /bin/sh, -c, "exec myprog $@", --, "--port 1"]',
    'command: [tini, -g, --, bash, -c, "exec myprog $@", x, "--port 1"]',
    'command: [nice, -n, "10", bash, /entry.sh, "--port 1"]',
    'command: [/sbin/tini, --, /docker-entrypoint.sh]\n    args: ["--port 1"]',
    'command: [watch, -n, "5", myprog, "--port 1"]',
    'command: [envoy, "--config-path /etc/envoy/envoy.yaml"]',
    'command: [/opt/keycloak/bin/kc.sh, start, "--hostname kc.example.com"]',
    'command: [npm, start, --, "--port 1"]',
  ]) assert.equal(count(blockPod([command])), 0, command);
  assert.equal(count(proxy('"--config-path /etc/envoy/envoy.yaml"', 'envoyproxy/envoy:v1.31-latest')), 0);
  assert.equal(count(proxy('start\n"--hostname kc.example.com"', 'quay.io/keycloak/keycloak:26.0')), 0);
  // Left alone: redis reads its arguments as configuration lines; a shell runs a script; the value
  // of a flag that takes a command line; `--flag=value` with spaces in the value; templates.
  assert.equal(count(proxy('"--loglevel warning"', 'redis:7')), 0);
  assert.equal(count(blockPod(['command: [redis-server, "--save 60 1"]'])), 0);
  assert.equal(count(blockPod(['command: [sh, /run.sh, "--port 8080"]'])), 0);
  assert.equal(count(proxy('"--extra-args"\n"--v 2"')), 0);
  assert.equal(count(proxy('"--message=hello world"')), 0);
  assert.equal(count(proxy('"--port {{ .Values.port }}"')), 0);
});

test('unsplit-command: a program\'s words split off the sh -c script, a flag among them (sweep EH: a kompose celery worker)', () => {
  const found = findings(pod('command: ["sh", "-c", "celery", "-A", "app", "worker", "-l", "info"]'), 'unsplit-command');
  assert.deepEqual(found.map((f) => f.text), ['"-A"']);
  assert.match(found[0]!.message, /runs sh -c with the script "celery", and the items after it \(-A app worker -l info\) become its \$0, \$1…, which the script never reads: "celery" runs without them\. Write them into the script, one item: "celery -A app worker -l info"\./);
  // One word is often a deliberate $0; a script that reads its arguments is fine; words without a flag may be data.
  assert.equal(count(pod('command: ["sh", "-c", "echo hi", "sh"]')), 0);
  assert.equal(count(pod('command: ["sh", "-c", "exec \\"$0\\" \\"$@\\"", "celery", "-A", "app"]')), 0);
  assert.equal(count(pod('command: ["sh", "-c", "echo hi", "x", "y"]')), 0);
});

test('unsplit-command: a here-document reads $1; the suggested item leaves a conventional $0 out (probe EK)', () => {
  assert.equal(count(pod('command: [bash, -c, "cat > /tmp/cfg <<EOF\\nuser=$1\\nEOF\\nexec app --config /tmp/cfg", bash, --user, admin]')), 0);
  const [f] = findings(pod('command: [sh, -c, "exec app", sh, --port, "8080"]'), 'unsplit-command');
  assert.match(f?.message ?? '', /one item: "exec app --port 8080"\./);
});
