// Abuse limits on every operation (graphql-armor): depth, aliases, tokens, directives and cost,
// the same over HTTP and WebSocket; field suggestions hidden in production.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';

export interface QueryLimits {
  /** `GRAPHQL_MAX_DEPTH`, default 10. */
  maxDepth: number;
  /** `GRAPHQL_MAX_ALIASES`, default 30. */
  maxAliases: number;
  /** `GRAPHQL_MAX_TOKENS`, default 2000. */
  maxTokens: number;
  /** `GRAPHQL_MAX_COST`, default 5000 (graphql-armor's cost model: objects 2, scalars 1, × depth factor). */
  maxCost: number;
  /** `GRAPHQL_MAX_DIRECTIVES`, default 50. */
  maxDirectives: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxAliases: 30, maxTokens: 2000, maxCost: 5000, maxDirectives: 50 };

export function protect(limits: QueryLimits, production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    // tokens are limited by graphql-js's own parser (Apollo `parseOptions`): armor's parse hook
    // turns a plain syntax error into a 500
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { maxCost: limits.maxCost },
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules: validationRules as ValidationRule[], parseOptions: { maxTokens: limits.maxTokens } };
}
