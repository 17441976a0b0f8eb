// Configuration: defaults for the embedded sandbox, and refusal of bad values by name.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('config', () => {
  it('defaults to the embedded sandbox: port 4000, memory, every provider in sandbox with random secrets', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 4000, redisUrl: null, production: false, introspection: true, publicUrl: null });
    expect(Object.values(c.providers).every((p) => p.mode === 'sandbox' && p.apiKey.length >= 32 && p.webhookSecrets.length === 1)).toBe(true);
    expect(loadConfig({}).providers.pawapass.apiKey).not.toBe(c.providers.pawapass.apiKey);
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['REDIS_URL', { REDIS_URL: 'localhost:6379' }],
    ['REDIS_URL', { REDIS_URL: 'http://localhost:6379' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'not a url' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['GRAPHQL_INTROSPECTION', { GRAPHQL_INTROSPECTION: 'maybe' }],
    ['PAWAPASS_TIMEOUT_MS', { PAWAPASS_TIMEOUT_MS: '-1' }],
    ['PAWAPASS_WEBHOOK_SECRETS', { PAWAPASS_API_KEY: 'live-key' }],
    ['API_KEYS', { PAWAPASS_API_KEY: 'live-key', PAWAPASS_WEBHOOK_SECRETS: 's' }],
    ['API_KEYS', { API_KEYS: '[{"sha256":"short","tenant":"t","scopes":[]}]' }],
    ['API_KEYS', { API_KEYS: '[{"sha256":"' + 'a'.repeat(64) + '","tenant":"t","scopes":["everything"]}]' }],
  ])('refuses a bad %s with a message naming it', (name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${name}`));
  });

  it.each([
    ['PAWAPASS_WEBHOOK_SECRETS', 'super-secret-key', { PAWAPASS_API_KEY: 'super-secret-key' }],
    ['UPHOLD_WEBHOOK_SECRETS', 'not-whsec-super-secret', { UPHOLD_WEBHOOK_SECRETS: 'not-whsec-super-secret' }],
    ['UPHOLD_WEBHOOK_SECRETS', 'uphold-super-secret', { UPHOLD_API_KEY: 'uphold-super-secret' }],
  ])('refuses a bad %s without echoing the secret %s', (name, secret, env) => {
    let error: unknown = null;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    // it must throw: a configuration that loads would make this test pass vacuously
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`^Invalid configuration: ${name}`));
    expect((error as Error).message).not.toContain(secret);
    expect(String((error as Error).stack)).not.toContain(secret);
  });

  it('goes live when a provider key and webhook secrets are set; production turns introspection off', () => {
    const c = loadConfig({ API_KEYS: '[{"sha256":"' + 'a'.repeat(64) + '","tenant":"t","scopes":[]}]', NODE_ENV: 'production', PAWAPASS_API_KEY: 'k', PAWAPASS_WEBHOOK_SECRETS: 'a,b', PAWAPASS_BASE_URL: 'https://api-sandbox1.pawapass.com/v2/' });
    expect(c.providers.pawapass).toMatchObject({ mode: 'live', apiKey: 'k', webhookSecrets: ['a', 'b'], baseUrl: 'https://api-sandbox1.pawapass.com/v2' });
    expect(c.introspection).toBe(false);
    expect(loadConfig({ API_KEYS: '[{"sha256":"' + 'a'.repeat(64) + '","tenant":"t","scopes":[]}]', NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
  });
});
