// Compares the shape of a simulator answer with the provider's documented example (a fixture of
// test/fixtures/providers/<provider>/): the same keys, the same JSON types, recursively. A key the
// simulator adds that the example lacks is an invented field; a key of the example the simulator
// leaves out is a missing one. `null` on either side is not compared (documented nullable fields;
// the zod answer schema decides nullability). Arrays: each element must match one element of the
// example's array (an empty example array says nothing about its elements).

export interface ShapeRules {
  /** Paths whose objects have free keys (a client's metadata, a form's answers), e.g. `metadata`, `items[].metadata`. */
  freeForm?: readonly string[];
  /** Documented keys the provider may leave out (each with its doc reference where the rule is declared). */
  optional?: readonly string[];
}

type Kind = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean' | 'undefined';
const kind = (v: unknown): Kind => (v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as Kind));

/** Every difference between `actual`'s shape and `documented`'s, as `path: what` lines (empty: same shape). */
export function shapeDiff(actual: unknown, documented: unknown, rules: ShapeRules = {}, path = ''): string[] {
  const ka = kind(actual);
  const kd = kind(documented);
  if (ka === 'null' || kd === 'null') return [];
  const at = path || '(root)';
  if (ka !== kd) return [`${at}: documented ${kd}, simulator ${ka}`];
  if (ka === 'array') {
    const docs = documented as unknown[];
    if (docs.length === 0) return [];
    const out: string[] = [];
    for (const el of actual as unknown[]) {
      const tries = docs.map((d) => shapeDiff(el, d, rules, `${path}[]`));
      if (tries.some((t) => t.length === 0)) continue;
      out.push(...tries.reduce((a, b) => (b.length < a.length ? b : a)));
    }
    return [...new Set(out)];
  }
  if (ka !== 'object') return [];
  if (rules.freeForm?.includes(path || '(root)')) return [];
  const a = actual as Record<string, unknown>;
  const d = documented as Record<string, unknown>;
  const out: string[] = [];
  const sub = (k: string) => (path ? `${path}.${k}` : k);
  for (const k of Object.keys(a)) if (!(k in d)) out.push(`${sub(k)}: not in the documented example (invented)`);
  for (const k of Object.keys(d)) {
    if (!(k in a)) {
      if (!rules.optional?.includes(sub(k))) out.push(`${sub(k)}: documented, missing from the simulator's answer`);
      continue;
    }
    out.push(...shapeDiff(a[k], d[k], rules, sub(k)));
  }
  return out;
}

/** Differences against the closest of several documented variants (e.g. the pending and the final example). */
export function shapeDiffAny(actual: unknown, variants: readonly unknown[], rules: ShapeRules = {}): string[] {
  let best: string[] | null = null;
  for (const v of variants) {
    const d = shapeDiff(actual, v, rules);
    if (d.length === 0) return [];
    if (!best || d.length < best.length) best = d;
  }
  return best ?? ['(no documented example to compare with)'];
}
