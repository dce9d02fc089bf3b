import { execFileSync } from 'node:child_process';
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
    const file = new URL(`block-${index}.mts`, scratch);
    writeFileSync(file, block.replaceAll("'email-guard/incident'", JSON.stringify(source)));
    // execFileSync throws when the block exits with anything but 0.
    const output = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(file)], {
      encoding: 'utf8',
    });
    expect(output.length).toBeGreaterThan(0);
  });
});
