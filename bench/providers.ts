// What the benchmarks need to know about each provider, one entry per provider: how to start a
// verification through the API, how to forge the provider's own signed webhook for it, and how
// to read its simulator's counters. A provider that lands adds its entry to BENCH_PROVIDERS and
// appears in the batching and webhook figures without other changes.
import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import type { App } from '../src/server/app.js';
import type { Provider } from '../src/domain/verification.js';
import type { PawaPassNotification, PawaPassVerification } from '../src/providers/pawapass/mapper.js';
import type { PawaPassSimulator } from '../src/providers/pawapass/simulator.js';
import { SIGNATURE_HEADER as PAWAPASS_SIGNATURE, sign as signPawaPass } from '../src/providers/pawapass/webhook.js';
import type { UpPassWebhook } from '../src/providers/uppass/mapper.js';
import type { UpPassSimulator } from '../src/providers/uppass/simulator.js';
import { basicAuthHeader as upPassBasicAuth } from '../src/providers/uppass/webhook.js';
import type { ArgosWebhook } from '../src/providers/argos/mapper.js';
import type { ArgosSimulator } from '../src/providers/argos/simulator.js';
import { basicAuthorization as argosBasicAuth } from '../src/providers/argos/webhook.js';
import { multipartBody, png, type TestFile } from '../test/support/argos.js';
import { AUTH_HEADERS, gql } from './lib.js';

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
  /**
   * The mutation starting one verification; the result must select `id providerRef`. With
   * `files`, it is sent as a GraphQL multipart upload (variable path → file), as a browser would;
   * use `begin` to send it either way.
   */
  start(subjectId: string, n: number): { query: string; variables: Record<string, unknown>; files?: Record<string, TestFile>; pick(data: Record<string, unknown>): Started };
  /**
   * False when a webhook of this provider makes kyc-graph call the provider back (so figure 3,
   * which measures our webhook → subscriber pipeline, would also measure the provider's API);
   * such providers are left out of figures 3, 4 and 6. Default true. Figure 2 counts the upstream
   * calls two webhooks cause for every provider and fails its last row when a provider in figure
   * 3 makes any (none does today: Argos and UpPass webhooks are merged into what we hold, no GET).
   */
  inWebhookFigure?: boolean;
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

const upPassSimulator = (app: App) => app.adapters.get('UPPASS')!.simulator as UpPassSimulator;

export const upPass: BenchProvider = {
  provider: 'UPPASS',
  key: 'uppass',
  batchRead: false, // UpPass has applied-form info per application, no list or batch get
  env: (secret) => ({ UPPASS_WEBHOOK_SECRETS: secret }),
  start(subjectId, n) {
    const input = { subjectId, formSlug: 'kyc-onboarding', lang: 'en', answers: { customer_id: `${subjectId}-${n}` } };
    return {
      query: `mutation Start($input: StartUpPassVerificationInput!) { startUpPassVerification(input: $input) { id providerRef createdAt } }`,
      variables: { input },
      pick(data) {
        const v = data.startUpPassVerification as Record<string, string>;
        return { id: v.id, providerRef: v.providerRef, extra: { formSlug: input.formSlug, createdAt: v.createdAt } };
      },
    };
  },
  webhook(v, stampMs, first, secret) {
    const at = new Date(stampMs).toISOString();
    const e = v.extra as { formSlug: string; createdAt: string };
    // the form submitted and waiting for review; every later event is one more identity-document
    // attempt (UpPass sends the Submission again with `extra.ekyc`), stamped by its created_at
    const body: UpPassWebhook = {
      event: { type: first ? 'submit_form' : 'update_status', nounce: randomUUID(), created_at: at },
      application: { id: 1, no: 'APP-1', form: e.formSlug, slug: v.providerRef, status: 'review_needed', other_status: { ekyc: 'need_review' }, submitted_at: e.createdAt },
      extra: {
        ekyc: {
          identity_document: {
            url: 'https://app.uppass.io/m/d.png',
            type: 'national_id',
            attempts: [{ id: stampMs, url: 'https://app.uppass.io/m/d.png', type: 'national_id', status: 'need_review', attempt: 1, message: null, created_at: at }],
            face_image_url: 'https://app.uppass.io/m/f.png',
          },
        },
      },
    } as UpPassWebhook;
    return { headers: { 'content-type': 'application/json', authorization: upPassBasicAuth(secret) }, body: JSON.stringify(body) };
  },
  finalStatus: 'accepted',
  stampSelection: 'identityDocument { updatedAt }',
  readStamp: (v) => Date.parse((v.identityDocument as { updatedAt: string }).updatedAt),
  upstream(app) {
    const r = upPassSimulator(app).requests;
    return { calls: r.create + r.info + r.resend, maxInFlight: r.maxInFlight };
  },
  resetMaxInFlight(app) {
    upPassSimulator(app).requests.maxInFlight = 0;
  },
};

