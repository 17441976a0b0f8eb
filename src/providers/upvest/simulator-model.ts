// The Upvest sandbox's model of Upvest: the seed's rules for creating a check, its problem bodies
// (type and title per status), and the COMPLIANCE check Upvest adds itself once a KYC check passes.
import { randomUUID } from 'node:crypto';
import { KYC_DOCUMENT_TYPES, KYC_METHODS, POR_DOCUMENT_TYPES } from '../../domain/check.js';
import type { UpvestCheck, UpvestProblem } from './mapper.js';

const SEED_TYPES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  406: 'not_acceptable',
  429: 'too_many_requests',
  500: 'internal_server_error',
  503: 'method_not_allowed', // sic: the seed's 503 example says so
  504: 'gateway_timeout',
};
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The seed's problem body for a status (`type` overrides the seed's type for that status). */
export function problemBody(status: number, detail: string, instance: string, requestId: string, type?: string): UpvestProblem {
  return { type: type ?? SEED_TYPES[status] ?? 'about:blank', status, title: TITLES[status] ?? 'Error', detail, instance, request_id: requestId };
}

/**
 * Upvest creates COMPLIANCE checks itself (they cannot be created through the API): the sandbox
 * screens the user once their KYC check passes, and the screening passes. Returns the check as
 * created and as passed.
 */
export function complianceCheck(userId: string): [created: UpvestCheck, passed: UpvestCheck] {
  const created: UpvestCheck = { id: randomUUID(), user_id: userId, type: 'COMPLIANCE', check_confirmed_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), status: 'IN_PROGRESS' };
  return [created, { ...created, status: 'PASSED' }];
}

const COUNTRY = /^[A-Z]{2}$/;
const POSTCODE = /^[a-zA-Z0-9\s-]{1,10}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const PO_BOX = /\b(p\.?\s*o\.?\s*box|postfach|c\/o|care of)\b/i;
/** Documents that may be at most 12 months old (seed, POR document_type). */
const TWELVE_MONTH_DOCS = new Set(['UTILITY_BILL', 'TELEPHONE_BILL', 'INTERNET_BILL', 'BANK_STATEMENT']);

type FieldError = { field: string; message: string };

