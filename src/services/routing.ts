// The routed start (DESIGN.md, "One start for any hosted flow"): one call opens a hosted
// verification at the provider the routing policy picks for the end user's country, moves on to
// the next when one is unavailable (timeout, 5xx, unreachable, open circuit: read first, so a
// known-down provider costs no call), stops at a provider's 4xx, and reuses the subject's recent
// APPROVED verification instead of paying for a new one. One idempotency key covers the whole
// routed start: a retry returns the first result and never opens a session at a second provider.
import type { Logger } from 'pino';
import type { Provider, ProviderVerificationView, RoutedAttempt, VerificationRecord } from '../domain/verification.js';
import { badUserInput, ErrorCode, isKycError, KycError } from '../errors.js';
import type { HostedFlow, HostedStartFields, ProviderAdapter } from '../providers/contract.js';
import type { ProviderResilience } from '../providers/resilience.js';
import { recordRoutingFailover } from '../observability/metrics.js';
import { CREATING_TTL_MS, type Page, type Store } from '../store/contract.js';
import { runIdempotent } from './idempotency.js';
import { checkPolicy, type Coverage, routeFor, RoutingPolicyError, type RoutingPolicy, serves } from './routing-policy.js';
import type { VerificationService } from './verifications.js';
import { randomUUID } from 'node:crypto';

/** One failed try: the provider was unavailable (or its circuit open) and the next was tried. */
export type ProviderAttempt = RoutedAttempt;

export interface RoutedStartRequest {
  tenant: string;
  fields: HostedStartFields;
  /** The order to try, given by the client; null = the routing policy's for the country. */
  providers: readonly Provider[] | null;
  /** 1..3650: reuse an APPROVED verification of the subject approved at most this many days ago. */
  reuseApprovedWithinDays: number | null;
  idempotencyKey: string | null;
  /** The validated input (without the key), fingerprinted for idempotency. */
  input: unknown;
}

export interface RoutedStart {
  /** The verification's id (the idempotency result). */
  id: string;
  verification: VerificationRecord;
  reused: boolean;
  attempts: ProviderAttempt[];
}

type Outcome = { reused: VerificationRecord } | { provider: Provider; view: ProviderVerificationView; attempts: ProviderAttempt[] };

/** How many stored verifications of a subject a reuse looks through at most (newest first). */
const REUSE_SCAN_LIMIT = 1000;
const DAY_MS = 86_400_000;
/** Scopes the idempotency key. */
const OPERATION = 'startVerification';

/** Circuit states in which a provider is not called at all (half-open: a probe decides, the call fails fast). */
const SKIPPED_CIRCUITS = new Set(['open', 'isolated']);

export class RoutingService {
  private readonly hosted: ReadonlyMap<Provider, HostedFlow>;
  private readonly coverage: Coverage;

  /** Throws RoutingPolicyError (naming the country or provider) for a policy the providers cannot follow. */
  constructor(
    private readonly store: Store,
    private readonly verifications: VerificationService,
    adapters: ReadonlyMap<Provider, ProviderAdapter>,
    private readonly resilience: ProviderResilience,
    private readonly policy: RoutingPolicy | null,
    private readonly log: Logger,
    private readonly idempotencyWaitMs?: number,
  ) {
    this.hosted = new Map([...adapters.values()].filter((a) => a.hostedFlow).map((a) => [a.provider, a.hostedFlow!]));
    this.coverage = new Map([...this.hosted].map(([p, f]) => [p, f.countries]));
    if (policy) checkPolicy(policy, this.coverage);
  }

  /** The providers a start for `country` would try, in order (no circuit read). */
  route(country: string, providers: readonly Provider[] | null = null): Provider[] {
    if (!providers) return routeFor(this.policy, this.coverage, country);
    return providers.filter((p) => serves(this.coverage, p, country));
  }

