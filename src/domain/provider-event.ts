// One normalized change a provider's webhook reports, as the inbox stores it until processed.
import type { Check } from './check.js';
import type { ProviderIngestionView } from './ingestion.js';
import type { ProviderVerificationView } from './verification.js';

/** One normalized change a webhook reports. `eventId` is the provider's dedup key. */
export type ProviderEvent =
  | { eventId: string; kind: 'verification'; view: ProviderVerificationView }
  | { eventId: string; kind: 'check'; check: Check }
  | { eventId: string; kind: 'ingestion'; view: ProviderIngestionView };
