// sameJson decides whether a provider update changed anything (and so whether subscribers hear of it).
import { describe, expect, it } from 'vitest';
import { sameJson, sameJsonExcept } from '../src/domain/same-json.js';

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

  it('sameJsonExcept: as sameJson of copies without the skipped keys (each side its own set)', () => {
    const drop = (o: Record<string, unknown>, skip: Set<string>) => Object.fromEntries(Object.entries(o).filter(([k]) => !skip.has(k)));
    const cases: [Record<string, unknown>, Record<string, unknown>, Set<string>, Set<string>][] = [
      [{ id: 'r', a: 1, t: 'x' }, { a: 1, t: 'y' }, new Set(['id', 't']), new Set(['t'])],
      [{ id: 'r', a: 1 }, { a: 1, id: 'r' }, new Set(['id']), new Set()],
      [{ a: 1, b: undefined }, { a: 1 }, new Set(), new Set()],
      [{ a: 1 }, { a: 2 }, new Set(), new Set()],
      [{ a: 1, t: 1 }, { a: 1 }, new Set(), new Set(['t'])],
      [{ a: { b: [1] } }, { a: { b: [1] }, c: null }, new Set(), new Set()],
    ];
    for (const [a, b, sa, sb] of cases) {
      expect(sameJsonExcept(a, b, sa, sb), JSON.stringify([a, b])).toBe(sameJson(drop(a, sa), drop(b, sb)));
    }
  });
});
