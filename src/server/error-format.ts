// What a GraphQL client sees of an error: known codes kept, anything else masked; and the HTTP
// status of a request that was well-formed but did not parse, validate or coerce its variables.
import type { HTTPGraphQLRequest } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode } from '../errors.js';
import { recordGraphqlError } from '../observability/metrics.js';
import { currentRequestId } from '../observability/request-context.js';
import { inputErrorField } from './input-errors.js';
import { withoutSuggestions } from './operation-limits.js';

const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST',
]);

/**
 * What a client sees of an error, over HTTP (Apollo `formatError`) and WebSocket (graphql-ws.ts):
 * known errors keep their code; anything else is masked (no stack, no internals) and logged.
 * `requestId`: the operation's (default: the current request scope's, if any).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: Logger, production = false, requestId = currentRequestId()): GraphQLFormattedError {
  const masked = withInputField(maskError(formatted, error, log, requestId), error);
  // production answers give no schema hints ("Did you mean …?" in enum/variable/field errors)
  const result = production ? withoutSuggestions(masked) : masked;
  recordGraphqlError(String(result.extensions?.code ?? 'UNKNOWN'));
  // the id to quote when asking the platform team about this error (it is in their logs too)
  return requestId ? { ...result, extensions: { ...result.extensions, requestId } } : result;
}

/**
 * graphql-js's own input errors (a variable that does not coerce, a bad value written inline) are
 * BAD_USER_INPUT naming the field, like every other invalid input (DESIGN.md).
 */
function withInputField(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if ((code !== 'BAD_USER_INPUT' && code !== 'GRAPHQL_VALIDATION_FAILED') || formatted.extensions?.field !== undefined) return formatted;
  const field = inputErrorField(error);
  return field === null ? formatted : { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT, field } };
}

function maskError(formatted: GraphQLFormattedError, error: unknown, log: Logger, requestId: string | undefined): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code && KNOWN_CODES.has(code)) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log.error({ requestId, err: error, path: formatted.path }, 'unexpected resolver error');
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * GraphQL over HTTP: a client that asked for `application/json` gets 200 for a request that was
 * well-formed but did not parse, validate or coerce its variables (spec "application/json"; Apollo
 * answers 400). `application/graphql-response+json` keeps the 4xx the spec requires there.
 * `requestErrorPlugin` marks such requests as Apollo answers them (its content type is chosen
 * after plugins run); `requestErrorStatus` applies the rule once the content type is known.
 */
const JSON_200_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);
const requestErrors = new WeakSet<HTTPGraphQLRequest>();

/**
 * Called as a response with errors is sent (server/request-plugin.ts): quotes the request id on
 * every error, and marks a request error for `requestErrorStatus`.
 */
export function noteRequestErrors(request: { http?: HTTPGraphQLRequest }, status: number | undefined, result: { data?: unknown; errors?: readonly GraphQLFormattedError[] }, requestId: string | undefined) {
  // the id to quote (formatError adds it inside a request scope; the hot path has none)
  if (requestId && result.errors?.some((e) => e.extensions?.requestId === undefined)) {
    result.errors = result.errors.map((e) => (e.extensions?.requestId === undefined ? { ...e, extensions: { ...e.extensions, requestId } } : e));
  }
  if (status !== 400 || !request.http) return;
  const codes = (result.errors ?? []).map((e) => (e.extensions?.code as string | undefined) ?? '');
  if (result.data === undefined && codes.length > 0 && codes.every((c) => JSON_200_CODES.has(c))) requestErrors.add(request.http);
}

export function requestErrorStatus(request: HTTPGraphQLRequest, status: number, contentType: string | undefined): number {
  return status === 400 && contentType?.startsWith('application/json') && requestErrors.has(request) ? 200 : status;
}
