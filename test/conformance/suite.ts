// The shared conformance suite: one set of cases every provider adapter passes, each provider
// described once by a small descriptor (test/conformance/<provider>.ts). Runs with real HTTP
// between the adapter and its simulator (harness.ts).
//
// Part A, adapter ↔ simulator: create → read back (single, and batch where the provider has one)
//   → the webhook the simulator delivers verifies and parses to the status read back → a
//   tampered webhook is refused → provider error answers map to the documented product errors.
// Part B, simulator ↔ docs: every answer and webhook the suite saw is held against the provider's
//   documented shape: the zod answer schema written from the docs AND the documented example
//   (test/fixtures/providers/<provider>/, same keys and types, shape.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod/v4';
import type { ProviderKey } from '../../src/config.js';
import { isKycError } from '../../src/errors.js';
import { WebhookAuthError, type ProviderEvent } from '../../src/providers/contract.js';
import { fixture } from '../support/fixtures.js';
import { type Delivery, type Exchange, type Host, startHost } from './harness.js';
import { shapeDiffAny, type ShapeRules } from './shape.js';

/** What the adapter made: the provider's ref, the unified and the provider's status. */
export interface Made {
  ref: string;
  status: string;
  providerStatus: string;
  /** Whatever else the descriptor needs to read it back (user id, form slug, the view). */
  ctx?: unknown;
}

export interface ErrorCase {
  /** The provider's documented error (and where it is documented). */
  name: string;
  /** Makes the call that gets that answer from the simulator (or the injected fault). */
  run(h: Host, made: Made): Promise<unknown>;
  /** The product error (DESIGN.md "Errors"): extensions.code and the extensions it carries. */
  expect: { code: string } & Record<string, unknown>;
}

/** One documented answer or webhook shape. */
export interface Documented {
  /** e.g. `GET /v2/verifications/{id} 200`. */
  what: string;
  /** Which recorded answers it is (webhooks: which bodies). */
  match(x: { method: string; path: string; status: number; body: unknown }): boolean;
  /** The answer schema written from the docs (src/providers/<p>/); omitted where the product has none (error bodies read by status). */
  schema?: z.ZodTypeAny;
  /** Documented example(s) in test/fixtures/providers/<provider>/ (the answer must have the shape of one). */
  fixtures?: string[];
  /**
   * The documented example(s) when no single fixture is one (e.g. an answer the docs describe as
   * "the create answer plus the webhook's application"); used instead of `fixtures`.
   */
  examples?: () => unknown[];
  /**
   * The docs give no body for this answer (only a status and an error type): the suite records
   * that it saw it and compares nothing. Say why.
   */
  undocumentedBody?: string;
  /** A documented rule the example alone cannot express (e.g. "a map of field → messages"): the problems found. */
  check?: (body: unknown) => string[];
  /** Part of a fixture to compare with (e.g. one item of a list example). */
  pick?: (fixture: Record<string, unknown>) => unknown;
  rules?: ShapeRules;
}

export interface Descriptor {
  provider: string;
  key: ProviderKey;
  env?: Record<string, string>;
  /** Creates one session / check / ingestion through the adapter (`n` makes it unique). */
  create(h: Host, n: number): Promise<Made>;
  /** The unified status right after create. */
  createdStatus: string;
  /** The adapter's single read. */
  get(h: Host, made: Made): Promise<{ status: string; providerStatus: string }>;
  /** The adapter's batch read, where the provider has one (one call for several). */
  batch?: (h: Host, made: Made[]) => Promise<{ ref: string; status: string }[]>;
  /** Other documented reads that must find the object (e.g. a list filtered by id): each returns the refs it saw. */
  reads?: { name: string; run(h: Host, made: Made): Promise<string[]> }[];
  /** Further documented flows (other webhook events, other outcomes) whose answers and webhooks Part B then holds. */
  scenarios?: { name: string; run(h: Host, n: number): Promise<void> }[];
  /** The sandbox move (`POST /{ref}/advance`) and the unified status its webhook carries. */
  advance: { to: string; status: string; extra?: Record<string, unknown> };
  /** The ref `POST /{ref}/advance` takes (default: made.ref). */
  advanceRef?: (made: Made) => string;
  /**
   * A forged copy of a delivered webhook that must fail verification. Default: one byte of the
   * signed body changed (providers that sign the body); Basic-Auth providers: a wrong password.
   */
  forge?: (w: Delivery) => { rawBody: Buffer; headers: Delivery['headers'] };
  errors: ErrorCase[];
  answers: Documented[];
  webhooks: Documented[];
}

const eventRef = (e: ProviderEvent) =>
  e.kind === 'check' ? { ref: e.check.id, status: e.check.status } : { ref: e.view.providerRef, status: e.view.status };

const parsedBody = (d: Delivery): unknown => {
  try {
    return JSON.parse(d.rawBody.toString('utf8'));
  } catch {
    return d.rawBody.toString('utf8');
  }
};

function tamperBody(w: Delivery) {
  const rawBody = Buffer.from(w.rawBody);
  rawBody[rawBody.length - 2] ^= 0x01;
  return { rawBody, headers: w.headers };
}

/** A Basic-Auth webhook with the wrong password (same user). */
export function wrongBasicPassword(w: Delivery) {
  const user = Buffer.from(String(w.headers.authorization ?? '').replace(/^Basic /i, ''), 'base64').toString('utf8').split(':')[0] ?? '';
  return { rawBody: w.rawBody, headers: { ...w.headers, authorization: `Basic ${Buffer.from(`${user}:not-the-password`).toString('base64')}` } };
}

/** The error `p` rejects with (fails the test when it resolves). */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    const v = await p;
    return { resolved: v };
  } catch (err) {
    return err;
  }
}

