// What the UpPass sandbox makes up and shows: an application's lifecycle, the Submission `extra`
// an end user's eKYC produces (liveness, face compare, document, bank statement), and the form page.
import { randomUUID } from 'node:crypto';
import { renderSandboxPage } from '../../http/sandbox-page.js';
import type { UpPassAnswer, UpPassApplicationStatus, UpPassBankStatement, UpPassEkyc, UpPassWebhook } from './mapper.js';

export interface Application {
  id: number;
  no: string;
  slug: string;
  form: string;
  lang: string;
  status: UpPassApplicationStatus;
  ekyc: string | null;
  predefined: Record<string, unknown>;
  submittedAt: string | null;
  createdAt: string;
  lastEventType: string | null;
  extra: UpPassWebhook['extra'];
  answers: Record<string, UpPassAnswer>;
}

export const RANK: Record<UpPassApplicationStatus, number> = { created: 0, in_progress: 1, complete: 2, review_needed: 3, accepted: 4, rejected: 4, expired: 4 };
export const FINAL = new Set<UpPassApplicationStatus>(['accepted', 'rejected', 'expired']);
export const SUBMITTED = new Set<UpPassApplicationStatus>(['complete', 'review_needed', 'accepted', 'rejected']);

/** Where an application may go: forward only; `expired` (drop-off) only before submission. */
export function canAdvance(from: UpPassApplicationStatus, to: UpPassApplicationStatus): boolean {
  if (FINAL.has(from)) return false;
  if (to === 'expired') return !SUBMITTED.has(from);
  return RANK[to] > RANK[from];
}

/** A realistic Submission `extra`: liveness attempts, face compare, identity document, bank statement. */
export function submissionExtra(app: Application, outcome: string, now: string, publicBase: string): UpPassWebhook['extra'] {
  const media = (name: string) => `${publicBase}/media/${app.slug}/${name}.png`;
  const docType = typeof app.predefined.ekyc_document_type === 'string' ? app.predefined.ekyc_document_type : 'national_id';
  const frames = (n: number) => [
    { url: media(`liveness-${n}-blink`), action: 'blink' },
    { url: media(`liveness-${n}-turn_left`), action: 'turn_left' },
  ];
  const liveness =
    outcome === 'pass'
      ? [{ id: app.id * 10 + 1, images: frames(1), status: 'pass', attempt: 1, message: null, created_at: now }]
      : outcome === 'need_review'
        ? [
            { id: app.id * 10 + 1, images: frames(1), status: 'fail', attempt: 1, message: 'Please move closer to the camera', created_at: now },
            { id: app.id * 10 + 2, images: frames(2), status: 'pass', attempt: 2, message: null, created_at: now },
          ]
        : [
            { id: app.id * 10 + 1, images: frames(1), status: 'fail', attempt: 1, message: 'Face not detected', created_at: now },
            { id: app.id * 10 + 2, images: frames(2), status: 'fail', attempt: 2, message: 'Liveness check failed', created_at: now },
          ];
  const document = [{ id: app.id * 10 + 5, url: media('document-front'), type: docType, status: 'pass', attempt: 1, message: null, created_at: now }];
  const ekyc: UpPassEkyc = {
    liveness: { url: media('liveness'), attempts: liveness },
    face_compare: { score: outcome === 'pass' ? 0.94 : outcome === 'need_review' ? 0.71 : 0.32, status: outcome },
    identity_document: { url: media('document-front'), type: docType, attempts: document, face_image_url: media('document-face') },
  };
  const passed = outcome !== 'fail';
  const doc = (n: number) => ({
    id: app.id * 10 + n,
    bank_statement: app.id,
    url: media(`statement-${n}`),
    file_pk: randomUUID(),
    applicant_id: String(app.id),
    account_name: 'SOMCHAI JAIDEE',
    account_type: 'savings',
    branch_name: 'Silom',
    statement_period_from: '2026-05-01',
    statement_period_to: '2026-07-31',
    doc_period_from: '2026-05-01',
    doc_period_to: '2026-07-31',
    doc_requested_date: null,
    account_number: 'xxx-x-x1234-x',
    address: null,
    validation_note: passed ? '' : 'Creation and modification dates differ',
    validation_same_creation_mod_date: passed,
    validation_name_match: true,
    validation_has_transaction: true,
    validation_valid_structure: true,
    validation_valid_account_number: true,
    validation_producer_check: passed,
    metadata_created_date: now,
    metadata_mod_date: now,
    metadata_producer: 'Bank statement service',
    metadata_creator: 'Bank statement service',
    bank_code: '014',
    file_name: `statement-${n}.pdf`,
    ocr_created_at: now,
    password: null,
    status: 'done',
    excluded: false,
    created_at: now,
    deleted_at: null,
    transactions: [
      { id: n * 100 + 1, document_id: app.id * 10 + n, transaction_id: `T${n}01`, transaction_date: '2026-06-01', transaction_type: 'deposit', chq: '', particular: 'Salary', party: 'ACME CO LTD', channel: 'transfer', deposit: 45000, withdrawal: 0, balance: 61000, category: null, exclusion_flag: null, exclusion_reason: null, group_name: null, lo_issuer_tier: null, lo_type: null, created_at: now, deleted_at: null },
    ],
  });
  const bank: UpPassBankStatement = {
    id: app.id,
    margin: null,
    casa_weighted_pct: null,
    validation: { validation_transaction_min_month: true, validation_transaction_latest_after: passed, validation_transaction_oldest_before: true },
    validation_pass: passed,
    validation_note: { validation_transaction_min_month: null, validation_transaction_latest_after: passed ? '' : 'Latest transaction is too old', validation_transaction_oldest_before: '' },
    documents: [doc(7), doc(8)],
    created_at: now,
    deleted_at: null,
  };
  return { ekyc, bank_statement: bank };
}

/** The form page; `section`: where the form is, as in its URL /{lang}/form/{form}/{slug}/{step}/{section}. */
export function formPage(app: Application, section: string | null | undefined, advancePath: string): string {
  const actions = [
    { label: 'Open the form', to: 'in_progress' },
    { label: 'Submit (eKYC passes)', to: 'complete' },
    { label: 'Submit; needs review', to: 'review_needed' },
    { label: 'Accept', to: 'accepted' },
    { label: 'Reject', to: 'rejected' },
    { label: 'Leave (form drops off)', to: 'expired' },
  ].filter((a) => canAdvance(app.status, a.to as UpPassApplicationStatus));
  const docType = typeof app.predefined.ekyc_document_type === 'string' ? app.predefined.ekyc_document_type : 'national_id';
  const at = (s: string) => (section === s ? ' (the form is here)' : '');
  return renderSandboxPage({
    providerName: 'UpPass',
    ref: app.slug,
    status: app.status,
    asks: [
      { label: 'ekyc / document', detail: `Photograph the ${docType} (front; back for a national ID); eKYC reads it${at('document')}` },
      { label: 'ekyc / liveness', detail: `Face liveness, compared with the document photo${at('liveness')}` },
      { label: 'submit', detail: `Check the answers (predefined ones are filled in) and submit the form${app.submittedAt ? ` (submitted ${app.submittedAt})` : ''}` },
    ],
    fields: [
      ['Form', app.form],
      ['Language', app.lang],
      ['Application', app.no],
      ['eKYC', app.ekyc ?? 'not done yet'],
      ['Document type', typeof app.predefined.ekyc_document_type === 'string' ? app.predefined.ekyc_document_type : 'national_id (default)'],
      ['Predefined answers', app.predefined],
      ['Submitted', app.submittedAt ?? '—'],
    ],
    actions,
    advancePath,
  });
}
