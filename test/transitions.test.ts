// The transition rule of DESIGN "Statuses never go back", on the pure domain functions.
import { describe, expect, it } from 'vitest';
import { applyIngestionView, newIngestionRecord, type ProviderIngestionView } from '../src/domain/ingestion.js';
import { applyView, type IdentityDocument, newVerificationRecord, type ProviderVerificationView, type VerificationStatus } from '../src/domain/verification.js';

const view = (status: VerificationStatus, providerUpdatedAt: string | null = null, providerStatus: string = status.toLowerCase()): ProviderVerificationView => ({
  providerRef: 'ref-1', status, providerStatus, externalId: null, url: null, country: null, identityDocument: null, faceScan: null,
  reviewReason: null, retriesLeft: null, metadata: null, details: null, expiresAt: null, providerUpdatedAt,
});
const t = (s: number) => new Date(Date.UTC(2026, 10, 26, 10, 0, s));

function run(...views: ProviderVerificationView[]) {
  let record = newVerificationRecord('ARGOS', 'acme', 'subject-1', views[0], t(0));
  const published: VerificationStatus[] = [];
  views.slice(1).forEach((v, i) => {
    const applied = applyView(record, v, t(i + 1));
    record = applied.record;
    if (applied.changed) published.push(record.status);
  });
  return { record, published };
}

describe('a verification status never goes back', () => {
  it('an APPROVED verification keeps APPROVED when a view without provider timestamp says IN_PROGRESS', () => {
    const { record, published } = run(view('CREATED'), view('APPROVED'), view('IN_PROGRESS'));
    expect(record.status).toBe('APPROVED');
    expect(record.history.map((h) => h.status)).toEqual(['CREATED', 'APPROVED']);
    expect(published).toEqual(['APPROVED']);
  });

  it('a final status is terminal even when a later provider timestamp says otherwise', () => {
    const { record } = run(view('CREATED', '2026-11-26T10:00:00Z'), view('DECLINED', '2026-11-26T10:00:05Z'), view('APPROVED', '2026-11-26T10:00:09Z'));
    expect(record.status).toBe('DECLINED');
  });

  it('among non-final statuses, lifecycle rank decides when timestamps are missing or equal', () => {
    expect(run(view('CREATED'), view('IN_REVIEW'), view('IN_PROGRESS')).record.status).toBe('IN_REVIEW');
    const same = '2026-11-26T10:00:00Z';
    expect(run(view('CREATED', same), view('IN_REVIEW', same), view('IN_PROGRESS', same)).record.status).toBe('IN_REVIEW');
  });

  it('the provider timestamp decides when both views carry one and they differ', () => {
    const { record } = run(view('CREATED', '2026-11-26T10:00:00Z'), view('IN_REVIEW', '2026-11-26T10:00:05Z'), view('IN_PROGRESS', '2026-11-26T10:00:03Z'));
    expect(record.status).toBe('IN_REVIEW');
  });

  it("Argos's RETRY_REQUIRED → IN_PROGRESS (a new attempt) is a forward step", () => {
    const { record } = run(view('IN_PROGRESS'), view('RETRY_REQUIRED'), view('IN_PROGRESS'), view('APPROVED'));
    expect(record.history.map((h) => h.status)).toEqual(['IN_PROGRESS', 'RETRY_REQUIRED', 'IN_PROGRESS', 'APPROVED']);
  });

  it('history lists each status once, even when the provider repeats a status with other details', () => {
    const { record } = run(view('CREATED'), view('IN_PROGRESS', null, 'a'), view('IN_PROGRESS', null, 'b'), view('APPROVED'));
    expect(record.history.map((h) => h.status)).toEqual(['CREATED', 'IN_PROGRESS', 'APPROVED']);
  });
});

describe('an applied view keeps one copy of what did not change', () => {
  it("shares the record's own parts (and its history) where the view holds exactly the same, and reports a change as before", () => {
    const doc: IdentityDocument = {
      type: 'PASSPORT', country: 'ZM', serialNo: null, nationalNo: 'Z12345678', firstName: 'Tisa', lastName: 'Banda', dateOfBirth: '1997-05-10', placeOfBirth: null,
      nationality: 'ZM', expiryAt: '2032-05-09', issuedAt: '2022-05-10', issuingAuthority: null, placeOfIssue: null, createdAt: null, updatedAt: null,
    };
    const first = { ...view('IN_PROGRESS'), identityDocument: doc, metadata: { channel: 'web' } };
    const record = newVerificationRecord('PAWAPASS', 'acme', null, first, t(0));
    // a later webhook parses every part anew: equal JSON, other objects
    const again = applyView(record, { ...view('IN_PROGRESS'), identityDocument: { ...doc }, metadata: { channel: 'web' } }, t(1));
    expect(again.changed).toBe(false);
    expect(again.record.identityDocument).toBe(record.identityDocument);
    expect(again.record.metadata).toBe(record.metadata);
    expect(again.record.history).toBe(record.history);
    expect(again.record.updatedAt).toBe(record.updatedAt);
    const approved = applyView(record, { ...view('APPROVED'), identityDocument: { ...doc }, metadata: { channel: 'app' } }, t(2));
    expect(approved.changed).toBe(true);
    expect(approved.record.identityDocument).toBe(record.identityDocument);
    expect(approved.record.metadata).toEqual({ channel: 'app' });
    expect(approved.record.history.map((h) => h.status)).toEqual(['IN_PROGRESS', 'APPROVED']);
    expect(record.history.map((h) => h.status)).toEqual(['IN_PROGRESS']); // never changed in place
    expect(approved.record.updatedAt).toBe(t(2).toISOString());
  });
});

describe('an ingestion status never goes back', () => {
  const iview = (status: ProviderIngestionView['status']): ProviderIngestionView => ({
    providerRef: 'i-1', source: 'SUMSUB', sourceVerificationRef: 'approved-1', userId: 'u1', processes: ['PROFILE'], status,
    providerStatus: status.toLowerCase(), results: [], startedAt: null, finishedAt: null, providerUpdatedAt: null,
  } as unknown as ProviderIngestionView);
  it('FINISHED stays FINISHED whatever arrives later', () => {
    let r = newIngestionRecord('UPHOLD', 'acme', iview('QUEUED'), t(0));
    r = applyIngestionView(r, iview('FINISHED'), t(1)).record;
    const late = applyIngestionView(r, iview('RUNNING'), t(2));
    expect(late.changed).toBe(false);
    expect(late.record.status).toBe('FINISHED');
  });
});
