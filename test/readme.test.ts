import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');
const blocksOf = (document: string) =>
  [...readFileSync(resolve(root, document), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map(
    (match) => match[1] as string,
  );
// The README and the guides beside it (docs/*.md): every code block in each runs the same way.
const documents = [
  'README.md',
  ...(existsSync(resolve(root, 'docs'))
    ? readdirSync(resolve(root, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => `docs/${name}`)
    : []),
];
const entryPoints: Record<string, string> = {
  'email-guard': 'src/index.ts',
  'email-guard/browser': 'src/browser/index.ts',
  'email-guard/nodemailer': 'src/nodemailer/index.ts',
  'email-guard/mime': 'src/mime/index.ts',
  'email-guard/incident': 'src/incident/index.ts',
  'email-guard/postgres': 'src/postgres/index.ts',
};
const tsx = pathToFileURL(resolve(root, 'node_modules/tsx/dist/loader.mjs')).href;

for (const document of documents) {
  const blocks = blocksOf(document);
  const isReadme = document === 'README.md';

  describe(isReadme ? 'README' : document, () => {
    if (isReadme) {
      // The quick start and one example per user: the order form, the mail pipeline, the incident.
      it('has the quick start and an example for each kind of user', () => {
        expect(blocks.length).toBeGreaterThanOrEqual(4);
      });
    }

    it('links only to files and headings that exist', () => {
      expect(brokenLinks(document)).toEqual([]);
    });

    // Every code block runs, against the source, as a reader would paste it.
    blocks.forEach((block, index) => {
      const name = isReadme ? `example-${index + 1}` : `${document.replace(/\W/g, '-')}-${index + 1}`;
      const firstLine = block.split('\n').find((line) => line.trim() && !line.startsWith('import')) ?? '';
      it(`runs example ${index + 1}: ${firstLine.slice(0, 60)}`, () => {
        const folder = resolve(root, '.tmp/readme');
        mkdirSync(folder, { recursive: true });
        const source = block.replace(/from '(email-guard[^']*)'/g, (whole, name: string) =>
          entryPoints[name] ? `from '${resolve(root, entryPoints[name] as string)}'` : whole,
        );
        const file = resolve(folder, `${name}.ts`);
        writeFileSync(file, `${source}\nexport {};\n`);
        // The block works in a folder of its own, removed afterwards, and so is the folder the
        // examples keep their held mail in (`email-guard-docs-<pid>` in the temporary folder): what an
        // example writes is not left behind. The temporary folder itself stays the run's, where tsx
        // keeps its transform cache: a fresh one per block would compile all of src each time.
        const sandbox = mkdtempSync(resolve(tmpdir(), 'email-guard-readme-'));
        let pid: number | undefined;
        try {
          const result = spawnSync(process.execPath, ['--import', tsx, file], {
            cwd: sandbox,
            env: { ...process.env, TSX_TSCONFIG_PATH: resolve(root, 'tsconfig.json') },
            encoding: 'utf8',
            timeout: 60_000,
          });
          pid = result.pid;
          expect(result.stderr).toBe('');
          expect(result.status).toBe(0);
          // `console.log(x); // output` promises what is printed: each such output must appear, in
          // the order of the calls, so that two calls promising the same output cannot both be
          // satisfied by what one of them printed.
          // Compared without white space: Node breaks and pads long arrays and objects as it likes.
          const printed = result.stdout.replace(/\s+/g, '');
          let from = 0;
          for (const expected of promisedOutputs(block)) {
            const wanted = expected.replace(/\s+/g, '');
            const at = printed.indexOf(wanted, from);
            expect(
              at,
              `${wanted} printed after ${JSON.stringify(printed.slice(0, from))}`,
            ).toBeGreaterThanOrEqual(0);
            from = at + wanted.length;
          }
        } finally {
          rmSync(sandbox, { recursive: true, force: true });
          if (pid !== undefined)
            rmSync(join(tmpdir(), `email-guard-docs-${pid}`), { recursive: true, force: true });
        }
      });
    });
  });
}

/**
 * The relative links of a document (`[text](path)`, `[text](path#heading)`, `[text](#heading)`)
 * that name a file that does not exist, or a heading that the linked Markdown file does not have.
 * Links into code blocks are not links; web addresses are not checked.
 */
function brokenLinks(document: string): string[] {
  const text = readFileSync(resolve(root, document), 'utf8').replace(/```[\s\S]*?```/g, '');
  const broken: string[] = [];
  for (const match of text.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) {
    const link = match[1] as string;
    if (/^[a-z][a-z+.-]*:/i.test(link)) continue;
    const [path = '', heading] = link.split('#');
    const target = path ? resolve(root, dirname(document), path) : resolve(root, document);
    if (!existsSync(target)) broken.push(link);
    else if (heading !== undefined && target.endsWith('.md') && !headingAnchors(target).has(heading)) {
      broken.push(link);
    }
  }
  return broken;
}

/** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function headingAnchors(file: string): Set<string> {
  const anchors = new Set<string>();
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  for (const match of text.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = (match[1] as string)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    let anchor = base;
    for (let repeat = 1; anchors.has(anchor); repeat += 1) anchor = `${base}-${repeat}`;
    anchors.add(anchor);
  }
  return anchors;
}

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
