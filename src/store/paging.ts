// Cursor paging over an index kept newest first (position 0 = newest), shared by the memory and
// Redis stores. A cursor is an entity id: its position is looked up on every request, so entities
// created since (they go to position 0) never shift, repeat or hide the items of a later page.
import type { ListQuery, Page } from './contract.js';

/** An index as the paging needs it: positions are newest first, 0-based. */
export interface RankedIndex {
  /** Number of ids in the index. */
  size(): Promise<number>;
  /** Position of `id`, null when it is not in the index. */
  rankOf(id: string): Promise<number | null>;
  /** Ids at positions start..stop (inclusive), newest first. */
  range(start: number, stop: number): Promise<string[]>;
}

type Load<T> = (ids: readonly string[]) => Promise<(T | null)[]>;

/** How many index entries one read takes while scanning. */
const CHUNK = 50;

/**
 * One page of `q` over `index`: `first` items after `afterId` (forward), or with `last` the
 * `last` items before `beforeId` (backward; still returned newest first). Both cursors bound the
 * window when given together. `hasPreviousPage`/`hasNextPage` say whether a matching item lies
 * outside the page within the index (not only within the window).
 */
export async function pageOf<T>(index: RankedIndex, load: Load<T>, q: ListQuery<T>): Promise<Page<T>> {
  const matches = (item: T | null): item is T => item !== null && (!q.where || q.where(item));
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  let afterRank: number | null = null;
  let beforeRank: number | null = null;
  if (q.afterId) {
    afterRank = await index.rankOf(q.afterId);
    if (afterRank === null) return { items: [], hasNextPage: false, hasPreviousPage: false };
    lo = afterRank + 1;
  }
  if (q.beforeId) {
    beforeRank = await index.rankOf(q.beforeId);
    if (beforeRank === null) return { items: [], hasNextPage: false, hasPreviousPage: false };
    hi = beforeRank - 1;
  }
  if (q.last != null) {
    if (!Number.isFinite(hi)) hi = (await index.size()) - 1;
    const { items, more } = await scan(index, load, matches, hi, lo, -1, q.last);
    items.reverse();
    return {
      items,
      hasPreviousPage: more,
      hasNextPage: beforeRank !== null && (await any(index, load, matches, beforeRank, +1)),
    };
  }
  const { items, more } = await scan(index, load, matches, lo, hi, +1, q.first);
  if (afterRank === null) return { items, hasNextPage: more };
  return { items, hasNextPage: more, hasPreviousPage: await any(index, load, matches, afterRank, -1) };
}

/** Collects up to `limit` matching items from position `from` towards `to` (inclusive); `more` when another follows. */
async function scan<T>(index: RankedIndex, load: Load<T>, matches: (i: T | null) => i is T, from: number, to: number, step: 1 | -1, limit: number) {
  const items: T[] = [];
  let pos = from;
  const inWindow = (p: number) => (step > 0 ? p <= to : p >= to) && p >= 0;
  while (inWindow(pos)) {
    const want = Math.max(limit + 1 - items.length, CHUNK);
    const start = step > 0 ? pos : Math.max(to, pos - want + 1, 0);
    const stop = step > 0 ? (Number.isFinite(to) ? Math.min(to, pos + want - 1) : pos + want - 1) : pos;
    const ids = await index.range(start, stop);
    if (step < 0) ids.reverse();
    const batch = await load(ids);
    for (const item of batch) {
      if (!matches(item)) continue;
      if (items.length === limit) return { items, more: true };
      items.push(item);
    }
    if (ids.length < stop - start + 1) break; // the index ended
    pos = step > 0 ? stop + 1 : start - 1;
  }
  return { items, more: false };
}

/** True when a matching item sits at position `from` or beyond it in direction `step`. */
async function any<T>(index: RankedIndex, load: Load<T>, matches: (i: T | null) => i is T, from: number, step: 1 | -1) {
  const to = step > 0 ? Number.POSITIVE_INFINITY : 0;
  return (await scan(index, load, matches, from, to, step, 0)).more;
}

/** Counts the entities of an index, reading them only when a filter must be applied. */
export async function countOf<T>(index: RankedIndex, load: Load<T>, where?: (item: T) => boolean): Promise<number> {
  if (!where) return index.size();
  let n = 0;
  const size = await index.size();
  for (let start = 0; start < size; start += CHUNK * 4) {
    for (const item of await load(await index.range(start, start + CHUNK * 4 - 1))) if (item && where(item)) n++;
  }
  return n;
}
