// Uphold KYC Connector in GraphQL: the createIngestion mutation (unified input → per-source
// Uphold request) and the user's KYC overview on an Ingestion (GET /core/kyc), which the seed
// says to check after an ingestion, since COMPLETED does not mean the KYC process passed.
import { Arg, Authorized, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import type { IngestionRecord } from '../../domain/ingestion.js';
import { badUserInput } from '../../errors.js';
import { CreateIngestionInput, Ingestion } from '../../schema/ingestion.js';
import type { RequestContext } from '../../schema/context.js';
import type { UpholdAdapter } from './index.js';
import { UPHOLD_KYC_STATUSES } from './mapper.js';

const KYC_STATUS = { EXEMPT: 'EXEMPT', PENDING: 'PENDING', PROCESSING: 'PROCESSING', OK: 'OK', FAILED: 'FAILED' } as const;
registerEnumType(KYC_STATUS, {
  name: 'UpholdKycStatus',
  description: "Status of a KYC process at Uphold (the KYC overview's values).",
  valuesConfig: {
    EXEMPT: { description: 'Not required for this user.' },
    PENDING: { description: 'Data is missing or still to be submitted.' },
    PROCESSING: { description: 'Uphold is checking the submitted data.' },
    OK: { description: 'Passed.' },
    FAILED: { description: 'Failed, e.g. a duplicate identity conflict with another user or an underage user; see `reason`.' },
  },
});

const toStatus = (s: string) => ((UPHOLD_KYC_STATUSES as readonly string[]).includes(s) ? (s.toUpperCase() as keyof typeof KYC_STATUS) : null);

@ObjectType({ description: 'One KYC process in the Uphold KYC overview.' })
class UpholdKycProcessOverview {
  @Field(() => String, { description: 'Uphold process name, e.g. `profile`, `identity`, `proofOfAddress`, `taxDetails`.' }) process!: string;
  @Field(() => KYC_STATUS, { nullable: true, description: 'Status; null when Uphold reports a value this API does not know (see `providerStatus`).' }) status!: string | null;
  @Field(() => String, { description: "Uphold's raw status value." }) providerStatus!: string;
  @Field(() => String, { nullable: true, description: 'Why, when Uphold says (e.g. `duplicate-identity`, `underage`).' }) reason!: string | null;
}

@ObjectType({ description: "The user's KYC standing at Uphold right now (GET /core/kyc): the truth about each process after an ingestion." })
class UpholdKycOverview {
  @Field(() => KYC_STATUS, { nullable: true, description: 'Overall status; OK only when every required process is ok.' }) status!: string | null;
  @Field(() => String, { nullable: true, description: "Uphold's reason for the overall status (`none` when ok)." }) reason!: string | null;
  @Field(() => [UpholdKycProcessOverview], { description: 'Every KYC process of the user, including ones the connector does not fill (e.g. `taxDetails`).' })
  processes!: UpholdKycProcessOverview[];
}

/**
 * Checks `input.sessions` (VERIFF: an IDV and a PoA session in one ingestion) and orders them
 * with `sourceVerificationRef`'s session first, so the ingestion's source ref is the one given.
 */
function sessionsOf(input: CreateIngestionInput) {
  const list = input.sessions ?? [];
  if (input.source !== 'VERIFF') throw badUserInput('input.sessions', 'applies to VERIFF only');
  const refs = new Set<string>();
  list.forEach((s, i) => {
    if (refs.has(s.sourceVerificationRef)) throw badUserInput(`input.sessions[${i}].sourceVerificationRef`, 'must not repeat a session');
    refs.add(s.sourceVerificationRef);
    for (const p of s.processes) {
      if (!input.processes.includes(p)) throw badUserInput(`input.sessions[${i}].processes`, `${p} is not one of input.processes`);
    }
  });
  for (const p of input.processes) {
    if (!list.some((s) => s.processes.includes(p))) throw badUserInput('input.processes', `${p} is provided by none of input.sessions`);
  }
  const first = list.findIndex((s) => s.sourceVerificationRef === input.sourceVerificationRef);
  if (first < 0) throw badUserInput('input.sourceVerificationRef', 'must be the sourceVerificationRef of one of input.sessions');
  return [list[first], ...list.filter((_, i) => i !== first)].map((s) => ({
    sourceVerificationRef: s.sourceVerificationRef,
    processes: s.processes,
    integrationName: s.integrationName ?? null,
  }));
}

@Resolver()
export class UpholdResolver {
  @Authorized('ingestions:write')
  @Mutation(() => Ingestion, {
    description:
      'Creates an ingestion at the Uphold KYC Connector: copies an approved Sumsub/Veriff verification into the user\'s KYC processes. Returns it QUEUED; follow it with `ingestionUpdated`. A source verification that is not approved is refused (PROVIDER_REJECTED).',
  })
  async createIngestion(
    @Arg('input', () => CreateIngestionInput, { description: 'The source verification, the user and the processes to ingest.' }) input: CreateIngestionInput,
    @Ctx() ctx: RequestContext) {
    if (input.integrationName != null && input.source !== 'VERIFF') throw badUserInput('input.integrationName', 'applies to VERIFF only');
    const adapter = ctx.services.adapters.get('UPHOLD') as UpholdAdapter;
    // a single-user client's token is its own user's (provider-specs/uphold.md); it cannot act for another
    if (adapter.singleUserId && input.userId !== adapter.singleUserId) {
      throw badUserInput('input.userId', 'must be the Uphold user this server\'s single-user client belongs to (UPHOLD_USER_ID)');
    }
    const sessions = input.sessions ? sessionsOf(input) : null;
    const req = {
      source: input.source,
      sourceVerificationRef: input.sourceVerificationRef,
      userId: input.userId,
      processes: input.processes,
      integrationName: input.integrationName ?? null,
      ...(sessions ? { sessions } : {}),
    };
    return ctx.services.ingestions.create({
      provider: 'UPHOLD',
      operation: 'createIngestion',
      tenant: ctx.tenant,
      idempotencyKey: input.idempotencyKey ?? null,
      input: req,
      create: () => adapter.createIngestion(req),
    });
  }
}

@Resolver(() => Ingestion)
export class UpholdIngestionResolver {
  @Authorized('ingestions:read')
  @FieldResolver(() => UpholdKycOverview, {
    nullable: true,
    description:
      "The user's current Uphold KYC overview (one provider call each time it is selected). Check it once the ingestion is FINISHED: COMPLETED results do not mean the processes passed. Null for ingestions without a userId.",
  })
  async kycOverview(@Root() ingestion: IngestionRecord, @Ctx() ctx: RequestContext): Promise<UpholdKycOverview | null> {
    if (!ingestion.userId) return null;
    const adapter = ctx.services.adapters.get(ingestion.provider) as UpholdAdapter | undefined;
    if (!adapter || typeof adapter.kycOverview !== 'function') return null;
    const o = await adapter.kycOverview(ingestion.userId);
    return {
      status: toStatus(o.summary?.status ?? ''),
      reason: o.summary?.reason ?? null,
      processes: Object.entries(o.processes ?? {}).map(([process, p]) => ({
        process,
        status: toStatus(p.status),
        providerStatus: p.status,
        reason: p.reason ?? null,
      })),
    };
  }
}
