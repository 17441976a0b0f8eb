// What the Uphold sandbox makes up: the source verifications it knows (DESIGN.md, "sandbox
// fixtures"), the markers that steer its worker, a new user's KYC overview, and the per-process
// results an ingestion produces.
import { RESULT_KEY, UPHOLD_PROCESSES, type UpholdKycOverview, type UpholdProcess, type UpholdProcessResult } from './mapper.js';

/** What a marker in an approved source ref makes the sandbox do (README, "Uphold KYC Connector"). */
export const SANDBOX_MARKERS = {
  /** Identity ingestion COMPLETED, but the user's identity KYC process fails: duplicate identity conflict. */
  duplicateIdentity: '-duplicate-identity',
  /** Identity ingestion COMPLETED, but the user's identity KYC process fails: the user is underage. */
  underage: '-underage',
  /** Every requested process FAILED with `provider_data_not_available`. */
  dataUnavailable: '-data-unavailable',
  /** The worker leaves the ingestion alone; move it with POST /sandbox/uphold/{id}/advance. */
  hold: '-hold',
  /** No webhooks are sent for this ingestion (exercises the polling safety net). */
  noWebhooks: '-no-webhooks',
} as const;

/** KYC overview processes the connector does not touch, as a new user has them. */
const OTHER_PROCESSES = ['email', 'phone', 'customerDueDiligence', 'taxDetails'] as const;

/** approved / pending / rejected from the ref's prefix; null: no such verification. */
export function fixtureState(ref: string): 'approved' | 'pending' | 'rejected' | null {
  const m = /^(approved|pending|rejected)-/.exec(ref);
  return m ? (m[1] as 'approved' | 'pending' | 'rejected') : null;
}

export function validateProcesses(value: unknown, field: string, add: (field: string, code: string, message: string) => void): UpholdProcess[] {
  if (!Array.isArray(value) || value.length < 1) {
    add(field, 'required', 'At least one process is required');
    return [];
  }
  const out: UpholdProcess[] = [];
  for (const p of value) {
    if (!(UPHOLD_PROCESSES as readonly unknown[]).includes(p)) add(field, 'invalid', `must be one of ${UPHOLD_PROCESSES.join(', ')}`);
    else if (out.includes(p as UpholdProcess)) add(field, 'duplicate', `${p} is given twice`);
    else out.push(p as UpholdProcess);
  }
  return out;
}

export function newUserOverview(): UpholdKycOverview['processes'] {
  const processes: UpholdKycOverview['processes'] = {};
  for (const p of OTHER_PROCESSES) processes[p] = { status: p === 'email' ? 'ok' : 'pending' };
  for (const p of ['profile', 'address', 'identity', 'proofOfAddress']) processes[p] = { status: 'pending' };
  return processes;
}

/** The per-process result the worker produces for a source ref. */
export function outcome(p: UpholdProcess, sourceRef: string, ingestionId: string): UpholdProcessResult {
  if (sourceRef.includes(SANDBOX_MARKERS.dataUnavailable)) {
    return { status: 'failed', data: null, files: [], error: { code: 'provider_data_not_available', message: `${RESULT_KEY[p]} data is not available at the source provider` } };
  }
  const underage = sourceRef.includes(SANDBOX_MARKERS.underage);
  const birthdate = underage ? '2012-03-04' : '1997-05-10';
  const file = (category: string, context: string, size: number) => ({
    id: `${ingestionId.slice(0, 8)}-${category}-${context}`,
    category,
    context,
    contentType: 'image/jpeg',
    size,
    // the source provider's own data about the file (spec: files[].providerDetails)
    providerDetails: { mediaId: `${ingestionId.slice(0, 8)}-media-${context}`, capturedBy: 'sandbox' },
  });
  switch (p) {
    case 'profile':
      return { status: 'completed', data: { fullName: 'Tisa Banda', birthdate, birthplace: { country: 'ZM', town: 'Lusaka' }, primaryCitizenship: 'ZM' }, files: [] };
    case 'address':
      return { status: 'completed', data: { country: 'ZM', subdivision: 'ZM-09', city: 'Lusaka', line1: 'Plot 12 Cairo Road', postalCode: '10101' }, files: [] };
    case 'identity':
      return {
        status: 'completed',
        data: { documentType: 'passport', documentNumber: 'ZN1234567', issuingCountry: 'ZM', expiresAt: '2032-05-09', fullName: 'Tisa Banda', birthdate },
        files: [file('identity-document', 'front', 482_133), file('selfie', 'liveness', 211_870)],
      };
    case 'proof-of-address':
      return { status: 'completed', data: { documentType: 'utility-bill', issuedAt: '2026-09-01', country: 'ZM' }, files: [file('proof-of-address', 'document', 301_442)] };
  }
}
