// pawaPass in GraphQL: the start mutation (input mirrors the seed's request body), its enums,
// and the PawaPassDetails member of VerificationDetails.
import { JsonBounds, NoControlChars } from '../../schema/input-bounds.js';
import { ArrayMinSize, IsObject, IsOptional, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import { DateTime, JSON as JSONScalar } from '../../schema/scalars.js';
import { registerDetailsType } from '../../schema/details.js';
import { Verification } from '../../schema/verification.js';
import type { RequestContext } from '../../schema/context.js';
import type { PawaPassAdapter } from './index.js';
import { PAWAPASS_COUNTRIES, PAWAPASS_REQUIREMENT_TYPES, type PawaPassCreateRequest } from './mapper.js';

const enumObject = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

// English names shown in the schema's descriptions of PawaPassCountry
const COUNTRY_NAMES: Record<(typeof PAWAPASS_COUNTRIES)[number], string> = {
  AO: 'Angola', BJ: 'Benin', CM: 'Cameroon', CD: 'DR Congo', CG: 'Congo (Brazzaville)', GH: 'Ghana', KE: 'Kenya', LS: 'Lesotho',
  LR: 'Liberia', MW: 'Malawi', ML: 'Mali', MZ: 'Mozambique', NG: 'Nigeria', RW: 'Rwanda', SL: 'Sierra Leone', TZ: 'Tanzania',
  TG: 'Togo', UG: 'Uganda', ZM: 'Zambia',
};

export const PawaPassCountry = enumObject(PAWAPASS_COUNTRIES);
registerEnumType(PawaPassCountry, {
  name: 'PawaPassCountry',
  description: 'Countries pawaPass verifies in (ISO 3166-1 alpha-2). Sets which national documents the end user is offered.',
  valuesConfig: Object.fromEntries(
    PAWAPASS_COUNTRIES.map((c) => [c, { description: `${COUNTRY_NAMES[c]}: the end user is offered documents issued there.` }]),
  ),
});

export const PawaPassRequirementType = enumObject(PAWAPASS_REQUIREMENT_TYPES);
registerEnumType(PawaPassRequirementType, {
  name: 'PawaPassRequirementType',
  description: 'What the end user must capture.',
  valuesConfig: {
    DOCUMENT_SCAN: { description: 'Scan of an identity document; fills `identityDocument`.' },
    FACE_SCAN: { description: 'Selfie / liveness scan; fills `faceScan`.' },
  },
});

// Only the rules the seed states (pawapass-create-verification.txt l.98-219) are checked here:
// `string<no-null-bytes>` (externalId, phoneNo, createdBy), externalId min length 1, requirements
// min 1 item, the URL pattern `^https?://` of a `string<uri>` (so no whitespace), the country
// enum. The seed gives no length caps and no rule that expiresAt be in the future, so none are
// invented: pawaPass decides (a past expiresAt is accepted and the session expires). Strings are
// still bounded by MAX_BODY_BYTES and the query limits. subjectId and idempotencyKey are ours.
const NO_NULL_BYTES = /^[^\u0000]*$/;
const HTTP_URL = /^https?:\/\/[^\s]+$/;

@InputType('PawaPassRequirementOptionsInput', { description: 'Options of a requirement.' })
export class PawaPassRequirementOptionsInput {
  @IsOptional()
  @MinLength(1)
  @Field(() => String, { nullable: true, description: 'For a face-only re-check: the id of an earlier APPROVED pawaPass verification to match the face against.' })
  previousVerificationId?: string | null;
}

@InputType('PawaPassRequirementInput', { description: 'One step the end user must complete.' })
export class PawaPassRequirementInput {
  @Field(() => PawaPassRequirementType, { description: 'DOCUMENT_SCAN or FACE_SCAN.' })
  type!: keyof typeof PawaPassRequirementType;

  @IsOptional()
  @ValidateNested()
  @Field(() => PawaPassRequirementOptionsInput, { nullable: true, description: 'Optional settings of this step.' })
  options?: PawaPassRequirementOptionsInput | null;
}

@InputType({ description: "Starts a pawaPass session. Fields mirror pawaPass's POST /v2/verifications body; `subjectId` and `idempotencyKey` are kyc-graph's." })
export class StartPawaPassVerificationInput {
  @MinLength(1)
  @MaxLength(256)
  @NoControlChars()
  @Field(() => String, { description: 'Your user id; lets you list and subscribe by user (`verifications(filter: {subjectId})`).' })
  subjectId!: string;

  @MinLength(1)
  @Matches(NO_NULL_BYTES, { message: 'must not contain null bytes' })
  @Field(() => String, { description: 'Your unique identifier for this user or verification, sent to pawaPass (required, non-empty).' })
  externalId!: string;

  @ArrayMinSize(1, { message: 'must contain at least one requirement' })
  @ValidateNested({ each: true })
  @Field(() => [PawaPassRequirementInput], { description: 'What the end user must complete, e.g. `[{type: DOCUMENT_SCAN}, {type: FACE_SCAN}]`. At least one.' })
  requirements!: PawaPassRequirementInput[];

  @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
  @Field(() => String, { description: 'Where pawaPass sends the end user after a successful verification (http or https).' })
  successUrl!: string;

  @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
  @Field(() => String, { description: 'Where pawaPass sends the end user when the verification fails (http or https).' })
  errorUrl!: string;

  @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
  @Field(() => String, { description: 'Where the end user can get help during the verification (http or https).' })
  supportUrl!: string;

  @Field(() => PawaPassCountry, { nullable: true, description: 'Country of the end user; one of the countries pawaPass supports.' })
  country?: keyof typeof PawaPassCountry | null;

  @IsOptional()
  @Matches(NO_NULL_BYTES, { message: 'must not contain null bytes' })
  @Field(() => String, { nullable: true, description: 'Phone number, e.g. +260971234567. When absent pawaPass takes it from `metadata.phoneNo`.' })
  phoneNo?: string | null;

  @IsOptional()
  @IsObject({ message: 'must be a JSON object' })
  @JsonBounds()
  @Field(() => JSONScalar, { nullable: true, description: 'Your key-value data, stored by pawaPass and returned in `metadata` and webhooks. Do not put secrets here.' })
  metadata?: Record<string, unknown> | null;

  @Field(() => DateTime, { nullable: true, description: 'When the session expires if not completed (ISO 8601). pawaPass states no rule for it; a time already past makes the session expire at once. Default: 7 days in the sandbox.' })
  expiresAt?: Date | null;

  @IsOptional()
  @Matches(NO_NULL_BYTES, { message: 'must not contain null bytes' })
  @Field(() => String, { nullable: true, description: 'Email or id of the person or system creating the verification.' })
  createdBy?: string | null;

  @IsOptional()
  @MinLength(1)
  @MaxLength(255)
  @Field(() => String, { nullable: true, description: 'Send the same key when retrying: the first result is returned and no second pawaPass session is created (kept 24 h).' })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'Options of a pawaPass requirement.' })
