/**
 * Part of invalid-value: a CronJob's schedule may not carry its time zone
 * (`CRON_TZ=Asia/Tokyo 0 9 * * *`, as robfig/cron reads it): since Kubernetes 1.25 the API server
 * refuses new objects with it ("cannot use TZ or CRON_TZ in schedule, use timeZone field
 * instead"; pkg/apis/batch/validation). The `timeZone` field says the same thing. And a schedule
 * the server's cron parser refuses (k8s/cron.ts): `61 * * * *`, a Quartz-style `0 0 12 * * ?`.
 */
import { getMap, getScalar } from '../core/yaml-access';
import { isUnknownValue } from '../core/unknown-values';
import type { Scalar } from 'yaml';
import { cronError, withoutSeconds } from '../k8s/cron';
import type { RuleContext } from './types';
import { mayInsert } from '../core/parse';

/** `CRON_TZ=zone rest` or `TZ=zone rest`: the zone and the schedule without it. */
export function timeZoneInSchedule(schedule: string): { zone: string; rest: string } | undefined {
  const m = /^\s*(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(schedule);
  return m ? { zone: m[1] as string, rest: (m[2] as string).trim() } : undefined;
}

/** Something a tool fills in later (`${SCHEDULE}`, `{{ .Values.schedule }}`, `@SCHEDULE@`): not judged. */
const PLACEHOLDER = /\$\{|\{\{|\$\(|<%|@[A-Z_]+@|__[A-Z]/;

/** A schedule robfig/cron's standard parser refuses, with its own reason. */
function checkSyntax(ctx: RuleContext, schedule: Scalar<string>, path: string): void {
  const value = schedule.value;
  // Empty: "Required value", another check's (an empty field is a placeholder's mark as often as not).
  if (value.trim() === '' || PLACEHOLDER.test(value)) return;
  const reason = cronError(value);
  if (!reason) return;
  const five = withoutSeconds(value);
  ctx.report({ node: schedule, message: ctx.t('invalid-value.schedule-syntax', { value, path, reason }), data: { scheduleSyntax: true, ...(five ? { five } : {}) } });
}

export function checkCronJobSchedule(ctx: RuleContext): void {
  if (mayInsert(ctx.chunk)) return;
  for (const { object, doc } of ctx.objects) {
    if (object.kind !== 'CronJob' || !object.apiVersion?.startsWith('batch/')) continue;
    const spec = getMap(object.node, 'spec', doc);
    const schedule = getScalar(spec, 'schedule', doc);
    if (!schedule || typeof schedule.value !== 'string' || isUnknownValue(schedule)) continue;
    if (!schedule.value.includes('TZ')) {
      checkSyntax(ctx, schedule as Scalar<string>, `${object.pathPrefix}spec.schedule`);
      continue;
    }
    const both = getScalar(spec, 'timeZone', doc) !== undefined;
    const split = timeZoneInSchedule(schedule.value);
    const path = `${object.pathPrefix}spec.schedule`;
    ctx.report({
      node: schedule,
      message: ctx.t(both ? 'invalid-value.schedule-tz-both' : 'invalid-value.schedule-tz', { value: schedule.value, path }),
      data: { scheduleTimeZone: true, ...(split && !both ? split : {}) },
    });
  }
}
