// DataLoaders, created fresh for every request (HTTP request or WebSocket operation), so two
// requests never share a cache. One store batch read per tick; stale statuses refreshed in one
// batch per provider.
import DataLoader from 'dataloader';
import type { VerificationRecord } from '../domain/verification.js';
import type { IngestionRecord } from '../domain/ingestion.js';
import type { Services } from '../server/context.js';
import { type ChecksByUserLoader, createChecksByUserLoader } from './checks.js';
import { recordBatch } from '../server/metrics.js';

export interface Loaders {
  verification: DataLoader<string, VerificationRecord | null>;
  /** A user's checks, one provider list call per user per request. */
  checksByUser: ChecksByUserLoader;
  ingestion: DataLoader<string, IngestionRecord | null>;
}

export function createLoaders(services: Pick<Services, 'store' | 'verifications' | 'checks' | 'ingestions'>, tenant: string): Loaders {
  return {
    verification: new DataLoader(async (ids) => {
      recordBatch('verification', ids.length);
      const records = await services.store.getMany<VerificationRecord>('verification', ids);
      // another tenant's record is indistinguishable from a missing one
      const mine = records.map((r) => (r && r.tenant === tenant ? r : null));
      return services.verifications.refreshStale(mine);
    }),
    checksByUser: createChecksByUserLoader(services.checks, services.store, tenant),
    ingestion: new DataLoader(async (ids) => {
      const records = await services.store.getMany<IngestionRecord>('ingestion', ids);
      const mine = records.map((r) => (r && r.tenant === tenant ? r : null));
      return services.ingestions.refreshStale(mine);
    }),
  };
}
