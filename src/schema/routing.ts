// The routed start in GraphQL (DESIGN.md, "One start for any hosted flow"): `startVerification`,
// its input, `ProviderAttempt` and `VerificationStart`. The use case is services/routing.ts.
import { ArrayMinSize, ArrayUnique, IsObject, IsOptional, Matches, Max, MaxLength, Min, MinLength, Validate, type ValidatorConstraintInterface, ValidatorConstraint } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Provider as ProviderValue, VerificationRecord } from '../domain/verification.js';
import { requireScope } from './auth.js';
import type { RequestContext } from './context.js';
import { isCountryCode } from '../services/routing-policy.js';
import { JsonBounds, NoControlChars } from './input-bounds.js';
import { DateTime, JSON as JSONScalar } from './scalars.js';
import { Provider, Verification } from './verification.js';

const HTTP_URL = /^https?:\/\/[^\s]+$/;
const LANG = /^[a-z]{2}(-[a-z]{2,4})?$/;
// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f]*$/;

@ValidatorConstraint({ name: 'countryCode' })
class CountryCode implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && isCountryCode(value);
  }
  defaultMessage() {
    return 'must be an ISO 3166-1 alpha-2 country code in upper case, e.g. ZM';
  }
}

@ValidatorConstraint({ name: 'futureDate' })
class FutureDate implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return value === undefined || value === null || (value instanceof Date && value.getTime() > Date.now());
  }
  defaultMessage() {
    return 'must be in the future';
  }
}

@InputType({
  description:
    'Starts a hosted identity verification at the provider the routing policy picks for `country` (pawaPass for the countries it serves, UpPass for any other by default; `ROUTING_POLICY` changes it). Common fields are mapped onto each provider\'s own request; each field says what a provider cannot take.',
})
export class StartVerificationInput {
  @MinLength(1)
  @MaxLength(256)
  @NoControlChars()
  @Field(() => String, { description: 'Your user id. pawaPass: sent as `externalId`. UpPass: kept by kyc-graph only. Reuse looks for this subject\'s verifications.' })
  subjectId!: string;

  @Validate(CountryCode)
  @Field(() => String, { description: 'Country of the end user, ISO 3166-1 alpha-2 in upper case (e.g. `ZM`). Picks the providers to try; a provider that does not serve it is skipped. pawaPass: sent as `country` (its documents). UpPass: not sent (its form decides).' })
  country!: string;

  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one provider' })
  @ArrayUnique({ message: 'must not name a provider twice' })
  @Field(() => [Provider], { nullable: true, description: 'The providers to try, in order, instead of the routing policy\'s. Only providers with a hosted flow (PAWAPASS, UPPASS); those that do not serve `country` are skipped.' })
  providers?: ProviderValue[] | null;

  @IsOptional()
  @Min(1)
  @Max(3650)
  @Field(() => Int, { nullable: true, description: '1 to 3650: when this subject has an APPROVED verification (any hosted provider, your tenant) approved at most this many days ago whose identity document has not expired, return the newest one (`reused: true`) without calling a provider. Needs the scope `verifications:read` too.' })
  reuseApprovedWithinDays?: number | null;

  @IsOptional()
  @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
  @MaxLength(2048)
  @Field(() => String, { nullable: true, description: 'Where the end user goes after a successful verification. pawaPass: `successUrl`, required when pawaPass may be tried. UpPass: not taken (the form\'s own end page is configured in the UpPass portal).' })
  successUrl?: string | null;

  @IsOptional()
  @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
  @MaxLength(2048)
  @Field(() => String, { nullable: true, description: 'Where the end user goes when the verification fails. pawaPass: `errorUrl`, required when pawaPass may be tried. UpPass: not taken.' })
  errorUrl?: string | null;

  @IsOptional()
  @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
  @MaxLength(2048)
  @Field(() => String, { nullable: true, description: 'Where the end user gets help. pawaPass: `supportUrl`, required when pawaPass may be tried. UpPass: not taken.' })
  supportUrl?: string | null;

  @IsOptional()
  @MaxLength(32)
  @Matches(NO_CONTROL, { message: 'must not contain control characters' })
  @Field(() => String, { nullable: true, description: 'Phone number of the end user, e.g. +260971234567. pawaPass: `phoneNo`. UpPass: not taken (ask for it in the form).' })
  phoneNo?: string | null;

