// Receives a provider webhook in the one order every provider follows: authenticate the raw
// bytes, parse, record durably in the inbox, then acknowledge. Recorded events are processed
// (deduplicated by the provider's event id, stored, published once) right away, and again by the
// recovery loop if this instance died before finishing: an acknowledged event is never lost.
// A webhook of one event about a record this replica holds a copy of (records.ts RecordCache) is
// applied directly instead: its change, its event and its processed mark are stored in one step
// (the journal's commit; on a single Redis one Lua call) before the acknowledgement, with no
// inbox entry; anything else (no change to store, a failure) goes through the inbox as above.
import type { Logger } from 'pino';
import type { Provider } from '../domain/verification.js';
import { DEFAULT_MAX_DELIVERIES, type Inbox, type InboxEntry } from '../inbox/contract.js';
import { type ProviderAdapter, type ProviderEvent, type WebhookRequest, WebhookAuthError, WebhookFormatError } from '../providers/contract.js';
import { recordWebhook } from '../observability/metrics.js';
import { type Span, traceWebhook, tracingEnabled } from '../observability/tracing.js';
import { DuplicateEvent, type EventMark } from '../store/journal.js';
import { NotDirect } from './records.js';

/** Handles one event of a kind. */
export interface EventHandler<K extends ProviderEvent['kind'] = ProviderEvent['kind'], R = any> {
  /**
   * Starts the read `apply` begins with (the record the event is about). It is called in the
   * same tick as the inbox append, so over Redis both leave in one write: one round trip instead
   * of two before the change is applied.
   */
  readAhead?(provider: Provider, event: Extract<ProviderEvent, { kind: K }>): Promise<R>;
  /**
   * The record `apply` starts from, when this replica holds a copy of it (possibly stale: it then
   * costs a retry): the event is applied directly, without an inbox entry.
   */
  cached?(provider: Provider, event: Extract<ProviderEvent, { kind: K }>): R | undefined;
  /**
   * Records the event (store + publish, publishing with `eventKey` so a re-run never publishes
   * twice); resolves false when the event is about nothing we created. `read`: what `readAhead`
   * started, when the event came in with this webhook (absent when recovery processes it).
   */
  apply(
    provider: Provider,
    event: Extract<ProviderEvent, { kind: K }>,
    eventKey: string,
    /** The id of the webhook request that brought the event (absent when recovery processes it). */
    requestId?: string,
    read?: Promise<R>,
    /**
     * Set when the event is applied directly (no inbox entry): its processed mark is stored with
     * the change (DuplicateEvent when it was processed before; NotDirect when nothing changes).
     */
    direct?: EventMark,
  ): Promise<boolean>;
}

export type EventHandlers = { [K in ProviderEvent['kind']]: EventHandler<K> };

export interface WebhookOutcome {
  /** HTTP status for the provider: 2xx only once every event is durably recorded. */
  status: number;
  body: { received: number; duplicates: number; ignored: number; pending: number } | { error: string };
}

export interface WebhookCounters {
  accepted: Map<string, number>;
  rejected: Map<string, number>;
  duplicates: Map<string, number>;
}

type Result = 'processed' | 'duplicate' | 'ignored';

export class WebhookService {
  readonly counters: WebhookCounters = { accepted: new Map(), rejected: new Map(), duplicates: new Map() };

  constructor(
    private readonly inbox: Inbox,
    private readonly adapters: ReadonlyMap<string, ProviderAdapter>,
    private readonly handlers: EventHandlers,
    private readonly log: Logger,
    /** An entry unacknowledged this long is presumed abandoned (crash, failure) and processed again. */
    private readonly recoveryAfterMs = 5000,
    /** Deliveries after which a failing entry moves to the dead letters (INBOX_MAX_DELIVERIES). */
    private readonly maxDeliveries = DEFAULT_MAX_DELIVERIES,
  ) {}

