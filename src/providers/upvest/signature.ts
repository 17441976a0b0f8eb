// Upvest HTTP message signatures (provider-specs/upvest.md, "Request signing"):
// draft-ietf-httpbis-message-signatures-15 for requests we send (`upvest-signature-version: 15`,
// quoted component names, `content-digest: sha-512=:…:`), and the older v6 form (unquoted names,
// `digest: SHA-256=…`) that Upvest still uses to sign the webhooks it sends. Keys: Ed25519 or
// ECDSA P-521 with SHA-512 (the only curve Upvest accepts). ECDSA signatures are the raw r‖s
// concatenation, as the draft prescribes for ECDSA. Primitives are node:crypto.
import { createHash, createPrivateKey, createPublicKey, type KeyObject, randomBytes, sign, timingSafeEqual, verify } from 'node:crypto';

export const SIGNATURE_VERSION_HEADER = 'upvest-signature-version';
export const SIGNATURE_LABEL = 'sig1';
/** Lifetime of a signature we create; the doc example and the official JS signer use 5 s. */
export const SIGNATURE_TTL_SECONDS = 5;

/** The components v15 covers, in this order, each only when the request has it. */
export const SIGNED_COMPONENTS = [
  '@method',
  '@path',
  '@query',
  'accept',
  'authorization',
  'content-length',
  'content-type',
  'content-digest',
  'idempotency-key',
  'upvest-client-id',
] as const;

export type KeyAlgorithm = 'ed25519' | 'ecdsa-p521-sha512';

/** `sha-512=:<base64>:` of the raw body bytes. */
export function contentDigest(body: Buffer | string): string {
  return `sha-512=:${createHash('sha512').update(body).digest('base64')}:`;
}

