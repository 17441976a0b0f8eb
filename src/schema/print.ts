// Prints schema.graphql (the subgraph SDL) from the code. `--check FILE` exits 1 when FILE is stale.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildKycSchema } from './build.js';

const sdl = `${printSubgraphSchema(await buildKycSchema()).trim()}\n`;
const checkAt = process.argv.indexOf('--check');
if (checkAt >= 0) {
  const file = process.argv[checkAt + 1] ?? 'schema.graphql';
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== sdl) {
    console.error(`${file} is stale: run \`npm run schema\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${file} is current.`);
} else {
  process.stdout.write(sdl);
}
