import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// docs/incident.md promises that every code block in it runs: each TypeScript block is run as it is
// written, with the package import pointed at the source.
const docs = readFileSync(new URL('../../docs/incident.md', import.meta.url), 'utf8');
const blocks = [...docs.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
const source = fileURLToPath(new URL('../../src/incident/index.ts', import.meta.url));
const scratch = new URL('../../.tmp/docs/', import.meta.url);

describe('docs/incident.md', () => {
  it('has one example per export', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  it.each(blocks.map((block, index) => [index + 1, block] as const))('runs code block %i', (index, block) => {
    mkdirSync(scratch, { recursive: true });
    const file = fileURLToPath(new URL(`block-${index}.ts`, scratch));
    writeFileSync(
      file,
      `${block.replaceAll("'email-guard/incident'", JSON.stringify(source))}\nexport {};\n`,
    );
    const result = spawnSync(process.execPath, ['--import', 'tsx', file], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    // Pasted into a README whose blocks must run silently: nothing on stderr, exit code 0.
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(0);
  });
});