  async start(req: RoutedStartRequest): Promise<RoutedStart> {
    const { fields } = req;
    for (const [i, p] of (req.providers ?? []).entries()) {
      if (!this.hosted.has(p)) throw badUserInput(`input.providers[${i}]`, `${p} has no hosted flow (hosted: ${[...this.hosted.keys()].join(', ')})`);
    }
    const route = this.route(fields.country, req.providers);
    if (route.length === 0) {
      throw req.providers
        ? badUserInput('input.providers', `none of these providers serves ${fields.country}`)
        : badUserInput('input.country', `no hosted provider serves ${fields.country}`);
    }
    // every candidate's request is built (and its problems reported) before any provider is called
    const prepared = route.map((provider) => {
      const p = this.hosted.get(provider)!.prepare(fields);
      if (!p.ok) throw badUserInput(`input.${p.field}`, p.message);
      return { provider, create: p.create };
    });

    const marker = randomUUID();
    // a webhook may overtake a provider's answer: replicas hold it back while this is set
    await Promise.all(route.map((p) => this.store.beginCreating(p.toLowerCase(), marker, CREATING_TTL_MS)));
    const key = req.idempotencyKey ? `${req.tenant}:${OPERATION}:${req.idempotencyKey}` : null;
    try {
      return await runIdempotent<Outcome, RoutedStart>({
        store: this.store,
        key,
        input: req.input,
        provider: route.join(', '),
        waitMs: this.idempotencyWaitMs,
        load: (id) => this.load(req.tenant, key, id),
        call: async () => {
          if (req.reuseApprovedWithinDays != null) {
            const reused = await this.findReusable(req.tenant, fields.subjectId, req.reuseApprovedWithinDays);
            if (reused) return { reused };
          }
          return this.tryInOrder(prepared);
        },
        record: async (outcome) => {
          if ('reused' in outcome) return { id: outcome.reused.id, verification: outcome.reused, reused: true, attempts: [] };
          const record = await this.verifications.recordRouted(
            { provider: outcome.provider, operation: OPERATION, tenant: req.tenant, subjectId: fields.subjectId, idempotencyKey: req.idempotencyKey },
            outcome.view,
            outcome.attempts,
          );
          return { id: record.id, verification: record, reused: false, attempts: outcome.attempts };
        },
      });
    } finally {
      await Promise.all(route.map((p) => this.store.endCreating(p.toLowerCase(), marker).catch(() => {})));
    }
  }

  private async tryInOrder(candidates: { provider: Provider; create: () => Promise<ProviderVerificationView> }[]): Promise<Outcome> {
    const attempts: ProviderAttempt[] = [];
    for (const { provider, create } of candidates) {
      const circuit = this.resilience.circuitStates([provider])[provider];
      if (SKIPPED_CIRCUITS.has(circuit)) {
        attempts.push({ provider, code: 'CIRCUIT_OPEN', message: `not called: its circuit is ${circuit} after repeated failures` });
        recordRoutingFailover(provider);
        continue;
      }
      try {
        const view = await create();
        return { provider, view, attempts };
      } catch (err) {
        if (isKycError(err) && err.code === ErrorCode.PROVIDER_UNAVAILABLE) {
          attempts.push({ provider, code: err.code, message: err.message });
          recordRoutingFailover(provider);
          this.log.warn({ provider, code: err.code }, 'routed start: provider unavailable, trying the next');
          continue;
        }
        // a 4xx, a rate limit or bad input: the provider answered; stop with its error
        if (isKycError(err) && attempts.length) throw new KycError(err.code, err.message, { ...err.extensions, attempts });
        throw err;
      }
    }
    throw new KycError(ErrorCode.PROVIDER_UNAVAILABLE, `every provider for this start is unavailable: ${attempts.map((a) => `${a.provider} (${a.message})`).join('; ')}`, {
      provider: null,
      httpStatus: null,
      attempts,
    });
  }

  /**
   * The subject's newest APPROVED verification of a hosted provider in this tenant, approved at
   * most `days` days ago, whose identity document (when known) has not expired.
   */
  private async findReusable(tenant: string, subjectId: string, days: number): Promise<VerificationRecord | null> {
    const now = Date.now();
    const cutoff = now - days * DAY_MS;
    const today = new Date(now).toISOString().slice(0, 10);
    let afterId: string | null = null;
    for (let scanned = 0; scanned < REUSE_SCAN_LIMIT; ) {
      const page: Page<VerificationRecord> = await this.store.list<VerificationRecord>('verification', {
        tenant,
        subjectId,
        first: 100,
        afterId,
        where: (v) => v.status === 'APPROVED' && this.hosted.has(v.provider) && v.tenant === tenant && v.subjectId === subjectId,
      });
      for (const v of page.items) {
        const approvedAt = Date.parse(v.history.findLast((h) => h.status === 'APPROVED')?.at ?? v.updatedAt);
        if (!(approvedAt >= cutoff)) continue;
        const docExpiry = v.identityDocument?.expiryAt;
        if (docExpiry && docExpiry < today) continue;
        return v;
      }
      scanned += 100;
      if (!page.hasNextPage || page.items.length === 0) return null;
      afterId = page.items.at(-1)!.id;
    }
    return null;
  }

  /**
   * The stored result of this routed start (its verification id); null when the verification is
   * gone (erased). The verification records the key that created it and the attempts before it;
   * a verification this key did not create was reused.
   */
  private async load(tenant: string, key: string | null, id: string): Promise<RoutedStart | null> {
    const [record] = await this.store.getMany<VerificationRecord>('verification', [id]);
    if (!record || record.tenant !== tenant) return null;
    const created = key !== null && record.idempotencyKey === key;
    return { id, verification: record, reused: !created, attempts: created ? (record.routedAttempts ?? []) : [] };
  }
}

export { RoutingPolicyError };