const validDate = (s: unknown): s is string => typeof s === 'string' && DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const monthsBefore = (from: Date, months: number) => {
  const d = new Date(from);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

/** The seed's rules for POST /users/{user_id}/checks. */
export function validateCheckCreate(body: unknown, now = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [{ field: 'body', message: 'must be a JSON object' }];
  const b = body as Record<string, unknown>;
  const err = (field: string, message: string) => errors.push({ field, message });
  const url = (field: string) => {
    const v = b[field];
    if (typeof v !== 'string') return err(field, 'is required');
    if (v.length > 1000) return err(field, 'must be at most 1000 characters');
    try {
      if (!['http:', 'https:'].includes(new URL(v).protocol)) err(field, 'must be an http(s) URL');
    } catch {
      err(field, 'must be a URL');
    }
  };
  const address = (required: boolean) => {
    const a = b.confirmed_address as Record<string, unknown> | undefined;
    if (a === undefined || a === null) return required ? err('confirmed_address', 'is required') : undefined;
    if (typeof a !== 'object') return err('confirmed_address', 'must be an object');
    const line = (f: string, req: boolean) => {
      const v = a[f];
      if (v === undefined || v === null) return req ? err(`confirmed_address.${f}`, 'is required') : undefined;
      if (typeof v !== 'string' || (req && v.length < 1) || v.length > 100) return err(`confirmed_address.${f}`, 'must be 1 to 100 characters');
      if (PO_BOX.test(v)) err(`confirmed_address.${f}`, 'must not be a P.O. box or c/o address');
    };
    line('address_line1', true);
    line('address_line2', false);
    if (typeof a.postcode !== 'string' || !POSTCODE.test(a.postcode)) err('confirmed_address.postcode', 'must match ^[a-zA-Z0-9\\s\\-]{1,10}$');
    if (typeof a.country !== 'string' || !COUNTRY.test(a.country)) err('confirmed_address.country', 'must match ^[A-Z]{2}$');
    if (a.state !== undefined && a.state !== null && (typeof a.state !== 'string' || a.state.length > 50)) err('confirmed_address.state', 'must be at most 50 characters');
    if (typeof a.city !== 'string' || a.city.length < 1 || a.city.length > 85) err('confirmed_address.city', 'must be 1 to 85 characters');
  };
  const confirmedAt = typeof b.check_confirmed_at === 'string' && DATE_TIME.test(b.check_confirmed_at) ? new Date(b.check_confirmed_at) : null;
  if (!confirmedAt || Number.isNaN(confirmedAt.getTime())) err('check_confirmed_at', 'must be an RFC 3339 date-time');
  switch (b.type) {
    case 'KYC': {
      if (confirmedAt && confirmedAt < monthsBefore(now, 24)) err('check_confirmed_at', 'must not be older than 24 months');
      url('data_download_link');
      if (!(KYC_DOCUMENT_TYPES as readonly unknown[]).includes(b.document_type)) err('document_type', `must be one of ${KYC_DOCUMENT_TYPES.join(', ')}`);
      if (!validDate(b.document_expiration_date)) err('document_expiration_date', 'must be a date YYYY-MM-DD');
      if (typeof b.nationality !== 'string' || !COUNTRY.test(b.nationality)) err('nationality', 'must match ^[A-Z]{2}$');
      if (typeof b.provider !== 'string' || b.provider.length < 1 || b.provider.length > 100) err('provider', 'must be 1 to 100 characters');
      if (!(KYC_METHODS as readonly unknown[]).includes(b.method)) err('method', `must be one of ${KYC_METHODS.join(', ')}`);
      address(false);
      const country = (b.confirmed_address as { country?: unknown } | undefined)?.country;
      if (b.method === 'LIVENESS_PHOTO_ID' && country === 'DE') err('method', 'LIVENESS_PHOTO_ID is not allowed when the residence country is DE');
      if (b.kyc_update !== undefined && typeof b.kyc_update !== 'boolean') err('kyc_update', 'must be a boolean');
      break;
    }
    case 'POR': {
      url('data_download_link');
      if (!(POR_DOCUMENT_TYPES as readonly unknown[]).includes(b.document_type)) err('document_type', `must be one of ${POR_DOCUMENT_TYPES.join(', ')}`);
      if (!validDate(b.issuance_date)) err('issuance_date', 'must be a date YYYY-MM-DD');
      else if (confirmedAt) {
        const issued = new Date(`${b.issuance_date}T00:00:00Z`);
        if (issued > confirmedAt) err('issuance_date', 'must not be after check_confirmed_at');
        else if (TWELVE_MONTH_DOCS.has(b.document_type as string) && issued < monthsBefore(confirmedAt, 12)) err('issuance_date', `a ${b.document_type} must not be older than 12 months`);
        else if (b.document_type === 'REGISTRATION_CERT' && issued < monthsBefore(confirmedAt, 60)) err('issuance_date', 'a REGISTRATION_CERT must be issued within the past 5 years');
      }
      address(true);
      break;
    }
    case 'INSTRUMENT_FIT': {
      const s = b.instrument_suitability as { suitability?: unknown } | undefined;
      if (!s || typeof s !== 'object' || typeof s.suitability !== 'boolean') err('instrument_suitability.suitability', 'is required and must be a boolean');
      break;
    }
    default:
      // seed: the create request is One Of KYC, POR, INSTRUMENT_FIT; Upvest creates COMPLIANCE checks itself
      err('type', 'must be one of KYC, POR, INSTRUMENT_FIT');
  }
  return errors;
}
