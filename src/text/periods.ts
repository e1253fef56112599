// Periods of time for comparisons: calendar days (already in the --tz zone when a document's day is
// set), ISO 8601 weeks (Monday to Sunday; the week belongs to the year of its Thursday, so
// 2021-01-03 is in 2020-W53) and calendar months. Keys sort in time order as strings.

export type PeriodUnit = 'day' | 'week' | 'month';

export const PERIOD_UNITS: readonly PeriodUnit[] = ['day', 'week', 'month'];

/** a range of calendar days, both ends included, as YYYY-MM-DD */
export interface DayRange {
  from: string;
  to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** days since 1970-01-01 of a YYYY-MM-DD day, or undefined when it is no real day */
export function dayNumber(day: string): number | undefined {
  const m = DAY.exec(day);
  if (!m) return undefined;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, date);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== date) return undefined;
  return ms / MS_PER_DAY;
}

export function dayOfNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** the ISO week of a day: its year (of the week's Thursday) and number */
function isoWeek(n: number): { year: number; week: number } {
  // 1970-01-01 was a Thursday: weekday 0 = Monday … 6 = Sunday
  const weekday = (((n + 3) % 7) + 7) % 7;
  const thursday = n - weekday + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const firstDay = Date.UTC(year, 0, 1) / MS_PER_DAY;
  return { year, week: Math.floor((thursday - firstDay) / 7) + 1 };
}

/** the Monday of ISO week `week` of `year` */
function mondayOfWeek(year: number, week: number): number {
  // January 4 is always in week 1
  const jan4 = Date.UTC(year, 0, 4) / MS_PER_DAY;
  const weekday = (((jan4 + 3) % 7) + 7) % 7;
  return jan4 - weekday + (week - 1) * 7;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** the period a day falls in: 2020-10-14, 2020-W42 or 2020-10 */
export function periodOf(day: string, unit: PeriodUnit): string {
  if (unit === 'day') return day;
  if (unit === 'month') return day.slice(0, 7);
  const n = dayNumber(day);
  if (n === undefined) throw new RangeError(`"${day}" is not a calendar day`);
  const { year, week } = isoWeek(n);
  return `${year}-W${pad(week)}`;
}

/** the first and last day of a period key (a day, an ISO week or a month), or undefined */
export function daysOfPeriod(key: string): DayRange | undefined {
  if (DAY.test(key)) return dayNumber(key) === undefined ? undefined : { from: key, to: key };
  let m = WEEK.exec(key);
  if (m) {
    const [year, week] = [Number(m[1]), Number(m[2])];
    if (week < 1) return undefined;
    const monday = mondayOfWeek(year, week);
    // week 53 exists only in years whose last week holds a Thursday of that year
    if (isoWeek(monday).year !== year) return undefined;
    return { from: dayOfNumber(monday), to: dayOfNumber(monday + 6) };
  }
  m = MONTH.exec(key);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12) return undefined;
    const first = Date.UTC(year, month - 1, 1) / MS_PER_DAY;
    const last = Date.UTC(year, month, 1) / MS_PER_DAY - 1;
    return { from: dayOfNumber(first), to: dayOfNumber(last) };
  }
  return undefined;
}

/**
 * A period or a range as written on the command line: a day (2020-10-14), an ISO week (2020-W42), a
 * month (2020-10), or two of these joined by `..` (2020-10-01..2020-10-15: from the first day of the
 * one to the last day of the other). Undefined when it is none of these or runs backwards.
 */
export function parseDayRange(spec: string): DayRange | undefined {
  const parts = spec.trim().split('..');
  if (parts.length > 2) return undefined;
  const first = daysOfPeriod(parts[0]!.trim());
  const last = parts.length === 2 ? daysOfPeriod(parts[1]!.trim()) : first;
  if (!first || !last || first.from > last.to) return undefined;
  return { from: first.from, to: last.to };
}

export function inRange(day: string, range: DayRange): boolean {
  return day >= range.from && day <= range.to;
}
