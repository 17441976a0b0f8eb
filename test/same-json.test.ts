// sameJson decides whether a provider update changed anything (and so whether subscribers hear of it).
import { describe, expect, it } from 'vitest';
import { sameJson } from '../src/domain/same-json.js';

describe('sameJson', () => {
  it('agrees with comparing the JSON of the two values, except that key order does not matter', () => {
    const cases: [unknown, unknown][] = [
      [{ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'x' }] }],
      [{ a: 1, b: undefined }, { a: 1 }],
      [{ a: null }, { a: undefined }],
      [{ a: [undefined] }, { a: [null] }],
      [{ a: 1 }, { a: '1' }],
      [{ a: [1, 2] }, { a: [2, 1] }],
      [{ a: {} }, { a: [] }],
      [{ a: { b: 1 } }, { a: { b: 1, c: 2 } }],
      [{ a: 'x' }, { a: 'x', z: null }],
      [null, {}],
      [{ n: 0 }, { n: -0 }],
    ];
    for (const [a, b] of cases) expect(sameJson(a, b), JSON.stringify([a, b])).toBe(JSON.stringify(a) === JSON.stringify(b));
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
  });
});
