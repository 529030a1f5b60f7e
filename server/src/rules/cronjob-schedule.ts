/**
 * Part of invalid-value: a CronJob's schedule may not carry its time zone
 * (`CRON_TZ=Asia/Tokyo 0 9 * * *`, as robfig/cron reads it): since Kubernetes 1.25 the API server
 * refuses new objects with it ("cannot use TZ or CRON_TZ in schedule, use timeZone field
 * instead"; pkg/apis/batch/validation). The `timeZone` field says the same thing.
 */
import { getMap, getScalar } from '../core/yaml-access';
import { isUnknownValue } from '../core/unknown-values';
import type { RuleContext } from './types';

/** `CRON_TZ=zone rest` or `TZ=zone rest`: the zone and the schedule without it. */
export function timeZoneInSchedule(schedule: string): { zone: string; rest: string } | undefined {
  const m = /^\s*(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(schedule);
  return m ? { zone: m[1] as string, rest: (m[2] as string).trim() } : undefined;
}

export function checkCronJobSchedule(ctx: RuleContext): void {
  if (ctx.chunk.masked) return;
  for (const { object, doc } of ctx.objects) {
    if (object.kind !== 'CronJob' || !object.apiVersion?.startsWith('batch/')) continue;
    const spec = getMap(object.node, 'spec', doc);
    const schedule = getScalar(spec, 'schedule', doc);
    if (!schedule || typeof schedule.value !== 'string' || isUnknownValue(schedule) || !schedule.value.includes('TZ')) continue;
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
