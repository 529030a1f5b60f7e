/**
 * A CronJob schedule as the API server reads it: `cron.ParseStandard` of robfig/cron v3
 * (pkg/apis/batch/validation validateScheduleFormat). Five fields (minute, hour, day of month,
 * month, day of week) of `*`, `?`, numbers, names (JAN–DEC, SUN–SAT), ranges `a-b`, steps `/n` and
 * lists `,`; or a descriptor (`@daily`, `@every 1h30m`). The error is robfig's own text, which
 * kubectl prints: "end of range (61) above maximum (59): 61".
 */

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
/** Go's time.ParseDuration: a sequence of decimal numbers with units, e.g. `1h30m`, `1.5h`. */
const GO_DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$|^[-+]?0$/;

/** Go's strconv.Atoi on a cron field: digits with an optional sign, else robfig's "failed to parse int". */
function parseInt10(text: string): number | string {
  if (!/^[+-]?\d+$/.test(text)) return `failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
  const value = Number(text);
  return value < 0 ? `negative number (${value}) not allowed: ${text}` : value;
}

function intOrName(text: string, bounds: Bounds): number | string {
  const names = bounds.names;
  const key = text.toLowerCase();
  return names && Object.hasOwn(names, key) ? (names[key] as number) : parseInt10(text);
}

/** robfig's getRange: undefined when the expression is valid, else its error. */
function rangeError(expr: string, bounds: Bounds): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = (rangeAndStep[0] as string).split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = bounds.min;
    end = bounds.max;
  } else {
    const low = intOrName(lowAndHigh[0] as string, bounds);
    if (typeof low === 'string') return low;
    start = low;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const high = intOrName(lowAndHigh[1] as string, bounds);
      if (typeof high === 'string') return high;
      end = high;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const parsed = parseInt10(rangeAndStep[1] as string);
    if (typeof parsed === 'string') return parsed;
    step = parsed;
    if (lowAndHigh.length === 1) end = bounds.max; // `N/step` means `N-max/step`
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (start < bounds.min) return `beginning of range (${start}) below minimum (${bounds.min}): ${expr}`;
  if (end > bounds.max) return `end of range (${end}) above maximum (${bounds.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return undefined;
}

/** Why the API server refuses the schedule (robfig's message), or undefined when it parses. */
export function cronError(schedule: string): string | undefined {
  if (schedule.length === 0) return 'empty spec string';
  if (schedule.startsWith('@')) {
    if (DESCRIPTORS.has(schedule)) return undefined;
    if (schedule.startsWith('@every ')) {
      // Not trimmed: `@every  1h` and `@every 30m ` are refused (Go's ParseDuration takes no spaces).
      const duration = schedule.slice('@every '.length);
      return GO_DURATION.test(duration) ? undefined : `failed to parse duration ${schedule}: time: invalid duration ${JSON.stringify(duration)}`;
    }
    return `unrecognized descriptor: ${schedule}`;
  }
  // Go's strings.Fields: any Unicode space separates fields (a no-break space too).
  const fields = schedule.split(/\s+/u).filter((f) => f !== '');
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (let i = 0; i < 5; i++) {
    for (const expr of (fields[i] as string).split(',').filter((e) => e !== '')) {
      const error = rangeError(expr, FIELDS[i] as Bounds);
      if (error) return error;
    }
  }
  return undefined;
}

/**
 * The five-field schedule a Quartz-style one means, when that is sure: a seconds field of `0`
 * in front (`0 0 12 * * ?`, `0 0/5 * * * *`), and a year field of `*` or `?` at the end.
 */
export function withoutSeconds(schedule: string): string | undefined {
  const fields = schedule.trim().split(/\s+/);
  if (fields[0] !== '0' || (fields.length !== 6 && fields.length !== 7)) return undefined;
  if (fields.length === 7 && fields[6] !== '*' && fields[6] !== '?') return undefined;
  // Quartz numbers the days of the week 1-7 from Sunday, cron 0-6: only names or `*` carry over.
  if (/\d/.test(fields[5] ?? '')) return undefined;
  const five = fields.slice(1, 6).map((f) => (f === '?' ? '*' : f)).join(' ');
  return cronError(five) === undefined ? five : undefined;
}