class PawaPassRequirementOptions {
  @Field(() => String, { nullable: true, description: 'Earlier verification the face is matched against.' }) previousVerificationId?: string | null;
}

@ObjectType({ description: 'A step the end user must complete.' })
class PawaPassRequirement {
  @Field(() => PawaPassRequirementType, { description: 'DOCUMENT_SCAN or FACE_SCAN.' }) type!: string;
  @Field(() => PawaPassRequirementOptions, { nullable: true, description: 'Options given at creation.' }) options?: PawaPassRequirementOptions | null;
}

@ObjectType({ description: 'pawaPass-specific fields of a verification.' })
export class PawaPassDetails {
  @Field(() => [PawaPassRequirement], { description: 'The requirements the session was created with.' }) requirements!: PawaPassRequirement[];
  @Field(() => String, { nullable: true, description: 'Phone number pawaPass holds for the session.' }) phoneNo!: string | null;
  @Field(() => String, { description: 'Redirect after success.' }) successUrl!: string;
  @Field(() => String, { description: 'Redirect after failure.' }) errorUrl!: string;
  @Field(() => String, { description: 'Support link shown to the end user.' }) supportUrl!: string;
  @Field(() => String, { nullable: true, description: 'Who created the session (`createdBy`).' }) createdBy!: string | null;
  @Field(() => DateTime, { nullable: true, description: "pawaPass's own creation time of the verification (its `createdAt`); `Verification.createdAt` is when kyc-graph recorded it." }) createdAt!: string | null;
}
registerDetailsType(PawaPassDetails);

/** The pawaPass request body for a validated input (kyc-graph's own fields removed). */
export function toCreateRequest(input: StartPawaPassVerificationInput): PawaPassCreateRequest {
  const body: PawaPassCreateRequest = {
    externalId: input.externalId,
    requirements: input.requirements.map((r) => ({
      type: r.type,
      ...(r.options?.previousVerificationId ? { options: { previousVerificationId: r.options.previousVerificationId } } : {}),
    })),
    successUrl: input.successUrl,
    errorUrl: input.errorUrl,
    supportUrl: input.supportUrl,
  };
  if (input.country) body.country = input.country;
  if (input.phoneNo) body.phoneNo = input.phoneNo;
  if (input.metadata) body.metadata = input.metadata;
  if (input.expiresAt) body.expiresAt = input.expiresAt.toISOString();
  if (input.createdBy) body.createdBy = input.createdBy;
  return body;
}

@Resolver()
export class PawaPassResolver {
  @Authorized('verifications:write')
  @Mutation(() => Verification, { description: 'Creates a pawaPass session and returns it with the `url` to send the end user to. Status changes arrive on `verificationUpdated`.' })
  async startPawaPassVerification(
    @Arg('input', () => StartPawaPassVerificationInput, { description: 'The pawaPass create-verification request (its own field names), plus your `subjectId` and an optional `idempotencyKey`.' }) input: StartPawaPassVerificationInput,
    @Ctx() ctx: RequestContext,
  ) {
    const adapter = ctx.services.adapters.get('PAWAPASS') as PawaPassAdapter;
    const body = toCreateRequest(input);
    return ctx.services.verifications.start({
      provider: 'PAWAPASS',
      operation: 'startPawaPassVerification',
      tenant: ctx.tenant,
      subjectId: input.subjectId,
      idempotencyKey: input.idempotencyKey ?? null,
      input: { subjectId: input.subjectId, body },
      create: () => adapter.createVerification(body),
    });
  }
}
