// Fixed UTC offsets for calendar days. The outlets this tool was built for publish in UTC+8, which
// has no daylight saving time; a fixed offset keeps a day's bounds the same all year.

/** '+08:00', '+8', 'UTC+8', 'UTC+05:30', '-0500', 'UTC', 'Z' → minutes east of UTC; undefined if not an offset */
export function parseOffset(text: string): number | undefined {
  const s = text.trim().toUpperCase();
  if (s === 'Z' || s === 'UTC' || s === 'GMT') return 0;
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(s);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** 480 → '+08:00' */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
