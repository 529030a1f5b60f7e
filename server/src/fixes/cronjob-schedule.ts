/**
 * invalid-value, a time zone in a CronJob's schedule (rules/cronjob-schedule.ts): move it to
 * `timeZone`. The CronJob then runs at the same times, in the same zone (preferred).
 */
import { getMap, getScalar } from '../core/yaml-access';
import { cronError } from '../k8s/cron';
import { fact, isAt } from './find';
import type { Fix, FixContext } from './types';
import { addPair, replaceScalar } from './yaml-edit';

export function scheduleTimeZoneFixes(ctx: FixContext): Fix[] {
  const zone = fact(ctx, 'zone');
  const rest = fact(ctx, 'rest');
  if (typeof zone !== 'string' || typeof rest !== 'string') return [];
  for (const { object, doc } of ctx.chunk.analysis.objects) {
    const spec = getMap(object.node, 'spec', doc);
    const schedule = getScalar(spec, 'schedule', doc);
    if (!spec || !schedule || !isAt(ctx, schedule)) continue;
    const edits = [replaceScalar(ctx.chunk.start, schedule, rest), addPair(ctx.analysis.text, ctx.chunk.start, spec, 'timeZone', zone)];
    // Preferred only when what is left is a schedule the server reads (`CRON_TZ=… 0 30 2 * * *` is not).
    return [{ title: ctx.t('fix.schedule-time-zone', { zone }), edits, preferred: cronError(rest) === undefined }];
  }
  return [];
}

/** invalid-value, a Quartz-style schedule with seconds: the same times in five fields (preferred). */
export function scheduleSyntaxFixes(ctx: FixContext): Fix[] {
  const five = fact(ctx, 'five');
  if (typeof five !== 'string') return [];
  for (const { object, doc } of ctx.chunk.analysis.objects) {
    const schedule = getScalar(getMap(object.node, 'spec', doc), 'schedule', doc);
    if (!schedule || !isAt(ctx, schedule)) continue;
    return [{ title: ctx.t('fix.schedule-five-fields', { five }), edits: [replaceScalar(ctx.chunk.start, schedule, five)], preferred: true }];
  }
  return [];
}
