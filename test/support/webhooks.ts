// Observes what the webhook route did with one body: whether the provider adapter parsed it
// (`parseWebhook`) and whether anything about it was recorded: appended to the inbox (`append`)
// or applied directly (`applyDirectly`, services/webhooks.ts). "Rejected before parsing" is
// asserted on these, not on a spy of the global JSON.parse.
import { vi } from 'vitest';
import type { Inbox } from '../../src/inbox/contract.js';
import type { App } from '../../src/server/app.js';

export interface WebhookWatch {
  /** parseWebhook calls whose raw body is `body`. */
  readonly parsed: number;
  /** inbox.append calls (any provider) whose events mention `marker`, and events mentioning it applied directly. */
  readonly recorded: number;
  restore(): void;
}

/** The inbox the app's webhook service appends to. */
export function inboxOf(app: App): Inbox {
  const inbox = (app.webhooks as unknown as { inbox?: Inbox }).inbox;
  if (!inbox) throw new Error('the webhook service has no `inbox`; update test/support/webhooks.ts');
  return inbox;
}

/** Watches `parseWebhook` of every adapter and the app's inbox for `body` until `restore()`. */
export function watchWebhook(app: App, body: string, marker: string): WebhookWatch {
  const parses = [...app.adapters.values()].map((a) => vi.spyOn(a, 'parseWebhook'));
  const append = vi.spyOn(inboxOf(app), 'append');
  const direct = vi.spyOn(app.webhooks as unknown as { applyDirectly(adapter: unknown, event: unknown): Promise<unknown> }, 'applyDirectly');
  return {
    get parsed() {
      return parses.flatMap((p) => p.mock.calls).filter(([req]) => req.rawBody.toString('utf8') === body).length;
    },
    get recorded() {
      const appended = append.mock.calls.filter(([, events]) => JSON.stringify(events).includes(marker)).length;
      const applied = direct.mock.calls.filter(([, event], i) => JSON.stringify(event).includes(marker) && direct.mock.settledResults[i]?.type === 'fulfilled' && direct.mock.settledResults[i].value !== null).length;
      return appended + applied;
    },
    restore() {
      for (const p of parses) p.mockRestore();
      append.mockRestore();
      direct.mockRestore();
    },
  };
}
