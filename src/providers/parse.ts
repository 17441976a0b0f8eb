// Provider answers are parsed, never cast (issue 14): each answer and webhook body is checked
// against a runtime schema (zod) written from the provider's documented examples. An answer that
// does not match fails that call as PROVIDER_UNAVAILABLE naming the provider and the field path;
// nothing is stored. The message names paths and zod issue codes only, never values (they may be
// personal data), so it is safe to log.
import type { z } from 'zod';
import { providerUnavailable } from '../errors.js';
import { WebhookFormatError } from './contract.js';

/** `Items.0.kyc.result (invalid_enum_value)`: where and what kind, without the value. */
export function describeIssues(error: z.ZodError, max = 3): { path: string; text: string } {
  const issues = error.issues.slice(0, max).map((i) => `${i.path.length ? i.path.join('.') : '(root)'} (${i.code})`);
  const more = error.issues.length > max ? ` and ${error.issues.length - max} more` : '';
  return { path: error.issues[0]?.path.join('.') ?? '', text: issues.join(', ') + more };
}

/**
 * Parses a provider's answer with `schema`, or throws PROVIDER_UNAVAILABLE naming the provider,
 * what was read (`what`, e.g. "GET /submission") and the first mismatching field path
 * (`extensions.field`).
 */
export function parseAnswer<T>(provider: string, what: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { path, text } = describeIssues(result.error);
  throw providerUnavailable(provider, `answer to ${what} does not match the documented shape at ${text}`, null, { field: path });
}

/**
 * Parses an authenticated webhook body with `schema`, or throws WebhookFormatError (the webhook
 * route answers 400 and stores nothing) naming the provider and the field path.
 */
export function parseWebhookBody<T>(provider: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new WebhookFormatError(`${provider} webhook does not match the documented shape at ${describeIssues(result.error).text}`);
}
