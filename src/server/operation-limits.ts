// Per-operation and per-connection limits of DESIGN.md "Doors closed (security)":
// `_entities` representations per request, subscriptions per WebSocket, and no schema hints
// ("Did you mean …") in production answers.
import { GraphQLError, type GraphQLFormattedError, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { ErrorCode } from '../errors.js';

/** `_entities` takes at most this many representations per request. */
export const MAX_ENTITY_REPRESENTATIONS = 100;

/** How many representations the `_entities` fields of `operation` ask for (inline or variables). */
function representationCounts(selections: SelectionSetNode | undefined, variables: Record<string, unknown>, out: number[] = []): number[] {
  for (const s of selections?.selections ?? []) {
    if (s.kind === Kind.FIELD && s.name.value === '_entities') {
      const arg = s.arguments?.find((a) => a.name.value === 'representations')?.value;
      if (arg?.kind === Kind.LIST) out.push(arg.values.length);
      else if (arg?.kind === Kind.VARIABLE) {
        const v = variables[arg.name.value];
        out.push(Array.isArray(v) ? v.length : 1);
      }
    }
    if (s.kind === Kind.FIELD || s.kind === Kind.INLINE_FRAGMENT) representationCounts(s.selectionSet, variables, out);
  }
  return out;
}

/** The error refusing an `_entities` call with more than `max` representations (before any is resolved), or null. */
export function entitiesError(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined, max = MAX_ENTITY_REPRESENTATIONS): GraphQLError | null {
  const counts = representationCounts(operation.selectionSet, variables ?? {});
  if (!counts.some((n) => n > max)) return null;
  return new GraphQLError(`representations: at most ${max} representations per request`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'representations', http: { status: 400 } },
  });
}

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
