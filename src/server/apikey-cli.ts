// `npm run apikey -- <tenant> [scope…]`: prints a new API key (give it to the client) and the
// API_KEYS entry (its SHA-256, for the server's configuration). The key itself is never stored.
import { newApiKey, SCOPES, type Scope } from './auth.js';

const [tenant, ...scopes] = process.argv.slice(2);
if (!tenant || scopes.some((s) => !(SCOPES as readonly string[]).includes(s))) {
  console.error(`usage: npm run apikey -- <tenant> [scope…]   scopes: ${SCOPES.join(' ')} (default: all)`);
  process.exit(2);
}
const { key, entry } = newApiKey(tenant, scopes.length ? (scopes as Scope[]) : [...SCOPES]);
console.log(`key (give to the client, shown once):\n  ${key}\nAPI_KEYS entry (server configuration):\n  ${JSON.stringify(entry)}`);
