// Request counters of a simulator: calls per route, and how many API calls were in flight at
// once (now and at most). Tests and benchmarks read them to count upstream calls.

export type RequestCounts<K extends string> = Record<K | 'inFlight' | 'maxInFlight', number>;

/** Zeroed counters for these routes, plus inFlight and maxInFlight. */
export function requestCounts<K extends string>(...routes: K[]): RequestCounts<K> {
  const counts = { inFlight: 0, maxInFlight: 0 } as RequestCounts<K>;
  for (const r of routes) counts[r] = 0;
  return counts;
}

/** Runs one API call, counted in `inFlight` (and `maxInFlight`) while it runs. */
export async function inFlight<T>(counts: { inFlight: number; maxInFlight: number }, call: () => Promise<T>): Promise<T> {
  counts.maxInFlight = Math.max(counts.maxInFlight, ++counts.inFlight);
  try {
    return await call();
  } finally {
    counts.inFlight--;
  }
}
