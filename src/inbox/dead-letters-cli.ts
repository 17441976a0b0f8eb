// Lists the webhook inbox's dead letters for an operator (newest first, one JSON line each: the
// provider, event id and kind, deliveries, reason; no personal data). Redis only: the in-memory
// inbox lives and dies with its process. Usage: REDIS_URL=redis://… npm run dead-letters [-- N]
import { Redis } from 'ioredis';
import { RedisInbox } from './redis.js';

const url = process.env.REDIS_URL;
if (!url) {
  console.error('REDIS_URL is not set: dead letters are kept only by the Redis inbox');
  process.exit(2);
}
const limit = Number(process.argv[2] ?? 100);
const redis = new Redis(url, { maxRetriesPerRequest: 1 });
try {
  for (const letter of await new RedisInbox(redis).deadLetters(Number.isInteger(limit) && limit > 0 ? limit : 100)) console.log(JSON.stringify(letter));
} finally {
  redis.disconnect();
}
