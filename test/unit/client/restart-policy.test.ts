import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RestartPolicy } from '../../../client/src/restart-policy';

test('restart policy: restarts a crashed server and tells the user once', () => {
  const messages: string[] = [];
  let now = 0;
  const policy = new RestartPolicy({ notify: (m) => messages.push(m), maxRestarts: 3, windowMs: 60_000, now: () => now });
  assert.equal(policy.error(), 'continue');
  for (let i = 0; i < 3; i++) {
    now += 1000;
    assert.deepEqual(policy.closed(), { restart: true });
  }
  assert.equal(messages.length, 1);
  assert.match(messages[0] ?? '', /restarted/);
  now += 1000;
  const fourth = policy.closed();
  assert.equal(fourth.restart, false);
  assert.equal(messages.length, 1, 'told once only');
});

test('restart policy: crashes far apart keep being restarted', () => {
  let now = 0;
  const policy = new RestartPolicy({ notify: () => undefined, maxRestarts: 2, windowMs: 60_000, now: () => now });
  for (let i = 0; i < 10; i++) {
    now += 120_000;
    assert.deepEqual(policy.closed(), { restart: true });
  }
});

test('restart policy: gives up after too many crashes and says so once', () => {
  const messages: string[] = [];
  const policy = new RestartPolicy({ notify: (m) => messages.push(m), maxRestarts: 0, now: () => 0 });
  const decision = policy.closed();
  assert.equal(decision.restart, false);
  assert.deepEqual(messages, [decision.restart ? '' : decision.message]);
  policy.closed();
  assert.equal(messages.length, 1);
});
