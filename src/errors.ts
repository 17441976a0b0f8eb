// The one set of error codes a client ever sees (DESIGN.md, "Errors"). Everything else throws these.
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  PROVIDER_REJECTED: 'PROVIDER_REJECTED',
  PROVIDER_UNAVAILABLE: 'PROVIDER_UNAVAILABLE',
  RATE_LIMITED: 'RATE_LIMITED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class KycError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.code = code;
  }
}

/** `field` is the path of the offending input field, e.g. `input.successUrl`. */
export const badUserInput = (field: string, message: string) =>
  new KycError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field });

export const unauthenticated = (message = 'A valid API key is required') =>
  new KycError(ErrorCode.UNAUTHENTICATED, message);

export const forbidden = (message: string) => new KycError(ErrorCode.FORBIDDEN, message);

export const notFound = (what: string, id: string) =>
  new KycError(ErrorCode.NOT_FOUND, `${what} ${JSON.stringify(id)} was not found`, { id });

export const providerRejected = (
  provider: string,
  httpStatus: number,
  providerErrorType: string | null,
  message: string,
  extra: Record<string, unknown> = {},
) =>
  new KycError(ErrorCode.PROVIDER_REJECTED, `${provider} rejected the request: ${message}`, {
    provider,
    httpStatus,
    providerErrorType,
    ...extra,
  });

export const providerUnavailable = (provider: string, reason: string, httpStatus: number | null = null, extra: Record<string, unknown> = {}) =>
  new KycError(ErrorCode.PROVIDER_UNAVAILABLE, `${provider} is unavailable: ${reason}`, {
    provider,
    httpStatus,
    ...extra,
  });

export const rateLimited = (provider: string, retryAfterSeconds: number | null, extra: Record<string, unknown> = {}) =>
  new KycError(
    ErrorCode.RATE_LIMITED,
    `${provider} is rate limiting requests${retryAfterSeconds != null ? `; retry after ${retryAfterSeconds}s` : ''}`,
    { provider, retryAfter: retryAfterSeconds, ...extra },
  );

export const isKycError = (e: unknown): e is KycError => e instanceof KycError;
