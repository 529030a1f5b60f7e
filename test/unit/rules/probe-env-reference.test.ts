/** undefined-env-reference: `$(VAR)` in an exec probe where VAR comes from valueFrom expands to nothing. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, yaml } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';

const pod = (probe: string, env = '[{name: REDIS_PASSWORD, valueFrom: {secretKeyRef: {name: redis, key: password}}}]'): string => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers:
    - name: redis
      image: redis:7
      env: ${env}
      livenessProbe:
        exec:
          command: ${probe}
`;
const found = (text: string) => findings(text, 'undefined-env-reference');

test('undefined-env-reference: a valueFrom variable in an exec probe becomes an empty string (sweep CP)', () => {
  const text = pod('[sh, -c, "redis-cli -a $(REDIS_PASSWORD) ping"]');
  const [f] = found(text);
  assert.ok(f);
  assert.equal(f.text, '$(REDIS_PASSWORD)');
  assert.match(f.message, /becomes an empty string/);
  const { result } = applyFix(text, 'undefined-env-reference', /Replace/);
  assert.match(result, /redis-cli -a \$\{REDIS_PASSWORD\} ping/);
  // Without a shell: reported, no fix (only a shell reads the environment).
  assert.equal(found(pod('[redis-cli, -a, "$(REDIS_PASSWORD)", ping]')).length, 1);
});

test('undefined-env-reference: silent for literal values, shell variables and other fields', () => {
  assert.equal(found(pod('[sh, -c, "redis-cli -a $(REDIS_PASSWORD) ping"]', '[{name: REDIS_PASSWORD, value: secret}]')).length, 0);
  assert.equal(found(pod('[sh, -c, "redis-cli -a $REDIS_PASSWORD ping"]')).length, 0);
  assert.equal(found(pod('[sh, -c, "redis-cli ping"]')).length, 0);
});

const hooked = (hook: string, env = '[{name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}, {name: GREETING, value: hi}]'): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: example/app:1\n      env: ${env}\n      lifecycle:\n        preStop:\n          exec:\n            command: ${hook}\n`;

test('undefined-env-reference: the kubelet expands nothing in a lifecycle hook (sweep DI); the fix writes ${VAR} for the shell', () => {
  const [shell, ...more] = found(hooked('[sh, -c, "echo $(GREETING) > /tmp/bye"]'));
  assert.deepEqual(more, []);
  assert.match(shell?.message ?? '', /does not expand \$\(GREETING\) in lifecycle\.preStop .*runs a program named GREETING/);
  applyFix(hooked('[sh, -c, "echo $(GREETING) > /tmp/bye"]'), 'undefined-env-reference', /\$\{GREETING\}/, hooked('[sh, -c, "echo ${GREETING} > /tmp/bye"]'));
  const [plain] = found(hooked('[/bin/register, "--name=$(POD_NAME)"]'));
  assert.match(plain?.message ?? '', /the program gets the text "\$\(POD_NAME\)".*write \$\{POD_NAME\}/);
  // A command substitution of a name the env does not define is the shell's own.
  assert.deepEqual(found(hooked('[sh, -c, "echo $(date) > /tmp/bye"]')), []);
});

test('undefined-env-reference: pg_isready and mysqladmin ping answer whatever the user, so an empty one changes nothing (sweep DL)', () => {
  const env = '[{name: POSTGRES_USER, valueFrom: {configMapKeyRef: {name: db, key: user}}}]';
  assert.deepEqual(found(pod('[pg_isready, -U, $(POSTGRES_USER), -h, 127.0.0.1]', env)), []);
  assert.deepEqual(found(pod('[sh, -c, "pg_isready -U \\"$(POSTGRES_USER)\\" -h 127.0.0.1"]', env)), []);
  assert.deepEqual(found(pod('[mysqladmin, ping, -u, $(POSTGRES_USER)]', env)), []);
  // Unquoted in a shell the empty word vanishes and -U takes the next flag; psql does need the user.
  assert.equal(found(pod('[sh, -c, "pg_isready -U $(POSTGRES_USER) -h 127.0.0.1"]', env)).length, 1);
  assert.equal(found(pod('[psql, -U, $(POSTGRES_USER), -c, "select 1"]', env)).length, 1);
});

test('undefined-env-reference: mariadb-admin ping answers whatever the user too; bash -ec and /usr/local/bin/bash are shells (probe DN)', () => {
  const env = '[{name: DB_USER, valueFrom: {secretKeyRef: {name: db, key: user}}}]';
  assert.deepEqual(found(pod('[mariadb-admin, ping, -u, $(DB_USER)]', env)), []);
  assert.deepEqual(found(pod('[bash, -ec, "mariadb-admin ping -u \\"$(DB_USER)\\""]', env)), []);
  // The shell reads the environment: each of these gets the ${VAR} fix.
  for (const shell of ['bash, -ec', '/usr/local/bin/bash, -c', 'bash, --login, -c', 'sh, -o, pipefail, -c']) {
    const text = pod(`[${shell}, "redis-cli -a $(REDIS_PASSWORD) ping"]`);
    const { result } = applyFix(text, 'undefined-env-reference', /Replace/);
    assert.match(result, /redis-cli -a \$\{REDIS_PASSWORD\} ping/, shell);
  }
});

test('undefined-env-reference: inside single quotes the shell expands nothing, so the fix writes "${VAR}" outside them (probe DN)', () => {
  const env = '[{name: DB_USER, valueFrom: {secretKeyRef: {name: db, key: user}}}]';
  // An empty single-quoted user stays an argument: pg_isready answers anyway.
  assert.deepEqual(found(pod(`[sh, -c, "pg_isready -U '$(DB_USER)'"]`, env)), []);
  const whole = pod(`[sh, -c, "redis-cli -a '$(REDIS_PASSWORD)' ping"]`);
  const [f] = found(whole);
  assert.match(f?.message ?? '', /outside the single quotes/);
  applyFix(whole, 'undefined-env-reference', /Replace/, pod(`[sh, -c, "redis-cli -a \\"\${REDIS_PASSWORD}\\" ping"]`));
  // Inside a longer single-quoted text the quotes close around the variable, written as the YAML scalar needs them.
  applyFix(pod(`[sh, -c, "redis-cli -a 'p=$(REDIS_PASSWORD)' ping"]`), 'undefined-env-reference', /Replace/, pod(`[sh, -c, "redis-cli -a 'p='\\"\${REDIS_PASSWORD}\\"'' ping"]`));
  applyFix(pod(`[sh, -c, 'redis-cli -a ''$(REDIS_PASSWORD)'' ping']`), 'undefined-env-reference', /Replace/, pod(`[sh, -c, 'redis-cli -a "\${REDIS_PASSWORD}" ping']`));
  const hook = hooked(`[sh, -c, "echo '$(GREETING)' > /tmp/bye"]`);
  const [h] = found(hook);
  assert.match(h?.message ?? '', /inside single quotes the shell does not either: the program gets the text "\$\(GREETING\)"/);
  applyFix(hook, 'undefined-env-reference', /Replace/, hooked(`[sh, -c, "echo \\"\${GREETING}\\" > /tmp/bye"]`));
});

test('undefined-env-reference: PowerShell reads $(VAR) as a subexpression; the fix writes $env:VAR (probe DN)', () => {
  const hook = hooked('[pwsh, -Command, "Write-Output $(GREETING) > C:\\\\bye.txt"]');
  const [h] = found(hook);
  assert.match(h?.message ?? '', /PowerShell reads \$\(GREETING\) as a subexpression.*Write \$env:GREETING/);
  const { result } = applyFix(hook, 'undefined-env-reference', /Replace/);
  assert.match(result, /Write-Output \$env:GREETING >/);
});
