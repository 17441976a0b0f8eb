// A simulator's webhook sender: POSTs a body to the app's webhook URL with fresh headers on every
// attempt (signatures are made per attempt), and on failure retries in the background on the
// provider's schedule. `send` resolves with the first attempt's outcome, which the advance route
// reports (200 delivered / 202 not yet). close() cancels every pending retry and aborts the
// deliveries in flight.
import { TimerSet } from './timers.js';

export interface RetrySchedule {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the attempt after attempt `n` (1-based) failed. */
  delayMs(n: number): number;
}

/** 1 s doubling (capped), optionally with ± `jitter` (0.25: ±25 %). */
export function doubling(attempts: number, options: { baseMs?: number; capMs?: number; jitter?: number; random?: () => number } = {}): RetrySchedule {
  const { baseMs = 1000, capMs = Infinity, jitter = 0, random = Math.random } = options;
  return { attempts, delayMs: (n) => Math.min(baseMs * 2 ** (n - 1), capMs) * (jitter ? 1 - jitter + random() * 2 * jitter : 1) };
}

export interface WebhookSenderOptions {
  /** Where webhooks go, e.g. http://localhost:4000/webhooks/pawapass (read on every attempt). */
  url: () => string;
  retry: RetrySchedule;
  /** Which answers count as delivered. Default any 2xx. */
  delivered?: (status: number) => boolean;
  /** Per-attempt timeout. Default 10 s. */
  timeoutMs?: number;
  /** Where retries are scheduled (shared with the simulator's other timers). Default its own. */
  timers?: TimerSet;
}

export class WebhookSender {
  /** Delivery attempts made (retries included); tests read it. */
  sent = 0;
  private readonly timers: TimerSet;
  private readonly inFlight = new Set<AbortController>();
  private closed = false;

  constructor(private readonly options: WebhookSenderOptions) {
    this.timers = options.timers ?? new TimerSet();
  }

  /**
   * Delivers `body`; when the first attempt fails, retries in the background on the schedule.
   * `headers` is called for every attempt. Resolves with whether the first attempt was delivered.
   */
  async send(body: string, headers: () => Record<string, string>, attempt = 1): Promise<boolean> {
    const ok = await this.attempt(body, headers());
    if (!ok && attempt < this.options.retry.attempts && !this.closed) {
      this.timers.after(this.options.retry.delayMs(attempt), () => void this.send(body, headers, attempt + 1));
    }
    return ok;
  }

  /** One attempt (a caller with its own schedule, e.g. ordered batches, uses this). */
  async attempt(body: string, headers: Record<string, string>): Promise<boolean> {
    if (this.closed) return false;
    this.sent++;
    const abort = new AbortController();
    const timeout = setTimeout(() => abort.abort(), this.options.timeoutMs ?? 10_000);
    this.inFlight.add(abort);
    try {
      const res = await fetch(this.options.url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        signal: abort.signal,
      });
      await res.arrayBuffer();
      return (this.options.delivered ?? ((s) => s >= 200 && s < 300))(res.status);
    } catch {
      return false;
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(abort);
    }
  }

  /** Cancels pending retries and aborts deliveries in flight; later sends are not made. */
  close(): void {
    this.closed = true;
    this.timers.close();
    for (const a of this.inFlight) a.abort();
  }
}

/**
 * Ordered, bundled delivery (e.g. Upvest): events raised within `delayMs` go in one request of at
 * most `maxBatch`, one request at a time; a failing request blocks later ones and is retried after
 * each wait of `backoffMs`, then dropped. `push` resolves once its event's first attempt is made.
 */
export class OrderedBatches<E> {
  private queue: { event: E; delivered: (ok: boolean) => void }[] = [];
  private flush: NodeJS.Timeout | null = null;
  private delivering: Promise<void> | null = null;
  private readonly sleeps = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly options: {
      delayMs: number;
      maxBatch: number;
      backoffMs: readonly number[];
      /** Sends one request carrying these events; true when delivered. */
      deliver: (events: E[]) => Promise<boolean>;
    },
  ) {}

  push(event: E): Promise<boolean> {
    return new Promise((delivered) => {
      this.queue.push({ event, delivered });
      this.schedule();
    });
  }

  /** True when no event is waiting or being delivered. */
  get idle(): boolean {
    return !this.flush && !this.delivering && this.queue.length === 0;
  }

  private schedule() {
    if (this.flush || this.delivering || this.closed || !this.queue.length) return;
    this.flush = setTimeout(() => {
      this.flush = null;
      this.delivering = this.deliverAll().finally(() => {
        this.delivering = null;
        this.schedule();
      });
    }, this.options.delayMs);
  }

  private async deliverAll() {
    while (this.queue.length && !this.closed) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      const events = batch.map((p) => p.event);
      let ok = await this.options.deliver(events);
      for (const p of batch) p.delivered(ok);
      for (let i = 0; !ok && i < this.options.backoffMs.length && !this.closed; i++) {
        await this.sleep(this.options.backoffMs[i]);
        ok = await this.options.deliver(events);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(t);
        this.sleeps.delete(wake);
        resolve();
      };
      const t = setTimeout(wake, ms);
      this.sleeps.add(wake);
    });
  }

  /** Stops: wakes the backoff waits, answers the waiting events as not delivered, waits for the running request. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.flush) clearTimeout(this.flush);
    for (const wake of [...this.sleeps]) wake();
    for (const p of this.queue) p.delivered(false);
    this.queue = [];
    await this.delivering?.catch(() => {});
  }
}
