// The sandbox kit a simulator is built on: its timers, injected faults, webhook sender, the
// advance route with per-session queues, and close(). A simulator keeps only its provider's rules
// (routes, validation, bodies, lifecycle) and hands the rest to one SandboxKit.
import type { ServerResponse } from 'node:http';
import { type FaultsOptions, SandboxFaults } from './faults.js';
import { type AdvanceRules, advanceRef, Lifecycle } from './lifecycle.js';
import { TimerSet } from './timers.js';
import { type RetrySchedule, WebhookSender } from './webhooks.js';

export interface SandboxKitOptions<X> {
  /** Where webhooks go, e.g. http://localhost:4000/webhooks/pawapass. */
  webhookUrl: () => string;
  /** The provider's webhook retry schedule. */
  retry: RetrySchedule;
  /** Which webhook answers count as delivered. Default any 2xx. */
  delivered?: (status: number) => boolean;
  /** The provider's fault extras and 400 body. */
  faults?: FaultsOptions<X>;
  /** The clock of deadlines (tests inject one). Default Date.now. */
  now?: () => number;
}

export class SandboxKit<X extends object = Record<never, never>> {
  readonly timers: TimerSet;
  readonly faults: SandboxFaults<X>;
  readonly lifecycle = new Lifecycle();
  readonly webhooks: WebhookSender;

  constructor(options: SandboxKitOptions<X>) {
    this.timers = new TimerSet(options.now);
    this.faults = new SandboxFaults<X>(options.faults);
    this.webhooks = new WebhookSender({ url: options.webhookUrl, retry: options.retry, delivered: options.delivered, timers: this.timers });
  }

  /** Runs `job` after every earlier job of session `ref` (webhooks of one session stay in order). */
  inOrder<T>(ref: string, job: () => Promise<T>): Promise<T> {
    return this.lifecycle.queue.run(ref, job);
  }

  /** The sandbox routes every simulator has: POST/DELETE /faults and POST /{ref}/advance. False for anything else. */
  async routes<S extends string, V>(res: ServerResponse, p: string, method: string, rawBody: Buffer, rules: AdvanceRules<S, V>): Promise<boolean> {
    if (p === '/faults') return this.faults.route(res, method, rawBody);
    const ref = advanceRef(method, p);
    if (ref === null) return false;
    await this.lifecycle.advance(res, ref, rawBody, rules);
    return true;
  }

  /** Stops every timer and pending delivery, then waits for the queued jobs. */
  async close(): Promise<void> {
    this.webhooks.close();
    this.timers.close();
    await this.lifecycle.drain();
  }
}
