// Receives a provider webhook in the one order every provider follows: authenticate the raw
// bytes, then parse, then record (deduplicated by the provider's event id), then acknowledge.
import type { Logger } from 'pino';
import type { Provider } from '../domain/verification.js';
import { type ProviderAdapter, type ProviderEvent, type WebhookRequest, WebhookAuthError, WebhookFormatError } from '../providers/contract.js';
import { WEBHOOK_DEDUP_TTL_MS, type Store } from '../store/contract.js';
import { recordWebhook } from '../server/metrics.js';

/** Records one event of a kind; resolves false when the event is about nothing we created. */
export type EventHandler<K extends ProviderEvent['kind'] = ProviderEvent['kind']> = (
  provider: Provider,
  event: Extract<ProviderEvent, { kind: K }>,
) => Promise<boolean>;

export type EventHandlers = { [K in ProviderEvent['kind']]: EventHandler<K> };

export interface WebhookOutcome {
  /** HTTP status for the provider: 2xx only once every event is recorded. */
  status: number;
  body: { received: number; duplicates: number; ignored: number } | { error: string };
}

export interface WebhookCounters {
  rejected: Map<string, number>;
  accepted: Map<string, number>;
}

export class WebhookService {
  readonly counters: WebhookCounters = { rejected: new Map(), accepted: new Map() };

  constructor(
    private readonly store: Store,
    private readonly handlers: EventHandlers,
    private readonly log: Logger,
  ) {}

  private count(map: Map<string, number>, key: string) {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  async receive(adapter: ProviderAdapter, req: WebhookRequest): Promise<WebhookOutcome> {
    recordWebhook(adapter.key, 'received');
    try {
      adapter.verifyWebhook(req);
    } catch (err) {
      if (!(err instanceof WebhookAuthError)) throw err;
      this.count(this.counters.rejected, adapter.key);
      recordWebhook(adapter.key, 'rejected');
      this.log.warn({ provider: adapter.key, reason: err.reason }, 'webhook rejected');
      return { status: 401, body: { error: 'webhook authentication failed' } };
    }
    let events;
    try {
      events = adapter.parseWebhook(req);
    } catch (err) {
      if (!(err instanceof WebhookFormatError)) throw err;
      this.log.warn({ provider: adapter.key, reason: err.message }, 'webhook malformed');
      recordWebhook(adapter.key, 'malformed');
      return { status: 400, body: { error: err.message } };
    }
    let duplicates = 0;
    let ignored = 0;
    for (const event of events) {
      if (!(await this.store.claimWebhook(adapter.key, event.eventId, WEBHOOK_DEDUP_TTL_MS))) {
        duplicates++;
        recordWebhook(adapter.key, 'duplicate');
        continue;
      }
      try {
        const handler = this.handlers[event.kind] as EventHandler;
        if (!(await handler(adapter.provider, event))) {
          ignored++;
          this.log.info({ provider: adapter.key, eventId: event.eventId }, 'webhook for a session not created through this API; ignored');
        }
      } catch (err) {
        await this.store.releaseWebhook(adapter.key, event.eventId).catch(() => {});
        this.log.error({ provider: adapter.key, eventId: event.eventId, err: (err as Error).message }, 'webhook not recorded; asking the provider to retry');
        recordWebhook(adapter.key, 'failed');
        return { status: 503, body: { error: 'could not record the event; retry later' } };
      }
    }
    this.count(this.counters.accepted, adapter.key);
    return { status: 200, body: { received: events.length, duplicates, ignored } };
  }
}
