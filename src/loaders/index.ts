// DataLoaders, created fresh for every request (HTTP request or WebSocket operation), so two
// requests never share a cache. One store batch read per tick; stale statuses refreshed in one
// batch per provider.
import DataLoader from 'dataloader';
import type { VerificationRecord } from '../domain/verification.js';
import type { IngestionRecord } from '../domain/ingestion.js';
import type { Services } from '../services/contract.js';
import { type ChecksByUserLoader, createChecksByUserLoader } from './checks.js';
import { recordBatch } from '../observability/metrics.js';

export interface Loaders {
  verification: DataLoader<string, VerificationRecord | null>;
  /** A user's checks, one provider list call per user per request. */
  checksByUser: ChecksByUserLoader;
  ingestion: DataLoader<string, IngestionRecord | null>;
  /**
   * Records already read (e.g. a subject's list) → the same records, refreshed when stale. Lists
   * resolved in the same tick (K subjects in one query) share one refresh batch per provider.
   */
  refreshedVerification: DataLoader<VerificationRecord, VerificationRecord, string>;
  refreshedIngestion: DataLoader<IngestionRecord, IngestionRecord, string>;
}

export function createLoaders(
  services: Pick<Services, 'store' | 'verifications' | 'checks' | 'ingestions'>,
  tenant: string,
  /** PROVIDER_CONCURRENCY: most upstream calls at once per provider per batch. */
  providerConcurrency = 8,
): Loaders {
  return {
    verification: new DataLoader(async (ids) => {
      recordBatch('verification', ids.length);
      const records = await services.store.getMany<VerificationRecord>('verification', ids);
      // another tenant's record is indistinguishable from a missing one
      const mine = records.map((r) => (r && r.tenant === tenant ? r : null));
      return services.verifications.refreshStale(mine);
    }),
    checksByUser: createChecksByUserLoader(services.checks, services.store, tenant, providerConcurrency),
    ingestion: new DataLoader(async (ids) => {
      const records = await services.store.getMany<IngestionRecord>('ingestion', ids);
      const mine = records.map((r) => (r && r.tenant === tenant ? r : null));
      return services.ingestions.refreshStale(mine);
    }),
    refreshedVerification: new DataLoader(
      async (records) => (await services.verifications.refreshStale([...records])).map((r, i) => r ?? records[i]),
      { cacheKeyFn: (r) => r.id },
    ),
    refreshedIngestion: new DataLoader(
      async (records) => (await services.ingestions.refreshStale([...records])).map((r, i) => r ?? records[i]),
      { cacheKeyFn: (r) => r.id },
    ),
  };
}

/** `loader.loadMany`, failing on the first error instead of returning it in place. */
export async function loadAll<K, V>(loader: DataLoader<K, V, string>, keys: readonly K[]): Promise<V[]> {
  const values = await loader.loadMany(keys);
  const failed = values.find((v): v is Error => v instanceof Error);
  if (failed) throw failed;
  return values as V[];
}
