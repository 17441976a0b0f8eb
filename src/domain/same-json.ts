// Comparing stored records and provider views the way their JSON would compare.

/**
 * Equal as JSON would be (a key holding undefined counts as absent), ignoring key order; no
 * serialization, so comparing two ~2 KB records allocates nothing.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((x, i) => sameJson(x ?? null, bs[i] ?? null));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let definedInA = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    definedInA++;
    if (!sameJson(ao[k], bo[k])) return false;
  }
  let definedInB = 0;
  for (const k in bo) if (bo[k] !== undefined) definedInB++;
  return definedInA === definedInB;
}

/** What JSON leaves out of an object (and writes as null in an array). */
export const droppedByJson = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * Whether `value`'s JSON would be exactly `stored` (a stored value: JSON as parsed or as the
 * in-memory store keeps it): the same keys in the same order, the same values. Then `stored` can
 * stand for `value`: a provider's view repeats most of what the record holds (its document, face
 * scan, metadata), and every copy kept is memory a young-generation collection copies again.
 */
export function matchesStoredJson(stored: unknown, value: unknown): boolean {
  if (stored === value) return true;
  if (typeof value !== 'object' || value === null) return stored === null && typeof value === 'number' && !Number.isFinite(value);
  if (typeof stored !== 'object' || stored === null) return false;
  if (Array.isArray(value)) {
    if (!Array.isArray(stored) || stored.length !== value.length) return false;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (!matchesStoredJson(stored[i], droppedByJson(v) ? null : v)) return false;
    }
    return true;
  }
  if (Array.isArray(stored)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  // the stored keys as a list, the value's read with for…in (no second list: a plain object's
  // enumerable keys are its own, as sameJson reads them)
  const keys = Object.keys(stored);
  let i = 0;
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    if (droppedByJson(v)) continue;
    if (keys[i++] !== k || !matchesStoredJson((stored as Record<string, unknown>)[k], v)) return false;
  }
  return i === keys.length;
}

/**
 * `sameJson` of the top levels of `stored` (a record as stored) and `made` (a new view of it),
 * leaving out the keys `skipStored` names on `stored` and `skipMade` names on `made` (as if
 * absent), without copying either; and, on the way, each object part of `made` whose JSON would be
 * exactly the one `stored` holds under the same key (`matchesStoredJson`) is set in `into` (an
 * object made from `made`, with its keys) to `stored`'s own. An update then holds what it did not
 * change once, as stored, and compares it once: the store takes a stored part as it is.
 */
export function sameJsonSharing(stored: object, made: object, skipStored: ReadonlySet<string>, skipMade: ReadonlySet<string>, into: object): boolean {
  const so = stored as Record<string, unknown>;
  const mo = made as Record<string, unknown>;
  let same = true;
  let definedInMade = 0;
  for (const k in mo) {
    const v = mo[k];
    if (v === undefined || skipMade.has(k)) continue;
    definedInMade++;
    if (skipStored.has(k)) {
      same = false;
      continue;
    }
    const s = so[k];
    if (typeof v === 'object' && v !== null && s !== v && typeof s === 'object' && s !== null && matchesStoredJson(s, v)) {
      (into as Record<string, unknown>)[k] = s;
      continue;
    }
    if (same && !sameJson(s, v)) same = false;
  }
  if (!same) return false;
  let definedInStored = 0;
  for (const k in so) if (so[k] !== undefined && !skipStored.has(k)) definedInStored++;
  return definedInStored === definedInMade;
}
