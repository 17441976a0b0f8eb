// The date-time fast paths (domain/iso-time.ts) give the same answers as the slow ones they skip:
// Date.parse, Date#toISOString, and graphql-scalars' DateTime serialization, value for value.
import { DateTimeResolver } from 'graphql-scalars';
import { describe, expect, it } from 'vitest';
import { canonicalIsoMs, isCanonicalIso, isoAt, parseIso, toCanonicalIso } from '../src/domain/iso-time.js';
import { argosDate } from '../src/providers/argos/mapper.js';
import { isoOrNull } from '../src/providers/uppass/mapper.js';
import { DateTime } from '../src/schema/scalars.js';

/** Deterministic pseudo-random numbers (mulberry32), so a failure names a reproducible value. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** toISOString of instants spread over years 0000–9999, plus month ends and leap days. */
function instants(): string[] {
  const next = random(18);
  const out: string[] = [];
  const max = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
  const min = -62167219200000; // 0000-01-01T00:00:00.000Z
  for (let i = 0; i < 20_000; i++) out.push(new Date(min + Math.floor(next() * (max - min))).toISOString());
  for (const y of [0, 4, 99, 100, 1900, 2000, 2023, 2024, 2100, 9999]) {
    for (let m = 0; m < 12; m++) out.push(new Date(new Date(0).setUTCFullYear(y, m + 1, 0)).toISOString()); // last day of each month
  }
  return out;
}

/** Strings in the canonical shape that Date.parse reads differently or not at all. */
const OUT_OF_RANGE = [
  '2023-02-29T00:00:00.000Z', // not a leap year (Date.parse: 1 March)
  '1900-02-29T00:00:00.000Z',
  '2023-04-31T00:00:00.000Z',
  '2023-01-01T24:00:00.000Z', // Date.parse: the next day
  '2023-01-01T23:60:00.000Z',
  '2023-01-01T23:59:60.000Z', // leap second
  '2023-00-10T00:00:00.000Z',
  '2023-13-10T00:00:00.000Z',
  '2023-01-00T00:00:00.000Z',
  '2023-01-32T00:00:00.000Z',
  '2023-1a-10T00:00:00.000Z',
  '2023-01-10T00:00:00.00aZ',
];

/** Strings outside the canonical shape (the general path). */
const OTHER_FORMS = [
  '2023-01-10T00:00:00Z',
  '2023-01-10T00:00:00.1234Z',
  '2023-01-10T07:00:00.000+07:00',
  '2023-01-10 00:00:00',
  '2023-01-10',
  '2023-01-10T00:00:00.000z',
  '+002023-01-10T00:00:00.000Z',
  'yesterday',
  '',
];

describe('canonical ISO date-times', () => {
  it('parseIso is Date.parse: every toISOString output, out-of-range parts and other forms', () => {
    const all = [...instants(), ...OUT_OF_RANGE, ...OTHER_FORMS];
    const differ = all.filter((s) => !Object.is(parseIso(s), Date.parse(s)));
    expect(differ).toEqual([]);
  });

  it('isCanonicalIso: exactly the strings toISOString writes back unchanged', () => {
    for (const s of instants()) expect(isCanonicalIso(s), s).toBe(true);
    for (const s of [...OUT_OF_RANGE, ...OTHER_FORMS]) {
      expect(isCanonicalIso(s), s).toBe(false);
      expect(canonicalIsoMs(s), s).toBeNaN();
    }
  });

  it('toCanonicalIso is Date.parse then toISOString (null for no date)', () => {
    const slow = (s: string) => {
      const t = Date.parse(s);
      return Number.isNaN(t) ? null : new Date(t).toISOString();
    };
    for (const s of [...instants().slice(0, 2000), ...OUT_OF_RANGE, ...OTHER_FORMS]) expect(toCanonicalIso(s), s).toBe(slow(s));
  });

  it('the DateTime scalar answers what graphql-scalars answers, in JSON, and refuses what it refuses', () => {
    const values: unknown[] = [...instants().slice(0, 2000), ...OUT_OF_RANGE, ...OTHER_FORMS, new Date(Date.UTC(2024, 1, 29, 12)), new Date(NaN), 1700000000000, null, {}];
    for (const v of values) {
      let expected: string;
      try {
        expected = JSON.stringify(DateTimeResolver.serialize(v));
      } catch (err) {
        expect(() => DateTime.serialize(v), String(v)).toThrow((err as Error).message);
        continue;
      }
      expect(JSON.stringify(DateTime.serialize(v)), String(v)).toBe(expected);
    }
  });

  it("the UpPass and Argos mappers' dates: known answers, and the slow path's answer for the rest", () => {
    expect(isoOrNull('2023-06-29T09:32:32.123456+07:00')).toBe('2023-06-29T02:32:32.123Z');
    expect(isoOrNull('2024-02-29T23:59:59.999Z')).toBe('2024-02-29T23:59:59.999Z');
    expect(isoOrNull('2023-02-29T00:00:00.000Z')).toBe('2023-03-01T00:00:00.000Z'); // as Date.parse reads it
    expect(isoOrNull('not a date')).toBeNull();
    // Argos's own form YYYY-MM-DD-HH-MM-SS-ZZZ, read as UTC
    expect(argosDate('2024-03-05-06-07-08-009')).toBe('2024-03-05T06:07:08.009Z');
    expect(argosDate('2024-02-29-00-00-00-000')).toBe('2024-02-29T00:00:00.000Z');
    expect(argosDate('2023-02-29-00-00-00-000')).toBe('2023-03-01T00:00:00.000Z'); // Date.UTC carries over
    expect(argosDate('2023-01-01-24-00-00-000')).toBe('2023-01-02T00:00:00.000Z');
    expect(argosDate('0050-01-01-00-00-00-000')).toBe('1950-01-01T00:00:00.000Z'); // Date.UTC's two-digit years
    expect(argosDate('2024-03-05T06:07:08.009Z')).toBe('2024-03-05T06:07:08.009Z');
    expect(argosDate('2024-03-05T13:07:08+07:00')).toBe('2024-03-05T06:07:08.000Z');
    expect(argosDate('05/03/2024')).toBeNull();
    expect(argosDate('')).toBeNull();
  });
});

describe('isoAt', () => {
  it("answers toISOString's string for every instant, asked in any order, the same one again included", () => {
    const ms = instants().map((s) => Date.parse(s));
    // each asked twice in a row, then the sequence again backwards: the remembered string is only ever the last instant's
    const asked = [...ms.flatMap((m) => [m, m]), ...ms.slice(0, 500).reverse(), 0, -1, 0, 8.64e15, -8.64e15];
    for (const m of asked) expect(isoAt(m)).toBe(new Date(m).toISOString());
  });

  it('throws as toISOString does for an invalid time', () => {
    expect(() => isoAt(Number.NaN)).toThrow(RangeError);
    expect(() => isoAt(8.64e15 + 1)).toThrow(RangeError);
    expect(isoAt(0)).toBe('1970-01-01T00:00:00.000Z');
  });
});
