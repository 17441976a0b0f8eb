// Abuse limits on every operation (graphql-armor): depth, aliases, tokens, directives and cost,
// the same over HTTP and WebSocket; field suggestions are hidden in production by server/request-plugin.ts (HTTP) and graphql-ws.ts.
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { DocumentNode, GraphQLError, GraphQLSchema, ValidationRule } from 'graphql';
import { checkOperation } from './cost.js';

export interface QueryLimits {
  /** `GRAPHQL_MAX_DEPTH`, default 10. */
  maxDepth: number;
  /** `GRAPHQL_MAX_ALIASES`, default 30. */
  maxAliases: number;
  /** `GRAPHQL_MAX_TOKENS`, default 2000. */
  maxTokens: number;
  /** `GRAPHQL_MAX_COST`, default 5000 (cost.ts: objects 2, scalars 1, connection items × page size, variables read). */
  maxCost: number;
  /** `GRAPHQL_MAX_DIRECTIVES`, default 50. */
  maxDirectives: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxAliases: 30, maxTokens: 2000, maxCost: 5000, maxDirectives: 50 };

export function protect(limits: QueryLimits) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    // tokens are limited by graphql-js's own parser (Apollo `parseOptions`): armor's parse hook
    // turns a plain syntax error into a 500
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    // armor's cost rule reads only literal `first` values; cost.ts reads variables too
    costLimit: { enabled: false },
    // hints are removed by our own request plugin (request-plugin.ts) and graphql-ws's onError
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  /** Page sizes, then cost, with the operation's variables; the errors to answer, if any (for graphql-ws). */
  const checkVariables = (schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): GraphQLError[] => {
    const { pageErrors, costError } = checkOperation(schema, document, operationName, variables, limits.maxCost);
    return pageErrors.length ? pageErrors : costError ? [costError] : [];
  };
  return {
    plugins: plugins as ApolloServerPlugin[],
    validationRules: validationRules as ValidationRule[],
    parseOptions: { maxTokens: limits.maxTokens },
    checkVariables,
  };
}