  @IsOptional()
  @Matches(LANG, { message: 'must be a language code such as en or th' })
  @Field(() => String, { nullable: true, description: 'Language of the form the end user sees, e.g. `en` or `th`. UpPass: the `{lang}` of the form url (default `en`). pawaPass: not taken (its page picks the language).' })
  lang?: string | null;

  @IsOptional()
  @IsObject({ message: 'must be a JSON object' })
  @JsonBounds()
  @Field(() => JSONScalar, { nullable: true, description: 'Your key-value data. pawaPass: `metadata`, returned in `metadata` and webhooks. UpPass: sent as predefined `answers` keyed by question key (so its keys must be UpPass question keys: letters, digits, _ . -; at most 200 keys). Do not put secrets here.' })
  metadata?: Record<string, unknown> | null;

  @IsOptional()
  @Validate(FutureDate)
  @Field(() => DateTime, { nullable: true, description: 'When the session expires if not completed (must be in the future). pawaPass: `expiresAt`. UpPass: not taken (UpPass documents no expiry; drop-offs arrive as EXPIRED).' })
  expiresAt?: Date | null;

  @IsOptional()
  @MinLength(1)
  @MaxLength(255)
  @NoControlChars()
  @Field(() => String, { nullable: true, description: 'Send the same key when retrying: the first result (including its provider and attempts) is returned, and a retry never opens a session at a second provider (kept 24 h).' })
  idempotencyKey?: string | null;
}

@ObjectType({ description: 'A provider a routed start tried (or skipped for its open circuit) before moving on to the next.' })
export class ProviderAttempt {
  @Field(() => Provider, { description: 'The provider.' }) provider!: ProviderValue;
  @Field(() => String, { description: '`PROVIDER_UNAVAILABLE`: called, and it timed out, answered 5xx or could not be reached. `CIRCUIT_OPEN`: not called, its circuit is open after repeated failures.' }) code!: string;
  @Field(() => String, { description: 'What happened, for logs and support.' }) message!: string;
}

@ObjectType({ description: 'The result of `startVerification`.' })
export class VerificationStart {
  @Field(() => Verification, { description: 'The verification opened (or reused); send the end user to its `url`.' }) verification!: VerificationRecord;
  @Field(() => Boolean, { description: 'True when an earlier APPROVED verification was returned (`reuseApprovedWithinDays`) and no provider was called.' }) reused!: boolean;
  @Field(() => [ProviderAttempt], { description: 'Providers that were unavailable before the one that opened the session, in the order tried; empty when the first one did.' }) attempts!: ProviderAttempt[];
}

@Resolver()
export class RoutingResolver {
  @Authorized('verifications:write')
  @Mutation(() => VerificationStart, {
    description:
      'Opens a hosted verification at the right provider for the end user\'s country, moving on to the next provider when one is unavailable (timeout, 5xx, open circuit); a provider\'s 4xx stops with its error. When every candidate is unavailable: PROVIDER_UNAVAILABLE with `extensions.attempts`.',
  })
  async startVerification(
    @Arg('input', () => StartVerificationInput, { description: 'Who, where, and the common fields every hosted provider gets in its own shape.' }) input: StartVerificationInput,
    @Ctx() ctx: RequestContext,
  ) {
    if (input.reuseApprovedWithinDays != null) requireScope(ctx.principal, 'verifications:read');
    const fields = {
      subjectId: input.subjectId,
      country: input.country,
      successUrl: input.successUrl ?? null,
      errorUrl: input.errorUrl ?? null,
      supportUrl: input.supportUrl ?? null,
      phoneNo: input.phoneNo ?? null,
      lang: input.lang ?? null,
      metadata: input.metadata ?? null,
      expiresAt: input.expiresAt ?? null,
    };
    const providers = input.providers ?? null;
    const reuseApprovedWithinDays = input.reuseApprovedWithinDays ?? null;
    return ctx.services.routing.start({
      tenant: ctx.tenant,
      fields,
      providers,
      reuseApprovedWithinDays,
      idempotencyKey: input.idempotencyKey ?? null,
      input: { ...fields, expiresAt: fields.expiresAt?.toISOString() ?? null, providers, reuseApprovedWithinDays },
    });
  }
}
