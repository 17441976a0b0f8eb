// One conformance suite (test/conformance/suite.ts) run for every provider adapter against its
// simulator over real HTTP (Part A), and holding every simulator answer and webhook against the
// provider's documented shape (Part B). Each provider is described once in test/conformance/<provider>.ts.
import { pawaPass } from './conformance/pawapass.js';
import { upPass } from './conformance/uppass.js';
import { argos } from './conformance/argos.js';
import { upvest } from './conformance/upvest.js';
import { uphold } from './conformance/uphold.js';
import { conformance } from './conformance/suite.js';

for (const d of [pawaPass, upPass, argos, upvest, uphold]) conformance(d);
