import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, yaml } from '../../helpers/check';
import { applyFix, fixesOf } from '../../helpers/fix';

// sweep Z (a Japanese tutorial): the robfig/cron form of a time zone, refused since Kubernetes 1.25.
const cronJob = (schedule: string, extra = ''): string => yaml`
  apiVersion: batch/v1
  kind: CronJob
  metadata: {name: morning}
  spec:
    schedule: ${schedule}
    ${extra}
    jobTemplate:
      spec:
        template:
          spec:
            restartPolicy: OnFailure
            containers: [{name: a, image: busybox:1.36}]
`;

test('invalid-value: CRON_TZ or TZ in a CronJob schedule; the fix moves it to timeZone', () => {
  const text = cronJob('"CRON_TZ=Asia/Tokyo 0 9 * * *"');
  const found = findings(text, 'invalid-value');
  assert.deepEqual(found.map((f) => f.text), ['"CRON_TZ=Asia/Tokyo 0 9 * * *"']);
  assert.match(found[0]?.message ?? '', /"spec\.schedule: Invalid value: "CRON_TZ=Asia\/Tokyo 0 9 \* \* \*": cannot use TZ or CRON_TZ in schedule, use timeZone field instead"/);
  const own = fixesOf(text, 'invalid-value').fixes.filter((f) => !f.title.startsWith('Disable'));
  assert.deepEqual(own.map((f) => [f.title, f.preferred]), [['Move the time zone to timeZone: Asia/Tokyo', true]]);
  const fixed = applyFix(text, 'invalid-value', /Move the time zone/).result;
  assert.match(fixed, /schedule: "0 9 \* \* \*"/);
  assert.match(fixed, /timeZone: Asia\/Tokyo/);
  assert.deepEqual(findings(fixed, 'invalid-value'), []);
  assert.equal(findings(cronJob('"TZ=UTC 0 3 * * *"'), 'invalid-value').length, 1);
  const both = findings(cronJob('"TZ=UTC 0 3 * * *"', 'timeZone: Etc/UTC'), 'invalid-value');
  assert.match(both[0]?.message ?? '', /cannot use both timeZone field and TZ or CRON_TZ in schedule/);
  assert.deepEqual(findings(cronJob('"0 9 * * *"', 'timeZone: Asia/Tokyo'), 'invalid-value'), []);
});
