// Per-request loader of a user's checks: each user's list is fetched once per request with the
// provider's list endpoint (K users → K upstream calls), and `check(userId, id)` is answered
// from that list.
import DataLoader from 'dataloader';
import type { Check } from '../domain/check.js';
import type { CheckService } from '../services/checks.js';

export type ChecksByUserLoader = DataLoader<string, Check[]>;

export function createChecksByUserLoader(checks: CheckService): ChecksByUserLoader {
  return new DataLoader(async (userIds) =>
    Promise.all(userIds.map((userId) => checks.listForUser(userId).catch((err: Error) => err))),
  );
}
