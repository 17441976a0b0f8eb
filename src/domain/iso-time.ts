// Date-times as kyc-graph stores and answers them: the one form `Date#toISOString` writes,
// `YYYY-MM-DDTHH:MM:SS.sssZ` (UTC, years 0000–9999). A string already in that form, with every
// part in range, is its own canonical form: it needs no round trip through a `Date` to be checked,
// normalized or serialized. V8's date parser and `toISOString` cost about 1.5 µs per value, and a
// status page or a webhook body has a dozen of them (issue 18). Anything else takes the slow,
// general path of the caller, so results are identical either way.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The decimal number written by `n` digits of `s` from `from`, or -1 if one is not a digit. */
function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Days from 1970-01-01 to the proleptic Gregorian date `y`-`m`-`d` (`m` 1–12), as `Date.UTC` counts
 * them (H. Hinnant's days_from_civil: arithmetic only; `Date.UTC` is a call into the runtime, half
 * of this parser's time).
 */
function daysFromCivil(y: number, m: number, d: number): number {
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/**
 * The UTC milliseconds of `s` when it is in `toISOString`'s form with every part in range
 * (month 01–12, a day of that month, hour 00–23, minute and second 00–59); NaN otherwise.
 */
export function canonicalIsoMs(s: string): number {
  if (
    s.length !== 24 ||
    s.charCodeAt(4) !== 45 || // -
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 || // T
    s.charCodeAt(13) !== 58 || // :
    s.charCodeAt(16) !== 58 ||
    s.charCodeAt(19) !== 46 || // .
    s.charCodeAt(23) !== 90 // Z
  ) {
    return NaN;
  }
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  const ms = digits(s, 20, 3);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) return NaN;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return NaN;
  // Date.UTC reads years 0–99 as 1900–1999; those few take the parser
  return year < 100 ? Date.parse(s) : daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
}

/** True when `s` is a date-time in `toISOString`'s form with every part in range. */
export function isCanonicalIso(s: string): boolean {
  return !Number.isNaN(canonicalIsoMs(s));
}

/** `Date.parse`, without the parser for the canonical form (same answer for every string). */
export function parseIso(s: string): number {
  const t = canonicalIsoMs(s);
  return Number.isNaN(t) ? Date.parse(s) : t;
}

/** The canonical form of a date-time string, or null when it is not a date (`Date.parse` rules). */
export function toCanonicalIso(s: string): string | null {
  if (isCanonicalIso(s)) return s;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

let lastMs = Number.NaN;
let lastIso = '';

/**
 * `new Date(ms).toISOString()`, the very string of the last call when `ms` is the same: a
 * webhook's record, its event and its audit entry are written in one millisecond, and share one
 * string instead of keeping three (memory kept per event is what young-generation collections
 * copy; issue 18). Throws RangeError for an invalid time, as `toISOString` does.
 */
export function isoAt(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}

/** `new Date().toISOString()` (see `isoAt`). */
export const isoNow = (): string => isoAt(Date.now());
