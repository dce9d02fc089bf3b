// Run: npm run demo
//
// Runs every bundled example in turn, each in its own process, and stops at the first that fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('.', import.meta.url));
const examples = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && name !== 'run-all.ts')
  .sort();

for (const example of examples) {
  console.log(`\n=== examples/${example} ===\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${folder}${example}`], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`examples/${example} failed with exit code ${result.status}`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\nAll ${examples.length} examples ran.`);
