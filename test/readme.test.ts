import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');
const blocksOf = (document: string) =>
  [...readFileSync(resolve(root, document), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map(
    (match) => match[1] as string,
  );
const blocks = blocksOf('README.md');
// Sections written beside the README (docs/*.md) run the same way.
const documents = existsSync(resolve(root, 'docs'))
  ? readdirSync(resolve(root, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`)
  : [];
const entryPoints: Record<string, string> = {
  'email-guard': 'src/index.ts',
  'email-guard/nodemailer': 'src/nodemailer/index.ts',
  'email-guard/mime': 'src/mime/index.ts',
  'email-guard/incident': 'src/incident/index.ts',
};

describe('README', () => {
  it('has a TypeScript example for every section that needs one', () => {
    expect(blocks.length).toBeGreaterThan(10);
  });

  // Every code block in the README runs, against the source, as a reader would paste it.
  const examples = [
    ...blocks.map((block, index) => ({ block, name: `example-${index + 1}`, label: `example ${index + 1}` })),
    ...documents.flatMap((document) =>
      blocksOf(document).map((block, index) => ({
        block,
        name: `${document.replace(/\W/g, '-')}-${index + 1}`,
        label: `${document} example ${index + 1}`,
      })),
    ),
  ];
  examples.forEach(({ block, name, label }) => {
    const firstLine = block.split('\n').find((line) => line.trim() && !line.startsWith('import')) ?? '';
    it(`runs ${label}: ${firstLine.slice(0, 60)}`, () => {
      const folder = resolve(root, '.tmp/readme');
      mkdirSync(folder, { recursive: true });
      const source = block.replace(/from '(email-guard[^']*)'/g, (whole, name: string) =>
        entryPoints[name] ? `from '${resolve(root, entryPoints[name] as string)}'` : whole,
      );
      const file = resolve(folder, `${name}.ts`);
      writeFileSync(file, `${source}\nexport {};\n`);
      const result = spawnSync(process.execPath, ['--import', 'tsx', file], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      });
      // The examples keep their held mail and logs under `email-guard-docs-<their pid>`: not left behind.
      rmSync(join(tmpdir(), `email-guard-docs-${result.pid}`), { recursive: true, force: true });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      // `console.log(x); // output` promises what is printed: each such output must appear.
      // Compared without white space: Node breaks and pads long arrays and objects as it likes.
      const printed = result.stdout.replace(/\s+/g, '');
      for (const expected of promisedOutputs(block)) expect(printed).toContain(expected.replace(/\s+/g, ''));
    });
  });
});

/**
 * The outputs a block's comments promise: the comment after a one-line `console.log(...)`, as
 * Node prints it (top-level strings without their quotes). Comments that elide (`…`, `...`) or
 * describe rather than show (`e.g.`) promise nothing checkable.
 */
function promisedOutputs(block: string): string[] {
  const outputs: string[] = [];
  const lines = block.split('\n');
  for (const [index, line] of lines.entries()) {
    if (!/^\s*(?:if \(.*\) )?console\.log\(.*\);/.test(line)) continue;
    // The output stands after the call, or on the comment line right below it.
    const trailing = /\);\s*\/\/\s*(.+)$/.exec(line)?.[1];
    const below = trailing === undefined ? /^\s*\/\/\s*(.+)$/.exec(lines[index + 1] ?? '')?.[1] : undefined;
    const comment = (trailing ?? below)?.trim();
    if (!comment || /…|\.\.\.|^e\.g\./.test(comment)) continue;
    outputs.push(/^[[{]/.test(comment) ? comment : comment.replace(/'([^']*)'/g, '$1'));
  }
  return outputs;
}
