// What the pawaPass sandbox makes up and shows: the document and face scan an end user
// "captures", and the end-user page of a session.
import { renderSandboxPage, type SandboxAction } from '../../http/sandbox-page.js';
import type { PawaPassStatus, PawaPassVerification } from './mapper.js';

/** Lifecycle rank: a session only moves to a higher rank; EXPIRED is reachable from any non-final status. */
export const RANK: Record<PawaPassStatus, number> = {
  CREATED: 0,
  STARTED: 1,
  USER_DATA_COLLECTED: 2,
  REVIEW: 3,
  APPROVED: 4,
  DECLINED: 4,
  EXPIRED: 4,
};
export const FINAL = new Set<PawaPassStatus>(['APPROVED', 'DECLINED', 'EXPIRED']);

export function canAdvance(from: PawaPassStatus, to: PawaPassStatus): boolean {
  if (FINAL.has(from)) return false;
  return RANK[to] > RANK[from];
}

/** The end-user page of a session: what pawaPass asks for, what it has, what can happen next. */
export function sessionPage(s: PawaPassVerification, advancePath: string): string {
  const actions: SandboxAction[] = [
    { label: 'Start', to: 'STARTED', hint: 'The end user opens the pawaPass link.' },
    { label: 'Submit captures', to: 'USER_DATA_COLLECTED', hint: 'The end user finishes the document and face scans.' },
    { label: 'Send to review', to: 'REVIEW', hint: 'pawaPass asks a person to look (review reason CAPTURE_ISSUE).' },
    { label: 'Approve', to: 'APPROVED', hint: 'The pawaPass reviewer accepts the identity.', tone: 'primary' as const },
    { label: 'Decline', to: 'DECLINED', hint: 'The pawaPass reviewer rejects it (reason DOCUMENT_VALIDITY).', tone: 'danger' as const },
    { label: 'Let it expire', to: 'EXPIRED', hint: 'The end user never finishes before expiresAt.', tone: 'danger' as const },
  ].filter((a) => canAdvance(s.status, a.to as PawaPassStatus));
  const ASKS: Record<string, string> = {
    DOCUMENT_SCAN: 'Photos of an identity document (front and back where it has one).',
    FACE_SCAN: 'A selfie video to check liveness and estimate age.',
  };
  return renderSandboxPage({
    providerName: 'pawaPass',
    ref: s.id,
    status: s.status,
    asks: s.requirements.map((r) => ({ label: r.type, detail: ASKS[r.type] })),
    fields: [
      ['External id', s.externalId],
      ['Country', s.country ?? '—'],
      ['Phone', s.phoneNo ?? '—'],
      ['Expires', s.expiresAt],
      ['Identity document', s.identityDocument ? `${s.identityDocument.type} ${s.identityDocument.firstName} ${s.identityDocument.lastName}` : 'not captured yet'],
      ['Face scan', s.faceScan ? s.faceScan.ageEstimation : 'not captured yet'],
      ['Review', s.reviewResult?.reason ?? '—'],
      ['After success', s.successUrl],
      ['After an error', s.errorUrl],
      ['Metadata', s.metadata ?? '—'],
    ],
    actions,
    advancePath,
  });
}

/** The identity document the sandbox end user scans. */
export function sampleDocument(country: string, now: string) {
  return {
    type: 'NATIONAL_ID',
    country,
    serialNo: '9876543/21/1',
    nationalNo: 'Z12345678',
    firstName: 'Tisa',
    lastName: 'Banda',
    dateOfBirth: '1997-05-10',
    placeOfBirth: 'Lusaka',
    nationality: country,
    expiryAt: '2032-05-09',
    issuedAt: '2022-05-10',
    issuingAuthority: 'Republic of Zambia',
    placeOfIssue: 'Lusaka',
    createdAt: now,
    updatedAt: now,
  };
}
