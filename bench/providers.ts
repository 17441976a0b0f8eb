// What the benchmarks need to know about each provider, one entry per provider: how to start a
// verification through the API, how to forge the provider's own signed webhook for it, and how
// to read its simulator's counters. A provider that lands adds its entry to BENCH_PROVIDERS and
// appears in the batching and webhook figures without other changes.
import { randomUUID } from 'node:crypto';
import type { App } from '../src/server/app.js';
import type { Provider } from '../src/domain/verification.js';
import type { PawaPassNotification, PawaPassVerification } from '../src/providers/pawapass/mapper.js';
import type { PawaPassSimulator } from '../src/providers/pawapass/simulator.js';
import { SIGNATURE_HEADER as PAWAPASS_SIGNATURE, sign as signPawaPass } from '../src/providers/pawapass/webhook.js';

/** A verification the bench started, with what it needs to forge webhooks about it. */
export interface Started {
  id: string;
  providerRef: string;
  /** Provider-specific facts kept from the start (e.g. the request body echoed in webhooks). */
  extra: Record<string, unknown>;
}

export interface BenchProvider {
  provider: Provider;
  /** Path segment of /webhooks/{key} and /sandbox/{key}. */
  key: string;
  /** True when the provider has a batch read; otherwise refreshes are capped single GETs. */
  batchRead: boolean;
  /** Server env so the bench can sign webhooks (sandbox mode otherwise picks a random secret). */
  env(webhookSecret: string): Record<string, string>;
  /** The mutation starting one verification; the result must select `id providerRef`. */
  start(subjectId: string, n: number): { query: string; variables: Record<string, unknown>; pick(data: Record<string, unknown>): Started };
  /**
   * One signed webhook saying the verification changed at `stampMs` (unique and increasing per
   * event). `first` marks the first event about this verification.
   */
  webhook(v: Started, stampMs: number, first: boolean, secret: string): { headers: Record<string, string>; body: string };
  /** A status of the provider's own that is final, for POST /sandbox/{key}/{ref}/advance. */
  finalStatus: string;
  /** Subscription selection under `verification { … }` that carries the stamp back, and its reader. */
  stampSelection: string;
  readStamp(verification: Record<string, unknown>): number;
  /** Calls the in-process simulator has answered on its REST API so far, and the most at once. */
  upstream(app: App): { calls: number; maxInFlight: number };
  resetMaxInFlight(app: App): void;
}

const pawaPassSimulator = (app: App) => app.adapters.get('PAWAPASS')!.simulator as PawaPassSimulator;

export const pawaPass: BenchProvider = {
  provider: 'PAWAPASS',
  key: 'pawapass',
  batchRead: false, // pawaPass has GET /v2/verifications/{id} and a paged list, no batch get
  env: (secret) => ({ PAWAPASS_WEBHOOK_SECRETS: secret }),
  start(subjectId, n) {
    const input = {
      subjectId,
      externalId: `${subjectId}-${n}`,
      requirements: [{ type: 'DOCUMENT_SCAN' }, { type: 'FACE_SCAN' }],
      successUrl: 'https://example.com/success',
      errorUrl: 'https://example.com/error',
      supportUrl: 'https://example.com/support',
      country: 'ZM',
      phoneNo: '+260971234567',
      metadata: { channel: 'bench' },
    };
    return {
      query: `mutation Start($input: StartPawaPassVerificationInput!) { startPawaPassVerification(input: $input) { id providerRef url expiresAt createdAt } }`,
      variables: { input },
      pick(data) {
        const v = data.startPawaPassVerification as Record<string, string>;
        const { subjectId: _s, ...body } = input;
        return { id: v.id, providerRef: v.providerRef, extra: { ...body, url: v.url, expiresAt: v.expiresAt, createdAt: v.createdAt } };
      },
    };
  },
  webhook(v, stampMs, first, secret) {
    const at = new Date(stampMs).toISOString();
    const e = v.extra as Omit<PawaPassVerification, 'id'>;
    // the session in review; every later event is an agent correcting the extracted document
    const data: PawaPassVerification = {
      id: v.providerRef,
      externalId: e.externalId,
      country: e.country,
      phoneNo: e.phoneNo,
      requirements: e.requirements,
      url: e.url,
      status: 'REVIEW',
      metadata: e.metadata,
      successUrl: e.successUrl,
      errorUrl: e.errorUrl,
      supportUrl: e.supportUrl,
      identityDocument: {
        type: 'NATIONAL_ID', country: 'ZM', serialNo: '9876543/21/1', nationalNo: 'Z12345678', firstName: 'Tisa', lastName: 'Banda',
        dateOfBirth: '1997-05-10', placeOfBirth: 'Lusaka', nationality: 'ZM', expiryAt: '2032-05-09', issuedAt: '2022-05-10',
        issuingAuthority: 'Republic of Zambia', placeOfIssue: 'Lusaka', createdAt: e.createdAt, updatedAt: at,
      },
      faceScan: { ageEstimation: 'OVER_18', createdAt: e.createdAt, updatedAt: e.createdAt },
      reviewResult: { reason: 'CAPTURE_ISSUE' },
      createdBy: null,
      expiresAt: e.expiresAt,
      createdAt: e.createdAt,
      updatedAt: at,
    };
    const notification: PawaPassNotification = {
      notificationId: randomUUID(),
      type: first ? 'VERIFICATION.STATUS_CHANGE' : 'VERIFICATION.IDENTITY_DOCUMENT_CHANGE',
      object: 'VERIFICATION',
      createdAt: at,
      data,
    };
    const body = JSON.stringify(notification);
    return { headers: { 'content-type': 'application/json', [PAWAPASS_SIGNATURE]: signPawaPass(body, secret) }, body };
  },
  finalStatus: 'APPROVED',
  stampSelection: 'identityDocument { updatedAt }',
  readStamp: (v) => Date.parse((v.identityDocument as { updatedAt: string }).updatedAt),
  upstream(app) {
    const r = pawaPassSimulator(app).requests;
    return { calls: r.create + r.get + r.list, maxInFlight: r.maxInFlight };
  },
  resetMaxInFlight(app) {
    pawaPassSimulator(app).requests.maxInFlight = 0;
  },
};

/** Every provider the benchmarks cover. Add an entry when a provider lands. */
export const BENCH_PROVIDERS: BenchProvider[] = [pawaPass];
