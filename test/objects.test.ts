// extend (domain/objects.ts) is `{ ...base, ...extra }` without V8's slow path: same keys, same
// order, same values, a new object, neither argument changed.
import { describe, expect, it } from 'vitest';
import { extend } from '../src/domain/objects.js';

describe('extend', () => {
  it('answers what a spread answers: keys in the same order, later keys winning, a shallow copy', () => {
    const nested = { deep: [1, 2] };
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ a: 1, b: 2 }, { c: 3 }],
      [{ a: 1, b: 2 }, { b: 20, c: 3 }],
      [{ a: 1, n: nested }, {}],
      [{}, { x: null, y: undefined }],
      [Object.freeze({ status: 'IN_REVIEW', history: [] }), { version: 2, status: 'APPROVED' }],
      [JSON.parse('{"id":"v","z":1,"a":2}') as Record<string, unknown>, { lastEvent: null }],
    ];
    for (const [base, extra] of cases) {
      const before = JSON.stringify(base);
      const out = extend(base, extra);
      const spread = { ...base, ...extra };
      expect(Object.keys(out)).toEqual(Object.keys(spread));
      expect(out).toStrictEqual(spread);
      expect(out).not.toBe(base);
      expect(Object.isFrozen(out)).toBe(false);
      expect(JSON.stringify(base)).toBe(before);
    }
    expect(extend({ n: nested }, {}).n).toBe(nested); // shallow, as a spread
  });
});
