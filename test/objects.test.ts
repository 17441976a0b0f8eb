// extend (domain/objects.ts) is `{ ...base, ...extra }` without V8's slow path: same keys, same
// order, same values, a new object, neither argument changed.
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { extend } from '../src/domain/objects.js';
import { MemoryStore } from '../src/store/memory.js';
import type { Entity } from '../src/store/contract.js';

// V8's own answer: is this object in fast mode (a hidden class), not a dictionary? A function
// compiled after the flag is set may use the natives syntax.
setFlagsFromString('--allow-natives-syntax');
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

/** A provider view as the mappers build it: `n` keys, some nested. */
function view(n: number): Record<string, unknown> {
  const v: Record<string, unknown> = { status: 'IN_REVIEW', identityDocument: { number: 'X1' }, history: [] };
  for (let i = 3; Object.keys(v).length < n; i++) v[`field${i}`] = i % 2 ? `value ${i}` : null;
  return JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
}

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

describe('records stay in V8 fast mode', () => {
  // A dictionary-mode record makes every later copy and field read slow (20 µs per copy of a
  // record in the server instead of 2): docs/perf/webhook-path.md.
  it("extend: a view with a record's keys, and that record with one key more", () => {
    const record = extend(view(14), { id: 'v1', provider: 'ARGOS', tenant: 't', subjectId: 's', history: [], createdAt: 'c', updatedAt: 'u', syncedAt: 's' });
    expect(Object.keys(record)).toHaveLength(21);
    expect(hasFastProperties(record)).toBe(true);
    expect(hasFastProperties(extend(record, { version: 2 }))).toBe(true);
    expect(hasFastProperties(extend(Object.freeze(record), { lastEvent: null }, { version: 3 }))).toBe(true);
    expect(hasFastProperties(extend(view(40), view(8)))).toBe(true);
  });

  it('the memory store hands back what it stored in fast mode', async () => {
    const store = new MemoryStore();
    const entity = extend(view(30), { id: 'e1', tenant: 't', subjectId: null }) as unknown as Entity;
    const put = await store.put('verification', entity);
    const [read] = await store.getMany('verification', ['e1']);
    expect(put).toBe(read); // the stored value itself
    expect(Object.keys(read!)).toHaveLength(34); // 30 + id, tenant, subjectId, version
    expect(hasFastProperties(read!)).toBe(true);
    expect(hasFastProperties((read as unknown as { identityDocument: object }).identityDocument)).toBe(true);
  });
});