/** Registers the conformance suite of one provider. */
export function conformance(d: Descriptor) {
  describe(`conformance: ${d.provider}`, () => {
    let h: Host;
    let n = 0;
    beforeAll(async () => {
      h = await startHost(d.key, d.env);
    });
    afterAll(() => h?.close());

    describe('A. adapter ↔ simulator over HTTP', () => {
      it('create, then read back the same object and status', async () => {
        const made = await d.create(h, ++n);
        expect(made.ref).toBeTruthy();
        expect(made.status).toBe(d.createdStatus);
        const got = await d.get(h, made);
        expect(got).toEqual({ status: made.status, providerStatus: made.providerStatus });
      });

      it.runIf(d.batch)('a batch read answers each object, in order', async () => {
        const made = [await d.create(h, ++n), await d.create(h, ++n)];
        const before = h.exchanges.length;
        const got = await d.batch!(h, [...made].reverse());
        expect(got).toEqual([...made].reverse().map((m) => ({ ref: m.ref, status: m.status })));
        // one call for the batch, not one per object
        expect(h.exchanges.length - before).toBe(1);
      });

      for (const r of d.reads ?? []) {
        it(`read: ${r.name} finds the object`, async () => {
          const made = await d.create(h, ++n);
          expect(await r.run(h, made)).toContain(made.ref);
        });
      }

      it('the webhook the simulator delivers verifies and parses to the status read back; a tampered one is refused', async () => {
        const made = await d.create(h, ++n);
        const from = h.deliveries.length;
        const res = await h.advance(d.advanceRef?.(made) ?? made.ref, d.advance.to, d.advance.extra);
        expect(res.status, await res.clone().text()).toBeLessThan(300);
        const sent = h.deliveries.slice(from);
        expect(sent.length).toBeGreaterThan(0);
        const events: ProviderEvent[] = [];
        for (const w of sent) {
          await h.adapter.verifyWebhook(w);
          events.push(...h.adapter.parseWebhook(w));
        }
        const mine = events.map(eventRef).filter((e) => e.ref === made.ref);
        expect(mine.at(-1)?.status).toBe(d.advance.status);
        expect((await d.get(h, made)).status).toBe(d.advance.status);
        // forged (by default one byte changed after signing): refused before parsing
        const forged = (d.forge ?? tamperBody)(sent.at(-1)!);
        await expect(Promise.resolve().then(() => h.adapter.verifyWebhook(forged))).rejects.toBeInstanceOf(WebhookAuthError);
      });

      for (const sc of d.scenarios ?? []) {
        it(`scenario: ${sc.name}`, () => sc.run(h, ++n));
      }

      for (const e of d.errors) {
        it(`error mapping: ${e.name} → ${e.expect.code}`, async () => {
          const made = await d.create(h, ++n);
          const err = await rejection(e.run(h, made));
          expect(isKycError(err), `expected a product error, got ${JSON.stringify(err)}`).toBe(true);
          const { code, ...ext } = e.expect;
          expect((err as { extensions: Record<string, unknown> }).extensions).toMatchObject({ code, ...ext });
        });
      }
    });

    describe('B. simulator ↔ docs: every answer and webhook seen has the documented shape', () => {
      const hold = (doc: Documented, body: unknown): string[] => {
        const out: string[] = [];
        if (doc.schema) {
          const r = doc.schema.safeParse(body);
          if (!r.success) out.push(...r.error.issues.map((i) => `schema: ${i.path.join('.') || '(root)'}: ${i.message}`));
        }
        if (doc.check) out.push(...doc.check(body).map((s) => `rule: ${s}`));
        if (doc.undocumentedBody) return out;
        const examples =
          doc.examples?.() ??
          (doc.fixtures ?? []).map((f) => {
            const fx = fixture<Record<string, unknown>>(d.key, f);
            return doc.pick ? doc.pick(fx) : fx;
          });
        out.push(...shapeDiffAny(body, examples, doc.rules).map((s) => `example: ${s}`));
        return out;
      };
      const check = (doc: Documented, seen: { label: string; body: unknown }[]) => {
        expect(seen.length, `the suite saw no ${doc.what}`).toBeGreaterThan(0);
        const problems = seen.flatMap((s) => hold(doc, s.body).map((p) => `${s.label}: ${p}`));
        expect([...new Set(problems)]).toEqual([]);
      };
      const answersOf = (doc: Documented) =>
        h.exchanges.filter((x) => doc.match(x)).map((x: Exchange) => ({ label: `${x.method} ${x.path} ${x.status}`, body: x.body }));
      const webhooksOf = (doc: Documented) =>
        h.deliveries.map(parsedBody).filter((body) => doc.match({ method: 'POST', path: '(webhook)', status: 0, body })).map((body) => ({ label: 'webhook', body }));

      for (const doc of d.answers) {
        // eslint-disable-next-line vitest/valid-title
        it(`answer ${doc.what}`, () => check(doc, answersOf(doc)));
      }
      for (const doc of d.webhooks) {
        it(`webhook ${doc.what}`, () => check(doc, webhooksOf(doc)));
      }
      it('every answer and webhook seen is one of the documented ones', () => {
        const stray = [
          ...h.exchanges.filter((x) => !d.answers.some((doc) => doc.match(x))).map((x) => `${x.method} ${x.path} ${x.status}`),
          ...h.deliveries.map(parsedBody).filter((body) => !d.webhooks.some((doc) => doc.match({ method: 'POST', path: '(webhook)', status: 0, body }))).map((b) => `webhook ${JSON.stringify(b).slice(0, 120)}`),
        ];
        expect(stray).toEqual([]);
      });
    });
  });
}
