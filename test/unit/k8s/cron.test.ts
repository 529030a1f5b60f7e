/** CronJob schedules as the API server's cron parser (robfig/cron v3 ParseStandard) reads them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cronError, withoutSeconds } from '../../../server/src/k8s/cron';
import { findings } from '../../helpers/check';
import { applyFix } from '../../helpers/fix';

test('cronError: schedules the parser takes', () => {
  for (const ok of ['* * * * *', '*/5 * * * *', '0 0 * * 0', '0 9-17 * * MON-FRI', '15,45 */2 1 jan,JUL sun', '0 0 ? * *', '5/15 * * * *', '@daily', '@hourly', '@every 1h30m', '0 0 1 1 *', '  0   3 * * *  ', '+5 * * * *']) {
    assert.equal(cronError(ok), undefined, ok);
  }
});

test('cronError: robfig\'s own reasons', () => {
  assert.equal(cronError('61 * * * *'), 'end of range (61) above maximum (59): 61');
  assert.equal(cronError('0 0 * * 7'), 'end of range (7) above maximum (6): 7');
  assert.equal(cronError('0 0 0 * *'), 'beginning of range (0) below minimum (1): 0');
  assert.equal(cronError('every day'), 'expected exactly 5 fields, found 2: [every day]');
  assert.equal(cronError('0 0 12 * * ?'), 'expected exactly 5 fields, found 6: [0 0 12 * * ?]');
  assert.equal(cronError('0 0 L * *'), 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax');
  assert.equal(cronError('10-5 * * * *'), 'beginning of range (10) beyond end of range (5): 10-5');
  assert.equal(cronError('*/0 * * * *'), 'step of range should be a positive number: */0');
  assert.equal(cronError('1-2-3 * * * *'), 'too many hyphens: 1-2-3');
  assert.equal(cronError('@fortnightly'), 'unrecognized descriptor: @fortnightly');
  assert.match(cronError('@every day') ?? '', /^failed to parse duration @every day/);
  assert.equal(cronError(''), 'empty spec string');
  // Probe BQ: Go's strings.Fields splits on a no-break space too; `@every` takes no extra space; names are names.
  assert.equal(cronError('0\u00a03 * * *'), undefined);
  assert.match(cronError('@every  1h') ?? '', /^failed to parse duration/);
  assert.match(cronError('@every 30m ') ?? '', /^failed to parse duration/);
  assert.match(cronError('0 0 * constructor *') ?? '', /^failed to parse int from constructor/);
});

test('withoutSeconds: a Quartz schedule with a seconds field of 0 (and a year of *) in five fields', () => {
  assert.equal(withoutSeconds('0 0 12 * * ?'), '0 12 * * *');
  assert.equal(withoutSeconds('0 */5 * * * *'), '*/5 * * * *');
  assert.equal(withoutSeconds('0 30 2 * * ? *'), '30 2 * * *');
  assert.equal(withoutSeconds('30 */5 * * * *'), undefined, 'second 30 cannot be kept');
  assert.equal(withoutSeconds('0 30 2 * * ? 2027'), undefined, 'a year cannot be kept');
  assert.equal(withoutSeconds('0 0 12 ? * 2'), undefined, 'Quartz\'s 2 is Monday, cron\'s Tuesday');
  assert.equal(withoutSeconds('0 0 12 ? * MON-FRI'), '0 12 * * MON-FRI');
});

const cronJob = (schedule: string): string =>
  `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: backup}\nspec:\n  schedule: ${schedule}\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: b, image: busybox:1.36}]\n`;

test('invalid-value: a schedule the API server refuses; Quartz seconds fixed; placeholders left alone', () => {
  const [finding] = findings(cronJob('"0 0 * * 7"'), 'invalid-value');
  assert.equal(finding?.severity, 'error');
  assert.match(finding?.message ?? '', /spec\.schedule: Invalid value: "0 0 \* \* 7": end of range \(7\) above maximum \(6\): 7/);
  applyFix(cronJob('"0 */5 * * * *"'), 'invalid-value', /Write the schedule in five fields: \*\/5 \* \* \* \*/, cronJob('"*/5 * * * *"'));
  for (const placeholder of ['"${SCHEDULE}"', '"{{ .Values.schedule }}"', '"@SCHEDULE@"', '"templated-__SCHEDULE__"']) {
    assert.deepEqual(findings(cronJob(placeholder), 'invalid-value'), [], placeholder);
  }
  assert.deepEqual(findings(cronJob('"@every 15m"'), 'invalid-value'), []);
});
