import { describe, expect, it } from 'vitest';
import { blockFailures, codeBlocks, runCodeBlocks } from './code-blocks.js';

// A guide with a passing block, a block that throws, one that promises output it does not print,
// one that writes to standard error, and a passing block after them: each failure names its own
// block and line, and a failing block neither stops nor leaks into the blocks after it.
const guide = [
  '# A guide', // 1
  '', // 2
  '```ts', // 3
  "const greeting = 'hej';", // 4
  'console.log(greeting); // hej', // 5
  '```', // 6
  '', // 7
  '```ts', // 8
  "throw new Error('the second block breaks');", // 9
  '```', // 10
  '', // 11
  '```ts', // 12
  "console.log(['a', 'b']); // ['a', 'c']", // 13
  '```', // 14
  '', // 15
  '```ts', // 16
  "console.error('a warning');", // 17
  '```', // 18
  '', // 19
  '```ts', // 20
  '// A module of its own (the same name as in the first block), in a folder of its own.', // 21
  "const greeting = 'hallå';", // 22
  "console.log(greeting, process.cwd().includes('email-guard-readme-')); // hallå true", // 23
  '```', // 24
  '', // 25
].join('\n');

describe('runCodeBlocks', () => {
  it('finds each block with the line its code starts on', () => {
    expect(codeBlocks(guide).map((block) => [block.number, block.line])).toEqual([
      [1, 4],
      [2, 9],
      [3, 13],
      [4, 17],
      [5, 21],
    ]);
  });

  it('fails each failing block by its document and line, and runs the blocks after it', async () => {
    const blocks = codeBlocks(guide);
    const run = await runCodeBlocks('code-blocks-test-guide', blocks, { folder: 'code-blocks-test' });
    const failures = blocks.map((block) => blockFailures('guide.md', block, run));
    expect(failures[0]).toEqual([]);
    expect(failures[1]).toEqual([
      expect.stringMatching(/^guide\.md:9 \(example 2\) failed: Error: the second block breaks/),
    ]);
    expect(failures[2]).toEqual([
      expect.stringMatching(/^guide\.md:13 \(example 3\) did not print \['a','c'\]/),
    ]);
    expect(failures[3]).toEqual(['guide.md:17 (example 4) printed on standard error:\na warning\n']);
    expect(failures[4]).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('fails a block that leaves a server open, and one that ends the process, by its line', async () => {
    const blocks = codeBlocks(
      [
        '```ts',
        "import { createServer } from 'node:net';",
        "createServer().listen(0, '127.0.0.1');",
        '```',
        '```ts',
        'process.exit(3);',
        '```',
        '```ts',
        "console.log('never'); // never",
        '```',
      ].join('\n'),
    );
    const run = await runCodeBlocks('code-blocks-test-exit', blocks, {
      folder: 'code-blocks-test',
      timeoutMs: 2_000,
    });
    // On a busy machine compiling the block may take the time limit too: that failure may come first.
    expect(blockFailures('broken.md', blocks[0] as (typeof blocks)[number], run)).toEqual(
      expect.arrayContaining(['broken.md:2 (example 1) failed: left open after 2000 ms: TCPServerWrap']),
    );
    expect(blockFailures('broken.md', blocks[1] as (typeof blocks)[number], run)).toEqual([
      expect.stringMatching(/^broken\.md:6 \(example 2\) did not finish: the process ended with status 3/),
    ]);
    expect(run.results.has(3)).toBe(false);
  });
});