const argosSimulator = (app: App) => app.adapters.get('ARGOS')!.simulator as ArgosSimulator;

export const argos: BenchProvider = {
  provider: 'ARGOS',
  key: 'argos',
  batchRead: false, // Argos has GET /submission?submission_id= for one submission, no batch get
  env: (secret) => ({ ARGOS_WEBHOOK_SECRETS: secret }),
  start(subjectId, n) {
    const input = { subjectId, email: `${subjectId}-${n}@example.com`, idType: 'GOVERNMENT_ID', issuingCountry: 'KOR', idImage: null };
    return {
      query: `mutation SubmitArgosDocument($input: SubmitArgosDocumentInput!) { submitArgosDocument(input: $input) { id providerRef status createdAt } }`,
      variables: { input },
      // ≥ 640×480 so the simulator reads it (IN_PROGRESS, step 2 pending); seeded per verification
      files: { 'input.idImage': { bytes: png(800, 600, n + 1), name: 'id.png', type: 'image/png' } },
      pick(data) {
        const v = data.submitArgosDocument as Record<string, string>;
        if (v.status !== 'IN_PROGRESS') throw new Error(`Argos submission answered ${v.status}, not IN_PROGRESS`);
        return { id: v.id, providerRef: v.providerRef, extra: { email: input.email, createdAt: v.createdAt } };
      },
    };
  },
  webhook(v, stampMs, first, secret) {
    const at = new Date(stampMs).toISOString();
    const e = v.extra as { email: string; createdAt: string };
    // step 2 submitted (pending review); every later event is an `updated` naming the reviewer
    // who picked it up (Argos's webhooks carry no other field that changes while pending)
    const body: ArgosWebhook = {
      webhook_trigger: first ? 'submit' : 'updated',
      submission_id: v.providerRef,
      email: e.email,
      kyc_result: { status: 'pending', created_at: e.createdAt, updated_at: at, pending_at: at, reviewer: `reviewer-${stampMs}` },
    };
    return { headers: { 'content-type': 'application/json', authorization: argosBasicAuth(secret) }, body: JSON.stringify(body) };
  },
  finalStatus: 'approved',
  stampSelection: 'details { ... on ArgosDetails { reviewer } }',
  readStamp: (v) => Number(String((v.details as { reviewer: string }).reviewer).replace('reviewer-', '')),
  upstream(app) {
    const r = argosSimulator(app).requests;
    return { calls: r.step1 + r.step2 + r.get, maxInFlight: r.maxInFlight };
  },
  resetMaxInFlight(app) {
    argosSimulator(app).requests.maxInFlight = 0;
  },
};

/** Starts one verification through the API as a client does: JSON, or a multipart upload when it has files. */
export async function begin(p: BenchProvider, url: string, subjectId: string, n: number): Promise<Started> {
  const s = p.start(subjectId, n);
  if (!s.files) return s.pick(await gql(url, s.query, s.variables));
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'apollo-require-preflight': 'true', ...AUTH_HEADERS },
    body: multipartBody(parse(s.query) as never, s.variables, s.files),
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return s.pick(body.data);
}

/** Every provider the benchmarks cover. Add an entry when a provider lands. */
export const BENCH_PROVIDERS: BenchProvider[] = [pawaPass, upPass, argos];

/** The providers figures 3, 4 and 6 send webhooks for (see `inWebhookFigure`). */
export const WEBHOOK_PROVIDERS: BenchProvider[] = BENCH_PROVIDERS.filter((p) => p.inWebhookFigure !== false);
