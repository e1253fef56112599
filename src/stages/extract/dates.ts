// Dates → one instant shown in the analysis time zone. Days are the unit of every time series, so a
// post stamped 23:00Z must land on the next day in UTC+8. Date.parse is not used: it accepts
// 2020-02-30 (rolling it into March) and reads offset-less strings in the machine's own zone.

export type DateResult = { ok: true; date: string; day: string } | { ok: false; reason: string };

// 2022-02-03T23:00:00.000Z, 2020-03-31 00:20:48.000000000 +08:00, 2020-10-14T17:31:24+0800,
// 2020-10-14T17:31, 2020-10-14 (groups: y m d, then optional h mi s fraction, then optional zone)
const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;

/** Whether a string looks like a date at all (so a bad one is reported as invalid, not missing). */
export function looksLikeDate(value: string): boolean {
  return /^\s*\d{4}-\d{1,2}-\d{1,2}/.test(value);
}

/**
 * Reads `value` as an instant. A value without an offset is wall-clock time in the analysis zone
 * (`tzOffsetMinutes` east of UTC). Every field is range-checked.
 */
export function parseDate(value: string, tzOffsetMinutes: number): DateResult {
  const text = value.trim();
  const m = ISO_LIKE.exec(text);
  if (!m) return { ok: false, reason: `"${text}" is not a date in a known form (YYYY-MM-DD[ HH:MM[:SS]][ offset])` };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12) return { ok: false, reason: `"${text}": month ${month} does not exist` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return { ok: false, reason: `"${text}": day ${day} does not exist in ${year}-${pad(month)}` };
  if (hour > 23) return { ok: false, reason: `"${text}": hour ${hour} does not exist` };
  if (minute > 59) return { ok: false, reason: `"${text}": minute ${minute} does not exist` };
  if (second > 59) return { ok: false, reason: `"${text}": second ${second} does not exist` };

  let offset = tzOffsetMinutes;
  const zone = m[8];
  if (zone !== undefined && !/^(Z|z|UTC|GMT)$/.test(zone)) {
    const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    const zh = Number(zm[2]);
    const zmin = zm[3] === undefined ? 0 : Number(zm[3]);
    if (zh > 18 || zmin > 59) return { ok: false, reason: `"${text}": offset ${zone} does not exist` };
    offset = (zm[1] === '-' ? -1 : 1) * (zh * 60 + zmin);
  } else if (zone !== undefined) {
    offset = 0;
  }
  // Fractions of a second are dropped (output has none); the instant is the whole second.
  const utcMs = utcMillis(year, month, day, hour, minute, second) - offset * 60_000;
  return formatInZone(utcMs, tzOffsetMinutes);
}

/** The instant as ISO 8601 with the zone's offset and no milliseconds, plus its calendar day there. */
export function formatInZone(utcMs: number, tzOffsetMinutes: number): { ok: true; date: string; day: string } {
  const local = new Date(utcMs + tzOffsetMinutes * 60_000);
  const day = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const sign = tzOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(tzOffsetMinutes);
  return { ok: true, date: `${day}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`, day };
}

/**
 * A YYYY-MM-DD at the start of the file's base name (the Jekyll naming convention), or undefined.
 * Returned as the raw string so the caller can validate it like any other date.
 */
export function dateInFileName(path: string): string | undefined {
  const base = path.split(/[\\/]/).pop() ?? '';
  const m = /^(\d{4}-\d{2}-\d{2})(?!\d)/.exec(base);
  return m ? m[1] : undefined;
}

function utcMillis(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, 0);
  return t.getTime();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
