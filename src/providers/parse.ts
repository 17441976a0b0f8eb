// Every provider answer and webhook body is parsed, not cast: a runtime schema (zod) written from
// the provider's documented examples. An answer that does not match fails that call as
// PROVIDER_UNAVAILABLE naming the provider and the field path; the log line carries the path
// and zod's issue code only, never a value (values may be personal data).
import pino from 'pino';
import type { z } from 'zod/v4';
import { providerUnavailable } from '../errors.js';
import { WebhookFormatError } from './contract.js';
import { fastCheck } from './fast-check.js';

export { webhookBodySchema } from './fast-check.js';

/** Where mismatches are logged; the app sets its logger (redaction configured) at start. */
export interface AnswerLog {
  warn(obj: Record<string, unknown>, msg: string): void;
}

let answerLog: AnswerLog | null = null;

/** Sets the logger provider-answer mismatches are written to. */
export function setAnswerLogger(log: AnswerLog): void {
  answerLog = log;
}

function logger(): AnswerLog {
  answerLog ??= pino({ level: process.env.LOG_LEVEL ?? 'info' });
  return answerLog;
}

/** `a.b[0].c` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? '(root)' : out;
}

export interface AnswerMismatch {
  /** Field path of the first mismatch, e.g. `ingestion.result.identity.status`. */
  path: string;
  /** Every mismatching path with zod's issue code (no values). */
  issues: { path: string; code: string }[];
}

/** The mismatch of `value` against `schema`, or null when it matches (the parsed value then). */
function check<T>(schema: z.ZodType<T>, value: unknown): { ok: true; data: T } | { ok: false; mismatch: AnswerMismatch } {
  const res = schema.safeParse(value);
  if (res.success) return { ok: true, data: res.data };
  const issues = res.error.issues.slice(0, 10).map((i) => ({ path: formatPath(i.path), code: i.code }));
  return { ok: false, mismatch: { path: issues[0]?.path ?? '(root)', issues } };
}

/**
 * Parses one provider answer. `what` names the call (e.g. `Create Form response`). On mismatch:
 * logs provider, call and paths (no values) and throws PROVIDER_UNAVAILABLE with `extensions.field`.
 */
export function parseAnswer<T>(provider: string, what: string, schema: z.ZodType<T>, value: unknown): T {
  const r = check(schema, value);
  if (r.ok) return r.data;
  logger().warn({ provider, answer: what, path: r.mismatch.path, issues: r.mismatch.issues }, 'provider answer does not match its documented shape');
  throw providerUnavailable(provider, `${what} does not match the documented shape at ${r.mismatch.path}`, null, {
    field: r.mismatch.path,
    answer: what,
  });
}

/** An authenticated webhook body's JSON (WebhookFormatError when it is not JSON). */
export function webhookJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new WebhookFormatError('body is not JSON');
  }
}

/**
 * Parses an authenticated webhook body (raw bytes → JSON → schema). Throws WebhookFormatError
 * naming the path (the webhook route answers 400 and records nothing). A body the schema's
 * compiled check accepts is taken as parsed (fast-check.ts); anything else is zod's to judge.
 */
export function parseWebhookBody<T>(provider: string, schema: z.ZodType<T>, rawBody: Buffer): T {
  return parseWebhookJson(provider, schema, webhookJson(rawBody), rawBody);
}

/**
 * `parseWebhookBody` of a body already read with `webhookJson` (a provider that looks at the JSON
 * first, to pick its schema, parses the bytes once). `json` is the compiled check's to change: the
 * caller uses the answer, never `json` again.
 */
export function parseWebhookJson<T>(provider: string, schema: z.ZodType<T>, json: unknown, rawBody: Buffer): T {
  const fast = fastCheck(schema);
  if (fast) {
    if (fast(json)) return json as T;
    json = webhookJson(rawBody); // the compiled check may have removed keys: zod reads the body as sent
  }
  const r = check(schema, json);
  if (r.ok) return r.data;
  logger().warn({ provider, answer: 'webhook', path: r.mismatch.path, issues: r.mismatch.issues }, 'webhook body does not match its documented shape');
  throw new WebhookFormatError(`${r.mismatch.path} does not match the documented shape (${r.mismatch.issues[0]?.code ?? 'invalid'})`);
}
