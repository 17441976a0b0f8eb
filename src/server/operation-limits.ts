// Per-connection limits of DESIGN.md "Doors closed (security)": subscriptions per WebSocket, and
// no schema hints ("Did you mean …") in production answers. (`_entities` representations per
// request are counted with the page sizes and the cost: cost.ts.)
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../errors.js';

const SUGGESTION = /\s*Did you mean[^?]*\?/g;

/** Removes graphql-js's "Did you mean …?" hints from `error` itself (Apollo's errors, before formatting). */
export function dropSuggestions(error: { message: string }): void {
  if (error.message.includes('Did you mean')) error.message = error.message.replace(SUGGESTION, '');
  SUGGESTION.lastIndex = 0;
}

/** The message without graphql-js's "Did you mean …?" hints (they reveal schema names). */
export function withoutSuggestions<E extends GraphQLFormattedError | GraphQLError>(error: E): E {
  if (!SUGGESTION.test(error.message)) return error;
  SUGGESTION.lastIndex = 0;
  const message = error.message.replace(SUGGESTION, '');
  return error instanceof GraphQLError
    ? (new GraphQLError(message, { nodes: error.nodes, extensions: error.extensions }) as E)
    : ({ ...error, message } as E);
}

/**
 * Counts the operations running on each WebSocket connection (graphql-ws hooks): the one over
 * `max` gets an error with code RATE_LIMITED; the connection stays open.
 */
export class SubscriptionLimiter {
  private readonly running = new WeakMap<object, Set<string>>();

  constructor(readonly max: number) {}

  /** Null when `id` may start on `connection`, else the error to answer. */
  refuse(connection: object, id: string): GraphQLError | null {
    const ids = this.running.get(connection);
    if (!ids || ids.has(id) || ids.size < this.max) return null;
    return new GraphQLError(`At most ${this.max} subscriptions per connection (WS_MAX_SUBSCRIPTIONS); complete one first`, {
      extensions: { code: ErrorCode.RATE_LIMITED, limit: this.max },
    });
  }

  started(connection: object, id: string) {
    let ids = this.running.get(connection);
    if (!ids) this.running.set(connection, (ids = new Set()));
    ids.add(id);
  }

  ended(connection: object, id: string) {
    this.running.get(connection)?.delete(id);
  }
}
