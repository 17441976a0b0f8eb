// kyc-graph's own work on every GraphQL request over HTTP, as one Apollo plugin. Apollo awaits
// every plugin's requestDidStart and each of its hooks on every request, so five small plugins
// cost five async calls per stage and one costs one (issue 18, figure 1). Per stage, in order:
// - didResolveOperation: page sizes, `_entities` representations and cost with the operation's
//   variables (limits.ts, cost.ts); the first failure answers 400;
// - didEncounterErrors: in production no "Did you mean …" schema hints (operation-limits.ts);
// - willSendResponse: one error per invalid input field (field-errors.ts), the request id on
//   every error and the JSON-200 rule's mark (error-format.ts), then the operation's metrics.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { recordGraphqlOperation } from '../observability/metrics.js';
import type { RequestContext } from './context.js';
import { noteRequestErrors } from './error-format.js';
import { expandFieldErrors } from './field-errors.js';
import type { protect } from './limits.js';
import { dropSuggestions } from './operation-limits.js';

export function kycRequestPlugin(limits: Pick<ReturnType<typeof protect>, 'checkVariables'>, production: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          const refused: GraphQLError | undefined = limits.checkVariables(schema, document, operationName, request.variables)[0];
          if (!refused) return;
          refused.extensions.http = { status: 400 }; // Apollo answers with it and strips it
          throw refused;
        },
        async didEncounterErrors({ errors }) {
          if (production) for (const e of errors) dropSuggestions(e);
        },
        async willSendResponse(rc) {
          const { response } = rc;
          let failed = (rc.errors?.length ?? 0) > 0;
          if (response.body.kind === 'single') {
            const result = response.body.singleResult;
            if (result.errors?.length) {
              failed = true;
              if (result.errors.some((e) => e.extensions?.fieldErrors)) result.errors = expandFieldErrors(result.errors);
              noteRequestErrors(rc.request, response.http.status, result, rc.contextValue?.scope?.requestId);
            }
          }
          recordGraphqlOperation(rc.operationName ?? rc.request.operationName, rc.operation?.operation ?? 'unknown', failed, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
