// Compares the shape of a simulator answer with the provider's documented example(s) (fixtures of
// test/fixtures/providers/<provider>/): the same keys, the same JSON types, recursively. A key the
// simulator adds that no example has is an invented field; a key every example has that the
// simulator leaves out is a missing one. Several examples of one answer (e.g. the pending and the
// final one) document together: a key some of them lack is optional. `null` on either side is
// not compared (documented nullable fields; the zod answer schema decides nullability). Arrays:
// each element must have the shape of one documented element (an empty example array says
// nothing about its elements).

export interface ShapeRules {
  /** Paths whose objects have free keys (a client's metadata, a form's answers), e.g. `metadata`, `items[].metadata`, `(root)`. */
  freeForm?: readonly string[];
  /** Documented keys the provider may leave out (each with its doc reference where the rule is declared). */
  optional?: readonly string[];
}

type Kind = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean' | 'undefined';
const kind = (v: unknown): Kind => (v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as Kind));

/** Every difference between `actual`'s shape and the documented examples', as `path: what` lines (empty: same shape). */
export function shapeDiffAny(actual: unknown, examples: readonly unknown[], rules: ShapeRules = {}, path = ''): string[] {
  const docs = examples.filter((e) => e !== null && e !== undefined);
  const ka = kind(actual);
  if (ka === 'null' || docs.length === 0) return [];
  const at = path || '(root)';
  const kinds = new Set(docs.map(kind));
  if (!kinds.has(ka)) return [`${at}: documented ${[...kinds].join(' or ')}, simulator ${ka}`];
  if (ka === 'array') {
    const elements = docs.filter(Array.isArray).flat();
    if (elements.length === 0) return [];
    const out: string[] = [];
    for (const el of actual as unknown[]) {
      const tries = elements.map((d) => shapeDiffAny(el, [d], rules, `${path}[]`));
      if (tries.some((t) => t.length === 0)) continue;
      // heterogeneous lists (e.g. checks of several types): held against all elements together
      const together = shapeDiffAny(el, elements, rules, `${path}[]`);
      if (together.length === 0) continue;
      out.push(...tries.reduce((a, b) => (b.length < a.length ? b : a)));
    }
    return [...new Set(out)];
  }
  if (ka !== 'object') return [];
  if (rules.freeForm?.includes(at)) return [];
  const a = actual as Record<string, unknown>;
  const objects = docs.filter((d) => kind(d) === 'object') as Record<string, unknown>[];
  const documented = new Set(objects.flatMap((o) => Object.keys(o)));
  const out: string[] = [];
  const sub = (k: string) => (path ? `${path}.${k}` : k);
  for (const k of Object.keys(a)) if (!documented.has(k)) out.push(`${sub(k)}: not in the documented example (invented)`);
  for (const k of documented) {
    if (!(k in a)) {
      const everywhere = objects.every((o) => k in o);
      if (everywhere && !rules.optional?.includes(sub(k))) out.push(`${sub(k)}: documented, missing from the simulator's answer`);
      continue;
    }
    out.push(...shapeDiffAny(a[k], objects.filter((o) => k in o).map((o) => o[k]), rules, sub(k)));
  }
  return out;
}

/** The same for one documented example. */
export const shapeDiff = (actual: unknown, documented: unknown, rules: ShapeRules = {}): string[] => shapeDiffAny(actual, [documented], rules);
