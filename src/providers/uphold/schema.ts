// Uphold KYC Connector in GraphQL: the createIngestion mutation (unified input → per-source
// Uphold request) and the user's KYC overview on an Ingestion (GET /core/kyc), which the seed
// says to check after an ingestion, since COMPLETED does not mean the KYC process passed.
import { Arg, Authorized, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import type { IngestionRecord } from '../../domain/ingestion.js';
import { badUserInput } from '../../errors.js';
import { CreateIngestionInput, Ingestion } from '../../schema/ingestion.js';
import type { RequestContext } from '../../server/context.js';
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
    const req = {
      source: input.source,
      sourceVerificationRef: input.sourceVerificationRef,
      userId: input.userId,
      processes: input.processes,
      integrationName: input.integrationName ?? null,
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
