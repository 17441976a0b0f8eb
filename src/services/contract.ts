// The services every resolver reaches through its context (built once per app by server/services.ts).
import type { Logger } from 'pino';
import type { Provider } from '../domain/verification.js';
import type { EventBus } from '../events/contract.js';
import type { ProviderAdapter } from '../providers/contract.js';
import type { ProviderResilience } from '../providers/resilience.js';
import type { VerificationService } from './verifications.js';
import type { RoutingService } from './routing.js';
import type { CheckService } from './checks.js';
import type { IngestionService } from './ingestions.js';
import type { Store } from '../store/contract.js';
import type { AuditLog } from '../audit/contract.js';
import type { ErasureService } from './erasure.js';
import type { RetentionSweeper } from './retention.js';

export interface Services {
  store: Store;
  bus: EventBus;
  adapters: ReadonlyMap<Provider, ProviderAdapter>;
  verifications: VerificationService;
  /** The routed start over the hosted providers (`startVerification`). */
  routing: RoutingService;
  ingestions: IngestionService;
  log: Logger;
  checks: CheckService;
  erasure: ErasureService;
  audit: AuditLog;
  retention: RetentionSweeper;
  /** This app's retry policy and circuit breakers (not shared with another app in the process). */
  resilience: ProviderResilience;
}
