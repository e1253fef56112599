// The one order of strings for every output: by UTF-16 code unit, independent of locale, so sorted
// tables are the same on every machine.
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