  private count(map: Map<string, number>, key: string) {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  /**
   * `requestId`: the webhook request's id, written on its log lines and handed to the handlers
   * (the route carries it itself: no AsyncLocalStorage scope on this path).
   */
  receive(adapter: ProviderAdapter, req: WebhookRequest, requestId?: string): Promise<WebhookOutcome> {
    // tracing off (the default): no span, and no closure or async frame around the call
    if (!tracingEnabled()) return this.receiveTraced(adapter, req, requestId);
    return traceWebhook('receive', adapter.key, async (span) => {
      const outcome = await this.receiveTraced(adapter, req, requestId);
      span?.setAttribute('http.response.status_code', outcome.status);
      return outcome;
    });
  }

  private async receiveTraced(adapter: ProviderAdapter, req: WebhookRequest, requestId: string | undefined): Promise<WebhookOutcome> {
    recordWebhook(adapter.key, 'received');
    try {
      const verifying = adapter.verifyWebhook(req);
      if (verifying) await verifying; // most providers verify synchronously: no tick to wait for
    } catch (err) {
      if (!(err instanceof WebhookAuthError)) throw err;
      this.count(this.counters.rejected, adapter.key);
      recordWebhook(adapter.key, 'rejected');
      this.log.warn({ requestId, provider: adapter.key, reason: err.reason }, 'webhook rejected');
      return { status: 401, body: { error: 'webhook authentication failed' } };
    }
    let events: ProviderEvent[];
    try {
      events = adapter.parseWebhook(req);
    } catch (err) {
      if (!(err instanceof WebhookFormatError)) throw err;
      this.count(this.counters.rejected, adapter.key);
      this.log.warn({ requestId, provider: adapter.key, err }, 'webhook malformed');
      recordWebhook(adapter.key, 'malformed');
      return { status: 400, body: { error: err.message } };
    }
    // trace only: what the provider reported, normalized; personal data censored by the logger
    this.log.trace({ requestId, provider: adapter.key, events }, 'webhook parsed');
    if (events.length === 1) {
      const applied = await this.applyDirectly(adapter, events[0], requestId);
      if (applied) return applied;
    }
    let entries: InboxEntry[];
    // what each event's handler reads first, sent with the append (the same tick)
    const reads = events.map((e) => (this.handlers[e.kind] as EventHandler).readAhead?.(adapter.provider, e));
    try {
      // claimed by this instance in the same step, which also tells whether each event id was
      // processed before: another replica's recovery loop leaves them to us unless we leave
      // them unacknowledged for INBOX_RECOVERY_AFTER_MS
      entries = await this.inbox.append(adapter.key, events);
    } catch (err) {
      recordWebhook(adapter.key, 'failed');
      this.log.error({ requestId, provider: adapter.key, err }, 'webhook not recorded; asking the provider to retry');
      return { status: 503, body: { error: 'could not record the event; retry later' } };
    }
    this.count(this.counters.accepted, adapter.key);
    // Recorded: from here on the provider gets 2xx. Process now, so the change is visible when
    // the provider's call returns; a failure is retried by the recovery loop.
    const tally = { received: events.length, duplicates: 0, ignored: 0, pending: 0 };
    const seen = new Set<string>();
    for (const [i, entry] of entries.entries()) {
      // an event id twice in one body: the second asks again (the first has marked it by then)
      if (seen.has(entry.event.eventId)) entry.processed = undefined;
      seen.add(entry.event.eventId);
      try {
        const result = await this.process(entry, requestId, entry.event === events[i] ? reads[i] : undefined);
        if (result === 'duplicate') tally.duplicates++;
        if (result === 'ignored') tally.ignored++;
      } catch (err) {
        tally.pending++;
        this.log.warn({ requestId, provider: adapter.key, err }, 'webhook recorded but not yet processed; will retry');
      }
    }
    return { status: 200, body: tally };
  }

  /**
   * Applies `event` without an inbox entry when its handler holds a copy of the record (see the
   * top of this file). Null: it goes through the inbox (no copy, no change to store, a failure:
   * nothing was stored, or what was is marked processed and the inbox finds it so).
   */
  private applyDirectly(adapter: ProviderAdapter, event: ProviderEvent, requestId: string | undefined): Promise<WebhookOutcome | null> | null {
    const handler = this.handlers[event.kind] as EventHandler;
    const record: unknown = handler.cached?.(adapter.provider, event);
    if (record === undefined) return null;
    if (!tracingEnabled()) return this.applyCopy(handler, adapter, event, record, requestId, null);
    return traceWebhook('process', adapter.key, (span) => this.applyCopy(handler, adapter, event, record, requestId, span), {
      'kyc.webhook.event_id': event.eventId,
      'kyc.webhook.event_kind': event.kind,
      'kyc.webhook.direct': true,
    });
  }

  /** `applyDirectly` from the handler's copy `record`. */
  private async applyCopy(handler: EventHandler, adapter: ProviderAdapter, event: ProviderEvent, record: unknown, requestId: string | undefined, span: Span | null): Promise<WebhookOutcome | null> {
    const { eventId } = event;
    let result: Result;
    try {
      const known = await handler.apply(adapter.provider, event, `${adapter.key}:${eventId}`, requestId, Promise.resolve(record), { provider: adapter.key, eventId });
      if (!known) this.log.info({ requestId, provider: adapter.key, eventId }, 'webhook for a session not created through this API; ignored');
      result = known ? 'processed' : 'ignored';
    } catch (err) {
      if (!(err instanceof DuplicateEvent)) {
        if (!(err instanceof NotDirect)) this.log.debug({ requestId, provider: adapter.key, err }, 'webhook not applied directly; through the inbox');
        return null;
      }
      this.count(this.counters.duplicates, adapter.key);
      recordWebhook(adapter.key, 'duplicate');
      result = 'duplicate';
    }
    span?.setAttribute('kyc.webhook.result', result);
    this.count(this.counters.accepted, adapter.key);
    return { status: 200, body: { received: 1, duplicates: result === 'duplicate' ? 1 : 0, ignored: result === 'ignored' ? 1 : 0, pending: 0 } };
  }

  /**
   * Processes one inbox entry this instance holds (claimed on append or by recovery), and
   * acknowledges it. Never twice to subscribers: a re-run finds the event id processed, or
   * re-applies a change that the store already holds (publishing it once, by its key). `read`:
   * what the handler's `readAhead` started for this event.
   */
  process(entry: InboxEntry, requestId?: string, read?: Promise<unknown>): Promise<Result> {
    if (!tracingEnabled()) return this.processTraced(entry, requestId, read);
    return traceWebhook('process', entry.provider, async (span) => {
      const result = await this.processTraced(entry, requestId, read);
      span?.setAttribute('kyc.webhook.result', result);
      return result;
    }, { 'kyc.webhook.event_id': entry.event.eventId, 'kyc.webhook.event_kind': entry.event.kind });
  }

  private async processTraced(entry: InboxEntry, requestId: string | undefined, read: Promise<unknown> | undefined): Promise<Result> {
    const adapter = this.adapters.get(entry.provider);
    if (!adapter) {
      await this.inbox.remove(entry.id);
      return 'ignored';
    }
    const { eventId } = entry.event;
    if (entry.processed ?? (await this.inbox.processed(entry.provider, eventId))) {
      this.count(this.counters.duplicates, entry.provider);
      recordWebhook(entry.provider, 'duplicate');
      await this.inbox.remove(entry.id);
      return 'duplicate';
    }
    const handler = this.handlers[entry.event.kind] as EventHandler;
    const known = await handler.apply(adapter.provider, entry.event, `${entry.provider}:${eventId}`, requestId, read);
    await this.inbox.complete(entry); // acknowledged and marked processed in one step
    if (!known) this.log.info({ requestId, provider: entry.provider, eventId }, 'webhook for a session not created through this API; ignored');
    return known ? 'processed' : 'ignored';
  }

  /**
   * Finishes entries a crashed or failing processor left unacknowledged for `recoveryAfterMs`, on
   * any replica. A failing entry does not hold back the others; one delivered `maxDeliveries`
   * times moves to the dead letters. Returns how many it processed.
   */
  async recover(limit = 100): Promise<number> {
    const stale = await this.inbox.claimStale(this.recoveryAfterMs, limit);
    let done = 0;
    for (const entry of stale) {
      try {
        await this.process(entry);
        done++;
      } catch (err) {
        if (entry.deliveries >= this.maxDeliveries) {
          await this.inbox.deadLetter(entry, err instanceof Error ? err.message : 'processing failed').catch(() => {});
          recordWebhook(entry.provider, 'dead_lettered');
          this.log.error({ provider: entry.provider, eventId: entry.event.eventId, deliveries: entry.deliveries, err }, 'webhook event moved to the dead letters');
        } else {
          this.log.warn({ provider: entry.provider, deliveries: entry.deliveries, err }, 'inbox recovery failed; will retry');
        }
      }
    }
    return done;
  }
}
