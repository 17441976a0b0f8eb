// Argos REST client: x-api-key auth, multipart form-data with the images streamed from their
// upload temp files, a deadline on every call, provider errors → our codes.
import { PassThrough, type Readable } from 'node:stream';
import FormDataStream from 'form-data';
import { providerRejected, providerUnavailable, rateLimited } from '../../errors.js';
import { callProvider, type ProviderResponse, retryAfterSeconds } from '../http.js';
import { ProviderResilience } from '../resilience.js';
import type { ArgosError, ArgosStep1Fields, ArgosStep1Response, ArgosStep2Fields, ArgosStep2Response, ArgosSubmission } from './mapper.js';

const PROVIDER = 'ARGOS';
export const LIVE_BASE_URL = 'https://rest-api.argosidentity.com/v3';

export interface ArgosClientOptions {
  /** The app's retry policy and circuit breakers (createApp's); default: this client's own. */
  resilience?: ProviderResilience;
  /** e.g. https://rest-api.argosidentity.com/v3 ; a function because the sandbox port is known only after listen. */
  baseUrl: () => string;
  apiKey: string;
  timeoutMs: number;
}

/** One image to send: its size is known (checked before), its bytes are read from disk when sent. */
export interface ArgosFilePart {
  field: 'idImage' | 'idBackImage' | 'faceImage';
  filename: string;
  contentType: 'image/jpeg' | 'image/png';
  size: number;
  open(): Readable;
}

// provider-specs/argos.md, "Error messages": the messages are Argos's error types. The duplicate
// message starts with the applicant's email, so it is matched, never echoed.
const KNOWN_ERRORS: [RegExp, string, string | null][] = [
  [/already approved/i, 'already approved', 'input.email'],
  [/^failed to parse the input data/i, 'failed to parse the input data', null],
  [/^invalid id image/i, 'invalid id image', 'input.idImage'],
  [/^missing required parameters for identity verification/i, 'missing required parameters for identity verification', null],
  [/^missing required parameters/i, 'missing required parameters', null],
  [/^invalid id type/i, 'invalid id type', 'input.idType'],
  [/^invalid email address format/i, 'invalid email address format', 'input.email'],
  [/^id image processing error/i, 'id image processing error', 'input.idImage'],
  [/^data processing error/i, 'data processing error', null],
  [/^failed to find the project/i, 'failed to find the project', null],
  [/^invalid api key/i, 'invalid api key', null],
  [/^invalid face image/i, 'invalid face image', 'input.faceImage'],
  [/^invalid submission id/i, 'invalid submission id', 'input.submissionId'],
  [/^this submission is already processed/i, 'this submission is already processed', 'input.submissionId'],
];

export class ArgosClient {
  private readonly resilience: ProviderResilience;
  constructor(private readonly options: ArgosClientOptions) {
    this.resilience = options.resilience ?? new ProviderResilience();
  }

  private async send(method: 'GET' | 'POST', path: string, form?: { fields: object; files: ArgosFilePart[] }): Promise<ProviderResponse> {
    const headers: Record<string, string> = { 'x-api-key': this.options.apiKey, accept: 'application/json' };
    const opened: Readable[] = [];
    let body: Readable | undefined;
    if (form) {
      // form-data streams each part in turn; with every length known it can announce content-length
      const multipart = new FormDataStream({ maxDataSize: Infinity });
      for (const [k, v] of Object.entries(form.fields)) if (v !== undefined && v !== null) multipart.append(k, String(v));
      for (const f of form.files) {
        const stream = f.open();
        opened.push(stream);
        multipart.append(f.field, stream, { filename: f.filename, contentType: f.contentType, knownLength: f.size });
      }
      Object.assign(headers, multipart.getHeaders(), { 'content-length': String(multipart.getLengthSync()) });
      body = multipart.pipe(new PassThrough());
    }
    try {
      const res = await callProvider({ provider: PROVIDER, resilience: this.resilience, method, url: this.options.baseUrl() + path, headers, body, timeoutMs: this.options.timeoutMs });
      if (res.status >= 200 && res.status < 300) return res;
      throw toError(res);
    } finally {
      // an aborted or refused upload must not keep the temp files open
      for (const s of opened) s.destroy();
      body?.destroy();
    }
  }

  /** POST /submission/step1 (form-data): the ID images and the applicant's fields. */
  async submitStep1(fields: ArgosStep1Fields, files: ArgosFilePart[]): Promise<ArgosStep1Response> {
    return (await this.send('POST', '/submission/step1', { fields, files })).json() as ArgosStep1Response;
  }

  /** POST /submission/step2 (form-data): the selfie and the confirmed fields. */
  async submitStep2(fields: ArgosStep2Fields, face: ArgosFilePart): Promise<ArgosStep2Response> {
    return (await this.send('POST', '/submission/step2', { fields, files: [face] })).json() as ArgosStep2Response;
  }

  /** GET /submission?submission_id= ; null when Argos does not know it. */
  async getSubmission(id: string): Promise<ArgosSubmission | null> {
    try {
      return (await this.send('GET', `/submission?submission_id=${encodeURIComponent(id)}`)).json() as ArgosSubmission;
    } catch (err) {
      const status = (err as { extensions?: { httpStatus?: number } }).extensions?.httpStatus;
      if (status === 404) return null;
      throw err;
    }
  }
}

function toError(res: ProviderResponse) {
  if (res.status === 429) return rateLimited(PROVIDER, retryAfterSeconds(res.headers.get('retry-after')));
  if (res.status >= 500) return providerUnavailable(PROVIDER, `answered ${res.status}`, res.status);
  let body: Partial<ArgosError> = {};
  try {
    body = JSON.parse(res.text) as ArgosError;
  } catch {
    // non-JSON error body: keep the status only
  }
  const message = typeof body.message === 'string' ? body.message : '';
  const known = KNOWN_ERRORS.find(([re]) => re.test(message));
  if (!known) return providerRejected(PROVIDER, res.status, null, `HTTP ${res.status}`);
  const [, type, field] = known;
  return providerRejected(PROVIDER, res.status, type, type, field ? { field } : {});
}