/** v6 `digest` header: `SHA-256=<base64>`. */
export function legacyDigest(body: Buffer | string): string {
  return `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
}

/** Which algorithm a key uses; throws for anything Upvest does not accept. */
export function keyAlgorithm(key: KeyObject): KeyAlgorithm {
  if (key.asymmetricKeyType === 'ed25519') return 'ed25519';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'secp521r1') return 'ecdsa-p521-sha512';
  throw new Error('signing keys must be Ed25519 or ECDSA P-521');
}

/** A private key from PEM (PKCS#8 or SEC1), validated to be Ed25519 or P-521. */
export function privateKeyFromPem(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  keyAlgorithm(key);
  return key;
}

export function signBytes(data: string, key: KeyObject): Buffer {
  return keyAlgorithm(key) === 'ed25519' ? sign(null, Buffer.from(data), key) : sign('sha512', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' });
}

export function verifyBytes(data: string, signature: Buffer, key: KeyObject): boolean {
  try {
    return keyAlgorithm(key) === 'ed25519'
      ? verify(null, Buffer.from(data), key, signature)
      : verify('sha512', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}

export interface MessageParts {
  method: string;
  /** Path with the query string, e.g. `/users/1/checks?x=1`. */
  target: string;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
}

function componentValue(name: string, msg: MessageParts): string | undefined {
  const q = msg.target.indexOf('?');
  if (name === '@method') return msg.method.toUpperCase();
  if (name === '@path') return q < 0 ? msg.target : msg.target.slice(0, q);
  if (name === '@query') return q < 0 ? undefined : msg.target.slice(q);
  return msg.headers[name]?.trim();
}

/** The signature base: one `"name": value` line per component (v6: unquoted), then the params. */
export function signatureBase(components: readonly string[], params: string, msg: MessageParts, version: 6 | 15 = 15): string {
  const lines = components.map((name) => {
    const value = componentValue(name, msg);
    if (value === undefined) throw new SignatureError(`covered component ${name} is missing`);
    return `${version === 15 ? `"${name}"` : name}: ${value}`;
  });
  lines.push(`${version === 15 ? '"@signature-params"' : '@signature-params'}: ${params}`);
  return lines.join('\n');
}

export class SignatureError extends Error {}

export interface SignOptions {
  key: KeyObject;
  keyId: string;
  /** Unix seconds; default now. */
  created?: number;
  ttlSeconds?: number;
  nonce?: string;
  /** Include `alg="…"` in the params (optional in the official example). Default false. */
  includeAlg?: boolean;
}

/**
 * Signs a request (v15). `msg.headers` must already hold every header that will be sent,
 * including `content-digest` when there is a body (see `contentDigest`). Returns the headers to add.
 */
export function signMessage(msg: MessageParts, opts: SignOptions): Record<string, string> {
  const components = SIGNED_COMPONENTS.filter((c) => componentValue(c, msg) !== undefined);
  const created = opts.created ?? Math.floor(Date.now() / 1000);
  const expires = created + (opts.ttlSeconds ?? SIGNATURE_TTL_SECONDS);
  const nonce = opts.nonce ?? randomBytes(16).toString('base64url');
  const alg = opts.includeAlg ? `;alg="${keyAlgorithm(opts.key)}"` : '';
  const params = `(${components.map((c) => `"${c}"`).join(' ')});keyid="${opts.keyId}";created=${created};expires=${expires};nonce="${nonce}"${alg}`;
  const signature = signBytes(signatureBase(components, params, msg, 15), opts.key).toString('base64');
  return {
    'signature-input': `${SIGNATURE_LABEL}=${params}`,
    signature: `${SIGNATURE_LABEL}=:${signature}:`,
    [SIGNATURE_VERSION_HEADER]: '15',
  };
}

export interface ParsedSignature {
  label: string;
  components: string[];
  /** The inner-list string exactly as received (what the base's last line repeats). */
  params: string;
  keyId: string | null;
  created: number | null;
  expires: number | null;
  nonce: string | null;
  signature: Buffer;
}

/** Parses `signature-input` and `signature` (first label); throws SignatureError when malformed. */
export function parseSignatureHeaders(headers: Record<string, string | string[] | undefined>): ParsedSignature {
  const input = one(headers['signature-input']);
  const sig = one(headers.signature);
  if (!input || !sig) throw new SignatureError('signature or signature-input header missing');
  const m = /^\s*([a-zA-Z0-9_*-]+)=(\(([^)]*)\)(.*))$/.exec(input);
  if (!m) throw new SignatureError('signature-input is malformed');
  const [, label, params, list, rest] = m;
  const components = list.trim() === '' ? [] : list.trim().split(/\s+/).map((c) => {
    const q = /^"([^"]+)"$/.exec(c);
    if (!q) throw new SignatureError('signature-input components must be quoted strings');
    return q[1].toLowerCase();
  });
  const param = (name: string) => new RegExp(`;${name}=("([^"]*)"|(\\d+))`).exec(rest);
  const num = (name: string) => {
    const p = param(name);
    return p?.[3] ? Number(p[3]) : null;
  };
  const str = (name: string) => param(name)?.[2] ?? null;
  const s = new RegExp(`(?:^|,)\\s*${label.replace(/[*]/g, '\\*')}=:([A-Za-z0-9+/=]+):`).exec(sig);
  if (!s) throw new SignatureError(`signature header has no ${label}`);
  return { label, components, params, keyId: str('keyid'), created: num('created'), expires: num('expires'), nonce: str('nonce'), signature: Buffer.from(s[1], 'base64') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export interface VerifyOptions {
  /** Looks up the public key for a keyid (may fetch). */
  keyFor: (keyId: string) => KeyObject | null | Promise<KeyObject | null>;
  /** Components that must be covered (plus a digest when there is a body). */
  required: readonly string[];
  /** Accepted clock skew in seconds. Default 30. */
  skewSeconds?: number;
  /** Oldest acceptable `created`, in seconds before now. Default 300. */
  maxAgeSeconds?: number;
  now?: number;
}

/**
 * Verifies a signed request (v15, or v6 when `upvest-signature-version` is not 15): covered
 * components, freshness, the body digest against the raw bytes, then the signature. Throws
 * SignatureError with the reason; returns the parsed signature.
 */
export async function verifyMessage(msg: MessageParts, rawBody: Buffer, opts: VerifyOptions): Promise<ParsedSignature> {
  const parsed = parseSignatureHeaders(msg.headers);
  const version = msg.headers[SIGNATURE_VERSION_HEADER]?.trim() === '15' ? 15 : 6;
  for (const c of opts.required) if (!parsed.components.includes(c)) throw new SignatureError(`${c} is not covered by the signature`);
  if (rawBody.length > 0) {
    const covered = parsed.components.includes('content-digest') ? 'content-digest' : parsed.components.includes('digest') ? 'digest' : null;
    if (!covered) throw new SignatureError('the body digest is not covered by the signature');
    const expected = covered === 'content-digest' ? contentDigest(rawBody) : legacyDigest(rawBody);
    const given = msg.headers[covered]?.trim() ?? '';
    if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
      throw new SignatureError(`${covered} does not match the body`);
    }
  }
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  const skew = opts.skewSeconds ?? 30;
  if (parsed.created == null) throw new SignatureError('created is missing');
  if (parsed.created > now + skew) throw new SignatureError('created is in the future');
  if (parsed.created < now - (opts.maxAgeSeconds ?? 300) - skew) throw new SignatureError('signature is too old');
  if (parsed.expires != null && parsed.expires < now - skew) throw new SignatureError('signature has expired');
  if (!parsed.keyId) throw new SignatureError('keyid is missing');
  const key = await opts.keyFor(parsed.keyId);
  if (!key) throw new SignatureError('unknown keyid');
  const base = signatureBase(parsed.components, parsed.params, msg, version);
  if (!verifyBytes(base, parsed.signature, key)) throw new SignatureError('signature does not verify');
  return parsed;
}

/** v6 signing, as Upvest signs webhooks (used by the simulator). */
export function signLegacyMessage(msg: MessageParts, components: readonly string[], opts: SignOptions): Record<string, string> {
  const created = opts.created ?? Math.floor(Date.now() / 1000);
  const expires = created + (opts.ttlSeconds ?? SIGNATURE_TTL_SECONDS);
  const nonce = opts.nonce ?? randomBytes(16).toString('base64url');
  const params = `(${components.map((c) => `"${c}"`).join(' ')});keyid="${opts.keyId}";created=${created};expires=${expires};nonce="${nonce}"`;
  const signature = signBytes(signatureBase(components, params, msg, 6), opts.key).toString('base64');
  return { 'signature-input': `${SIGNATURE_LABEL}=${params}`, signature: `${SIGNATURE_LABEL}=:${signature}:` };
}

/** A public key from a JWK of a JWKS (`kty` EC P-521 or OKP Ed25519); null for anything else. */
export function publicKeyFromJwk(jwk: Record<string, unknown>): KeyObject | null {
  try {
    const key = createPublicKey({ key: jwk as never, format: 'jwk' });
    keyAlgorithm(key);
    return key;
  } catch {
    return null;
  }
}
