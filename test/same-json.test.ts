// sameJson decides whether a provider update changed anything (and so whether subscribers hear of it).
import { describe, expect, it } from 'vitest';
import { matchesStoredJson, sameJson, sameJsonSharing } from '../src/domain/same-json.js';

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

  it('sameJsonSharing: as sameJson of copies without the skipped keys (each side its own set)', () => {
    const drop = (o: Record<string, unknown>, skip: Set<string>) => Object.fromEntries(Object.entries(o).filter(([k]) => !skip.has(k)));
    const cases: [Record<string, unknown>, Record<string, unknown>, Set<string>, Set<string>][] = [
      [{ id: 'r', a: 1, t: 'x' }, { a: 1, t: 'y' }, new Set(['id', 't']), new Set(['t'])],
      [{ id: 'r', a: 1 }, { a: 1, id: 'r' }, new Set(['id']), new Set()],
      [{ a: 1, b: undefined }, { a: 1 }, new Set(), new Set()],
      [{ a: 1 }, { a: 2 }, new Set(), new Set()],
      [{ a: 1, t: 1 }, { a: 1 }, new Set(), new Set(['t'])],
      [{ a: { b: [1] } }, { a: { b: [1] }, c: null }, new Set(), new Set()],
      [{ a: { b: [1] }, c: { d: 1, e: 2 } }, { a: { b: [1] }, c: { e: 2, d: 1 } }, new Set(), new Set()],
      [{ a: { b: [1] }, c: { d: 1 } }, { a: { b: [1] }, c: { d: 2 } }, new Set(), new Set()],
      [{ a: { b: 1 } }, { a: { b: 1 } }, new Set(['a']), new Set()],
    ];
    for (const [a, b, sa, sb] of cases) {
      expect(sameJsonSharing(a, b, sa, sb, { ...b }), JSON.stringify([a, b])).toBe(sameJson(drop(a, sa), drop(b, sb)));
    }
  });

  it("sameJsonSharing: a part of the new view that is exactly the stored one becomes the stored one's object, nothing else", () => {
    const stored = Object.freeze({
      id: 'r',
      doc: Object.freeze({ first: 'Ada', last: 'Lovelace', dates: Object.freeze(['1815-12-10']) }),
      face: Object.freeze({ age: 'OVER_18', score: 0.9 }),
      meta: Object.freeze({ a: 1, b: 2 }),
      status: 'IN_REVIEW',
    });
    // a view as a provider's parse makes it: every part a fresh object
    const view = { doc: { first: 'Ada', last: 'Lovelace', dates: ['1815-12-10'], note: undefined }, face: { age: 'OVER_18', score: 0.95 }, meta: { b: 2, a: 1 }, status: 'APPROVED' };
    const into: Record<string, unknown> = { ...view, id: 'r' };
    expect(sameJsonSharing(stored, view, new Set(['id']), new Set(), into)).toBe(false);
    expect(into.doc).toBe(stored.doc); // same JSON, same key order: the stored object
    expect(into.face).toBe(view.face); // changed
    expect(into.meta).toBe(view.meta); // the same as JSON compares it, not as it would be stored (key order)
    expect(into.status).toBe('APPROVED');
    expect(into.id).toBe('r');
    expect(view.doc).not.toBe(stored.doc); // the view itself is left as it was
  });

  it('matchesStoredJson: exactly what the JSON of the value would be, key order included', () => {
    const cases: [unknown, unknown][] = [
      [{ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'x' }] }],
      [{ a: 1 }, { a: 1, b: undefined }],
      [{ a: [null] }, { a: [undefined] }],
      [{ a: null }, { a: Number.NaN }],
      [{ a: 1, b: 2 }, { b: 2, a: 1 }],
      [{ a: [1, 2] }, { a: [2, 1] }],
      [{ a: {} }, { a: [] }],
      [{ a: { b: 1 } }, { a: { b: 1, c: 2 } }],
      [{ a: '1' }, { a: 1 }],
      [null, {}],
    ];
    for (const [stored, value] of cases) expect(matchesStoredJson(stored, value), JSON.stringify([stored, value])).toBe(JSON.stringify(stored) === JSON.stringify(value));
  });
});
