// Per-request loader of a user's checks: each user's list is fetched once per request with the
// provider's list endpoint (K users → K upstream calls, at most PROVIDER_CONCURRENCY at once), and `check(userId, id)` is answered
// from that list. Only checks this tenant created through the API are returned: one Upvest
// account may serve several tenants, and none may see another's checks.
import DataLoader from 'dataloader';
import type { Check, CheckRecord } from '../domain/check.js';
import { mapConcurrent } from '../providers/http.js';
import type { CheckService } from '../services/checks.js';
import type { Store } from '../store/contract.js';

export type ChecksByUserLoader = DataLoader<string, Check[]>;

export function createChecksByUserLoader(checks: CheckService, store: Store, tenant: string, concurrency: number): ChecksByUserLoader {
  return new DataLoader(async (userIds) => {
    const lists = await mapConcurrent(userIds, concurrency, (userId) => checks.listForUser(userId).catch((err: Error) => err));
    const ids = lists.flatMap((l) => (l instanceof Error ? [] : l.map((c) => c.id)));
    const owned = new Set(
      (await store.getMany<CheckRecord>('check', ids)).filter((r) => r && r.tenant === tenant).map((r) => r!.id),
    );
    return lists.map((l) => (l instanceof Error ? l : l.filter((c) => owned.has(c.id))));
  });
}
