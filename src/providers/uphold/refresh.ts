// Refreshing many Uphold ingestions at once. Uphold has no batch get, but it lists one user's
// ingestions per source (`GET /kyc-connector/{source}/ingestions`, cursor pagination). So refs
// are grouped by (user, source): a group of one is the single GET, a larger group is one list
// call (a few pages at most), and whatever the pages did not contain is read with single GETs.
import type { IngestionRef, ProviderIngestionView } from '../../domain/ingestion.js';
import { mapConcurrent } from '../http.js';
import type { UpholdClient } from './client.js';
import { toIngestionView, toUpholdSource, type UpholdIngestion } from './mapper.js';

/**
 * Page size of a refresh list call. Uphold documents `perPage` without its maximum; 100 is the
 * usual ceiling of its cursor-paginated endpoints, and the one the sandbox enforces.
 */
export const LIST_PAGE_SIZE = 100;
/** At most this many list pages per (user, source) group before the rest are single GETs. */
export const MAX_LIST_PAGES = 3;

/** What refreshes cost, for tests and operators. */
export interface UpholdRefreshStats {
  /** List pages requested (successful or not). */
  listPages: number;
  /** Groups whose listing failed and fell back to single GETs. */
  listFailures: number;
  /** Single GETs (groups of one, refs without a user, ids not on the listed pages). */
  gets: number;
}

type Client = Pick<UpholdClient, 'getIngestion' | 'listIngestions'>;

const refKey = (r: IngestionRef) => `${r.source}\u0000${r.userId ?? ''}\u0000${r.providerRef}`;

/**
 * Fresh views for `refs`, in the order of `refs`; a ref that could not be read is an Error (a
 * ref Uphold does not know is `Uphold has no ingestion …`). A failed list never fails the batch:
 * its group falls back to single GETs. At most `concurrency` calls are in flight per phase.
 */
export async function refreshIngestions(
  client: Client,
  refs: readonly IngestionRef[],
  concurrency: number,
  stats: UpholdRefreshStats,
): Promise<(ProviderIngestionView | Error)[]> {
  const found = new Map<string, UpholdIngestion>();

  // group distinct ids by (user, source); refs without a user can only be read one by one
  const groups = new Map<string, { ref: IngestionRef; ids: Set<string> }>();
  for (const ref of refs) {
    if (!ref.userId) continue;
    const key = `${ref.source}\u0000${ref.userId}`;
    const g = groups.get(key) ?? { ref, ids: new Set<string>() };
    g.ids.add(ref.providerRef);
    groups.set(key, g);
  }
  const listed = [...groups.values()].filter((g) => g.ids.size >= 2);
  await mapConcurrent(listed, concurrency, async ({ ref, ids }) => {
    const source = toUpholdSource(ref.source);
    const missing = new Set(ids);
    let cursor: string | undefined;
    let pages = 0;
    try {
      // another page only while it can still beat single GETs: some wanted ids are missing,
      // fewer pages were read than ids are missing, and the page cap is not reached
      do {
        pages++;
        stats.listPages++;
        const page = await client.listIngestions(source, ref.userId!, { perPage: LIST_PAGE_SIZE, cursor });
        for (const i of page.ingestions ?? []) {
          if (!missing.has(i.id) || i.provider !== source) continue;
          missing.delete(i.id);
          found.set(refKey({ ...ref, providerRef: i.id }), i);
        }
        cursor = page.pagination?.next ?? undefined;
      } while (missing.size > 0 && cursor && pages < MAX_LIST_PAGES && pages < missing.size);
    } catch {
      // the list failed: whatever it did not deliver is read with single GETs below
      stats.listFailures++;
    }
  });

  // everything not listed: one GET per distinct ref
  const rest = new Map<string, IngestionRef>();
  for (const ref of refs) if (!found.has(refKey(ref))) rest.set(refKey(ref), ref);
  const single = new Map<string, ProviderIngestionView | Error>();
  await mapConcurrent([...rest], concurrency, async ([key, ref]) => {
    stats.gets++;
    try {
      const i = await client.getIngestion(toUpholdSource(ref.source), ref.userId, ref.providerRef);
      single.set(key, i ? toIngestionView(i) : new Error(`Uphold has no ingestion ${ref.providerRef}`));
    } catch (err) {
      single.set(key, err as Error);
    }
  });

  return refs.map((ref) => {
    const listedOne = found.get(refKey(ref));
    return listedOne ? toIngestionView(listedOne) : single.get(refKey(ref))!;
  });
}
