import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockFailures, codeBlocks, type DocumentRun, runCodeBlocks } from './support/code-blocks.js';

const root = resolve(__dirname, '..');
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
/** A block as a reader would paste it, its imports of the package pointed at the source. */
const againstSource = (block: string) =>
  block.replace(/from '(email-guard[^']*)'/g, (whole, name: string) =>
    entryPoints[name] ? `from '${resolve(root, entryPoints[name] as string)}'` : whole,
  );

for (const document of documents) {
  const blocks = codeBlocks(readFileSync(resolve(root, document), 'utf8'));
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

    if (blocks.length === 0) return;
    // Every code block runs, against the source, as a reader would paste it: all blocks of the
    // document in one process, each a module of its own in a working folder of its own, in order.
    let run: DocumentRun;
    beforeAll(
      async () => {
        run = await runCodeBlocks(isReadme ? 'README' : document.replace(/\W/g, '-'), blocks, {
          prepare: againstSource,
        });
      },
      60_000 * (blocks.length + 1),
    );

    it('runs every block to the end with nothing printed between them', () => {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    });

    for (const block of blocks) {
      const firstLine =
        block.source.split('\n').find((line) => line.trim() && !line.startsWith('import')) ?? '';
      it(`runs example ${block.number} (line ${block.line}): ${firstLine.slice(0, 60)}`, () => {
        expect(blockFailures(document, block, run)).toEqual([]);
      });
    }
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
