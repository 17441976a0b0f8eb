// Argos REST client: x-api-key auth, multipart form-data with the images streamed from their
// upload temp files, a deadline on every call, provider errors → our codes.
import { PassThrough, type Readable } from 'node:stream';
import FormDataStream from 'form-data';
import { providerRejected, providerUnavailable, rateLimited } from '../../errors.js';
import { callProvider, type ProviderResponse, retryAfterSeconds } from '../http.js';
import { parseAnswer } from '../parse.js';
import { ProviderResilience } from '../resilience.js';
import {
  argosErrorSchema,
  argosGetSubmissionSchema,
  type ArgosStep1Fields,
  type ArgosStep1Response,
  argosStep1ResponseSchema,
  type ArgosStep2Fields,
  type ArgosStep2Response,
  argosStep2ResponseSchema,
  type ArgosSubmissionItem,
} from './mapper.js';

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
  field: 'idImage' | 'idBackImage' | 'faceImage' | 'addressImage';
  filename: string;
  contentType: 'image/jpeg' | 'image/png';
  size: number;
  open(): Readable;
}

// provider-specs/argos.md, "Error messages": the 16 distinct messages of step 1 and step 2 (with
// the address flow's two) are Argos's error types; the message is matched, the type reported,
// and `field` names our input when one input is at fault. The duplicate message starts with the
// applicant's email, so it is matched, never echoed. Order matters: longer prefixes first.
export const ARGOS_ERRORS: readonly [RegExp, string, string | null][] = [
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
  [/^invalid or missing an address image/i, 'invalid or missing an address image', 'input.addressImage'],
  [/^missing address data parameters/i, 'missing address data parameters', 'input.address'],
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
    return parseAnswer(PROVIDER, 'POST /submission/step1', argosStep1ResponseSchema, (await this.send('POST', '/submission/step1', { fields, files })).json());
  }

  /** POST /submission/step2 (form-data): the selfie (and, with address collection on, the address image) and the confirmed fields. */
  async submitStep2(fields: ArgosStep2Fields, face: ArgosFilePart, address?: ArgosFilePart): Promise<ArgosStep2Response> {
    const files = address ? [face, address] : [face];
    return parseAnswer(PROVIDER, 'POST /submission/step2', argosStep2ResponseSchema, (await this.send('POST', '/submission/step2', { fields, files })).json());
  }

  /**
   * GET /submission?submission_id= : the answer is `{"Items": [item]}` even for one id; null
   * when Argos does not know it (no item, or 404).
   */
  async getSubmission(id: string): Promise<ArgosSubmissionItem | null> {
    try {
      const res = await this.send('GET', `/submission?submission_id=${encodeURIComponent(id)}`);
      const { Items } = parseAnswer(PROVIDER, 'GET /submission', argosGetSubmissionSchema, res.json());
      return Items.find((i) => i.submission_id === id) ?? null;
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
  let message = '';
  try {
    // an error body that is not {"message": …} still fails by its status
    const parsed = argosErrorSchema.safeParse(JSON.parse(res.text));
    if (parsed.success) message = parsed.data.message;
  } catch {
    // non-JSON error body: keep the status only
  }
  const known = ARGOS_ERRORS.find(([re]) => re.test(message));
  if (!known) return providerRejected(PROVIDER, res.status, null, `HTTP ${res.status}`);
  const [, type, field] = known;
  return providerRejected(PROVIDER, res.status, type, type, field ? { field } : {});
}
