import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Proves the browser bundle carries no server code: the web app may import the router's *type* only.
 * Each signature is a string that survives minification in that library's code. Before scanning the
 * bundle we find each signature in the library itself, so a signature that stopped matching fails loudly
 * instead of passing silently.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const SIGNATURES: { library: string; marker: string; witness: string }[] = [
  { library: 'drizzle-orm', marker: 'drizzle:entityKind', witness: 'node_modules/drizzle-orm/entity.js' },
  { library: 'bullmq', marker: 'Missing lock for job', witness: 'node_modules/bullmq/dist/esm/classes/finished-errors.js' },
  { library: 'postgres', marker: 'PostgresError', witness: 'node_modules/postgres/src/errors.js' },
  { library: 'express', marker: 'x-powered-by', witness: 'node_modules/express/lib/application.js' },
];

const bundleDir = path.join(root, process.argv[2] ?? 'dist/apps/web/browser');
const files = readdirSync(bundleDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
if (files.length === 0) throw new Error(`no JavaScript in ${bundleDir}: build the web app first`);
const bundle = files.map((file) => readFileSync(path.join(bundleDir, file), 'utf8')).join('\n');

const problems: string[] = [];
for (const { library, marker, witness } of SIGNATURES) {
  if (!readFileSync(path.join(root, witness), 'utf8').includes(marker)) {
    problems.push(`signature "${marker}" no longer appears in ${library} (${witness}); pick a new one`);
  } else if (bundle.includes(marker)) {
    problems.push(`the web bundle contains ${library} code ("${marker}")`);
  }
}
if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`web bundle clean: ${files.length} files, no ${SIGNATURES.map((s) => s.library).join(', ')} code\n`);
