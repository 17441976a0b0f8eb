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

/**
 * `sameJson` of two objects' top levels, leaving out the keys `skipA` names on `a` and `skipB`
 * names on `b` (as if they were absent), without copying either object.
 */
export function sameJsonExcept(a: object, b: object, skipA: ReadonlySet<string>, skipB: ReadonlySet<string>): boolean {
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let definedInA = 0;
  for (const k in ao) {
    if (ao[k] === undefined || skipA.has(k)) continue;
    definedInA++;
    if (skipB.has(k) || !sameJson(ao[k], bo[k])) return false;
  }
  let definedInB = 0;
  for (const k in bo) if (bo[k] !== undefined && !skipB.has(k)) definedInB++;
  return definedInA === definedInB;
}
